/**
 * The request form (item 2): what the seed's e-mail asked for, validated with zod into pt-BR messages
 * keyed by form field. There is no title to write: the base's name and id come from the base itself.
 */
import { isoCalendarDate, parseCalendarDate } from '@painel/core/plugin';
import { z } from 'zod';
import type { Availability } from '../db/schema.ts';
import { ENTITY_KEYS, EXTRACTION_MODES, FORMAT_KEYS, type ContactValue, type EntityKey, type ExtractionMode, type FormatKey } from './vocabulary.ts';

/** The form's raw values (strings and lists of strings), as posted and as shown back. */
export interface RequestFormValues {
  base: string;
  sistema: string;
  sistemaOutro: string;
  versao: string;
  dataDisponivel: string;
  horaInicio: string;
  horaFim: string;
  contatoNome: string;
  contatoTelefone: string;
  contatoEmail: string;
  analistaNome: string;
  analistaTelefone: string;
  analistaEmail: string;
  modoExtracao: string;
  formatos: string[];
  formatoOutro: string;
  entidades: string[];
}

export const emptyRequestForm: RequestFormValues = {
  base: '',
  sistema: '',
  sistemaOutro: '',
  versao: '',
  dataDisponivel: '',
  horaInicio: '',
  horaFim: '',
  contatoNome: '',
  contatoTelefone: '',
  contatoEmail: '',
  analistaNome: '',
  analistaTelefone: '',
  analistaEmail: '',
  modoExtracao: '',
  formatos: [],
  formatoOutro: '',
  entidades: [],
};

/** What a valid form becomes. */
export interface RequestInput {
  legacySystemId: number | null;
  legacySystemOther: string | null;
  legacyVersion: string;
  availability: Availability;
  clinicContact: ContactValue;
  analystContact: ContactValue;
  extractionMode: ExtractionMode;
  formats: FormatKey[];
  otherFormat: string | null;
  entities: EntityKey[];
}

const text = (min: number, max: number, message: string) => z.string().trim().min(min, message).max(max, message);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Informe a hora no formato hh:mm (por exemplo 09:00).');
/** A Brazilian phone: 10 or 11 digits with the area code, written any way ("(49) 9 9970-0252"). */
const phone = (who: string) =>
  z.string().refine((v) => /^\d{10,11}$/.test(v.replace(/[\s().+-]/g, '').replace(/^55(?=\d{10,11}$)/, '')), {
    message: `Informe o telefone ${who} com DDD, por exemplo (49) 99970-0252.`,
  });
const email = (who: string) => z.string().trim().pipe(z.email({ message: `Informe um e-mail válido ${who}.` }));

const schema = z
  .object({
    sistema: z.string().refine((v) => v === 'outro' || /^\d{1,9}$/.test(v), { message: 'Escolha o sistema legado na lista (ou "Outro").' }),
    sistemaOutro: z.string().trim().max(80, 'O nome do sistema pode ter até 80 caracteres.'),
    versao: text(1, 40, 'Informe a versão do sistema legado (até 40 caracteres; "não sei" também serve).'),
    dataDisponivel: z.string().refine((v) => parseCalendarDate(v) !== null, { message: 'Informe a data disponível para a extração (dd/mm/aaaa).' }),
    horaInicio: time,
    horaFim: time,
    contatoNome: text(2, 120, 'Informe o nome do contato da clínica.'),
    contatoTelefone: phone('do contato da clínica'),
    contatoEmail: email('do contato da clínica'),
    analistaNome: text(2, 120, 'Informe o nome do analista da singular que acompanhará a migração.'),
    analistaTelefone: phone('do analista da singular'),
    analistaEmail: email('do analista da singular'),
    modoExtracao: z.enum(Object.keys(EXTRACTION_MODES) as [ExtractionMode, ...ExtractionMode[]], { message: 'Escolha quem fará a extração dos dados.' }),
    formatos: z.array(z.enum(FORMAT_KEYS as [FormatKey, ...FormatKey[]], { message: 'Formato desconhecido.' })).min(1, 'Marque ao menos um formato em que os dados serão enviados.'),
    formatoOutro: z.string().trim().max(120, 'Descreva o outro formato em até 120 caracteres.'),
    entidades: z.array(z.enum(ENTITY_KEYS as [EntityKey, ...EntityKey[]], { message: 'Informação desconhecida.' })).min(1, 'Marque ao menos uma informação a migrar.'),
  })
  .superRefine((v, ctx) => {
    if (v.sistema === 'outro' && v.sistemaOutro.length < 2) ctx.addIssue({ code: 'custom', path: ['sistemaOutro'], message: 'Informe o nome do sistema legado que não está na lista.' });
    if (v.formatos.includes('outro') && v.formatoOutro.length < 2) ctx.addIssue({ code: 'custom', path: ['formatoOutro'], message: 'Descreva o outro formato (ele passará por uma avaliação de viabilidade).' });
    if (v.horaInicio && v.horaFim && v.horaFim <= v.horaInicio) ctx.addIssue({ code: 'custom', path: ['horaFim'], message: 'A hora final deve ser depois da hora inicial.' });
  });

const digits = (v: string) => v.replace(/\D/g, '').replace(/^55(?=\d{10,11}$)/, '');

/** A valid request input, or pt-BR errors keyed by form field (the first problem of each field). */
export function parseRequestForm(values: RequestFormValues, today: string): { ok: true; input: RequestInput } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(values);
  const errors: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? 'form');
      errors[key] ??= issue.message;
    }
  }
  const day = parseCalendarDate(values.dataDisponivel);
  if (day && isoCalendarDate(day) < today) errors.dataDisponivel ??= 'A data disponível para a extração não pode estar no passado.';
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const v = result.data;
  return {
    ok: true,
    input: {
      legacySystemId: v.sistema === 'outro' ? null : Number(v.sistema),
      legacySystemOther: v.sistema === 'outro' ? v.sistemaOutro : null,
      legacyVersion: v.versao,
      availability: { date: isoCalendarDate(day!), from: v.horaInicio, to: v.horaFim },
      clinicContact: { name: v.contatoNome, phone: digits(v.contatoTelefone), email: v.contatoEmail.toLowerCase() },
      analystContact: { name: v.analistaNome, phone: digits(v.analistaTelefone), email: v.analistaEmail.toLowerCase() },
      extractionMode: v.modoExtracao,
      formats: [...new Set(v.formatos)],
      otherFormat: v.formatos.includes('outro') ? v.formatoOutro : null,
      entities: [...new Set(v.entidades)],
    },
  };
}

/** "49999700252" → "(49) 99970-0252". */
export function formatPhone(d: string): string {
  if (d.length === 11) return `(${d.slice(0, 2)}) ${d.slice(2, 7)}-${d.slice(7)}`;
  if (d.length === 10) return `(${d.slice(0, 2)}) ${d.slice(2, 6)}-${d.slice(6)}`;
  return d;
}

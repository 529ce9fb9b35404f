/**
 * Generated legacy tables with a known number of defects of each kind. Every defective row carries exactly
 * one defect, so the expected report is exact: `errors[kind]` = defects asked of that kind, `valid` = rows −
 * defects. Rows are produced lazily (a million-row file never sits in memory).
 */
import type { EntityKey } from '../entities.ts';
import type { ErrorKind } from '../kinds.ts';
import { distinctPositions, pick, seeded } from './random.ts';
import * as v from './values.ts';

export type Defects = Partial<Record<ErrorKind, number>>;

export interface GeneratedTable {
  entity: EntityKey;
  header: string[];
  rows(): Iterable<string[]>;
  /** The report expected for this table when the files it refers to are checked with it. */
  expected: { rows: number; valid: number; errors: Record<ErrorKind, number> };
}

const KINDS: ErrorKind[] = ['campo_obrigatorio_ausente', 'cpf_invalido', 'data_invalida', 'sexo_invalido', 'email_invalido', 'telefone_invalido', 'duplicado', 'referencia_inexistente', 'valor_invalido'];

function expectedOf(rows: number, defects: Defects) {
  const errors = Object.fromEntries(KINDS.map((k) => [k, defects[k] ?? 0])) as Record<ErrorKind, number>;
  const total = Object.values(errors).reduce((a, b) => a + b, 0);
  return { rows, valid: rows - total, errors };
}

/** Spreads the defects over rows 1..rows-1 (row 0 stays clean: duplicates copy its CPF). */
function plan(rows: number, defects: Defects, seed: number, allowed: readonly ErrorKind[]): Map<number, ErrorKind> {
  const kinds: ErrorKind[] = [];
  for (const [kind, count] of Object.entries(defects) as Array<[ErrorKind, number]>) {
    if (!allowed.includes(kind)) throw new Error(`defect ${kind} not generated for this entity`);
    for (let i = 0; i < count; i++) kinds.push(kind);
  }
  const r = seeded(seed ^ 0x5eed);
  const at = distinctPositions(r, kinds.length, 1, rows);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j]!, kinds[i]!];
  }
  return new Map(at.map((row, i) => [row, kinds[i]!]));
}

export const PATIENT_HEADERS = {
  /** A Windows-era clinic system: abbreviations, accents, a column no field takes. */
  classic: ['Cód. Paciente', 'Nome do Paciente', 'Data Nasc.', 'Sexo', 'RG', 'CPF', 'Endereço', 'Bairro', 'Cidade', 'UF', 'CEP', 'Fone', 'Celular', 'E-mail', 'Cód. Convênio', 'Observações', 'Aceita e-mail marketing'],
  /** A database dump: upper snake case. */
  snake: ['ID', 'NOME_COMPLETO', 'DT_NASCIMENTO', 'SEXO', 'NUM_RG', 'NUM_CPF', 'LOGRADOURO', 'BAIRRO', 'MUNICIPIO', 'ESTADO', 'CEP', 'TEL_RESIDENCIAL', 'TEL_CELULAR', 'EMAIL', 'CONVENIO', 'OBS', 'EMAIL_CONSENT'],
} as const;

export interface PatientOptions {
  rows: number;
  defects?: Defects;
  /** Rows with a blank CPF (a warning, not an error). */
  blankCpf?: number;
  /** Convênio codes that exist (1..convenios); a referencia_inexistente defect uses one beyond. */
  convenios?: number;
  headers?: keyof typeof PATIENT_HEADERS;
  seed?: number;
}

export function patients(options: PatientOptions): GeneratedTable {
  const { rows, defects = {}, blankCpf = 0, convenios = 10, headers = 'classic', seed = 1 } = options;
  const defectAt = plan(rows, defects, seed, KINDS);
  const blankAt = new Set<number>();
  const rb = seeded(seed ^ 0xb1a2);
  while (blankAt.size < Math.min(blankCpf, rows - 1 - defectAt.size)) {
    const i = 1 + Math.floor(rb() * (rows - 1));
    if (!defectAt.has(i)) blankAt.add(i);
  }
  return {
    entity: 'pacientes',
    header: [...PATIENT_HEADERS[headers]],
    expected: expectedOf(rows, defects),
    *rows() {
      const r = seeded(seed);
      for (let i = 0; i < rows; i++) {
        const defect = defectAt.get(i);
        const n = v.name(r);
        const [cidade, uf, ddd] = v.city(r);
        let nome: string = n;
        let nasc = v.birthDate(r);
        let sexo = v.sexo(r);
        let cpf = blankAt.has(i) ? '' : v.cpf(i, r() < 0.7);
        let fone = r() < 0.8 ? v.phone(ddd, r) : '';
        let cel = v.mobile(ddd, r);
        let mail = r() < 0.9 ? v.email(n, i) : '';
        let conv = String(1 + Math.floor(r() * convenios));
        switch (defect) {
          case 'campo_obrigatorio_ausente': nome = ''; break;
          case 'valor_invalido': nome = pick(r, v.BAD.name); break;
          case 'cpf_invalido': cpf = pick(r, v.BAD.cpf); break;
          case 'duplicado': cpf = v.cpf(0, r() < 0.5); break;
          case 'data_invalida': nasc = pick(r, v.BAD.date); break;
          case 'sexo_invalido': sexo = pick(r, v.BAD.sexo); break;
          case 'email_invalido': mail = pick(r, v.BAD.email); break;
          case 'telefone_invalido': if (r() < 0.5) fone = pick(r, v.BAD.phone); else cel = pick(r, v.BAD.phone); break;
          case 'referencia_inexistente': conv = String(convenios + 1 + Math.floor(r() * 100)); break;
        }
        const cep = `${Math.floor(10000 + r() * 89999)}-${Math.floor(100 + r() * 899)}`;
        yield [String(1000 + i), nome, nasc, sexo, `${Math.floor(1000000 + r() * 8999999)}`, cpf, v.street(r), 'Centro', cidade, uf, cep, fone, cel, mail, conv, v.note(r), pick(r, ['S', 'N'])];
      }
    },
  };
}

export function convenios(count: number): GeneratedTable {
  const names = ['Unimed', 'Particular', 'Bradesco Saúde', 'SulAmérica', 'Amil', 'Cassi', 'Geap', 'Postal Saúde', 'Saúde Caixa', 'Hapvida'];
  return {
    entity: 'convenios',
    header: ['Código', 'Descrição', 'Registro ANS'],
    expected: expectedOf(count, {}),
    *rows() {
      for (let i = 1; i <= count; i++) yield [String(i), `${names[(i - 1) % names.length]}${i > names.length ? ` ${i}` : ''}`, String(300000 + i)];
    },
  };
}

export function procedimentos(count: number): GeneratedTable {
  return {
    entity: 'procedimentos',
    header: ['Cód. Procedimento', 'Nome do Procedimento', 'Valor (R$)'],
    expected: expectedOf(count, {}),
    *rows() {
      for (let i = 1; i <= count; i++) yield [String(10101000 + i), `Consulta, especialidade ${i}`, `${100 + i},00`];
    },
  };
}

export interface AppointmentOptions {
  rows: number;
  patients: number;
  convenios: number;
  procedimentos: number;
  defects?: Defects;
  /** Rows whose situação is none of the known ones (a warning). */
  unknownStatus?: number;
  seed?: number;
}

/** Appointments referring to patients 1000.., convênios 1.. and procedures 10101001.. by code. */
export function agendamentos(options: AppointmentOptions): GeneratedTable {
  const { rows, defects = {}, unknownStatus = 0, seed = 2 } = options;
  const defectAt = plan(rows, defects, seed, ['campo_obrigatorio_ausente', 'data_invalida', 'referencia_inexistente']);
  return {
    entity: 'agendamentos',
    header: ['Data/Hora', 'Cód. Paciente', 'Profissional', 'Cód. Convênio', 'Cód. Procedimento', 'Situação'],
    expected: expectedOf(rows, defects),
    *rows() {
      const r = seeded(seed);
      let unknown = unknownStatus;
      for (let i = 0; i < rows; i++) {
        const defect = defectAt.get(i);
        let when = v.dateTime(r);
        let patient = String(1000 + Math.floor(r() * options.patients));
        let conv = String(1 + Math.floor(r() * options.convenios));
        let proc = String(10101001 + Math.floor(r() * options.procedimentos));
        let status = pick(r, ['Agendado', 'Confirmado', 'Atendido', 'Faltou', 'Cancelado', 'atendida']);
        if (!defect && unknown > 0 && i % 3 === 0) {
          status = 'Em análise';
          unknown--;
        }
        if (defect === 'campo_obrigatorio_ausente') when = '';
        if (defect === 'data_invalida') when = pick(r, v.BAD.dateTime);
        if (defect === 'referencia_inexistente') {
          const which = Math.floor(r() * 3);
          if (which === 0) patient = String(900000 + i);
          else if (which === 1) conv = String(options.convenios + 50);
          else proc = '99999999';
        }
        yield [when, patient, pick(r, ['Dr. Carlos Mendes', 'Dra. Helena Prado', 'Dr. Paulo Sá']), conv, proc, status];
      }
    },
  };
}

import { z } from 'zod';
import { type BusinessCalendar, defaultCalendar, OPTIONAL_HOLIDAY_KEYS } from '@painel/core/plugin';

/** Seed 001: TISS issues such as "glosas" are for the clinic to resolve with the operadora. */
export const DEFAULT_TISS_REPLY =
  'Olá! Este chamado trata de uma situação da TISS integrada que não se caracteriza como dúvida de uso nem como erro do sistema. ' +
  'Retornos como "glosas" na solicitação de autorização, e bloqueios decorrentes das parametrizações definidas pela singular, ' +
  'devem ser tratados diretamente com a operadora. Por favor, entre em contato com a operadora informando o número da guia e a mensagem recebida. ' +
  'Se, depois disso, o sistema não se comportar como esperado, responda a este chamado que seguimos com você.';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use datas no formato AAAA-MM-DD.');

/** How many extra days off one singular's calendar keeps. */
export const EXTRA_DAYS_OFF_MAX = 200;

/** Per-reseller settings of the support plugin (every field has a default). */
export const supportSettings = z.object({
  /** The singular's own support team answers its clinics' tickets ("Fila da singular"). */
  ownSupportTeam: z.boolean().default(false),
  /** Suggested answer pre-filled in the reply box of TISS tickets. */
  tissReplyText: z.string().trim().min(1, 'Escreva a resposta padrão de TISS.').max(4000, 'A resposta padrão de TISS tem no máximo 4.000 caracteres.').default(DEFAULT_TISS_REPLY),
  /** Pontos facultativos this singular's SLA calendar takes off (Carnaval, Corpus Christi, …). */
  optionalHolidays: z.array(z.enum(OPTIONAL_HOLIDAY_KEYS, 'Ponto facultativo desconhecido.')).max(OPTIONAL_HOLIDAY_KEYS.length, 'Ponto facultativo repetido.').default([]),
  /** Extra local dates off (e.g. a municipal holiday of the singular's city). */
  extraDaysOff: z.array(localDate).max(EXTRA_DAYS_OFF_MAX, `O calendário tem no máximo ${EXTRA_DAYS_OFF_MAX} folgas.`).default([]),
  /** Attachments of tickets closed longer than this many days are deleted (LGPD retention). */
  attachmentRetentionDays: z.number('A retenção de anexos deve ser de 30 a 3.650 dias.').int('A retenção de anexos deve ser de 30 a 3.650 dias.').min(30, 'A retenção de anexos deve ser de 30 a 3.650 dias.').max(3650, 'A retenção de anexos deve ser de 30 a 3.650 dias.').default(365),
});

export type SupportSettings = z.output<typeof supportSettings>;

/** The business calendar of one singular: the contract's hours plus its optional holidays and days off. */
export function calendarOf(settings: Pick<SupportSettings, 'optionalHolidays' | 'extraDaysOff'>): BusinessCalendar {
  return {
    ...defaultCalendar(),
    optionalHolidays: [...settings.optionalHolidays],
    extraDaysOff: [...settings.extraDaysOff].sort(),
  };
}

import { m } from '../messages.ts';

const reasons: Record<string, string> = {
  ehr: m('log.reason.ehr'),
  grant_ended: m('log.reason.grant_ended'),
  not_found: m('log.reason.not_found'),
  policy: m('log.reason.policy'),
};

/** Why a support request was refused, in pt-BR ("acesso encerrado"), for the screen and the CSV. */
export const refusalReasonLabel = (reason: string): string => reasons[reason] ?? `outro motivo (${reason})`;

/**
 * The support plugin's routes (tickets, queues, board, indicators, settings) in the authorization
 * matrix. The ticket is one of base A in the vendor's queue, with an attachment. See
 * authorization-matrix.test.ts for how to add a row.
 */
import { outcomes, type Row } from './actors.ts';

/** Opening and following tickets: the users of the active base. */
const baseUsers = outcomes(403, { gestorA: 'ok', gestorB: 'ok', medico: 'ok', staffA: 'ok' });
/** The singular's team (its admins). */
const team = outcomes(403, { resellerA: 'ok', resellerB: 'ok' });
const agents = outcomes(403, { support: 'ok', supportIn: 'ok' });
/**
 * The ticket of base A: its users, its singular's admin, the vendor's agents (vendor queue) and the
 * platform; another base, another singular and the migration team do not see it.
 */
const ticketOfA = outcomes(404, { gestorA: 'ok', medico: 'ok', staffA: 'ok', resellerA: 'ok', support: 'ok', supportIn: 'ok', platform: 'ok', supportB: 403 });
/** Writing on it: the same, except the platform, which follows tickets read-only. */
const ticketWriteA = { ...ticketOfA, platform: 403 as const };
/** The priority of a vendor-queue ticket is set by the vendor's support (SPEC §7): the clinic and its singular read it. */
const supportSets = outcomes(404, { support: 'ok', supportIn: 'ok', gestorA: 403, medico: 403, staffA: 403, resellerA: 403, platform: 403, supportB: 403 });

export const supportMatrix: Record<string, Row> = {
  'GET /p/support': { path: () => '/p/support', expect: outcomes('ok', { supportB: 403 }) },
  // The base's list: its users, and the agent inside it through a grant.
  'GET /p/support/chamados': { path: () => '/p/support/chamados', expect: outcomes(403, { gestorA: 'ok', gestorB: 'ok', medico: 'ok', staffA: 'ok', supportIn: 'ok' }) },
  'GET /p/support/fila': { path: () => '/p/support/fila', expect: agents },
  'GET /p/support/singular': { path: () => '/p/support/singular', expect: team },
  'GET /p/support/risco': { path: () => '/p/support/risco', expect: outcomes(403, { support: 'ok', supportIn: 'ok', resellerA: 'ok', resellerB: 'ok' }) },
  'GET /p/support/chamados/novo': { path: () => '/p/support/chamados/novo', expect: baseUsers },
  'POST /p/support/chamados': { path: () => '/p/support/chamados', form: {}, expect: baseUsers },
  'GET /p/support/chamados/:id': { path: (f) => `/p/support/chamados/${f.ticketId}`, expect: ticketOfA },
  'POST /p/support/chamados/:id/mensagens': { path: (f) => `/p/support/chamados/${f.ticketId}/mensagens`, form: { mensagem: 'Mensagem da matriz de autorização' }, expect: ticketWriteA },
  'POST /p/support/chamados/:id/prioridade': { path: (f) => `/p/support/chamados/${f.ticketId}/prioridade`, form: { prioridade: 'baixa' }, expect: supportSets },
  'POST /p/support/chamados/:id/situacao': { path: (f) => `/p/support/chamados/${f.ticketId}/situacao`, form: { situacao: '' }, expect: ticketWriteA },
  'POST /p/support/chamados/:id/encaminhar': { path: (f) => `/p/support/chamados/${f.ticketId}/encaminhar`, form: {}, expect: outcomes(403, { resellerA: 'ok', resellerB: 404 }) },
  'POST /p/support/chamados/:id/acesso': { path: (f) => `/p/support/chamados/${f.ticketId}/acesso`, form: {}, expect: agents },
  'GET /p/support/anexos/:id': { path: (f) => `/p/support/anexos/${f.attachmentId}`, expect: ticketOfA },
  'GET /p/support/quadro': { path: () => '/p/support/quadro', expect: team },
  'POST /p/support/quadro/:id': { path: (f) => `/p/support/quadro/${f.cardId}`, form: { coluna: 'em_analise' }, expect: outcomes(403, { resellerA: 'ok', resellerB: 404 }) },
  'GET /p/support/indicadores': { path: () => '/p/support/indicadores', expect: outcomes(403, { platform: 'ok', support: 'ok', supportIn: 'ok', resellerA: 'ok', resellerB: 'ok' }) },
  'GET /p/support/indicadores/csv': { path: () => '/p/support/indicadores/csv', expect: outcomes(403, { platform: 'ok', support: 'ok', supportIn: 'ok', resellerA: 'ok', resellerB: 'ok' }) },
  'GET /p/support/configuracoes': { path: () => '/p/support/configuracoes', expect: team },
  'POST /p/support/configuracoes': { path: () => '/p/support/configuracoes', form: {}, expect: team },
  'POST /p/support/configuracoes/folgas': { path: () => '/p/support/configuracoes/folgas', form: {}, expect: team },
  'POST /p/support/configuracoes/folgas/remover': { path: () => '/p/support/configuracoes/folgas/remover', form: {}, expect: team },
};

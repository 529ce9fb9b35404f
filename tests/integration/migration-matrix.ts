/**
 * The migration plugin's rows of the authorization matrix (authorization-matrix.test.ts): every route
 * the plugin registers × every kind of actor. Forms are empty or invalid, so an allowed write answers
 * 422 and changes nothing; the request is the demo's open request of base 1001 (Singular Demo).
 */
export const migrationActors = ['anon', 'gestorA', 'medico', 'resellerA', 'resellerB', 'support', 'supportIn', 'platform', 'team'] as const;
export type MigrationActor = (typeof migrationActors)[number];
export type Outcome = 'ok' | 'login' | 403 | 404;

export const migrationLogins: Record<Exclude<MigrationActor, 'anon'>, string> = {
  gestorA: 'clinica@demo.test', // gestor of 1001
  medico: 'medico@demo.test', // médico in 1001 and 1002
  resellerA: 'singular@demo.test', // admin of Singular Demo (owns 1001)
  resellerB: 'vizinha@demo.test', // admin of Singular Vizinha
  support: 'suporte@demo.test', // support agent outside any base
  supportIn: 'suporte@demo.test', // the same, inside 1001 through the demo grant
  platform: 'plataforma@demo.test',
  team: 'migracao@demo.test', // the vendor's migration team
};

interface Fixture {
  requestId: number;
  systemId: number;
}

export interface MigrationRow {
  path: (f: Fixture) => string;
  form?: Record<string, string>;
  expect: Record<MigrationActor, Outcome>;
}

function outcomes(others: Outcome, overrides: Partial<Record<MigrationActor, Outcome>> = {}): Record<MigrationActor, Outcome> {
  return Object.fromEntries(migrationActors.map((a) => [a, a === 'anon' ? 'login' : (overrides[a] ?? others)])) as Record<MigrationActor, Outcome>;
}

/** The request of base 1001: its gestor, its singular, the team; support inside the base and the platform read (writes 403); the rest 404. */
const readRequest = outcomes(404, { gestorA: 'ok', resellerA: 'ok', supportIn: 'ok', platform: 'ok', team: 'ok' });
const writeRequest = outcomes(404, { gestorA: 'ok', resellerA: 'ok', supportIn: 403, platform: 403, team: 'ok' });
const teamOnly = outcomes(403, { team: 'ok' });
/** Homologation of base 1001's open version: its users and support inside it; admins and the team have no base open. */
const homologation = outcomes(403, { gestorA: 'ok', medico: 'ok', supportIn: 'ok' });
/** The EHR screens: only the base's médico; everyone else gets core's EHR refusal (403, audited). */
const homologationEhr = outcomes(403, { medico: 'ok' });

export const migrationMatrix: Record<string, MigrationRow> = {
  'GET /p/migration/solicitacoes': {
    path: () => '/p/migration/solicitacoes',
    expect: outcomes(403, { gestorA: 'ok', resellerA: 'ok', resellerB: 'ok', supportIn: 'ok', platform: 'ok', team: 'ok' }),
  },
  'GET /p/migration/risco': { path: () => '/p/migration/risco', expect: outcomes(403, { resellerA: 'ok', resellerB: 'ok', team: 'ok' }) },
  'GET /p/migration/solicitacoes/nova': { path: () => '/p/migration/solicitacoes/nova', expect: outcomes(403, { gestorA: 'ok', resellerA: 'ok', resellerB: 'ok' }) },
  'POST /p/migration/solicitacoes': { path: () => '/p/migration/solicitacoes', form: { versao: '' }, expect: outcomes(403, { gestorA: 'ok', resellerA: 'ok', resellerB: 'ok' }) },
  'GET /p/migration/solicitacoes/:id{[0-9]+}': { path: (f) => `/p/migration/solicitacoes/${f.requestId}`, expect: readRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/acoes/:acao': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/acoes/cancelar`, form: { nota: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/checagem': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/checagem`, form: { todasTabelas: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/plano': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/plano`, form: { estrategia: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/mensagens': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/mensagens`, form: { mensagem: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/backups/link': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/backups/link`, form: { url: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/backups/arquivo': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/backups/arquivo`, form: { nada: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/go-live': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/go-live`, form: { continuidade: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/go-live/passos/:passo{[0-9]+}': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/go-live/passos/0`,
    form: { feito: '' },
    expect: writeRequest,
  },
  'GET /p/migration/homologacao': { path: () => '/p/migration/homologacao', expect: homologation },
  'GET /p/migration/homologacao/pacientes': { path: () => '/p/migration/homologacao/pacientes?q=silva', expect: homologation },
  'GET /p/migration/homologacao/agendamentos': { path: () => '/p/migration/homologacao/agendamentos', expect: homologation },
  'GET /p/migration/homologacao/convenios': { path: () => '/p/migration/homologacao/convenios', expect: homologation },
  'GET /p/migration/homologacao/procedimentos': { path: () => '/p/migration/homologacao/procedimentos', expect: homologation },
  'GET /p/migration/homologacao/prontuarios': { path: () => '/p/migration/homologacao/prontuarios', expect: homologationEhr },
  'GET /p/migration/homologacao/documentos-gerados': { path: () => '/p/migration/homologacao/documentos-gerados', expect: homologationEhr },
  'GET /p/migration/homologacao/imagens': { path: () => '/p/migration/homologacao/imagens', expect: homologationEhr },
  'GET /p/migration/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/versoes/1/relatorio`, expect: { ...readRequest, medico: 'ok' } },
  'GET /p/migration/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/prontuario': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/versoes/1/relatorio/prontuario`,
    expect: outcomes(403, { medico: 'ok', resellerB: 403 }),
  },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/amostras': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/versoes/1/relatorio/amostras`,
    form: { entidade: '' },
    expect: outcomes(404, { gestorA: 'ok', medico: 'ok', resellerA: 403, supportIn: 403, platform: 403, team: 403 }),
  },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/prontuario/amostras': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/versoes/1/relatorio/prontuario/amostras`,
    form: { entidade: '' },
    expect: outcomes(403, { medico: 'ok' }),
  },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/aprovar': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/versoes/1/relatorio/aprovar`,
    expect: outcomes(404, { gestorA: 'ok', medico: 403, resellerA: 403, supportIn: 403, platform: 403, team: 403 }),
  },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/pacote': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/pacote`, expect: { ...writeRequest, gestorA: 403, resellerA: 403 } },
  'GET /p/migration/solicitacoes/:id{[0-9]+}/pacotes/:pid{[0-9]+}/pacote.zip': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/pacotes/999999/pacote.zip`,
    expect: outcomes(404, { gestorA: 403, resellerA: 403, supportIn: 403, platform: 403 }),
  },
  'GET /p/migration/sistemas': { path: () => '/p/migration/sistemas', expect: teamOnly },
  'POST /p/migration/sistemas': { path: () => '/p/migration/sistemas', form: { nome: '' }, expect: teamOnly },
  'POST /p/migration/sistemas/:id{[0-9]+}/alternar': { path: (f) => `/p/migration/sistemas/${f.systemId}/alternar`, expect: teamOnly },
};

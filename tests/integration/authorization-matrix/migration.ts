/**
 * The migration plugin's routes in the authorization matrix. Forms are empty or invalid, so an allowed
 * write answers 422 and changes nothing; the request is the demo's open request of base A (1001,
 * Singular Demo). See authorization-matrix.test.ts for how to add a row.
 */
import { type Fixture, outcomes, type Row } from './actors.ts';

/** The request of base A: its gestor, its singular, the team; support inside the base and the platform read (writes 403); the rest 404. */
const readRequest = outcomes(404, { gestorA: 'ok', resellerA: 'ok', supportIn: 'ok', platform: 'ok', team: 'ok', supportB: 403 });
const writeRequest = outcomes(404, { gestorA: 'ok', resellerA: 'ok', supportIn: 403, platform: 403, team: 'ok', supportB: 403 });
const teamOnly = outcomes(403, { team: 'ok' });
/** Asking for a migration: a base's gestor (of the active base), a singular's admin (any of its bases). */
const openers = outcomes(403, { gestorA: 'ok', gestorB: 'ok', resellerA: 'ok', resellerB: 'ok' });

/** Homologation of the active base's open validation version (base A, 1001): its users and support inside it. */
const homologation = outcomes(403, { gestorA: 'ok', medico: 'ok', staffA: 'ok', supportIn: 'ok', gestorB: 'ok' });
/** Its EHR screens: the base's clinical roles only; everyone else who reaches core's gate gets the prontuário page. */
const homologationEhr = outcomes(403, { medico: 'ok', gestorA: 'ehr', staffA: 'ehr', supportIn: 'ehr', gestorB: 'ehr', resellerA: 'ehr', resellerB: 'ehr', platform: 'ehr', team: 'ehr' });

/**
 * Other EHR screens of a request (prontuário error rows, the prontuário part of a test report): core's
 * prontuário gate answers every signed-in actor but the clinical roles before the request is looked up
 * (the same page whatever the id, so it tells nothing), except an agent whose session points at a base
 * it has no grant on, refused first.
 */
const requestEhr = outcomes('ehr', { medico: 'ok', supportB: 403 });

const files = (f: Fixture) => `/p/migration/solicitacoes/${f.requestId}/arquivos`;

export const migrationMatrix: Record<string, Row> = {
  'GET /p/migration/solicitacoes': {
    path: () => '/p/migration/solicitacoes',
    expect: outcomes(403, { gestorA: 'ok', gestorB: 'ok', resellerA: 'ok', resellerB: 'ok', supportIn: 'ok', platform: 'ok', team: 'ok' }),
  },
  'GET /p/migration/risco': { path: () => '/p/migration/risco', expect: outcomes(403, { resellerA: 'ok', resellerB: 'ok', team: 'ok' }) },
  'GET /p/migration/solicitacoes/nova': { path: () => '/p/migration/solicitacoes/nova', expect: openers },
  'POST /p/migration/solicitacoes': { path: () => '/p/migration/solicitacoes', form: { versao: '' }, expect: openers },
  'GET /p/migration/solicitacoes/:id{[0-9]+}': { path: (f) => `/p/migration/solicitacoes/${f.requestId}`, expect: readRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/acoes/:acao': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/acoes/cancelar`, form: { nota: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/checagem': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/checagem`, form: { todasTabelas: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/plano': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/plano`, form: { estrategia: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/mensagens': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/mensagens`, form: { mensagem: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/backups/link': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/backups/link`, form: { url: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/backups/arquivo': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/backups/arquivo`, form: { nada: '' }, expect: writeRequest },
  // Whoever reads the thread downloads its attachments; only the team (the data processor) downloads a backup file.
  'GET /p/migration/solicitacoes/:id{[0-9]+}/anexos/:anexo{[0-9]+}': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/anexos/${f.migrationAttachmentId}`, expect: readRequest },
  'GET /p/migration/solicitacoes/:id{[0-9]+}/backups/:backup{[0-9]+}/arquivo': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/backups/${f.migrationBackupId}/arquivo`, expect: teamOnly },
  // Pre-validation of exported files (a checked patients file and a checked prontuários file of the request).
  'GET /p/migration/solicitacoes/:id{[0-9]+}/arquivos': { path: files, expect: readRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/arquivos': { path: files, form: { nada: '' }, expect: writeRequest },
  'GET /p/migration/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}': { path: (f) => `${files(f)}/${f.migrationFileId}`, expect: readRequest },
  'GET /p/migration/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}/estado': { path: (f) => `${files(f)}/${f.migrationFileId}/estado`, expect: readRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}/mapeamento': { path: (f) => `${files(f)}/${f.migrationFileId}/mapeamento`, form: { campo_0: 'nada' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}/correcao': { path: (f) => `${files(f)}/${f.migrationFileId}/correcao`, form: { nada: '' }, expect: writeRequest },
  // The error rows of a patients file: everyone who follows the request (downloads audited).
  'GET /p/migration/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}/erros.csv': { path: (f) => `${files(f)}/${f.migrationFileId}/erros.csv`, expect: readRequest },
  // The error rows of a prontuários file (EHR): the base's clinical roles only (the team downloads them through erros.csv).
  'GET /p/migration/solicitacoes/:id{[0-9]+}/arquivos/:file{[0-9]+}/erros-prontuario.csv': {
    path: (f) => `${files(f)}/${f.migrationEhrFileId}/erros-prontuario.csv`,
    expect: requestEhr,
  },
  // Go-live checklist, test report of a validation version (mirror test, approval) and the final package.
  // The test report is the clinic's to check: the base's staff read it and record mirror-test samples;
  // only its gestor approves the version.
  'POST /p/migration/solicitacoes/:id{[0-9]+}/go-live': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/go-live`, form: { continuidade: '' }, expect: writeRequest },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/go-live/passos/:passo{[0-9]+}': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/go-live/passos/0`,
    form: { feito: '' },
    expect: writeRequest,
  },
  'GET /p/migration/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/versoes/1/relatorio`, expect: { ...readRequest, medico: 'ok', staffA: 'ok' } },
  'GET /p/migration/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/prontuario': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/versoes/1/relatorio/prontuario`,
    expect: requestEhr,
  },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/amostras': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/versoes/1/relatorio/amostras`,
    form: { entidade: '' },
    expect: outcomes(404, { gestorA: 'ok', medico: 'ok', staffA: 'ok', resellerA: 403, supportIn: 403, platform: 403, team: 403, supportB: 403 }),
  },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/prontuario/amostras': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/versoes/1/relatorio/prontuario/amostras`,
    form: { entidade: '' },
    expect: requestEhr,
  },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/aprovar': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/versoes/1/relatorio/aprovar`,
    expect: outcomes(404, { gestorA: 'ok', medico: 403, staffA: 403, resellerA: 403, supportIn: 403, platform: 403, team: 403, supportB: 403 }),
  },
  'POST /p/migration/solicitacoes/:id{[0-9]+}/pacote': { path: (f) => `/p/migration/solicitacoes/${f.requestId}/pacote`, expect: { ...writeRequest, gestorA: 403, resellerA: 403 } },
  'GET /p/migration/solicitacoes/:id{[0-9]+}/pacotes/:pid{[0-9]+}/pacote.zip': {
    path: (f) => `/p/migration/solicitacoes/${f.requestId}/pacotes/999999/pacote.zip`,
    // Only the team downloads the package; clinic roles and agents are refused on the role, before the id is looked up.
    expect: outcomes(404, { gestorA: 403, resellerA: 403, supportIn: 403, platform: 403, supportB: 403, staffA: 403 }),
  },
  'GET /p/migration/homologacao': { path: () => '/p/migration/homologacao', expect: homologation },
  'GET /p/migration/homologacao/pacientes': { path: () => '/p/migration/homologacao/pacientes?q=silva', expect: homologation },
  'GET /p/migration/homologacao/agendamentos': { path: () => '/p/migration/homologacao/agendamentos', expect: homologation },
  'GET /p/migration/homologacao/convenios': { path: () => '/p/migration/homologacao/convenios', expect: homologation },
  'GET /p/migration/homologacao/procedimentos': { path: () => '/p/migration/homologacao/procedimentos', expect: homologation },
  'GET /p/migration/homologacao/prontuarios': { path: () => '/p/migration/homologacao/prontuarios', expect: homologationEhr },
  'GET /p/migration/homologacao/documentos-gerados': { path: () => '/p/migration/homologacao/documentos-gerados', expect: homologationEhr },
  'GET /p/migration/homologacao/imagens': { path: () => '/p/migration/homologacao/imagens', expect: homologationEhr },
  'GET /p/migration/sistemas': { path: () => '/p/migration/sistemas', expect: teamOnly },
  'POST /p/migration/sistemas': { path: () => '/p/migration/sistemas', form: { nome: '' }, expect: teamOnly },
  'POST /p/migration/sistemas/:id{[0-9]+}/alternar': { path: (f) => `/p/migration/sistemas/${f.systemId}/alternar`, expect: teamOnly },
};

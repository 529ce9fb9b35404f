/**
 * The tenants module's routes (users, invitations, singulares, bases, Alterar Clínica, audit, support
 * access) in the authorization matrix. See authorization-matrix.test.ts for how to add a row.
 */
import { type ActorName, type Outcome, outcomes, platformOnly, type Row } from './actors.ts';

type Overrides = Partial<Record<ActorName, Outcome>>;
/** The users area: gestores (of their active base), singulares' admins; a support agent inside a base reads it (SPEC §3). */
const usersArea = (overrides: Overrides = {}) => outcomes(403, { gestorA: 'ok', gestorB: 'ok', resellerA: 'ok', resellerB: 'ok', ...overrides });
/** A user of base A: their gestor and their singular's admin; the other singular and the gestor of B get 404. */
const userOfA = (overrides: Overrides = {}) => usersArea({ resellerB: 404, gestorB: 404, ...overrides });
const resellerAdmins = outcomes(403, { resellerA: 'ok', resellerB: 'ok' });
const anyAdmin = outcomes(403, { resellerA: 'ok', resellerB: 'ok', platform: 'ok' });
/** A base or singular of Singular Demo: its admin and the platform; the other singular's admin gets 404. */
const ofSingularA = outcomes(403, { resellerA: 'ok', resellerB: 404, platform: 'ok' });
/** The support-access screens of the active base: its gestor only. */
const gestorOfBase = (overrides: Overrides = {}) => outcomes(403, { gestorA: 'ok', gestorB: 'ok', ...overrides });
const supportAgent = outcomes(403, { support: 'ok', supportIn: 'ok' });

export const tenantsMatrix: Record<string, Row> = {
  // Users and invitations
  'GET /usuarios': { path: () => '/usuarios', expect: usersArea({ supportIn: 'ok' }) },
  'GET /usuarios/bases': { path: () => '/usuarios/bases?buscaBase=Demo', expect: usersArea() },
  'GET /usuarios/convidar': { path: () => '/usuarios/convidar', expect: usersArea() },
  'POST /usuarios/convidar': { path: () => '/usuarios/convidar', form: { nome: '' }, expect: usersArea() },
  'GET /usuarios/:id{[0-9]+}': { path: (f) => `/usuarios/${f.target.view}`, expect: userOfA({ supportIn: 'ok' }) },
  'POST /usuarios/:id{[0-9]+}/vinculos': {
    path: (f) => `/usuarios/${f.target.add}/vinculos`,
    form: { base: '1003', perfil: 'medico' },
    // Base 1003 is not the gestor's: only the singular's admin may add it.
    expect: userOfA({ gestorA: 404 }),
  },
  'POST /usuarios/:id{[0-9]+}/vinculos/:base{[0-9]+}/perfil': { path: (f) => `/usuarios/${f.target.role}/vinculos/1001/perfil`, form: { perfil: 'financeiro' }, expect: userOfA() },
  'POST /usuarios/:id{[0-9]+}/vinculos/:base{[0-9]+}/remover': { path: (f) => `/usuarios/${f.target.remove}/vinculos/1001/remover`, expect: userOfA() },
  'POST /usuarios/:id{[0-9]+}/desativar': { path: (f) => `/usuarios/${f.target.off}/desativar`, expect: userOfA() },
  'POST /usuarios/:id{[0-9]+}/reativar': { path: (f) => `/usuarios/${f.target.on}/reativar`, expect: userOfA() },
  'POST /usuarios/:id{[0-9]+}/convite': { path: (f) => `/usuarios/${f.target.reissue}/convite`, form: { base: '1001' }, expect: userOfA() },
  // An invitation link is public: whoever holds it (signed in or not) sees the form.
  'GET /convite/:token': { path: (f) => `/convite/${f.token}`, expect: outcomes('ok', {}, 'ok') },
  'POST /convite/:token': { path: (f) => `/convite/${f.token}`, form: { senha: 'senha-forte-1', confirmacao: 'outra-coisa-2' }, expect: outcomes('ok', {}, 'ok') },
  // Administrators of a singular: the platform for any singular, a singular's admin for its own (the other's is 404)
  'GET /usuarios/administradores': { path: () => '/usuarios/administradores', expect: resellerAdmins },
  'GET /singulares/:code{[0-9]+}/administradores': { path: () => '/singulares/0101/administradores', expect: ofSingularA },
  'POST /singulares/:code{[0-9]+}/administradores': { path: () => '/singulares/0101/administradores', form: { nome: '' }, expect: ofSingularA },
  // Multi-clinic requests: singulares' admins
  'GET /usuarios/multi-clinica': { path: () => '/usuarios/multi-clinica', expect: resellerAdmins },
  'POST /usuarios/multi-clinica/previa': { path: () => '/usuarios/multi-clinica/previa', form: { modo: 'texto', pedido: '' }, expect: resellerAdmins },
  'POST /usuarios/multi-clinica/confirmar': { path: () => '/usuarios/multi-clinica/confirmar', form: { email: '' }, expect: resellerAdmins },
  // Alterar Clínica: multi-clinic users and admins; a base of another singular is 404 (1002 is Singular Demo's)
  'GET /alterar-clinica': { path: () => '/alterar-clinica', expect: outcomes(404, { medico: 'ok', resellerA: 'ok', resellerB: 'ok', platform: 'ok', supportB: 403 }) },
  'POST /alterar-clinica': { path: () => '/alterar-clinica', form: { base: '1002' }, expect: outcomes(404, { medico: 'ok', resellerA: 'ok', platform: 'ok', supportB: 403 }) },
  'POST /alterar-clinica/sair': { path: () => '/alterar-clinica/sair', expect: outcomes(404, { resellerA: 'ok', resellerB: 'ok', platform: 'ok', supportB: 403 }) },
  // Audit
  'GET /auditoria': { path: () => '/auditoria', expect: anyAdmin },
  'GET /auditoria/exportar.csv': { path: () => '/auditoria/exportar.csv?base=1001', expect: anyAdmin },
  // Singulares (platform) and bases clínicas (reseller.manage)
  'GET /singulares': { path: () => '/singulares', expect: platformOnly },
  'GET /singulares/nova': { path: () => '/singulares/nova', expect: platformOnly },
  'POST /singulares': { path: () => '/singulares', form: { nome: '' }, expect: platformOnly },
  'GET /singulares/:code{[0-9]+}': { path: () => '/singulares/0202', expect: platformOnly },
  'POST /singulares/:code{[0-9]+}': { path: () => '/singulares/0202', form: { nome: '' }, expect: platformOnly },
  'GET /singulares/:code{[0-9]+}/desativar': { path: () => '/singulares/0202/desativar', expect: platformOnly },
  'POST /singulares/:code{[0-9]+}/desativar': { path: () => '/singulares/0202/desativar', expect: platformOnly },
  'GET /singulares/:code{[0-9]+}/reativar': { path: () => '/singulares/0202/reativar', expect: platformOnly },
  'POST /singulares/:code{[0-9]+}/reativar': { path: () => '/singulares/0202/reativar', expect: platformOnly },
  'GET /bases': { path: () => '/bases', expect: anyAdmin },
  'GET /bases/nova': { path: () => '/bases/nova', expect: anyAdmin },
  'POST /bases': { path: () => '/bases', form: { nome: '' }, expect: anyAdmin },
  'GET /bases/importar': { path: () => '/bases/importar', expect: anyAdmin },
  'POST /bases/importar': { path: () => '/bases/importar', form: { singular: '' }, expect: anyAdmin },
  'POST /bases/importar/confirmar': { path: () => '/bases/importar/confirmar', form: { conteudo: '' }, expect: anyAdmin },
  'GET /bases/:id{[0-9]+}': { path: () => '/bases/1001', expect: ofSingularA },
  'POST /bases/:id{[0-9]+}': { path: () => '/bases/1001', form: { nome: '' }, expect: ofSingularA },
  'GET /bases/:id{[0-9]+}/desativar': { path: () => '/bases/1003/desativar', expect: ofSingularA },
  'POST /bases/:id{[0-9]+}/desativar': { path: () => '/bases/1003/desativar', expect: ofSingularA },
  'GET /bases/:id{[0-9]+}/reativar': { path: () => '/bases/1003/reativar', expect: ofSingularA },
  'POST /bases/:id{[0-9]+}/reativar': { path: () => '/bases/1003/reativar', expect: ofSingularA },
  // Support access, the gestor's side ("Acesso suporte" of the active base)
  'GET /acesso-suporte': { path: () => '/acesso-suporte', expect: gestorOfBase() },
  'POST /acesso-suporte/conceder': { path: () => '/acesso-suporte/conceder', form: { duracao: '' }, expect: gestorOfBase() },
  // The grant of A: revoked by A's gestor; for the gestor of B it is another base's (404).
  'POST /acesso-suporte/revogar': { path: () => '/acesso-suporte/revogar', form: (f) => ({ acesso: String(f.grantId) }), expect: gestorOfBase({ gestorB: 404 }) },
  'GET /acesso-suporte/acessos.csv': { path: () => '/acesso-suporte/acessos.csv', expect: gestorOfBase() },
  'POST /acesso-suporte/pedidos/:id/aprovar': { path: (f) => `/acesso-suporte/pedidos/${f.accessRequestId}/aprovar`, form: { duracao: '1h' }, expect: gestorOfBase({ gestorB: 404 }) },
  'POST /acesso-suporte/pedidos/:id/recusar': { path: (f) => `/acesso-suporte/pedidos/${f.accessRequestId}/recusar`, form: {}, expect: gestorOfBase({ gestorB: 404 }) },
  // Support access, the agent's side
  'GET /suporte/bases': { path: () => '/suporte/bases', expect: supportAgent },
  'POST /suporte/bases/entrar': { path: () => '/suporte/bases/entrar', form: { base: '' }, expect: supportAgent },
  // Leaving a base is always possible for the agent, also when the base's grant is gone.
  'POST /suporte/bases/sair': { path: () => '/suporte/bases/sair', expect: outcomes(403, { support: 'ok', supportIn: 'ok', supportB: 'ok' }) },
  'GET /suporte/solicitar': { path: () => '/suporte/solicitar', expect: supportAgent },
  'POST /suporte/solicitar': { path: () => '/suporte/solicitar', form: { base: '' }, expect: supportAgent },
};

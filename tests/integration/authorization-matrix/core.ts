/**
 * Core's routes (sign-in, sessions, home, notifications, jobs, backups, plugins administration) in the
 * authorization matrix. See authorization-matrix.test.ts for how to add a row.
 */
import { outcomes, platformOnly, type Row } from './actors.ts';

/** Every signed-in actor. The agent whose session points at a base without a grant (supportB) is refused everything until it leaves the base. */
const signedIn = outcomes('ok', { supportB: 403 });
const everyone = outcomes('ok', {}, 'ok');

export const coreMatrix: Record<string, Row> = {
  'GET /assets/:name': { path: () => '/assets/app.css', expect: everyone },
  'GET /healthz': { path: () => '/healthz', expect: everyone },
  'GET /login': { path: () => '/login', expect: everyone },
  'POST /login': { path: () => '/login', form: { email: '', password: '' }, expect: everyone },
  // Signing out always lands on the login page.
  'POST /logout': { path: () => '/logout', expect: outcomes('login') },
  'GET /minhas-sessoes': { path: () => '/minhas-sessoes', expect: signedIn },
  // Another session of the gestor of A: only the gestor may end it; for anyone else it does not exist.
  'POST /minhas-sessoes/:handle/encerrar': { path: (f) => `/minhas-sessoes/${f.gestorSessionHandle}/encerrar`, expect: outcomes(404, { gestorA: 'ok', supportB: 403 }) },
  'POST /minhas-sessoes/encerrar-outras': { path: () => '/minhas-sessoes/encerrar-outras', expect: signedIn },
  'GET /': { path: () => '/', expect: signedIn },
  'GET /notificacoes': { path: () => '/notificacoes', expect: signedIn },
  'POST /notificacoes/marcar-lidas': { path: () => '/notificacoes/marcar-lidas', expect: signedIn },
  'GET /ajuda': { path: () => '/ajuda', expect: signedIn },
  'GET /ajuda/:slug': { path: () => '/ajuda/abrir-chamado', expect: signedIn },
  // Backups and plugins administration: the platform only.
  'GET /plataforma/backups': { path: () => '/plataforma/backups', expect: platformOnly },
  'GET /plataforma/backups/andamento': { path: () => '/plataforma/backups/andamento', expect: platformOnly },
  'POST /plataforma/backups': { path: () => '/plataforma/backups', expect: platformOnly },
  'GET /plataforma/plugins': { path: () => '/plataforma/plugins', expect: platformOnly },
  'GET /plataforma/plugins/:pluginId': { path: () => '/plataforma/plugins/support', expect: platformOnly },
  'POST /plataforma/plugins/:pluginId/singulares/:resellerId': { path: (f) => `/plataforma/plugins/support/singulares/${f.resellerA}`, form: {}, expect: platformOnly },
  // A singular's modules: its admins (a plugin id is the same for both singulares).
  'GET /modulos': { path: () => '/modulos', expect: outcomes(403, { resellerA: 'ok', resellerB: 'ok' }) },
  'POST /modulos/:pluginId': { path: () => '/modulos/support', form: {}, expect: outcomes(403, { resellerA: 'ok', resellerB: 'ok' }) },
  // A job of base A started by its gestor: whoever may see that base's work (the agent inside A reads it,
  // SPEC §3); cancelling is for its gestor and admins.
  'GET /tarefas/:id': { path: (f) => `/tarefas/${f.jobId}`, expect: outcomes(404, { gestorA: 'ok', staffA: 'ok', medico: 'ok', resellerA: 'ok', platform: 'ok', supportIn: 'ok', supportB: 403 }) },
  'POST /tarefas/:id/cancelar': {
    path: (f) => `/tarefas/${f.jobId}/cancelar`,
    expect: outcomes(404, { gestorA: 'ok', staffA: 403, medico: 403, resellerA: 'ok', platform: 'ok', supportIn: 403, supportB: 403 }),
  },
};

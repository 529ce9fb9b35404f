/**
 * The content module's routes (conquistas tracks, the onboarding panel, booking requests, help) in the
 * authorization matrix. See authorization-matrix.test.ts for how to add a row.
 */
import { outcomes, type Row } from './actors.ts';

/** Conquistas administration: singulares' admins and the platform. */
const contentAdmins = outcomes(403, { resellerA: 'ok', resellerB: 'ok', platform: 'ok' });
/** Singular Demo's own track: its admin manages it, the platform reads it, the other singular does not see it (404). */
const trackReadA = outcomes(403, { resellerA: 'ok', resellerB: 404, platform: 'ok' });
const trackWriteA = outcomes(403, { resellerA: 'ok', resellerB: 404 });
/** The onboarding panel: clinic users in their active base. */
const clinicUsers = outcomes(403, { gestorA: 'ok', gestorB: 'ok', medico: 'ok', staffA: 'ok' });
const resellerAdmins = outcomes(403, { resellerA: 'ok', resellerB: 'ok' });

export const contentMatrix: Record<string, Row> = {
  'POST /conteudos/trilhas/padrao/registrar': { path: () => '/conteudos/trilhas/padrao/registrar', expect: outcomes(403, { platform: 'ok' }) },
  'GET /conteudos': { path: () => '/conteudos', expect: contentAdmins },
  'GET /conteudos/enviar': { path: () => '/conteudos/enviar', expect: contentAdmins },
  'POST /conteudos/enviar': { path: () => '/conteudos/enviar', form: {}, expect: contentAdmins },
  'GET /conteudos/trilhas/:trilha': { path: (f) => `/conteudos/trilhas/${f.trackId}`, expect: trackReadA },
  'POST /conteudos/trilhas/:trilha/renomear': { path: (f) => `/conteudos/trilhas/${f.trackId}/renomear`, form: { nome: '' }, expect: trackWriteA },
  'GET /conteudos/trilhas/:trilha/versoes/:versao': { path: (f) => `/conteudos/trilhas/${f.trackId}/versoes/1`, expect: trackReadA },
  'GET /conteudos/trilhas/:trilha/versoes/:versao/arquivo': { path: (f) => `/conteudos/trilhas/${f.trackId}/versoes/1/arquivo`, expect: trackReadA },
  'POST /conteudos/trilhas/:trilha/versoes/:versao/restaurar': { path: (f) => `/conteudos/trilhas/${f.trackId}/versoes/1/restaurar`, expect: trackWriteA },
  'GET /conteudos/trilhas/:trilha/versoes/:versao/previa': { path: (f) => `/conteudos/trilhas/${f.trackId}/versoes/2/previa`, expect: trackReadA },
  // A task that the version does not have: 404 for whoever may preview, 403 for whoever may not.
  'GET /conteudos/trilhas/:trilha/versoes/:versao/previa/tarefa': {
    path: (f) => `/conteudos/trilhas/${f.trackId}/versoes/2/previa/tarefa?trilha=0&conquista=x&tarefa=y`,
    expect: outcomes(403, { resellerA: 404, resellerB: 404, platform: 404 }),
  },
  'GET /conteudos/trilhas/:trilha/versoes/:versao/publicar': { path: (f) => `/conteudos/trilhas/${f.trackId}/versoes/2/publicar`, expect: trackWriteA },
  'POST /conteudos/trilhas/:trilha/versoes/:versao/publicar': { path: (f) => `/conteudos/trilhas/${f.trackId}/versoes/2/publicar`, form: { alvo: '' }, expect: trackWriteA },
  // Analytics are the singular's (its admins).
  'GET /conteudos/analise': { path: () => '/conteudos/analise', expect: resellerAdmins },
  'GET /conteudos/analise/csv': { path: () => '/conteudos/analise/csv', expect: resellerAdmins },
  // A base's onboarding progress, for the support agent inside it (README: support, read-only).
  'GET /conteudos/progresso-da-base': { path: () => '/conteudos/progresso-da-base', expect: outcomes(403, { supportIn: 'ok' }) },
  'GET /conteudos/agendamentos': { path: () => '/conteudos/agendamentos', expect: contentAdmins },
  'POST /conteudos/agendamentos/:reseller/:id/status': {
    path: (f) => `/conteudos/agendamentos/${f.booking.resellerId}/${f.booking.id}/status`,
    form: { status: '' },
    expect: outcomes(403, { resellerA: 'ok', resellerB: 404, platform: 'ok' }),
  },
  // The onboarding panel (a task that does not exist: 404 for clinic users, 403 for the rest).
  'GET /painel/tarefa': { path: () => '/painel/tarefa?trilha=0&conquista=x&tarefa=y', expect: outcomes(403, { gestorA: 404, gestorB: 404, medico: 404, staffA: 404 }) },
  'POST /painel/tarefas': { path: () => '/painel/tarefas', form: { trilha: '0', conquista: 'x', tarefa: 'y', concluida: '1' }, expect: clinicUsers },
  'GET /painel/agendar': { path: () => '/painel/agendar', expect: clinicUsers },
  'POST /painel/agendar': { path: () => '/painel/agendar', form: {}, expect: clinicUsers },
};

/**
 * The test report of a validation version (issue 15, item 4): counts, the mirror test with the clinic's
 * verdicts, and "Aprovo esta versão". Samples of prontuários, documentos gerados and imagens live on a
 * separate `ehr` screen that core's data-class gate keeps to the base's clinical roles, who review them.
 * A divergence sends the request to "ajustes"; approval needs the counts to agree and every sample to
 * be marked "confere".
 */
import { type Actor, type Db, HttpError, type PluginRouter, renderPage } from '@painel/core/plugin';
import { and, eq } from 'drizzle-orm';
import { requestRole } from '../access.ts';
import { requests } from '../db/schema.ts';
import { applyAction } from '../domain/lifecycle.ts';
import { stateLabel } from '../domain/states.ts';
import { authorOf, type Ctx, type Env, field, formOf, idParam } from '../http/request.ts';
import { notifyParticipants, notifyTeam } from '../notify.ts';
import { reportPath, TestReportPage } from '../pages/test-report-page.tsx';
import { isGestorOfActive, P } from '../permissions.ts';
import { ENTITIES, isEntityKey } from '../prevalidation/entities.ts';
import { saveReview } from '../report/review-store.ts';
import { isEhrEntity, latestVersionOf, testReport, versionOf } from '../report/test-report.ts';
import { findRequest, lifecycleOf, type RequestRow, saveLifecycle } from '../store/request-store.ts';
import type { VersionRow } from '../versions/version-store.ts';
import { auditRequest } from './audit-request.ts';
import { opensEhr } from '../homologation/homologation-layout.tsx';

/** A user of the request's base working in it (not support through a grant): the clinic that reviews. */
export function isBaseMember(actor: Actor, r: Pick<RequestRow, 'resellerId' | 'clinicId'>): boolean {
  const base = actor.activeClinic;
  if (actor.user?.kind !== 'clinic_user' || actor.supportGrant || !base || base.resellerId !== r.resellerId || base.clinicId !== r.clinicId) return false;
  return actor.memberships.some((m) => m.resellerId === r.resellerId && m.clinicId === r.clinicId);
}

/** The request and its version N, for someone who follows the request or belongs to its base; else 404. */
async function load(c: Ctx, tx: Db, id: number, n: number) {
  const actor = c.get('actor');
  const r = await findRequest(tx, id);
  if (!r || (!requestRole(actor, r) && !isBaseMember(actor, r))) throw new HttpError(404);
  const v = await versionOf(tx, r, n);
  if (!v) throw new HttpError(404);
  return { r, v };
}

export function reportRoutes(router: PluginRouter, { ctx }: Env): void {
  const meta = (dataClass: 'personal' | 'ehr', screen: string) => ({ permission: P.request, dataClass, screen });

  const show = async (c: Ctx, side: 'personal' | 'ehr', errors: string[] = [], status: 200 | 403 | 422 = 200) => {
    const id = idParam(c);
    const n = idParam(c, 'n');
    const actor = c.get('actor');
    const data = await c.get('tx')(async (tx) => {
      const { r, v } = await load(c, tx, id, n);
      if (side === 'ehr' && !isBaseMember(actor, r)) throw new HttpError(404);
      const latest = await latestVersionOf(tx, r);
      return { r, report: await testReport(ctx, tx, r, v, side), latest: latest?.id === v.id };
    });
    const reviews = isBaseMember(actor, data.r) && data.report.version.state === 'aberta';
    return renderPage(c, {
      title: `Versão ${n} · migração #${id}`,
      status,
      body: (
        <TestReportPage
          r={data.r}
          report={data.report}
          side={side}
          reviewAction={reviews ? `${reportPath(id, n, side === 'ehr')}/amostras` : null}
          ehrLink={opensEhr(actor) && isBaseMember(actor, data.r)}
          canApprove={isGestorOfActive(actor) && isBaseMember(actor, data.r) && data.latest && data.r.state === 'versao_validacao'}
          errors={errors}
        />
      ),
    });
  };

  router.get('/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio', meta('personal', 'Relatório de testes da versão de validação'), (c) => show(c, 'personal'));
  router.get('/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/prontuario', meta('ehr', 'Teste espelho do prontuário (homologação)'), (c) => show(c, 'ehr'));

  const review = (side: 'personal' | 'ehr') => async (c: Ctx) => {
    const id = idParam(c);
    const n = idParam(c, 'n');
    const actor = c.get('actor');
    const form = await formOf(c);
    const entity = field(form, 'entidade');
    const line = Number(field(form, 'linha'));
    const verdict = field(form, 'veredito');
    const comment = field(form, 'comentario').slice(0, 1000);
    const now = ctx.clock.now();
    const outcome = await c.get('tx')(async (tx): Promise<{ errors: string[]; adjusted?: boolean }> => {
      const { r, v } = await load(c, tx, id, n);
      if (!isBaseMember(actor, r)) throw new HttpError(403, 'O teste espelho é marcado pela clínica: os usuários da base.');
      if (!isEntityKey(entity) || !Number.isInteger(line) || isEhrEntity(entity) !== (side === 'ehr')) return { errors: ['Amostra desconhecida.'] };
      if (verdict !== 'confere' && verdict !== 'diverge') return { errors: ['Marque a amostra como "confere" ou "diverge".'] };
      if (verdict === 'diverge' && comment.length < 3) return { errors: ['Diga no comentário o que diverge (ao menos 3 caracteres).'] };
      if (v.state !== 'aberta') return { errors: ['A versão não está aberta para validação: as marcações não mudam mais.'] };
      const report = await testReport(ctx, tx, r, v, side);
      if (!report.samples.some((s) => s.entity === entity && s.sourceLine === line)) return { errors: ['Esta amostra não faz parte do teste espelho desta versão.'] };
      await saveReview(tx, v, { entity, sourceLine: line }, verdict, comment, { userId: actor.user!.id, name: actor.user!.name }, now);
      await auditRequest(ctx, c, tx, r, 'migration.mirror.reviewed', { version: v.number, entity, line, verdict });
      const adjusted = verdict === 'diverge' ? await sendToAdjustments(c, tx, r, v, `${ENTITIES[entity].label}, linha ${line}`, now) : false;
      return { errors: [], adjusted };
    });
    if (outcome.errors.length > 0) return show(c, side, outcome.errors, 422);
    await c.get('flash')(outcome.adjusted ? 'Divergência registrada: a migração voltou para ajustes da equipe de migração.' : 'Marcação salva.', 'success');
    return c.redirect(`${reportPath(id, n, side === 'ehr')}#amostra-${entity}-${line}`, 303);
  };

  /** The first divergence of the current version moves the request to "ajustes" (audited, the team notified). */
  const sendToAdjustments = async (c: Ctx, tx: Db, r: RequestRow, v: VersionRow, where: string, now: Date): Promise<boolean> => {
    const latest = await latestVersionOf(tx, r);
    if (r.state !== 'versao_validacao' || latest?.id !== v.id) return false;
    const note = `Teste espelho da versão ${v.number}: divergência em ${where}.`;
    const result = applyAction(lifecycleOf(r), 'pedir_ajustes', 'solicitante', { note }, now);
    if (!result.ok) return false;
    await saveLifecycle(tx, r, result.next, 'pedir_ajustes', authorOf(c.get('actor')), now, note);
    await auditRequest(ctx, c, tx, r, 'migration.request.action', { step: 'pedir_ajustes', fromState: r.state, toState: result.next.state, version: v.number });
    await notifyTeam(ctx, tx, r, `Migração #${r.id}: divergência no teste espelho`, `${r.clinicName} · ${note}`);
    return true;
  };

  router.post('/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/amostras', meta('personal', 'Teste espelho da versão de validação'), review('personal'));
  router.post('/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/prontuario/amostras', meta('ehr', 'Teste espelho do prontuário (homologação)'), review('ehr'));

  router.post('/solicitacoes/:id{[0-9]+}/versoes/:n{[0-9]+}/relatorio/aprovar', meta('personal', 'Aprovação da versão de validação'), async (c) => {
    const id = idParam(c);
    const n = idParam(c, 'n');
    const actor = c.get('actor');
    const now = ctx.clock.now();
    const errors = await c.get('tx')(async (tx) => {
      const { r, v } = await load(c, tx, id, n);
      if (!isGestorOfActive(actor) || !isBaseMember(actor, r)) throw new HttpError(403, 'A versão é aprovada pelo gestor da base ("Aprovo esta versão").');
      const latest = await latestVersionOf(tx, r);
      if (latest?.id !== v.id) return ['Só a versão mais recente pode ser aprovada.'];
      const report = await testReport(ctx, tx, r, v, 'personal');
      if (report.blockers.length > 0) return report.blockers;
      const result = applyAction(lifecycleOf(r), 'aprovar', 'solicitante', {}, now);
      if (!result.ok) return [result.error];
      await saveLifecycle(tx, r, result.next, 'aprovar', authorOf(actor), now, `Versão de validação ${v.number} aprovada.`);
      await tx
        .update(requests)
        .set({ approvedVersionId: v.id, approvedByName: actor.user!.name, approvedAt: now, updatedAt: now })
        .where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id)));
      await auditRequest(ctx, c, tx, r, 'migration.version.approved', { version: v.number, samples: report.totals.samples, toState: result.next.state });
      const title = `Migração #${r.id}: versão ${v.number} aprovada`;
      await notifyParticipants(ctx, tx, r, actor.user!.id, title, `${r.clinicName} · ${stateLabel(result.next.state, result.next.validationRound)}`);
      await notifyTeam(ctx, tx, r, title, r.clinicName);
      return [];
    });
    if (errors.length > 0) return show(c, 'personal', errors, 422);
    await c.get('flash')(`Versão ${n} aprovada. A equipe de migração agenda a versão final.`, 'success');
    return c.redirect(reportPath(id, n), 303);
  });
}

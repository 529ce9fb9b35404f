import { coreTables, type Db, type PluginRouter, renderPage } from '@painel/core/plugin';
import { and, asc, eq } from 'drizzle-orm';
import { emptyRequestForm, parseRequestForm, type RequestFormValues } from '../domain/request-form.ts';
import { localDateOf } from '../deadlines/business-days.ts';
import { authorOf, type Ctx, type Env, field, fields, formOf } from '../http/request.ts';
import { notifyTeam } from '../notify.ts';
import { type BaseChoice, NewRequestPage } from '../pages/new-request-page.tsx';
import { P } from '../permissions.ts';
import { activeLegacySystems, createRequest, legacySystemName } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';
import { auditRequest } from './audit-request.ts';

const { clinics, resellers } = coreTables;

/** The bases a singular's admin may open a request for (row-level security: its own singular's). */
async function basesOfReseller(tx: Db, resellerId: number): Promise<BaseChoice[]> {
  return tx
    .select({ clinicId: clinics.id, name: clinics.name })
    .from(clinics)
    .where(and(eq(clinics.resellerId, resellerId), eq(clinics.status, 'active')))
    .orderBy(asc(clinics.name));
}

/** "Solicitar migração": registered before '/solicitacoes/:id'. */
export function newRequestRoutes(router: PluginRouter, { ctx }: Env): void {
  const show = async (c: Ctx, values: RequestFormValues, errors: Record<string, string>, status: 200 | 422 = 200) => {
    const actor = c.get('actor');
    const admin = actor.user!.kind === 'reseller_admin';
    const { systems, bases } = await c.get('tx')(async (tx) => ({
      systems: await activeLegacySystems(tx),
      bases: admin ? await basesOfReseller(tx, actor.user!.resellerId!) : [],
    }));
    const active = actor.activeClinic;
    const base = admin ? null : { clinicId: active!.clinicId, name: active!.name };
    return renderPage(c, { title: 'Solicitar migração de dados', status, body: <NewRequestPage base={base} bases={bases} systems={systems} values={values} errors={errors} /> });
  };

  router.get('/solicitacoes/nova', { permission: P.open, dataClass: 'personal', screen: 'Solicitar migração de dados' }, (c) => {
    const active = c.get('actor').activeClinic;
    return show(c, { ...emptyRequestForm, base: active ? String(active.clinicId) : '' }, {});
  });

  router.post('/solicitacoes', { permission: P.open, dataClass: 'personal', screen: 'Solicitar migração de dados' }, async (c) => {
    const actor = c.get('actor');
    const form = await formOf(c);
    const values: RequestFormValues = {
      base: field(form, 'base'),
      sistema: field(form, 'sistema'),
      sistemaOutro: field(form, 'sistemaOutro'),
      versao: field(form, 'versao'),
      dataDisponivel: field(form, 'dataDisponivel'),
      horaInicio: field(form, 'horaInicio'),
      horaFim: field(form, 'horaFim'),
      contatoNome: field(form, 'contatoNome'),
      contatoTelefone: field(form, 'contatoTelefone'),
      contatoEmail: field(form, 'contatoEmail'),
      analistaNome: field(form, 'analistaNome'),
      analistaTelefone: field(form, 'analistaTelefone'),
      analistaEmail: field(form, 'analistaEmail'),
      modoExtracao: field(form, 'modoExtracao'),
      formatos: fields(form, 'formatos'),
      formatoOutro: field(form, 'formatoOutro'),
      entidades: fields(form, 'entidades'),
    };
    const now = ctx.clock.now();
    const parsed = parseRequestForm(values, localDateOf(now));
    const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
    const admin = actor.user!.kind === 'reseller_admin';

    const outcome = await c.get('tx')(async (tx) => {
      // The base: the active one (gestor), or one of the singular's own bases (its admin).
      let base: { resellerId: number; clinicId: number; name: string; resellerName: string } | null = null;
      if (admin) {
        const chosen = /^\d{1,15}$/.test(values.base) ? Number(values.base) : NaN;
        const [row] = Number.isNaN(chosen)
          ? []
          : await tx
              .select({ resellerId: clinics.resellerId, clinicId: clinics.id, name: clinics.name, resellerName: resellers.name })
              .from(clinics)
              .innerJoin(resellers, eq(resellers.id, clinics.resellerId))
              .where(and(eq(clinics.resellerId, actor.user!.resellerId!), eq(clinics.id, chosen), eq(clinics.status, 'active')));
        if (!row) errors.base = 'Escolha uma base ativa da sua singular.';
        else base = row;
      } else {
        const a = actor.activeClinic!;
        base = { resellerId: a.resellerId, clinicId: a.clinicId, name: a.name, resellerName: a.resellerName };
      }
      let systemName: string | null = null;
      if (parsed.ok) {
        systemName = parsed.input.legacySystemId === null ? parsed.input.legacySystemOther : await legacySystemName(tx, parsed.input.legacySystemId);
        if (!systemName) errors.sistema = 'Escolha o sistema legado na lista (ou "Outro").';
      }
      if (!parsed.ok || !base || !systemName || Object.keys(errors).length > 0) return null;
      const r = await createRequest(tx, {
        resellerId: base.resellerId,
        clinicId: base.clinicId,
        clinicName: base.name,
        resellerName: base.resellerName,
        legacySystemName: systemName,
        input: parsed.input,
        author: authorOf(actor),
        at: now,
      });
      await auditRequest(ctx, c, tx, r, 'migration.request.opened', { system: systemName, toState: 'solicitada', dueAt: r.dueAt?.toISOString() });
      await notifyTeam(ctx, tx, r, `Nova solicitação de migração #${r.id}`, `${r.clinicName} (${r.resellerName}) · ${systemName}`);
      return r;
    });
    if (!outcome) return show(c, values, errors, 422);
    await c.get('flash')(`Migração #${outcome.id} solicitada. A equipe de migração responde até o fim do próximo dia útil.`, 'success');
    return c.redirect(requestPath(outcome.id), 303);
  });
}


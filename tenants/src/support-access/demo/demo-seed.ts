import { type CoreServices, type DemoLogin, formatDateTime, schema } from '@painel/core/module';
import { eq, inArray } from 'drizzle-orm';
import { recordSupportRequest } from '../access-log/record-access.ts';
import { baseBookkeeping, inScope } from '../db/scopes.ts';
import { grantEvents, grants } from '../db/schema.ts';
import { m } from '../messages.ts';

const hour = 3_600_000;
const minute = 60_000;

/**
 * Demo: Clínica Demo Centro (1001) has an active 1-day grant at first start (by its gestora, for a TISS
 * ticket) with a few logged support requests, one of them a refused prontuário; Demo Norte has none.
 */
export async function seedSupportAccessDemo(services: CoreServices): Promise<DemoLogin[]> {
  const now = services.clock.now();
  const found = await inScope(services, { kind: 'platform' }, async (tx) => {
    const [clinic] = await tx
      .select({ resellerId: schema.clinics.resellerId, name: schema.clinics.name })
      .from(schema.clinics)
      .where(eq(schema.clinics.id, 1001));
    const people = await tx
      .select({ id: schema.users.id, email: schema.users.email, name: schema.users.name })
      .from(schema.users)
      .where(inArray(schema.users.email, ['clinica@demo.test', 'suporte@demo.test']));
    return { clinic, people };
  });
  const gestora = found.people.find((p) => p.email === 'clinica@demo.test');
  const agent = found.people.find((p) => p.email === 'suporte@demo.test');
  if (!found.clinic || !gestora || !agent) return [];
  const base = { resellerId: found.clinic.resellerId, clinicId: 1001 };
  const startsAt = new Date(now.getTime() - 2 * hour);
  const reason = 'Chamado #4821 — erro ao emitir guia TISS';

  await baseBookkeeping(services, base, async (tx) => {
    const [grant] = await tx
      .insert(grants)
      .values({
        ...base,
        grantedByUserId: gestora.id,
        grantedByName: gestora.name,
        grantedByEmail: gestora.email,
        reason,
        duration: '1d',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 24 * hour),
        firstUsedAt: new Date(startsAt.getTime() + 12 * minute),
        createdAt: startsAt,
      })
      .returning();
    await tx.insert(grantEvents).values({
      ...base,
      grantId: grant!.id,
      kind: 'granted',
      at: startsAt,
      byUserId: gestora.id,
      byName: gestora.name,
      duration: '1d',
      reason,
      endsAt: grant!.endsAt,
    });
    await services.audit.append(
      {
        action: 'support.grant.granted',
        actorUserId: gestora.id,
        actorEmail: gestora.email,
        ...base,
        target: `grant:${grant!.id}`,
        details: { duration: '1d', endsAt: grant!.endsAt.toISOString(), reason, demo: true },
      },
      tx,
    );
    await services.notifications.notify(tx, [
      {
        userId: gestora.id,
        kind: 'support_access.first_use',
        title: m('firstUse.title'),
        body: m('firstUse.body', {
          agent: agent.name,
          base: found.clinic!.name,
          id: base.clinicId,
          at: formatDateTime(grant!.firstUsedAt!),
          grantedBy: gestora.name,
        }),
        link: '/acesso-suporte',
        ...base,
        at: grant!.firstUsedAt!,
      },
    ]);
    // Only screens that exist in the app (a test checks every path against the registered routes).
    const visits: [number, string, string, string, 'general' | 'personal' | 'ehr', 'allowed' | 'denied'][] = [
      [12, 'POST', '/suporte/bases/entrar', 'Entrada na base', 'general', 'allowed'],
      [13, 'GET', '/', 'Início', 'general', 'allowed'],
      [15, 'GET', '/ajuda/historico-de-acessos', 'Central de ajuda', 'general', 'allowed'],
      [19, 'GET', '/ajuda/conceder-acesso-suporte', 'Central de ajuda', 'general', 'allowed'],
      [24, 'GET', '/bases', 'Bases clínicas', 'general', 'denied'],
      [31, 'GET', '/ajuda', 'Central de ajuda', 'general', 'allowed'],
    ];
    for (const [minutes, method, path, screen, dataClass, outcome] of visits) {
      await recordSupportRequest(tx, services, {
        base,
        grantId: grant!.id,
        agent: { userId: agent.id, name: agent.name, email: agent.email },
        method,
        path,
        screen,
        dataClass,
        outcome,
        status: outcome === 'allowed' ? (method === 'POST' ? 303 : 200) : 403,
        reason: outcome === 'denied' ? 'policy' : null,
        ip: null,
        requestId: null,
        at: new Date(startsAt.getTime() + minutes * minute),
      });
    }
  });
  return [];
}

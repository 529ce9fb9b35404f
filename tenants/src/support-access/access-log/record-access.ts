import type { CoreServices, Db } from '@painel/core/module';
import type { BaseKey } from '../db/scopes.ts';
import { type AccessOutcome, accessLog } from '../db/schema.ts';

export interface SupportRequestRecord {
  base: BaseKey;
  grantId: number | null;
  agent: { userId: number; name: string; email: string };
  method: string;
  path: string;
  screen: string;
  dataClass: string | null;
  outcome: AccessOutcome;
  status: number;
  reason: string | null;
  ip: string | null;
  requestId: string | null;
  /** Defaults to the clock's now (the demo seed backdates its rows). */
  at?: Date;
}

/** One support request inside a base: a row of the base's access log AND an audit entry, together. */
export async function recordSupportRequest(tx: Db, services: CoreServices, r: SupportRequestRecord): Promise<void> {
  await tx.insert(accessLog).values({
    resellerId: r.base.resellerId,
    clinicId: r.base.clinicId,
    grantId: r.grantId,
    at: r.at ?? services.clock.now(),
    agentUserId: r.agent.userId,
    agentName: r.agent.name,
    agentEmail: r.agent.email,
    method: r.method,
    path: r.path.slice(0, 500),
    screen: r.screen.slice(0, 200),
    dataClass: r.dataClass,
    outcome: r.outcome,
    status: r.status,
    reason: r.reason,
  });
  await services.audit.append(
    {
      action: 'support.request',
      outcome: r.outcome,
      actorUserId: r.agent.userId,
      actorEmail: r.agent.email,
      actingFor: `suporte na base ${r.base.clinicId}`,
      resellerId: r.base.resellerId,
      clinicId: r.base.clinicId,
      target: `${r.method} ${r.path.slice(0, 500)}`,
      ip: r.ip,
      requestId: r.requestId,
      details: { screen: r.screen, dataClass: r.dataClass, status: r.status, grantId: r.grantId, reason: r.reason },
    },
    tx,
  );
}

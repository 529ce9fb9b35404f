import type { CoreServices, Db } from '@painel/core/module';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { BaseKey } from '../db/scopes.ts';
import { grantEvents, grants } from '../db/schema.ts';
import type { ActingUser } from './audit-context.ts';
import { extensionEnd, type GrantDuration, replacementEnd } from './durations.ts';
import { closeExpiredGrants } from './expiry.ts';
import { activeGrantOf, grantById, type GrantRow } from './grant-queries.ts';

export type GrantMode = 'extend' | 'replace';

export interface GrantInput {
  base: BaseKey;
  by: ActingUser;
  duration: GrantDuration;
  reason: string | null;
  /** Required when a grant is already active: extend it or replace it. */
  mode?: GrantMode | undefined;
  /** The active grant the page showed; the action refuses if it is no longer the active one. */
  expectedGrantId?: number | undefined;
  /** The support request being approved, if any. */
  requestId?: number | undefined;
}

export type GrantResult =
  | { kind: 'granted'; grant: GrantRow }
  | { kind: 'extended'; grant: GrantRow; capped: boolean }
  | { kind: 'replaced'; grant: GrantRow; previous: GrantRow }
  | { kind: 'needs_choice'; active: GrantRow }
  | { kind: 'stale' };

/** Serialises grant changes of one base across transactions and app instances. */
async function lockBase(tx: Db, base: BaseKey): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`support_access:${base.resellerId}:${base.clinicId}`}, 0))`);
}

/**
 * Grants the support team access to a base; with an active grant, extends it (end + duration, capped
 * at now + 7 days) or replaces it (now + duration). One transaction: grant, history event, audit.
 */
export async function grantAccess(tx: Db, services: CoreServices, input: GrantInput): Promise<GrantResult> {
  const { base, by, duration } = input;
  await lockBase(tx, base);
  await closeExpiredGrants(tx, services, base);
  const now = services.clock.now();
  const active = await activeGrantOf(tx, base, now);
  if (input.expectedGrantId !== undefined && active?.id !== input.expectedGrantId) return { kind: 'stale' };
  if (active && !input.mode) return { kind: 'needs_choice', active };

  const audit = (action: string, grant: GrantRow, details: Record<string, unknown>) =>
    services.audit.append(
      {
        action,
        actorUserId: by.userId,
        actorEmail: by.email,
        resellerId: base.resellerId,
        clinicId: base.clinicId,
        target: `grant:${grant.id}`,
        ip: by.ip,
        requestId: by.requestId,
        details: { duration: duration.key, endsAt: grant.endsAt.toISOString(), reason: input.reason, ...details },
      },
      tx,
    );
  const event = (kind: 'granted' | 'extended' | 'replaced', grant: GrantRow) =>
    tx.insert(grantEvents).values({
      resellerId: base.resellerId,
      clinicId: base.clinicId,
      grantId: grant.id,
      kind,
      at: now,
      byUserId: by.userId,
      byName: by.name,
      duration: duration.key,
      reason: input.reason,
      endsAt: grant.endsAt,
    });

  if (active && input.mode === 'extend') {
    const { endsAt, capped } = extensionEnd(now, active.endsAt, duration);
    const [grant] = await tx
      .update(grants)
      .set({ endsAt, ...(input.reason ? { reason: input.reason } : {}) })
      .where(and(eq(grants.resellerId, base.resellerId), eq(grants.id, active.id)))
      .returning();
    await event('extended', grant!);
    await audit('support.grant.extended', grant!, { previousEndsAt: active.endsAt.toISOString(), capped, supportRequestId: input.requestId });
    return { kind: 'extended', grant: grant!, capped };
  }

  if (active) {
    await tx
      .update(grants)
      .set({ endedAt: now, endReason: 'replaced', endedByUserId: by.userId, endedByName: by.name })
      .where(and(eq(grants.resellerId, base.resellerId), eq(grants.id, active.id), isNull(grants.endedAt)));
  }
  const [grant] = await tx
    .insert(grants)
    .values({
      resellerId: base.resellerId,
      clinicId: base.clinicId,
      grantedByUserId: by.userId,
      grantedByName: by.name,
      grantedByEmail: by.email,
      reason: input.reason,
      duration: duration.key,
      startsAt: now,
      endsAt: replacementEnd(now, duration),
      requestId: input.requestId ?? null,
      createdAt: now,
    })
    .returning();
  if (active) {
    await event('replaced', grant!);
    await audit('support.grant.replaced', grant!, { replacedGrantId: active.id, supportRequestId: input.requestId });
    return { kind: 'replaced', grant: grant!, previous: active };
  }
  await event('granted', grant!);
  await audit('support.grant.granted', grant!, { supportRequestId: input.requestId });
  return { kind: 'granted', grant: grant! };
}

export type RevokeResult = { kind: 'revoked'; grant: GrantRow } | { kind: 'already_ended'; grant: GrantRow } | { kind: 'not_found' };

/** Ends the base's active grant now; the agent's very next request is refused (read from the DB). */
export async function revokeGrant(
  tx: Db,
  services: CoreServices,
  input: { base: BaseKey; grantId: number; by: ActingUser },
): Promise<RevokeResult> {
  const { base, by } = input;
  await lockBase(tx, base);
  await closeExpiredGrants(tx, services, base);
  const grant = await grantById(tx, base, input.grantId);
  if (!grant) return { kind: 'not_found' };
  if (grant.endedAt) return { kind: 'already_ended', grant };
  const now = services.clock.now();
  const [revoked] = await tx
    .update(grants)
    .set({ endedAt: now, endReason: 'revoked', endedByUserId: by.userId, endedByName: by.name })
    .where(and(eq(grants.resellerId, base.resellerId), eq(grants.id, grant.id), isNull(grants.endedAt)))
    .returning();
  await tx.insert(grantEvents).values({
    resellerId: base.resellerId,
    clinicId: base.clinicId,
    grantId: grant.id,
    kind: 'revoked',
    at: now,
    byUserId: by.userId,
    byName: by.name,
    endsAt: now,
  });
  await services.audit.append(
    {
      action: 'support.grant.revoked',
      actorUserId: by.userId,
      actorEmail: by.email,
      resellerId: base.resellerId,
      clinicId: base.clinicId,
      target: `grant:${grant.id}`,
      ip: by.ip,
      requestId: by.requestId,
      details: { plannedEndsAt: grant.endsAt.toISOString() },
    },
    tx,
  );
  return { kind: 'revoked', grant: revoked! };
}

import { type CoreServices, schema } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import { invitations } from '../db/schema.ts';
import { invitationTokenHash, looksLikeInvitationToken } from './invitation-token.ts';

const { clinics, resellers, users } = schema;

export interface OpenInvitation {
  resellerId: number;
  id: number;
  /** Null for an invitation to administer the singular; `clinicName` is then the singular's name. */
  clinicId: number | null;
  clinicName: string;
  userId: number;
  name: string;
  email: string;
  expiresAt: Date;
}

/** What a link is worth right now. */
export type InvitationState =
  | { kind: 'open'; invitation: OpenInvitation }
  | { kind: 'unknown' }
  | { kind: 'expired'; expiresAt: Date }
  | { kind: 'used' }
  | { kind: 'account-inactive' };

/**
 * Reads an invitation by its token. The invitee is not signed in: the token is the credential, so the
 * lookup runs in core's `auth` scope (invitations allow it, see db/schema.ts); the base's name is then
 * read as the invited user (their own membership makes it visible), never with a wider scope.
 */
export async function invitationState(services: CoreServices, token: string): Promise<InvitationState> {
  if (!looksLikeInvitationToken(token)) return { kind: 'unknown' };
  const [row] = await services.db.scoped({ kind: 'auth' }, (tx) =>
    tx
      .select({
        resellerId: invitations.resellerId,
        id: invitations.id,
        clinicId: invitations.clinicId,
        userId: invitations.userId,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
        name: users.name,
        email: users.email,
        status: users.status,
      })
      .from(invitations)
      .innerJoin(users, eq(users.id, invitations.userId))
      .where(eq(invitations.tokenHash, invitationTokenHash(token)))
      .limit(1),
  );
  if (!row) return { kind: 'unknown' };
  if (row.acceptedAt || row.revokedAt || row.status === 'active') return { kind: 'used' };
  if (row.status === 'inactive') return { kind: 'account-inactive' };
  if (row.expiresAt.getTime() <= services.clock.now().getTime()) return { kind: 'expired', expiresAt: row.expiresAt };
  const placeName = row.clinicId === null ? await resellerName(services, row.resellerId) : await clinicName(services, row.userId, row.resellerId, row.clinicId);
  return {
    kind: 'open',
    invitation: {
      resellerId: row.resellerId,
      id: row.id,
      clinicId: row.clinicId,
      clinicName: placeName,
      userId: row.userId,
      name: row.name,
      email: row.email,
      expiresAt: row.expiresAt,
    },
  };
}

/** The base's name, read as the invited user (their own membership makes it visible). */
async function clinicName(services: CoreServices, userId: number, resellerId: number, clinicId: number): Promise<string> {
  const [clinic] = await services.db.scoped({ kind: 'user', userId }, (tx) =>
    tx
      .select({ name: clinics.name })
      .from(clinics)
      .where(and(eq(clinics.resellerId, resellerId), eq(clinics.id, clinicId)))
      .limit(1),
  );
  return clinic?.name ?? `Base ${clinicId}`;
}

/** The singular's name for an administrator's invitation, read in that singular's own scope (its name only). */
async function resellerName(services: CoreServices, resellerId: number): Promise<string> {
  const [reseller] = await services.db.scoped({ kind: 'reseller', resellerId }, (tx) =>
    tx.select({ name: resellers.name }).from(resellers).where(eq(resellers.id, resellerId)).limit(1),
  );
  return reseller?.name ?? 'sua singular';
}

import { type CoreServices, schema } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import { invitations } from '../db/schema.ts';
import { invitationTokenHash, looksLikeInvitationToken } from './invitation-token.ts';

const { clinics, users } = schema;

export interface OpenInvitation {
  resellerId: number;
  id: number;
  clinicId: number;
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
  const [clinic] = await services.db.scoped({ kind: 'user', userId: row.userId }, (tx) =>
    tx
      .select({ name: clinics.name })
      .from(clinics)
      .where(and(eq(clinics.resellerId, row.resellerId), eq(clinics.id, row.clinicId)))
      .limit(1),
  );
  return {
    kind: 'open',
    invitation: {
      resellerId: row.resellerId,
      id: row.id,
      clinicId: row.clinicId,
      clinicName: clinic?.name ?? `Base ${row.clinicId}`,
      userId: row.userId,
      name: row.name,
      email: row.email,
      expiresAt: row.expiresAt,
    },
  };
}

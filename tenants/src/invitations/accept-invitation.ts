import { type CoreServices, hashPassword, schema } from '@painel/core/module';
import { and, eq, isNull } from 'drizzle-orm';
import { invitations } from '../db/schema.ts';
import type { OpenInvitation } from './invitation-state.ts';

const { users } = schema;

/**
 * Sets the invitee's password and activates the account, marking the link used — in one transaction
 * that re-checks the link under a row lock, so a link works exactly once. Runs in core's `auth` scope
 * (the invitee is not signed in; the token was the credential). Returns false when the link was used
 * or revoked meanwhile.
 */
export async function acceptInvitation(
  services: CoreServices,
  invitation: OpenInvitation,
  password: string,
  meta: { ip: string | null; requestId: string },
): Promise<boolean> {
  const passwordHash = await hashPassword(password, services.config);
  const now = services.clock.now();
  return services.db.scoped({ kind: 'auth' }, async (tx) => {
    const [locked] = await tx
      .select({ acceptedAt: invitations.acceptedAt, revokedAt: invitations.revokedAt, expiresAt: invitations.expiresAt })
      .from(invitations)
      .where(and(eq(invitations.resellerId, invitation.resellerId), eq(invitations.id, invitation.id)))
      .for('update');
    if (!locked || locked.acceptedAt || locked.revokedAt || locked.expiresAt <= now) return false;
    const activated = await tx
      .update(users)
      .set({ passwordHash, status: 'active' })
      .where(and(eq(users.id, invitation.userId), eq(users.status, 'invited')))
      .returning({ id: users.id });
    if (activated.length === 0) return false;
    await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.resellerId, invitation.resellerId), eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)));
    await services.audit.append(
      {
        action: 'invitation.accept',
        actorUserId: invitation.userId,
        actorEmail: invitation.email,
        resellerId: invitation.resellerId,
        clinicId: invitation.clinicId,
        target: `usuário ${invitation.userId} (${invitation.email})`,
        ip: meta.ip,
        requestId: meta.requestId,
      },
      tx,
    );
    return true;
  });
}

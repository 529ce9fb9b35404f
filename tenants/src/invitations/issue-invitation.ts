import { type CoreServices, type Db, type MembershipRole, schema } from '@painel/core/module';
import { and, eq, isNull } from 'drizzle-orm';
import { invitations } from '../db/schema.ts';
import { roleLabel } from '../users/roles.tsx';
import { invitationMail } from './invitation-mail.ts';
import { generateInvitationToken, invitationLifetimeMs, invitationTokenHash } from './invitation-token.ts';

export interface IssuedInvitation {
  link: string;
  expiresAt: Date;
}

/**
 * Creates an invitation (only the token's hash is stored) and queues its e-mail in core's mail_outbox,
 * inside the caller's transaction. Earlier unused links of the same user for the same base stop working.
 * With `clinicId` and `role` null it invites an administrator of the singular (`clinicName` is then the
 * singular's name).
 */
export async function issueInvitation(
  tx: Db,
  services: CoreServices,
  input: {
    resellerId: number;
    clinicId: number | null;
    clinicName: string;
    userId: number;
    email: string;
    name: string;
    role: MembershipRole | null;
    invitedBy: { id: number; name: string };
    origin: string;
  },
): Promise<IssuedInvitation> {
  const now = services.clock.now();
  const token = generateInvitationToken();
  const expiresAt = new Date(now.getTime() + invitationLifetimeMs);
  await tx
    .update(invitations)
    .set({ revokedAt: now })
    .where(
      and(
        eq(invitations.resellerId, input.resellerId),
        input.clinicId === null ? isNull(invitations.clinicId) : eq(invitations.clinicId, input.clinicId),
        eq(invitations.userId, input.userId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  await tx.insert(invitations).values({
    resellerId: input.resellerId,
    clinicId: input.clinicId,
    userId: input.userId,
    email: input.email,
    role: input.role,
    tokenHash: invitationTokenHash(token),
    invitedBy: input.invitedBy.id,
    createdAt: now,
    expiresAt,
  });
  const link = `${input.origin}/convite/${token}`;
  const mail = invitationMail({
    name: input.name,
    clinicName: input.clinicName,
    clinicId: input.clinicId,
    roleLabel: input.role === null ? null : roleLabel(input.role),
    link,
    expiresAt,
    invitedBy: input.invitedBy.name,
  });
  await tx.insert(schema.mailOutbox).values({ toAddress: input.email, subject: mail.subject, body: mail.body, createdAt: now });
  return { link, expiresAt };
}

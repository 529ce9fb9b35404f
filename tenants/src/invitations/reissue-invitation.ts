import { type AppEnv, type CoreServices, HttpError, schema } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { type AreaClinic, findAreaClinic } from '../users/area-clinic.ts';
import { requestAudit } from '../users/request-audit.ts';
import type { UserArea } from '../users/user-area.ts';
import { loadManagedUser } from '../users/users-queries.ts';
import { invitationOrigin } from './invite-user.ts';
import { type IssuedInvitation, issueInvitation } from './issue-invitation.ts';

const { memberships } = schema;

export type ReissueResult =
  | { ok: true; name: string; email: string; clinic: AreaClinic; invitation: IssuedInvitation }
  | { ok: false; message: string };

/** A fresh link for someone who has not set a password yet (the earlier link of that base stops working). */
export async function reissueInvitation(
  c: Context<AppEnv>,
  services: CoreServices,
  area: UserArea,
  userId: number,
  clinicId: number,
): Promise<ReissueResult> {
  const me = c.get('actor').user!;
  const origin = invitationOrigin(c, services);
  return c.get('tx')(async (tx): Promise<ReissueResult> => {
    const user = await loadManagedUser(tx, area, userId);
    const clinic = await findAreaClinic(tx, area, clinicId);
    if (!user || !clinic) throw new HttpError(404);
    const [membership] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.resellerId, clinic.resellerId), eq(memberships.clinicId, clinic.id), eq(memberships.userId, userId)));
    if (!membership) throw new HttpError(404);
    if (user.status !== 'invited') {
      return { ok: false, message: `${user.name} já definiu a senha ou está desativado; não é preciso um novo convite.` };
    }
    if (clinic.status !== 'active') return { ok: false, message: `A base ${clinic.name} está desativada.` };
    const invitation = await issueInvitation(tx, services, {
      resellerId: clinic.resellerId,
      clinicId: clinic.id,
      clinicName: clinic.name,
      userId,
      email: user.email,
      name: user.name,
      role: membership.role,
      invitedBy: { id: me.id, name: me.name },
      origin,
    });
    await services.audit.append(
      {
        ...requestAudit(c),
        action: 'invitation.reissue',
        resellerId: clinic.resellerId,
        clinicId: clinic.id,
        target: `usuário ${user.id} (${user.email})`,
        details: { expiresAt: invitation.expiresAt.toISOString() },
      },
      tx,
    );
    return { ok: true, name: user.name, email: user.email, clinic, invitation };
  });
}

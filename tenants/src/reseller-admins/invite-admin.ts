import { type AppEnv, type CoreServices, type Db, schema } from '@painel/core/module';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { invitationOrigin } from '../invitations/invite-user.ts';
import { type IssuedInvitation, issueInvitation } from '../invitations/issue-invitation.ts';
import type { Reseller } from '../resellers/reseller-store.ts';
import { isUniqueViolation } from '../users/db-errors.ts';
import { findUserByEmail } from '../users/identity-lookup.ts';
import { requestAudit } from '../users/request-audit.ts';

const { users } = schema;

export interface ResellerAdminRow {
  id: number;
  name: string;
  email: string;
  status: 'active' | 'invited' | 'inactive';
}

/** The administrators of one singular (row-level security shows them to the platform and to that singular only). */
export function resellerAdmins(tx: Db, resellerId: number): Promise<ResellerAdminRow[]> {
  return tx
    .select({ id: users.id, name: users.name, email: users.email, status: users.status })
    .from(users)
    .where(and(eq(users.kind, 'reseller_admin'), eq(users.resellerId, resellerId)))
    .orderBy(asc(users.name));
}

export type InviteAdminResult =
  | { ok: true; userId: number; invitation: IssuedInvitation }
  | { ok: false; field: 'email' | 'form'; message: string };

/**
 * Invites an administrator of the singular: a new account of kind reseller_admin bound to it, in status
 * "invited", and a link (no base, no role) to create the password. One transaction, audited. An e-mail
 * that already has an account is refused: identity is global and an account has one kind.
 */
export async function inviteResellerAdmin(
  c: Context<AppEnv>,
  services: CoreServices,
  reseller: Reseller,
  input: { name: string; email: string },
): Promise<InviteAdminResult> {
  const me = c.get('actor').user!;
  if (reseller.status !== 'active') {
    return { ok: false, field: 'form', message: `A singular ${reseller.name} está desativada; reative-a antes de convidar administradores.` };
  }
  const existing = await findUserByEmail(services, input.email);
  const origin = invitationOrigin(c, services);
  if (existing) {
    const own = existing.kind === 'reseller_admin' && (await c.get('tx')((tx) => resellerAdmins(tx, reseller.id))).some((a) => a.id === existing.id);
    if (own && existing.status === 'invited') return reissueAdminLink(c, services, reseller, { id: existing.id, name: existing.name, email: existing.email }, origin);
    return {
      ok: false,
      field: 'email',
      message: own
        ? `${input.email} já é administrador desta singular.`
        : `${input.email} já tem uma conta no Painel. Use outro e-mail para o administrador da singular.`,
    };
  }
  try {
    return await c.get('tx')(async (tx) => {
      const [next] = await services.db.query<{ id: string | number }>(tx, sql`select nextval(pg_get_serial_sequence('public.users', 'id')) as id`);
      const userId = Number(next!.id);
      await tx
        .insert(users)
        .values({ id: userId, email: input.email, name: input.name, kind: 'reseller_admin', resellerId: reseller.id, status: 'invited' });
      const invitation = await issueAdminInvitation(tx, services, reseller, { id: userId, name: input.name, email: input.email }, me, origin);
      await services.audit.append(
        {
          ...requestAudit(c),
          action: 'user.invite',
          resellerId: reseller.id,
          target: `usuário ${userId} (${input.email})`,
          details: { kind: 'reseller_admin', singular: reseller.code, expiresAt: invitation.expiresAt.toISOString() },
        },
        tx,
      );
      return { ok: true as const, userId, invitation };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, field: 'email', message: 'Este e-mail acabou de ser cadastrado por outra pessoa. Use outro e-mail.' };
    }
    throw error;
  }
}

/** An invitation that makes `user` an administrator of the singular (no base, no role). */
function issueAdminInvitation(
  tx: Db,
  services: CoreServices,
  reseller: Reseller,
  user: { id: number; name: string; email: string },
  me: { id: number; name: string },
  origin: string,
) {
  return issueInvitation(tx, services, {
    resellerId: reseller.id,
    clinicId: null,
    clinicName: reseller.name,
    userId: user.id,
    email: user.email,
    name: user.name,
    role: null,
    invitedBy: { id: me.id, name: me.name },
    origin,
  });
}

/** An invited admin who lost the link (or let it expire) gets a new one; the earlier link stops working. */
async function reissueAdminLink(
  c: Context<AppEnv>,
  services: CoreServices,
  reseller: Reseller,
  user: { id: number; name: string; email: string },
  origin: string,
): Promise<InviteAdminResult> {
  const me = c.get('actor').user!;
  return c.get('tx')(async (tx) => {
    const invitation = await issueAdminInvitation(tx, services, reseller, user, me, origin);
    await services.audit.append(
      {
        ...requestAudit(c),
        action: 'invitation.reissue',
        resellerId: reseller.id,
        target: `usuário ${user.id} (${user.email})`,
        details: { kind: 'reseller_admin', expiresAt: invitation.expiresAt.toISOString() },
      },
      tx,
    );
    return { ok: true as const, userId: user.id, invitation };
  });
}

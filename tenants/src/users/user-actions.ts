import { type AppEnv, type CoreServices, HttpError, type MembershipRole, schema } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { findAreaClinic } from './area-clinic.ts';
import { membershipsOutside } from './identity-lookup.ts';
import { requestAudit } from './request-audit.ts';
import { roleLabel } from './roles.tsx';
import type { UserArea } from './user-area.ts';
import { loadManagedUser, type ManagedUser } from './users-queries.ts';
import { emitMembershipsAdded } from './membership-events.ts';

const { memberships, users } = schema;

/** The outcome shown to the admin as a flash message on the user's page. */
export interface ActionResult {
  ok: boolean;
  message: string;
}

const refused = (message: string): ActionResult => ({ ok: false, message });

async function managedOr404(c: Context<AppEnv>, area: UserArea, userId: number): Promise<ManagedUser> {
  const user = await c.get('tx')((tx) => loadManagedUser(tx, area, userId));
  if (!user) throw new HttpError(404);
  return user;
}

async function membershipOr404(c: Context<AppEnv>, area: UserArea, userId: number, clinicId: number) {
  const found = await c.get('tx')(async (tx) => {
    const clinic = await findAreaClinic(tx, area, clinicId);
    if (!clinic) return null;
    const [m] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.resellerId, clinic.resellerId), eq(memberships.clinicId, clinic.id), eq(memberships.userId, userId)));
    return m ? { clinic, role: m.role } : null;
  });
  if (!found) throw new HttpError(404);
  return found;
}

const isSelf = (c: Context<AppEnv>, userId: number) => c.get('actor').user?.id === userId;

export async function changeRole(
  c: Context<AppEnv>,
  services: CoreServices,
  area: UserArea,
  userId: number,
  clinicId: number,
  role: MembershipRole,
): Promise<ActionResult> {
  const user = await managedOr404(c, area, userId);
  const { clinic, role: before } = await membershipOr404(c, area, userId, clinicId);
  if (isSelf(c, userId)) return refused('Você não pode alterar o seu próprio perfil. Peça a outro gestor ou à singular.');
  if (before === role) return { ok: true, message: `O perfil já era ${roleLabel(role)}; nada foi alterado.` };
  await c.get('tx')(async (tx) => {
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.resellerId, clinic.resellerId), eq(memberships.clinicId, clinic.id), eq(memberships.userId, userId)));
    await services.audit.append(
      {
        ...requestAudit(c),
        action: 'membership.role_change',
        resellerId: clinic.resellerId,
        clinicId: clinic.id,
        target: `usuário ${user.id} (${user.email})`,
        details: { from: before, to: role },
      },
      tx,
    );
  });
  return { ok: true, message: `Perfil de ${user.name} na base ${clinic.name} alterado de ${roleLabel(before)} para ${roleLabel(role)}.` };
}

export async function removeMembership(
  c: Context<AppEnv>,
  services: CoreServices,
  area: UserArea,
  userId: number,
  clinicId: number,
): Promise<ActionResult> {
  const user = await managedOr404(c, area, userId);
  const { clinic, role } = await membershipOr404(c, area, userId, clinicId);
  if (isSelf(c, userId)) return refused('Você não pode remover o seu próprio acesso a uma base.');
  await c.get('tx')(async (tx) => {
    await tx
      .delete(memberships)
      .where(and(eq(memberships.resellerId, clinic.resellerId), eq(memberships.clinicId, clinic.id), eq(memberships.userId, userId)));
    await services.audit.append(
      {
        ...requestAudit(c),
        action: 'membership.remove',
        resellerId: clinic.resellerId,
        clinicId: clinic.id,
        target: `usuário ${user.id} (${user.email})`,
        details: { role },
      },
      tx,
    );
  });
  return { ok: true, message: `${user.name} não tem mais acesso à base ${clinic.name} (id ${clinic.id}).` };
}

export async function addMembership(
  c: Context<AppEnv>,
  services: CoreServices,
  area: UserArea,
  userId: number,
  clinicId: number,
  role: MembershipRole,
): Promise<ActionResult> {
  const user = await managedOr404(c, area, userId);
  if (user.kind !== 'clinic_user') return refused('Só usuários de clínica recebem acesso a bases.');
  if (user.status === 'inactive') return refused('Este usuário está desativado. Reative-o antes de dar novos acessos.');
  const outcome = await c.get('tx')(async (tx): Promise<{ result: ActionResult; resellerId?: number }> => {
    const clinic = await findAreaClinic(tx, area, clinicId);
    if (!clinic) return { result: refused(`A base ${clinicId} não foi encontrada entre as bases que você administra.`) };
    if (clinic.status !== 'active') return { result: refused(`A base ${clinic.name} (id ${clinic.id}) está desativada.`) };
    const inserted = await tx
      .insert(memberships)
      .values({ resellerId: clinic.resellerId, clinicId: clinic.id, userId, role })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    if (inserted.length === 0) return { result: refused(`${user.name} já tem acesso à base ${clinic.name} (id ${clinic.id}).`) };
    await services.audit.append(
      {
        ...requestAudit(c),
        action: 'membership.add',
        resellerId: clinic.resellerId,
        clinicId: clinic.id,
        target: `usuário ${user.id} (${user.email})`,
        details: { role },
      },
      tx,
    );
    return {
      result: { ok: true, message: `${user.name} agora tem acesso à base ${clinic.name} (id ${clinic.id}) como ${roleLabel(role)}.` },
      resellerId: clinic.resellerId,
    };
  });
  if (outcome.resellerId !== undefined) {
    await emitMembershipsAdded(c, services, [{ resellerId: outcome.resellerId, clinicId, userId, role }]);
  }
  return outcome.result;
}

/**
 * Deactivates (status "inactive", every session ended at once) or reactivates an account. An account
 * is global, so the admin must manage every base the user reaches; nobody deactivates themselves.
 */
export async function setUserActive(
  c: Context<AppEnv>,
  services: CoreServices,
  area: UserArea,
  userId: number,
  active: boolean,
): Promise<ActionResult> {
  const user = await managedOr404(c, area, userId);
  if (isSelf(c, userId)) return refused('Você não pode desativar a sua própria conta.');
  if (user.kind !== 'clinic_user' && !(user.kind === 'reseller_admin' && area.kind === 'reseller')) {
    return refused('Esta conta não pode ser alterada aqui.');
  }
  if (active && user.status !== 'inactive') return { ok: true, message: `${user.name} já está ativo.` };
  if (!active && user.status === 'inactive') return { ok: true, message: `${user.name} já está desativado.` };
  if (user.kind === 'clinic_user' && (await membershipsOutside(services, userId, area)) > 0) {
    return refused(
      area.kind === 'clinic'
        ? `${user.name} também tem acesso a outras bases. Remova o acesso a esta base em vez de desativar a conta, ou peça à singular.`
        : `${user.name} também tem acesso a bases de outra singular. Remova os acessos às bases desta singular em vez de desativar a conta.`,
    );
  }
  const status = active ? (user.hasPassword ? 'active' : 'invited') : 'inactive';
  await c.get('tx')(async (tx) => {
    await tx.update(users).set({ status }).where(eq(users.id, userId));
    await services.audit.append(
      {
        ...requestAudit(c),
        action: active ? 'user.reactivate' : 'user.deactivate',
        resellerId: area.resellerId,
        clinicId: area.kind === 'clinic' ? area.clinicId : null,
        target: `usuário ${user.id} (${user.email})`,
      },
      tx,
    );
  });
  if (active) return { ok: true, message: `${user.name} foi reativado.` };
  const ended = await services.sessions.invalidateAllOfUser(userId);
  return {
    ok: true,
    message: `${user.name} foi desativado${ended > 0 ? ` e ${ended === 1 ? 'a sessão aberta foi encerrada' : `as ${ended} sessões abertas foram encerradas`}` : ''}.`,
  };
}

import { type AppEnv, type CoreServices, type MembershipRole, schema } from '@painel/core/module';
import { and, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { type AreaClinic, findAreaClinic } from '../users/area-clinic.ts';
import { isUniqueViolation } from '../users/db-errors.ts';
import { findUserByEmail } from '../users/identity-lookup.ts';
import { requestAudit } from '../users/request-audit.ts';
import { roleLabel } from '../users/roles.tsx';
import type { UserArea } from '../users/user-area.ts';
import { type IssuedInvitation, issueInvitation } from './issue-invitation.ts';
import { emitMembershipsAdded } from '../users/membership-events.ts';

const { memberships, users } = schema;

export interface InviteInput {
  email: string;
  name: string;
  clinicId: number;
  role: MembershipRole;
}

export type InviteResult =
  | { kind: 'invited'; userId: number; email: string; name: string; clinic: AreaClinic; role: MembershipRole; invitation: IssuedInvitation }
  | { kind: 'added'; userId: number; email: string; clinic: AreaClinic; role: MembershipRole; invitation: IssuedInvitation | null }
  | { kind: 'refused'; field: 'email' | 'clinicId' | null; message: string };

class Refusal extends Error {
  constructor(
    readonly field: 'email' | 'clinicId' | null,
    message: string,
  ) {
    super(message);
  }
}

export function invitationOrigin(c: Context<AppEnv>, services: CoreServices): string {
  return services.config.publicOrigin ? new URL(services.config.publicOrigin).origin : new URL(c.req.url).origin;
}

/**
 * Invites by e-mail into one base of the area: a new account in status "invited" with a membership and
 * an invitation link, or — when the e-mail already has an account — a new membership on it (and a
 * fresh link if that account never set its password). All in one transaction, audited.
 */
export async function inviteUser(
  c: Context<AppEnv>,
  services: CoreServices,
  area: UserArea,
  input: InviteInput,
): Promise<InviteResult> {
  const actor = c.get('actor');
  const me = actor.user!;
  const existing = await findUserByEmail(services, input.email);
  const origin = invitationOrigin(c, services);
  try {
    const result = await c.get('tx')(async (tx): Promise<InviteResult> => {
      const clinic = await findAreaClinic(tx, area, input.clinicId);
      if (!clinic) throw new Refusal('clinicId', `A base ${input.clinicId} não foi encontrada entre as bases que você administra.`);
      if (clinic.status !== 'active') {
        throw new Refusal('clinicId', `A base ${clinic.name} (id ${clinic.id}) está desativada; reative-a antes de convidar usuários.`);
      }
      const audit = { ...requestAudit(c), resellerId: clinic.resellerId, clinicId: clinic.id };
      const invitedBy = { id: me.id, name: me.name };
      if (existing) {
        if (existing.kind !== 'clinic_user') {
          throw new Refusal('email', 'Este e-mail pertence a um administrador ou à equipe da plataforma; só usuários de clínica recebem acesso a bases.');
        }
        if (existing.status === 'inactive') {
          throw new Refusal('email', 'A conta deste e-mail está desativada. Ela precisa ser reativada antes de receber um novo acesso.');
        }
        const [already] = await tx
          .select({ role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.resellerId, clinic.resellerId), eq(memberships.clinicId, clinic.id), eq(memberships.userId, existing.id)));
        if (already) {
          throw new Refusal(
            'email',
            `${input.email} já tem acesso à base ${clinic.name} (id ${clinic.id}) com o perfil ${roleLabel(already.role)}. Para mudar o perfil, abra a página do usuário.`,
          );
        }
        await tx.insert(memberships).values({ resellerId: clinic.resellerId, clinicId: clinic.id, userId: existing.id, role: input.role });
        const invitation =
          existing.status === 'invited'
            ? await issueInvitation(tx, services, { ...input, ...clinicRef(clinic), userId: existing.id, name: existing.name, invitedBy, origin })
            : null;
        await services.audit.append(
          {
            ...audit,
            action: 'membership.add',
            target: `usuário ${existing.id} (${existing.email})`,
            details: { role: input.role, existingAccount: true, newLink: invitation !== null },
          },
          tx,
        );
        return { kind: 'added', userId: existing.id, email: existing.email, clinic, role: input.role, invitation };
      }
      const [next] = await services.db.query<{ id: string | number }>(
        tx,
        sql`select nextval(pg_get_serial_sequence('public.users', 'id')) as id`,
      );
      const userId = Number(next!.id);
      // Inserted without RETURNING: the new row becomes visible to this scope only through its membership.
      await tx.insert(users).values({ id: userId, email: input.email, name: input.name, kind: 'clinic_user', status: 'invited' });
      await tx.insert(memberships).values({ resellerId: clinic.resellerId, clinicId: clinic.id, userId, role: input.role });
      const invitation = await issueInvitation(tx, services, { ...input, ...clinicRef(clinic), userId, invitedBy, origin });
      await services.audit.append(
        {
          ...audit,
          action: 'user.invite',
          target: `usuário ${userId} (${input.email})`,
          details: { role: input.role, expiresAt: invitation.expiresAt.toISOString() },
        },
        tx,
      );
      return { kind: 'invited', userId, email: input.email, name: input.name, clinic, role: input.role, invitation };
    });
    if (result.kind !== 'refused') {
      await emitMembershipsAdded(c, services, [
        { resellerId: result.clinic.resellerId, clinicId: result.clinic.id, userId: result.userId, role: result.role },
      ]);
    }
    return result;
  } catch (error) {
    if (error instanceof Refusal) return { kind: 'refused', field: error.field, message: error.message };
    if (isUniqueViolation(error)) {
      return { kind: 'refused', field: 'email', message: 'Este e-mail acabou de ser cadastrado por outra pessoa. Envie o convite de novo.' };
    }
    throw error;
  }
}

function clinicRef(clinic: AreaClinic) {
  return { resellerId: clinic.resellerId, clinicId: clinic.id, clinicName: clinic.name };
}

import { type CoreServices, type Db, type MembershipRole, schema } from '@painel/core/module';
import { and, eq, inArray } from 'drizzle-orm';
import { findUserByEmail, type KnownUser } from '../users/identity-lookup.ts';
import { baseOwnership, type Ownership } from './base-ownership.ts';

const { clinics, memberships, users } = schema;

export type BaseStatus = 'new' | 'member' | 'not_found' | 'other_reseller' | 'inactive';

export interface PreviewRow {
  baseId: number;
  status: BaseStatus;
  clinicName: string | null;
  /** The user's role there when already a member. */
  role: MembershipRole | null;
}

export interface MultiClinicAsk {
  email: string;
  existingBaseId: number | null;
  requestedBaseIds: number[];
  warnings: string[];
}

export interface Preview {
  ask: MultiClinicAsk;
  user: (KnownUser & { visibleName: string | null }) | null;
  /** Why nothing can be applied for this user (unknown e-mail, deactivated, not a clinic user). */
  userProblem: string | null;
  origin: PreviewRow | null;
  rows: PreviewRow[];
  defaultRole: MembershipRole;
}

export const refusedStatuses: readonly BaseStatus[] = ['not_found', 'other_reseller', 'inactive'];
export const isRefused = (row: PreviewRow) => refusedStatuses.includes(row.status);

/**
 * Statuses of the bases inside one transaction of the admin's scope (the apply step re-runs this in
 * its own transaction, with the bases locked, so what is written is exactly what was checked).
 */
export async function rowsInTx(
  tx: Db,
  resellerId: number,
  userId: number | null,
  ids: number[],
  ownership: Map<number, Ownership>,
  lock = false,
): Promise<PreviewRow[]> {
  const own = ids.filter((id) => ownership.get(id) === 'own');
  const bases =
    own.length === 0
      ? []
      : await (() => {
          const q = tx
            .select({ id: clinics.id, name: clinics.name, status: clinics.status })
            .from(clinics)
            .where(and(eq(clinics.resellerId, resellerId), inArray(clinics.id, own)));
          return lock ? q.for('share') : q;
        })();
  const member =
    userId === null || own.length === 0
      ? []
      : await tx
          .select({ clinicId: memberships.clinicId, role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.resellerId, resellerId), eq(memberships.userId, userId), inArray(memberships.clinicId, own)));
  return ids.map((baseId): PreviewRow => {
    const base = bases.find((b) => b.id === baseId);
    if (!base) return { baseId, status: ownership.get(baseId) === 'other' ? 'other_reseller' : 'not_found', clinicName: null, role: null };
    const m = member.find((x) => x.clinicId === baseId);
    if (m) return { baseId, status: 'member', clinicName: base.name, role: m.role };
    return { baseId, status: base.status === 'active' ? 'new' : 'inactive', clinicName: base.name, role: null };
  });
}

function problemOf(email: string, user: KnownUser | null): string | null {
  if (!user) return `O e-mail ${email} não está cadastrado no Painel. Convide a pessoa primeiro; depois adicione as outras bases.`;
  if (user.kind !== 'clinic_user') return 'Este e-mail pertence a um administrador ou à equipe da plataforma; só usuários de clínica recebem acesso a bases.';
  if (user.status === 'inactive') return 'A conta deste e-mail está desativada. Ela precisa ser reativada antes de receber novos acessos.';
  return null;
}

/** The per-base preview of a multi-clinic request (nothing is written). */
export async function previewRequest(
  services: CoreServices,
  run: <T>(fn: (tx: Db) => Promise<T>) => Promise<T>,
  resellerId: number,
  ask: MultiClinicAsk,
): Promise<Preview> {
  const found = await findUserByEmail(services, ask.email);
  const allIds = ask.existingBaseId === null ? ask.requestedBaseIds : [ask.existingBaseId, ...ask.requestedBaseIds];
  const ownership = await baseOwnership(services, resellerId, allIds);
  return run(async (tx) => {
    const userId = found?.kind === 'clinic_user' ? found.id : null;
    const computed = await rowsInTx(tx, resellerId, userId, allIds, ownership);
    const originRow = ask.existingBaseId === null ? null : (computed[0] ?? null);
    const rows = ask.existingBaseId === null ? computed : computed.slice(1);
    const [visible] = found ? await tx.select({ name: users.name }).from(users).where(eq(users.id, found.id)).limit(1) : [];
    return {
      ask,
      user: found ? { ...found, visibleName: visible?.name ?? null } : null,
      userProblem: problemOf(ask.email, found),
      origin: originRow,
      rows,
      defaultRole: originRow?.role ?? 'secretaria',
    };
  });
}

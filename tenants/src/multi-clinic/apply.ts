import { type AppEnv, type CoreServices, type MembershipRole, schema } from '@painel/core/module';
import type { Context } from 'hono';
import { emitMembershipsAdded } from '../users/membership-events.ts';
import { requestAudit } from '../users/request-audit.ts';
import { baseOwnership } from './base-ownership.ts';
import { isRefused, type Preview, rowsInTx } from './preview.ts';

const { memberships } = schema;

export type ApplyResult =
  | { kind: 'applied'; added: number[] }
  | { kind: 'changed' }
  | { kind: 'refused'; message: string };

class Changed extends Error {}

/**
 * Writes every new membership of a confirmed preview, or none: one transaction that re-checks each base
 * under a lock and gives up if anything differs from what the admin confirmed (`expected`).
 */
export async function applyMultiClinic(
  c: Context<AppEnv>,
  services: CoreServices,
  resellerId: number,
  preview: Preview,
  input: { role: MembershipRole; expected: number[]; skipRefused: boolean },
): Promise<ApplyResult> {
  const user = preview.user;
  if (!user || preview.userProblem) return { kind: 'refused', message: preview.userProblem ?? 'Usuário não encontrado.' };
  const refused = preview.rows.filter(isRefused);
  if (refused.length > 0 && !input.skipRefused) {
    return {
      kind: 'refused',
      message: `Nada foi gravado: ${refused.length === 1 ? '1 base foi recusada' : `${refused.length} bases foram recusadas`}. Corrija o pedido ou use ${refused.length === 1 ? '“Confirmar sem a base recusada”' : `“Confirmar sem as ${refused.length} bases recusadas”`}.`,
    };
  }
  const ids = preview.rows.map((r) => r.baseId);
  const ownership = await baseOwnership(services, resellerId, ids);
  try {
    const added = await c.get('tx')(async (tx) => {
      const rows = await rowsInTx(tx, resellerId, user.id, ids, ownership, true);
      const fresh = rows.filter((r) => r.status === 'new').map((r) => r.baseId);
      const same = fresh.length === input.expected.length && fresh.every((id) => input.expected.includes(id));
      if (!same || (rows.some(isRefused) && !input.skipRefused)) throw new Changed();
      if (fresh.length === 0) return [];
      await tx.insert(memberships).values(fresh.map((clinicId) => ({ resellerId, clinicId, userId: user.id, role: input.role })));
      const audit = requestAudit(c);
      for (const clinicId of fresh) {
        await services.audit.append(
          {
            ...audit,
            action: 'membership.add',
            resellerId,
            clinicId,
            target: `usuário ${user.id} (${user.email})`,
            details: { role: input.role, via: 'multi_clinic' },
          },
          tx,
        );
      }
      await services.audit.append(
        {
          ...audit,
          action: 'user.multi_clinic',
          resellerId,
          target: `usuário ${user.id} (${user.email})`,
          details: {
            role: input.role,
            added: fresh,
            alreadyMember: rows.filter((r) => r.status === 'member').map((r) => r.baseId),
            refused: rows.filter(isRefused).map((r) => ({ base: r.baseId, status: r.status })),
            existingBase: preview.ask.existingBaseId,
          },
        },
        tx,
      );
      return fresh;
    });
    await emitMembershipsAdded(
      c,
      services,
      added.map((clinicId) => ({ resellerId, clinicId, userId: user.id, role: input.role })),
    );
    return { kind: 'applied', added };
  } catch (error) {
    if (error instanceof Changed) return { kind: 'changed' };
    throw error;
  }
}

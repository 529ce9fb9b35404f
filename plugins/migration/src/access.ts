/**
 * Who someone is on one request, once row-level security let them read it:
 * - equipe: the vendor's migration team — answers, books, moves the lifecycle;
 * - solicitante: the base's gestor working in it, or its singular's admin — asks, validates, approves;
 * - leitor: a support agent inside the base through an active grant, or a platform admin — reads only.
 */
import { type Actor, supportReadsBase } from '@painel/core/plugin';
import type { RequestRole } from './domain/lifecycle.ts';

export function requestRole(actor: Actor, req: { resellerId: number; clinicId: number }): RequestRole | null {
  const user = actor.user;
  if (!user) return null;
  switch (user.kind) {
    case 'migration_team':
      return 'equipe';
    case 'platform_admin':
      return 'leitor';
    case 'reseller_admin':
      return user.resellerId === req.resellerId ? 'solicitante' : null;
    case 'support_agent':
      return supportReadsBase(actor, req) ? 'leitor' : null;
    case 'clinic_user': {
      const base = actor.activeClinic;
      if (!base || base.resellerId !== req.resellerId || base.clinicId !== req.clinicId) return null;
      return actor.memberships.some((m) => m.resellerId === req.resellerId && m.clinicId === req.clinicId && m.role === 'gestor') ? 'solicitante' : null;
    }
  }
}

/** The side a message or an action comes from. */
export function sideOf(actor: Actor): 'equipe' | 'singular' | 'clinica' {
  const kind = actor.user?.kind;
  return kind === 'migration_team' ? 'equipe' : kind === 'reseller_admin' ? 'singular' : 'clinica';
}

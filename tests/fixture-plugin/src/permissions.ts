import { type Actor, allow, forbidden, needLogin, notFound, reaches, type TenantResource } from '@painel/core/plugin';

const inActiveClinic = (actor: Actor, resource?: TenantResource) => {
  if (!actor.user) return needLogin;
  if (!actor.activeClinic) return forbidden('Escolha uma base clínica para ver as notas.');
  if (resource && !reaches(actor, resource)) return notFound;
  return null;
};

/** Anyone working in the active base. */
export const canView = (actor: Actor, resource?: TenantResource) => inActiveClinic(actor, resource) ?? allow;

/** The base's gestor (or its reseller admin). */
export const canWrite = (actor: Actor, resource?: TenantResource) => {
  const refused = inActiveClinic(actor, resource);
  if (refused) return refused;
  if (actor.user?.kind === 'reseller_admin') return allow;
  const gestor = actor.memberships.some((m) => m.clinicId === actor.activeClinic?.clinicId && m.role === 'gestor');
  return gestor ? allow : forbidden('Só o gestor da base escreve notas.');
};

import type { CoreServices, NavEntry, Rule, ScreenRouter } from '@painel/core/module';
import { auditPermission } from '../audit/permission.ts';
import { auditRoutes } from '../audit/audit-routes.tsx';
import { switchClinicPermission } from '../clinic-switcher/permission.ts';
import { clinicSwitcherRoutes } from '../clinic-switcher/switch-routes.tsx';
import { invitationRoutes } from '../invitations/invitation-routes.tsx';
import { multiClinicRoutes } from '../multi-clinic/multi-clinic-routes.tsx';
import { resellerAdminRoutes } from '../reseller-admins/admin-routes.tsx';
import { usersPermission, usersReadPermission } from './permissions.ts';
import { userRoutes } from './users-routes.tsx';

/**
 * People and access inside the tenants module: users and invitations, multi-clinic access, the clinic
 * switcher ("Alterar Clínica") and the audit screen.
 */
export const accessPermissions: Record<string, Rule> = {
  'tenants.users': usersPermission,
  'tenants.users.read': usersReadPermission,
  'tenants.switch-clinic': switchClinicPermission,
  'tenants.audit': auditPermission,
};

export const accessNav: NavEntry[] = [
  {
    label: 'Usuários',
    href: '/usuarios',
    permission: 'tenants.users',
    section: 'admin',
    order: 30,
    visible: ({ actor }) => actor.user?.kind === 'reseller_admin',
  },
  { label: 'Multi clínica', href: '/usuarios/multi-clinica', permission: 'reseller.admin', section: 'admin', order: 31 },
  {
    label: 'Usuários da base',
    href: '/usuarios',
    permission: 'tenants.users.read',
    section: 'clinic',
    order: 30,
    visible: ({ actor }) => actor.user?.kind !== 'reseller_admin',
  },
  { label: 'Auditoria', href: '/auditoria', permission: 'tenants.audit', section: 'admin', order: 90 },
];

export function registerAccessRoutes(router: ScreenRouter, services: CoreServices): void {
  userRoutes(router, services);
  invitationRoutes(router, services);
  resellerAdminRoutes(router, services);
  multiClinicRoutes(router, services);
  clinicSwitcherRoutes(router, services);
  auditRoutes(router, services);
}

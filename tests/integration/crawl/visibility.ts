/**
 * Who may see and who may change which tenant's data, as the product's rules say (README "What you can
 * do", SPEC §3) — never inferred from responses:
 * - the platform admin: everything;
 * - a singular's admin: everything of its singular (its bases, users, admins, tickets, migrations);
 * - a clinic user (gestor, médico, secretária): the bases they belong to, and their singular's own
 *   values (its name, its administrators);
 * - a support agent: every base's and singular's name (tickets and access requests name them), the
 *   tickets of the vendor's queue and the people on them, and everything of a base with an active grant;
 *   it writes tickets of the vendor's queue and access requests anywhere;
 * - the migration team: every migration request (and the names of bases and singulares), and writes them;
 * - anonymous: nothing.
 */
import type { Owner } from './tenant-values.ts';

export type Profile =
  | { kind: 'anon' }
  | { kind: 'platform' }
  | { kind: 'team' }
  | { kind: 'reseller'; reseller: number }
  | { kind: 'member'; clinics: ReadonlySet<number>; resellers: ReadonlySet<number> }
  | { kind: 'support'; grants: ReadonlySet<number> };

export function maySee(profile: Profile, owner: Owner): boolean {
  switch (profile.kind) {
    case 'anon':
      return false;
    case 'platform':
      return true;
    case 'reseller':
      return owner.reseller === profile.reseller;
    case 'member':
      return owner.clinic === null ? profile.resellers.has(owner.reseller) : profile.clinics.has(owner.clinic);
    case 'support':
      return (
        (owner.clinic !== null && profile.grants.has(owner.clinic)) ||
        owner.kind === 'reseller' ||
        owner.kind === 'clinic' ||
        (owner.kind === 'ticket' && owner.vendorQueue === true)
      );
    case 'team':
      return owner.kind === 'reseller' || owner.kind === 'clinic' || owner.kind === 'migration';
  }
}

export interface TenantKey {
  reseller: number;
  clinic: number | null;
}

/** Whether rows of `table` (schema.name) in this tenant may change when the actor acts. */
export function mayWrite(profile: Profile, table: string, tenant: TenantKey): boolean {
  switch (profile.kind) {
    case 'anon':
      return false;
    case 'platform':
      return true;
    case 'reseller':
      return tenant.reseller === profile.reseller;
    case 'member':
      return tenant.clinic !== null && profile.clinics.has(tenant.clinic);
    case 'support':
      return (tenant.clinic !== null && profile.grants.has(tenant.clinic)) || table.startsWith('support.') || table === 'support_access.access_requests';
    case 'team':
      return table.startsWith('migration.');
  }
}

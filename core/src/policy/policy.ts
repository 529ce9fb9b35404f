import { clinicalRoles } from '../db/schema/index.ts';
import type { Actor } from './actor.ts';
import type { DataClass } from './data-class.ts';
import { allow, type Decision, forbidden, needLogin, notFound } from './decision.ts';

/** A tenant-owned resource, identified by its reseller and (when it has one) its clinic. */
export interface TenantResource {
  resellerId: number;
  clinicId?: number | undefined;
}

export type Rule = (actor: Actor, resource?: TenantResource) => Decision;

const signedIn =
  (rule: Rule): Rule =>
  (actor, resource) =>
    actor.user ? rule(actor, resource) : needLogin;

/** May the actor reach this tenant resource at all? Anything else answers 404 (no existence leak). */
export function reaches(actor: Actor, resource: TenantResource): boolean {
  const user = actor.user;
  if (!user) return false;
  if (user.kind === 'platform_admin') return true;
  if (user.kind === 'reseller_admin') return user.resellerId === resource.resellerId;
  if (user.kind === 'support_agent') {
    const active = actor.activeClinic;
    return (
      !!actor.supportGrant &&
      !!active &&
      active.resellerId === resource.resellerId &&
      (resource.clinicId === undefined || resource.clinicId === active.clinicId)
    );
  }
  if (resource.clinicId === undefined) return false;
  return actor.memberships.some((m) => m.resellerId === resource.resellerId && m.clinicId === resource.clinicId);
}

/**
 * A support agent working inside a base through an active grant (SPEC §3): may READ the base's non-EHR
 * screens that help support (its users and roles, its tickets) — never write there.
 */
export function supportReadsBase(actor: Actor, resource?: TenantResource): boolean {
  const active = actor.activeClinic;
  if (actor.user?.kind !== 'support_agent' || !actor.supportGrant || active?.via !== 'support_grant') return false;
  return !resource || reaches(actor, resource);
}

/** Core's own permissions, filled once below while this module loads and never changed after. */
const coreRules = new Map<string, Rule>();

function definePermission(name: string, rule: Rule): void {
  coreRules.set(name, rule);
}

/**
 * The permissions of ONE app: core's, plus those its modules and plugins declare (`id:…`). Built per app
 * by `createServices`, so two apps in one process never see each other's rules. Each request's actor
 * carries its app's registry (`withPolicy`), which is how `decide`/`can` find the right rules.
 */
export class PolicyRegistry {
  readonly #rules = new Map<string, Rule>(coreRules);

  /** Adds a module's or plugin's permission; a name defined twice in one app is an error. */
  define(name: string, rule: Rule): void {
    if (this.#rules.has(name)) throw new Error(`Permission "${name}" is already defined`);
    this.#rules.set(name, rule);
  }

  has(name: string): boolean {
    return this.#rules.has(name);
  }

  /** The single place where authorization is decided. Unknown permissions are denied. */
  decide(actor: Actor, permission: string, resource?: TenantResource): Decision {
    const rule = this.#rules.get(permission);
    if (!rule) return forbidden(`permissão desconhecida: ${permission}`);
    return rule(actor, resource);
  }
}

const policyKey = Symbol('painel.policy');
type WithPolicy = Actor & { [policyKey]?: PolicyRegistry };
/** Knows core's permissions only: for an actor no app made (tests, a page rendered without a request). */
let coreOnly: PolicyRegistry | undefined;

/** The actor, answering to `registry` from now on (an enumerable symbol, so `{ ...actor }` keeps it). */
export function withPolicy<A extends Actor>(actor: A, registry: PolicyRegistry): A {
  return Object.assign(actor, { [policyKey]: registry });
}

/** Decides with the rules of the app that made this actor. */
export function decide(actor: Actor, permission: string, resource?: TenantResource): Decision {
  const registry = (actor as WithPolicy)[policyKey] ?? (coreOnly ??= new PolicyRegistry()); // after core's rules below are in
  return registry.decide(actor, permission, resource);
}

export function can(actor: Actor, permission: string, resource?: TenantResource): boolean {
  return decide(actor, permission, resource).kind === 'allow';
}

/** Data-class gate (SPEC §5): `ehr` only for clinic members with a clinical role, never via a grant. */
export function decideDataClass(actor: Actor, dataClass: DataClass): Decision {
  if (dataClass !== 'ehr') return allow;
  const user = actor.user;
  if (!user) return needLogin;
  if (actor.supportGrant || user.kind !== 'clinic_user') {
    return forbidden('ehr');
  }
  const active = actor.activeClinic;
  const membership = active && actor.memberships.find((m) => m.clinicId === active.clinicId);
  if (!membership || !clinicalRoles.includes(membership.role)) return forbidden('ehr');
  return allow;
}

const activeClinicRule =
  (check: (actor: Actor) => boolean): Rule =>
  (actor, resource) => {
    const active = actor.activeClinic;
    if (!active) return forbidden('Escolha uma base clínica para continuar.');
    if (resource && !reaches(actor, resource)) return notFound;
    return check(actor) ? allow : forbidden('Seu perfil nesta base não permite esta ação.');
  };

const isGestorOfActive = (actor: Actor): boolean => {
  const active = actor.activeClinic;
  if (!active) return false;
  if (actor.user?.kind === 'reseller_admin' || actor.user?.kind === 'platform_admin') return true;
  return actor.memberships.some((m) => m.clinicId === active.clinicId && m.role === 'gestor');
};

definePermission('public', () => allow);
definePermission('authenticated', signedIn(() => allow));
definePermission(
  'platform.admin',
  signedIn((a) => (a.user?.kind === 'platform_admin' ? allow : forbidden('Área restrita à equipe da plataforma.'))),
);
definePermission(
  'reseller.admin',
  signedIn((a, r) => {
    if (a.user?.kind !== 'reseller_admin') return forbidden('Área restrita aos administradores da singular.');
    if (r && !reaches(a, r)) return notFound;
    return allow;
  }),
);
/** Reseller admins of the resource's reseller, or platform admins. */
definePermission(
  'reseller.manage',
  signedIn((a, r) => {
    const kind = a.user?.kind;
    if (kind !== 'reseller_admin' && kind !== 'platform_admin') return forbidden('Área restrita aos administradores.');
    if (r && !reaches(a, r)) return notFound;
    return allow;
  }),
);
definePermission(
  'support.agent',
  signedIn((a) => (a.user?.kind === 'support_agent' ? allow : forbidden('Área restrita à equipe de suporte.'))),
);
/** The vendor's data-migration team (a platform role): its queue of migration requests across singulares. */
definePermission(
  'migration.team',
  signedIn((a) => (a.user?.kind === 'migration_team' ? allow : forbidden('Área restrita à equipe de migração.'))),
);
/** Anyone working inside the active base (member, its reseller admin, platform admin, support with grant). */
definePermission('clinic.work', signedIn(activeClinicRule(() => true)));
/** Manage the active base: its gestor, its reseller admin, or a platform admin. */
definePermission('clinic.manage', signedIn(activeClinicRule(isGestorOfActive)));
/** A clinic member's own decision (support grants): gestor of the active base only — not admins, not support. */
definePermission(
  'clinic.gestor',
  signedIn(
    activeClinicRule(
      (a) =>
        a.user?.kind === 'clinic_user' &&
        a.memberships.some((m) => m.clinicId === a.activeClinic?.clinicId && m.role === 'gestor'),
    ),
  ),
);

/**
 * A job's progress (core/src/jobs): whoever reaches the tenant it was enqueued for; a platform job
 * (no reseller) only the platform. Without a resource (the route guard): anyone signed in.
 */
definePermission(
  'jobs.view',
  signedIn((a, r) => {
    if (!r) return allow;
    return reaches(a, r) ? allow : notFound;
  }),
);
/**
 * Cancelling a job someone else enqueued: a platform admin, the reseller's admin, or the gestor of the
 * job's base. Support agents never (their access is read-only). The one who enqueued it may always.
 */
definePermission(
  'jobs.cancel',
  signedIn((a, r) => {
    if (!r) return allow;
    if (!reaches(a, r)) return notFound;
    const kind = a.user?.kind;
    if (kind === 'platform_admin' || kind === 'reseller_admin') return allow;
    const gestor = r.clinicId !== undefined && kind === 'clinic_user' && a.memberships.some((m) => m.clinicId === r.clinicId && m.role === 'gestor');
    return gestor ? allow : forbidden('Só quem iniciou a tarefa, o gestor da base ou um administrador pode cancelá-la.');
  }),
);

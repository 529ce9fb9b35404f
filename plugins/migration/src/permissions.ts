/**
 * The plugin's permissions (`migration:*`), decided by core's policy module, plus core's own
 * `migration.team` (the vendor's migration team). Which request an actor may open is then narrowed per
 * request (access.ts) and by row-level security.
 */
import { allow, forbidden, needLogin, notFound, reaches, type Actor, type Rule, supportReadsBase } from '@painel/core/plugin';

export const P = {
  /** The list of requests: the team (all), a singular's admins (their singular), the gestor (the active base), support inside a granted base (reads). */
  requests: 'migration:requests',
  /** Open a request: the gestor of the active base, or a singular's admin for any of its bases. */
  open: 'migration:open',
  /** One request's page and its forms (the request itself is checked afterwards). */
  request: 'migration:request',
  /** The risk view: the team and the singulares' admins. */
  risk: 'migration:risk',
  /**
   * The homologation screens of the active base's open validation version. Personal screens: the base's
   * users, its singular's admins and the platform inside it, support inside it through a grant. The EHR
   * screens declare data class `ehr`, so core's gate then leaves only the base's clinical roles and
   * refuses everyone else with the explanatory page and an audit entry.
   */
  homologation: 'migration:homologation',
  /** The team's own screens (catalogue of legacy systems): core's permission for the role. */
  team: 'migration.team',
} as const;

const kindOf = (a: Actor) => a.user?.kind;

/** The gestor of the active base, as a member (not through an admin's or support's access). */
export const isGestorOfActive = (a: Actor): boolean =>
  kindOf(a) === 'clinic_user' &&
  !!a.activeClinic &&
  a.memberships.some((m) => m.resellerId === a.activeClinic!.resellerId && m.clinicId === a.activeClinic!.clinicId && m.role === 'gestor');

const requestsRule: Rule = (actor, resource) => {
  if (!actor.user) return needLogin;
  const kind = kindOf(actor);
  if (kind === 'migration_team' || kind === 'platform_admin') return allow;
  if (kind === 'reseller_admin' && actor.user.resellerId !== null) return resource && !reaches(actor, resource) ? notFound : allow;
  if (supportReadsBase(actor, resource)) return allow;
  if (isGestorOfActive(actor)) return resource && !reaches(actor, resource) ? notFound : allow;
  if (kind === 'clinic_user' && !actor.activeClinic) return forbidden('Escolha uma base clínica (Alterar Clínica) para acompanhar a migração de dados.');
  return forbidden('A migração de dados é acompanhada pelo gestor da base, pela singular e pela equipe de migração.');
};

const openRule: Rule = (actor, resource) => {
  if (!actor.user) return needLogin;
  if (actor.supportGrant) return forbidden('A migração é solicitada pela clínica ou pela singular, não pelo acesso de suporte.');
  if (kindOf(actor) === 'reseller_admin' && actor.user.resellerId !== null) return resource && !reaches(actor, resource) ? notFound : allow;
  if (isGestorOfActive(actor)) return resource && !reaches(actor, resource) ? notFound : allow;
  return forbidden('A migração de dados é solicitada pelo gestor da base ou pela singular.');
};

const signedIn: Rule = (actor) => (actor.user ? allow : needLogin);

const riskRule: Rule = (actor) => {
  if (!actor.user) return needLogin;
  const kind = kindOf(actor);
  if (kind === 'migration_team' || (kind === 'reseller_admin' && actor.user.resellerId !== null)) return allow;
  return forbidden('A visão de risco é da equipe de migração e das singulares.');
};

const homologationRule: Rule = (actor) => {
  if (!actor.user) return needLogin;
  const kind = kindOf(actor);
  // The team and the platform reach the gate: the EHR screens are refused to them there (page + audit).
  if (kind === 'migration_team' || kind === 'platform_admin') return allow;
  if (kind === 'reseller_admin' && actor.user.resellerId !== null) return allow;
  if (kind === 'support_agent') return supportReadsBase(actor) ? allow : forbidden('A homologação de uma base é aberta ao suporte só com o acesso concedido pela clínica.');
  const base = actor.activeClinic;
  if (!base) return forbidden('Escolha uma base clínica (Alterar Clínica) para ver a homologação da migração.');
  return actor.memberships.some((m) => m.resellerId === base.resellerId && m.clinicId === base.clinicId) ? allow : forbidden('A homologação é aberta aos usuários da base.');
};

export const permissionRules: ReadonlyArray<readonly [string, Rule]> = [
  [P.requests, requestsRule],
  [P.open, openRule],
  [P.request, signedIn],
  [P.risk, riskRule],
  [P.homologation, homologationRule],
];

/**
 * The plugin's permissions (`support:*`), decided by core's policy module. Which ticket an actor may
 * open is then narrowed per ticket (ticket-access.ts) and by row-level security.
 */
import { type Actor, allow, type Decision, forbidden, needLogin, notFound, reaches, type Rule, supportReadsBase, type TenantResource } from '@painel/core/plugin';

export const P = {
  /** Open and follow tickets of the active base (its users; its singular's admins). */
  open: 'support:open',
  /** The active base's ticket list: whoever opens tickets there, and a support agent inside it through a grant (reads). */
  baseTickets: 'support:base',
  /** Read a ticket page / attachment (anyone signed in; the ticket itself is checked afterwards). */
  ticket: 'support:ticket',
  /** The vendor's support queue. */
  agent: 'support:agent',
  /** The singular's team: its queue, its board, its settings. */
  team: 'support:team',
  /** The breach-risk list: whoever answers tickets. */
  queue: 'support:queue',
  /** Indicators: singular admins (their singular), platform admins and support agents (all). */
  indicators: 'support:indicators',
} as const;

const kindOf = (a: Actor) => a.user?.kind;

const openRule: Rule = (actor, resource) => {
  if (!actor.user) return needLogin;
  const base = actor.activeClinic;
  if (!base) return forbidden('Escolha uma base clínica (Alterar Clínica) para abrir ou acompanhar chamados.');
  if (resource && !reaches(actor, resource)) return notFound;
  if (actor.supportGrant) return forbidden('Chamados são abertos pela clínica, não pelo acesso de suporte.');
  const kind = kindOf(actor);
  if (kind === 'clinic_user' && actor.memberships.some((m) => m.clinicId === base.clinicId && m.resellerId === base.resellerId)) {
    return allow;
  }
  if (kind === 'reseller_admin' && actor.user.resellerId === base.resellerId) return allow;
  return forbidden('Chamados são abertos pelos usuários da base clínica.');
};

const baseTicketsRule: Rule = (actor, resource) => (supportReadsBase(actor, resource) ? allow : openRule(actor, resource));

const signedIn: Rule = (actor) => (actor.user ? allow : needLogin);

const agentRule: Rule = (actor) =>
  !actor.user ? needLogin : kindOf(actor) === 'support_agent' ? allow : forbidden('Área restrita à equipe de suporte.');

const teamRule: Rule = (actor: Actor, resource?: TenantResource): Decision => {
  if (!actor.user) return needLogin;
  if (kindOf(actor) !== 'reseller_admin' || actor.user.resellerId === null) {
    return forbidden('Área restrita aos administradores da singular.');
  }
  if (resource && resource.resellerId !== actor.user.resellerId) return notFound;
  return allow;
};

const queueRule: Rule = (actor, resource) => {
  if (!actor.user) return needLogin;
  if (kindOf(actor) === 'support_agent') return allow;
  return teamRule(actor, resource);
};

const indicatorsRule: Rule = (actor, resource) => {
  if (!actor.user) return needLogin;
  const kind = kindOf(actor);
  if (kind === 'platform_admin' || kind === 'support_agent') return allow;
  if (kind === 'reseller_admin') return teamRule(actor, resource);
  return forbidden('Os indicadores de suporte são da singular e da equipe de suporte.');
};

export const permissionRules: ReadonlyArray<readonly [string, Rule]> = [
  [P.open, openRule],
  [P.baseTickets, baseTicketsRule],
  [P.ticket, signedIn],
  [P.agent, agentRule],
  [P.team, teamRule],
  [P.queue, queueRule],
  [P.indicators, indicatorsRule],
];

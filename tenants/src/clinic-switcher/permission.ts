import { type Actor, allow, canSwitchClinic, type Decision, needLogin, notFound, type Rule } from '@painel/core/module';

/**
 * "Alterar Clínica": reseller and platform admins, and clinic users with more than one base. Everyone
 * else is answered as if the screen did not exist (404), like the header that never shows them the link.
 */
export const switchClinicPermission: Rule = (actor: Actor): Decision => {
  if (!actor.user) return needLogin;
  return canSwitchClinic(actor) ? allow : notFound;
};

import { type Actor, allow, type Decision, forbidden, needLogin, type Rule } from '@painel/core/module';

/** The audit screen: platform admins (every row) and reseller admins (their singular's rows, by RLS). */
export const auditPermission: Rule = (actor: Actor): Decision => {
  const kind = actor.user?.kind;
  if (!kind) return needLogin;
  if (kind === 'platform_admin' || kind === 'reseller_admin') return allow;
  return forbidden('A auditoria é restrita aos administradores da singular e da plataforma.');
};

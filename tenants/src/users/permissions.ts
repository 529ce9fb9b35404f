import { type Actor, allow, type Decision, forbidden, needLogin, type Rule, supportReadsBase } from '@painel/core/module';
import { userAreaOf } from './user-area.ts';

/** Users screens: reseller admins (their singular) and the gestor of the active base. */
export const usersPermission: Rule = (actor: Actor): Decision => {
  const user = actor.user;
  if (!user) return needLogin;
  if (userAreaOf(actor)) return allow;
  if (user.kind === 'platform_admin') {
    return forbidden('Escolha uma base clínica em “Alterar Clínica” para gerenciar os usuários dela.');
  }
  return forbidden('Área restrita ao gestor da base e aos administradores da singular.');
};

/** Reading the users of the area: whoever manages it, and a support agent inside the base through a grant. */
export const usersReadPermission: Rule = (actor: Actor): Decision => (supportReadsBase(actor) ? allow : usersPermission(actor));

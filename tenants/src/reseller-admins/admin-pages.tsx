import { ErrorSummary, Field, PageHeader } from '@painel/core/module';
import type { IssuedInvitation } from '../invitations/issue-invitation.ts';
import { InvitationLinkCard } from '../invitations/invite-pages.tsx';
import type { Reseller } from '../resellers/reseller-store.ts';
import { UserStatusBadge } from '../users/status-badge.tsx';
import type { ResellerAdminRow } from './invite-admin.ts';

export interface AdminFormValues {
  name: string;
  email: string;
}

export type AdminFormErrors = Partial<Record<'name' | 'email' | 'form', string>>;

/** Where the page's "back" link goes: the singular's page for the platform, the users list for the singular. */
export type AdminsBack = { href: string; label: string };

/** The singular's administrators and the form that invites one more. */
export function ResellerAdminsPage(props: {
  reseller: Reseller;
  admins: ResellerAdminRow[];
  values: AdminFormValues;
  errors: AdminFormErrors;
  back: AdminsBack;
  done?: { name: string; email: string; invitation: IssuedInvitation } | undefined;
}) {
  const { reseller, admins, values, errors, done } = props;
  const action = `/singulares/${reseller.code}/administradores`;
  return (
    <>
      <p class="breadcrumb">
        <a href={props.back.href}>← {props.back.label}</a>
      </p>
      <PageHeader
        title="Administradores da singular"
        subtitle={`${reseller.name} (id reseller ${reseller.code}). Administradores alcançam todas as bases, usuários e conteúdos da singular.`}
      />
      {done && (
        <>
          <div class="flash flash-success" role="status" data-testid="invite-outcome">
            Convite enviado para {done.name}. A conta fica pendente até a pessoa criar a senha pelo link.
          </div>
          <InvitationLinkCard invitation={done.invitation} email={done.email} />
        </>
      )}
      <div class="two-columns">
        <section class="card" aria-labelledby="convidar-admin">
          <h2 id="convidar-admin">Convidar administrador da singular</h2>
          <ErrorSummary errors={Object.values(errors).filter((e): e is string => !!e)} />
          <form method="post" action={action} novalidate>
            <Field label="Nome completo" name="nome" value={values.name} required maxlength={120} autocomplete="off" error={errors.name} />
            <Field
              label="E-mail"
              name="email"
              type="email"
              value={values.email}
              required
              maxlength={254}
              autocomplete="off"
              error={errors.email}
              hint="A pessoa recebe um link para criar a senha. O link vale 7 dias e só pode ser usado uma vez."
            />
            <button type="submit">Convidar administrador</button>
          </form>
        </section>
        <section class="card" aria-labelledby="admins-atuais">
          <h2 id="admins-atuais">Administradores atuais</h2>
          {admins.length === 0 ? (
            <p class="muted" data-testid="no-admins">
              Esta singular ainda não tem administrador.
            </p>
          ) : (
            <ul class="plain-list" data-testid="admin-list">
              {admins.map((a) => (
                <li>
                  <strong>{a.name}</strong> <span class="muted small">{a.email}</span> <UserStatusBadge status={a.status} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

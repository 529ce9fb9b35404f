import { ErrorSummary, Field, formatDateTime, type MembershipRole, PageHeader } from '@painel/core/module';
import type { AreaClinic } from '../users/area-clinic.ts';
import { BasePicker } from '../users/base-picker.tsx';
import { RoleOptions, roleLabel } from '../users/roles.tsx';
import type { UserArea } from '../users/user-area.ts';
import type { IssuedInvitation } from './issue-invitation.ts';

export interface InviteFormValues {
  name: string;
  email: string;
  role: MembershipRole;
  q: string;
}

export type InviteErrors = Partial<Record<'name' | 'email' | 'base' | 'role' | 'form', string>>;

export function InviteFormPage(props: {
  area: UserArea;
  values: InviteFormValues;
  errors: InviteErrors;
  picker: { results: AreaClinic[]; selected: AreaClinic[] };
}) {
  const { area, values, errors } = props;
  const messages = Object.values(errors).filter((e): e is string => !!e);
  return (
    <>
      <p class="breadcrumb">
        <a href="/usuarios">← Usuários</a>
      </p>
      <PageHeader
        title="Convidar usuário"
        subtitle="A pessoa recebe um link para criar a senha. O link vale 7 dias e só pode ser usado uma vez."
      />
      <ErrorSummary errors={messages} />
      <form method="post" action="/usuarios/convidar" class="card form-card" novalidate>
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
          hint="Se o e-mail já tiver cadastro, a pessoa só ganha o acesso à base (sem novo cadastro)."
        />
        {area.kind === 'clinic' ? (
          <div class="ua-fixed-field">
            <span>Base</span>
            <strong>
              {area.clinicName} <span class="muted mono">· id {area.clinicId}</span>
            </strong>
            <input type="hidden" name="base" value={String(area.clinicId)} />
          </div>
        ) : (
          <BasePicker
            legend="Base"
            name="base"
            multiple={false}
            q={values.q}
            results={props.picker.results}
            selected={props.picker.selected}
            fallbackAction="/usuarios/convidar"
            error={errors.base}
          />
        )}
        <label>
          Perfil na base
          <select name="perfil" aria-invalid={errors.role ? 'true' : undefined}>
            <RoleOptions selected={values.role} />
          </select>
        </label>
        <div class="form-actions">
          <button type="submit">Enviar convite</button>
          <a href="/usuarios" class="secondary">
            Cancelar
          </a>
        </div>
      </form>
    </>
  );
}

/** Shown once, right after creating: the link itself is never stored, only its hash. */
export function InvitationLinkCard(props: { invitation: IssuedInvitation; email: string }) {
  return (
    <section class="card ua-invitation-link" aria-labelledby="link-convite">
      <h2 id="link-convite">Link de convite</h2>
      <p>
        Envie este link para <strong>{props.email}</strong>. Ele vale até <strong>{formatDateTime(props.invitation.expiresAt)}</strong>{' '}
        (horário de Brasília) e só pode ser usado uma vez.
      </p>
      <input type="text" readonly value={props.invitation.link} aria-label="Link de convite" class="mono" data-testid="invitation-link" />
      <p class="muted small">
        O e-mail com o link também ficou na fila de envio. Por segurança, o link não fica guardado: se for perdido, gere um novo na página do
        usuário.
      </p>
    </section>
  );
}

export function InviteDonePage(props: {
  headline: string;
  detail: string;
  userId: number;
  email: string;
  clinic: AreaClinic;
  role: MembershipRole;
  invitation: IssuedInvitation | null;
}) {
  return (
    <>
      <p class="breadcrumb">
        <a href="/usuarios">← Usuários</a>
      </p>
      <PageHeader title={props.headline} subtitle={`${props.clinic.name} (id ${props.clinic.id}) · ${roleLabel(props.role)}`} />
      <div class="flash flash-success" role="status" data-testid="invite-outcome">
        {props.detail}
      </div>
      {props.invitation && <InvitationLinkCard invitation={props.invitation} email={props.email} />}
      <p class="page-actions">
        <a href={`/usuarios/${props.userId}`} role="button" class="secondary">
          Ver usuário
        </a>
        <a href="/usuarios/convidar" role="button" class="secondary outline">
          Convidar outra pessoa
        </a>
      </p>
    </>
  );
}

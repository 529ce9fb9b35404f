import { formatDateTime, passwordRules } from '@painel/core/module';
import type { OpenInvitation } from './invitation-state.ts';

export function AcceptForm(props: { token: string; invitation: OpenInvitation; error?: string | undefined }) {
  const { invitation } = props;
  return (
    <article class="card ua-accept-card">
      <h1>Criar sua senha</h1>
      <p>
        Olá, <strong>{invitation.name}</strong>!{' '}
        {invitation.clinicId === null ? (
          <>
            Você recebeu um convite para administrar a singular <strong>{invitation.clinicName}</strong> no Painel Singular.
          </>
        ) : (
          <>
            Você recebeu um convite para acessar a base <strong>{invitation.clinicName}</strong> (id {invitation.clinicId}) no Painel Singular.
          </>
        )}
      </p>
      {props.error && (
        <div class="flash flash-error" role="alert" data-testid="accept-error">
          {props.error}
        </div>
      )}
      <form method="post" action={`/convite/${props.token}`}>
        <label for="email">
          E-mail
          <input id="email" type="email" value={invitation.email} readonly autocomplete="username" />
        </label>
        <label for="senha">
          Nova senha
          <input
            id="senha"
            name="senha"
            type="password"
            required
            minlength={passwordRules.minLength}
            maxlength={passwordRules.maxLength}
            autocomplete="new-password"
            aria-describedby="senha-dica"
          />
          <small id="senha-dica">Pelo menos {passwordRules.minLength} caracteres.</small>
        </label>
        <label for="confirmacao">
          Confirme a senha
          <input
            id="confirmacao"
            name="confirmacao"
            type="password"
            required
            minlength={passwordRules.minLength}
            maxlength={passwordRules.maxLength}
            autocomplete="new-password"
          />
        </label>
        <button type="submit">Criar senha e entrar</button>
      </form>
      <p class="muted small">Este link vale até {formatDateTime(invitation.expiresAt)} (horário de Brasília).</p>
    </article>
  );
}

/** Unknown, expired, used or deactivated: what happened and what to do. */
export function InvitationProblem(props: { title: string; body: string; loginLink?: boolean }) {
  return (
    <article class="card ua-accept-card" data-testid="invitation-problem">
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.loginLink && (
        <p>
          <a href="/login" role="button">
            Ir para o login
          </a>
        </p>
      )}
    </article>
  );
}

import { t } from '../../ui/messages.ts';

export function LoginForm(props: { email?: string; error?: string | undefined; next?: string | undefined; notice?: string | undefined }) {
  return (
    <article class="card login-card">
      <h1>{t('login.title')}</h1>
      {props.notice && (
        <div class="flash flash-info" role="status">
          {props.notice}
        </div>
      )}
      {props.error && (
        <div class="flash flash-error" role="alert" data-testid="login-error">
          {props.error}
        </div>
      )}
      <form method="post" action="/login">
        <input type="hidden" name="next" value={props.next ?? ''} />
        <label for="email">
          {t('login.email')}
          <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ''} autofocus />
        </label>
        <label for="password">
          {t('login.password')}
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </label>
        <button type="submit">{t('login.submit')}</button>
      </form>
    </article>
  );
}

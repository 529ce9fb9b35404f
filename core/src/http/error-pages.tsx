import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { formatBytes } from '../ui/format.ts';
import { t } from '../ui/messages.ts';
import { isHtmx, renderPage } from '../ui/render.tsx';
import type { AppEnv } from './env.ts';
import type { HttpError } from './http-error.ts';

function ErrorBody(props: { title: string; body: string; requestId?: string | undefined; extra?: string }) {
  return (
    <section class="error-page card">
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.extra && <p>{props.extra}</p>}
      {props.requestId && (
        <p class="error-code">
          {t('error.requestId')}: <code data-testid="request-id">{props.requestId}</code>
        </p>
      )}
      <p>
        <a href="/" role="button">
          {t('error.back')}
        </a>
      </p>
    </section>
  );
}

/** The pt-BR page for an HttpError (403, 404, 413, 429, …). */
export function renderHttpError(c: Context<AppEnv>, error: HttpError): Promise<Response> {
  const status = error.status as ContentfulStatusCode;
  const kind = error.detail?.kind;
  if (error.detail?.retryAfterSeconds) c.header('Retry-After', String(error.detail.retryAfterSeconds));
  let title = error.detail?.title ?? '';
  let body = error.message;
  if (status === 404) {
    title = t('error.404.title');
    body = t('error.404.body');
  } else if (status === 403 && kind === 'ehr') {
    title = t('error.ehr.title');
    body = t('error.ehr.body');
  } else if (status === 403 && kind === 'csrf') {
    title = t('error.403.title');
    body = t('error.csrf.body');
  } else if (status === 403) {
    title ||= t('error.403.title');
    body = error.message && !error.message.startsWith('HTTP') ? error.message : t('error.403.body');
  } else if (status === 413) {
    title = t('error.413.title');
    const limit = Number(kind);
    body = error.message.startsWith('HTTP')
      ? t('error.413.body', { limit: formatBytes(Number.isFinite(limit) && limit > 0 ? limit : 1024 * 1024) })
      : error.message;
  } else if (status === 429) {
    title = t('error.429.title');
  }
  // htmx (an upload form with a progress bar) swaps the message in place of the form's result.
  if (isHtmx(c)) return Promise.resolve(c.html(<ErrorBody title={title} body={body} />, status));
  return renderPage(c, { title, body: <ErrorBody title={title} body={body} />, status });
}

/** 500: the request id, never a stack trace. */
export function renderServerError(c: Context<AppEnv>): Promise<Response> {
  const title = t('error.500.title');
  return renderPage(c, {
    title,
    body: <ErrorBody title={title} body={t('error.500.body')} requestId={c.get('requestId')} />,
    status: 500,
  });
}

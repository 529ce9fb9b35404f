import type { Context } from 'hono';
import { raw } from 'hono/html';
import { BarePage } from '../ui/layout.tsx';
import { t } from '../ui/messages.ts';
import type { AppEnv } from './env.ts';

/** Seconds a browser or proxy is told to wait before trying again. */
export const unavailableRetrySeconds = 5;

/**
 * 503 while the database is away. The bare page needs nothing from the database (the signed-in
 * shell would: banners, the notification bell), so it can always be drawn.
 */
export function renderUnavailable(c: Context<AppEnv>): Response | Promise<Response> {
  c.header('Retry-After', String(unavailableRetrySeconds));
  c.header('Cache-Control', 'no-store');
  const title = t('error.503.title');
  const url = new URL(c.req.url);
  const again = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/';
  return c.html(
    <>
      {raw('<!DOCTYPE html>')}
      <BarePage title={title} nonce={c.get('secureHeadersNonce')}>
        <section class="error-page card" data-testid="unavailable">
          <h1>{title}</h1>
          <p>{t('error.503.body')}</p>
          <p>
            <a href={again} role="button">
              {t('error.503.retry')}
            </a>
          </p>
        </section>
      </BarePage>
    </>,
    503,
  );
}

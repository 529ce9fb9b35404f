import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../http/env.ts';
import { type Actor, anonymousActor } from '../policy/actor.ts';
import { can } from '../policy/policy.ts';
import { BarePage, Layout } from './layout.tsx';
import type { RenderedNavEntry } from './nav-registry.ts';

const doctype = raw('<!DOCTYPE html>');

/** Users with more than one base (and reseller/platform admins) get the "Alterar Clínica" switcher. */
export function canSwitchClinic(actor: Actor): boolean {
  const kind = actor.user?.kind;
  if (!kind) return false;
  if (kind === 'reseller_admin' || kind === 'platform_admin') return true;
  if (kind === 'clinic_user') return actor.memberships.length > 1;
  return false;
}

export function navFor(c: Context<AppEnv>): RenderedNavEntry[] {
  const actor = c.get('actor') ?? anonymousActor;
  const path = c.req.path;
  const entries = c
    .get('services')
    .ui.nav.filter((e) => can(actor, e.permission) && (e.visible?.({ actor }) ?? true))
    .sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
  const best = entries
    .filter((e) => path === e.href || (e.href !== '/' && path.startsWith(`${e.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
  return entries.map((e) => ({ label: e.label, href: e.href, section: e.section, current: e === best }));
}

/** Renders a full page inside the application shell. */
export async function renderPage(
  c: Context<AppEnv>,
  page: { title: string; body: Child; status?: ContentfulStatusCode },
): Promise<Response> {
  const actor = c.get('actor') ?? anonymousActor;
  const nonce = c.get('secureHeadersNonce');
  if (!actor.user) {
    return c.html(
      <>
        {doctype}
        <BarePage title={page.title} nonce={nonce}>
          {page.body}
        </BarePage>
      </>,
      page.status ?? 200,
    );
  }
  // The nav and the plugin slots hide plugins the actor's singular turned off: that gate is among
  // the request's prefetched reads (which usually travelled with the handler's first query).
  await c.get('prefetch')?.settle();
  const ui = c.get('services').ui;
  const banners = (await Promise.all(ui.banners.map((b) => b(c)))).filter((b) => b !== null && b !== undefined);
  const extras = (await Promise.all(ui.headerExtras.map((b) => b(c)))).filter((b) => b !== null && b !== undefined);
  return c.html(
    <>
      {doctype}
      <Layout
      title={page.title}
      nonce={nonce}
      actor={actor}
      nav={navFor(c)}
      flash={c.get('pendingFlash')}
      banners={banners}
      headerExtras={extras}
      canSwitchClinic={canSwitchClinic(actor)}
    >
      {page.body}
      </Layout>
    </>,
    page.status ?? 200,
  );
}

/** True when htmx asked for a fragment (no full page). */
export function isHtmx(c: Context): boolean {
  return c.req.header('hx-request') === 'true' && c.req.header('hx-boosted') !== 'true';
}

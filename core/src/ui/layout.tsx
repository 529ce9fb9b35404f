import type { Child } from 'hono/jsx';
import type { Flash } from '../http/env.ts';
import type { Actor } from '../policy/actor.ts';
import { t } from './messages.ts';
import type { RenderedNavEntry } from './nav-registry.ts';

export interface LayoutProps {
  title: string;
  nonce: string | undefined;
  actor: Actor;
  nav: RenderedNavEntry[];
  flash: Flash | null;
  /** Banners above the content (e.g. "Acesso de suporte — expira em …"). */
  banners?: Child[];
  /** Extra controls in the header, left of the user menu (e.g. the notification bell). */
  headerExtras?: Child[];
  canSwitchClinic: boolean;
  children: Child;
}

const sectionTitle: Record<Exclude<RenderedNavEntry['section'], 'user'>, string> = {
  main: '',
  clinic: t('nav.section.clinic'),
  admin: t('nav.section.admin'),
};

export function Head({ title, nonce }: { title: string; nonce: string | undefined }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}' />
      <title>{`${title} · ${t('app.name')}`}</title>
      <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/assets/pico.min.css" />
      <link rel="stylesheet" href="/assets/app.css" />
      <script src="/assets/htmx.min.js" nonce={nonce} defer></script>
      <script src="/assets/app.js" nonce={nonce} defer></script>
      <script src="/assets/upload-progress.js" nonce={nonce} defer></script>
    </head>
  );
}

function CurrentBase({ actor, canSwitch }: { actor: Actor; canSwitch: boolean }) {
  const base = actor.activeClinic;
  if (!actor.user) return null;
  return (
    <div class="current-base" aria-live="polite">
      <span class="current-base-label">{t('base.current')}</span>
      {base ? (
        <strong class="current-base-name" data-testid="current-base">
          {base.name} <span class="base-id">· id {base.clinicId}</span>
        </strong>
      ) : (
        <span class="muted">{t('base.none')}</span>
      )}
      {canSwitch && (
        <a href="/alterar-clinica" class="switch-base" data-testid="switch-clinic">
          {t('base.switch')}
        </a>
      )}
    </div>
  );
}

function UserMenu({ actor, extraItems }: { actor: Actor; extraItems: RenderedNavEntry[] }) {
  const user = actor.user;
  if (!user) return null;
  return (
    <details class="user-menu dropdown">
      {/* Named by its visible text plus a hidden hint, so the name contains what is seen (WCAG 2.5.3). */}
      <summary>
        <span class="avatar" aria-hidden="true">
          {user.name.slice(0, 1).toUpperCase()}
        </span>
        <span class="user-name">{user.name}</span>
        <span class="visually-hidden">, {t('menu.user').toLowerCase()}</span>
      </summary>
      <ul>
        <li class="menu-caption">
          {user.email}
          <br />
          <small>{t(`role.${user.kind}`)}</small>
        </li>
        {extraItems.map((item) => (
          <li>
            <a href={item.href}>{item.label}</a>
          </li>
        ))}
        <li>
          <a href="/minhas-sessoes">{t('menu.sessions')}</a>
        </li>
        <li>
          <form method="post" action="/logout" class="inline-form">
            <button type="submit" class="link-button">
              {t('menu.logout')}
            </button>
          </form>
        </li>
      </ul>
    </details>
  );
}

/** The application shell: header (product, current base, user menu), side navigation, flash, content. */
export function Layout(props: LayoutProps) {
  const { actor, nav } = props;
  const menuItems = nav.filter((n) => n.section === 'user');
  const sideNav = nav.filter((n) => n.section !== 'user');
  const sections = (['main', 'clinic', 'admin'] as const)
    .map((s) => ({ section: s, entries: sideNav.filter((n) => n.section === s) }))
    .filter((s) => s.entries.length > 0);
  return (
    <html lang="pt-BR" data-theme="light">
      <Head title={props.title} nonce={props.nonce} />
      <body hx-boost="false">
        <a class="skip-link" href="#conteudo">
          {t('common.skip')}
        </a>
        <header class="app-header">
          <a href="/" class="brand">
            <img src="/assets/favicon.svg" alt="" width="28" height="28" />
            <span>{t('app.name')}</span>
          </a>
          <CurrentBase actor={actor} canSwitch={props.canSwitchClinic} />
          <div class="header-actions">
            {props.headerExtras}
            <UserMenu actor={actor} extraItems={menuItems} />
          </div>
        </header>
        {props.banners?.length ? <div class="banners">{props.banners}</div> : null}
        <div class="app-body">
          {actor.user && sections.length > 0 && (
            <nav class="side-nav" aria-label="Navegação principal">
              {sections.map(({ section, entries }) => (
                <div class="nav-section">
                  {sectionTitle[section] && <p class="nav-title">{sectionTitle[section]}</p>}
                  <ul>
                    {entries.map((e) => (
                      <li>
                        <a href={e.href} aria-current={e.current ? 'page' : undefined}>
                          {e.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </nav>
          )}
          <main id="conteudo" class="content">
            {props.flash && (
              <div class={`flash flash-${props.flash.tone}`} role={props.flash.tone === 'error' ? 'alert' : 'status'}>
                {props.flash.message}
              </div>
            )}
            {props.children}
          </main>
        </div>
        <footer class="app-footer">
          <small>
            {t('app.name')} · {t('app.tagline')}
          </small>
        </footer>
      </body>
    </html>
  );
}

/** A bare page (login, errors before sign-in): same look, no navigation. */
export function BarePage(props: { title: string; nonce: string | undefined; children: Child }) {
  return (
    <html lang="pt-BR" data-theme="light">
      <Head title={props.title} nonce={props.nonce} />
      <body class="bare">
        <main id="conteudo" class="bare-main">
          <a href="/" class="brand brand-large">
            <img src="/assets/favicon.svg" alt="" width="40" height="40" />
            <span>{t('app.name')}</span>
          </a>
          {props.children}
        </main>
      </body>
    </html>
  );
}

/**
 * Every code the audit screen shows gets a pt-BR label: each action emitted anywhere in the code (found
 * in the sources) is registered, each detail key stored by the demo data and the support plugin is named,
 * and the screen shows labels and a definition list, never a raw code or JSON.
 */
import { auditActionLabel, hasAuditActionLabel, hasAuditDetailLabel, loadPlugins } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { auditDetailKeysInSources, productSources } from '../words/source-files.ts';
import { startSupportApp, type SupportTestApp } from './support-plugin-harness.ts';

/** Action codes in the sources: `action: 'x.y'`, `action: cond ? 'x.y' : 'x.z'`, `audit('x.y', …)`. */
function emittedActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of productSources()) {
    file.text.split('\n').forEach((line, i) => {
      if (!/\baction: |\baudit\('/.test(line) || /^\s*(\/\/|\*)/.test(line)) return;
      for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) found.set(m[1]!, `${file.path}:${i + 1}`);
    });
  }
  return found;
}

describe('audit action labels', () => {
  it('registers a pt-BR label for every audit action the code emits (core, modules, support plugin)', async () => {
    await loadPlugins(['@painel/support', '@painel/migration']);
    await import('@painel/tenants');
    await import('@painel/content');
    const emitted = emittedActions();
    expect(emitted.size).toBeGreaterThan(40);
    expect(emitted.has('support.ticket.opened')).toBe(true);
    const missing = [...emitted].filter(([code]) => !hasAuditActionLabel(code)).map(([code, at]) => `${code} (${at})`);
    expect(missing).toEqual([]);
    expect(auditActionLabel('support.card.moved')).not.toContain('support.');
  });

  it('registers a pt-BR name for every detail key written in the sources', async () => {
    await loadPlugins(['@painel/support', '@painel/migration']);
    await import('@painel/tenants');
    await import('@painel/content');
    const keys = auditDetailKeysInSources();
    for (const extra of ['previousEndsAt', 'capped', 'supportRequestId', 'replacedGrantId']) keys.set(extra, 'grant-actions.ts');
    expect(keys.size).toBeGreaterThan(40);
    const missing = [...keys].filter(([key]) => !hasAuditDetailLabel(key)).map(([key, at]) => `${key} (${at})`);
    expect(missing).toEqual([]);
  });
});

describe.each(testDrivers())('audit screen words on %s', (driver) => {
  let t: SupportTestApp;
  let platform: string;

  beforeAll(async () => {
    t = await startSupportApp(driver);
    platform = await t.login('plataforma@demo.test');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('names every stored action and detail key in pt-BR', async () => {
    const rows = await t.db.query<{ action: string }>(t.db.owner, sql`select distinct action from audit_log`);
    expect(rows.map((r) => r.action).filter((a) => !hasAuditActionLabel(a))).toEqual([]);
    const keys = await t.db.query<{ key: string }>(
      t.db.owner,
      sql`select distinct jsonb_object_keys(details) as key from audit_log where jsonb_typeof(details) = 'object'`,
    );
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.map((k) => k.key).filter((k) => !hasAuditDetailLabel(k))).toEqual([]);
  });

  it('shows labels in "Ação" and details as a definition list, not codes or JSON', async () => {
    const html = await (await t.request('/auditoria?acao=support.', { cookie: platform })).text();
    expect(html).toContain('data-testid="audit-row"');
    const cells = [...html.matchAll(/<span data-action="([^"]+)">([^<]+)<\/span>/g)].map((m) => ({ code: m[1]!, label: m[2]! }));
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.label, cell.code).not.toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
    expect(html).not.toMatch(/<pre[^>]*>\s*\{/);
    expect(html).toContain('data-testid="audit-details"');
    const full = await (await t.request('/auditoria', { cookie: platform })).text();
    // E-mails may wrap only before "@" and after dots.
    expect(full).toContain('<span class="email-text">plataforma<wbr/>@demo.<wbr/>test</span>');
    expect(full).not.toMatch(/<dt>[a-z]+[A-Z][a-zA-Z]*<\/dt>/);
  });
});

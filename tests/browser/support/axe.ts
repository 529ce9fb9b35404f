import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a page (WCAG 2.x A/AA rules and axe's best practices). */
const blocking = new Set(['serious', 'critical']);

/**
 * Runs axe-core in the page and returns its serious and critical violations. The source is evaluated
 * through the DevTools protocol (`page.evaluate`), which the page's CSP does not govern, so the app's
 * nonce-based CSP stays as shipped.
 */
export async function axeViolations(page: Page): Promise<Result[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResults> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations.filter((v) => blocking.has(v.impact ?? ''));
}

/** One readable line per violation: rule, impact, help text and the first offending nodes. */
export function describeViolations(where: string, violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, 3).map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? ''}`);
      const more = v.nodes.length > 3 ? [`      … and ${v.nodes.length - 3} more`] : [];
      return [`${where}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

/**
 * Test harness for the support plugin: the whole app (built-in modules + the plugin, through the
 * plugin host) on a fresh copy of the demo template. The plugin's migrations are applied (again, a no-op
 * when the template already has them) and `start()` runs, which seeds the plugin's demo data.
 */
import { type DriverName, loadPlugins, ManualClock, type TickingClock } from '@painel/core/testing';
import { seedInstant } from '../support/templates.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';

export interface SupportTestApp extends TestApp {
  close(): Promise<void>;
}

export async function startSupportApp(driver: DriverName, options: { now?: string; clock?: ManualClock | TickingClock } = {}): Promise<SupportTestApp> {
  const db = await openTestDatabase(driver);
  const t = await createTestApp(db, {
    plugins: await loadPlugins(['@painel/support']),
    clock: options.clock ?? new ManualClock(options.now ?? seedInstant),
  });
  return {
    ...t,
    close: async () => {
      await t.host.stop();
      await db.close();
    },
  };
}

/** A multipart body for the ticket forms (text fields and files). */
export function multipart(fields: Record<string, string>, files: Array<{ field: string; name: string; type: string; bytes: Uint8Array }> = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.field, new File([f.bytes as BlobPart], f.name, { type: f.type }));
  return form;
}

/** The ticket number a "303 → /p/support/chamados/<n>" answer points to. */
export function ticketIdOf(res: Response): number {
  const loc = res.headers.get('location') ?? '';
  const m = /\/p\/support\/chamados\/(\d+)$/.exec(loc);
  if (!m) throw new Error(`expected a redirect to a ticket, got ${res.status} ${loc}`);
  return Number(m[1]);
}

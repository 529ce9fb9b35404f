import type { Database, DriverName } from '../db/types.ts';
import type { ModuleDefinition } from '../modules/module.ts';
import type { AnyPlugin } from '../plugins/plugin-types.ts';
import type { ManualClock, TickingClock } from '../clock/clock.ts';
import { openTemplateCopy, type TestTemplates } from './template-copy.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export interface PluginTestApp extends TestApp {
  /** Stops the plugins and closes (on PostgreSQL also drops) the database copy. */
  close(): Promise<void>;
}

/**
 * The app with `plugins` on `driver`, for a plugin's own tests: a copy of the run's demo template
 * (core and the built-in modules migrated and seeded; cheap to copy), the plugins' migrations applied
 * and their start() run. Sign in with `session(email)` (a demo user, e.g. clinica@demo.test) and send
 * requests with `request(path, { cookie })`; reach the plugin's context with `host.get(id)!.context`.
 *
 *   const t = await createPluginTestApp({ plugins: [myPlugin], driver, templates: testTemplates(inject) });
 */
export async function createPluginTestApp(options: {
  plugins: AnyPlugin[];
  driver: DriverName;
  templates: TestTemplates;
  modules?: ModuleDefinition[];
  clock?: ManualClock | TickingClock;
  env?: Record<string, string>;
}): Promise<PluginTestApp> {
  const db: Database = await openTemplateCopy(options.driver, options.templates);
  try {
    const t = await createTestApp(db, {
      plugins: options.plugins,
      ...(options.modules ? { modules: options.modules } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.env ? { env: options.env } : {}),
    });
    return Object.assign(t, {
      close: async () => {
        await t.host.stop();
        await db.close();
      },
    });
  } catch (error) {
    await db.close();
    throw error;
  }
}

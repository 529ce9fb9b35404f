/**
 * Test harness for the migration plugin: the whole app (built-in modules + the plugin) on a fresh copy
 * of the demo template; the plugin's migrations are applied and `start()` seeds its demo requests.
 */
import { type DriverName, loadPlugins, ManualClock } from '@painel/core/testing';
import { createMigrationPlugin, secretBoxFromEnv, type versions } from '@painel/migration';
import { sql } from 'drizzle-orm';
import { seedInstant } from '../support/templates.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';

export interface MigrationTestApp extends TestApp {
  close(): Promise<void>;
}

export async function startMigrationApp(
  driver: DriverName,
  options: { now?: string; clock?: ManualClock; versionSource?: versions.VersionSource } = {},
): Promise<MigrationTestApp> {
  const db = await openTestDatabase(driver);
  const t = await createTestApp(db, {
    // With a source of validation-version rows: the plugin built with it (the app's own default otherwise).
    plugins: options.versionSource
      ? [createMigrationPlugin({ box: secretBoxFromEnv(process.env), versionSource: options.versionSource })]
      : await loadPlugins(['@painel/migration']),
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

/** The request number a "303 → /p/migration/solicitacoes/<n>" answer points to. */
export function requestIdOf(res: Response): number {
  const loc = res.headers.get('location') ?? '';
  const m = /\/p\/migration\/solicitacoes\/(\d+)$/.exec(loc);
  if (!m) throw new Error(`expected a redirect to a request, got ${res.status} ${loc}`);
  return Number(m[1]);
}

/** Rows read with the platform scope (test assertions only). */
export async function platformRows<R>(t: TestApp, query: ReturnType<typeof sql>): Promise<R[]> {
  return t.db.scoped({ kind: 'platform' }, (tx) => t.db.query<R>(tx, query));
}

/** A complete, valid request form (the gestor's: no base field). */
export function validForm(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    sistema: 'outro',
    sistemaOutro: 'Sistema Antigo XPTO',
    versao: '3.1',
    dataDisponivel: '10/03/2026',
    horaInicio: '08:00',
    horaFim: '12:00',
    contatoNome: 'Carla Gestora',
    contatoTelefone: '(49) 9 9970-0252',
    contatoEmail: 'Carla@Clinica.test',
    analistaNome: 'Sérgio Analista',
    analistaTelefone: '49 3322-1100',
    analistaEmail: 'analista@singular.test',
    modoExtracao: 'clinica',
    formatos: ['postgresql', 'pdf'],
    entidades: ['pacientes', 'agendamentos', 'prontuarios'],
    ...overrides,
  };
}

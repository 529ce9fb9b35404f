/**
 * `npm run migration:check -- --system NOME` reads a legacy system's saved mapping templates from the
 * configured database through core's `withPluginDatabase` (the sanctioned door for a plugin's command-line
 * tool): run as the real command against a PostgreSQL copy the app prepared — the template maps a column
 * the automatic mapping would not, one audited platform-scope read — and refused, in pt-BR, for an
 * unknown system and for a database the app never prepared. PostgreSQL only: the command opens the
 * database by its URL (with PGlite it would open DATA_DIR's files, which the in-memory test copies lack).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppRole, testEnv, withDatabase } from '../support/templates.ts';
import { openTestDatabase, postgresServerUrl, testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, startMigrationApp } from './migration-harness.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function migrationCheck(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(root, 'plugins/migration/src/cli/migration-check.ts'), ...args],
      { cwd: root, env: { ...process.env, ...testEnv, DATABASE_URL: databaseUrl, APP_DB_ROLE: testAppRole, LOG_LEVEL: 'silent' }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe.runIf(testDrivers().includes('postgres'))('migration:check --system against the configured database (PostgreSQL)', () => {
  let t: MigrationTestApp;
  let url: string;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    t = await startMigrationApp('postgres');
    const [db] = await platformRows<{ name: string }>(t, sql`select current_database() as name`);
    url = withDatabase(postgresServerUrl(), db!.name);
    // iClinic's saved template for patients: "Campo7" is the name, "Campo9" the CPF (no automatic rule knows them).
    await t.db.scoped({ kind: 'platform' }, (tx) =>
      t.db.query(
        tx,
        sql`insert into migration.mapping_templates (legacy_system_id, entity, columns, updated_by_name, updated_at)
            select id, 'pacientes', '{"Campo7": "nome", "Campo9": "cpf"}'::jsonb, 'Equipe de migração', now() from migration.legacy_systems where name = 'iClinic'`,
      ),
    );
    dir = mkdtempSync(join(tmpdir(), 'painel-cli-db-'));
    file = join(dir, 'pacientes.csv');
    writeFileSync(file, 'Cod;Campo7;Campo9\r\n1;Maria da Silva;52998224725\r\n2;João Souza;11144477735\r\n');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the system saved template (the name matched without accents or case) and audits the read', async () => {
    const run = await migrationCheck(['--json', '--system', 'ICLINIC', `pacientes=${file}`], url);
    expect(run.stderr).toContain('Modelo de mapeamento do sistema "ICLINIC": pacientes');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { files: Array<{ mapping: Array<{ column: string; field: string }> }> };
    const fields = Object.fromEntries(report.files[0]!.mapping.map((c) => [c.column, c.field]));
    expect(fields).toMatchObject({ Campo7: 'nome', Campo9: 'cpf' });
    const audit = await platformRows<{ details: { plugin: string; reason: string } }>(t, sql`select details from audit_log where action = 'plugin.platform_scope' and target = 'plugin migration' order by id desc limit 1`);
    expect(audit[0]!.details).toEqual({ plugin: 'migration', reason: 'linha de comando: modelos de mapeamento do sistema "ICLINIC" (migration:check)' });
    // Without --system the same file has no name column: the automatic mapping does not know "Campo7".
    const plain = await migrationCheck(['--json', `pacientes=${file}`], url);
    expect(JSON.parse(plain.stdout).files[0].mapping.some((c: { column: string }) => c.column === 'Campo7')).toBe(false);
  }, 120_000);

  it('refuses a system that is not in the catalogue, in pt-BR', async () => {
    const run = await migrationCheck(['--system', 'Sistema Inexistente', `pacientes=${file}`], url);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('Sistema legado "Sistema Inexistente" não está no catálogo de sistemas legados.');
  }, 120_000);

  it('refuses a database the app never prepared for the plugin, and changes nothing in it', async () => {
    const bare = await openTestDatabase('postgres'); // core and modules only: the plugin was never started on it
    try {
      const [db] = await bare.scoped({ kind: 'platform' }, (tx) => bare.query<{ name: string }>(tx, sql`select current_database() as name`));
      const run = await migrationCheck(['--system', 'iClinic', `pacientes=${file}`], withDatabase(postgresServerUrl(), db!.name));
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('O banco de dados não tem as tabelas do plugin "migration": inicie o app uma vez (npm start) para aplicar as migrações.');
      const [audit] = await bare.scoped({ kind: 'platform' }, (tx) => bare.query<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'plugin.platform_scope'`));
      expect(audit!.n).toBe(0);
    } finally {
      await bare.close();
    }
  }, 120_000);
});

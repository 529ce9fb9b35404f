import { defineConfig } from 'drizzle-kit';

/** The migration plugin's own migration set (schema `migration`). Run from the repo root. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/migration/src/db/schema.ts',
  out: './plugins/migration/migrations',
  schemaFilter: ['migration'],
  migrations: { table: '__migrations_migration', schema: 'drizzle' },
});

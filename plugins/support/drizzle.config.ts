import { defineConfig } from 'drizzle-kit';

/** The support plugin's own migration set (schema `support`). Run from the repo root. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/support/src/db/schema.ts',
  out: './plugins/support/migrations',
  schemaFilter: ['support'],
  migrations: { table: '__migrations_support', schema: 'drizzle' },
});

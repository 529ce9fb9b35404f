import { defineConfig } from 'drizzle-kit';

/** The support-access module's own migration set (schema `support_access`). Run from the repo root. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './tenants/src/support-access/db/schema.ts',
  out: './tenants/src/support-access/migrations',
  schemaFilter: ['support_access'],
  migrations: { table: '__migrations_support_access', schema: 'drizzle' },
});

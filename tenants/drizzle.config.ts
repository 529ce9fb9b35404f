import { defineConfig } from 'drizzle-kit';

/** The tenants module's own migration set: schema `tenants`, table `drizzle.__migrations_tenants`. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './tenants/src/db/schema.ts',
  out: './tenants/migrations',
  schemaFilter: ['tenants'],
  migrations: { table: '__migrations_tenants', schema: 'drizzle' },
});

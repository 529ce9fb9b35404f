import { defineConfig } from 'drizzle-kit';

/**
 * Core's migration set (identity, tenancy, audit, notifications). Modules and plugins each have their
 * own drizzle config, migrations folder and migrations table (see README, "Writing a plugin").
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './core/src/db/schema/index.ts',
  out: './core/migrations',
  migrations: { table: '__migrations_core', schema: 'drizzle' },
});

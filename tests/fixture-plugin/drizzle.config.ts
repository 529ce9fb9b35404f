import { defineConfig } from 'drizzle-kit';

/** The fixture plugin's own migration set: schema `fixture_plugin`, table `drizzle.__migrations_fixture_plugin`. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './tests/fixture-plugin/src/schema.ts',
  out: './tests/fixture-plugin/migrations',
  schemaFilter: ['fixture_plugin'],
  migrations: { table: '__migrations_fixture_plugin', schema: 'drizzle' },
});

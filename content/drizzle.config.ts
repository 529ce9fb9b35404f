import { defineConfig } from 'drizzle-kit';

/**
 * The content module's migration set (schema `content`). Run from the repository root:
 * `npx drizzle-kit generate --config content/drizzle.config.ts`.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './content/src/db/schema.ts',
  out: './content/migrations',
  schemaFilter: ['content'],
  migrations: { table: '__migrations_content', schema: 'drizzle' },
});

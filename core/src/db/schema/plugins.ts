import { sql } from 'drizzle-orm';
import { bigint, boolean, jsonb, pgPolicy, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { rls } from './rls.ts';
import { resellers } from './tenancy.ts';

const resellerOwnOrPlatform = sql.raw(
  `app_scope() = 'platform' or (app_scope() = 'reseller' and reseller_id = app_reseller_id())`,
);

/**
 * A plugin's state for one reseller: on/off and its per-reseller settings (validated by the plugin's
 * zod schema when read). No row means "enabled, default settings". Reading follows the reseller's
 * visibility; writing is for the platform and for the reseller's own admins (settings screens), and a
 * trigger (migration 0004) lets only the platform scope change `enabled`.
 */
export const resellerPlugins = pgTable(
  'reseller_plugins',
  {
    resellerId: bigint('reseller_id', { mode: 'number' })
      .notNull()
      .references(() => resellers.id),
    pluginId: text('plugin_id').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: bigint('updated_by', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.resellerId, t.pluginId] }),
    pgPolicy('reseller_plugins_read', { for: 'select', using: rls.reseller('reseller_id') }),
    pgPolicy('reseller_plugins_insert', { for: 'insert', withCheck: resellerOwnOrPlatform }),
    pgPolicy('reseller_plugins_update', { for: 'update', using: resellerOwnOrPlatform, withCheck: resellerOwnOrPlatform }),
  ],
);

export type ResellerPlugin = typeof resellerPlugins.$inferSelect;

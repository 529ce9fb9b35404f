import { and, eq, sql } from 'drizzle-orm';
import { selectRows } from '../db/raw-rows.ts';
import { resellerPlugins } from '../db/schema/index.ts';
import type { Db } from '../db/types.ts';
import type { Actor } from '../policy/actor.ts';

/**
 * The reseller whose choice of plugins applies to this actor: the reseller of the active base, else
 * the reseller admin's own reseller. Platform admins and support agents outside any base have none:
 * they see every installed plugin (vendor staff; the plugin filters by reseller itself).
 */
export function resellerContextOf(actor: Actor): number | null {
  if (actor.activeClinic) return actor.activeClinic.resellerId;
  if (actor.user?.kind === 'reseller_admin') return actor.user.resellerId;
  return null;
}

/** Plugin ids turned off for one reseller (rows with enabled = false; no row means enabled). */
export async function disabledPluginIds(tx: Db, resellerId: number): Promise<Set<string>> {
  // A fixed statement: every signed-in page of a singular's users reads it (the plugin gate).
  const rows = await selectRows<{ plugin_id: string }>(tx, sql`select plugin_id from reseller_plugins where reseller_id = ${resellerId} and enabled = false`);
  return new Set(rows.map((r) => r.plugin_id));
}

export async function readPluginRow(tx: Db, resellerId: number, pluginId: string) {
  const [row] = await tx
    .select()
    .from(resellerPlugins)
    .where(and(eq(resellerPlugins.resellerId, resellerId), eq(resellerPlugins.pluginId, pluginId)));
  return row ?? null;
}

/** Turns a plugin on or off for a reseller (platform or that reseller's scope: a trigger refuses anyone else). */
export async function setPluginEnabled(
  tx: Db,
  input: { resellerId: number; pluginId: string; enabled: boolean; userId: number | null; now: Date },
): Promise<void> {
  await tx
    .insert(resellerPlugins)
    .values({ resellerId: input.resellerId, pluginId: input.pluginId, enabled: input.enabled, updatedAt: input.now, updatedBy: input.userId })
    .onConflictDoUpdate({
      target: [resellerPlugins.resellerId, resellerPlugins.pluginId],
      set: { enabled: input.enabled, updatedAt: input.now, updatedBy: input.userId },
    });
}

/** Stores a reseller's (already validated) settings, keeping `enabled` as it is. */
export async function storePluginSettings(
  tx: Db,
  input: { resellerId: number; pluginId: string; settings: Record<string, unknown>; userId: number | null; now: Date },
): Promise<void> {
  await tx
    .insert(resellerPlugins)
    .values({ resellerId: input.resellerId, pluginId: input.pluginId, settings: input.settings, updatedAt: input.now, updatedBy: input.userId })
    .onConflictDoUpdate({
      target: [resellerPlugins.resellerId, resellerPlugins.pluginId],
      set: { settings: input.settings, updatedAt: input.now, updatedBy: input.userId },
    });
}

/** Per plugin, how many resellers turned it off (platform scope). */
export async function disabledCounts(tx: Db): Promise<Map<string, number>> {
  const rows = await tx
    .select({ pluginId: resellerPlugins.pluginId, n: sql<number>`count(*)::int` })
    .from(resellerPlugins)
    .where(eq(resellerPlugins.enabled, false))
    .groupBy(resellerPlugins.pluginId);
  return new Map(rows.map((r) => [r.pluginId, Number(r.n)]));
}

/**
 * `--system NOME`: the saved mapping templates of a legacy system, read from the configured database
 * through core's entry for plugin command-line tools (one audited platform-scope read; see the README).
 */
import { PluginCliDatabaseError, withPluginDatabase } from '@painel/core/plugin';
import type { EntityKey } from '../prevalidation/entities.ts';
import { UnusableInput } from '../prevalidation/readers/source.ts';
import { templatesByName } from '../files/templates.ts';

export async function loadSystemTemplates(system: string, env: Record<string, string | undefined> = process.env): Promise<Partial<Record<EntityKey, Record<string, string>>>> {
  try {
    const found = await withPluginDatabase(
      'migration',
      (db) => db.platformScoped(`modelos de mapeamento do sistema "${system.slice(0, 80)}" (migration:check)`, (tx) => templatesByName(tx, system)),
      env,
    );
    if (!found) throw new UnusableInput(`Sistema legado "${system}" não está no catálogo de sistemas legados.`);
    return Object.fromEntries(found.templates) as Partial<Record<EntityKey, Record<string, string>>>;
  } catch (error) {
    if (error instanceof PluginCliDatabaseError) throw new UnusableInput(error.message);
    if (error instanceof Error && error.name === 'ConfigError') throw new UnusableInput(error.message);
    throw error;
  }
}

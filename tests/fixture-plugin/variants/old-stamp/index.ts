import { fileURLToPath } from 'node:url';
import { definePlugin } from '@painel/core/plugin';

/**
 * A plugin whose migration is stamped in 2001, long before core's: with one shared migrations table
 * Drizzle would skip it; with its own table it runs.
 */
export default definePlugin({
  id: 'old-stamp',
  version: '1.0.0',
  displayName: 'Plugin antigo',
  requires: { core: '>=1.0.0' },
  migrations: { folder: fileURLToPath(new URL('./migrations', import.meta.url)) },
  register() {},
});

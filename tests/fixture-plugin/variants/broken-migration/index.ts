import { fileURLToPath } from 'node:url';
import { definePlugin } from '@painel/core/plugin';

/** A plugin whose second migration fails: nothing of it may stay in the database. */
export default definePlugin({
  id: 'broken-plugin',
  version: '0.1.0',
  displayName: 'Plugin com migração quebrada',
  requires: { core: '^1.0.0' },
  migrations: { folder: fileURLToPath(new URL('./migrations', import.meta.url)) },
  register() {},
});

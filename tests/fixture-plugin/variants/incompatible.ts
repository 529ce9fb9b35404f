import { definePlugin } from '@painel/core/plugin';

/** Built for a future core: loading it must stop the start. */
export default definePlugin({
  id: 'future-plugin',
  version: '3.0.0',
  displayName: 'Plugin do futuro',
  requires: { core: '^2.0.0' },
  register() {},
});

import { definePlugin } from '@painel/core/plugin';
import '../../src/events.ts';

/** What the listener received (test-only). */
export const heard: { noteId: number; resellerId: number; clinicId: number; pluginId: string }[] = [];

/** A second plugin that subscribes to the fixture plugin's typed event. */
export default definePlugin({
  id: 'fixture-listener',
  version: '1.0.0',
  displayName: 'Ouvinte (plugin de teste)',
  requires: { core: '^1.0.0' },
  register(r) {
    r.on('fixture-plugin:note.created', (payload, ctx) => {
      const noteId: number = payload.noteId;
      heard.push({ noteId, resellerId: payload.resellerId, clinicId: payload.clinicId, pluginId: ctx.pluginId });
    });
  },
});

/** Subscribes to an event of a plugin that is not installed: refused when the app starts. */
export const orphanListener = definePlugin({
  id: 'orphan-listener',
  version: '1.0.0',
  displayName: 'Ouvinte órfão (plugin de teste)',
  requires: { core: '^1.0.0' },
  register(r) {
    r.on('migracao:import.finished' as never, () => {});
  },
});

/** Subscribes to an event the fixture plugin does not declare. */
export const undeclaredListener = definePlugin({
  id: 'undeclared-listener',
  version: '1.0.0',
  displayName: 'Ouvinte de evento não declarado (plugin de teste)',
  requires: { core: '^1.0.0' },
  register(r) {
    r.on('fixture-plugin:note.deleted' as never, () => {});
  },
});

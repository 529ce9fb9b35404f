/** The event the fixture emits when a note is saved; other plugins subscribe with r.on('fixture-plugin:note.created', …). */
export const noteCreated = 'fixture-plugin:note.created';

declare module '@painel/core/plugin' {
  interface PluginEvents {
    'fixture-plugin:note.created': { resellerId: number; clinicId: number; noteId: number; byUserId: number; at: Date };
  }
}

import type { PluginRegistrar } from '@painel/core/plugin';
import { count, eq } from 'drizzle-orm';
import { notes } from './schema.ts';
import type { FixtureSettings } from './settings.ts';

/** A banner with the active base's note count, and a header link to the notes: for who may read them. */
export function fixtureSlots(r: PluginRegistrar<FixtureSettings>): void {
  r.slot('banner', {
    permission: 'fixture-plugin:view',
    visible: (actor) => actor.activeClinic !== null,
    render: async (c) => {
      const base = c.get('actor').activeClinic!;
      const [row] = await c.get('tx')((tx) => tx.select({ n: count() }).from(notes).where(eq(notes.clinicId, base.clinicId)));
      return (
        <p class="banner" data-testid="fixture-banner">
          Notas desta base: {Number(row?.n ?? 0)}
        </p>
      );
    },
  });
  r.slot('header', {
    permission: 'fixture-plugin:write',
    render: () => (
      <a href="/p/fixture-plugin" data-testid="fixture-header">
        Notas
      </a>
    ),
  });
}

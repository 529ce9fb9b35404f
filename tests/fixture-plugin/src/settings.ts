import { z } from 'zod';

/** Per-reseller settings; every field has a default. */
export const fixtureSettings = z.object({
  greeting: z.string().min(1).max(80).default('Notas rápidas da sua base'),
  maxNotes: z.number().int().positive().default(100),
});

export type FixtureSettings = z.output<typeof fixtureSettings>;

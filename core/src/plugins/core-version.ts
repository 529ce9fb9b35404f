import { readFileSync } from 'node:fs';

/** Core's own version (core/package.json), the one plugins' `requires.core` ranges are checked against. */
export const coreVersion: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

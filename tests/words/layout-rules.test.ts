import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './source-files.ts';

const css = readFileSync(join(repoRoot, 'core/assets/app.css'), 'utf8');
/** The declarations of every rule whose selector list is exactly `selector`. */
const rule = (selector: string): string =>
  [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)]
    .filter((m) => m[1]!.replace(/\/\*[\s\S]*?\*\//g, '').trim() === selector)
    .map((m) => m[2]!)
    .join(';');

describe('layout rules of the audit table and the support board', () => {
  it('never breaks an e-mail mid-word in the audit table', () => {
    expect(rule('.ua-break')).not.toMatch(/break-all/);
    expect(rule('.ua-break')).toMatch(/word-break:\s*normal/);
  });

  it('keeps the board status select wide enough for its longest label next to the arrow', () => {
    const select = rule('.sup-card-move select');
    expect(select).not.toMatch(/min-width:\s*0\b/);
    expect(select).toMatch(/min-width:\s*calc\(12ch/);
    expect(rule('.sup-card-move')).toMatch(/flex-wrap:\s*wrap/);
  });
});

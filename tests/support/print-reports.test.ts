import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { figures, reportLines } from './print-reports.ts';

describe('the standing figures printed at the end of CI', () => {
  it('prints one line per report, whatever its fields, and survives a broken or missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'painel-reports-'));
    try {
      writeFileSync(join(dir, 'authorization-matrix.json'), JSON.stringify({ routes: 120, routesCovered: 120, actors: 12, checks: 1440 }));
      writeFileSync(join(dir, 'soak.json'), JSON.stringify({ requests: 900, byStatus: { 200: 800, 503: 100 }, problems: ['a', 'b'], passed: true }));
      writeFileSync(join(dir, 'fuzz.json'), '{ not json');
      expect(reportLines(dir)).toEqual([
        'authorization-matrix: routes=120 routesCovered=120 actors=12 checks=1440',
        expect.stringMatching(/^fuzz: unreadable \(/),
        'soak: requests=900 byStatus.200=800 byStatus.503=100 problems=[2] passed=true',
      ]);
      expect(reportLines(join(dir, 'missing'))).toEqual([`(no reports: ${join(dir, 'missing')} does not exist)`]);
      expect(figures({ deep: { a: { b: 1 } }, long: 'x'.repeat(100) })).toEqual(['deep.a={…}', `long=${'x'.repeat(77)}…`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

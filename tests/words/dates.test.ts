import { describe, expect, it } from 'vitest';
import { productSources } from './source-files.ts';

describe('date fields', () => {
  it('every date field is core’s dd/mm/aaaa DateInput: no native date input anywhere', () => {
    const offenders = productSources()
      .filter((f) => /type="date"|type=\{?'date'/.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });
});

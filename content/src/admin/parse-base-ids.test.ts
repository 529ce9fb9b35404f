import { describe, expect, it } from 'vitest';
import { parseBaseIds } from './publish-routes.tsx';

describe('parseBaseIds', () => {
  it('reads ids separated by commas, spaces or lines, without repeats', () => {
    expect(parseBaseIds('1001, 1002 1003\n1001;0042')).toEqual([1001, 1002, 1003, 42]);
    expect(parseBaseIds('nenhum')).toEqual([]);
  });
});

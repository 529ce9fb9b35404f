import { describe, expect, it } from 'vitest';
import { restoredVersion } from './restore-version.ts';
import type { VersionRecord } from './version-record.ts';

const v2: VersionRecord = {
  number: 2,
  sourceText: '"conquistas": [ … ],',
  fileName: 'trilha.txt',
  track: {
    achievements: [
      { description: 'A', locked: false, notify: true, tasks: [{ key: 'x', title: 'X', doneByDefault: false, link: { kind: 'article', slug: 'id-da-base' } }] },
    ],
  },
  previewText: 'Texto da prévia',
  notices: [{ key: 'normalize.braces', message: 'Adicionadas as chaves { } ao redor do conteúdo' }],
  restoredFrom: null,
  createdAt: new Date('2026-03-01T12:00:00Z'),
  createdByUserId: 3,
  createdByName: 'Sílvia',
};

describe('restoredVersion', () => {
  it('copies text, track and preview text into a new draft that remembers its origin', () => {
    const copy = restoredVersion(v2, { userId: 9, name: 'Ana' });
    expect(copy.sourceText).toBe(v2.sourceText);
    expect(copy.track).toEqual(v2.track);
    expect(copy.track).not.toBe(v2.track);
    expect(copy.previewText).toBe('Texto da prévia');
    expect(copy.restoredFrom).toBe(2);
    expect(copy.createdByName).toBe('Ana');
    expect(copy.notices[0]!.message).toBe('Cópia da versão 2, restaurada por Ana.');
    expect(copy.notices.slice(1)).toEqual(v2.notices);
  });

  it('does not pile up restore notices when restoring a restored version', () => {
    const again = restoredVersion({ ...v2, number: 5, notices: restoredVersion(v2, { userId: 1, name: 'Ana' }).notices }, { userId: 1, name: 'Bia' });
    expect(again.notices.filter((n) => n.key === 'version.restored')).toHaveLength(1);
    expect(again.restoredFrom).toBe(5);
  });
});

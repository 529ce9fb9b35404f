import { describe, expect, it } from 'vitest';
import { sanitizeFileName } from './file-name.ts';

describe('sanitizeFileName', () => {
  it('keeps an ordinary pt-BR name', () => {
    expect(sanitizeFileName('Exportação clínica 2024.csv')).toBe('Exportação clínica 2024.csv');
  });

  it('keeps only the last path segment, whatever the separator', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\ana\\dump.sql')).toBe('dump.sql');
  });

  it('drops control characters, leading dots and shell/Windows specials', () => {
    expect(sanitizeFileName('..\u0000.bashrc')).toBe('bashrc');
    expect(sanitizeFileName('a<b>c:d"e|f?g*h.txt\r\n')).toBe('a_b_c_d_e_f_g_h.txt');
  });

  it('names an empty or all-dots name "arquivo"', () => {
    expect(sanitizeFileName('')).toBe('arquivo');
    expect(sanitizeFileName('...')).toBe('arquivo');
  });

  it('shortens a long name to 200 characters, keeping the extension', () => {
    const name = sanitizeFileName(`${'x'.repeat(300)}.mdb`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.mdb')).toBe(true);
  });
});

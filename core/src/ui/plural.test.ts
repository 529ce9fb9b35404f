import { describe, expect, it } from 'vitest';
import { plural, pluralForm } from './plural.ts';

const usuario = { one: 'usuário', other: 'usuários' };

describe('plural', () => {
  it('agrees with the count as pt-BR does', () => {
    expect(plural(1, usuario)).toBe('1 usuário');
    expect(plural(3, usuario)).toBe('3 usuários');
    expect(plural(0, usuario)).toBe('0 usuários');
    expect(plural(1200, usuario)).toBe('1.200 usuários');
    expect(pluralForm(1, { one: 'ajuste automático listado', other: 'ajustes automáticos listados' })).toBe('ajuste automático listado');
  });
});

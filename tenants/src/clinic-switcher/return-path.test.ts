import { describe, expect, it } from 'vitest';
import { pathAfterSwitch, returnPathFrom, safeReturnPath } from './return-path.ts';

describe('clinic switcher return path', () => {
  it('accepts only same-site paths', () => {
    expect(safeReturnPath('/usuarios?q=ana')).toBe('/usuarios?q=ana');
    expect(safeReturnPath('//evil.example/x')).toBeNull();
    expect(safeReturnPath('https://evil.example/')).toBeNull();
    expect(safeReturnPath('/a b')).toBeNull();
  });

  it('uses the query, then a same-origin referer, else home', () => {
    expect(returnPathFrom('/auditoria', 'http://localhost/usuarios', 'http://localhost')).toBe('/auditoria');
    expect(returnPathFrom(undefined, 'http://localhost/usuarios?q=x', 'http://localhost')).toBe('/usuarios?q=x');
    expect(returnPathFrom(undefined, 'https://evil.example/usuarios', 'http://localhost')).toBe('/');
    expect(returnPathFrom(undefined, 'http://localhost/alterar-clinica?q=1', 'http://localhost')).toBe('/');
    expect(returnPathFrom(undefined, undefined, 'http://localhost')).toBe('/');
  });

  it('goes back to the list instead of a record of the old base', () => {
    expect(pathAfterSwitch('/usuarios/123')).toBe('/usuarios');
    expect(pathAfterSwitch('/usuarios?pagina=2')).toBe('/usuarios?pagina=2');
    expect(pathAfterSwitch('/')).toBe('/');
  });
});

import { describe, expect, it } from 'vitest';
import { findEmail } from './email-in-text.ts';

describe('findEmail', () => {
  it.each([
    'fulano@clinica.com.br',
    'Fulano@Clinica.COM.BR',
    ' fulano@clinica.com.br. ',
    'e-mail fulano@clinica.com.br',
    'e-mail: fulano@clinica.com.br (Dra. Ana)',
    'Fulano de Tal <fulano@clinica.com.br>',
    'mailto:fulano@clinica.com.br',
    '*fulano@clinica.com.br*',
    '_fulano@clinica.com.br_',
    '"fulano@clinica.com.br"',
    '“fulano@clinica.com.br”',
    "'fulano@clinica.com.br'",
    'fulano@clinica.com.br, fulano@clinica.com.br',
  ])('%j → fulano@clinica.com.br', (input) => {
    expect(findEmail(input)).toEqual({ kind: 'one', email: 'fulano@clinica.com.br' });
  });

  it('keeps characters that belong to the address', () => {
    expect(findEmail("o'brien@x.com.br")).toEqual({ kind: 'one', email: "o'brien@x.com.br" });
    expect(findEmail('_ana_@x.com.br')).toEqual({ kind: 'one', email: '_ana_@x.com.br' });
  });

  it.each(['', 'e-mail do usuário pra acessar o sistema.', 'fulano arroba clinica'])(
    '%j → none',
    (input) => {
      expect(findEmail(input)).toEqual({ kind: 'none' });
    },
  );

  it.each([
    ['fulano@clinica', 'fulano@clinica'],
    ['fulano@@clinica.com.br', 'fulano@@clinica.com.br'],
    ['joão@clinica.com.br', 'joão@clinica.com.br'],
  ])('%j → invalid', (input, text) => {
    expect(findEmail(input)).toEqual({ kind: 'invalid', text });
  });

  it('reports several addresses', () => {
    expect(findEmail('a@x.com.br; b@x.com.br')).toEqual({
      kind: 'many',
      emails: ['a@x.com.br', 'b@x.com.br'],
    });
  });
});

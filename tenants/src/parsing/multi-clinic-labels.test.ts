import { describe, expect, it } from 'vitest';
import { readLabel, splitInlineLabels } from './multi-clinic-labels.ts';

describe('readLabel', () => {
  it.each([
    ['Usuário: fulano@clinica.com.br', 'user', 'fulano@clinica.com.br'],
    ['Usuario : fulano@clinica.com.br', 'user', 'fulano@clinica.com.br'],
    ['USUÁRIO:fulano@clinica.com.br', 'user', 'fulano@clinica.com.br'],
    ['Usuário:* fulano@clinica.com.br', 'user', 'fulano@clinica.com.br'],
    ['E-mail do usuário: fulano@clinica.com.br', 'user', 'fulano@clinica.com.br'],
    ['Usuário (e-mail): fulano@clinica.com.br', 'user', 'fulano@clinica.com.br'],
    ['Usuário multi clínica: fulano@clinica.com.br', 'user', 'fulano@clinica.com.br'],
    ['Usuario fulano@clinica.com.br', 'user', 'fulano@clinica.com.br'],
    ['Usuário = fulano@clinica.com.br', 'user', 'fulano@clinica.com.br'],
    ['Usuário:', 'user', ''],
    ['Já está cadastrado na clínica: 1234', 'existing', '1234'],
    ['Ja esta cadastrado na clinica: 1234', 'existing', '1234'],
    ['JÁ ESTÁ CADASTRADA NA CLÍNICA:1234', 'existing', '1234'],
    ['Usuário já está cadastrado na clínica: 1234', 'existing', '1234'],
    ['Ja esta cadastrado na clinica 1234', 'existing', '1234'],
    ['Já está cadastrado nas clínicas: 1234', 'existing', '1234'],
    ['Multi clínica para as clínicas: 2345, 3456', 'list', '2345, 3456'],
    ['Multi clinica para as clinicas: 2345', 'list', '2345'],
    ['Multiclínica para as clínicas: 2345', 'list', '2345'],
    ['Multi-clínica para as clínicas: 2345', 'list', '2345'],
    ['MULTI CLÍNICA PARA AS CLÍNICAS: "2345, 3456"', 'list', '"2345, 3456"'],
    ['Multi clínica para as clínicas 2345, 3456', 'list', '2345, 3456'],
    ['Clínicas: 2345', 'list', '2345'],
    ['Multi clínica para as clínicas:', 'list', ''],
  ])('%j → %s %j', (input, kind, value) => {
    expect(readLabel(input)).toEqual({ kind, value });
  });

  it('keeps the original text of the value even with decomposed accents', () => {
    expect(readLabel('Usua\u0301rio: Fulano@X.com')).toEqual({ kind: 'user', value: 'Fulano@X.com' });
  });

  it.each([
    'Bom dia, segue a solicitação:',
    'Nome do usuário: Ana',
    'Telefone: (11) 99999-9999',
    'Obrigado!',
    '2345, 3456',
    '',
  ])('%j is not a label', (input) => {
    expect(readLabel(input)).toBeNull();
  });
});

describe('splitInlineLabels', () => {
  it('splits a request joined on one line', () => {
    expect(
      splitInlineLabels(
        'Usuário: fulano@clinica.com.br Já está cadastrado na clínica: 1234 Multi clínica para as clínicas: 2345, 3456',
      ),
    ).toEqual([
      'Usuário: fulano@clinica.com.br',
      'Já está cadastrado na clínica: 1234',
      'Multi clínica para as clínicas: 2345, 3456',
    ]);
  });

  it('leaves ordinary lines alone', () => {
    expect(splitInlineLabels('Solicitação de inclusão de usuário multi clínica.')).toEqual([
      'Solicitação de inclusão de usuário multi clínica.',
    ]);
  });
});

describe('readLabel — prose that mentions the labels', () => {
  it.each([
    'Segue a solicitação de inclusão de usuário multi clínica:',
    'Solicitação de inclusão de usuário multi clínica.',
    'Pedido para o usuário abaixo, que já está cadastrado:',
  ])('%j is not a list or existing-base label', (input) => {
    const label = readLabel(input);
    expect(label?.kind === 'list' || label?.kind === 'existing').toBe(false);
  });
});

describe('readLabel — values that look like markup', () => {
  it.each([
    ['Usuário:*ana@x.com.br', 'ana@x.com.br'],
    ['Usuário: _ana@x.com.br', '_ana@x.com.br'],
    ['Usuario a=b@x.com.br', 'a=b@x.com.br'],
    ['Usuário=ana@x.com.br', 'ana@x.com.br'],
  ])('%j keeps %j', (input, value) => {
    expect(readLabel(input)).toEqual({ kind: 'user', value });
  });
});

import { describe, expect, it } from 'vitest';
import { parseMultiClinicRequest } from './multi-clinic-request.ts';

const SEED_EXAMPLE = [
  'Usuário: fulano@clinica.com.br',
  'Já está cadastrado na clínica: 1234',
  'Multi clínica para as clínicas: 2345, 3456, 4567',
].join('\n');

const EXPECTED = {
  ok: true,
  email: 'fulano@clinica.com.br',
  existingBaseId: 1234,
  requestedBaseIds: [2345, 3456, 4567],
  warnings: [],
};

describe('parseMultiClinicRequest — accepted variations', () => {
  it.each([
    ['the seed format verbatim', SEED_EXAMPLE],
    ['Windows line breaks', SEED_EXAMPLE.replace(/\n/g, '\r\n')],
    ['trailing newline and blank lines', `\n\n${SEED_EXAMPLE.replace(/\n/g, '\n\n')}\n\n`],
    [
      'extra spaces everywhere',
      '   Usuário :   fulano@clinica.com.br   \n  Já  está   cadastrado na clínica :  1234 \n Multi  clínica  para as  clínicas:   2345 ,  3456 ,4567   ',
    ],
    [
      'missing accents',
      'Usuario: fulano@clinica.com.br\nJa esta cadastrado na clinica: 1234\nMulti clinica para as clinicas: 2345, 3456, 4567',
    ],
    [
      'upper case and upper-case e-mail',
      'USUÁRIO: FULANO@CLINICA.COM.BR\nJÁ ESTÁ CADASTRADO NA CLÍNICA: 1234\nMULTI CLÍNICA PARA AS CLÍNICAS: 2345, 3456, 4567',
    ],
    ['decomposed accents (NFD)', SEED_EXAMPLE.normalize('NFD')],
    [
      '"e-mail" text around the address',
      'Usuário: e-mail fulano@clinica.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345, 3456, 4567',
    ],
    [
      'name and angle brackets around the address',
      'Usuário: Fulano de Tal <fulano@clinica.com.br>\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345, 3456, 4567',
    ],
    [
      'semicolons',
      'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345; 3456; 4567',
    ],
    [
      'spaces only',
      'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345 3456 4567',
    ],
    [
      '" e " before the last one',
      'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345, 3456 e 4567',
    ],
    [
      'mixed separators',
      'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345;3456 , 4567',
    ],
    [
      'quotes, "etc..." and a trailing period',
      'Usuário: fulano@clinica.com.br.\nJá está cadastrado na clínica: 1234.\nMulti clínica para as clínicas: "2345, 3456, 4567, etc..."',
    ],
    [
      'a trailing period after the list',
      'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345, 3456, 4567.',
    ],
    [
      'typographic quotes',
      'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: “1234”\nMulti clínica para as clínicas: “2345, 3456, 4567”',
    ],
    [
      'bullets and WhatsApp bold',
      '• *Usuário:* fulano@clinica.com.br\n- *Já está cadastrado na clínica:* 1234\n* *Multi clínica para as clínicas:* 2345, 3456, 4567',
    ],
    [
      'quoted e-mail reply',
      '> Usuário: fulano@clinica.com.br\n> Já está cadastrado na clínica: 1234\n> Multi clínica para as clínicas: 2345, 3456, 4567',
    ],
    [
      'numbered lines',
      '1) Usuário: fulano@clinica.com.br\n2) Já está cadastrado na clínica: 1234\n3) Multi clínica para as clínicas: 2345, 3456, 4567',
    ],
    [
      'greeting and signature around it',
      'Bom dia!\nSegue a solicitação de inclusão de usuário multi clínica:\n\nUsuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345, 3456, 4567\n\nObrigada,\nMaria — Unimed\nTel: (11) 3333-4444',
    ],
    [
      'list on the following lines, one id per bullet',
      'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas:\n- 2345\n- 3456\n\n- 4567\nObrigado',
    ],
    [
      'list continued on the next line',
      'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345, 3456,\n4567',
    ],
    [
      'values on the line after the label',
      'Usuário:\nfulano@clinica.com.br\nJá está cadastrado na clínica:\n1234\nMulti clínica para as clínicas:\n2345, 3456, 4567',
    ],
    [
      'lines in another order',
      'Multi clínica para as clínicas: 2345, 3456, 4567\nUsuário: fulano@clinica.com.br\nJá está cadastrado na clínica: 1234',
    ],
    [
      'everything on one line',
      'Usuário: fulano@clinica.com.br Já está cadastrado na clínica: 1234 Multi clínica para as clínicas: 2345, 3456, 4567',
    ],
    [
      'no colons',
      'Usuario fulano@clinica.com.br\nJa esta cadastrado na clinica 1234\nMulti clinica para as clinicas 2345, 3456, 4567',
    ],
    [
      'ids with "#", "nº" and names in parentheses',
      'Usuário: fulano@clinica.com.br\nJá está cadastrado na clínica: #1234\nMulti clínica para as clínicas: nº 2345 (Clínica Sorriso), #3456, 4567 (Dr. Ana)',
    ],
    [
      'invisible characters and non-breaking spaces',
      '\uFEFFUsuário:\u00A0fulano@clinica.com.br\u200B\nJá está cadastrado na clínica:\u00A01234\nMulti clínica para as clínicas: 2345,\u00A03456,\u00A04567',
    ],
  ])('%s', (_name, text) => {
    expect(parseMultiClinicRequest(text)).toEqual(EXPECTED);
  });
});

describe('parseMultiClinicRequest — warnings', () => {
  it('removes duplicates, keeping the first position', () => {
    const result = parseMultiClinicRequest(
      'Usuário: a@b.com.br\nJá está cadastrado na clínica: 1\nMulti clínica para as clínicas: 3, 2, 3, 2, 3, 4',
    );
    expect(result).toMatchObject({ ok: true, requestedBaseIds: [3, 2, 4] });
    expect(result.ok && result.warnings).toEqual([
      'O id 3 aparece mais de uma vez na lista; foi considerado uma vez só.',
      'O id 2 aparece mais de uma vez na lista; foi considerado uma vez só.',
    ]);
  });

  it('treats leading zeros as the same id', () => {
    const result = parseMultiClinicRequest('Usuário: a@b.com.br\nJá está cadastrado na clínica: 1\nMulti clínica para as clínicas: 0042, 42');
    expect(result).toMatchObject({ ok: true, requestedBaseIds: [42] });
  });

  it('drops the existing base from the list', () => {
    const result = parseMultiClinicRequest(
      'Usuário: a@b.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 1234, 2345',
    );
    expect(result).toEqual({
      ok: true,
      email: 'a@b.com.br',
      existingBaseId: 1234,
      requestedBaseIds: [2345],
      warnings: ['A base 1234 é a base em que o usuário já está cadastrado; foi retirada da lista.'],
    });
  });

  it('accepts a missing "Já está cadastrado" line, with a warning', () => {
    const result = parseMultiClinicRequest('Usuário: a@b.com.br\nMulti clínica para as clínicas: 2345');
    expect(result).toMatchObject({ ok: true, existingBaseId: null, requestedBaseIds: [2345] });
    expect(result.ok && result.warnings[0]).toContain('Não há a linha “Já está cadastrado na clínica”');
  });

  it('accepts an empty "Já está cadastrado" value, with a warning', () => {
    const result = parseMultiClinicRequest(
      'Usuário: a@b.com.br\nJá está cadastrado na clínica:\nMulti clínica para as clínicas: 2345',
    );
    expect(result).toMatchObject({ ok: true, existingBaseId: null, requestedBaseIds: [2345] });
    expect(result.ok && result.warnings[0]).toContain('está sem id');
  });

  it.each(['nenhuma', 'Nenhuma.', 'não', '-', 'N/A'])('accepts "%s" as no existing base, silently', (none) => {
    const result = parseMultiClinicRequest(
      `Usuário: a@b.com.br\nJá está cadastrado na clínica: ${none}\nMulti clínica para as clínicas: 2345`,
    );
    expect(result).toEqual({
      ok: true,
      email: 'a@b.com.br',
      existingBaseId: null,
      requestedBaseIds: [2345],
      warnings: [],
    });
  });

  it('joins two list lines, with a warning', () => {
    const result = parseMultiClinicRequest(
      'Usuário: a@b.com.br\nJá está cadastrado na clínica: 1\nMulti clínica para as clínicas: 2, 3\nMulti clínica para as clínicas: 4',
    );
    expect(result).toMatchObject({ ok: true, requestedBaseIds: [2, 3, 4] });
    expect(result.ok && result.warnings).toEqual([
      'Os ids de 2 linhas “Multi clínica para as clínicas” foram juntados em uma lista só.',
    ]);
  });
});

describe('parseMultiClinicRequest — errors', () => {
  function errorsOf(text: string) {
    const result = parseMultiClinicRequest(text);
    expect(result.ok).toBe(false);
    return result.ok ? [] : result.errors;
  }

  it('reports a missing user line and a missing list', () => {
    expect(errorsOf('Já está cadastrado na clínica: 1234')).toEqual([
      {
        line: null,
        message: 'Falta a linha “Usuário” com o e-mail do usuário (ex.: Usuário: fulano@clinica.com.br).',
      },
      {
        line: null,
        message:
          'Falta a linha “Multi clínica para as clínicas” com os ids das bases (ex.: Multi clínica para as clínicas: 2345, 3456).',
      },
    ]);
  });

  it('reports both for empty or unrelated text', () => {
    expect(errorsOf('')).toHaveLength(2);
    expect(errorsOf('Bom dia, tudo bem?')).toHaveLength(2);
  });

  it('reports an invalid e-mail with its line', () => {
    expect(errorsOf('Usuário: fulano@clinica\nMulti clínica para as clínicas: 2345')).toEqual([
      { line: 1, message: '“fulano@clinica” não é um e-mail válido.' },
    ]);
  });

  it('reports a user line without an address', () => {
    expect(errorsOf('Usuário:\nMulti clínica para as clínicas: 2345')).toEqual([
      { line: 1, message: 'A linha “Usuário” está sem o e-mail (ex.: Usuário: fulano@clinica.com.br).' },
    ]);
  });

  it('reports text that is not an e-mail', () => {
    expect(errorsOf('Usuário: Fulano de Tal\nMulti clínica para as clínicas: 2345')[0]?.message).toBe(
      '“Fulano de Tal” não é um e-mail válido. Informe o e-mail que o usuário usa para entrar (ex.: fulano@clinica.com.br).',
    );
  });

  it('reports two e-mails', () => {
    expect(errorsOf('Usuário: a@b.com.br, c@d.com.br\nMulti clínica para as clínicas: 2345')[0]?.message).toBe(
      'A linha “Usuário” tem mais de um e-mail (a@b.com.br, c@d.com.br); envie um pedido por usuário.',
    );
  });

  it('reports two user lines', () => {
    expect(
      errorsOf('Usuário: a@b.com.br\nMulti clínica para as clínicas: 2345\nUsuário: c@d.com.br\nMulti clínica para as clínicas: 3456'),
    ).toEqual([
      {
        line: 3,
        message: 'Há mais de uma linha “Usuário” (linhas 1 e 3); envie um pedido por usuário.',
      },
    ]);
  });

  it('names each non-numeric id with its line, all at once', () => {
    expect(
      errorsOf('Usuário: a@b.com.br\nJá está cadastrado na clínica: 1234\nMulti clínica para as clínicas: 2345, 12a4, 0, 1234567890,\nX9'),
    ).toEqual([
      { line: 3, message: 'O id da base “12a4” não é válido: use apenas números (sem letras, pontos ou espaços).' },
      { line: 3, message: 'O id da base “0” não é válido: deve ser maior que zero.' },
      { line: 3, message: 'O id da base “1234567890” não é válido: tem mais de 9 dígitos.' },
    ]);
  });

  it('reports an id continued on the next line with that line', () => {
    expect(errorsOf('Usuário: a@b.com.br\nMulti clínica para as clínicas: 2345,\n3456, 4x67')).toEqual([
      { line: 3, message: 'O id da base “4x67” não é válido: use apenas números (sem letras, pontos ou espaços).' },
    ]);
  });

  it('reports an empty list', () => {
    expect(errorsOf('Usuário: a@b.com.br\nJá está cadastrado na clínica: 1\nMulti clínica para as clínicas: etc...')).toEqual([
      { line: 3, message: 'A lista de clínicas está vazia: informe ao menos um id de base (ex.: 2345, 3456).' },
    ]);
  });

  it('reports a list that only has the existing base', () => {
    expect(errorsOf('Usuário: a@b.com.br\nJá está cadastrado na clínica: 1\nMulti clínica para as clínicas: 1')).toEqual([
      {
        line: 3,
        message:
          'A lista de clínicas só tem a base em que o usuário já está cadastrado (1); informe ao menos uma outra base.',
      },
    ]);
  });

  it('reports an invalid or ambiguous existing base', () => {
    expect(
      errorsOf('Usuário: a@b.com.br\nJá está cadastrado na clínica: 1234 - Clínica Sorriso\nMulti clínica para as clínicas: 2'),
    ).toEqual([
      {
        line: 2,
        message:
          'Em “Já está cadastrado na clínica”, informe só o id de uma base (um número, ex.: 1234); encontrado: “1234 - Clínica Sorriso”.',
      },
    ]);
    expect(errorsOf('Usuário: a@b.com.br\nJá está cadastrado na clínica: 12b\nMulti clínica para as clínicas: 2')).toEqual([
      { line: 2, message: 'O id da base “12b” não é válido: use apenas números (sem letras, pontos ou espaços).' },
    ]);
  });

  it('reports every problem of the seed template left unfilled', () => {
    const template = [
      'Usuário: e-mail do usuário pra acessar o sistema.',
      '',
      'Já está cadastrado na clínica: informa id da base.',
      '',
      'Multi clínica para as clínicas: informa id da base,"0000, 0000, etc..."',
    ].join('\n');
    const errors = errorsOf(template);
    expect(errors.map((error) => error.line)).toEqual([1, 3, 5, 5, 5, 5]);
    expect(errors[0]?.message).toContain('“e-mail do usuário pra acessar o sistema.” não é um e-mail válido');
    expect(errors[1]?.message).toContain('informe só o id de uma base');
    expect(errors.slice(2).map((error) => error.message)).toEqual([
      'O id da base “informa” não é válido: use apenas números (sem letras, pontos ou espaços).',
      'O id da base “da” não é válido: use apenas números (sem letras, pontos ou espaços).',
      'O id da base “0000” não é válido: deve ser maior que zero.',
      'O id da base “0000” não é válido: deve ser maior que zero.',
    ]);
  });

  it('refuses more than 1.000 bases and very long text', () => {
    const ids = Array.from({ length: 1001 }, (_, i) => i + 1).join(', ');
    expect(errorsOf(`Usuário: a@b.com.br\nMulti clínica para as clínicas: ${ids}`)[0]?.message).toBe(
      'A lista tem 1.001 bases; o limite é 1.000 por pedido. Divida em pedidos menores.',
    );
    expect(errorsOf('x'.repeat(50_001))[0]?.message).toContain('o limite é 50.000');
  });
});

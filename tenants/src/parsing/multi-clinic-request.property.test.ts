import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMultiClinicRequest } from './multi-clinic-request.ts';

const USER_LABELS = ['Usuário', 'Usuario', 'USUÁRIO', 'usuario', 'E-mail do usuário', '*Usuário:*'];
const EXISTING_LABELS = [
  'Já está cadastrado na clínica',
  'Ja esta cadastrado na clinica',
  'JÁ ESTÁ CADASTRADO NA CLÍNICA',
  'Já está cadastrada na clínica',
  'ja  esta cadastrado  na clinica',
];
const LIST_LABELS = [
  'Multi clínica para as clínicas',
  'Multi clinica para as clinicas',
  'MULTI CLÍNICA PARA AS CLÍNICAS',
  'Multiclínica para as clínicas',
  'multi  clinica para as  clinicas',
];
const SEPARATORS = [', ', ',', '; ', ';', ' ', '  ', ' e ', ' , '];
const BULLETS = ['', '', '- ', '• ', '* ', '> ', '  '];
const NONE_WORDS = ['nenhuma', 'Nenhuma.', 'não', '-'];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const baseId = fc.integer({ min: 1, max: 999_999_999 });

/** A label line: "Label" + ":" (unless the label carries its own) + spaces + value. */
function labelLine(label: string, value: string, space: string): string {
  const separator = label.endsWith(':*') ? '' : `${space}:`;
  return `${label}${separator}${space}${value}`;
}

const validRequest = fc
  .record({
    // Addresses starting with "*" or "~" are read as WhatsApp markup (see trimValue).
    email: fc.emailAddress().filter((email) => !/^[*~]/.test(email)),
    upperEmail: fc.boolean(),
    existing: fc.option(baseId, { nil: null }),
    existingStyle: pick(['line', 'line', 'absent', 'none'] as const),
    noneWord: pick(NONE_WORDS),
    ids: fc.uniqueArray(baseId, { minLength: 1, maxLength: 15 }),
    leadingZeros: fc.array(fc.nat({ max: 2 }), { minLength: 15, maxLength: 15 }),
    separators: fc.array(pick(SEPARATORS), { minLength: 15, maxLength: 15 }),
    labels: fc.tuple(pick(USER_LABELS), pick(EXISTING_LABELS), pick(LIST_LABELS)),
    bullets: fc.tuple(pick(BULLETS), pick(BULLETS), pick(BULLETS)),
    space: pick(['', ' ', '  ', '\t']),
    quoted: fc.boolean(),
    etc: fc.boolean(),
    period: fc.boolean(),
    lineBreak: pick(['\n', '\r\n']),
    blankLines: fc.boolean(),
    greeting: fc.boolean(),
    nfd: fc.boolean(),
  })
  .map((r) => {
    const ids = r.ids.filter((id) => id !== r.existing);
    return { ...r, ids: ids.length > 0 ? ids : [r.existing === 1 ? 2 : 1] };
  });

describe('parseMultiClinicRequest — properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        parseMultiClinicRequest(text);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on text made of request-like pieces', () => {
    const piece = pick([
      'Usuário', 'Já está cadastrado na clínica', 'Multi clínica para as clínicas', ':', '=', ' ', '\n',
      '\r\n', ',', ';', ' e ', '"', '“', 'etc...', '.', '@', 'a@b.com', '0', '1234', '12a4', '-', '*',
      '•', '(', ')', '#', 'nº', '\u00A0', '\uFEFF', 'á', '\u0301',
    ]);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const result = parseMultiClinicRequest(pieces.join(''));
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips generated valid requests', () => {
    fc.assert(
      fc.property(validRequest, (r) => {
        const [userLabel, existingLabel, listLabel] = r.labels;
        const idTexts = r.ids.map((id, i) => '0'.repeat(r.leadingZeros[i] ?? 0) + String(id));
        let list = idTexts.map((id, i) => (i === 0 ? id : `${r.separators[i] ?? ', '}${id}`)).join('');
        if (r.etc) list += ', etc...';
        if (r.quoted) list = `"${list}"`;
        if (r.period) list += '.';
        const lines = [
          r.bullets[0] + labelLine(userLabel, r.upperEmail ? r.email.toUpperCase() : r.email, r.space),
        ];
        if (r.existingStyle === 'line' && r.existing !== null) {
          lines.push(r.bullets[1] + labelLine(existingLabel, String(r.existing), r.space));
        } else if (r.existingStyle === 'none') {
          lines.push(r.bullets[1] + labelLine(existingLabel, r.noneWord, r.space));
        }
        lines.push(r.bullets[2] + labelLine(listLabel, list, r.space));
        if (r.greeting) lines.unshift('Bom dia! Segue a solicitação de usuário multi clínica:');
        if (r.greeting) lines.push('Obrigada, Maria.');
        let text = lines.join(r.blankLines ? r.lineBreak + r.lineBreak : r.lineBreak);
        if (r.nfd) text = text.normalize('NFD');

        const result = parseMultiClinicRequest(text);
        const existing = r.existingStyle === 'line' ? r.existing : null;
        expect(result).toMatchObject({
          ok: true,
          email: r.email.toLowerCase(),
          existingBaseId: existing,
          requestedBaseIds: r.ids,
        });
        // Only a missing "Já está cadastrado" line is worth a warning here.
        const lineMissing = r.existingStyle === 'absent' || (r.existingStyle === 'line' && r.existing === null);
        expect(result.ok && result.warnings).toHaveLength(lineMissing ? 1 : 0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseMultiClinicRequest — hostile input', () => {
  const n = 49_000;
  it.each([
    ['long runs of spaces after a label word', `Usuário: a@b.com multi${' '.repeat(n)}x`],
    ['repeated label words', 'multi clinica ja esta '.repeat(n / 22)],
    ['unclosed parentheses', `Multi clínica para as clínicas: ${'('.repeat(n)}`],
    ['punctuation after "@"', `Usuário: @${'!'.repeat(n)}a`],
    ['markup before an address', `Usuário: *${'*'.repeat(n)}a@b.com`],
    ['a huge dotted address', `Usuário: ${'a.'.repeat(n / 2)}@b.com`],
    ['thousands of list lines', `Usuário: a@b.com\nMulti clínica para as clínicas:\n${'1\n'.repeat(n / 2)}`],
    ['decomposed accents', 'a\u0301'.repeat(n / 2)],
  ])('%s: answers quickly', (_name, text) => {
    const started = performance.now();
    const result = parseMultiClinicRequest(text);
    expect(performance.now() - started).toBeLessThan(2_000);
    if (!result.ok) {
      for (const error of result.errors) expect(error.message.length).toBeLessThan(400);
    }
  });
});

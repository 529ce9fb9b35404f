/** A strict JSON (RFC 8259) tokenizer that keeps the offset of every token. */

export type Punctuation = '{' | '}' | '[' | ']' | ':' | ',';

export type Token =
  | { kind: 'punct'; char: Punctuation; start: number; end: number }
  | { kind: 'string'; value: string; start: number; end: number }
  | { kind: 'number'; value: number; start: number; end: number }
  | { kind: 'literal'; value: boolean | null; start: number; end: number }
  /** A bare word that is not `true`, `false` or `null` (e.g. `True`, `titulo`); the parser decides what to say. */
  | { kind: 'word'; text: string; start: number; end: number };

export type LexicalErrorReason =
  | 'unterminatedString'
  | 'invalidEscape'
  | 'controlCharacterInString'
  | 'invalidNumber'
  | 'unexpectedCharacter';

export interface LexicalError {
  reason: LexicalErrorReason;
  offset: number;
  /** The offending source character(s). */
  text: string;
}

export interface TokenizeResult {
  tokens: Token[];
  /** First lexical error; `tokens` holds every token before it. */
  error?: LexicalError;
}

const PUNCTUATION = new Set<string>(['{', '}', '[', ']', ':', ',']);
const JSON_WHITESPACE = new Set<string>([' ', '\t', '\n', '\r']);
const SIMPLE_ESCAPES = new Map<string, string>([
  ['"', '"'],
  ['\\', '\\'],
  ['/', '/'],
  ['b', '\b'],
  ['f', '\f'],
  ['n', '\n'],
  ['r', '\r'],
  ['t', '\t'],
]);
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const NUMBER_CHARS = /[0-9+\-.eE]/y;
const WORD_CHARS = /[\p{L}\p{N}_$]+/uy;
const HEX4 = /^[0-9a-fA-F]{4}$/;

export function tokenizeJson(text: string): TokenizeResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (JSON_WHITESPACE.has(char)) {
      i++;
    } else if (PUNCTUATION.has(char)) {
      tokens.push({ kind: 'punct', char: char as Punctuation, start: i, end: i + 1 });
      i++;
    } else if (char === '"') {
      const scanned = scanString(text, i);
      if ('reason' in scanned) return { tokens, error: scanned };
      tokens.push(scanned);
      i = scanned.end;
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      const end = scanWhile(NUMBER_CHARS, text, i);
      const source = text.slice(i, end);
      if (!NUMBER.test(source)) return { tokens, error: { reason: 'invalidNumber', offset: i, text: source } };
      tokens.push({ kind: 'number', value: Number(source), start: i, end });
      i = end;
    } else if (startsWord(text, i)) {
      const end = scanWhile(WORD_CHARS, text, i);
      const word = text.slice(i, end);
      tokens.push(
        word === 'true' || word === 'false' || word === 'null'
          ? { kind: 'literal', value: word === 'null' ? null : word === 'true', start: i, end }
          : { kind: 'word', text: word, start: i, end },
      );
      i = end;
    } else {
      const codePoint = String.fromCodePoint(text.codePointAt(i) ?? 0);
      return { tokens, error: { reason: 'unexpectedCharacter', offset: i, text: codePoint } };
    }
  }
  return { tokens };
}

function startsWord(text: string, offset: number): boolean {
  WORD_CHARS.lastIndex = offset;
  return WORD_CHARS.test(text);
}

function scanWhile(pattern: RegExp, text: string, start: number): number {
  let end = start;
  pattern.lastIndex = end;
  while (end < text.length && pattern.test(text)) end = pattern.lastIndex;
  return end;
}

function scanString(text: string, start: number): Token | LexicalError {
  let value = '';
  let runStart = start + 1;
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') {
      return { kind: 'string', value: value + text.slice(runStart, i), start, end: i + 1 };
    }
    if (char === '\n' || char === '\r') break;
    if (char < ' ') return { reason: 'controlCharacterInString', offset: i, text: char };
    if (char !== '\\') continue;
    value += text.slice(runStart, i);
    const escaped = SIMPLE_ESCAPES.get(text[i + 1] ?? '');
    if (escaped !== undefined) {
      value += escaped;
      i += 1;
    } else if (text[i + 1] === 'u' && HEX4.test(text.slice(i + 2, i + 6))) {
      value += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      return { reason: 'invalidEscape', offset: i, text: text.slice(i, i + 2) };
    }
    runStart = i + 1;
  }
  return { reason: 'unterminatedString', offset: start, text: '"' };
}

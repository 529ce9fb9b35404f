import { syntaxMessages } from './syntax-messages.ts';
import { type LexicalError, type Token, tokenizeJson } from './tokenize-json.ts';

/**
 * Strict JSON parser that reports the FIRST syntax error precisely and records where every value
 * (and every object key) starts and ends, keyed by JSON pointer (same shape as json-source-map).
 * Objects are created without prototype so a `"__proto__"` key is just an (unknown) key.
 */

export interface ValueLocation {
  key?: number;
  keyEnd?: number;
  value: number;
  valueEnd: number;
}

export interface DuplicateKey {
  pointer: string;
  name: string;
  offset: number;
  firstOffset: number;
}

export interface SyntaxProblem {
  key: 'json.syntax' | 'json.tooDeep';
  offset: number;
  message: string;
}

export type ParseJsonResult =
  | { ok: true; value: unknown; locations: Map<string, ValueLocation>; duplicateKeys: DuplicateKey[] }
  | { ok: false; problem: SyntaxProblem };

export const MAX_NESTING_DEPTH = 64;

export function parseJson(text: string): ParseJsonResult {
  const { tokens, error } = tokenizeJson(text);
  const parser = new Parser(tokens, error);
  try {
    const value = parser.parseDocument();
    return { ok: true, value, locations: parser.locations, duplicateKeys: parser.duplicateKeys };
  } catch (caught) {
    if (caught instanceof SyntaxFailure) return { ok: false, problem: caught.problem };
    throw caught;
  }
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

class SyntaxFailure extends Error {
  constructor(readonly problem: SyntaxProblem) {
    super(problem.message);
  }
}

class Parser {
  readonly locations = new Map<string, ValueLocation>();
  readonly duplicateKeys: DuplicateKey[] = [];
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly lexicalError: LexicalError | undefined,
  ) {}

  parseDocument(): unknown {
    const value = this.parseValue('', 0, true);
    const extra = this.peek();
    if (extra !== undefined) this.fail(extra.start, syntaxMessages.trailingContent(extra));
    return value;
  }

  private parseValue(pointer: string, depth: number, record: boolean, keyToken?: Token): unknown {
    const token = this.peek();
    if (token === undefined || token.kind === 'word' || isPunctOtherThan(token, '{', '[')) {
      this.fail(this.offsetOf(token), syntaxMessages.expectedValue(token));
    }
    if (token.kind === 'punct' && depth >= MAX_NESTING_DEPTH) {
      throw new SyntaxFailure({ key: 'json.tooDeep', offset: token.start, message: syntaxMessages.tooDeep(MAX_NESTING_DEPTH) });
    }
    let value: unknown;
    if (token.kind === 'punct') {
      value = token.char === '{' ? this.parseObject(pointer, depth, record) : this.parseArray(pointer, depth, record);
    } else {
      this.index++;
      value = token.value;
    }
    if (record) {
      const valueEnd = this.tokens[this.index - 1]?.end ?? token.end;
      const key = keyToken && { key: keyToken.start, keyEnd: keyToken.end };
      this.locations.set(pointer, { ...key, value: token.start, valueEnd });
    }
    return value;
  }

  private parseObject(pointer: string, depth: number, record: boolean): Record<string, unknown> {
    const object: Record<string, unknown> = Object.create(null);
    const firstKeyOffsets = new Map<string, number>();
    this.index++;
    if (isPunct(this.peek(), '}')) {
      this.index++;
      return object;
    }
    let afterComma = false;
    for (;;) {
      const keyToken = this.peek();
      if (keyToken?.kind !== 'string') this.fail(this.offsetOf(keyToken), syntaxMessages.expectedKey(keyToken, afterComma));
      this.index++;
      const colon = this.peek();
      if (!isPunct(colon, ':')) this.fail(this.offsetOf(colon), syntaxMessages.expectedColon(keyToken.value, colon));
      this.index++;

      const memberPointer = `${pointer}/${escapePointerSegment(keyToken.value)}`;
      const firstOffset = firstKeyOffsets.get(keyToken.value);
      if (firstOffset === undefined) {
        firstKeyOffsets.set(keyToken.value, keyToken.start);
        object[keyToken.value] = this.parseValue(memberPointer, depth + 1, record, keyToken);
      } else {
        if (record) {
          this.duplicateKeys.push({ pointer: memberPointer, name: keyToken.value, offset: keyToken.start, firstOffset });
        }
        this.parseValue(memberPointer, depth + 1, false);
      }

      const next = this.peek();
      if (isPunct(next, '}')) {
        this.index++;
        return object;
      }
      if (!isPunct(next, ',')) this.failAfterValue(next, 'object');
      this.index++;
      afterComma = true;
    }
  }

  private parseArray(pointer: string, depth: number, record: boolean): unknown[] {
    const array: unknown[] = [];
    this.index++;
    if (isPunct(this.peek(), ']')) {
      this.index++;
      return array;
    }
    for (;;) {
      array.push(this.parseValue(`${pointer}/${array.length}`, depth + 1, record));
      const next = this.peek();
      if (isPunct(next, ']')) {
        this.index++;
        return array;
      }
      if (!isPunct(next, ',')) this.failAfterValue(next, 'array');
      this.index++;
    }
  }

  /** A missing comma is reported where the comma should be: right after the previous value. */
  private failAfterValue(next: Token | undefined, container: 'object' | 'array'): never {
    const previousEnd = this.tokens[this.index - 1]?.end ?? 0;
    if (container === 'object') {
      if (next?.kind === 'string') this.fail(previousEnd, syntaxMessages.missingCommaAfterValue);
      this.fail(this.offsetOf(next), syntaxMessages.expectedCommaOrCloseBrace(next));
    }
    if (next !== undefined && startsValue(next)) this.fail(previousEnd, syntaxMessages.missingCommaBetweenItems);
    this.fail(this.offsetOf(next), syntaxMessages.expectedCommaOrCloseBracket(next));
  }

  /** Next token; past the last token, a pending lexical error is THE error. */
  private peek(): Token | undefined {
    const token = this.tokens[this.index];
    if (token === undefined && this.lexicalError !== undefined) {
      this.fail(this.lexicalError.offset, syntaxMessages.lexical(this.lexicalError));
    }
    return token;
  }

  /** Where to point for `token`; at the end of the text, right after the last token. */
  private offsetOf(token: Token | undefined): number {
    return token?.start ?? this.tokens.at(-1)?.end ?? 0;
  }

  private fail(offset: number, message: string): never {
    throw new SyntaxFailure({ key: 'json.syntax', offset, message });
  }
}

function isPunct(token: Token | undefined, char: string): boolean {
  return token?.kind === 'punct' && token.char === char;
}

function isPunctOtherThan(token: Token, ...allowed: string[]): boolean {
  return token.kind === 'punct' && !allowed.includes(token.char);
}

function startsValue(token: Token): boolean {
  return token.kind !== 'punct' || token.char === '{' || token.char === '[';
}

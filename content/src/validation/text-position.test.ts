import { describe, expect, it } from 'vitest';
import { createSourceLocator } from './text-position.ts';

describe('createSourceLocator', () => {
  it('gives 1-based line and column', () => {
    const locator = createSourceLocator('ab\ncd');
    expect(locator.position(0)).toEqual({ line: 1, column: 1 });
    expect(locator.position(2)).toEqual({ line: 1, column: 3 });
    expect(locator.position(3)).toEqual({ line: 2, column: 1 });
    expect(locator.position(5)).toEqual({ line: 2, column: 3 });
    expect(locator.lineCount).toBe(2);
  });

  it('treats CRLF and lone CR as one line break', () => {
    const locator = createSourceLocator('a\r\nb\rc');
    expect(locator.position(3)).toEqual({ line: 2, column: 1 });
    expect(locator.position(5)).toEqual({ line: 3, column: 1 });
    expect(locator.position(2)).toEqual({ line: 1, column: 2 });
    expect(locator.lineCount).toBe(3);
  });

  it('counts columns in characters, not UTF-16 units', () => {
    const text = '"😀é": x';
    expect(createSourceLocator(text).position(text.indexOf('x'))).toEqual({ line: 1, column: 7 });
  });

  it('counts columns on a long line full of surrogate pairs', () => {
    const text = `${'😀'.repeat(1000)}x\n😀y`;
    const locator = createSourceLocator(text);
    expect(locator.position(text.indexOf('x'))).toEqual({ line: 1, column: 1001 });
    expect(locator.position(text.indexOf('y'))).toEqual({ line: 2, column: 2 });
    expect(locator.snippet(text.indexOf('x'))).toMatch(/^…(😀)+x$/u);
  });

  it('clamps offsets outside the text', () => {
    const locator = createSourceLocator('abc');
    expect(locator.position(-5)).toEqual({ line: 1, column: 1 });
    expect(locator.position(99)).toEqual({ line: 1, column: 4 });
    expect(locator.position(Number.NaN)).toEqual({ line: 1, column: 1 });
  });

  it('handles the empty text', () => {
    expect(createSourceLocator('').position(0)).toEqual({ line: 1, column: 1 });
  });

  it('returns the line as snippet, without the line break', () => {
    const text = 'first\r\n  "titlo": "x",  \nlast';
    expect(createSourceLocator(text).snippet(text.indexOf('titlo'))).toBe('  "titlo": "x",');
  });

  it('cuts long lines around the column', () => {
    const line = `${'a'.repeat(500)}X${'b'.repeat(500)}`;
    const snippet = createSourceLocator(line).snippet(500);
    expect(snippet).toContain('X');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(Array.from(snippet).length).toBe(162);
  });

  it('shows invisible control characters', () => {
    expect(createSourceLocator('a\u0000b').snippet(1)).toBe('a\uFFFDb');
  });
});

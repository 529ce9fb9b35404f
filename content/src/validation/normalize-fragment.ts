import { createSourceLocator } from './text-position.ts';
import { type Token, tokenizeJson } from './tokenize-json.ts';
import type { Notice } from './types.ts';

/**
 * Accepts the shape singulares copy from the seed article — `"conquistas": [ { … },` with no braces,
 * a trailing comma and the list left open — plus a UTF-8 BOM and trailing commas in general.
 * Nothing else is touched: every other problem is left for the parser to report.
 *
 * Offsets are kept: a removed comma becomes a space, braces/brackets are only added around the text,
 * so `toSourceOffset` maps any offset of `json` back to `source` exactly.
 */
export interface NormalizedText {
  /** The uploaded text without its BOM: all reported lines/columns refer to it. */
  source: string;
  /** Text to hand to the JSON parser. */
  json: string;
  notices: Notice[];
  toSourceOffset(jsonOffset: number): number;
}

const BOM = '\uFEFF';

interface OpenBracket {
  char: '{' | '[';
  token: Token;
  /** Name of the top-level member this list is the value of (fragment shape only). */
  rootMemberName?: string;
}

export function normalizeFragment(text: string): NormalizedText {
  const hadBom = text.startsWith(BOM);
  const source = hadBom ? text.slice(1) : text;
  const locator = createSourceLocator(source);
  const { tokens, error } = tokenizeJson(source);
  const isFragment = isPunct(tokens[1], ':') && tokens[0]?.kind === 'string';
  const scan = scanBrackets(tokens, isFragment);
  const { removedCommas, stack } = scan;

  // The uploader closed the fragment with "}" but forgot the "{": a known shape only as the very last token.
  const closedByUploader = scan.strayRootBrace !== undefined && scan.strayRootBrace === tokens.at(-1);
  const balanced = scan.balanced && (scan.strayRootBrace === undefined || closedByUploader);
  const openList = stack.length === 1 && stack[0]?.rootMemberName !== undefined ? stack[0] : undefined;
  const canFixEnd = error === undefined && balanced && (stack.length === 0 || openList !== undefined);
  const last = tokens.at(-1);
  if (canFixEnd && isPunct(last, ',') && endsValue(tokens.at(-2)) && last) removedCommas.push(last);
  const lastKept = removedCommas.at(-1) === last ? tokens.at(-2) : last;
  const closeList = canFixEnd && openList !== undefined && (endsValue(lastKept) || lastKept === openList.token);
  // The closing brace is added only around a complete fragment: otherwise it could close an object the
  // uploader left open and move the error away from where it really is.
  const addClosingBrace = isFragment && canFixEnd && (stack.length === 0 || closeList) && !closedByUploader;

  const notices: Notice[] = [];
  if (hadBom) notices.push({ key: 'normalize.bom', message: 'Removido o BOM UTF-8 do início do arquivo' });
  if (isFragment) {
    const message = addClosingBrace
      ? 'Adicionadas as chaves { } ao redor do conteúdo'
      : 'Adicionada a chave { que faltava no início do conteúdo';
    notices.push({ key: 'normalize.braces', message });
  }
  for (const comma of removedCommas) {
    const position = locator.position(comma.start);
    notices.push({ key: 'normalize.trailingComma', message: `Removida a vírgula final na linha ${position.line}`, ...position });
  }
  if (closeList && openList) {
    notices.push({
      key: 'normalize.closedList',
      message: `Fechado o colchete ] da lista "${openList.rootMemberName}" que estava aberto`,
      ...locator.position(openList.token.start),
    });
  }

  const prefix = isFragment ? '{' : '';
  const suffix = (closeList ? ']' : '') + (addClosingBrace ? '}' : '');
  return {
    source,
    json: prefix + blankOut(source, removedCommas) + suffix,
    notices,
    toSourceOffset: (jsonOffset) => Math.min(Math.max(jsonOffset - prefix.length, 0), source.length),
  };
}

interface BracketScan {
  /** Commas followed by the bracket that closes their object or list. */
  removedCommas: Token[];
  /** Brackets still open at the end of the text. */
  stack: OpenBracket[];
  /** False when a closing bracket does not match the open one. */
  balanced: boolean;
  /** In a fragment, the first "}" found with nothing open: it closes the braces we add. */
  strayRootBrace?: Token;
}

function scanBrackets(tokens: Token[], isFragment: boolean): BracketScan {
  const scan: BracketScan = { removedCommas: [], stack: [], balanced: true };
  const { stack } = scan;
  tokens.forEach((token, index) => {
    if (token.kind !== 'punct') return;
    if (token.char === '{' || token.char === '[') {
      const key = tokens[index - 2];
      const isRootMember = isFragment && stack.length === 0 && isPunct(tokens[index - 1], ':');
      const rootMemberName = isRootMember && key?.kind === 'string' ? key.value : undefined;
      stack.push({ char: token.char, token, rootMemberName });
    } else if (token.char === '}' || token.char === ']') {
      if (stack.at(-1)?.char === opening(token.char)) stack.pop();
      else if (isFragment && stack.length === 0 && token.char === '}' && !scan.strayRootBrace) scan.strayRootBrace = token;
      else scan.balanced = false;
    } else if (token.char === ',' && endsValue(tokens[index - 1]) && closes(tokens[index + 1], stack.at(-1))) {
      scan.removedCommas.push(token);
    }
  });
  return scan;
}

function isPunct(token: Token | undefined, char: string): boolean {
  return token?.kind === 'punct' && token.char === char;
}

function endsValue(token: Token | undefined): boolean {
  if (token === undefined || token.kind === 'word') return false;
  return token.kind !== 'punct' || token.char === '}' || token.char === ']';
}

function opening(closer: '}' | ']'): '{' | '[' {
  return closer === '}' ? '{' : '[';
}

function closes(token: Token | undefined, open: OpenBracket | undefined): boolean {
  if (token?.kind !== 'punct' || open === undefined) return false;
  return (token.char === '}' || token.char === ']') && opening(token.char) === open.char;
}

function blankOut(source: string, tokens: Token[]): string {
  let result = '';
  let from = 0;
  for (const token of tokens) {
    result += `${source.slice(from, token.start)} `;
    from = token.end;
  }
  return result + source.slice(from);
}

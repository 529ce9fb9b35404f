import type { LexicalError, Token } from './tokenize-json.ts';

/** pt-BR wording of JSON syntax errors, for people who do not know JSON. */

const PREFIX = 'Erro de sintaxe:';
const CHECK_CLOSING = 'Verifique se todas as chaves { e colchetes [ foram fechados.';
const CURLY_QUOTES = new Set(['“', '”', '„', '‟', '″', '‘', '’', '‚', '‛', '´', '`']);
const INVISIBLE_SPACES = new Set(['\u00A0', '\u2007', '\u202F', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF']);

function describeToken(token: Token | undefined): string {
  if (token === undefined) return 'o fim do arquivo';
  switch (token.kind) {
    case 'punct':
      return `'${token.char}'`;
    case 'string':
      return `o texto "${shorten(token.value)}"`;
    case 'number':
      return `o número ${token.value}`;
    case 'literal':
      return String(token.value);
    case 'word':
      return `"${shorten(token.text)}"`;
  }
}

function found(token: Token | undefined): string {
  return token === undefined ? `, mas o arquivo terminou. ${CHECK_CLOSING}` : `, mas encontrou ${describeToken(token)}`;
}

export const syntaxMessages = {
  expectedValue(token: Token | undefined): string {
    if (token?.kind === 'word') {
      return `${PREFIX} o valor "${shorten(token.text)}" não é válido. Use true ou false (em minúsculas), um número ou um texto entre aspas duplas (")`;
    }
    return `${PREFIX} esperava um valor (texto entre aspas duplas, número, true, false, { ou [)${found(token)}`;
  },
  expectedKey(token: Token | undefined, afterComma: boolean): string {
    if (token?.kind === 'word') {
      return `${PREFIX} o nome da chave ${token.text} precisa estar entre aspas duplas: "${shorten(token.text)}"`;
    }
    const orClose = afterComma ? '' : " ou '}'";
    return `${PREFIX} esperava o nome de uma chave entre aspas duplas (")${orClose}${found(token)}`;
  },
  expectedColon(key: string, token: Token | undefined): string {
    return `${PREFIX} esperava ':' depois da chave "${shorten(key)}"${found(token)}`;
  },
  expectedCommaOrCloseBrace(token: Token | undefined): string {
    return `${PREFIX} esperava ',' ou '}' depois do valor${found(token)}`;
  },
  expectedCommaOrCloseBracket(token: Token | undefined): string {
    return `${PREFIX} esperava ',' ou ']' depois do item da lista${found(token)}`;
  },
  missingCommaAfterValue: `${PREFIX} falta uma vírgula (,) depois deste valor`,
  missingCommaBetweenItems: `${PREFIX} falta uma vírgula (,) entre os itens da lista`,
  trailingContent(token: Token): string {
    return `${PREFIX} há conteúdo depois do fim do JSON (${describeToken(token)}). O arquivo deve ter um único objeto { } com a lista "conquistas"`;
  },
  tooDeep(maxDepth: number): string {
    return `Há { } ou [ ] demais, um dentro do outro (mais de ${maxDepth} níveis). Confira a estrutura do arquivo`;
  },
  lexical(error: LexicalError): string {
    switch (error.reason) {
      case 'unterminatedString':
        return `${PREFIX} o texto que começa com aspas (") aqui não foi fechado na mesma linha. Feche-o com outra aspa (")`;
      case 'invalidEscape':
        return `${PREFIX} barra invertida (\\) inválida em "${error.text}". Para escrever uma barra invertida, use \\\\`;
      case 'controlCharacterInString':
        return error.text === '\t'
          ? `${PREFIX} há uma tabulação (TAB) dentro do texto entre aspas; troque-a por um espaço`
          : `${PREFIX} há um caractere de controle invisível (${codePoint(error.text)}) dentro do texto entre aspas; apague-o`;
      case 'invalidNumber':
        return `${PREFIX} número inválido "${shorten(error.text)}"`;
      case 'unexpectedCharacter':
        return unexpectedCharacter(error.text);
    }
  },
};

function unexpectedCharacter(char: string): string {
  if (char === "'") return `${PREFIX} use aspas duplas (") em vez de aspas simples (')`;
  if (CURLY_QUOTES.has(char)) {
    return `${PREFIX} use aspas retas (") em vez de aspas curvas (${char}). Isso costuma acontecer ao copiar o texto do Word ou de um e-mail`;
  }
  if (INVISIBLE_SPACES.has(char)) {
    return `${PREFIX} há um espaço especial invisível (${codePoint(char)}) aqui; apague-o e digite um espaço comum`;
  }
  if (char === '/') return `${PREFIX} comentários (// ou /* */) e barras (/) fora das aspas não são permitidos`;
  const printable = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char) ? `"${char}"` : codePoint(char);
  return `${PREFIX} caractere inesperado ${printable}`;
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function shorten(text: string, max = 40): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

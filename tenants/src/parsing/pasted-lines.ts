/**
 * Splits text pasted from e-mail or WhatsApp into numbered, cleaned lines:
 * unifies line breaks, drops invisible characters, strips bullets, quote
 * markers and bold/italic markers at the start of each line.
 */

export interface PastedLine {
  /** 1-based line number in the pasted text. */
  line: number;
  /** The line without its bullet and surrounding spaces. */
  text: string;
}

const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/;
const LEADING_BULLETS =
  /^(?:[\s>*•·‣◦▪▫●○■□◆◇➢➤►▶→✓✔☑+_~\-–—\p{Extended_Pictographic}]|\uFE0F)+/u;
/** "1) Usuário: …", "2. Já está …": a numbered bullet followed by a word. */
const NUMBERED_BULLET = /^\d{1,2}\s*[.)]\s+(?=\p{L})/u;

export function cleanLine(raw: string): string {
  return raw.replace(LEADING_BULLETS, '').replace(NUMBERED_BULLET, '').trim();
}

export function splitPastedLines(text: string): PastedLine[] {
  return text
    .replace(INVISIBLE, '')
    .split(LINE_BREAK)
    .map((raw, index) => ({ line: index + 1, text: cleanLine(raw) }));
}

/**
 * What an uploaded file is, from its first bytes (magic numbers), never from its name or the
 * Content-Type the browser sent: PNG, JPEG, PDF — and, where the caller accepts them, plain text files
 * (CSV or TXT by their name, with no binary byte in the head). Shared by every screen that takes
 * attachments, with the safe name a file is shown and served under.
 */
export type FileType = 'image/png' | 'image/jpeg' | 'application/pdf' | 'text/csv' | 'text/plain';

/** How many leading bytes the detection reads (a PDF header may sit anywhere in the first 1 KiB). */
export const SNIFF_BYTES = 8 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

/** Text: no NUL and no control character other than tab, line feed, form feed and carriage return. */
function isText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return false;
  return true;
}

/**
 * The type of a file from its first bytes (up to SNIFF_BYTES); with `text`, also a CSV or TXT by its
 * name when the head is text. Null: not a type the caller accepts.
 */
export function sniffFileType(head: Uint8Array, options: { name?: string; text?: boolean } = {}): FileType | null {
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  const window = Math.min(head.length - PDF.length, 1024 - PDF.length);
  for (let i = 0; i <= window; i++) if (startsWith(head, PDF, i)) return 'application/pdf';
  if (!options.text) return null;
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(options.name ?? '')?.[1]?.toLowerCase();
  if ((ext === 'csv' || ext === 'txt') && isText(head)) return ext === 'csv' ? 'text/csv' : 'text/plain';
  return null;
}

export const fileExtensionOf: Record<FileType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'text/plain': 'txt',
};

export const isImageType = (type: string): boolean => type === 'image/png' || type === 'image/jpeg';

/**
 * A safe display/download name: no path, no control or quote characters, at most 110 characters before
 * the extension, which is the detected type's (a PDF named "foto.png" is served as "foto.pdf").
 */
export function safeFileName(original: string, type: FileType): string {
  const base = (original.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 110);
  return `${base || 'anexo'}.${fileExtensionOf[type]}`;
}

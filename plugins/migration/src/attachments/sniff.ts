/**
 * What a thread attachment is, from its first bytes (magic numbers), never from its name or the type the
 * browser sent: PNG, JPEG, PDF, or plain text (a CSV or TXT sample of the legacy data, by its name).
 */
export type AttachmentType = 'image/png' | 'image/jpeg' | 'application/pdf' | 'text/csv' | 'text/plain';

/** 10 MB per file, 3 files per message: screenshots, documents, a sample of an export. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_MESSAGE = 3;
/** How many leading bytes the sniffing reads. */
export const SNIFF_BYTES = 8 * 1024;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-", within the first 1 KiB

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

/** Text: no NUL and no control character other than tab, line feed, form feed and carriage return. */
function isText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  for (const b of bytes) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return false;
  return true;
}

/** The type of a file from its first bytes (up to SNIFF_BYTES) and, for text only, its name; null when refused. */
export function sniffType(head: Uint8Array, name: string): AttachmentType | null {
  if (startsWith(head, PNG)) return 'image/png';
  if (startsWith(head, JPEG)) return 'image/jpeg';
  const window = Math.min(head.length - PDF.length, 1024 - PDF.length);
  for (let i = 0; i <= window; i++) if (startsWith(head, PDF, i)) return 'application/pdf';
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1]?.toLowerCase();
  if ((ext === 'csv' || ext === 'txt') && isText(head)) return ext === 'csv' ? 'text/csv' : 'text/plain';
  return null;
}

const extensionOf: Record<AttachmentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'text/plain': 'txt',
};

export const isImage = (type: string): boolean => type === 'image/png' || type === 'image/jpeg';

/** A display/download name with the extension of the detected type (a PDF named "foto.png" is "foto.pdf"). */
export function safeFileName(original: string, type: AttachmentType): string {
  const base = (original.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 110);
  return `${base || 'anexo'}.${extensionOf[type]}`;
}

export const ACCEPTED_LABEL = 'imagens PNG ou JPG, PDF, CSV ou TXT';

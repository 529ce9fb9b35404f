/**
 * Attachment type detection from the file's first bytes (magic numbers), never from its name or the
 * Content-Type the browser sent: only PNG, JPEG and PDF are accepted.
 */
export type AttachmentType = 'image/png' | 'image/jpeg' | 'application/pdf';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_MESSAGE = 3;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
/** "%PDF-" (the header may follow a few bytes of junk; readers accept it within the first 1 KiB). */
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

export function sniffType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  const window = Math.min(bytes.length - PDF.length, 1024 - PDF.length);
  for (let i = 0; i <= window; i++) if (startsWith(bytes, PDF, i)) return 'application/pdf';
  return null;
}

export const extensionOf: Record<AttachmentType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'application/pdf': 'pdf',
};

export const isImage = (type: string): boolean => type === 'image/png' || type === 'image/jpeg';

/**
 * A safe display/download name: no path, no control or quote characters, at most 120 characters, and
 * the extension of the detected type (a PDF named "foto.png" is served as "foto.pdf").
 */
export function safeFileName(original: string, type: AttachmentType): string {
  const base = (original.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, '')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .trim()
    .slice(0, 110);
  return `${base || 'anexo'}.${extensionOf[type]}`;
}

export interface AttachmentProblem {
  fileName: string;
  message: string;
}

export interface AcceptedFile {
  fileName: string;
  type: AttachmentType;
  bytes: Uint8Array;
}

/** Checks size and type of each uploaded file: pt-BR problems, or the accepted files. */
export function checkFiles(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): {
  accepted: AcceptedFile[];
  problems: string[];
} {
  const problems: string[] = [];
  const accepted: AcceptedFile[] = [];
  const present = files.filter((f) => f.bytes.length > 0 || f.name !== '');
  if (present.length > MAX_ATTACHMENTS_PER_MESSAGE) {
    problems.push(`Envie no máximo ${MAX_ATTACHMENTS_PER_MESSAGE} anexos por mensagem.`);
  }
  for (const f of present) {
    const label = f.name.split(/[\\/]/).pop() || 'arquivo';
    if (f.bytes.length === 0) {
      problems.push(`O arquivo "${label}" está vazio.`);
      continue;
    }
    if (f.bytes.length > MAX_ATTACHMENT_BYTES) {
      problems.push(`O arquivo "${label}" tem mais de 5 MB. Reduza o tamanho (ou tire um print só da parte importante).`);
      continue;
    }
    const type = sniffType(f.bytes);
    if (!type) {
      problems.push(`O arquivo "${label}" não é uma imagem PNG/JPG nem um PDF. Anexe só imagens ou PDF.`);
      continue;
    }
    accepted.push({ fileName: safeFileName(f.name, type), type, bytes: f.bytes });
  }
  return { accepted, problems };
}

/** "1,2 MB", "340 KB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toLocaleString('pt-BR', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(n / 1024)).toLocaleString('pt-BR')} KB`;
}

/**
 * Ticket attachments: only PNG, JPEG and PDF (core's detection from the first bytes, never the name or
 * the type the browser sent), at most 3 of 5 MB each.
 */
import { type FileType, safeFileName, sniffFileType } from '@painel/core/plugin';

export type AttachmentType = Extract<FileType, 'image/png' | 'image/jpeg' | 'application/pdf'>;

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_MESSAGE = 3;

export const sniffType = (bytes: Uint8Array): AttachmentType | null => sniffFileType(bytes) as AttachmentType | null;

export { safeFileName };

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

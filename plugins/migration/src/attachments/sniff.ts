/**
 * A thread attachment: what core's detection accepts here (PNG, JPEG, PDF, or a CSV/TXT sample of the
 * legacy data), and how many and how large.
 */
import { type FileType, sniffFileType } from '@painel/core/plugin';

export type AttachmentType = FileType;

/** 10 MB per file, 3 files per message: screenshots, documents, a sample of an export. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_MESSAGE = 3;

/** The type of a file from its first bytes and, for text only, its name; null when refused. */
export const sniffType = (head: Uint8Array, name: string): AttachmentType | null => sniffFileType(head, { name, text: true });

export const ACCEPTED_LABEL = 'imagens PNG ou JPG, PDF, CSV ou TXT';

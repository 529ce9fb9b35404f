import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE } from '../attachments/sniff.ts';

/** Largest request body of a form carrying attachments: the files plus room for the text fields. */
export const uploadLimit = MAX_ATTACHMENTS_PER_MESSAGE * MAX_ATTACHMENT_BYTES + 256 * 1024;

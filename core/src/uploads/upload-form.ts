import type { ReceivedFile } from './received-file.ts';

/** What a streamed upload yields: the ordinary fields (small) and the files (on disk, hashed). */
export class UploadForm {
  constructor(
    /** Every ordinary field; a name sent more than once holds an array, like Hono's `parseBody({ all: true })`. */
    readonly fields: Record<string, string | string[]>,
    /** Every non-empty file, in the order they arrived. */
    readonly files: readonly ReceivedFile[],
  ) {}

  /** The first value of a field, '' when it was not sent. */
  field(name: string): string {
    const value = this.fields[name];
    return (Array.isArray(value) ? value[0] : value) ?? '';
  }

  /** Every value of a field. */
  fieldAll(name: string): string[] {
    const value = this.fields[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  }

  /** The first file sent in `name` (an empty file input sends none). */
  file(name: string): ReceivedFile | undefined {
    return this.files.find((f) => f.field === name);
  }

  /** Every file sent in `name`. */
  filesOf(name: string): ReceivedFile[] {
    return this.files.filter((f) => f.field === name);
  }
}

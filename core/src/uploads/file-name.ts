/** Longest original file name kept (characters). */
const maxNameLength = 200;

/**
 * The name a browser sent for a file, made safe to show and to store as metadata: only its last path
 * segment (some browsers send `C:\…\name`), no control characters, no characters Windows or shells
 * treat specially, no leading dots, at most 200 characters with the extension kept. Never used as a
 * path: stored files are named by random ids.
 */
export function sanitizeFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  let name = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  if (name.length > maxNameLength) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, maxNameLength - ext.length) + ext;
  }
  return name || 'arquivo';
}

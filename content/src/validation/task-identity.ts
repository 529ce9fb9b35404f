/**
 * Task identity survives new versions of a track: the optional `id`, else the title normalised
 * so that accents, case, punctuation and spacing changes keep the same task.
 */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

export function taskKey(task: { id?: string; titulo: string }): string {
  return task.id ?? normalizeTitle(task.titulo);
}

import type { PointerIssue } from './pointer-issue.ts';
import { resolveTaskLink } from './resolve-task-link.ts';
import { normalizeTitle } from './task-identity.ts';
import type { TaskLink } from './types.ts';

/**
 * Checks the schema cannot express — links, unique task identity, titles with letters — on data that
 * may not match the schema (anything that is not where expected is skipped: the schema reports it).
 */
export interface TaskChecks {
  issues: PointerIssue[];
  /** Resolved link of every valid `identificador_artigo`, by the pointer of that value. */
  links: Map<string, TaskLink>;
}

interface CheckOptions {
  isKnownArticleSlug: (slug: string) => boolean;
  /** Values that already have a schema issue: not checked again. */
  pointersWithIssues: ReadonlySet<string>;
}

interface SeenTask {
  number: number;
  source: 'id' | 'titulo';
}

export function checkTasks(data: unknown, options: CheckOptions): TaskChecks {
  const result: TaskChecks = { issues: [], links: new Map() };
  const achievements = isRecord(data) && Array.isArray(data.conquistas) ? data.conquistas : [];
  achievements.forEach((achievement: unknown, i) => {
    const tasks = isRecord(achievement) && Array.isArray(achievement.tarefas) ? achievement.tarefas : [];
    const seen = new Map<string, SeenTask>();
    tasks.forEach((task: unknown, j) => {
      if (isRecord(task)) checkTask(task, `/conquistas/${i}/tarefas/${j}`, { i, j, seen }, options, result);
    });
  });
  return result;
}

function checkTask(
  task: Record<string, unknown>,
  pointer: string,
  place: { i: number; j: number; seen: Map<string, SeenTask> },
  options: CheckOptions,
  result: TaskChecks,
): void {
  const usable = (key: string): string | undefined => {
    const value = task[key];
    return typeof value === 'string' && !options.pointersWithIssues.has(`${pointer}/${key}`) ? value : undefined;
  };
  const where = `tarefa ${place.j + 1} da conquista ${place.i + 1}`;

  const link = usable('identificador_artigo');
  if (link !== undefined) {
    const resolved = resolveTaskLink(link, options.isKnownArticleSlug);
    const linkPointer = `${pointer}/identificador_artigo`;
    if (resolved.ok) result.links.set(linkPointer, resolved.link);
    else result.issues.push({ key: resolved.key, message: resolved.message, pointer: linkPointer, at: 'value' });
  }

  const title = usable('titulo');
  if (title !== undefined && normalizeTitle(title) === '') {
    const message = `O "titulo" da ${where} precisa ter letras ou números.`;
    result.issues.push({ key: 'schema.blankTitle', message, pointer: `${pointer}/titulo`, at: 'value' });
  }

  const source = task.id !== undefined ? 'id' : 'titulo';
  const raw = usable(source);
  const identity = raw === undefined ? '' : source === 'id' ? raw : normalizeTitle(raw);
  if (identity === '') return;
  const first = place.seen.get(identity);
  if (first === undefined) {
    place.seen.set(identity, { number: place.j + 1, source });
    return;
  }
  result.issues.push({
    key: 'schema.duplicateTask',
    message: duplicateMessage(where, first, source, identity),
    pointer: `${pointer}/${source}`,
    at: 'value',
  });
}

function duplicateMessage(where: string, first: SeenTask, source: 'id' | 'titulo', identity: string): string {
  const start = `A ${where} repete`;
  if (first.source === 'id' && source === 'id') {
    return `${start} o "id" "${identity}" da tarefa ${first.number}. Cada tarefa de uma conquista precisa de um "id" diferente.`;
  }
  if (first.source === 'titulo' && source === 'titulo') {
    return (
      `${start} o título da tarefa ${first.number} (sem contar acentos, maiúsculas e pontuação). ` +
      'Use títulos diferentes ou dê um "id" diferente a cada tarefa.'
    );
  }
  return `${start} a identificação "${identity}" da tarefa ${first.number}. Dê um "id" diferente a cada tarefa.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

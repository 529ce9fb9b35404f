/** Reads JSON pointers of the conquistas format and names them the way an uploader thinks. */

export type ObjectKind = 'root' | 'conquista' | 'tarefa';

export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(pointer.lastIndexOf('/'), 0));
}

/** Which object of the format `pointer` designates, when it designates one. */
export function objectKindAt(pointer: string): ObjectKind | undefined {
  const [list, achievement, tasks, task, ...rest] = pointerSegments(pointer);
  if (list === undefined) return 'root';
  if (list !== 'conquistas' || !isIndex(achievement) || rest.length > 0) return undefined;
  if (tasks === undefined) return 'conquista';
  return tasks === 'tarefas' && isIndex(task) ? 'tarefa' : undefined;
}

/** "a tarefa 2 da conquista 1", "a conquista 3", "o arquivo". */
function nameObject(pointer: string): string {
  const [, achievement, , task] = pointerSegments(pointer);
  switch (objectKindAt(pointer)) {
    case 'root':
      return 'o arquivo';
    case 'conquista':
      return `a conquista ${ordinal(achievement)}`;
    case 'tarefa':
      return `a tarefa ${ordinal(task)} da conquista ${ordinal(achievement)}`;
    default:
      return 'este ponto do arquivo';
  }
}

/** "na tarefa 2 da conquista 1", "no arquivo" (em + a = na, em + o = no, em + este = neste). */
export function describeObject(pointer: string): string {
  return `n${nameObject(pointer)}`;
}

/** `"titulo" na tarefa 2 da conquista 1`, `"conquistas"`: the key that holds the value at `pointer`. */
export function describeMember(pointer: string): string {
  const parent = parentPointer(pointer);
  const name = `"${pointerSegments(pointer).at(-1) ?? ''}"`;
  return objectKindAt(parent) === 'root' ? name : `${name} ${describeObject(parent)}`;
}

/** Subject phrase for the value at `pointer`: `o valor de "titulo" na …`, `a tarefa 2 da …`, `o item 2 da lista …`. */
export function describeValue(pointer: string): string {
  const last = pointerSegments(pointer).at(-1);
  if (objectKindAt(pointer) !== undefined) return pointer === '' ? 'o conteúdo do arquivo' : nameObject(pointer);
  if (!isIndex(last)) return `o valor de ${describeMember(pointer)}`;
  return `o item ${ordinal(last)} da lista ${describeMember(parentPointer(pointer))}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isIndex(segment: string | undefined): segment is string {
  return segment !== undefined && /^(?:0|[1-9]\d*)$/.test(segment);
}

function ordinal(index: string | undefined): number {
  return Number(index) + 1;
}

import { taskKey } from './task-identity.ts';
import type { ParsedTrack, TaskLink } from './types.ts';

/** The uploaded file once it matches the schema (Portuguese keys, as singulares write them). */
export interface ConquistasFile {
  conquistas: Array<{
    descricao: string;
    bloqueada: boolean;
    notificado: boolean;
    tarefas: Array<{ titulo: string; efetuada: boolean; identificador_artigo: string; id?: string }>;
  }>;
}

/** Maps a valid file to the product's English model; `links` holds every resolved `identificador_artigo`. */
export function buildTrack(file: ConquistasFile, links: ReadonlyMap<string, TaskLink>): ParsedTrack {
  return {
    achievements: file.conquistas.map((achievement, i) => ({
      description: achievement.descricao,
      locked: achievement.bloqueada,
      notify: achievement.notificado,
      tasks: achievement.tarefas.map((task, j) => ({
        key: taskKey(task),
        title: task.titulo,
        doneByDefault: task.efetuada,
        link: linkAt(links, `/conquistas/${i}/tarefas/${j}/identificador_artigo`),
      })),
    })),
  };
}

function linkAt(links: ReadonlyMap<string, TaskLink>, pointer: string): TaskLink {
  const link = links.get(pointer);
  if (link === undefined) throw new Error(`Link não resolvido em ${pointer}`);
  return link;
}

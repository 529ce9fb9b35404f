import type { AchievementState, TaskState, TrackState } from './panel-state.ts';

/** Where the panel's links and forms go: the live panel, or an admin's preview of a version. */
export interface PanelLinks {
  /** The page that plays a task's video. */
  taskHref(track: TrackState, achievement: AchievementState, task: TaskState): string;
  /** Form action for "Marcar como concluída"/"Desmarcar"; null in a preview (buttons disabled). */
  markAction: string | null;
}

export function taskQuery(track: TrackState, achievement: AchievementState, task: TaskState): string {
  const params = new URLSearchParams({ trilha: String(track.trackId), conquista: achievement.key, tarefa: task.key });
  return params.toString();
}

export const livePanelLinks: PanelLinks = {
  taskHref: (track, achievement, task) => `/painel/tarefa?${taskQuery(track, achievement, task)}`,
  markAction: '/painel/tarefas',
};

export function articleHref(slug: string): string {
  return `/ajuda/${encodeURIComponent(slug)}`;
}

/** HTML ids of the panel's swappable parts. */
export const panelIds = {
  achievement: (trackId: number, index: number) => `c-${trackId}-${index}`,
  trackSummary: (trackId: number) => `trilha-${trackId}-resumo`,
  stages: (trackId: number) => `trilha-${trackId}-etapas`,
  overall: 'painel-geral',
  booking: 'painel-agendar',
};

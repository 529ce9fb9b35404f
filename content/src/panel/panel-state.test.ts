import { describe, expect, it } from 'vitest';
import type { ParsedTrack } from '../validation/index.ts';
import { buildPanelState, findTask, type LiveTrack, type ProgressEntry } from './panel-state.ts';

const video = { kind: 'youtube', videoId: 'aqz-KE-bpKQ' } as const;
const task = (key: string, title = key, doneByDefault = false) => ({ key, title, doneByDefault, link: video });

const track: ParsedTrack = {
  achievements: [
    { description: 'Etapa 1 — Primeiros passos', locked: false, notify: true, tasks: [task('a'), task('b', 'b', true)] },
    { description: 'Etapa 2 — Usuários', locked: true, notify: false, tasks: [task('c')] },
    { description: 'Etapa 3 — Extra', locked: false, notify: false, tasks: [task('d')] },
    { description: 'Etapa 4 — Final', locked: true, notify: false, tasks: [task('e')] },
  ],
};
const live = (t: ParsedTrack, trackId = 7): LiveTrack => ({ trackId, name: 'T', introText: null, isDefault: false, version: 1, track: t });
const done = (achievementKey: string, taskKey: string, value = true, trackId = 7): ProgressEntry => ({
  trackId,
  achievementKey,
  taskKey,
  done: value,
});

describe('unlock logic', () => {
  it('locks a bloqueada conquista until every earlier conquista is complete', () => {
    const start = buildPanelState([live(track)], []).tracks[0]!;
    expect(start.achievements.map((a) => a.locked)).toEqual([false, true, false, true]);

    const afterFirst = buildPanelState([live(track)], [done('etapa 1 primeiros passos', 'a')]).tracks[0]!;
    expect(afterFirst.achievements[0]!.complete).toBe(true);
    expect(afterFirst.achievements.map((a) => a.locked)).toEqual([false, false, false, true]);

    // Etapa 4 needs etapas 1–3 all complete, including the unlocked etapa 3.
    const almost = buildPanelState([live(track)], [done('etapa 1 primeiros passos', 'a'), done('etapa 2 usuarios', 'c')]).tracks[0]!;
    expect(almost.achievements[3]!.locked).toBe(true);
    const all = buildPanelState(
      [live(track)],
      [done('etapa 1 primeiros passos', 'a'), done('etapa 2 usuarios', 'c'), done('etapa 3 extra', 'd')],
    ).tracks[0]!;
    expect(all.achievements[3]!.locked).toBe(false);
  });

  it('counts efetuada tasks as done, and a stored "desmarcada" row overrides the default', () => {
    const start = buildPanelState([live(track)], []);
    expect(start.tracks[0]!.achievements[0]!.done).toBe(1);
    const unmarked = buildPanelState([live(track)], [done('etapa 1 primeiros passos', 'b', false)]);
    expect(unmarked.tracks[0]!.achievements[0]!.done).toBe(0);
  });

  it('relocks later conquistas when an earlier task is unmarked', () => {
    const rows = [done('etapa 1 primeiros passos', 'a')];
    expect(buildPanelState([live(track)], rows).tracks[0]!.achievements[1]!.locked).toBe(false);
    rows.push(done('etapa 1 primeiros passos', 'b', false));
    expect(buildPanelState([live(track)], rows).tracks[0]!.achievements[1]!.locked).toBe(true);
  });

  it('is complete only when every task of every track is done', () => {
    const other = live({ achievements: [{ description: 'Outra', locked: false, notify: false, tasks: [task('x')] }] }, 9);
    const rows = ['a', 'c', 'd', 'e'].map((k, i) => done(['etapa 1 primeiros passos', 'etapa 2 usuarios', 'etapa 3 extra', 'etapa 4 final'][i]!, k));
    const partial = buildPanelState([live(track), other], rows);
    expect(partial.complete).toBe(false);
    expect(partial.tracks[0]!.complete).toBe(true);
    const full = buildPanelState([live(track), other], [...rows, done('outra', 'x', true, 9)]);
    expect(full.complete).toBe(true);
    expect(full.done).toBe(full.total);
    expect(buildPanelState([], []).complete).toBe(false);
  });
});

describe('progress carry-over between versions', () => {
  const v1: ParsedTrack = {
    achievements: [
      {
        description: 'Processos para Cooperados Unimed XPTO',
        locked: false,
        notify: true,
        tasks: [
          task('autorizacao de guia teleconsulta', 'Autorização de guia – Teleconsulta'),
          task('geracao e envio de lote faturamento', 'Geração e envio de lote – Faturamento'),
        ],
      },
    ],
  };
  const progress = [done('processos para cooperados unimed xpto', 'autorizacao de guia teleconsulta')];

  it('keeps a task done when v2 fixes accents/case/punctuation, reorders tasks and adds one', () => {
    const v2: ParsedTrack = {
      achievements: [
        {
          description: 'PROCESSOS para cooperados Unimed XPTO!',
          locked: false,
          notify: true,
          tasks: [
            task('solicitacao de exames', 'Solicitação de exames'),
            task('geracao e envio de lote faturamento', 'Geracao e envio de lote - faturamento'),
            task('autorizacao de guia teleconsulta', 'Autorizacao de guia: Teleconsulta'),
          ],
        },
      ],
    };
    const a1 = buildPanelState([live(v1)], progress).tracks[0]!.achievements[0]!;
    const a2 = buildPanelState([live(v2)], progress).tracks[0]!.achievements[0]!;
    expect(a1.done).toBe(1);
    expect(a2.done).toBe(1);
    expect(a2.tasks.find((t) => t.key === 'autorizacao de guia teleconsulta')!.done).toBe(true);
    expect(a2.tasks.find((t) => t.key === 'solicitacao de exames')!.done).toBe(false);
  });

  it('loses nothing when a task is removed and later restored', () => {
    const without: ParsedTrack = { achievements: [{ ...v1.achievements[0]!, tasks: [v1.achievements[0]!.tasks[1]!] }] };
    expect(buildPanelState([live(without)], progress).tracks[0]!.done).toBe(0);
    expect(buildPanelState([live(v1)], progress).tracks[0]!.done).toBe(1);
  });

  it('finds tasks by identity, not by position', () => {
    const state = buildPanelState([live(v1)], progress);
    const found = findTask(state, 7, 'processos para cooperados unimed xpto', 'geracao e envio de lote faturamento');
    expect(found?.task.title).toBe('Geração e envio de lote – Faturamento');
    expect(findTask(state, 7, 'processos para cooperados unimed xpto', 'nao existe')).toBeNull();
    expect(findTask(state, 8, 'processos para cooperados unimed xpto', 'geracao e envio de lote faturamento')).toBeNull();
  });
});

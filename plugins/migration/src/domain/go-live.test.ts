import { describe, expect, it } from 'vitest';
import { goLiveDone, goLiveMissing, markStep, parseGoLive, suggestedSteps } from './go-live.ts';

const form = {
  continuidade: 'digital',
  rollback: 'Voltar ao legado com o backup da véspera.',
  passoQue: ['Executar', 'Avisar a recepção'],
  passoTipo: ['estrategia', 'continuidade'],
  passoQuem: ['Equipe', 'Gestora'],
  passoQuando: ['Sábado', 'Sexta'],
};

describe('the go-live checklist', () => {
  it('is done only with a rollback plan and every step done', () => {
    const parsed = parseGoLive(form, null);
    if (!parsed.ok) throw new Error(parsed.errors.join());
    expect(goLiveMissing(parsed.value)).toEqual(['2 passos do roteiro ainda não foram feitos.']);
    const one = markStep(parsed.value, 0, true, 'Ana', new Date('2026-05-01T12:00:00Z'))!;
    expect(one.steps[0]).toMatchObject({ done: true, doneBy: 'Ana', doneAt: '2026-05-01T12:00:00.000Z' });
    expect(goLiveDone(one)).toBe(false);
    expect(goLiveDone(markStep(one, 1, true, 'Ana', new Date())!)).toBe(true);
    expect(markStep(one, 2, true, 'Ana', new Date())).toBeNull();
    expect(goLiveMissing(null)).toEqual(['Preencha o roteiro de go-live.']);
  });

  it('keeps the done state of unchanged steps when saved again, resets changed ones', () => {
    const first = parseGoLive(form, null);
    if (!first.ok) throw new Error();
    const marked = markStep(markStep(first.value, 0, true, 'Ana', new Date())!, 1, true, 'Ana', new Date())!;
    const again = parseGoLive({ ...form, passoQuem: ['Equipe', 'Outra pessoa'] }, marked);
    if (!again.ok) throw new Error();
    expect(again.value.steps.map((s) => s.done)).toEqual([true, false]);
  });

  it('refuses a missing continuity decision, a short rollback plan and half-filled rows, in pt-BR', () => {
    const out = parseGoLive({ rollback: 'x', passoQue: ['A'], passoQuem: [''], passoQuando: ['B'], passoTipo: ['outro'] }, null);
    expect(out).toEqual({
      ok: false,
      errors: [
        'Diga se a clínica continua no digital ou usa a contingência em papel.',
        expect.stringContaining('Descreva o plano de rollback'),
        'Passo 1: preencha o quê, o responsável e quando (ou deixe a linha vazia).',
        'Inclua ao menos um passo no roteiro (o quê, responsável, quando).',
      ],
    });
  });

  it('suggests steps from the plan', () => {
    const steps = suggestedSteps({ strategy: 'por_paciente', cleanup: 'A\n\nB', manualActions: [{ what: 'C', who: 'D', when: 'E' }], wholeHistory: true, historyNote: '' });
    expect(steps.map((s) => [s.kind, s.what, s.owner])).toEqual([
      ['estrategia', 'Executar a versão final: por paciente', 'Equipe de migração'],
      ['limpeza', 'A', 'Clínica'],
      ['limpeza', 'B', 'Clínica'],
      ['manual', 'C', 'D'],
      ['continuidade', 'Avisar a equipe da clínica de como trabalhar durante a migração', 'Clínica'],
      ['rollback', 'Confirmar o backup do sistema legado para o rollback', 'Equipe de migração'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { localInstant } from '../deadlines/business-days.ts';
import { type ActionInput, type ActionKey, applyAction, availableActions, isOverdue, type Lifecycle, type RequestRole } from './lifecycle.ts';

const sp = (date: string, time = '10:00') => localInstant(date, time);
const endOf = (date: string) => new Date(`${date}T23:59:59.999-03:00`);

const fresh = (at: Date): Lifecycle => ({
  state: 'solicitada',
  stateSince: at,
  validationRound: 0,
  dueAt: null,
  dueSide: null,
  extractionAt: null,
  slotRequest: null,
  backupReceivedAt: null,
  feedback: null,
  finalAt: null,
  finalExecutedAt: null,
  closedAt: null,
  cancelReason: null,
  checklistComplete: false,
  goLiveComplete: false,
});

/** Takes one action at a (fake clock) instant and returns the request after it, failing the test when refused. */
function step(m: Lifecycle, key: ActionKey, role: RequestRole, at: Date, input: ActionInput = {}): Lifecycle {
  const out = applyAction(m, key, role, input, at);
  if (!out.ok) throw new Error(`${key}: ${out.error}`);
  return out.next;
}

describe('the lifecycle of a migration request', () => {
  it('walks solicitada → encerrada with each deadline in business or calendar days, across Tiradentes and weekends', () => {
    // Thursday 16/04/2026: answer within 1 business day → Friday 17/04.
    let m = fresh(sp('2026-04-16'));
    m = step(m, 'agendar_extracao', 'equipe', sp('2026-04-17', '09:00'), { at: sp('2026-04-22', '08:00') });
    expect([m.state, m.dueSide, m.dueAt]).toEqual(['extracao_agendada', 'clinica', sp('2026-04-22', '08:00')]);
    // The clinic asks to reschedule on Friday evening: the team answers by the end of Monday.
    m = step(m, 'pedir_reagendamento', 'solicitante', sp('2026-04-17', '19:00'), { note: 'Feriado na clínica', availability: { date: '2026-04-23', from: '08:00', to: '12:00' } });
    expect([m.state, m.dueSide, m.dueAt]).toEqual(['extracao_agendada', 'equipe', endOf('2026-04-20')]);
    expect(applyAction(m, 'pedir_reagendamento', 'solicitante', {}, sp('2026-04-18')).ok).toBe(false);
    m = step(m, 'reagendar_extracao', 'equipe', sp('2026-04-20'), { at: sp('2026-04-23', '08:00') });
    expect([m.slotRequest, m.dueSide, m.dueAt]).toEqual([null, 'clinica', sp('2026-04-23', '08:00')]);
    // The backup needs the IT checklist first.
    expect(applyAction(m, 'registrar_backup', 'equipe', {}, sp('2026-04-17'))).toEqual({ ok: false, error: expect.stringContaining('checagem de TI') });
    m = { ...m, checklistComplete: true };
    // Backup on Monday 20/04: + 3 business days, Tiradentes (Tue 21/04) skipped → Wed 22, Thu 23, Fri 24/04.
    m = step(m, 'registrar_backup', 'equipe', sp('2026-04-20', '16:00'));
    expect([m.state, m.dueSide, m.dueAt]).toEqual(['backup_recebido', 'equipe', endOf('2026-04-24')]);
    m = step(m, 'iniciar_analise', 'equipe', sp('2026-04-22'));
    expect([m.state, m.dueAt]).toEqual(['analise_viabilidade', endOf('2026-04-24')]); // the same 3-day feedback deadline
    expect(applyAction(m, 'publicar_validacao', 'equipe', {}, sp('2026-04-22')).ok).toBe(false); // feedback first
    m = step(m, 'enviar_parecer', 'equipe', sp('2026-04-23'), { feedback: { viable: true, estimatedDate: '2026-05-04', note: '' } });
    expect([m.state, m.dueSide, m.dueAt]).toEqual(['analise_viabilidade', 'equipe', endOf('2026-05-04')]);
    m = step(m, 'publicar_validacao', 'equipe', sp('2026-05-04'));
    expect([m.state, m.validationRound, m.dueSide, m.dueAt]).toEqual(['versao_validacao', 1, 'clinica', endOf('2026-05-19')]); // open 15 days
    expect(applyAction(m, 'aprovar', 'equipe', {}, sp('2026-05-05')).ok).toBe(false); // the clinic approves, not the team
    m = step(m, 'pedir_ajustes', 'solicitante', sp('2026-05-08'), { note: 'Convênios duplicados' });
    // Friday 08/05 + 3 business days → Wednesday 13/05.
    expect([m.state, m.dueSide, m.dueAt]).toEqual(['ajustes', 'equipe', endOf('2026-05-13')]);
    m = step(m, 'publicar_validacao', 'equipe', sp('2026-05-12'));
    expect([m.state, m.validationRound]).toEqual(['versao_validacao', 2]);
    m = step(m, 'aprovar', 'solicitante', sp('2026-05-15')); // Friday → Monday 18/05
    expect([m.state, m.dueSide, m.dueAt]).toEqual(['aprovada', 'equipe', endOf('2026-05-18')]);
    m = step(m, 'agendar_final', 'equipe', sp('2026-05-18'), { at: sp('2026-05-25', '20:00') });
    expect([m.state, m.dueAt]).toEqual(['versao_final_agendada', sp('2026-05-25', '20:00')]);
    m = step(m, 'executar_final', 'equipe', sp('2026-05-25', '23:00'));
    expect([m.state, m.dueSide, m.dueAt]).toEqual(['versao_final_executada', 'clinica', endOf('2026-06-08')]); // two weeks to check
    // Closing needs the go-live checklist done, for both sides, whatever the date.
    expect(applyAction(m, 'encerrar', 'solicitante', {}, sp('2026-05-27'))).toEqual({ ok: false, error: expect.stringContaining('roteiro de go-live') });
    expect(applyAction(m, 'encerrar', 'equipe', {}, sp('2026-06-09'))).toEqual({ ok: false, error: expect.stringContaining('roteiro de go-live') });
    expect(availableActions(m, 'solicitante', sp('2026-05-27'))).not.toContain('encerrar');
    m = { ...m, goLiveComplete: true };
    expect(applyAction(m, 'encerrar', 'equipe', {}, sp('2026-06-01')).ok).toBe(false); // the team waits for the window
    expect(step(m, 'encerrar', 'equipe', sp('2026-06-09')).state).toBe('encerrada');
    m = step(m, 'encerrar', 'solicitante', sp('2026-05-27'));
    expect([m.state, m.dueAt, m.closedAt]).toEqual(['encerrada', null, sp('2026-05-27')]);
    expect(availableActions(m, 'equipe', sp('2026-05-28'))).toEqual([]);
    expect(applyAction(m, 'cancelar', 'equipe', { note: 'x' }, sp('2026-05-28')).ok).toBe(false);
  });

  it('flags overdue requests by the fake clock, and never a closed one', () => {
    const m = step(fresh(sp('2026-12-24', '17:00')), 'cancelar', 'solicitante', sp('2026-12-24', '18:00'), { note: 'desistimos' });
    expect(isOverdue(m, sp('2027-02-01'))).toBe(false);
    const open = { ...fresh(sp('2026-12-24', '17:00')), dueAt: endOf('2026-12-28') }; // Natal, weekend
    expect(isOverdue(open, sp('2026-12-28', '23:59'))).toBe(false);
    expect(isOverdue(open, sp('2026-12-29', '00:00'))).toBe(true);
  });

  it('gives readers no action and each side only its own', () => {
    const m = { ...fresh(sp('2026-03-02')), dueAt: endOf('2026-03-03') };
    expect(availableActions(m, 'leitor', sp('2026-03-02'))).toEqual([]);
    expect(availableActions(m, 'solicitante', sp('2026-03-02'))).toEqual(['cancelar']);
    expect(availableActions(m, 'equipe', sp('2026-03-02'))).toEqual(['agendar_extracao', 'cancelar']);
  });
});

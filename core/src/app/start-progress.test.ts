import { describe, expect, it } from 'vitest';
import { formatSeconds, startProgress } from './start-progress.ts';

describe('startProgress', () => {
  it('announces each step, then says how long the start took and where each second went', async () => {
    const lines: string[] = [];
    let t = 0;
    const progress = startProgress((l) => lines.push(l), () => t);
    t = 400;
    await progress.step('Abrindo o banco de dados (PGlite em data/pglite)', 'banco', async () => {
      t += 3_850;
    });
    const seeded = await progress.measure('demonstração', async () => {
      progress.line('Criando dados de demonstração…');
      t += 1_200;
      return null;
    }, (r) => r !== null);
    expect(seeded).toBeNull();
    progress.ready('Painel Singular em http://localhost:3000');
    expect(lines).toEqual([
      'Abrindo o banco de dados (PGlite em data/pglite)…',
      'Criando dados de demonstração…',
      'Pronto em 5,5 s (banco 3,9 s): Painel Singular em http://localhost:3000',
    ]);
  });

  it('formats seconds the pt-BR way', () => {
    expect(formatSeconds(12_345)).toBe('12,3 s');
    expect(formatSeconds(0)).toBe('0,0 s');
  });
});

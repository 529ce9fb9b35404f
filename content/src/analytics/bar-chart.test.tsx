import { describe, expect, it } from 'vitest';
import { analysedTasks } from './analytics-query.ts';
import { BarChart } from './bar-chart.tsx';

describe('BarChart', () => {
  it('renders an accessible SVG with bars proportional to the total and no inline style', () => {
    const svg = String(
      <BarChart
        id="g"
        title="Até onde chegam"
        description="Queda por tarefa"
        total={4}
        bars={[
          { label: '1. Primeira', value: 4, background: 4 },
          { label: '2. Segunda tarefa com um título bem comprido que não cabe no gráfico', value: 1, background: 2 },
        ]}
      />,
    );
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-labelledby="g-title g-desc"');
    expect(svg).toContain('<title id="g-title">Até onde chegam</title>');
    expect(svg).toContain('<desc id="g-desc">Queda por tarefa</desc>');
    expect(svg).toContain('width="350" height="18" rx="3" fill="#00995d"');
    expect(svg).toContain('width="88" height="18" rx="3" fill="#00995d"');
    expect(svg).toContain('1 (25%)');
    expect(svg).toContain('…');
    expect(svg).not.toContain('style=');
  });
});

describe('analysedTasks', () => {
  it('numbers the tasks of every conquista in panel order with their identities', () => {
    const link = { kind: 'article', slug: 'id-da-base' } as const;
    const tasks = analysedTasks({
      achievements: [
        { description: 'Etapa 1', locked: false, notify: false, tasks: [{ key: 'a', title: 'A', doneByDefault: true, link }] },
        { description: 'Etapa 2', locked: true, notify: false, tasks: [{ key: 'b', title: 'B', doneByDefault: false, link }] },
      ],
    });
    expect(tasks.map((t) => [t.ord, t.achievementKey, t.key, t.doneByDefault])).toEqual([
      [1, 'etapa 1', 'a', true],
      [2, 'etapa 2', 'b', false],
    ]);
  });
});

/**
 * Server-rendered SVG charts (no script, no inline style: colours come from app.css classes). Each chart
 * is an image with a title and a text description for screen readers, followed by its data table.
 */
import { formatNumber } from '@painel/core/plugin';

export interface ChartItem {
  label: string;
  value: number;
  /** Shown after the bar and in the table (defaults to the number). */
  display?: string;
  /** Extra CSS class of the bar (e.g. sup-bar-danger). */
  tone?: string;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function DataTable(props: { items: ChartItem[]; labelHeader: string; valueHeader: string }) {
  return (
    <details class="sup-chart-table">
      <summary>Ver tabela</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{props.labelHeader}</th>
            <th scope="col">{props.valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((i) => (
            <tr>
              <th scope="row">{i.label}</th>
              <td>{i.display ?? formatNumber(i.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Horizontal bars: one row per item (categories, modules, bases, SLA %). */
export function HBarChart(props: {
  id: string;
  title: string;
  items: ChartItem[];
  labelHeader: string;
  valueHeader: string;
  /** Scale maximum (e.g. 100 for percentages); defaults to the largest value. */
  max?: number;
}) {
  const rowH = 30;
  const labelW = 205;
  const barW = 135;
  const width = labelW + barW + 110;
  const height = Math.max(1, props.items.length) * rowH + 8;
  const max = props.max ?? Math.max(1, ...props.items.map((i) => i.value));
  const desc = props.items.map((i) => `${i.label}: ${i.display ?? formatNumber(i.value)}`).join('; ');
  return (
    <figure class="sup-chart" data-testid={`chart-${props.id}`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} preserveAspectRatio="xMinYMin meet">
        <desc id={`${props.id}-desc`}>{desc || 'Sem dados no período.'}</desc>
        {props.items.map((item, i) => {
          const y = 4 + i * rowH;
          const w = item.value > 0 ? Math.max(2, (item.value / max) * barW) : 0;
          return (
            <g>
              <text x={labelW - 8} y={y + 19} text-anchor="end" class="sup-chart-label">
                <title>{item.label}</title>
                {clip(item.label, 28)}
              </text>
              <rect x={labelW} y={y + 5} width={barW} height={rowH - 10} rx="3" class="sup-bar-track" />
              <rect x={labelW} y={y + 5} width={w.toFixed(1)} height={rowH - 10} rx="3" class={`sup-bar ${item.tone ?? ''}`} />
              <text x={labelW + barW + 8} y={y + 19} class="sup-chart-value">
                {item.display ?? formatNumber(item.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <DataTable items={props.items} labelHeader={props.labelHeader} valueHeader={props.valueHeader} />
    </figure>
  );
}

/** Vertical bars over time (tickets opened per day or week). */
export function ColumnChart(props: { id: string; title: string; items: ChartItem[]; labelHeader: string; valueHeader: string }) {
  const width = 900;
  const height = 240;
  const left = 36;
  const bottom = 34;
  const top = 12;
  const plotW = width - left - 8;
  const plotH = height - top - bottom;
  const n = Math.max(1, props.items.length);
  const max = Math.max(1, ...props.items.map((i) => i.value));
  const niceMax = max <= 5 ? max : Math.ceil(max / 5) * 5;
  const slot = plotW / n;
  const barW = Math.max(2, Math.min(36, slot * 0.7));
  const every = Math.ceil(n / 12);
  const ticks = [0, niceMax / 2, niceMax].map((v) => Math.round(v));
  const desc = props.items.map((i) => `${i.label}: ${formatNumber(i.value)}`).join('; ');
  return (
    <figure class="sup-chart" data-testid={`chart-${props.id}`}>
      <figcaption id={`${props.id}-title`}>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`}>
        <desc id={`${props.id}-desc`}>{desc || 'Sem dados no período.'}</desc>
        {ticks.map((t) => {
          const y = top + plotH - (t / niceMax) * plotH;
          return (
            <g>
              <line x1={left} x2={width - 8} y1={y} y2={y} class="sup-grid" />
              <text x={left - 6} y={y + 4} text-anchor="end" class="sup-chart-axis">
                {t}
              </text>
            </g>
          );
        })}
        {props.items.map((item, i) => {
          const h = (item.value / niceMax) * plotH;
          const x = left + i * slot + (slot - barW) / 2;
          return (
            <g>
              <rect x={x.toFixed(1)} y={(top + plotH - h).toFixed(1)} width={barW.toFixed(1)} height={h.toFixed(1)} rx="2" class="sup-bar">
                <title>{`${item.label}: ${formatNumber(item.value)}`}</title>
              </rect>
              {i % every === 0 && (
                <text x={(x + barW / 2).toFixed(1)} y={height - bottom + 16} text-anchor="middle" class="sup-chart-axis">
                  {item.label}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <DataTable items={props.items} labelHeader={props.labelHeader} valueHeader={props.valueHeader} />
    </figure>
  );
}

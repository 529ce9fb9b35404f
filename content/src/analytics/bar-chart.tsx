import { formatNumber } from '@painel/core/module';

export interface ChartBar {
  label: string;
  /** The highlighted value (e.g. users who got this far in order). */
  value: number;
  /** A lighter background value (e.g. users who completed it in any order), ≥ value. */
  background?: number;
}

const WIDTH = 760;
const LABEL_WIDTH = 300;
const VALUE_WIDTH = 110;
const ROW = 30;
const BAR = 18;
const TOP = 8;

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A horizontal bar chart as server-rendered SVG (no script, no inline style: CSP-safe). Accessible:
 * role="img" with <title> and <desc>; the same numbers are always given in a table next to it.
 */
export function BarChart(props: { id: string; title: string; description: string; bars: ChartBar[]; total: number }) {
  const { bars, total } = props;
  const height = TOP * 2 + bars.length * ROW + 24;
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const scale = (v: number) => (total <= 0 ? 0 : Math.round((Math.min(v, total) / total) * plot));
  const pct = (v: number) => (total <= 0 ? 0 : Math.round((v * 100) / total));
  return (
    <svg
      class="bar-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      data-testid="chart"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {bars.map((bar, i) => {
        const y = TOP + i * ROW;
        return (
          <g>
            <text x={LABEL_WIDTH - 8} y={y + BAR - 4} text-anchor="end" fill="#24312b" class="chart-label">
              {truncate(bar.label, 44)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={plot} height={BAR} rx="3" fill="#eef2f0" class="chart-track" />
            {bar.background !== undefined && (
              <rect x={LABEL_WIDTH} y={y} width={scale(bar.background)} height={BAR} rx="3" fill="#a8dcc2" class="chart-bar-light" />
            )}
            <rect x={LABEL_WIDTH} y={y} width={scale(bar.value)} height={BAR} rx="3" fill="#00995d" class="chart-bar" />
            <text x={LABEL_WIDTH + plot + 8} y={y + BAR - 4} fill="#24312b" class="chart-value">
              {formatNumber(bar.value)} ({pct(bar.value)}%)
            </text>
          </g>
        );
      })}
      <text x={LABEL_WIDTH} y={height - 6} fill="#5d6b64" class="chart-axis">
        0
      </text>
      <text x={LABEL_WIDTH + plot} y={height - 6} text-anchor="end" fill="#5d6b64" class="chart-axis">
        {formatNumber(total)}
      </text>
    </svg>
  );
}

import { sm } from '../messages.js';
import type { DayPoint } from '../reports.js';

const W = 640;
const H = 240;
const PAD = { left: 90, right: 16, top: 16, bottom: 40 };

const yen = (n: number) => n.toLocaleString('ja-JP');

/**
 * Remaining budget by day as an SVG line (no script, no inline style). The page puts the same
 * numbers in a table next to it, so the chart is decoration for screen readers (`aria-hidden`
 * on the drawing, the figure's caption names it).
 */
export function BurnDownChart({ pool, points }: { pool: number; points: DayPoint[] }) {
  const xs = points.length > 1 ? points.length - 1 : 1;
  const x = (i: number) => PAD.left + ((W - PAD.left - PAD.right) * i) / xs;
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - (pool ? v / pool : 0));
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(pool - p.committed).toFixed(1)}`).join(' ');
  return (
    <svg class="app-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={sm('admin.chart.label')}>
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} stroke="#333" />
      <line x1={PAD.left} y1={H - PAD.bottom} x2={W - PAD.right} y2={H - PAD.bottom} stroke="#333" />
      <text x={PAD.left - 6} y={PAD.top + 4} text-anchor="end" font-size="12">{yen(pool)}</text>
      <text x={PAD.left - 6} y={H - PAD.bottom} text-anchor="end" font-size="12">0</text>
      {points.length > 0 && (
        <>
          <text x={PAD.left} y={H - PAD.bottom + 18} font-size="12">{points[0]!.date}</text>
          <text x={W - PAD.right} y={H - PAD.bottom + 18} text-anchor="end" font-size="12">{points[points.length - 1]!.date}</text>
          <polyline points={line} fill="none" stroke="#0017c1" stroke-width="3" />
        </>
      )}
    </svg>
  );
}

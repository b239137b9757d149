import { addDays, daysInMonth } from '../../../../platform/calendar/index.js';
import { renderToString } from '../../../../ui/index.js';
import { plm } from '../messages.js';
import type { ScheduleTask } from '../schema.js';
import { isLate } from './queries.js';

const LABEL_W = 260;
const DAY_W = 4;
const ROW_H = 26;
const HEAD_H = 40;

const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;

/** The months the chart spans: from the first task's month to the last one's (and today's, when near). */
export function chartMonths(tasks: Pick<ScheduleTask, 'startsOn' | 'endsOn'>[], today: string): Array<{ first: string; days: number }> {
  const starts = tasks.map((t) => t.startsOn).sort();
  const ends = tasks.map((t) => t.endsOn).sort();
  let from = (starts[0] ?? today).slice(0, 7);
  let to = (ends[ends.length - 1] ?? today).slice(0, 7);
  const month = today.slice(0, 7);
  if (month < from && dayNumber(`${from}-01`) - dayNumber(today) < 62) from = month;
  if (month > to && dayNumber(today) - dayNumber(`${to}-01`) < 62) to = month;
  const out: Array<{ first: string; days: number }> = [];
  for (let m = from; m <= to && out.length < 36; ) {
    const [y, mo] = [Number(m.slice(0, 4)), Number(m.slice(5, 7))];
    out.push({ first: `${m}-01`, days: daysInMonth(y, mo) });
    m = addDays(`${m}-${String(daysInMonth(y, mo)).padStart(2, '0')}`, 1).slice(0, 7);
  }
  return out;
}

/** Geometry shared by the SVG and the PDF: x of a day, the chart's width. */
export function chartScale(tasks: Pick<ScheduleTask, 'startsOn' | 'endsOn'>[], today: string) {
  const months = chartMonths(tasks, today);
  const origin = dayNumber(months[0]!.first);
  const totalDays = months.reduce((n, m) => n + m.days, 0);
  return { months, totalDays, dayOffset: (d: string) => dayNumber(d) - origin, inRange: (d: string) => dayNumber(d) >= origin && dayNumber(d) - origin <= totalDays };
}

/**
 * The schedule as a Gantt chart (SVG, no script, no inline style): a bar per task (its done part
 * darker), a diamond per milestone, late ones red and marked 「遅延」, a dashed line for today. The
 * page puts the same data in a table beside it.
 */
export function GanttChart({ tasks, today, label, standalone = false }: { tasks: ScheduleTask[]; today: string; label: string; standalone?: boolean }) {
  const { months, totalDays, dayOffset, inRange } = chartScale(tasks, today);
  const width = LABEL_W + totalDays * DAY_W + 20;
  const height = HEAD_H + Math.max(tasks.length, 1) * ROW_H + 10;
  const x = (d: string) => LABEL_W + dayOffset(d) * DAY_W;
  let mx = LABEL_W;
  return (
    <svg xmlns={standalone ? 'http://www.w3.org/2000/svg' : undefined} class="app-chart" viewBox={`0 0 ${width} ${height}`} width={standalone ? width : undefined} height={standalone ? height : undefined} role="img" aria-label={label} font-family="sans-serif">
      <title>{label}</title>
      {months.map((m) => {
        const x0 = mx;
        mx += m.days * DAY_W;
        return (
          <g>
            <line x1={x0} y1={HEAD_H - 18} x2={x0} y2={height - 10} stroke="#ccc" />
            <text x={x0 + 4} y={HEAD_H - 24} font-size="12" fill="#333">{`${Number(m.first.slice(5, 7))}月`}</text>
            {m.first.endsWith('-01-01') || x0 === LABEL_W ? (
              <text x={x0 + 4} y={12} font-size="11" fill="#555">{`${m.first.slice(0, 4)}年`}</text>
            ) : null}
          </g>
        );
      })}
      <line x1={LABEL_W} y1={HEAD_H - 4} x2={width - 20} y2={HEAD_H - 4} stroke="#333" />
      {tasks.map((t, i) => {
        const y = HEAD_H + i * ROW_H;
        const late = isLate(t, today);
        const colour = late ? '#ce0000' : t.progress >= 100 ? '#197a4b' : '#0017c1';
        const title = `${t.title}${late ? `（${plm('status.late')}）` : ''}`;
        return (
          <g>
            <text x={6} y={y + 17} font-size="12" fill={late ? '#ce0000' : '#1a1a1a'}>{title.length > 22 ? `${title.slice(0, 21)}…` : title}</text>
            {t.milestone ? (
              <polygon points={`${x(t.endsOn) + 2},${y + 5} ${x(t.endsOn) + 10},${y + 13} ${x(t.endsOn) + 2},${y + 21} ${x(t.endsOn) - 6},${y + 13}`} fill={colour} />
            ) : (
              <>
                <rect x={x(t.startsOn)} y={y + 6} width={Math.max((dayOffset(t.endsOn) - dayOffset(t.startsOn) + 1) * DAY_W, 2)} height={14} fill="#fff" stroke={colour} />
                <rect x={x(t.startsOn)} y={y + 6} width={((dayOffset(t.endsOn) - dayOffset(t.startsOn) + 1) * DAY_W * t.progress) / 100} height={14} fill={colour} />
              </>
            )}
            {late ? (
              <text x={x(t.endsOn) + 14} y={y + 17} font-size="11" fill="#ce0000">{plm('schedule.late')}</text>
            ) : null}
          </g>
        );
      })}
      {inRange(today) ? (
        <g>
          <line x1={x(today)} y1={HEAD_H - 14} x2={x(today)} y2={height - 10} stroke="#ce0000" stroke-dasharray="4 3" stroke-width="2" />
          <text x={x(today) + 3} y={HEAD_H - 8} font-size="10" fill="#ce0000">{plm('schedule.today')}</text>
        </g>
      ) : null}
    </svg>
  );
}

/** The chart as a standalone SVG document (the API's schedule.svg). */
export async function ganttSvg(tasks: ScheduleTask[], today: string, label: string): Promise<string> {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${await renderToString(<GanttChart tasks={tasks} today={today} label={label} standalone />)}`;
}

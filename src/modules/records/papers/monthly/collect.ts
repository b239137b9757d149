import { addDays, daysInMonth } from '../../../../platform/calendar/index.js';
import type { Deps } from '../../../../platform/deps.js';
import { errorFields, log } from '../../../../platform/log/index.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { papersMessages, pp, type PapersMessageKey } from '../messages.js';
import type { ReportFigure } from '../schema.js';

/**
 * Every installed module's figures for `month` (the manifest slot `monthlyFigures`), in the order
 * the modules are installed. A module whose figures fail is left out and logged (no personal data:
 * the module's name and the error's message) and shown as not available, rather than the report not being made.
 */
export async function collectFigures(deps: Deps, program: Program, month: string): Promise<ReportFigure[]> {
  const out: ReportFigure[] = [];
  for (const m of deps.modules.modules) {
    if (!m.monthlyFigures) continue;
    try {
      for (const f of await m.monthlyFigures(deps, program, month)) out.push({ module: m.name, label: f.label, value: f.value });
    } catch (e) {
      log.error('monthly figures failed', { module: m.name, ...errorFields(e) });
      out.push({ module: m.name, label: pp('monthly.failed'), value: '—' });
    }
  }
  return out;
}

/** The Japanese name of a module's section on the report. */
export function moduleTitle(name: string): string {
  const key = `module.${name}` as PapersMessageKey;
  return (papersMessages.keys as readonly string[]).includes(key) ? pp(key) : name;
}

/** The first and last day of a month (YYYY-MM). */
export function monthRange(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  return { from, to: addDays(from, daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))) - 1) };
}

/** The month before the one `today` (YYYY-MM-DD) falls in. */
export function previousMonth(today: string): string {
  return addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
}

import type { A11yResult } from '../schema.js';
import { compareCriteria, criterionOfAxeTag } from './criteria.js';

/** What axe reports of one rule (only what the runner reads of axe-core's `AxeResults`). */
export interface AxeRule {
  id: string;
  tags: string[];
  nodes: readonly unknown[];
}

/** axe's answer for one page. */
export interface AxePageReport {
  violations: readonly AxeRule[];
  passes: readonly AxeRule[];
  inapplicable: readonly AxeRule[];
}

/** Loads one URL and runs axe on it: headless Chromium in production, a fake in unit tests. */
export type PageLoader = (url: string) => Promise<AxePageReport>;

export interface CriterionOutcome {
  criterion: string;
  result: A11yResult;
  note: string;
}

export interface PageOutcome {
  url: string;
  results: CriterionOutcome[];
}

/**
 * One page's results per success criterion, from axe's rules and their WCAG tags: a criterion
 * fails when any rule tagged with it found a violation (the note names the rules and how many
 * elements), passes when a rule tagged with it passed, and is not applicable when its rules found
 * nothing to check. Criteria no axe rule covers are left out: they need a person.
 */
export function outcomesOfReport(report: AxePageReport): CriterionOutcome[] {
  const cells = new Map<string, { result: A11yResult; rules: string[] }>();
  const mark = (rules: readonly AxeRule[], result: A11yResult) => {
    for (const rule of rules) {
      for (const criterion of new Set(rule.tags.map(criterionOfAxeTag).filter((c): c is string => c !== null))) {
        const cell = cells.get(criterion);
        const label = result === 'fail' ? `${rule.id} (${rule.nodes.length})` : rule.id;
        if (!cell) cells.set(criterion, { result, rules: [label] });
        else if (cell.result === result) cell.rules.push(label);
        // fail beats pass beats not applicable: the stronger finding stays.
        else if (rank(result) > rank(cell.result)) cells.set(criterion, { result, rules: [label] });
      }
    }
  };
  mark(report.violations, 'fail');
  mark(report.passes, 'pass');
  mark(report.inapplicable, 'na');
  return [...cells.entries()]
    .sort(([a], [b]) => compareCriteria(a, b))
    .map(([criterion, { result, rules }]) => ({ criterion, result, note: `axe: ${rules.join(', ')}`.slice(0, 1000) }));
}

const rank = (r: A11yResult) => (r === 'fail' ? 2 : r === 'pass' ? 1 : 0);

/** Runs axe over every URL, one after the other (a failure to load one stops the run). */
export async function runAxeOver(urls: readonly string[], load: PageLoader): Promise<PageOutcome[]> {
  const pages: PageOutcome[] = [];
  for (const url of urls) pages.push({ url, results: outcomesOfReport(await load(url)) });
  return pages;
}

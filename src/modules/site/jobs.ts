import { systemActor } from '../../platform/audit/index.js';
import { tokyoDate } from '../../platform/calendar/index.js';
import { runCommand } from '../../platform/command.js';
import type { Deps } from '../../platform/deps.js';
import type { JobHandler } from '../../platform/jobs/worker.js';
import { errorFields, log } from '../../platform/log/index.js';
import { findProgramById } from '../../platform/programs/queries.js';
import { runAxeOver, type PageLoader } from './a11y/axe-runner.js';
import { A11yRunError, axeVersion, withChromiumLoader } from './a11y/chromium.js';
import { publicPageUrls } from './a11y/public-urls.js';
import { A11Y_RUN_JOB, failA11yRun, recordA11yRun, startA11yRun } from './commands/a11y-tests.js';
import { sam } from './messages.js';
import { findA11yRun } from './a11y-queries.js';

/** Opens a page loader for the length of `fn` (headless Chromium; a fake in tests). */
export type LoaderOpener = <T>(fn: (load: PageLoader) => Promise<T>) => Promise<T>;

const actor = () => systemActor('job:site.a11y');

/**
 * Carries out an automated accessibility run: every public page type through `open`'s loader,
 * recorded as a draft test (checker 'axe-core x.y.z'). Whatever goes wrong is recorded on the run
 * in Japanese; the job itself never fails (a run is not retried: the operator starts another).
 */
export async function performA11yRun(deps: Deps, runId: number, open: LoaderOpener = (fn) => withChromiumLoader(fn), checker = `axe-core ${axeVersion()}`): Promise<void> {
  const run = await findA11yRun(deps.db, runId);
  if (!run) return;
  const program = await findProgramById(deps.db, run.programId);
  if (!program) return;
  if (!(await runCommand(deps, actor(), (ctx) => startA11yRun(ctx, runId)))) return;
  try {
    const urls = await publicPageUrls(deps, program, deps.config.publicBaseUrl);
    const pages = await open((load) => runAxeOver(urls, load));
    await runCommand(deps, actor(), (ctx) => recordA11yRun(ctx, program.id, runId, { testedOn: tokyoDate(ctx.now), checker, pages }));
  } catch (e) {
    const message = e instanceof A11yRunError ? e.message : sam('a11y.runFailed');
    if (!(e instanceof A11yRunError)) log.warn('accessibility run failed', { runId, ...errorFields(e) });
    await runCommand(deps, actor(), (ctx) => failA11yRun(ctx, program.id, runId, message));
  }
}

const a11yRunJob: JobHandler = async ({ deps, job }) => {
  const runId = Number(job.payload.runId);
  if (Number.isSafeInteger(runId)) await performA11yRun(deps, runId);
};

export const siteJobHandlers: Record<string, JobHandler> = { [A11Y_RUN_JOB]: a11yRunJob };

import { AppError } from '../../../platform/errors/index.js';
import { formatJaDate } from '../../../platform/calendar/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { applicationWindow, campaignConfig } from '../config.js';
import { cm } from '../messages.js';

/** Japanese sentence for the window's state (shown on the form and in 409 answers). */
export function windowMessage(program: Program, now: Date): string {
  const cfg = campaignConfig(program);
  const w = applicationWindow(cfg, now);
  if (w.open) return cm('windowOpen', { opens: cfg.applicationOpens ? formatJaDate(cfg.applicationOpens) : '', closes: cfg.applicationCloses ? formatJaDate(cfg.applicationCloses) : '' });
  if (w.reason === 'not-yet') return cm('windowNotYet', { date: formatJaDate(cfg.applicationOpens!) });
  if (w.reason === 'campaign-started') return cm('windowCampaignStarted');
  if (w.reason === 'closed') return cm('windowClosed');
  return cm('windowNotConfigured');
}

/** Throws `window-closed` (409) unless applications are accepted now. */
export function assertWindowOpen(program: Program, now: Date): void {
  if (!applicationWindow(campaignConfig(program), now).open) throw new AppError('window-closed', windowMessage(program, now));
}

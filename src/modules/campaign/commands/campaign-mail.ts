import { programSetting } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { cm, type CampaignMessageKey } from '../messages.js';

/** 【program name】 and the subject's text. */
export function campaignMailSubject(program: Program, key: CampaignMessageKey): string {
  return cm('mailSubject', { program: program.name, subject: cm(key) });
}

/**
 * The body followed by the secretariat's signature: the program's name and, when set, its
 * contact phone and address (`contactPhone`, `contactEmail`), so every campaign mail names the
 * campaign it is about and where to ask, whatever program sends it.
 */
export function campaignMailText(program: Program, key: CampaignMessageKey, params?: Record<string, string | number>): string {
  const lines = [cm(key, params), '', '―――', cm('mailSecretariat', { program: program.name })];
  const phone = programSetting<string>(program, 'contactPhone', '');
  const email = programSetting<string>(program, 'contactEmail', '');
  if (phone) lines.push(cm('mailPhone', { phone }));
  if (email) lines.push(cm('mailEmail', { email }));
  return lines.join('\n');
}

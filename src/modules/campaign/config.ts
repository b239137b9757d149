import { tokyoDate } from '../../platform/calendar/index.js';
import { programSetting } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';

export const DEFAULT_FEATURES = ['駐車場あり', '温泉・大浴場', '朝食付きプラン', 'バリアフリー対応', 'ペット可', '駅から徒歩5分以内', '外国語対応', 'Wi-Fi'];

/** The campaign settings of a program, with their defaults. */
export interface CampaignConfig {
  applicationOpens: string | null;
  applicationCloses: string | null;
  campaignStarts: string | null;
  campaignEnds: string | null;
  registryDeadline: string | null;
  termsText: string;
  manualText: string;
  requiredAttachments: Array<'license' | 'photo'>;
  features: string[];
  /** English names of features set by the program (`facilityFeaturesEn`), by the Japanese name. */
  featuresEn: Record<string, string>;
  /** Set by an admin's re-opening (with a reason); wins over the window until this day. */
  reopenedUntil: string | null;
}

export function campaignConfig(program: Program): CampaignConfig {
  return {
    applicationOpens: programSetting<string | null>(program, 'applicationOpens', null),
    applicationCloses: programSetting<string | null>(program, 'applicationCloses', null),
    campaignStarts: programSetting<string | null>(program, 'campaignStarts', null),
    campaignEnds: programSetting<string | null>(program, 'campaignEnds', null),
    registryDeadline: programSetting<string | null>(program, 'registryDeadline', null),
    termsText: programSetting(program, 'termsText', ''),
    manualText: programSetting(program, 'manualText', ''),
    requiredAttachments: programSetting<Array<'license' | 'photo'>>(program, 'requiredAttachments', ['license']),
    features: programSetting<string[]>(program, 'facilityFeatures', DEFAULT_FEATURES),
    featuresEn: programSetting<Record<string, string>>(program, 'facilityFeaturesEn', {}),
    reopenedUntil: programSetting<string | null>(program, 'applicationsReopenedUntil', null),
  };
}

export type WindowState = { open: true } | { open: false; reason: 'not-configured' | 'not-yet' | 'closed' | 'campaign-started' };

/**
 * Whether applications are accepted on `now` (Tokyo calendar day). The window is
 * [applicationOpens, applicationCloses] inclusive and ends in any case the day before the
 * campaign starts; an admin's re-opening keeps it open until its own end day.
 */
export function applicationWindow(cfg: CampaignConfig, now: Date): WindowState {
  const today = tokyoDate(now);
  if (cfg.reopenedUntil && today <= cfg.reopenedUntil) return { open: true };
  if (!cfg.applicationOpens || !cfg.applicationCloses) return { open: false, reason: 'not-configured' };
  if (today < cfg.applicationOpens) return { open: false, reason: 'not-yet' };
  if (cfg.campaignStarts && today >= cfg.campaignStarts) return { open: false, reason: 'campaign-started' };
  if (today > cfg.applicationCloses) return { open: false, reason: 'closed' };
  return { open: true };
}

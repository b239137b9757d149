import { programSetting } from '../../platform/programs/queries.js';
import type { Program } from '../../platform/programs/schema.js';

/** The event's settings with their defaults, read from the program. */
export interface EventConfig {
  eventDate: string | null;
  startTime: string;
  endTime: string;
  registrationOpens: string | null;
  registrationCloses: string | null;
  capacity: number;
  /** Null: no limit. */
  onlineCapacity: number | null;
  onlineEnabled: boolean;
  onlineUrl: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  venueName: string;
  venueNameEn: string;
  venueAddress: string;
  venueAccess: string;
  venueAccessEn: string;
  venueAccessibility: string;
  venueAccessibilityEn: string;
  applyEmail: string;
  applyFax: string;
  contactPhone: string;
  contactEmail: string;
  reminderDaysBefore: number;
  groupSize: number;
}

export function eventConfig(p: Program): EventConfig {
  const s = <T>(key: string, fallback: T) => programSetting<T>(p, key, fallback);
  return {
    eventDate: s<string | null>('eventDate', null),
    startTime: s('startTime', '14:00'),
    endTime: s('endTime', '16:00'),
    registrationOpens: s<string | null>('registrationOpens', null),
    registrationCloses: s<string | null>('registrationCloses', null),
    capacity: s('capacity', 60),
    onlineCapacity: s<number | null>('onlineCapacity', null),
    onlineEnabled: s('onlineEnabled', true),
    onlineUrl: s('onlineUrl', ''),
    titleEn: s('titleEn', ''),
    summary: s('summary', ''),
    summaryEn: s('summaryEn', ''),
    venueName: s('venueName', 'せんだいメディアテーク 1階 オープンスクエア'),
    venueNameEn: s('venueNameEn', 'Sendai Mediatheque, 1F Open Square'),
    venueAddress: s('venueAddress', '仙台市青葉区春日町2-1'),
    venueAccess: s('venueAccess', ''),
    venueAccessEn: s('venueAccessEn', ''),
    venueAccessibility: s('venueAccessibility', ''),
    venueAccessibilityEn: s('venueAccessibilityEn', ''),
    applyEmail: s('applyEmail', s('contactEmail', '')),
    applyFax: s('applyFax', ''),
    contactPhone: s('contactPhone', ''),
    contactEmail: s('contactEmail', ''),
    reminderDaysBefore: s('reminderDaysBefore', 3),
    groupSize: s('groupSize', 6),
  };
}

/** Whether the Tokyo calendar day `day` lies in the registration window; an unset bound is open. */
export function isWithinWindow(cfg: EventConfig, day: string): boolean {
  if (cfg.registrationOpens && day < cfg.registrationOpens) return false;
  if (cfg.registrationCloses && day > cfg.registrationCloses) return false;
  return true;
}

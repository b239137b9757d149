import type { Program } from '../../../../platform/programs/schema.js';
import type { PapersMessageKey } from '../messages.js';
import type { HonorariumRole } from '../schema.js';

/** A budget line the seed fixes (000 §6(1)ケ–サ), in integer yen. */
export interface LinePreset {
  key: 'venue' | 'lecturer' | 'presenters' | 'facilitation';
  name: PapersMessageKey;
  note: PapersMessageKey;
  budget: number;
}

/** The exchange meeting's fixed items: venue 70,000; lecturer 50,000–100,000 (the upper bound); 10,000 per group × 3. */
const EVENT_LINES: LinePreset[] = [
  { key: 'venue', name: 'line.venue', note: 'line.note.venue', budget: 70_000 },
  { key: 'lecturer', name: 'line.lecturer', note: 'line.note.lecturer', budget: 100_000 },
  { key: 'presenters', name: 'line.presenters', note: 'line.note.presenters', budget: 30_000 },
  { key: 'facilitation', name: 'line.facilitation', note: 'line.note.facilitation', budget: 0 },
];

export function linePresetsFor(kind: Program['kind']): LinePreset[] {
  return kind === 'event' ? EVENT_LINES : [];
}

/** The preset line an honorarium of each role is booked on when none is chosen. */
export const ROLE_LINE: Record<HonorariumRole, LinePreset['key']> = {
  lecturer: 'lecturer',
  presenter: 'presenters',
  mc: 'facilitation',
  facilitator: 'facilitation',
};

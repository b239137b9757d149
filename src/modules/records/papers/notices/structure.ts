import { createHash } from 'node:crypto';
import type { Conn } from '../../../../db/client.js';
import type { Program } from '../../../../platform/programs/schema.js';
import { listStaff } from '../../../privacy/index.js';
import { settingText } from '../settings.js';

export interface StaffLine {
  name: string;
  kind: 'officer' | 'manager' | 'worker';
  affiliation: string;
}

/** The delivery structure a notice states: the lead person and the staff the City approved. */
export interface DeliveryStructure {
  leadPerson: string;
  staff: StaffLine[];
}

/** The structure as it stands now (the lead person from the settings, the roster from privacy). */
export async function currentStructure(conn: Conn, program: Program): Promise<DeliveryStructure> {
  const staff = (await listStaff(conn, program.id))
    .filter((s) => s.status === 'approved')
    .map((s) => ({ name: s.name, kind: s.kind, affiliation: s.affiliation }));
  return { leadPerson: settingText(program, 'leadPerson'), staff };
}

/**
 * A digest of the structure, stored with each notice: a later digest that differs means the lead
 * person or the roster changed since (the order of the roster does not matter).
 */
export function structureFingerprint(s: DeliveryStructure): string {
  const staff = s.staff.map((x) => `${x.kind}\u0000${x.name}\u0000${x.affiliation}`).sort();
  return createHash('sha256').update(JSON.stringify([s.leadPerson, staff])).digest('hex').slice(0, 32);
}

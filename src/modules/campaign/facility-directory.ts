/**
 * What other modules may read of the facility register, and the one thing they may change in it
 * (the public 販売終了 mark). Exported by index.ts; nothing here is for campaign's own pages.
 *
 * Reads that need SQL of their own (a join, a report, a one-statement hot path) use the
 * `facility_directory` view (schema.ts) instead of the table.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Conn } from '../../db/client.js';
import { facilities, facilityDirectory, facilityEntryColumns, type FacilityEntry, type FacilityProfile } from './schema.js';

/**
 * The directory's columns, qualified by the view, for a select that joins it:
 * `select({ facility: facilityDirectoryColumns(), … })` (drizzle cannot select a view as one field).
 */
export function facilityDirectoryColumns() {
  const v = facilityDirectory;
  return { id: v.id, programId: v.programId, name: v.name, registrationNumber: v.registrationNumber, registeredOn: v.registeredOn, status: v.status, soldOutOn: v.soldOutOn };
}

/** A facility of the register, by id (any program). */
export async function findFacilityEntry(conn: Conn, facilityId: number): Promise<FacilityEntry | undefined> {
  const [row] = await conn.select().from(facilityDirectory).where(eq(facilityDirectory.id, facilityId));
  return row;
}

/** Those of the ids that are facilities of the program (in no particular order). */
export async function facilityEntriesOf(conn: Conn, programId: number, facilityIds: number[]): Promise<FacilityEntry[]> {
  if (!facilityIds.length) return [];
  return conn
    .select()
    .from(facilityDirectory)
    .where(and(eq(facilityDirectory.programId, programId), inArray(facilityDirectory.id, facilityIds)));
}

/** id and name of each facility of a program, by id (for filters and pickers). */
export async function facilityNamesOf(conn: Conn, programId: number): Promise<Array<{ id: number; name: string }>> {
  return conn.select({ id: facilityDirectory.id, name: facilityDirectory.name }).from(facilityDirectory).where(eq(facilityDirectory.programId, programId)).orderBy(facilityDirectory.id);
}

/**
 * Locks a facility of the program for the caller's transaction and reads it: `no key update`
 * for a change that only needs the facility to stay put (rows that reference it may still be
 * written), `update` for one that changes the facility. Undefined when the program has no such
 * facility.
 */
export async function lockFacilityEntry(conn: Conn, programId: number, facilityId: number, strength: 'update' | 'no key update'): Promise<FacilityEntry | undefined> {
  const [row] = await conn
    .select(facilityEntryColumns)
    .from(facilities)
    .where(and(eq(facilities.id, facilityId), eq(facilities.programId, programId)))
    .for(strength);
  return row;
}

/** A facility's public fields: what the public site lists, searches and publishes as open data. */
export interface PublicFacility {
  id: number;
  name: string;
  nameKana: string;
  /** The English name ('' when the facility gave none). */
  nameEn: string;
  type: string;
  ward: string;
  postalCode: string;
  address: string;
  phone: string;
  website: string;
  rooms: number | null;
  features: string[];
  description: string;
  soldOutOn: string | null;
}

/** The public fields of a program's registered facilities (suspended and withdrawn ones are not listed), by id. */
export async function listPublicFacilities(conn: Conn, programId: number): Promise<PublicFacility[]> {
  return conn
    .select({
      id: facilities.id,
      name: facilities.name,
      nameKana: facilities.nameKana,
      nameEn: facilities.nameEn,
      type: facilities.type,
      ward: facilities.ward,
      postalCode: facilities.postalCode,
      address: facilities.address,
      phone: facilities.phone,
      website: facilities.url,
      rooms: facilities.rooms,
      features: facilities.features,
      description: facilities.description,
      soldOutOn: facilities.soldOutOn,
    })
    .from(facilities)
    .where(and(eq(facilities.programId, programId), eq(facilities.status, 'registered')))
    .orderBy(asc(facilities.id));
}

/**
 * Sets (a date) or clears (null) a facility's public 販売終了 mark, the one column of the register
 * other modules change: settlement when an allocation runs out or a business stops sales, site
 * when staff mark it by hand. The caller audits the change in its own command. `programId`
 * restricts the change to that program's facility; `updatedAt` also stamps the row as edited.
 */
export async function setFacilitySoldOut(conn: Conn, facilityId: number, soldOutOn: string | null, opts: { programId?: number; updatedAt?: Date } = {}): Promise<void> {
  const where = opts.programId === undefined ? eq(facilities.id, facilityId) : and(eq(facilities.id, facilityId), eq(facilities.programId, opts.programId));
  await conn
    .update(facilities)
    .set(opts.updatedAt ? { soldOutOn, updatedAt: opts.updatedAt } : { soldOutOn })
    .where(where);
}

/**
 * setFacilitySoldOut as SQL text, for another module's one-statement hot path (settlement's
 * reservation, commands/reserve-claim-direct.ts), which cannot afford a second round trip: an
 * UPDATE, to put in a data-modifying CTE, that marks sold out from `dateSql` those of the
 * facilities selected by `idsSql` not marked yet, returning their `id`. Both arguments are SQL
 * of the caller's statement (a subquery, a parameter), never data.
 */
export function soldOutMarkStatement(idsSql: string, dateSql: string): string {
  return `update facilities f set sold_out_on = ${dateSql} where f.id in (${idsSql}) and f.sold_out_on is null returning f.id`;
}

/** A facility as loaded from a list (the demo's, an import): its public profile and registration. */
export type NewFacility = FacilityProfile & { registrationNumber: string; registeredOn: string };

/** Adds registered facilities to a program without an application (seeding); their ids, in order. */
export async function insertRegisteredFacilities(conn: Conn, programId: number, rows: NewFacility[]): Promise<number[]> {
  if (!rows.length) return [];
  const inserted = await conn
    .insert(facilities)
    .values(rows.map((r) => ({ ...r, programId })))
    .returning({ id: facilities.id });
  return inserted.map((r) => r.id).sort((a, b) => a - b);
}

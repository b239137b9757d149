import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { programs } from '../programs/schema.js';

export const FACILITY_TYPES = ['hotel', 'ryokan', 'simple', 'other'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];
export const WARDS = ['青葉区', '宮城野区', '若林区', '太白区', '泉区'] as const;
export type Ward = (typeof WARDS)[number];

/**
 * A registered accommodation facility (登録施設). Its public fields are not personal data; the
 * operator's contact and bank data live with the application, sealed in the vault.
 */
export const facilities = pgTable(
  'facilities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    programId: integer('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    nameKana: text('name_kana').notNull(),
    type: text('type', { enum: FACILITY_TYPES }).notNull(),
    postalCode: text('postal_code').notNull(),
    address: text('address').notNull(),
    ward: text('ward', { enum: WARDS }).notNull(),
    phone: text('phone').notNull().default(''),
    url: text('url').notNull().default(''),
    rooms: integer('rooms'),
    features: jsonb('features').$type<string[]>().notNull().default([]),
    description: text('description').notNull().default(''),
    registrationNumber: text('registration_number'),
    registeredOn: date('registered_on'),
    status: text('status', { enum: ['registered', 'suspended', 'withdrawn'] }).notNull().default('registered'),
    soldOutOn: date('sold_out_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('facilities_program').on(t.programId, t.status),
    uniqueIndex('facilities_registration_number').on(t.programId, t.registrationNumber).where(sql`${t.registrationNumber} is not null`),
  ],
);

export type Facility = typeof facilities.$inferSelect;

import { papersPart } from './papers/part.js';
import { planPart } from './plan/part.js';
import { assembleRecords } from './parts.js';
import * as schema from './schema.js';

/**
 * Project records (seed 000 §4, §7, §12; 002 §9): the work schedule, meetings and minutes, the
 * contract's notices, monthly progress reports and the program's own accounts.
 */
export const recordsModule = assembleRecords(schema, [planPart, papersPart]);

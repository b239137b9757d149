import type { RecordsPart } from '../parts.js';

/** The papers (#18 items 3–5): contract notices, the monthly progress report, the program's accounts. */
export const papersPart: RecordsPart = {};

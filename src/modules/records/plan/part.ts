import type { RecordsPart } from '../parts.js';

/** The plan (#18 items 1–2): schedule with its Gantt chart, meetings and minutes. */
export const planPart: RecordsPart = {};

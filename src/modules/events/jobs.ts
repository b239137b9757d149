import type { Schedule } from '../../platform/jobs/schedule.js';
import type { JobHandler } from '../../platform/jobs/worker.js';

export const eventsJobHandlers: Record<string, JobHandler> = {};
export const eventsSchedules: Schedule[] = [];

import type { Schedule } from '../../platform/jobs/schedule.js';
import type { JobHandler } from '../../platform/jobs/worker.js';

export const campaignJobHandlers: Record<string, JobHandler> = {};
export const campaignSchedules: Schedule[] = [];

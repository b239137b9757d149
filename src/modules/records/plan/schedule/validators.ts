import { z } from 'zod';
import { isIsoDate } from '../../../../platform/calendar/index.js';
import { plm } from '../messages.js';
import { TASK_OWNER_ROLES } from '../schema.js';

const date = z.string().trim().refine(isIsoDate, plm('err.date'));
const flag = z.union([z.boolean(), z.literal('on'), z.literal('true'), z.literal(''), z.literal('false')]).optional().transform((v) => v === true || v === 'on' || v === 'true');

/** A task of the schedule, from the back-office form (strings) or a caller (numbers and booleans). */
export const taskSchema = z
  .object({
    title: z.string().trim().min(1, plm('err.title')).max(200, plm('err.title')),
    startsOn: date,
    endsOn: date,
    milestone: flag,
    owner: z.enum(TASK_OWNER_ROLES, { message: plm('err.required') }).default('contractor'),
    ownerName: z.string().trim().max(100).default(''),
    progress: z.coerce.number({ message: plm('err.progress') }).int(plm('err.progress')).min(0, plm('err.progress')).max(100, plm('err.progress')).default(0),
    dependsOn: z.array(z.coerce.number().int().positive(plm('err.deps'))).max(50).default([]),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn > v.endsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: plm('err.order') });
  })
  .transform((v) => (v.milestone ? { ...v, startsOn: v.endsOn } : v));
export type TaskInput = z.output<typeof taskSchema>;

import { Hono } from 'hono';
import type { AppEnv } from '../../../../platform/http/env.js';
import type { ModuleRoutes } from '../../../../platform/module/manifest.js';
import { planApi } from './api.js';
import { meetingsAdmin } from './meetings.js';
import { scheduleAdmin } from './schedule.js';

const admin = new Hono<AppEnv>();
admin.route('/', scheduleAdmin);
admin.route('/', meetingsAdmin);

export const planRoutes: ModuleRoutes = { admin, api: planApi };

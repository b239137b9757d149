import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';

/** Back-office pages (see admin-*.tsx). */
export const deliverablesAdmin = new Hono<AppEnv>();

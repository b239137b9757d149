import { z } from 'zod';
import { ROLES } from '../schema.js';
import { authMessages as m } from './messages.js';

/** The sign-in API's body (api.ts parses it; the OpenAPI document is generated from it). */
export const LoginBody = z.object({
  email: z.string().min(1, m('ja', 'emailRequired')),
  password: z.string().min(1, m('ja', 'passwordRequired')),
});

/** `GET /api/v1/me`: the caller; a role's program is null for the installation-wide admin. */
export const MeAnswer = z.object({
  email: z.string(),
  roles: z.array(z.object({ program: z.string().nullable().meta({ description: '事業の slug。システム全体の admin は null' }), role: z.enum(ROLES) })),
});

/** `POST /api/v1/login`: who signed in and which second factor follows (none, verify at /mfa, enrol). */
export const LoginAnswer = z.object({
  email: z.string(),
  secondFactor: z.enum(['none', 'verify', 'enrol']).meta({ description: 'none: 不要、verify: /mfa で確認、enrol: /mfa で登録' }),
});

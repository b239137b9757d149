import { z } from 'zod';
import { REGISTRATION_STATUSES } from '../schema.js';

/**
 * The answers of the events API (api.ts types them with these; the OpenAPI document, ./openapi.ts,
 * is generated from them). The registration body is validators.ts's registrationSchema, shared
 * with the web form and the back-office entry form.
 */
export const RegisteredAnswer = z.object({
  id: z.number().int(),
  number: z.number().int().meta({ description: '受付番号' }),
  status: z.enum(REGISTRATION_STATUSES).meta({ description: 'confirmed: 参加確定、waitlisted: キャンセル待ち' }),
});

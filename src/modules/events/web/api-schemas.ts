import { z } from 'zod';
import { REGISTRATION_STATUSES } from '../schema.js';

/**
 * The answers of the events API (api.ts types them with these; the OpenAPI document, ./openapi.ts,
 * is generated from them). Lists from schema.ts are read lazily: drizzle-kit loads schema.ts first,
 * and it may reach this file through the modules' manifests before its constants exist. The registration body is validators.ts's registrationSchema, shared
 * with the web form and the back-office entry form.
 */
export const RegisteredAnswer = z.object({
  id: z.number().int(),
  number: z.number().int().meta({ description: '受付番号' }),
  status: z.lazy(() => z.enum(REGISTRATION_STATUSES)).meta({ description: 'confirmed: 参加確定、waitlisted: キャンセル待ち' }),
});

import { z } from 'zod';
import { cm } from '../messages.js';
import { APPLICATION_CHANNELS, APPLICATION_STATUSES } from '../schema.js';
import { decisionSchema } from '../validators.js';

/**
 * The campaign API's bodies and answers: api.ts parses with these and types its answers with
 * them, and the OpenAPI document (./openapi.ts) is generated from them. The application body
 * itself is validators.ts's applicationSchema, shared with the web form and the import.
 *
 * Lists from schema.ts are read lazily: drizzle-kit loads schema.ts files first, and one may
 * reach this file through the modules' manifests before its constants exist.
 */
const status = () => z.lazy(() => z.enum(APPLICATION_STATUSES));

/**
 * `POST /applications/{id}/decisions`: the decision (shared with the back office) and, optionally,
 * the status the client last saw: a decision on an application changed since is refused (409).
 */
export const decisionRequestSchema = decisionSchema.safeExtend({
  seenStatus: z
    .lazy(() => z.enum(APPLICATION_STATUSES, { message: cm('errSeenStatus') }))
    .optional()
    .meta({ description: '判断の前に取得した申請の status。その後に状態が変わっていれば 409 conflict で拒否' }),
});

/** `POST /programs/{slug}/applications`: the receipt. */
export const SubmittedAnswer = z.object({
  id: z.number().int(),
  number: z.string().nullable().meta({ description: '申請番号（例 A-000012）' }),
  status: status(),
});

/** An application as the API shows it: public facility fields and the review state, no personal data. */
export const ApplicationAnswer = z.object({
  id: z.number().int(),
  number: z.string().nullable().meta({ description: '申請番号' }),
  status: status(),
  channel: z.lazy(() => z.enum(APPLICATION_CHANNELS)).meta({ description: 'web: 申請フォーム、api: この API、staff: 事務局の代行' }),
  facility: z.record(z.string(), z.unknown()).meta({ description: '施設の公開情報（申請の facility と同じ項目）' }),
  license: z.object({ number: z.string().nullable(), issuedOn: z.string().nullable().meta({ format: 'date' }) }).meta({ description: '旅館業許可' }),
  submittedAt: z.string().nullable().meta({ format: 'date-time' }),
  decidedAt: z.string().nullable().meta({ format: 'date-time' }),
  reason: z.string().nullable().meta({ description: '最後の判断の理由' }),
  cityQuestion: z.string().nullable().meta({ description: '発注者（City）への照会' }),
  cityAnswer: z.string().nullable().meta({ description: 'City の回答' }),
  cityRecommendation: z.string().nullable().meta({ enum: ['approve', 'reject', 'return', null], description: 'City の推奨' }),
  facilityId: z.number().int().nullable().meta({ description: '承認で登録した施設の ID' }),
  registrationNumber: z.string().nullable().meta({ description: '登録番号' }),
  registeredOn: z.string().nullable().meta({ format: 'date', description: '登録日' }),
});
export type ApplicationAnswer = z.infer<typeof ApplicationAnswer>;

export const ApplicationList = z.object({ applications: z.array(ApplicationAnswer) });

import { z } from 'zod';

const status = z.enum(['planned', 'in-proof', 'approved', 'delivered']);

export const DeliverableItem = z.object({
  id: z.number().int().meta({ description: '成果物の ID' }),
  key: z.string().meta({ description: '仕様書の項目キー（flyer, event-report など）' }),
  title: z.string(),
  dueOn: z.string().nullable().meta({ description: '納期（YYYY-MM-DD、未設定は null）' }),
  status: status.meta({ description: 'planned 未着手 / in-proof 校正中 / approved 校了 / delivered 納品済み' }),
  requiredRounds: z.number().int().meta({ description: '校了までに必要な校正回数' }),
  rounds: z.number().int().meta({ description: '送った校正の回数' }),
  latestVersion: z.number().int().nullable().meta({ description: '最新の版の番号（なければ null）' }),
});
export const DeliverableList = z.object({ items: z.array(DeliverableItem) });

export const VersionAnswer = z.object({
  version: z.object({
    number: z.number().int().meta({ description: '版の番号（1から）' }),
    filename: z.string(),
    contentType: z.string().meta({ description: '内容から判定した形式' }),
    size: z.number().int(),
    sha256: z.string(),
    note: z.string(),
    createdAt: z.string(),
  }),
});

export const RoundAnswer = z.object({
  round: z.object({
    number: z.number().int().meta({ description: '校正の回（1から）' }),
    version: z.number().int().meta({ description: '送った版の番号' }),
    sentAt: z.string(),
    decision: z.enum(['comments', 'approve']).nullable(),
    answeredAt: z.string().nullable(),
    reason: z.string().nullable(),
  }),
});

export const DeliveryAnswer = z.object({ deliverable: DeliverableItem.extend({ deliveredOn: z.string().nullable(), form: z.string().nullable(), quantity: z.number().int().nullable(), receivedAt: z.string().nullable() }) });

export const UploadBody = z.object({
  file: z.string().meta({ description: 'ファイル（PDF・画像・docx/xlsx/pptx・MP4/MOV/WebM。形式は内容で判定、上限は設定 deliverableMaxUploadMb）', format: 'binary' }),
  note: z.string().optional().meta({ description: 'メモ' }),
});

import type { z } from 'zod';
import type { RegisterRow } from '../queries.js';
import type { Deliverable, DeliverableRound, DeliverableVersion } from '../schema.js';
import type { DeliverableItem, DeliveryAnswer, RoundAnswer, VersionAnswer } from './api-schemas.js';

export const itemJson = (d: RegisterRow) =>
  ({ id: d.id, key: d.key, title: d.title, dueOn: d.dueOn, status: d.status, requiredRounds: d.requiredRounds, rounds: d.rounds, latestVersion: d.latestVersion }) satisfies z.infer<typeof DeliverableItem>;

export const versionJson = (v: DeliverableVersion) =>
  ({ version: { number: v.number, filename: v.filename, contentType: v.contentType, size: v.size, sha256: v.sha256, note: v.note, createdAt: v.createdAt.toISOString() } }) satisfies z.infer<typeof VersionAnswer>;

export const roundJson = (r: DeliverableRound, version: number) =>
  ({ round: { number: r.number, version, sentAt: r.sentAt.toISOString(), decision: r.decision, answeredAt: r.answeredAt?.toISOString() ?? null, reason: r.reason } }) satisfies z.infer<typeof RoundAnswer>;

export const deliveryJson = (d: Deliverable, rounds: number, latestVersion: number | null) =>
  ({
    deliverable: { ...itemJson({ ...d, rounds, latestVersion }), deliveredOn: d.deliveredOn, form: d.deliveryForm, quantity: d.deliveryQuantity, receivedAt: d.receivedAt?.toISOString() ?? null },
  }) satisfies z.infer<typeof DeliveryAnswer>;

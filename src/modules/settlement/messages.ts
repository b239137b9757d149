import type { ClaimStatus } from './schema.js';

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  reserved: '予約済み（宿泊前）',
  cancelled: '取消',
  stayed: '実績報告済み（審査待ち）',
  approved: '承認済み',
  rejected: '却下',
  paid: '支払済み',
};

export const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

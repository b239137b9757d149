import { execFileSync } from 'node:child_process';
import { eq } from 'drizzle-orm';
import { systemActor } from '../../src/platform/audit/index.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { runCommand } from '../../src/platform/command.js';
import type { Deps } from '../../src/platform/deps.js';
import { setProgramSettings } from '../../src/platform/programs/commands/set-program-settings.js';

/** The text of a PDF (poppler's pdftotext). */
export function pdfText(bytes: ArrayBuffer | Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(bytes as ArrayBuffer) }).toString('utf8');
}

/** Sets program settings as `program set` does. */
export function setSettings(deps: Deps, slug: string, pairs: Record<string, string>) {
  return runCommand(deps, systemActor('test'), (ctx) => setProgramSettings(ctx, slug, Object.entries(pairs)));
}

/** The audit actions recorded so far, in order. */
export async function auditActions(deps: Deps, action: string) {
  return deps.db.select().from(auditLog).where(eq(auditLog.action, action));
}

/** The contract data a notice needs. */
export const CONTRACT = {
  name: '令和8年度 町内会等の情報交換会運営業務',
  startsOn: '2026-10-01',
  endsOn: '2027-03-31',
  contractor: '株式会社テスト企画',
  contractorAddress: '仙台市青葉区本町一丁目1番1号',
  contractorRepresentative: '代表取締役 試験太郎',
  leadPerson: '主任花子',
};

import type { AuditActionLabel } from './audit/actions.js';
import type { AuditEntry } from './audit/index.js';
import type { CommandContext } from './command.js';
import type { AppError } from './errors/index.js';

/**
 * A module's say over who may see or export a program's personal data (the privacy module's staff
 * roster). The command kit asks every gate of the installation before it records an audited view
 * or export of personal data — the one place all of them pass — so no route can forget it.
 * Null allows; a refusal names the error to throw and the entry that records it.
 */
export type PersonalDataGate = (ctx: CommandContext, programId: number) => Promise<PersonalDataRefusal | null>;

export interface PersonalDataRefusal {
  error: AppError;
  /** Recorded in a transaction of its own, since the refused one rolls back. */
  audit: AuditEntry;
}

/**
 * An audit action records a view or export of personal data when its label says so:
 * explicitly (`personalData: true`) or by the house wording 「…（個人情報）を閲覧」「…（口座情報）を出力」「…（個人情報）を印刷」.
 */
export function isPersonalDataAccess(label: AuditActionLabel | undefined): boolean {
  if (!label) return false;
  if (label.personalData !== undefined) return label.personalData;
  return /（[^）]*(個人情報|口座情報)[^）]*）を(閲覧|出力|印刷)/.test(label.ja);
}

/** Thrown out of the refused transaction so that runCommand can record the refusal after the rollback. */
export class GateRefused extends Error {
  constructor(readonly refusal: PersonalDataRefusal) {
    super('personal data gate refused');
  }
}

/** Runs the gates for each program whose personal data the entries show; throws GateRefused on the first refusal. */
export async function checkPersonalDataGates(ctx: CommandContext, entries: readonly AuditEntry[]): Promise<void> {
  const gates = ctx.deps.modules.personalDataGates;
  if (!gates.length) return;
  const programs = new Set<number>();
  for (const e of entries) {
    if (e.programId != null && isPersonalDataAccess(ctx.deps.modules.auditLabels[e.action])) programs.add(e.programId);
  }
  for (const programId of programs) {
    for (const gate of gates) {
      const refusal = await gate(ctx, programId);
      if (refusal) throw new GateRefused(refusal);
    }
  }
}

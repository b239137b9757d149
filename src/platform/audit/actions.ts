/** A label of one audit action, as City staff read it on the audit page and in its export. */
export interface AuditActionLabel {
  ja: string;
  en: string;
  /**
   * Whether the action records a view or export of personal data (gated by the staff roster).
   * Absent: read from the wording 「…（個人情報）を閲覧／出力」 (platform/personal-data-gate.ts).
   */
  personalData?: boolean;
}

/** A module's audit actions: dotted, past tense (`campaign.application.approved`) → label. */
export type AuditActionCatalog = Record<string, AuditActionLabel>;

/**
 * Every audit action of the installation, by name. Each module adds its own with declaration
 * merging beside its catalogue (see docs/CONTRIBUTING-modules.md), so `AuditEntry.action` accepts
 * exactly the actions some module has labelled and the platform imports no module:
 *
 *   declare module '../../platform/audit/actions.js' {
 *     interface AuditActions extends Record<keyof typeof campaignAuditActions, true> {}
 *   }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AuditActions {}

export type AuditAction = keyof AuditActions & string;

/** Declares a module's catalogue, keeping its literal keys for the declaration merge. */
export function defineAuditActions<const C extends AuditActionCatalog>(catalog: C): C {
  return catalog;
}

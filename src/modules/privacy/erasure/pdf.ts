import { formatJaDate, tokyoDate, tokyoDateTime } from '../../../platform/calendar/index.js';
import type { Pdf } from '../../../platform/pdf/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import type { Erasure, ErasureBackup, ErasureHolding } from '../schema.js';
import type { ErasurePlan } from './plan.js';
import { em } from './messages.js';
import { VERSION } from '../../../version.js';


function header(doc: Pdf, title: string, program: Program, now: Date): void {
  doc.font('jp-bold').fontSize(16).text(title, { align: 'center' });
  doc.moveDown();
  doc.font('jp').fontSize(10).text(em('program', { name: program.name, slug: program.slug }));
  doc.text(em('contractor', { contractor: program.contractor ?? em('none'), client: program.client ?? em('none') }));
  doc.text(em('made', { date: formatJaDate(tokyoDate(now)) }));
  doc.moveDown();
}

function holdingLines(doc: Pdf, holdings: ErasureHolding[]): void {
  doc.fontSize(9);
  for (const h of holdings) {
    doc.text(
      h.rows === null
        ? em('holdingShared', { module: h.module, table: h.table })
        : em('holdingLine', { module: h.module, table: h.table, rows: h.rows, columns: h.sealedColumns.join('、') || em('none') }),
    );
  }
  doc.fontSize(10);
}

/** One line per recorded backup: when, where, its hash and master key, and what it means for the program. */
export function backupLine(b: ErasureBackup, erased: boolean): string {
  const state = !b.holdsKey ? em('backupNoKey') : !erased ? em('backupHoldsKey') : b.covered ? em('backupCovered') : em('backupNotCovered', { key: b.masterKeyId });
  return em('backupLine', { id: b.id, at: tokyoDateTime(new Date(b.takenAt)), path: b.path, size: b.size, sha: b.sha256.slice(0, 16), key: b.masterKeyId, state });
}

function backupLines(doc: Pdf, backups: ErasureBackup[], erased: boolean): void {
  doc.font('jp-bold').fontSize(10).text(em('backupsHeading'));
  doc.font('jp').fontSize(9);
  if (!backups.length) doc.text(em('backupsNone'), { indent: 12 });
  for (const b of backups) doc.text(backupLine(b, erased), { indent: 12 });
  doc.fontSize(10).moveDown(0.4);
}

/** データ消去計画書: what holds the program's personal data — tables, stored files, mail bodies, backups. */
export function drawPlan(doc: Pdf, program: Program, plan: ErasurePlan, now: Date): void {
  header(doc, em('planTitle'), program, now);
  doc.text(em('planIntro'));
  doc.moveDown(0.5);
  holdingLines(doc, plan.holdings);
  doc.fontSize(9).text(em('filesLine', plan.files)).text(em('mailLine', { n: plan.mailBodies })).fontSize(10);
  doc.moveDown(0.4);
  backupLines(doc, plan.backups, false);
}

function field(doc: Pdf, label: string, value: string): void {
  doc.font('jp-bold').fontSize(10).text(label);
  doc.font('jp').fontSize(10).text(value, { indent: 12 });
  doc.moveDown(0.4);
}

/** データ消去報告書 with the fields of NIST SP 800-88's sample certificate of sanitization. */
export function drawCertificate(doc: Pdf, program: Program, e: Erasure, db: string, now: Date): void {
  header(doc, em('certTitle'), program, now);
  field(doc, em('media'), em('mediaText', { db, backups: e.masterRotated ? em('backupsRotated', { old: e.oldMasterKeyId }) : em('backupsNotRotated') }));
  holdingLines(doc, e.holdings);
  if (e.purged) doc.fontSize(9).text(em('purgedLine', { files: e.purged.files, bytes: e.purged.fileBytes, mail: e.purged.mailBodies })).fontSize(10);
  doc.moveDown(0.4);
  backupLines(doc, e.backups ?? [], true);
  field(doc, em('method'), em('methodText'));
  field(doc, em('technique'), em('techniqueText'));
  field(doc, em('tool'), em('toolText', { version: VERSION }));
  field(doc, em('verification'), em('verificationText', { keys: e.verification.keysTried, result: e.verification.ok ? em('verifyOk') : em('verifyNg') }));
  doc.fontSize(9);
  for (const s of e.verification.sampled) doc.text(em('sampleLine', s), { indent: 12 });
  if (e.verification.filesLeft !== undefined) doc.text(em('verifyFilesMail', { files: e.verification.filesLeft, mail: e.verification.mailBodiesLeft ?? 0 }), { indent: 12 });
  doc.moveDown(0.4);
  field(doc, em('disposition'), em('dispositionText'));
  field(doc, em('performedBy'), `${e.performedBy}　${em('signature')}`);
  field(doc, em('verifiedBy'), `${e.verifiedBy ?? em('none')}　${em('signature')}`);
  field(doc, em('executedAt'), tokyoDateTime(e.executedAt));
  doc.text(em('dueOn', { date: formatJaDate(e.certificateDueOn) }));
}

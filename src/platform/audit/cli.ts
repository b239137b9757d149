import fs from 'node:fs';
import type { CliCommand } from '../cli/command.js';
import { cliActor, optionalString } from '../cli/args.js';
import { parseAnchor, signatureHolds } from './anchor.js';
import { publishAnchor } from './anchor-job.js';
import { auditKeys } from './keys.js';
import { aam, type AuditAnchorMessageKey } from './messages.js';
import { recomputeUpTo, verifyAuditChain } from './verify.js';

/** `audit verify [--anchor FILE]` and `audit anchor [--mail]`. */
export const auditCommands: CliCommand[] = [
  {
    name: 'audit verify',
    usage: 'audit verify [--anchor FILE]',
    summary: aam('verifySummary'),
    help:
      'Checks every entry against its hash and the previous one, and every sealed entry against its seal\n' +
      '(HMAC under a key derived from the master key). With --anchor FILE (an anchor written by the daily\n' +
      'job or `audit anchor`, or the JSON from its mail) it also checks the anchor\'s signature and recomputes\n' +
      'the chain up to the anchor: any rewrite, insertion or deletion before it is reported. Exit 1 on any finding.',
    options: { anchor: { type: 'string' } },
    async run(ctx) {
      const keys = auditKeys(ctx.deps.vault);
      let failed = false;
      const anchorFile = optionalString(ctx, 'anchor');
      if (anchorFile) {
        const anchor = fs.existsSync(anchorFile) ? parseAnchor(fs.readFileSync(anchorFile, 'utf8')) : null;
        if (!anchor) {
          ctx.io.err(aam('anchorUnreadable', { file: anchorFile }) + '\n');
          return 1;
        }
        if (anchor.keyId !== keys.keyId) {
          ctx.io.err(aam('anchorOtherKey', { file: anchorFile, keyId: anchor.keyId }) + '\n');
          failed = true;
        } else if (!signatureHolds(keys, anchor)) {
          ctx.io.err(aam('anchorBadSignature', { file: anchorFile }) + '\n');
          return 1;
        } else if (anchor.installationId !== keys.installationId) {
          ctx.io.err(aam('anchorOtherInstallation', { file: anchorFile, installationId: anchor.installationId }) + '\n');
          return 1;
        }
        const now = await recomputeUpTo(ctx.deps.db, keys, anchor.lastId);
        const where = { at: anchor.at, count: anchor.count, lastId: anchor.lastId };
        const detail =
          now.count !== anchor.count || now.lastId !== anchor.lastId
            ? aam('anchorDetailCount', { expected: anchor.count, actual: now.count })
            : now.head !== anchor.head
              ? aam('anchorDetailHead', { expected: anchor.head.slice(0, 16), actual: now.head.slice(0, 16) })
              : anchor.keyId === keys.keyId && now.seal !== anchor.seal
                ? aam('anchorDetailSeal')
                : null;
        if (detail) {
          ctx.io.err(aam('anchorRewritten', { ...where, detail }) + '\n');
          failed = true;
        } else {
          ctx.io.out(aam('anchorHolds', where) + '\n');
        }
      }
      const r = await verifyAuditChain(ctx.deps.db, keys);
      if (r.ok) {
        ctx.io.out(aam('intact', { count: r.count, sealed: r.sealed }) + '\n');
        if (r.unsealed) ctx.io.out(aam('unsealedNote', { unsealed: r.unsealed }) + '\n');
      } else {
        ctx.io.err(aam('broken', { badId: r.badId, reason: r.reason, count: r.count, why: aam(`why.${r.reason}` as AuditAnchorMessageKey) }) + '\n');
        failed = true;
      }
      return failed ? 1 : 0;
    },
  },
  {
    name: 'audit anchor',
    usage: 'audit anchor [--mail]',
    summary: aam('anchorSummary'),
    help:
      'Seals what is committed and writes a signed anchor (count, last id, head hash; no personal data) to\n' +
      'AUDIT_ANCHOR_DIR (default DATA_DIR/audit-anchors). --mail also sends it to every City user of a program,\n' +
      'as the daily job (04:00) does.',
    options: { mail: { type: 'boolean' } },
    async run(ctx) {
      const mail = ctx.values.mail === true;
      const p = await publishAnchor(ctx.deps, { daily: null, mail, actor: cliActor(ctx) });
      ctx.io.out(aam('anchorWritten', { file: p.file, count: p.anchor.count, lastId: p.anchor.lastId }) + '\n');
      if (mail) ctx.io.out(aam('anchorMailed', { n: p.recipients }) + '\n');
      if (!p.seal.ok && p.seal.reason === 'chain-broken') {
        ctx.io.err(aam('anchorSealStopped', { badId: p.seal.badId ?? 0 }) + '\n');
        return 1;
      }
    },
  },
];

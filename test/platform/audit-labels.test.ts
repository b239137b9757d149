import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { queryRows } from '../../src/db/client.js';
import { seedDemoIfEmpty } from '../../src/modules/demo/seed.js';
import { INSTALLATION } from '../../src/modules/index.js';
import type { AuditAction } from '../../src/platform/audit/actions.js';
import { systemActor, type AuditEntry } from '../../src/platform/audit/index.js';
import { createSession } from '../../src/platform/auth/sessions.js';
import { findUserByEmail } from '../../src/platform/auth/users.js';
import { runCommand } from '../../src/platform/command.js';
import { PLATFORM_MODULES } from '../../src/platform/modules.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { TestBrowser } from '../helpers/http.js';

// Type-level: an action no module labels does not compile (tsc checks this file).
// @ts-expect-error 'campaign.nothing.happened' is not in any catalogue
export const unlabelled: AuditEntry = { action: 'campaign.nothing.happened' };

const labels = INSTALLATION.auditLabels;
const hasLabel = (action: string) => Object.hasOwn(labels, action);

/** Dotted like an audit action: at least three lower-case parts (`campaign.application.approved`). */
const ACTION_LIKE = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){2,}$/;

interface Written {
  actions: string[];
  /** Template literals whose variable part could not be resolved to literals (the test fails on them). */
  unresolved: string[];
}

/** The expression after `action:` up to the `,` `;` or closing bracket that ends it (quotes and `${}` respected). */
function expressionAt(src: string, start: number): string {
  let depth = 0;
  let i = start;
  const stack: string[] = [];
  for (; i < src.length; i++) {
    const ch = src[i]!;
    const quote = stack[stack.length - 1];
    if (quote === "'" || quote === '"') {
      if (ch === '\\') i++;
      else if (ch === quote) stack.pop();
      continue;
    }
    if (quote === '`') {
      if (ch === '\\') i++;
      else if (ch === '`') stack.pop();
      else if (ch === '$' && src[i + 1] === '{') {
        stack.push('${');
        i++;
      }
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') stack.push(ch);
    else if (ch === '(' || ch === '[' || ch === '{') {
      stack.push(ch);
      depth++;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      if (quote === '${' && ch === '}') {
        stack.pop();
        continue;
      }
      if (depth === 0) break;
      stack.pop();
      depth--;
    } else if ((ch === ',' || ch === ';') && depth === 0) break;
  }
  return src.slice(start, i);
}

/** The quoted string literals of a text, leaving out template literals (and what their placeholders hold). */
const stringLiterals = (text: string) => [...text.replace(/`(?:[^`\\]|\\.)*`/g, '``').matchAll(/'([^'\\\n]*)'|"([^"\\\n]*)"/g)].map((m) => m[1] ?? m[2]!);

/** The literals of an expression outside any bracket: the value itself or the branches of a conditional, not a call's arguments. */
function topLevelLiterals(expr: string): string[] {
  let flat = '';
  let depth = 0;
  for (const ch of expr.replace(/`(?:[^`\\]|\\.)*`/g, '``').replace(/'[^'\\\n]*'|"[^"\\\n]*"/g, (q) => q.replace(/[()[\]{}]/g, ' '))) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0) flat += ch;
  }
  return stringLiterals(flat);
}

/**
 * The literal values a template placeholder takes: the branches of a `cond ? 'a' : 'b'`, or, for a
 * variable (`kind`, `purpose.action`), the literals of the expressions that declare or set it in the
 * same file (`const kind = ({ … } as const)[decision]`, `purpose: { action: 'viewed' | 'exported' }`,
 * `{ action: 'printed', what: … }`).
 */
function placeholderValues(src: string, expr: string, templateAt: number): string[] {
  const ternary = expr.match(/\?\s*'([^']*)'\s*:\s*'([^']*)'\s*$/);
  if (ternary) return [ternary[1]!, ternary[2]!];
  if (!/^[A-Za-z_$][\w$.]*$/.test(expr.trim())) return [];
  const name = expr.trim().split('.').pop()!;
  const values: string[] = [];
  for (const m of src.matchAll(new RegExp(`\\b${name}\\??\\s*(?::|=(?!=))\\s*`, 'g'))) {
    if (m.index === templateAt) continue;
    values.push(...stringLiterals(expressionAt(src, m.index + m[0].length)).filter((v) => /^[a-z][a-z0-9_]*$/.test(v)));
  }
  return [...new Set(values)];
}

/**
 * Every audit action a source file writes, as far as a scan can tell: string literals in the
 * expression of an `action:` property (both branches of a conditional), template literals there
 * expanded over the literal union of their variable part, every action-like literal in a file that
 * passes actions around as `AuditAction` parameters, and any in SQL that inserts audit rows.
 */
export function actionsWritten(src: string): Written {
  const actions = new Set<string>();
  const unresolved: string[] = [];
  for (const m of src.matchAll(/\baction\s*:\s*/g)) {
    const expr = expressionAt(src, m.index! + m[0].length);
    for (const s of topLevelLiterals(expr)) if (ACTION_LIKE.test(s)) actions.add(s);
    for (const t of expr.matchAll(/`([^`]*)`/g)) {
      const template = t[1]!;
      const parts = template.split(/\$\{([^}]*)\}/);
      // Only templates shaped like an action (`campaign.application.${kind}`), not URLs and texts.
      if (!ACTION_LIKE.test(parts.map((p, i) => (i % 2 ? 'x' : p)).join(''))) continue;
      let expansions = [''];
      for (let i = 0; i < parts.length; i++) {
        const values = i % 2 === 0 ? [parts[i]!] : placeholderValues(src, parts[i]!, m.index!);
        expansions = expansions.flatMap((e) => values.map((v) => e + v));
      }
      const found = expansions.filter((e) => ACTION_LIKE.test(e));
      if (found.length) for (const e of found) actions.add(e);
      else unresolved.push(template);
    }
  }
  const auditActionParameter = /\b\w+\s*:\s*AuditAction\b/.test(src);
  const auditSql = /insert\s+into\s+audit_(intents|log)\b/i.test(src);
  if (auditActionParameter || auditSql) for (const s of stringLiterals(src)) if (ACTION_LIKE.test(s)) actions.add(s);
  return { actions: [...actions], unresolved };
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('audit-actions.ts') ? [p] : [];
  });
}

describe('audit action labels', () => {
  test('the scan finds actions in literals, conditionals, templates, parameters and intent rows', () => {
    const sample = `
      ctx.audit({ action: 'campaign.notice.published', programId });
      ctx.audit({ action: ok ? 'site.content.approved' : 'site.content.rejected' });
      const kind = ({ approve: 'approved', reject: 'rejected' } as const)[decision];
      ctx.audit({ action: \`campaign.application.\${kind}\`, diff: { x: 1 } });
      ctx.audit({ action: \`settlement.claim.\${d === 'approve' ? 'approved' : 'rejected'}\` });
      readRoster(ctx, program, {}, { action: 'viewed', what: 'page' });
      const purpose: { action: 'viewed' | 'printed'; what: string } = p;
      ctx.audit({ action: \`events.roster.\${purpose.action}\` });
      ctx.audit({ action: \`events.mystery.\${somethingElse()}\` });
      const row = intentRow(actor, { action: 'settlement.claim.reserved' }, now);
      <form action="/x" />;
    `;
    const { actions, unresolved } = actionsWritten(sample);
    assert.deepEqual(actions.sort(), [
      'campaign.application.approved',
      'campaign.application.rejected',
      'campaign.notice.published',
      'events.roster.printed',
      'events.roster.viewed',
      'settlement.claim.approved',
      'settlement.claim.rejected',
      'settlement.claim.reserved',
      'site.content.approved',
      'site.content.rejected',
    ]);
    assert.deepEqual(unresolved, ['events.mystery.${somethingElse()}']);
    // Form fields, URLs and texts named action are not actions.
    assert.deepEqual(actionsWritten("post(url, { action: 'submit' }); <Form action={`${base}/sales`} />; const x = { action: (<p>a.b.c</p>) };").actions, []);
    assert.deepEqual(actionsWritten("async function openOne(c: AppContext, action: AuditAction) {}\nopenOne(c, 'events.registration.viewed');").actions, ['events.registration.viewed']);
  });

  test('every action written anywhere under src has a label (static scan)', () => {
    const written = new Map<string, string>();
    const unresolved: string[] = [];
    for (const file of sourceFiles('src')) {
      const r = actionsWritten(fs.readFileSync(file, 'utf8'));
      for (const a of r.actions) if (!written.has(a)) written.set(a, file);
      for (const t of r.unresolved) unresolved.push(`${file}: \`${t}\``);
    }
    assert.deepEqual(unresolved, [], 'write the variable part of these template actions as a literal union on the line that declares it');
    const missing = [...written].filter(([a]) => !hasLabel(a)).map(([a, file]) => `${a} (${file})`);
    assert.deepEqual(missing, [], "label these actions in their module's audit-actions.ts");
    // The scan is not silently blind: the hard cases are among what it found.
    for (const a of [
      'campaign.application.escalated', // template over a const map
      'settlement.claim.rejected', // template over a conditional
      'events.roster.printed', // template over a parameter's literal union
      'site.content.restored', // conditional
      'events.confirmation.printed', // passed as an AuditAction parameter
      'settlement.facility.sold_out', // intentRow for the one-statement path
      'platform.demo.seeded',
    ]) {
      assert.ok(written.has(a), `the scan finds ${a}`);
    }
    assert.ok(written.size >= 100, `found ${written.size} actions`);
  });

  test('catalogues: each module labels only its own actions, in Japanese and English', () => {
    const platform = new Set(PLATFORM_MODULES.map((m) => m.name));
    for (const m of INSTALLATION.modules) {
      for (const [action, label] of Object.entries(m.auditActions ?? {})) {
        assert.match(action, ACTION_LIKE, action);
        assert.ok(action.startsWith(platform.has(m.name) ? 'platform.' : `${m.name}.`), `${action} belongs to module ${m.name}`);
        assert.match(label.ja, /[\u3040-\u30ff\u4e00-\u9fff]/, `${action}: Japanese label`);
        assert.ok(label.en.trim() && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(label.en), `${action}: English label`);
      }
    }
  });
});

describe('the audit page and export on the demo', () => {
  let env: TestEnv;
  let admin: TestBrowser;
  before(async () => {
    env = await createTestEnv();
    const demo = await seedDemoIfEmpty(env.deps);
    // A sign-in through the form adds the platform's sign-in actions to the demo's own.
    const business = demo!.logins.find((l) => l.role === 'business')!;
    assert.equal((await new TestBrowser(env.deps).login(business.email, business.password)).status, 303);
    const user = (await findUserByEmail(env.deps.db, demo!.logins.find((l) => l.role === 'admin')!.email))!;
    const { token } = await createSession(env.deps.db, user.id, env.clock.now(), { ip: null, mfaVerified: true });
    admin = new TestBrowser(env.deps);
    admin.cookies.set('jmk_session', token);
  });
  after(() => env.close());

  const distinctActions = async () => (await queryRows<{ action: string }>(env.deps.db, sql`select distinct action from audit_log order by action`)).map((r) => r.action);

  test('every action the demo writes has a label (runtime)', async () => {
    const actions = await distinctActions();
    assert.ok(actions.includes('platform.demo.seeded') && actions.includes('platform.auth.login_succeeded'), actions.join(', '));
    assert.deepEqual(actions.filter((a) => !hasLabel(a)), []);
  });

  test('the audit page shows the Japanese label beside the code on every row', async () => {
    const actions = await distinctActions();
    let html = '';
    for (let page = 1; ; page++) {
      assert.equal((await admin.get(`/admin/audit?page=${page}`)).status, 200);
      const rows = admin.lastHtml.match(/<td class="dads-table__cell" data-numeric="true">\d+<\/td>/g)?.length ?? 0;
      const labelled = admin.lastHtml.match(/<code class="app-audit-action__code">/g)?.length ?? 0;
      assert.equal(labelled, rows, `page ${page}: every row has its label`);
      html += admin.lastHtml;
      if (rows < 50) break;
    }
    for (const action of actions) {
      assert.ok(html.includes(`${labels[action]!.ja}<br/><code class="app-audit-action__code">${action}</code>`), `${action} shows ${labels[action]!.ja}`);
    }
  });

  test('the exports carry the label in a column of its own', async () => {
    const csv = await (await admin.get('/admin/audit/export.csv?action=platform.program')).text();
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    assert.match(header!, /操作,操作（説明）/);
    assert.ok(lines.length >= 2);
    for (const line of lines) assert.match(line, /platform\.program\.created,事業を作成|platform\.program\.settings_changed,事業の設定を変更/);
    const xlsx = await admin.get('/admin/audit/export.xlsx?action=platform.demo');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = headers.indexOf('操作（説明）') + 1;
    assert.ok(col > 0, headers.join(' | '));
    assert.equal(headers[col - 2], '操作');
    assert.equal(sheet.getRow(2).getCell(col - 1).value, 'platform.demo.seeded');
    assert.equal(sheet.getRow(2).getCell(col).value, 'デモデータを作成');
  });

  test('an action no installed module labels (from an older version) shows its code alone', async () => {
    await runCommand(env.deps, systemActor('test'), async (ctx) => ctx.audit({ action: 'legacy.thing.done' as AuditAction }));
    const page = await admin.get('/admin/audit?action=legacy.');
    assert.equal(page.status, 200);
    assert.match(admin.lastHtml, /<td class="dads-table__cell">legacy\.thing\.done<\/td>/);
    const csv = await (await admin.get('/admin/audit/export.csv?action=legacy.')).text();
    assert.match(csv, /legacy\.thing\.done,,/);
  });
});

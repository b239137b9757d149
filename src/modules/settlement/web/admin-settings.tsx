import { Hono } from 'hono';
import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, ErrorSummary, Form, Table, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { setProgramSettings } from '../../../platform/programs/commands/set-program-settings.js';
import { programSetting } from '../../../platform/programs/queries.js';
import type { Program } from '../../../platform/programs/schema.js';
import { searchAudit } from '../../../platform/audit/queries.js';
import { sm } from '../messages.js';
import { DEFAULT_POOL_YEN, RULE_DEFAULTS } from '../rules.js';
import { RUN_ROLES, adminBase, crumbs, settlementProgram } from './common.js';

/** The guide's rules (手引き) and the pool, each with its label and unit for the form and history. */
const RULE_FIELDS = [
  { key: 'discountRate', label: sm('admin.settings.rule.discountRate'), unit: sm('admin.settings.unit.percent'), hint: sm('admin.settings.rule.discountRate.hint'), fallback: RULE_DEFAULTS.discountRate },
  { key: 'capPerPersonNight', label: sm('admin.settings.rule.capPerPersonNight'), unit: sm('admin.settings.unit.yen'), hint: sm('admin.settings.rule.capPerPersonNight.hint'), fallback: RULE_DEFAULTS.capPerPersonNight },
  { key: 'minPricePerPersonNight', label: sm('admin.settings.rule.minPricePerPersonNight'), unit: sm('admin.settings.unit.yen'), hint: sm('admin.settings.rule.minPricePerPersonNight.hint'), fallback: RULE_DEFAULTS.minPricePerPersonNight },
  { key: 'maxNights', label: sm('admin.settings.rule.maxNights'), unit: sm('admin.settings.unit.nights'), hint: sm('admin.settings.rule.maxNights.hint'), fallback: RULE_DEFAULTS.maxNights },
  { key: 'pool', label: sm('admin.settings.rule.pool'), unit: sm('admin.settings.unit.yen'), hint: sm('admin.settings.rule.pool.hint'), fallback: DEFAULT_POOL_YEN },
] as const;

type RuleKey = (typeof RULE_FIELDS)[number]['key'];
const RULE_KEYS = new Set<string>(RULE_FIELDS.map((f) => f.key));
const label = (key: string) => RULE_FIELDS.find((f) => f.key === key)?.label ?? key;
const show = (key: string, v: unknown) => (v === null || v === undefined ? sm('admin.settings.default') : `${Number(v).toLocaleString('ja-JP')}${RULE_FIELDS.find((f) => f.key === key)?.unit ?? ''}`);

const currentValue = (program: Program, key: RuleKey) => String(programSetting<number>(program, key, RULE_FIELDS.find((f) => f.key === key)!.fallback));

/** Rule changes from the audit trail (the version history): newest first. */
async function ruleHistory(c: AppContext, program: Program) {
  // Not searchAudit: its action filter strips `_` (a LIKE wildcard), so `settings_changed` never matches.
  // The rules' version history, newest first.
  const { rows } = await searchAudit(c.get('deps').db, { programIds: [program.id], action: 'platform.program.settings_changed' }, 1, 50);
  return rows.flatMap((r) =>
    Object.entries((r.diff ?? {}) as Record<string, [unknown, unknown]>)
      .filter(([k]) => RULE_KEYS.has(k))
      .map(([k, [before, after]]) => ({ at: tokyoDateTime(r.at), who: r.actorLabel, item: label(k), change: `${show(k, before)} → ${show(k, after)}` })),
  );
}

async function settingsPage(c: AppContext, program: Program, opts: { errors?: SummaryError[]; values?: Record<string, string>; status?: number } = {}) {
  const errors = opts.errors ?? [];
  const v = opts.values ?? Object.fromEntries(RULE_FIELDS.map((f) => [f.key, currentValue(program, f.key)]));
  const history = await ruleHistory(c, program);
  const starts = programSetting<string | null>(program, 'campaignStarts', null);
  const ends = programSetting<string | null>(program, 'campaignEnds', null);
  return adminPage(c, {
    title: sm('admin.settings.title', { program: program.name }),
    breadcrumbs: crumbs(program, sm('admin.settings.crumb')),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status: opts.status,
    children: (
      <>
        <p>{sm('admin.settings.period', { period: starts && ends ? sm('admin.settings.period.range', { starts, ends }) : sm('admin.settings.period.unset') })}</p>
        <Form action={`${adminBase(program)}/settings`} csrfToken={csrfToken(c)}>
          {RULE_FIELDS.map((f) => (
            <TextField name={f.key} label={sm('admin.settings.field', { label: f.label, unit: f.unit })} hint={f.hint} required inputmode="numeric" width={f.key === 'pool' ? 'md' : 'sm'} value={v[f.key]} error={errorFor(errors, f.key)} />
          ))}
          <Button>{sm('admin.settings.save')}</Button>
        </Form>
        <Table
          caption={sm('admin.settings.history.caption')}
          columns={[
            { key: 'at', header: sm('admin.settings.history.at') },
            { key: 'who', header: sm('admin.settings.history.who') },
            { key: 'item', header: sm('term.item') },
            { key: 'change', header: sm('admin.settings.history.change') },
          ]}
          rows={history}
          emptyMessage={sm('admin.settings.history.empty')}
        />
      </>
    ),
  });
}

export const settlementSettings = new Hono<AppEnv>();

settlementSettings.get('/settlement/:slug/settings', async (c) => {
  const { program } = await settlementProgram(c, RUN_ROLES);
  return settingsPage(c, program);
});

settlementSettings.post('/settlement/:slug/settings', async (c) => {
  const { program, roles } = await settlementProgram(c, RUN_ROLES);
  const f = await formFields(c);
  const errors: SummaryError[] = [];
  const pairs: Array<[string, string]> = [];
  for (const field of RULE_FIELDS) {
    const text = (f[field.key] ?? '').replace(/[,，\s]/g, '');
    if (!text) errors.push({ field: field.key, message: sm('err.ruleRequired', { label: field.label }) });
    else if (text !== currentValue(program, field.key)) pairs.push([field.key, text]);
  }
  if (errors.length) return settingsPage(c, program, { errors, values: f, status: 422 });
  return submitForm(c, {
    role: primaryRole(roles),
    run: async (ctx) => {
      if (pairs.length) await setProgramSettings(ctx, program.slug, pairs);
    },
    rerender: (_errors, status, e) => {
      const errors = e.fieldErrors.length ? e.fieldErrors.map((fe) => ({ field: fe.field, message: sm('err.ruleField', { label: label(fe.field), message: fe.message }) })) : [{ field: 'pool', message: e.message }];
      return settingsPage(c, program, { errors, values: f, status });
    },
    flash: pairs.length ? sm('admin.settings.saved', { items: pairs.map(([k]) => label(k)).join(sm('fmt.listSeparator')) }) : sm('admin.settings.unchanged'),
    redirect: `${adminBase(program)}/settings`,
  });
});

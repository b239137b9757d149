import { Hono } from 'hono';
import type { Role } from '../../auth/schema.js';
import { AppError } from '../../errors/index.js';
import { adminPage } from '../../http/admin-page.js';
import { csrfToken } from '../../http/csrf.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { setFlash } from '../../http/flash.js';
import { submitForm } from '../../http/form-action.js';
import { formFields } from '../../http/form.js';
import { primaryRole, requireProgramRole } from '../../http/guards.js';
import { Button, DateField, DescriptionList, ErrorSummary, Form, RadioGroup, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { setProgramSettings } from '../commands/set-program-settings.js';
import { programAdminMessages as m } from '../messages.js';
import type { Program } from '../schema.js';

/** Who may open the settings page: the program's admin (everything) and operator (all but security). */
export const SETTINGS_ROLES: readonly Role[] = ['admin', 'operator'];

/** Settings that weaken or strengthen access control: admins only. */
const SECURITY_KEYS = ['requireTwoFactor'] as const;
const KEYS = ['name', 'startsOn', 'endsOn', 'client', 'contractor', 'contactEmail', 'contactPhone', 'requireTwoFactor'] as const;
type Key = (typeof KEYS)[number];

export const settingsPath = (p: Pick<Program, 'slug'>) => `/admin/programs/${p.slug}/settings`;

/** The common settings as the form shows them (text; unset is empty). */
function currentValues(p: Program): Record<Key, string> {
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return {
    name: p.name,
    startsOn: text(p.startsOn),
    endsOn: text(p.endsOn),
    client: p.client,
    contractor: p.contractor,
    contactEmail: text(p.settings.contactEmail),
    contactPhone: text(p.settings.contactPhone),
    requireTwoFactor: p.settings.requireTwoFactor === true ? 'true' : 'false',
  };
}

const LABELS: Record<Key, Parameters<typeof m>[1]> = {
  name: 'fieldName',
  startsOn: 'fieldStartsOn',
  endsOn: 'fieldEndsOn',
  client: 'fieldClient',
  contractor: 'fieldContractor',
  contactEmail: 'fieldContactEmail',
  contactPhone: 'fieldContactPhone',
  requireTwoFactor: 'fieldRequireTwoFactor',
};

function programHome(p: Program): string {
  return p.kind === 'event' ? `/admin/events/${p.slug}` : `/admin/campaign/${p.slug}`;
}

async function settingsPage(c: AppContext, program: Program, isAdmin: boolean, errors: SummaryError[] = [], values?: Record<string, string>, status = 200) {
  const v = { ...currentValues(program), ...values };
  const f = (name: Key) => ({ name, label: m('ja', LABELS[name]), value: v[name], error: errorFor(errors, name) });
  return adminPage(c, {
    title: m('ja', 'settingsTitle'),
    breadcrumbs: [
      { label: m('ja', 'home'), href: '/admin' },
      { label: program.name, href: programHome(program) },
      { label: m('ja', 'settingsTitle') },
    ],
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>{m('ja', 'settingsIntro', { name: program.name, slug: program.slug })}</p>
        <Form action={settingsPath(program)} csrfToken={csrfToken(c)}>
          <TextField {...f('name')} required width="lg" maxLength={200} />
          <DateField {...f('startsOn')} />
          <DateField {...f('endsOn')} />
          <TextField {...f('client')} width="lg" maxLength={100} />
          <TextField {...f('contractor')} width="lg" maxLength={100} />
          <TextField {...f('contactEmail')} type="email" autocomplete="off" width="lg" hint={m('ja', 'fieldContactEmailHint')} />
          <TextField {...f('contactPhone')} type="tel" autocomplete="off" hint={m('ja', 'fieldContactPhoneHint')} />
          {isAdmin ? (
            <RadioGroup
              {...f('requireTwoFactor')}
              inline
              hint={m('ja', 'fieldRequireTwoFactorHint')}
              options={[
                { value: 'true', label: m('ja', 'twoFactorRequired') },
                { value: 'false', label: m('ja', 'twoFactorOptional') },
              ]}
            />
          ) : (
            <DescriptionList
              items={[
                {
                  term: m('ja', 'fieldRequireTwoFactor'),
                  detail: `${m('ja', v.requireTwoFactor === 'true' ? 'twoFactorRequired' : 'twoFactorOptional')}${m('ja', 'twoFactorAdminOnly')}`,
                },
              ]}
            />
          )}
          <Button>{m('ja', 'save')}</Button>
        </Form>
        <p>{m('ja', 'settingsModuleNote')}</p>
      </>
    ),
  });
}

/**
 * The pairs a submitted form changes. Untouched fields are left out (so the audit diff names only
 * real changes); a field emptied that had a value is passed on, and the settings validation refuses it.
 */
function changedPairs(program: Program, form: Record<string, string>, keys: readonly Key[]): Array<[Key, string]> {
  const current = currentValues(program);
  const pairs: Array<[Key, string]> = [];
  for (const key of keys) {
    if (!(key in form)) continue;
    const value = form[key]!.trim();
    if (value === current[key]) continue;
    pairs.push([key, value]);
  }
  return pairs;
}

export const programSettingsAdmin = new Hono<AppEnv>();

programSettingsAdmin.get('/programs/:slug/settings', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), SETTINGS_ROLES);
  return settingsPage(c, program, roles.includes('admin'));
});

programSettingsAdmin.post('/programs/:slug/settings', async (c) => {
  const { program, roles } = await requireProgramRole(c, c.req.param('slug'), SETTINGS_ROLES);
  const isAdmin = roles.includes('admin');
  const form = await formFields(c);
  const pairs = changedPairs(program, form, KEYS);
  // The operator's form has no security field; a request that changes one anyway is refused whole.
  if (!isAdmin && pairs.some(([k]) => (SECURITY_KEYS as readonly string[]).includes(k))) throw new AppError('forbidden', m('ja', 'errAdminOnly'));
  if (pairs.length === 0) {
    setFlash(c, { kind: 'info', message: m('ja', 'unchanged') });
    return c.redirect(settingsPath(program), 303);
  }
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => setProgramSettings(ctx, program.slug, pairs),
    rerender: (errors, status) => settingsPage(c, program, isAdmin, errors, form, status),
    flash: m('ja', 'saved', { keys: pairs.map(([k]) => m('ja', LABELS[k])).join(m('ja', 'keySeparator')) }),
    redirect: (updated) => settingsPath(updated),
  });
});

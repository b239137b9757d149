import { tokyoDate } from '../../../platform/calendar/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext } from '../../../platform/http/env.js';
import { localHref, publicPage } from '../../../platform/http/public-page.js';
import { Button, Checkbox, ErrorSummary, Form, NotificationBanner, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { eventConfig, isWithinWindow } from '../config.js';
import { eventDateText } from '../format.js';
import { eventMessages as em } from '../messages.js';
import { RegistrationFields, type FormValues } from './registration-fields.js';

/** The public registration form (`/{slug}/register`), in Japanese or English. */
export async function registerPage(c: AppContext, program: Program, opts: { values?: FormValues; errors?: SummaryError[]; banner?: string; status?: number } = {}) {
  const locale = c.get('locale');
  const m = (k: Parameters<typeof em>[1]) => em(locale, k);
  const cfg = eventConfig(program);
  const errors = opts.errors ?? [];
  const open = isWithinWindow(cfg, tokyoDate(c.get('deps').clock.now()));
  const title = em(locale, 'registerHeading', { title: m('registerTitle'), event: locale === 'en' && cfg.titleEn ? cfg.titleEn : program.name });
  return publicPage(c, {
    title,
    siteName: locale === 'en' && cfg.titleEn ? cfg.titleEn : program.name,
    homePath: `/${program.slug}`,
    breadcrumbs: [{ label: locale === 'en' && cfg.titleEn ? cfg.titleEn : program.name, href: localHref(c, `/${program.slug}`) }, { label: m('registerTitle') }],
    notice: errors.length ? <ErrorSummary errors={errors} locale={locale} /> : opts.banner ? <NotificationBanner kind="error" title={opts.banner} locale={locale} /> : undefined,
    hasErrors: errors.length > 0 || !!opts.banner,
    status: opts.status,
    children: open ? (
      <>
        <p>{em(locale, 'field', { label: m('date'), value: eventDateText(cfg, locale) })}</p>
        <p>{m('registerIntro')}</p>
        <Form action={localHref(c, `/${program.slug}/register`)} csrfToken={csrfToken(c)}>
          <RegistrationFields locale={locale} values={opts.values ?? {}} errors={errors} onlineEnabled={cfg.onlineEnabled} emailRequired />
          <Checkbox name="consent" label={m('consent')} required locale={locale} checked={opts.values?.consent === 'true'} error={errorFor(errors, 'consent')} />
          <Button>{m('submit')}</Button>
        </Form>
      </>
    ) : (
      <p>{m('windowClosed')}</p>
    ),
  });
}

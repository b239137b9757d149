import { PublicLayout } from '../../ui/layouts/public-layout.js';
import type { ErrorCode } from '../errors/index.js';
import type { Locale } from '../i18n/index.js';
import { errorMessages, errorPageMessages as m } from './messages.js';

/**
 * An error page. `back` replaces the link to the public top page (a back-office page links back
 * into the back office: to the form's page after a refused change, so the reader sees what changed).
 */
export function ErrorPage(props: { locale: Locale; code: ErrorCode; message?: string; requestId?: string; demo?: boolean; back?: { href: string; to: 'adminHome' | 'reopen' } }) {
  const { locale, code } = props;
  const homeHref = locale === 'en' ? '/en' : '/';
  const body =
    code === 'not-found' ? m(locale, 'notFoundBody') : code === 'internal' ? m(locale, 'internalBody') : code === 'overloaded' ? m(locale, 'overloadedBody') : props.message;
  return (
    <PublicLayout locale={locale} title={errorMessages(locale, code)} siteName={m(locale, 'siteName')} homeHref={homeHref} demo={props.demo}>
      {body ? <p>{body}</p> : null}
      {props.requestId && code === 'internal' ? <p>{m(locale, 'referenceId', { id: props.requestId })}</p> : null}
      <p>
        <a href={props.back?.href ?? homeHref}>{m(locale, props.back?.to ?? 'home')}</a>
      </p>
    </PublicLayout>
  );
}

import { PublicLayout } from '../../ui/layouts/public-layout.js';
import type { ErrorCode } from '../errors/index.js';
import type { Locale } from '../i18n/index.js';
import { createCatalog } from '../i18n/index.js';
import { errorMessages } from './messages.js';

const m = createCatalog(
  {
    siteName: '事務局システム',
    home: 'トップページへ戻る',
    adminHome: '管理画面のホームへ戻る',
    reopen: '元の画面を開き直す',
    notFoundBody: 'お探しのページは移動または削除されたか、URLが間違っている可能性があります。',
    internalBody: 'しばらく時間をおいてから再度お試しください。問題が続く場合は、問い合わせ番号を添えて事務局へご連絡ください。',
    overloadedBody: 'ご迷惑をおかけしています。数分後にもう一度アクセスしてください。このページは自動では更新されません。',
    referenceId: '問い合わせ番号：{id}',
  },
  {
    siteName: 'Secretariat system',
    home: 'Back to the top page',
    adminHome: 'Back to the back office',
    reopen: 'Open the page again',
    notFoundBody: 'The page you are looking for may have been moved or deleted, or the URL may be wrong.',
    internalBody: 'Please try again later. If the problem persists, contact the secretariat with the reference number.',
    overloadedBody: 'We apologise for the inconvenience. Please try again in a few minutes. This page does not refresh by itself.',
    referenceId: 'Reference: {id}',
  },
);

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

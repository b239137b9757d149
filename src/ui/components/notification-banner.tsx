import { uiMessages } from '../messages.js';
import type { Child, Locale } from './types.js';

export type BannerKind = 'info' | 'success' | 'warning' | 'error';

export interface NotificationBannerProps {
  kind: BannerKind;
  title: Child;
  /** Heading id; give one when a page has two banners of the same kind. */
  id?: string;
  locale?: Locale;
  children?: Child;
}

const KIND_LABEL = { info: 'bannerInfo', success: 'bannerSuccess', warning: 'bannerWarning', error: 'bannerError' } as const;

/**
 * DADS notification banner. Errors are announced (role="alert"), a success message after a redirect
 * is a polite status; info and warning are named regions that can be found by landmark.
 */
export function NotificationBanner({ kind, title, id, locale = 'ja', children }: NotificationBannerProps) {
  const headingId = id ?? `notification-${kind}`;
  const role = kind === 'error' ? 'alert' : kind === 'success' ? 'status' : 'region';
  return (
    <div class="dads-notification-banner" data-type={kind} role={role} aria-labelledby={headingId}>
      <BannerIcon kind={kind} label={uiMessages(locale, KIND_LABEL[kind])} />
      <h2 id={headingId} class="dads-notification-banner__heading">
        {title}
      </h2>
      {children !== undefined && <div class="dads-notification-banner__body">{children}</div>}
    </div>
  );
}

const ICON_PATHS: Record<BannerKind, string> = {
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z',
  success: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.5 14.5-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4-7 7Z',
  warning: 'M1 21h22L12 2 1 21Zm12-3h-2v-2h2v2Zm0-4h-2v-4h2v4Z',
  error: 'M8.25 21 3 15.75v-7.5L8.25 3h7.5L21 8.25v7.5L15.75 21h-7.5ZM11 7v6h2V7h-2Zm0 8v2h2v-2h-2Z',
};

function BannerIcon({ kind, label }: { kind: BannerKind; label: string }) {
  return (
    <svg class="dads-notification-banner__icon" width="24" height="24" viewBox="0 0 24 24" role="img" aria-label={label} focusable="false">
      <path d={ICON_PATHS[kind]} fill="currentColor" />
    </svg>
  );
}

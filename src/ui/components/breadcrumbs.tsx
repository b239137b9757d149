import { uiMessages } from '../messages.js';
import type { Child, Locale } from './types.js';

export interface BreadcrumbItem {
  label: Child;
  href?: string;
}

export interface BreadcrumbsProps {
  items: readonly BreadcrumbItem[];
  locale?: Locale;
}

/** Breadcrumb trail; the last item is the current page. */
export function Breadcrumbs({ items, locale = 'ja' }: BreadcrumbsProps) {
  if (items.length === 0) return null;
  const last = items.length - 1;
  return (
    <nav class="dads-breadcrumb" aria-label={uiMessages(locale, 'breadcrumbsLabel')}>
      <ol class="dads-breadcrumb__list">
        {items.map((item, i) => (
          <li class="dads-breadcrumb__item">
            {item.href !== undefined ? (
              <a class="dads-breadcrumb__link" href={item.href} aria-current={i === last ? 'page' : undefined}>
                {item.label}
              </a>
            ) : (
              <span class="dads-breadcrumb__current" aria-current={i === last ? 'page' : undefined}>
                {item.label}
              </span>
            )}
            {i < last && (
              <svg class="dads-breadcrumb__separator" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
                <path d="M4.1 1.3 3 2.4 6.6 6 3 9.6l1.1 1.1L8.8 6 4.1 1.3Z" fill="currentColor" />
              </svg>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

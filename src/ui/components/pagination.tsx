import { uiMessages } from '../messages.js';
import type { Locale } from './types.js';

export interface PaginationProps {
  /** 1-based current page. */
  page: number;
  perPage: number;
  total: number;
  hrefFor: (page: number) => string;
  locale?: Locale;
}

/** Pages to show: first, last, and the current page with two neighbours; `null` marks a gap. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const keep = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  const out: (number | null)[] = [];
  for (let p = 1; p <= pages; p++) {
    if (keep.has(p)) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** 「全{total}件中 {from}–{to}件」 and, when there is more than one page, page links. */
export function Pagination({ page, perPage, total, hrefFor, locale = 'ja' }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, perPage)));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const from = total === 0 ? 0 : (current - 1) * perPage + 1;
  const to = Math.min(current * perPage, total);
  const t = (k: Parameters<typeof uiMessages>[1], p?: Record<string, number>) => uiMessages(locale, k, p);
  return (
    <div class="dads-pagination">
      <p class="dads-pagination__summary">
        {total === 0 ? t('paginationSummaryEmpty') : t('paginationSummary', { total, from, to })}
      </p>
      {pages > 1 && (
        <nav class="dads-pagination__nav" aria-label={t('paginationLabel')}>
          <ul class="dads-pagination__list">
            {current > 1 && (
              <li class="dads-pagination__item" data-kind="prev">
                <a class="dads-pagination__link" href={hrefFor(current - 1)} rel="prev">
                  {t('paginationPrevious')}
                </a>
              </li>
            )}
            {pageWindow(current, pages).map((p) =>
              p === null ? (
                <li class="dads-pagination__item" data-kind="ellipsis" aria-hidden="true">
                  …
                </li>
              ) : (
                <li class="dads-pagination__item">
                  <a
                    class="dads-pagination__link"
                    href={hrefFor(p)}
                    aria-label={t('paginationPage', { page: p })}
                    aria-current={p === current ? 'page' : undefined}
                  >
                    {p}
                  </a>
                </li>
              ),
            )}
            {current < pages && (
              <li class="dads-pagination__item" data-kind="next">
                <a class="dads-pagination__link" href={hrefFor(current + 1)} rel="next">
                  {t('paginationNext')}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </div>
  );
}

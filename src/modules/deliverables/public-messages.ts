import { createCatalog, type Params } from '../../platform/i18n/index.js';
import type { Locale } from '../../platform/i18n/index.js';

/** Texts of the public article pages (bilingual; the articles themselves are Japanese data). */
export const articlePublicMessages = createCatalog(
  {
    list: 'ヒアリング記事',
    intro: '交流会に向けて訪問した団体のお話を紹介します。',
    none: '掲載している記事はまだありません。',
    speaker: '{group}　{speaker}',
    published: '掲載日 {date}',
    back: '記事の一覧へ',
  },
  {
    list: 'Interview articles',
    intro: 'Stories of the groups we visited before the exchange meeting (in Japanese).',
    none: 'No articles have been published yet.',
    speaker: '{group}, {speaker}',
    published: 'Published {date}',
    back: 'All articles',
  },
);

export type ArticlePublicKey = Parameters<typeof articlePublicMessages>[1];
export const apm = (locale: Locale, key: ArticlePublicKey, params?: Params) => articlePublicMessages(locale, key, params);

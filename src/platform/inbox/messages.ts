import { createCatalog, type Params } from '../i18n/index.js';

/** The work inbox and its digest mail (back office: Japanese only). */
const catalog = createCatalog({
  title: '対応待ちの仕事',
  intro: '担当している事業で、あなたの対応を待っている仕事です。待っている期間が長いものから並べています。',
  caption: '対応待ちの仕事（古い順）',
  colSince: '待ち始め',
  colDue: '期限',
  colProgram: '事業',
  colWork: '仕事',
  colCount: '件数',
  none: '対応待ちの仕事はありません。',
  unknown: '—',
  homeLink: '対応待ちの仕事の一覧',
  digestSubject: '【事務局システム】{date} の対応待ち {count}件',
  digestIntro: '{date} 9時時点で、あなたの対応を待っている仕事は次のとおりです。',
  digestLine: '・{program}：{label} {count}件{due}\n  {url}',
  digestDue: '（期限 {date}）',
  digestOutro: '一覧：{url}\n\nこのメールは対応待ちの仕事があるときだけ、毎日9時に送られます。',
});

export const inboxMessages = (key: Parameters<typeof catalog>[1], params?: Params) => catalog('ja', key, params);

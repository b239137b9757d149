/**
 * User-facing text of the shared UI layer (layouts and components).
 * Japanese is the source; English is provided for everything that can appear on public pages.
 */
import { createCatalog } from '../platform/i18n/index.js';

export const uiMessages = createCatalog(
  {
    // Form fields
    required: '必須',
    optional: '任意',
    errorPrefix: 'エラー：',
    selectPlaceholder: '選択してください',
    dateHint: '年・月・日を「2025-04-01」の形式で入力してください。',
    // Error summary
    errorSummaryTitle: '入力内容を確認してください（{count}件のエラーがあります）',
    // Page chrome
    pageTitle: '{title} | {siteName}',
    pageTitleError: 'エラー：{title} | {siteName}',
    skipLink: '本文へ移動',
    breadcrumbsLabel: 'パンくずリスト',
    mainNavLabel: 'メインメニュー',
    languageSwitchLabel: '言語の切り替え',
    languageNameJa: '日本語',
    languageNameEn: 'English',
    demoBannerTitle: 'デモ環境',
    demoBannerBody: 'デモ環境です。表示されているデータはすべて架空のものです。',
    footerCopyright: '© {siteName}',
    // Admin chrome
    adminProductName: '事務局システム',
    adminNavLabel: '管理メニュー',
    adminUserLabel: 'ログイン中のユーザー：',
    adminUserRoles: '（{roles}）',
    logout: 'ログアウト',
    // Tables and pagination
    tableEmpty: '該当するデータはありません。',
    paginationLabel: 'ページ送り',
    paginationPrevious: '前へ',
    paginationNext: '次へ',
    paginationPage: '{page}ページ目',
    paginationSummary: '全{total}件中 {from}–{to}件',
    paginationSummaryEmpty: '全0件',
    // Notification banners
    bannerInfo: 'お知らせ',
    bannerSuccess: '完了',
    bannerWarning: '注意',
    bannerError: 'エラー',
    // Confirm pages
    cancel: 'キャンセル',
  },
  {
    required: 'Required',
    optional: 'Optional',
    errorPrefix: 'Error: ',
    selectPlaceholder: 'Please select',
    dateHint: 'Enter the date in the format 2025-04-01 (year-month-day).',
    errorSummaryTitle: 'Please check your entries ({count} errors)',
    pageTitle: '{title} | {siteName}',
    pageTitleError: 'Error: {title} | {siteName}',
    skipLink: 'Skip to main content',
    breadcrumbsLabel: 'Breadcrumb',
    mainNavLabel: 'Main menu',
    languageSwitchLabel: 'Language',
    demoBannerTitle: 'Demo environment',
    demoBannerBody: 'This is a demo environment. All data shown is fictitious.',
    tableEmpty: 'No records found.',
    paginationLabel: 'Pagination',
    paginationPrevious: 'Previous',
    paginationNext: 'Next',
    paginationPage: 'Page {page}',
    paginationSummary: '{from}–{to} of {total}',
    paginationSummaryEmpty: '0 results',
    bannerInfo: 'Information',
    bannerSuccess: 'Success',
    bannerWarning: 'Warning',
    bannerError: 'Error',
    cancel: 'Cancel',
  },
);

/** Keys only the Japanese-only back office uses, or whose text is the same in both languages (the language names, shown with their own `lang`). */
export const UI_JA_ONLY_KEYS: ReadonlySet<string> = new Set(['adminProductName', 'adminNavLabel', 'adminUserLabel', 'adminUserRoles', 'logout', 'languageNameJa', 'languageNameEn', 'footerCopyright']);

export type UiMessageKey = (typeof uiMessages.keys)[number];

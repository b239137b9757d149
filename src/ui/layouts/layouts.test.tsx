import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorSummary } from '../components/error-summary.js';
import { renderPage } from '../render.js';
import { attr, count, ids, tags } from '../test-helpers.js';
import { AdminLayout } from './admin-layout.js';
import { PublicLayout } from './public-layout.js';

const crumbs = [{ label: 'ホーム', href: '/' }, { label: '申請' }];

describe('PublicLayout', () => {
  test('doctype, lang, title, one h1, skip link to an existing #main', async () => {
    const out = await renderPage(
      <PublicLayout locale="ja" title="申請フォーム" siteName="さくら市 補助金" homeHref="/" breadcrumbs={crumbs}>
        <p>本文</p>
      </PublicLayout>,
    );
    assert.ok(out.startsWith('<!DOCTYPE html><html lang="ja">'));
    assert.match(out, /<title>申請フォーム \| さくら市 補助金<\/title>/);
    assert.match(out, /<meta name="viewport" content="width=device-width, initial-scale=1"\/>/);
    assert.equal(count(out, '<h1'), 1);
    assert.match(out, /<h1[^>]*>申請フォーム<\/h1>/);
    const skip = tags(out, 'a')[0];
    assert.equal(attr(skip, 'href'), '#main');
    assert.match(out, /href="#main">本文へ移動<\/a>/);
    const main = tags(out, 'main')[0];
    assert.equal(attr(main, 'id'), 'main');
    assert.equal(attr(main, 'tabindex'), '-1');
    assert.match(out, /<nav class="dads-breadcrumb" aria-label="パンくずリスト">/);
    assert.match(out, /<link rel="stylesheet" href="\/static\/tokens\.[0-9a-f]{10}\.css"\/><link rel="stylesheet" href="\/static\/app\.[0-9a-f]{10}\.css"\/>/);
    assert.match(out, /<script src="\/static\/app\.[0-9a-f]{10}\.js" defer=""><\/script>/);
    assert.doesNotMatch(out, /デモ環境です/);
  });

  test('English page with language switch to Japanese and the demo banner', async () => {
    const out = await renderPage(
      <PublicLayout locale="en" title="Apply" siteName="Sakura City" homeHref="/en" langSwitchHref="/ja/apply" demo nav={[{ label: 'Home', href: '/en', current: true }]}>
        <p>Body</p>
      </PublicLayout>,
    );
    assert.match(out, /<html lang="en">/);
    assert.match(out, /Skip to main content/);
    assert.match(out, /<a[^>]*href="\/ja\/apply" lang="ja" hreflang="ja">日本語<\/a>/);
    assert.match(out, /This is a demo environment\. All data shown is fictitious\./);
    assert.match(out, /aria-label="Main menu"/);
    assert.match(out, /href="\/en" aria-current="page">Home/);
  });

  test('Japanese page switches to English; demo banner text', async () => {
    const out = await renderPage(
      <PublicLayout locale="ja" title="T" siteName="S" homeHref="/" langSwitchHref="/en" demo>
        x
      </PublicLayout>,
    );
    assert.match(out, /href="\/en" lang="en" hreflang="en">English<\/a>/);
    assert.match(out, /デモ環境です。表示されているデータはすべて架空のものです。/);
  });

  test('heading={false} lets the page own the only h1; errors prefix the title', async () => {
    const out = await renderPage(
      <PublicLayout locale="ja" title="T" siteName="S" homeHref="/" heading={false} hasErrors notice={<ErrorSummary errors={[{ field: 'a', message: 'm' }]} />}>
        <h1>独自の見出し</h1>
      </PublicLayout>,
    );
    assert.equal(count(out, '<h1'), 1);
    assert.match(out, /<title>エラー：T \| S<\/title>/);
    assert.ok(out.indexOf('data-error-summary') < out.indexOf('独自の見出し'));
  });

  test('ids are unique on a full page', async () => {
    const out = await renderPage(
      <PublicLayout locale="ja" title="T" siteName="S" homeHref="/" breadcrumbs={crumbs} langSwitchHref="/en" demo>
        x
      </PublicLayout>,
    );
    const all = ids(out);
    assert.equal(new Set(all).size, all.length);
  });
});

describe('AdminLayout', () => {
  const nav = [
    { label: 'ダッシュボード', href: '/admin', current: true },
    { label: '申請', href: '/admin/applications' },
  ];

  test('Japanese, product name, user, logout POST with CSRF, nav, one h1, flash', async () => {
    const out = await renderPage(
      <AdminLayout
        title="申請一覧"
        user={{ email: 'staff@example.jp', roles: '事務局員' }}
        nav={nav}
        csrfToken="tok"
        breadcrumbs={crumbs}
        flash={{ kind: 'success', message: '保存しました。' }}
        demo
      >
        <p>本文</p>
      </AdminLayout>,
    );
    assert.ok(out.startsWith('<!DOCTYPE html><html lang="ja">'));
    assert.match(out, /<title>申請一覧 \| 事務局システム<\/title>/);
    assert.match(out, />事務局システム<\/a>/);
    assert.match(out, /staff@example\.jp/);
    assert.match(out, /<form class="app-header__logout" action="\/logout" method="post"><input type="hidden" name="_csrf" value="tok"\/><button[^>]*type="submit">ログアウト<\/button><\/form>/);
    assert.match(out, /<nav class="app-nav" aria-label="管理メニュー">/);
    assert.match(out, /href="\/admin" aria-current="page">ダッシュボード/);
    assert.equal(count(out, '<h1'), 1);
    assert.match(out, /role="status"[^>]*>.*保存しました。/s);
    assert.match(out, /デモ環境です/);
    assert.equal(attr(tags(out, 'main')[0], 'id'), 'main');
    assert.match(out, /href="#main">本文へ移動/);
  });

  test('without a user or token there is no logout form', async () => {
    const out = await renderPage(
      <AdminLayout title="ログイン" nav={[]}>
        <p>x</p>
      </AdminLayout>,
    );
    assert.doesNotMatch(out, /\/logout/);
    assert.doesNotMatch(out, /管理メニュー/);
  });

  test('error flash is an alert', async () => {
    const out = await renderPage(
      <AdminLayout title="T" nav={nav} flash={{ kind: 'error', message: '失敗しました。' }}>
        x
      </AdminLayout>,
    );
    assert.match(out, /role="alert"/);
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attr, html, tags } from '../test-helpers.js';
import { Breadcrumbs } from './breadcrumbs.js';
import { Button } from './button.js';
import { ButtonLink } from './button-link.js';
import { ConfirmForm } from './confirm-form.js';
import { CsrfInput } from './csrf-input.js';
import { DescriptionList } from './description-list.js';
import { Form } from './form.js';
import { NotificationBanner } from './notification-banner.js';
import { StatusBadge } from './status-badge.js';

test('Button: submit buttons are marked for double-submit prevention unless told otherwise', async () => {
  const submit = tags(await html(<Button>送信する</Button>), 'button')[0];
  assert.equal(attr(submit, 'type'), 'submit');
  assert.equal(attr(submit, 'data-prevent-double-submit'), '');
  assert.equal(attr(submit, 'data-type'), 'solid-fill');
  const plain = tags(await html(<Button type="button" variant="secondary">戻る</Button>), 'button')[0];
  assert.equal(attr(plain, 'data-prevent-double-submit'), undefined);
  assert.equal(attr(plain, 'data-type'), 'outline');
  const off = tags(await html(<Button preventDoubleSubmit={false}>CSV</Button>), 'button')[0];
  assert.equal(attr(off, 'data-prevent-double-submit'), undefined);
  const danger = tags(await html(<Button variant="danger" name="action" value="delete">削除</Button>), 'button')[0];
  assert.equal(attr(danger, 'data-type'), 'danger');
  assert.equal(attr(danger, 'name'), 'action');
  assert.equal(attr(danger, 'value'), 'delete');
});

test('ButtonLink is an anchor styled as a button', async () => {
  const out = await html(<ButtonLink href="/apply" variant="tertiary">申請する</ButtonLink>);
  assert.match(out, /^<a class="dads-button" data-type="text" data-size="md" href="\/apply">申請する<\/a>$/);
});

test('Form adds the CSRF field for POST and turns browser validation off', async () => {
  const out = await html(
    <Form action="/apply" csrfToken={'tok"en<'}>
      <p>x</p>
    </Form>,
  );
  const form = tags(out, 'form')[0];
  assert.equal(attr(form, 'method'), 'post');
  assert.equal(attr(form, 'novalidate'), '');
  assert.match(out, /<input type="hidden" name="_csrf" value="tok&quot;en&lt;"\/>/);
  const get = await html(<Form action="/search" method="get" csrfToken="t" label="検索" />);
  assert.doesNotMatch(get, /_csrf/);
  assert.equal(attr(tags(get, 'form')[0], 'aria-label'), '検索');
  const multipart = await html(<Form action="/upload" enctype="multipart/form-data" />);
  assert.equal(attr(tags(multipart, 'form')[0], 'enctype'), 'multipart/form-data');
});

test('CsrfInput', async () => {
  assert.equal(await html(<CsrfInput token="abc" />), '<input type="hidden" name="_csrf" value="abc"/>');
});

test('ConfirmForm: POST with CSRF, submit button and cancel link', async () => {
  const out = await html(
    <ConfirmForm action="/x/delete" csrfToken="t" submitLabel="削除する" cancelHref="/x" heading="削除の確認" danger>
      <p>本当に削除しますか。</p>
    </ConfirmForm>,
  );
  assert.match(out, /<form[^>]*action="\/x\/delete"[^>]*method="post"/);
  assert.match(out, /name="_csrf" value="t"/);
  assert.match(out, /<h2[^>]*>削除の確認<\/h2>/);
  assert.match(out, /data-type="danger"[^>]*>削除する<\/button>/);
  assert.match(out, /<a class="app-link" href="\/x">キャンセル<\/a>/);
});

test('Breadcrumbs: labelled nav with an ordered list, last item is the current page', async () => {
  const out = await html(<Breadcrumbs items={[{ label: 'ホーム', href: '/' }, { label: '申請', href: '/apply' }, { label: '入力' }]} />);
  assert.equal(attr(tags(out, 'nav')[0], 'aria-label'), 'パンくずリスト');
  assert.equal(tags(out, 'ol').length, 1);
  assert.equal(tags(out, 'li').length, 3);
  assert.match(out, /<li[^>]*><span[^>]*aria-current="page">入力<\/span><\/li><\/ol>/);
  assert.equal((out.match(/aria-current/g) ?? []).length, 1);
  const linkedLast = await html(<Breadcrumbs items={[{ label: 'Home', href: '/en' }]} locale="en" />);
  assert.match(linkedLast, /aria-label="Breadcrumb"/);
  assert.match(linkedLast, /href="\/en" aria-current="page"/);
});

test('NotificationBanner roles: error alert, success status, info/warning labelled regions', async () => {
  const error = await html(<NotificationBanner kind="error" title="送信できませんでした" />);
  assert.match(error, /role="alert" aria-labelledby="notification-error"/);
  assert.match(error, /<h2 id="notification-error"[^>]*>送信できませんでした<\/h2>/);
  assert.match(error, /role="img" aria-label="エラー"/);
  const success = await html(<NotificationBanner kind="success" title="保存しました" id="saved" />);
  assert.match(success, /role="status" aria-labelledby="saved"/);
  const info = await html(<NotificationBanner kind="info" title="Notice" locale="en"><p>Body</p></NotificationBanner>);
  assert.match(info, /role="region"/);
  assert.match(info, /aria-label="Information"/);
  assert.match(info, /<div class="dads-notification-banner__body"><p>Body<\/p><\/div>/);
});

test('StatusBadge and DescriptionList', async () => {
  assert.equal(await html(<StatusBadge tone="danger">販売終了</StatusBadge>), '<span class="dads-status-badge" data-tone="danger">販売終了</span>');
  const dl = await html(<DescriptionList items={[{ term: '氏名', detail: '<山田>' }]} />);
  assert.match(dl, /<dl[^>]*><div[^>]*><dt[^>]*>氏名<\/dt><dd[^>]*>&lt;山田&gt;<\/dd><\/div><\/dl>/);
});

/**
 * The Content-Security-Policy forbids inline scripts and styles, so no rendered markup may carry a
 * `style` attribute, a `<style>` element, an inline `<script>` or an event-handler attribute.
 * Renders every component and both layouts, with hostile user values, and checks that.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as ui from './index.js';
import { renderPage } from './render.js';

const EVIL = '<script>alert("x")</script>';
const options = [
  { value: EVIL, label: EVIL, hint: EVIL },
  { value: 'b', label: 'B' },
];
const errors = [{ field: 'f.text', message: EVIL }];

function Everything() {
  return (
    <div>
      <ui.ErrorSummary errors={errors} />
      <ui.Form action="/x" csrfToken={EVIL} enctype="multipart/form-data">
        <ui.TextField name="f.text" label={EVIL} value={EVIL} hint={EVIL} error={EVIL} required />
        <ui.TextArea name="f.area" label="A" value={EVIL} error={EVIL} />
        <ui.SelectField name="f.select" label="S" options={[{ value: EVIL, label: EVIL }]} value={EVIL} />
        <ui.RadioGroup name="f.radio" label="R" options={options} value={EVIL} error={EVIL} hint={EVIL} />
        <ui.CheckboxGroup name="f.check" label="C" options={options} values={[EVIL]} error={EVIL} />
        <ui.Checkbox name="f.agree" label={EVIL} hint={EVIL} error={EVIL} required />
        <ui.DateField name="f.date" label="D" value={EVIL} error={EVIL} />
        <ui.FileField name="f.file" label="F" accept=".pdf" error={EVIL} />
        <ui.Button name="go" value={EVIL}>
          {EVIL}
        </ui.Button>
        <ui.ButtonLink href="/back" variant="secondary">
          {EVIL}
        </ui.ButtonLink>
      </ui.Form>
      <ui.ConfirmForm action="/c" csrfToken={EVIL} submitLabel={EVIL} cancelHref="/" heading={EVIL} danger>
        <ui.DescriptionList items={[{ term: EVIL, detail: EVIL }]} />
      </ui.ConfirmForm>
      <ui.Table caption={EVIL} columns={[{ key: 'a', header: EVIL }, { key: 'n', header: 'N', numeric: true }]} rows={[{ a: EVIL, n: 1 }]} />
      <ui.Table caption="empty" columns={[{ key: 'a', header: 'A' }]} rows={[]} />
      <ui.Pagination page={2} perPage={10} total={100} hrefFor={(p) => `/list?q=${EVIL}&page=${p}`} />
      {(['info', 'success', 'warning', 'error'] as const).map((kind) => (
        <ui.NotificationBanner kind={kind} title={EVIL} id={`b-${kind}`}>
          <p>{EVIL}</p>
        </ui.NotificationBanner>
      ))}
      <ui.Breadcrumbs items={[{ label: EVIL, href: '/' }, { label: EVIL }]} />
      <ui.StatusBadge tone="warning">{EVIL}</ui.StatusBadge>
      <ui.Tag>{EVIL}</ui.Tag>
      <ui.VisuallyHidden>{EVIL}</ui.VisuallyHidden>
      <ui.SkipLink />
      <ui.DemoBanner />
      <ui.LanguageSwitch locale="ja" href="/en" />
      <ui.SiteNav items={[{ label: EVIL, href: '/', current: true }]} label="nav" />
      <ui.CsrfInput token={EVIL} />
    </div>
  );
}

async function pages(): Promise<string[]> {
  return Promise.all([
    renderPage(
      <ui.PublicLayout
        locale="ja"
        title={EVIL}
        siteName={EVIL}
        homeHref="/"
        langSwitchHref="/en"
        demo
        breadcrumbs={[{ label: EVIL, href: '/' }, { label: EVIL }]}
        nav={[{ label: EVIL, href: '/' }]}
        notice={<ui.NotificationBanner kind="info" title={EVIL} />}
        footer={<p>{EVIL}</p>}
      >
        <Everything />
      </ui.PublicLayout>,
    ),
    renderPage(
      <ui.PublicLayout locale="en" title="T" siteName="S" homeHref="/en">
        <Everything />
      </ui.PublicLayout>,
    ),
    renderPage(
      <ui.AdminLayout
        title={EVIL}
        user={{ email: EVIL, roles: EVIL }}
        nav={[{ label: EVIL, href: '/admin', current: true }]}
        breadcrumbs={[{ label: EVIL }]}
        demo
        flash={{ kind: 'error', message: EVIL }}
        csrfToken={EVIL}
      >
        <Everything />
      </ui.AdminLayout>,
    ),
  ]);
}

test('no inline styles, no inline scripts, no event handlers anywhere', async () => {
  for (const page of await pages()) {
    assert.doesNotMatch(page, /\sstyle=/i, 'style attribute');
    assert.doesNotMatch(page, /<style[\s>]/i, '<style> element');
    assert.doesNotMatch(page, /\son[a-z]+=/i, 'event handler attribute');
    assert.doesNotMatch(page, /javascript:/i, 'javascript: URL');
    const scripts = page.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? [];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]!, /^<script src="\/static\/app\.[0-9a-f]{10}\.js" defer=""><\/script>$/);
  }
});

test('user values are escaped everywhere', async () => {
  for (const page of await pages()) {
    assert.doesNotMatch(page, /<script>alert/);
    assert.match(page, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
  }
});

test('every page has exactly one h1 and one main', async () => {
  for (const page of await pages()) {
    assert.equal(page.split('<h1').length - 1, 1);
    assert.equal(page.split('<main').length - 1, 1);
  }
});

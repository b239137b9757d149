import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attr, html, ids, tags } from '../test-helpers.js';
import { CheckboxGroup } from './checkbox-group.js';
import { ErrorSummary, errorFor } from './error-summary.js';
import { RadioGroup } from './radio-group.js';
import { TextField } from './text-field.js';

const errors = [
  { field: 'applicant.name', message: '氏名を入力してください' },
  { field: 'plan', message: 'プランを選択してください' },
  { field: 'topics', message: '関心のある分野を選んでください' },
];

test('every summary link points at an existing control id, radio/checkbox groups at their first option', async () => {
  const out = await html(
    <div>
      <ErrorSummary errors={errors} />
      <TextField name="applicant.name" label="氏名" error={errorFor(errors, 'applicant.name')} />
      <RadioGroup name="plan" label="プラン" options={[{ value: '1', label: '一' }, { value: '2', label: '二' }]} error={errorFor(errors, 'plan')} />
      <CheckboxGroup name="topics" label="分野" options={[{ value: 'x', label: 'X' }]} error={errorFor(errors, 'topics')} />
    </div>,
  );
  const links = tags(out, 'a').map((a) => attr(a, 'href'));
  assert.deepEqual(links, ['#applicant-name', '#plan', '#topics']);
  const all = ids(out);
  for (const href of links) {
    const id = href!.slice(1);
    assert.ok(all.includes(id), `${id} exists`);
    assert.match(out, new RegExp(`<input[^>]*\\sid="${id}"`), `${id} is an input`);
  }
});

test('summary takes focus: tabindex -1, autofocus, a hook for app.js, a labelled alert with the count', async () => {
  const out = await html(<ErrorSummary errors={errors} />);
  const root = tags(out, 'div')[0];
  assert.equal(attr(root, 'tabindex'), '-1');
  assert.equal(attr(root, 'autofocus'), '');
  assert.equal(attr(root, 'data-error-summary'), '');
  assert.equal(attr(root, 'aria-labelledby'), 'error-summary-title');
  assert.match(out, /role="alert"/);
  assert.match(out, /<h2 id="error-summary-title"[^>]*>入力内容を確認してください（3件のエラーがあります）<\/h2>/);
});

test('nothing is rendered without errors', async () => {
  assert.equal(await html(<div>{ErrorSummary({ errors: [] })}</div>), '<div></div>');
});

test('English title', async () => {
  const out = await html(<ErrorSummary errors={errors.slice(0, 1)} locale="en" />);
  assert.match(out, /Please check your entries/);
});

test('messages are escaped', async () => {
  const out = await html(<ErrorSummary errors={[{ field: 'a', message: '<img src=x onerror=alert(1)>' }]} />);
  assert.doesNotMatch(out, /<img/);
  assert.match(out, /&lt;img src=x/);
});

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attr, html, tagWithId, tags } from '../test-helpers.js';
import { Checkbox } from './checkbox.js';
import { CheckboxGroup } from './checkbox-group.js';
import { DateField } from './date-field.js';
import { FileField } from './file-field.js';
import { RadioGroup } from './radio-group.js';
import { SelectField } from './select-field.js';
import { TextArea } from './text-area.js';
import { TextField } from './text-field.js';

const options = [
  { value: 'a', label: 'A案' },
  { value: 'b', label: 'B案' },
  { value: 'c', label: 'C案' },
];

describe('single-control fields', () => {
  const cases = [
    ['TextField', (p: { error?: string; hint?: string; required?: boolean }) => <TextField name="applicant.email" label="メールアドレス" {...p} />],
    ['TextArea', (p: { error?: string; hint?: string; required?: boolean }) => <TextArea name="applicant.email" label="備考" {...p} />],
    ['SelectField', (p: { error?: string; hint?: string; required?: boolean }) => <SelectField name="applicant.email" label="区分" options={options} {...p} />],
    ['DateField', (p: { error?: string; hint?: string; required?: boolean }) => <DateField name="applicant.email" label="日付" {...p} />],
    ['FileField', (p: { error?: string; hint?: string; required?: boolean }) => <FileField name="applicant.email" label="添付" accept=".pdf" {...p} />],
  ] as const;

  for (const [name, render] of cases) {
    test(`${name}: label for matches the control id derived from the name`, async () => {
      const out = await html(render({}));
      const label = tags(out, 'label')[0];
      assert.equal(attr(label, 'for'), 'applicant-email');
      const control = tagWithId(out, 'applicant-email');
      assert.ok(control, 'control with the field id exists');
      assert.equal(attr(control, 'name'), 'applicant.email');
    });

    test(`${name}: error and hint wired through aria-describedby, aria-invalid only with an error`, async () => {
      const withError = await html(render({ error: '入力してください', hint: '半角で入力', required: true }));
      const control = tagWithId(withError, 'applicant-email');
      assert.equal(attr(control, 'aria-invalid'), 'true');
      assert.equal(attr(control, 'aria-describedby'), 'applicant-email-error applicant-email-hint');
      assert.ok(tagWithId(withError, 'applicant-email-error'));
      assert.ok(tagWithId(withError, 'applicant-email-hint'));
      assert.match(withError, /<span class="visually-hidden">エラー：<\/span>入力してください/);
      assert.equal(attr(control, 'aria-required'), 'true');
      assert.match(withError, /data-required="true">必須</);
      assert.doesNotMatch(withError, /\srequired=""/, 'no HTML required attribute');

      const clean = await html(render({ hint: '半角で入力' }));
      const plain = tagWithId(clean, 'applicant-email');
      assert.equal(attr(plain, 'aria-invalid'), undefined);
      assert.equal(attr(plain, 'aria-describedby'), 'applicant-email-hint');
      assert.equal(tagWithId(clean, 'applicant-email-error'), undefined);
      assert.match(clean, /data-required="false">任意</);
    });
  }

  test('English badges and error prefix', async () => {
    const out = await html(<TextField name="name" label="Name" required error="Enter your name" locale="en" />);
    assert.match(out, />Required</);
    assert.match(out, /<span class="visually-hidden">Error: <\/span>Enter your name/);
    const opt = await html(<TextField name="name" label="Name" locale="en" />);
    assert.match(opt, />Optional</);
  });

  test('no describedby when there is neither hint nor error', async () => {
    const out = await html(<TextField name="x" label="X" />);
    assert.equal(attr(tagWithId(out, 'x'), 'aria-describedby'), undefined);
  });

  test('TextField passes input attributes through', async () => {
    const out = await html(
      <TextField name="tel" label="電話" type="tel" autocomplete="tel" inputmode="tel" maxLength={13} width="sm" lang="en" value="03-1234" />,
    );
    const input = tagWithId(out, 'tel');
    assert.equal(attr(input, 'type'), 'tel');
    assert.equal(attr(input, 'autocomplete'), 'tel');
    assert.equal(attr(input, 'inputmode'), 'tel');
    assert.equal(attr(input, 'maxlength'), '13');
    assert.equal(attr(input, 'data-width'), 'sm');
    assert.equal(attr(input, 'lang'), 'en');
    assert.equal(attr(input, 'value'), '03-1234');
  });

  test('DateField is a native date input with a default format hint', async () => {
    const out = await html(<DateField name="period.start" label="開始日" value="2025-04-01" />);
    const input = tagWithId(out, 'period-start');
    assert.equal(attr(input, 'type'), 'date');
    assert.equal(attr(input, 'value'), '2025-04-01');
    assert.match(out, /2025-04-01」の形式/);
  });

  test('SelectField marks the chosen option and has an empty first option by default', async () => {
    const out = await html(<SelectField name="kind" label="区分" options={options} value="b" />);
    const opts = tags(out, 'option');
    assert.equal(opts.length, 4);
    assert.equal(attr(opts[0], 'value'), '');
    assert.equal(attr(opts[2], 'selected'), '');
    assert.equal(attr(opts[1], 'selected'), undefined);
    const none = await html(<SelectField name="kind" label="区分" options={options} emptyOption={false} />);
    assert.equal(tags(none, 'option').length, 3);
  });

  test('FileField keeps accept and multiple', async () => {
    const out = await html(<FileField name="doc" label="添付" accept=".pdf,image/png" multiple />);
    const input = tagWithId(out, 'doc');
    assert.equal(attr(input, 'type'), 'file');
    assert.equal(attr(input, 'accept'), '.pdf,image/png');
    assert.equal(attr(input, 'multiple'), '');
  });

  test('TextArea escapes its content', async () => {
    const out = await html(<TextArea name="note" label="備考" value={'</textarea><script>alert(1)</script>'} />);
    assert.doesNotMatch(out, /<script>/);
    assert.match(out, /&lt;\/textarea&gt;&lt;script&gt;/);
  });
});

describe('groups', () => {
  test('RadioGroup: fieldset + legend with badge, ids field, field-2, field-3', async () => {
    const out = await html(
      <RadioGroup name="plan.kind" label="プラン" required hint="一つ選んでください" error="選択してください" options={options} value="b" />,
    );
    assert.match(out, /<fieldset[^>]*>\s*<legend[^>]*>.*プラン.*必須.*<\/legend>/s);
    const fieldset = tags(out, 'fieldset')[0];
    assert.equal(attr(fieldset, 'aria-describedby'), 'plan-kind-error plan-kind-hint');
    const radios = tags(out, 'input');
    assert.deepEqual(radios.map((r) => attr(r, 'id')), ['plan-kind', 'plan-kind-2', 'plan-kind-3']);
    assert.ok(radios.every((r) => attr(r, 'type') === 'radio' && attr(r, 'name') === 'plan.kind'));
    assert.ok(radios.every((r) => attr(r, 'aria-invalid') === 'true'));
    assert.equal(attr(radios[1], 'checked'), '');
    assert.equal(attr(radios[0], 'checked'), undefined);
    const labels = tags(out, 'label');
    assert.deepEqual(labels.map((l) => attr(l, 'for')), ['plan-kind', 'plan-kind-2', 'plan-kind-3']);
  });

  test('RadioGroup without error has no aria-invalid', async () => {
    const out = await html(<RadioGroup name="k" label="K" options={options} />);
    assert.ok(tags(out, 'input').every((r) => attr(r, 'aria-invalid') === undefined));
    assert.equal(attr(tags(out, 'fieldset')[0], 'aria-describedby'), undefined);
    assert.match(out, />任意</);
  });

  test('option hints are attached to their own option', async () => {
    const out = await html(
      <RadioGroup name="k" label="K" options={[{ value: '1', label: 'One', hint: '説明' }, { value: '2', label: 'Two' }]} />,
    );
    assert.equal(attr(tagWithId(out, 'k'), 'aria-describedby'), 'k-hint');
    assert.ok(tagWithId(out, 'k-hint'));
    assert.equal(attr(tagWithId(out, 'k-2'), 'aria-describedby'), undefined);
  });

  test('CheckboxGroup checks the given values', async () => {
    const out = await html(<CheckboxGroup name="topics" label="関心" options={options} values={['a', 'c']} error="選んでください" />);
    const boxes = tags(out, 'input');
    assert.deepEqual(boxes.map((b) => attr(b, 'checked')), ['', undefined, '']);
    assert.ok(boxes.every((b) => attr(b, 'type') === 'checkbox'));
    assert.equal(attr(tags(out, 'fieldset')[0], 'aria-describedby'), 'topics-error');
    assert.equal(attr(boxes[0], 'id'), 'topics');
  });

  test('single Checkbox: label for, badge, describedby and aria-invalid on the input', async () => {
    const out = await html(<Checkbox name="agree" label="利用規約に同意する" required hint="必ずお読みください" error="同意してください" />);
    const input = tagWithId(out, 'agree');
    assert.equal(attr(tags(out, 'label')[0], 'for'), 'agree');
    assert.equal(attr(input, 'aria-invalid'), 'true');
    assert.equal(attr(input, 'aria-required'), 'true');
    assert.equal(attr(input, 'aria-describedby'), 'agree-error agree-hint');
    assert.equal(attr(input, 'value'), 'true');
    assert.match(out, /利用規約に同意する<span[^>]*data-required="true">必須/);
  });
});

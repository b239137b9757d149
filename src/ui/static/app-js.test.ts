/** Runs app.js against a minimal fake DOM to check its two enhancements. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import vm from 'node:vm';
import { staticFiles } from './index.js';

const source = fs.readFileSync(staticFiles['app.js'].path, 'utf8');

class FakeElement {
  attrs = new Map<string, string>();
  constructor(private selectorMatch: string[] = []) {}
  matches(sel: string) {
    return this.selectorMatch.includes(sel);
  }
  setAttribute(k: string, v: string) {
    this.attrs.set(k, v);
  }
  removeAttribute(k: string) {
    this.attrs.delete(k);
  }
  hasAttribute(k: string) {
    return this.attrs.has(k);
  }
  getAttribute(k: string) {
    return this.attrs.get(k) ?? null;
  }
  focused = false;
  focus() {
    this.focused = true;
  }
}
class FakeForm extends FakeElement {
  constructor(public elements: FakeElement[]) {
    super();
  }
}

function run(opts: { summary?: FakeElement; forms?: FakeForm[] }) {
  const listeners: Record<string, ((e: unknown) => void)[]> = {};
  const on = (type: string, fn: (e: unknown) => void) => ((listeners[type] ??= []).push(fn));
  const document = {
    readyState: 'interactive',
    activeElement: null,
    addEventListener: on,
    querySelector: (sel: string) => (sel === '[data-error-summary]' ? (opts.summary ?? null) : null),
    querySelectorAll: () => (opts.forms ?? []).filter((f) => f.hasAttribute('data-submitting')),
  };
  const window = { addEventListener: on };
  vm.runInNewContext(source, { document, window, HTMLElement: FakeElement, HTMLFormElement: FakeForm });
  const fire = (type: string, event: Record<string, unknown>) => {
    let prevented = false;
    const e = { ...event, defaultPrevented: false, preventDefault: () => (prevented = true) };
    for (const fn of listeners[type] ?? []) fn(e);
    return prevented;
  };
  return { fire };
}

test('focuses the error summary on load', () => {
  const summary = new FakeElement();
  run({ summary });
  assert.equal(summary.focused, true);
});

test('blocks the second submit of a marked form and sets aria-disabled, without disabling', () => {
  const button = new FakeElement(['[data-prevent-double-submit]']);
  const other = new FakeElement();
  const form = new FakeForm([other, button]);
  const { fire } = run({ forms: [form] });
  assert.equal(fire('submit', { target: form }), false, 'first submit goes through');
  assert.equal(button.getAttribute('aria-disabled'), 'true');
  assert.equal(button.hasAttribute('disabled'), false);
  assert.equal(other.hasAttribute('aria-disabled'), false);
  assert.equal(fire('submit', { target: form }), true, 'second submit is cancelled');
  fire('pageshow', { persisted: true });
  assert.equal(button.hasAttribute('aria-disabled'), false, 'reset after back navigation');
  assert.equal(fire('submit', { target: form }), false);
});

test('leaves unmarked forms alone', () => {
  const form = new FakeForm([new FakeElement()]);
  const { fire } = run({ forms: [form] });
  assert.equal(fire('submit', { target: form }), false);
  assert.equal(fire('submit', { target: form }), false);
});

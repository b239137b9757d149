import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UI_JA_ONLY_KEYS as JA_ONLY, uiMessages } from './messages.js';

test('every key that can appear on a public page has English', () => {
  const missing = uiMessages.keys.filter((k) => !JA_ONLY.has(k) && uiMessages.en[k] === undefined);
  assert.deepEqual(missing, []);
});

test('placeholders match between languages', () => {
  const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const k of uiMessages.keys) {
    const en = uiMessages.en[k];
    if (en !== undefined) assert.deepEqual(names(en), names(uiMessages.ja[k]), k);
  }
});

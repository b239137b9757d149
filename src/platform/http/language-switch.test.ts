import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Hono } from 'hono';
import type { AppEnv } from './env.js';
import { otherLanguageHref } from './public-page.js';

/** The language switch of a page rendered at `url` in `locale`. */
async function switchOf(url: string, locale: 'ja' | 'en'): Promise<string> {
  const app = new Hono<AppEnv>();
  app.get('*', (c) => {
    c.set('locale', locale);
    return c.text(otherLanguageHref(c));
  });
  return (await app.request(url)).text();
}

test('public pages switch between /path and /en/path, keeping the query', async () => {
  assert.equal(await switchOf('/demo-stay/facilities?q=akiu', 'ja'), '/en/demo-stay/facilities?q=akiu');
  assert.equal(await switchOf('/en/demo-stay/facilities?q=akiu', 'en'), '/demo-stay/facilities?q=akiu');
  assert.equal(await switchOf('/', 'ja'), '/en');
  assert.equal(await switchOf('/en', 'en'), '/');
});

test('back-office previews switch by ?lang=en, never to /en/admin (which does not exist)', async () => {
  assert.equal(await switchOf('/admin/site/demo-stay/versions/3/preview', 'ja'), '/admin/site/demo-stay/versions/3/preview?lang=en');
  assert.equal(await switchOf('/admin/site/demo-stay/versions/3/preview?lang=en', 'en'), '/admin/site/demo-stay/versions/3/preview');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attr, count, html, tags } from '../test-helpers.js';
import { Pagination, pageWindow } from './pagination.js';

const hrefFor = (p: number) => `/list?page=${p}`;

test('summary, nav label, current page, previous and next', async () => {
  const out = await html(<Pagination page={3} perPage={20} total={95} hrefFor={hrefFor} />);
  assert.match(out, /全95件中 41–60件/);
  assert.equal(attr(tags(out, 'nav')[0], 'aria-label'), 'ページ送り');
  const current = tags(out, 'a').filter((a) => attr(a, 'aria-current') === 'page');
  assert.equal(current.length, 1);
  assert.equal(attr(current[0], 'href'), '/list?page=3');
  assert.match(out, /href="\/list\?page=2" rel="prev">前へ/);
  assert.match(out, /href="\/list\?page=4" rel="next">次へ/);
});

test('first and last pages omit previous / next', async () => {
  const first = await html(<Pagination page={1} perPage={10} total={25} hrefFor={hrefFor} />);
  assert.equal(count(first, 'rel="prev"'), 0);
  assert.equal(count(first, 'rel="next"'), 1);
  const last = await html(<Pagination page={3} perPage={10} total={25} hrefFor={hrefFor} />);
  assert.match(last, /全25件中 21–25件/);
  assert.equal(count(last, 'rel="next"'), 0);
});

test('a single page shows only the summary; zero results say so', async () => {
  const one = await html(<Pagination page={1} perPage={10} total={4} hrefFor={hrefFor} />);
  assert.equal(tags(one, 'nav').length, 0);
  assert.match(one, /全4件中 1–4件/);
  const none = await html(<Pagination page={1} perPage={10} total={0} hrefFor={hrefFor} />);
  assert.match(none, /全0件/);
});

test('out-of-range pages are clamped', async () => {
  const out = await html(<Pagination page={99} perPage={10} total={25} hrefFor={hrefFor} />);
  assert.match(out, /21–25件/);
});

test('English', async () => {
  const out = await html(<Pagination page={2} perPage={10} total={25} hrefFor={hrefFor} locale="en" />);
  assert.match(out, /11–20 of 25/);
  assert.match(out, /aria-label="Pagination"/);
  assert.match(out, /aria-label="Page 2" aria-current="page"/);
});

test('page window keeps first, last and neighbours with gaps', () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(5, 10), [1, null, 3, 4, 5, 6, 7, null, 10]);
  assert.deepEqual(pageWindow(1, 4), [1, 2, 3, 4]);
});

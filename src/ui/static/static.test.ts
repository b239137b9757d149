import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { assetUrls, isStaticFileName, resolveStaticName, staticContent, staticFiles } from './index.js';

test('every static file exists at an absolute path', () => {
  for (const [name, file] of Object.entries(staticFiles)) {
    assert.ok(path.isAbsolute(file.path), name);
    assert.ok(fs.statSync(file.path).isFile(), `${name} at ${file.path}`);
    if (name !== 'favicon.ico') assert.match(file.type, /; charset=utf-8$/);
  }
  assert.match(fs.readFileSync(staticFiles['tokens.css'].path, 'utf8'), /--color-primitive-blue-900/);
});

test('asset URLs carry the current content hash of a served file', () => {
  for (const url of [assetUrls.tokensCss, assetUrls.appCss, assetUrls.appJs]) {
    const found = resolveStaticName(url.replace('/static/', ''));
    assert.ok(found?.current, `${url} names a file with its current hash`);
    assert.match(url, new RegExp(`\\.${staticContent(found!.name).hash}\\.`));
  }
  assert.deepEqual(resolveStaticName('app.0000000000.css'), { name: 'app.css', current: false });
  assert.equal(resolveStaticName('nope.0000000000.css'), undefined);
  assert.equal(isStaticFileName('../secret'), false);
  assert.equal(isStaticFileName('toString'), false);
});

test('app.js is valid plain script', () => {
  const source = fs.readFileSync(staticFiles['app.js'].path, 'utf8');
  assert.doesNotThrow(() => new vm.Script(source, { filename: 'app.js' }));
});

test('app.css loads nothing remote and only uses defined design tokens', () => {
  const css = fs.readFileSync(staticFiles['app.css'].path, 'utf8');
  assert.doesNotMatch(css, /@import|url\(|@font-face/);
  const tokens = fs.readFileSync(staticFiles['tokens.css'].path, 'utf8');
  const defined = new Set([...tokens.matchAll(/(--[\w-]+):/g)].map((m) => m[1]));
  const local = new Set([...css.matchAll(/(--[\w-]+):/g)].map((m) => m[1]));
  for (const m of css.matchAll(/var\((--[\w-]+)/g)) {
    const name = m[1]!;
    assert.ok(defined.has(name) || local.has(name), `undefined custom property ${name}`);
  }
  assert.equal((css.match(/\{/g) ?? []).length, (css.match(/\}/g) ?? []).length, 'balanced braces');
});

test('favicon.ico is an icon resource holding a 32 px PNG', () => {
  const ico = fs.readFileSync(staticFiles['favicon.ico'].path);
  assert.deepEqual([...ico.subarray(0, 6)], [0, 0, 1, 0, 1, 0], 'ICONDIR: type 1 (icon), one image');
  assert.equal(ico[6], 32);
  assert.equal(ico.subarray(22, 26).toString('latin1'), '\x89PNG');
});

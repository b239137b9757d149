import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pdfToBuffer } from './index.js';

test('a Japanese PDF keeps its text (令和, ①, 髙﨑, half-width kana)', async () => {
  const buf = await pdfToBuffer((doc) => {
    doc.fontSize(14).text('令和7年5月9日 ① 髙﨑様 ｱｲｳｴｵ 仙台市宿泊促進キャンペーン');
  }, { title: 'テスト' });
  assert.equal(buf.subarray(0, 5).toString(), '%PDF-');
  let pdftotext = '';
  try {
    pdftotext = execFileSync('which', ['pdftotext'], { encoding: 'utf8' }).trim();
  } catch {
    /* poppler-utils not installed: check the size only */
  }
  if (!pdftotext) {
    assert.ok(buf.length < 200_000, 'the font is subset');
    return;
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 't.pdf');
  fs.writeFileSync(file, buf);
  const text = execFileSync(pdftotext, [file, '-'], { encoding: 'utf8' });
  for (const s of ['令和7年5月9日', '①', '髙﨑', 'ｱｲｳｴｵ', '仙台市宿泊促進キャンペーン']) assert.ok(text.includes(s), `${s} in ${text}`);
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startWorker } from '../../src/platform/jobs/worker.js';
import { MAIL_JOB, queueMail } from '../../src/platform/mail/outbox.js';
import { closeTransports, sendMailJob } from '../../src/platform/mail/send-job.js';
import { textToHtml } from '../../src/platform/mail/template.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';

/** The decoded parts of a multipart mail, by content type. */
function parts(raw: string): Record<string, string> {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)![1]!;
  const out: Record<string, string> = {};
  for (const part of raw.split(`--${boundary}`).slice(1, -1)) {
    const split = part.indexOf('\r\n\r\n');
    const head = part.slice(0, split);
    const body = part.slice(split + 4);
    const type = /Content-Type:\s*([^;\r\n]+)/i.exec(head)![1]!.trim();
    const enc = /Content-Transfer-Encoding:\s*(\S+)/i.exec(head)?.[1]?.toLowerCase();
    out[type] =
      enc === 'base64'
        ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')
        : enc === 'quoted-printable'
          ? Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
          : body;
  }
  return out;
}

describe('mail template', () => {
  test('the HTML part escapes everything, keeps paragraphs and line breaks, and links addresses', () => {
    const html = textToHtml('佐藤 <b>花子</b> 様 & "ご家族"\n受付番号：A-1\n\n次のリンクから：\nhttps://example.jp/r?a=1&b=<x>。\n', { title: '【事務局】<お知らせ>' });
    assert.match(html, /<html lang="ja">/);
    assert.match(html, /<title>【事務局】&lt;お知らせ&gt;<\/title>/);
    assert.match(html, /<p>佐藤 &lt;b&gt;花子&lt;\/b&gt; 様 &amp; &quot;ご家族&quot;<br>\n受付番号：A-1<\/p>/);
    assert.match(html, /<a href="https:\/\/example\.jp\/r\?a=1&amp;b=">https:\/\/example\.jp\/r\?a=1&amp;b=<\/a>&lt;x&gt;。/);
    assert.doesNotMatch(html, /<b>|<x>/);
  });

  describe('delivery', () => {
    let env: TestEnv;
    let sink: Awaited<ReturnType<typeof startSmtpSink>>;
    before(async () => {
      sink = await startSmtpSink();
      env = await createTestEnv({ SMTP_URL: sink.url }, { realClock: true });
    });
    after(async () => {
      closeTransports();
      await sink.close();
      await env.close();
    });

    test('a queued mail reaches the SMTP sink as multipart/alternative, text and HTML', async () => {
      await env.deps.db.transaction((tx) =>
        queueMail(tx, env.deps, { programId: null, template: 'test.notice', to: 'hanako@example.jp', subject: '【事務局】受付のお知らせ', text: '佐藤花子様\n\n<script>alert(1)</script> を受け付けました。\nhttps://example.jp/manage?t=abc' }),
      );
      const w = startWorker(env.deps, { handlers: { [MAIL_JOB]: sendMailJob } }, false);
      await w.tick();
      await w.idle();
      await w.stop();
      assert.equal(sink.messages.length, 1);
      const raw = sink.messages[0]!.raw;
      assert.match(raw, /^Content-Type: multipart\/alternative;/im);
      const p = parts(raw);
      assert.deepEqual(Object.keys(p).sort(), ['text/html', 'text/plain']);
      assert.match(p['text/plain']!, /<script>alert\(1\)<\/script> を受け付けました。/, 'the text part is the text as written');
      assert.match(p['text/html']!, /&lt;script&gt;alert\(1\)&lt;\/script&gt; を受け付けました。/);
      assert.doesNotMatch(p['text/html']!, /<script>/);
      assert.match(p['text/html']!, /<a href="https:\/\/example\.jp\/manage\?t=abc">/);
    });
  });
});

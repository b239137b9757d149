import { addDays, tokyoDate } from '../../platform/calendar/index.js';
import type { Deps } from '../../platform/deps.js';
import { systemActor } from '../../platform/audit/index.js';
import { runCommand } from '../../platform/command.js';
import { createProgram } from '../../platform/programs/commands/create-program.js';
import { setProgramSettings } from '../../platform/programs/commands/set-program-settings.js';

/** An event program whose registration window is open today (by the deps' clock). */
export async function makeEvent(deps: Deps, slug: string, settings: Record<string, string> = {}) {
  const today = tokyoDate(deps.clock.now());
  await runCommand(deps, systemActor('test'), (ctx) => createProgram(ctx, { kind: 'event', slug, name: `テスト交流会 ${slug}` }));
  const pairs: Record<string, string> = {
    eventDate: addDays(today, 20),
    registrationOpens: addDays(today, -10),
    registrationCloses: addDays(today, 10),
    capacity: '60',
    onlineCapacity: 'none',
    onlineUrl: 'https://meet.example.jp/koryukai',
    applyFax: '022-000-0000',
    ...settings,
  };
  return runCommand(deps, systemActor('test'), (ctx) => setProgramSettings(ctx, slug, Object.entries(pairs)));
}

let seq = 0;
/** A valid registration body with a unique contact. */
export function person(over: Record<string, unknown> = {}) {
  seq++;
  return {
    name: `仙台 太郎${seq}`,
    nameKana: 'せんだい たろう',
    organization: '青葉町内会',
    email: `taro${seq}@example.jp`,
    phone: '',
    fax: '',
    attendance: 'venue',
    accommodations: [],
    channel: 'web',
    ...over,
  };
}

function splitHead(raw: string): [string, string] {
  const split = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  return [raw.slice(0, split), raw.slice(split).trim()];
}

/** The text/plain part of a multipart mail (the whole body and head of a single-part one). */
function plainPart(head: string, body: string): [string, string] {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  if (!/^Content-Type:\s*multipart\//im.test(head) || !boundary) return [head, body];
  for (const part of body.split(`--${boundary}`)) {
    const [partHead, partBody] = splitHead(part.replace(/^\r?\n/, ''));
    if (/^Content-Type:\s*multipart\//im.test(partHead)) return plainPart(partHead, partBody);
    if (/^Content-Type:\s*text\/plain/im.test(partHead)) return [partHead, partBody];
  }
  return [head, body];
}

/** The decoded text body and subject of a raw mail (single part or multipart; quoted-printable or base64). */
export function decodeMail(raw: string): { subject: string; text: string } {
  const [head, wholeBody] = splitHead(raw);
  const [partHead, body] = plainPart(head, wholeBody);
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(partHead)?.[1]?.toLowerCase();
  let text = body;
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    text = Buffer.from(bytes, 'latin1').toString('utf8');
  } else if (encoding === 'base64') {
    text = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  }
  const subjectRaw = (/^Subject:\s*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? '').replace(/\r?\n[ \t]/g, ' ');
  const subject = subjectRaw.replace(/=\?UTF-8\?B\?([^?]+)\?=\s*/gi, (_, b: string) => Buffer.from(b, 'base64').toString('utf8'));
  return { subject, text };
}

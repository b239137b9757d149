import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.js';
import { seedDemoIfEmpty } from '../../src/modules/demo/seed.js';
import { eventMessages } from '../../src/modules/events/messages.js';
import { siteMessages } from '../../src/modules/site/messages.js';
import { surveyMessages } from '../../src/modules/surveys/messages.js';
import { authPublicMessages } from '../../src/platform/auth/web/messages.js';
import { csrfMessages, errorMessages, errorPageMessages, formKitMessages } from '../../src/platform/http/messages.js';
import { programMessages } from '../../src/platform/programs/messages.js';
import { UI_JA_ONLY_KEYS, uiMessages } from '../../src/ui/messages.js';
import { createTestEnv, type TestEnv } from '../helpers/deps.js';
import { TestBrowser } from '../helpers/http.js';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

/**
 * The catalogues whose texts reach public pages, which are bilingual, each with the keys that are
 * Japanese on purpose (and why).
 */
/** What the check reads of a catalogue. */
interface Texts {
  keys: readonly string[];
  en: Partial<Record<string, string>>;
}

const PUBLIC_CATALOGUES: Record<string, { catalogue: Texts; jaOnly?: ReadonlySet<string> }> = {
  site: { catalogue: siteMessages },
  // The event's pages and its mails to participants (subjects and bodies).
  events: { catalogue: eventMessages },
  // The public survey, its refusals and the lottery entry.
  surveys: { catalogue: surveyMessages },
  programs: { catalogue: programMessages },
  ui: { catalogue: uiMessages, jaOnly: UI_JA_ONLY_KEYS },
  errors: { catalogue: errorMessages },
  errorPages: { catalogue: errorPageMessages },
  formKit: { catalogue: formKitMessages },
  csrf: { catalogue: csrfMessages },
  // The refusal of a request that would send one mail too many (event registration is public).
  authPublic: { catalogue: authPublicMessages },
};

/** Japanese a visitor must type as it is (the subject line of an e-mail registration). */
const JAPANESE_ON_PURPOSE = ['“交流会申込”'];

describe('public catalogues', () => {
  for (const [name, { catalogue, jaOnly }] of Object.entries(PUBLIC_CATALOGUES)) {
    test(`${name}: every text has an English version, in English`, () => {
      const keys = catalogue.keys.filter((k) => !jaOnly?.has(k));
      const missing = keys.filter((k) => !catalogue.en[k]?.trim());
      assert.deepEqual(missing, [], `${name}: keys without English`);
      const japanese = keys.filter((k) => JAPANESE_ON_PURPOSE.reduce((t, j) => t.split(j).join(''), catalogue.en[k] ?? '').match(JAPANESE));
      assert.deepEqual(japanese, [], `${name}: English texts with Japanese in them`);
      // Japanese punctuation reads as a typo in English: "14:00（30 min）", "Venue：…", "9:00〜17:00".
      const punctuation = keys.filter((k) => /[（）：〜、。「」]/.test(JAPANESE_ON_PURPOSE.reduce((t, j) => t.split(j).join(''), catalogue.en[k] ?? '')));
      assert.deepEqual(punctuation, [], `${name}: English texts with Japanese punctuation`);
    });
  }
});

/** Visible text of a page: no tags, scripts or styles; entities decoded enough for the check. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    // Text marked as Japanese (the language switch's 日本語) is Japanese on purpose.
    .replace(/<(\w+)[^>]*\blang="ja"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
}

describe('public English pages carry no Japanese except names and data', () => {
  let env: TestEnv;
  let data: string[] = [];
  before(async () => {
    env = await createTestEnv();
    await seedDemoIfEmpty(env.deps);
    // Proper names and data the pages show as they are: programs, facilities, addresses, venues.
    const rows = await queryRows<{ v: unknown }>(env.deps.db, sql`select to_jsonb(p) as v from programs p union all select to_jsonb(f) from facilities f union all select to_jsonb(i) from event_program_items i`);
    const leaves = (v: unknown): string[] => (typeof v === 'string' ? [v, ...v.split(/[、,|\n]/)] : Array.isArray(v) ? v.flatMap(leaves) : v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : []);
    data = [...new Set(rows.flatMap((r) => leaves(r.v)).map((v) => v.trim()).filter((v) => JAPANESE.test(v)))].sort((x, y) => y.length - x.length);
  });
  after(() => env.close());

  const PAGES = ['/en', '/en/demo-stay', '/en/demo-stay/facilities', '/en/demo-stay/howto', '/en/demo-stay/faq', '/en/demo-stay/accessibility', '/en/demo-stay/privacy', '/en/demo-stay/contact', '/en/demo-stay/opendata', '/en/demo-koryukai', '/en/demo-koryukai/register', '/en/no-such-page'];
  for (const path of PAGES) {
    test(path, async () => {
      const b = new TestBrowser(env.deps);
      const res = await b.get(path);
      assert.ok(res.status === 200 || (path.endsWith('no-such-page') && res.status === 404), `${path}: ${res.status}`);
      let text = visibleText(await res.text());
      for (const d of [...data, ...JAPANESE_ON_PURPOSE]) text = text.split(d).join(' ');
      const lines = text.split('\n').map((l) => l.trim()).filter((l) => JAPANESE.test(l));
      assert.deepEqual(lines, [], `${path}: Japanese outside names and data`);
    });
  }
});

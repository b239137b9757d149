import { Hono } from 'hono';
import { runCommand } from '../../../platform/command.js';
import { isAppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, Checkbox, DateField, ErrorSummary, Form, RadioGroup, Table, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import type { Program } from '../../../platform/programs/schema.js';
import { addProgramItem, deleteProgramItem } from '../commands/program-items.js';
import { saveEventSetup } from '../commands/save-event-setup.js';
import { eventConfig } from '../config.js';
import { listProgramItems } from '../queries.js';
import { adminBase, crumbs } from './admin-common.js';
import { RUN_ROLES, staffEvent } from './load.js';

const TEXT_KEYS = ['name', 'titleEn', 'eventDate', 'startTime', 'endTime', 'registrationOpens', 'registrationCloses', 'capacity', 'onlineCapacity', 'onlineEnabled', 'onlineUrl', 'venueName', 'venueNameEn', 'venueAddress', 'venueAccess', 'venueAccessEn', 'venueAccessibility', 'venueAccessibilityEn', 'applyEmail', 'applyFax', 'summary', 'summaryEn'] as const;

async function setupPage(c: AppContext, program: Program, errors: SummaryError[] = [], values?: Record<string, string>, status = 200) {
  const cfg = eventConfig(program);
  const v = values ?? {
    ...Object.fromEntries(TEXT_KEYS.map((k) => [k, String((cfg as unknown as Record<string, unknown>)[k] ?? '')])),
    onlineCapacity: cfg.onlineCapacity === null ? '' : String(cfg.onlineCapacity),
    onlineEnabled: String(cfg.onlineEnabled),
    name: program.name,
  };
  const items = await listProgramItems(c.get('deps').db, program.id);
  const base = adminBase(program);
  const f = (name: string) => ({ name, value: v[name] ?? '', error: errorFor(errors, name) });
  return adminPage(c, {
    title: '開催情報・プログラムの設定',
    breadcrumbs: crumbs(program, { label: '設定' }),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <Form action={`${base}/setup`} csrfToken={csrfToken(c)}>
          <TextField {...f('name')} label="催し名" width="lg" />
          <TextField {...f('titleEn')} label="催し名（英語）" width="lg" />
          <DateField {...f('eventDate')} label="開催日" />
          <TextField {...f('startTime')} label="開始時刻" hint="例：14:00" width="sm" />
          <TextField {...f('endTime')} label="終了時刻" hint="例：16:00" width="sm" />
          <TextField {...f('venueName')} label="会場名" width="lg" />
          <TextField {...f('venueNameEn')} label="会場名（英語）" width="lg" />
          <TextField {...f('venueAddress')} label="所在地" width="lg" />
          <TextArea {...f('venueAccess')} label="交通アクセス" rows={2} />
          <TextArea {...f('venueAccessEn')} label="交通アクセス（英語）" rows={2} />
          <TextArea {...f('venueAccessibility')} label="会場のバリアフリー情報" rows={2} />
          <TextArea {...f('venueAccessibilityEn')} label="会場のバリアフリー情報（英語）" rows={2} />
          <TextField {...f('capacity')} label="会場の定員" inputmode="numeric" width="sm" />
          <RadioGroup {...f('onlineEnabled')} label="オンライン視聴" inline options={[{ value: 'true', label: 'あり' }, { value: 'false', label: 'なし' }]} />
          <TextField {...f('onlineCapacity')} label="オンラインの定員" hint="空欄は上限なし" inputmode="numeric" width="sm" />
          <TextField {...f('onlineUrl')} label="視聴URL" hint="オンライン参加の登録者にだけ知らせます" type="url" width="lg" />
          <DateField {...f('registrationOpens')} label="申込受付の開始日" />
          <DateField {...f('registrationCloses')} label="申込受付の締切日" />
          <TextField {...f('applyEmail')} label="メール申込の宛先" type="email" width="lg" />
          <TextField {...f('applyFax')} label="FAX申込の宛先番号" type="tel" />
          <TextArea {...f('summary')} label="催しの概要" rows={3} />
          <TextArea {...f('summaryEn')} label="催しの概要（英語）" rows={3} />
          <Button>保存する</Button>
        </Form>
        <h2 class="app-heading-2">プログラム</h2>
        <Table
          caption="プログラム"
          columns={[
            { key: 'time', header: '時刻', rowHeader: true },
            { key: 'title', header: '内容' },
            { key: 'speakers', header: '登壇者' },
            { key: 'streamed', header: '配信' },
            { key: 'del', header: '操作' },
          ]}
          rows={items.map((i) => ({
            time: `${i.startTime}（${i.minutes}分）`,
            title: i.title,
            speakers: i.speakers || '—',
            streamed: i.streamed ? '配信あり' : '会場のみ',
            del: (
              <Form action={`${base}/items/${i.id}/delete`} csrfToken={csrfToken(c)}>
                <Button size="sm" variant="danger">削除</Button>
              </Form>
            ),
          }))}
          emptyMessage="プログラムはまだありません"
        />
        <h3 class="app-heading-3">項目を追加する</h3>
        <Form action={`${base}/items`} csrfToken={csrfToken(c)}>
          <TextField name="startTime" label="開始時刻" hint="例：14:00" width="sm" required />
          <TextField name="minutes" label="所要時間（分）" inputmode="numeric" width="sm" required />
          <TextField name="title" label="内容" width="lg" required />
          <TextField name="titleEn" label="内容（英語）" width="lg" />
          <TextArea name="speakers" label="登壇者" hint="1行に1人。例：講師：○○大学 教授 仙台太郎／司会：…" rows={3} />
          <Checkbox name="streamed" label="オンラインで配信する" checked />
          <Button>追加する</Button>
        </Form>
      </>
    ),
  });
}

export const eventsAdminSetup = new Hono<AppEnv>();

eventsAdminSetup.get('/events/:slug/setup', async (c) => {
  const { program } = await staffEvent(c, RUN_ROLES);
  return setupPage(c, program);
});

eventsAdminSetup.post('/events/:slug/setup', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const f = await formFields(c);
  const pairs = TEXT_KEYS.filter((k) => (f[k] ?? '').trim() !== '' || k === 'onlineCapacity').map((k): [string, string] => [k, k === 'onlineCapacity' && !f[k]?.trim() ? 'none' : f[k]!.trim()]);
  try {
    await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => saveEventSetup(ctx, program, pairs));
  } catch (e) {
    if (isAppError(e) && e.fieldErrors.length) return setupPage(c, program, e.fieldErrors, f, 422);
    throw e;
  }
  setFlash(c, { kind: 'success', message: '開催情報を保存しました' });
  return c.redirect(`${adminBase(program)}/setup`, 303);
});

eventsAdminSetup.post('/events/:slug/items', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  const f = await formFields(c);
  try {
    await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => addProgramItem(ctx, program.id, { ...f, streamed: f.streamed === 'true' }));
  } catch (e) {
    if (isAppError(e) && e.fieldErrors.length) return setupPage(c, program, e.fieldErrors, undefined, 422);
    throw e;
  }
  setFlash(c, { kind: 'success', message: 'プログラムに項目を追加しました' });
  return c.redirect(`${adminBase(program)}/setup`, 303);
});

eventsAdminSetup.post('/events/:slug/items/:id{[0-9]+}/delete', async (c) => {
  const { program, roles } = await staffEvent(c, RUN_ROLES);
  await runCommand(c.get('deps'), actorOf(c, primaryRole(roles)), (ctx) => deleteProgramItem(ctx, program.id, Number(c.req.param('id'))));
  setFlash(c, { kind: 'success', message: 'プログラムの項目を削除しました' });
  return c.redirect(`${adminBase(program)}/setup`, 303);
});

import { Hono } from 'hono';
import { adminPage } from '../../../platform/http/admin-page.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { parseId } from '../../../platform/ids.js';
import { pdfResponse } from '../../../platform/pdf/index.js';
import { Button, Form, Table, TextField } from '../../../ui/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { remindLaggingFacilities } from '../commands/remind-facilities.js';
import { drawCards } from '../cards.js';
import { activeQuestionnaire } from '../queries.js';
import { facilityRates } from '../response-rate.js';
import { READ_ROLES, RUN_ROLES, staffSurvey } from './load.js';

export const surveysAdminFacilities = new Hono<AppEnv>();

/** Responses per facility and the rate against its approved stays (campaigns); the QR cards. */
surveysAdminFacilities.get('/surveys/:slug/facilities', async (c) => {
  const { program } = await staffSurvey(c, READ_ROLES);
  const rates = program.kind === 'campaign' ? await facilityRates(c.get('deps').db, program.id) : [];
  const base = `/admin/surveys/${program.slug}`;
  return adminPage(c, {
    title: `施設別の回答率: ${program.name}`,
    breadcrumbs: [{ label: 'ホーム', href: '/admin' }, { label: 'アンケート', href: base }, { label: '施設別の回答率' }],
    children: (
      <>
        <p>
          施設ごとの二次元コード付きポスター・配布カード：<a href={`${base}/cards.pdf`}>全施設（PDF）</a>。回答率は、承認済みの宿泊（割引の請求が承認・支払済み）に対する、その施設のコードから来た回答の割合です。
        </p>
        {program.kind === 'campaign' && (
          <Form action={`${base}/facilities/remind`} csrfToken={csrfToken(c)}>
            <TextField name="below" label="回答率がこの値（%）未満の施設の事業者に、協力依頼のメールを送る" width="sm" inputmode="numeric" value="10" />
            <Button variant="secondary">案内メールを送る</Button>
          </Form>
        )}
        <Table
          caption="施設別の回答数と回答率"
          columns={[{ key: 'name', header: '施設', rowHeader: true }, { key: 'code', header: '施設コード' }, { key: 'responses', header: '回答数', numeric: true }, { key: 'stays', header: '承認済み宿泊', numeric: true }, { key: 'rate', header: '回答率', numeric: true }, { key: 'card', header: '' }]}
          rows={[...rates].sort((a, b) => (a.rate ?? 101) - (b.rate ?? 101)).map((r) => ({ name: r.name, code: r.code, responses: String(r.responses), stays: String(r.stays), rate: r.rate === null ? '-' : `${r.rate}%`, card: <a href={`${base}/cards.pdf?facility=${r.id}`}>カード（PDF）</a> }))}
          emptyMessage="施設がありません（キャンペーンの事業のみ）"
        />
      </>
    ),
  });
});

surveysAdminFacilities.get('/surveys/:slug/cards.pdf', async (c) => {
  const { program } = await staffSurvey(c, RUN_ROLES);
  const deps = c.get('deps');
  const only = parseId(c.req.query('facility'));
  const rates = program.kind === 'campaign' ? await facilityRates(deps.db, program.id) : [];
  const q = await activeQuestionnaire(deps.db, program.id);
  const url = (code?: string) => `${deps.config.publicBaseUrl}/${program.slug}/survey${code ? `?f=${code}` : ''}`;
  const list = rates.length ? rates.filter((r) => only === undefined || r.id === only).map((r) => ({ name: r.name, url: url(r.code) })) : [{ name: program.name, url: url() }];
  return pdfResponse(`アンケートカード_${program.slug}`, (doc) => drawCards(doc, q?.title ?? program.name, list), { title: 'アンケートのお願い（二次元コード）' });
});

surveysAdminFacilities.post('/surveys/:slug/facilities/remind', async (c) => {
  const { program, roles } = await staffSurvey(c, RUN_ROLES);
  const f = await formFields(c);
  const below = Number((f.below ?? '').normalize('NFKC').trim());
  return submitForm(c, {
    role: primaryRole(roles),
    run: (ctx) => remindLaggingFacilities(ctx, program, below),
    flash: (r) => `回答率が ${below}% 未満の ${r.facilities}施設の事業者に ${r.mails}通のメールを送りました。`,
    redirect: `/admin/surveys/${program.slug}/facilities`,
  });
});

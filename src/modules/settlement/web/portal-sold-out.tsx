import { Hono } from 'hono';
import { runCommand } from '../../../platform/command.js';
import { AppError } from '../../../platform/errors/index.js';
import { actorOf } from '../../../platform/http/actor.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { setFlash } from '../../../platform/http/flash.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, Form, Table } from '../../../ui/index.js';
import { setSalesStop } from '../commands/sales-stop.js';
import { salesStopsOf } from '../queries.js';
import { portalContext } from './portal-common.js';

type Portal = Awaited<ReturnType<typeof portalContext>>;

/**
 * 販売の状況: per facility, whether the public site shows 販売終了, and a button to stop or resume
 * sales. A facility whose allocation is used up stays 販売終了 until the secretariat adds money.
 */
export async function SoldOutSection({ c, portal }: { c: AppContext; portal: Portal }) {
  if (!portal.facilities.length) return null;
  const stops = await salesStopsOf(c.get('deps').db, portal.facilities.map((f) => f.id));
  return (
    <section aria-labelledby="sales-status">
      <h2 id="sales-status">販売の状況</h2>
      <p>割引付きの販売をやめるときは「販売終了にする」を押してください。公開サイトに「販売終了」と表示されます。配分枠を使い切った施設も自動で販売終了になります。</p>
      <Table
        caption="施設ごとの販売の状況"
        columns={[
          { key: 'name', header: '施設', rowHeader: true },
          { key: 'state', header: '公開サイトの表示' },
          { key: 'action', header: '操作' },
        ]}
        rows={portal.facilities.map((f) => {
          const stopped = stops.get(f.id);
          return {
            name: f.name,
            state: f.soldOutOn ? `販売終了（${f.soldOutOn}〜${stopped ? '、事業者による' : '、配分枠の使い切り'}）` : '販売中',
            action: (
              <Form action={`${portal.base}/sales`} csrfToken={csrfToken(c)} label={`${f.name}の販売${stopped ? '再開' : '終了'}`}>
                <input type="hidden" name="facility" value={String(f.id)} />
                <input type="hidden" name="action" value={stopped ? 'resume' : 'stop'} />
                <Button size="sm" variant={stopped ? 'secondary' : 'danger'}>
                  {stopped ? '販売を再開する' : '販売終了にする'}
                </Button>
              </Form>
            ),
          };
        })}
      />
    </section>
  );
}

export const portalSoldOut = new Hono<AppEnv>();

/** Stop or resume: the facility and the action come in the form, so the route has no parameter. */
portalSoldOut.post('/:slug/business/claims/sales', async (c) => {
  const p = await portalContext(c);
  const f = await formFields(c);
  const facility = p.facilities.find((x) => x.id === Number(f.facility));
  if (!facility || (f.action !== 'stop' && f.action !== 'resume')) throw new AppError('not-found');
  const stop = f.action === 'stop';
  await runCommand(c.get('deps'), actorOf(c, primaryRole(p.roles)), (ctx) => setSalesStop(ctx, p.program, facility.id, stop));
  setFlash(c, { kind: 'success', message: stop ? `${facility.name}を販売終了にしました` : `${facility.name}の販売を再開しました（配分枠が残っていれば公開サイトの「販売終了」も消えます）` });
  return c.redirect(p.base, 303);
});

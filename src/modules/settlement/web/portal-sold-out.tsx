import { Hono } from 'hono';
import { AppError } from '../../../platform/errors/index.js';
import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { submitForm } from '../../../platform/http/form-action.js';
import { formFields } from '../../../platform/http/form.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { Button, Form, Table } from '../../../ui/index.js';
import { setSalesStop } from '../commands/sales-stop.js';
import { sm } from '../messages.js';
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
      <h2 id="sales-status">{sm('portal.sales.heading')}</h2>
      <p>{sm('portal.sales.intro')}</p>
      <Table
        caption={sm('portal.sales.caption')}
        columns={[
          { key: 'name', header: sm('term.facility'), rowHeader: true },
          { key: 'state', header: sm('portal.sales.shown') },
          { key: 'action', header: sm('portal.sales.action') },
        ]}
        rows={portal.facilities.map((f) => {
          const stopped = stops.get(f.id);
          return {
            name: f.name,
            state: f.soldOutOn ? sm(stopped ? 'portal.sales.stoppedByBusiness' : 'portal.sales.usedUp', { since: f.soldOutOn }) : sm('term.onSale'),
            action: (
              <Form action={`${portal.base}/sales`} csrfToken={csrfToken(c)} label={sm(stopped ? 'portal.sales.resume.label' : 'portal.sales.stop.label', { facility: f.name })}>
                <input type="hidden" name="facility" value={String(f.id)} />
                <input type="hidden" name="action" value={stopped ? 'resume' : 'stop'} />
                <Button size="sm" variant={stopped ? 'secondary' : 'danger'}>
                  {sm(stopped ? 'portal.sales.resume.button' : 'portal.sales.stop.button')}
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
  return submitForm(c, {
    role: primaryRole(p.roles),
    run: (ctx) => setSalesStop(ctx, p.program, facility.id, stop),
    flash: sm(stop ? 'portal.sales.stop.done' : 'portal.sales.resume.done', { facility: facility.name }),
    redirect: p.base,
  });
});

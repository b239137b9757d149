import { Hono } from 'hono';
import { formatJaDate } from '../../../platform/calendar/index.js';
import { AppError } from '../../../platform/errors/index.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { primaryRole } from '../../../platform/http/guards.js';
import { idParam } from '../../../platform/http/params.js';
import { Table } from '../../../ui/index.js';
import { businessPage } from '../../campaign/index.js';
import { facilityMoney } from '../ledger.js';
import { monthLabel, sm, yen } from '../messages.js';
import { facilityMonths } from '../reports.js';
import { monthParam } from './common.js';
import { businessSettlementLinks } from '../portal-links.js';
import { portalContext } from './portal-common.js';
import { statementPdf, statementXlsx } from './statement-export.js';

/**
 * 割引額と支払 (`/{slug}/business/money`): for each of the business's own facilities its allocation,
 * reserved, approved, paid and remaining, live from the ledger; each closed month with its
 * statement (PDF, xlsx) and, once paid, the payment date. Other businesses' statements are 404.
 */
export const portalMoney = new Hono<AppEnv>();

export const moneyPath = (slug: string) => businessSettlementLinks(slug)[0]!.href;


portalMoney.get('/:slug/business/money', async (c) => {
  const p = await portalContext(c);
  const db = c.get('deps').db;
  const ids = p.facilities.map((f) => f.id);
  const money = await Promise.all(p.facilities.map(async (f) => ({ f, m: await facilityMoney(db, p.program.id, f.id) })));
  const months = await facilityMonths(db, p.program.id, ids);
  const names = new Map(p.facilities.map((f) => [f.id, f.name]));
  const base = moneyPath(p.program.slug);
  return businessPage(c, p.program, {
    title: sm('portal.money.title'),
    breadcrumbs: [{ label: sm('portal.money.title') }],
    children: (
      <>
        {p.facilities.length === 0 && <p>{sm('portal.claims.noFacilities')}</p>}
        <p>{sm('portal.money.intro')}</p>
        <Table
          id="money"
          caption={sm('portal.money.caption')}
          columns={[
            { key: 'name', header: sm('term.facility'), rowHeader: true },
            { key: 'allocation', header: sm('term.allocation'), numeric: true },
            { key: 'reserved', header: sm('term.reserved'), numeric: true },
            { key: 'approved', header: sm('portal.money.approved'), numeric: true },
            { key: 'paid', header: sm('term.paid'), numeric: true },
            { key: 'remaining', header: sm('term.remaining'), numeric: true },
          ]}
          rows={money.map(({ f, m }) => ({
            name: f.name,
            allocation: m.hasAllocation ? yen(m.allocation) : sm('portal.money.noAllocation'),
            reserved: yen(m.reserved),
            approved: yen(m.approved),
            paid: yen(m.paid),
            remaining: m.hasAllocation ? yen(m.remaining) : '—',
          }))}
          emptyMessage={sm('portal.claims.noFacilities')}
        />
        <h2 id="statements">{sm('portal.money.statements.heading')}</h2>
        <p>{sm('portal.money.statements.intro')}</p>
        <Table
          id="statements-table"
          caption={sm('portal.money.statements.caption')}
          columns={[
            { key: 'month', header: sm('term.month'), rowHeader: true },
            { key: 'facility', header: sm('term.facility') },
            { key: 'claims', header: sm('term.claimCount'), numeric: true },
            { key: 'amount', header: sm('term.amount'), numeric: true },
            { key: 'status', header: sm('term.status') },
            { key: 'paidOn', header: sm('portal.money.paidOn') },
            { key: 'files', header: sm('portal.money.files') },
          ]}
          rows={months.map((r) => {
            const name = names.get(r.facilityId) ?? '';
            const what = `（${monthLabel(r.month)}、${name}）`;
            const href = `${base}/monthly/${r.month}/statements/${r.facilityId}`;
            return {
              month: monthLabel(r.month),
              facility: name,
              claims: r.claims.toLocaleString('ja-JP'),
              amount: yen(r.amount),
              status: sm(r.status === 'paid' ? 'portal.money.state.paid' : 'portal.money.state.closed'),
              paidOn: r.paidOn ? formatJaDate(r.paidOn) : '—',
              files: (
                <>
                  {/* Named by aria-label, not a visually hidden span: an absolutely placed span inside the
                      scrolling table would widen the page at 320 px. The name starts with the visible text. */}
                  <a href={href} aria-label={`PDF${what}`}>
                    PDF
                  </a>
                  {' ／ '}
                  <a href={`${href}/statement.xlsx`} aria-label={`Excel${what}`}>
                    Excel
                  </a>
                </>
              ),
            };
          })}
          emptyMessage={sm('portal.money.statements.empty')}
        />
        <p>
          <a href={p.base}>{sm('portal.money.claimsLink')}</a>
        </p>
      </>
    ),
  });
});

/** The business's own facility, or 404 (another business's statement, another program's facility). */
async function ownStatement(c: Parameters<typeof portalContext>[0]) {
  const p = await portalContext(c);
  const month = monthParam(c.req.param('month'));
  const facilityId = idParam(c, 'facility');
  if (!p.facilities.some((f) => f.id === facilityId)) throw new AppError('not-found');
  return { ...p, month, facilityId };
}

portalMoney.get('/:slug/business/money/monthly/:month/statements/:facility', async (c) => {
  const s = await ownStatement(c);
  return statementPdf(c, s.program, primaryRole(s.roles), s.month, s.facilityId);
});

portalMoney.get('/:slug/business/money/monthly/:month/statements/:facility/statement.xlsx', async (c) => {
  const s = await ownStatement(c);
  return statementXlsx(c, s.program, primaryRole(s.roles), s.month, s.facilityId);
});

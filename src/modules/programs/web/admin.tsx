import { Hono } from 'hono';
import { isInstallationAdmin, STAFF_ROLES } from '../../../platform/auth/memberships.js';
import type { AppEnv } from '../../../platform/http/env.js';
import { adminPage } from '../../../platform/http/admin-page.js';
import { requireRoleAnywhere } from '../../../platform/http/guards.js';
import { DescriptionList, Table } from '../../../ui/index.js';
import { listPrograms } from '../queries.js';

export const programsAdmin = new Hono<AppEnv>();

/** Back-office home: the programs this person works on. Businesses use their portal instead. */
programsAdmin.get('/', async (c) => {
  const auth = requireRoleAnywhere(c, STAFF_ROLES);
  const all = await listPrograms(c.get('deps').db);
  const mine = isInstallationAdmin(auth.grants) ? all : all.filter((p) => auth.grants.some((g) => g.programId === p.id));
  return adminPage(c, {
    title: '事務局システム ホーム',
    children: (
      <>
        <DescriptionList items={[{ term: 'ログイン中', detail: auth.user.email }]} />
        <Table
          caption="担当している事業"
          columns={[
            { key: 'name', header: '事業名' },
            { key: 'slug', header: 'スラッグ' },
            { key: 'kind', header: '種別' },
            { key: 'roles', header: 'あなたのロール' },
            { key: 'tools', header: '業務' },
          ]}
          rows={mine.map((p) => ({
            name: p.kind === 'event' ? <a href={`/admin/events/${p.slug}`}>{p.name}</a> : <a href={`/admin/campaign/${p.slug}`}>{p.name}</a>,
            tools:
              p.kind === 'campaign' ? (
                <>
                  <a href={`/admin/campaign/${p.slug}`}>参加申請</a>{' ／ '}
                  <a href={`/admin/settlement/${p.slug}`}>予算と精算</a>{' ／ '}
                  <a href={`/admin/site/${p.slug}`}>サイト</a>{' ／ '}
                  <a href={`/${p.slug}`}>公開ページ</a>
                </>
              ) : (
                <>
                  <a href={`/admin/events/${p.slug}`}>イベント</a>{' ／ '}
                  <a href={`/${p.slug}`}>公開ページ</a>
                </>
              ),
            slug: p.slug,
            kind: p.kind === 'campaign' ? 'キャンペーン' : 'イベント',
            roles: auth.grants.filter((g) => g.programId === p.id || g.programId === null).map((g) => g.role).join(', '),
          }))}
          emptyMessage="担当している事業はありません"
        />
      </>
    ),
  });
});

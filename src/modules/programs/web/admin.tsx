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
          ]}
          rows={mine.map((p) => ({
            name: <a href={p.kind === 'event' ? `/admin/events/${p.slug}` : `/${p.slug}`}>{p.name}</a>,
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

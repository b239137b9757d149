import { Hono } from 'hono';
import { listPrograms } from '../../../modules/programs/queries.js';
import { Button, ErrorSummary, Form, SelectField, Table, TextField, errorFor } from '../../../ui/index.js';
import { actorOf } from '../../http/actor.js';
import { adminPage } from '../../http/admin-page.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { setFlash } from '../../http/flash.js';
import { formFields } from '../../http/form.js';
import { requireInstallationAdmin } from '../../http/guards.js';
import { runCommand } from '../../command.js';
import { AppError, isAppError } from '../../errors/index.js';
import { grantsOf } from '../memberships.js';
import { ROLES } from '../schema.js';
import { inviteUser, listUsers, revokeRole, setUserStatus } from '../user-admin.js';
import { parseRole } from '../users.js';
import { csrfToken } from '../../http/csrf.js';

type Errors = Array<{ field: string; message: string }>;

const ROLE_LABELS: Record<string, string> = {
  admin: '管理者 (admin)',
  operator: '事務局 (operator)',
  agent: 'コールセンター (agent)',
  city: '市職員 (city)',
  business: '事業者 (business)',
};

async function usersPage(c: AppContext, errors: Errors = [], values: Record<string, string> = {}, status = 200) {
  const deps = c.get('deps');
  const [all, programs] = await Promise.all([listUsers(deps.db), listPrograms(deps.db)]);
  const rows = await Promise.all(
    all.map(async (u) => ({
      id: String(u.id),
      email: u.email,
      roles: (await grantsOf(deps.db, u.id)).map((g) => `${g.role}${g.programSlug ? '@' + g.programSlug : ''}`).join(', ') || '—',
      mfa: u.totpEnabledAt ? '設定済み' : '未設定',
      status: u.status === 'active' ? '有効' : '無効',
      actions: (
        <Form action={`/admin/users/${u.id}/${u.status === 'active' ? 'disable' : 'enable'}`} csrfToken={csrfToken(c)}>
          <Button variant={u.status === 'active' ? 'danger' : 'secondary'} size="sm">
            {u.status === 'active' ? '無効にする' : '有効にする'}
          </Button>
        </Form>
      ),
    })),
  );
  return adminPage(c, {
    title: 'ユーザー',
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <Table
          caption="ユーザー一覧"
          columns={[
            { key: 'email', header: 'メールアドレス' },
            { key: 'roles', header: 'ロール' },
            { key: 'mfa', header: '二要素認証' },
            { key: 'status', header: '状態' },
            { key: 'actions', header: '操作' },
          ]}
          rows={rows}
        />
        <h2 class="app-heading-2">ユーザーを招待する</h2>
        <p>招待メールで届くリンクから、本人がパスワードを設定します。既存のユーザーには、ロールだけを追加します。</p>
        <Form action="/admin/users" csrfToken={csrfToken(c)}>
          <TextField name="email" type="email" label="メールアドレス" required value={values.email} error={errorFor(errors, 'email')} width="lg" />
          <SelectField
            name="role"
            label="ロール"
            required
            value={values.role}
            error={errorFor(errors, 'role')}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r]! }))}
          />
          <SelectField
            name="program"
            label="事業"
            hint="管理者 (admin) で事業を選ばない場合は、すべての事業の管理者になります。"
            value={values.program}
            error={errorFor(errors, 'program')}
            options={[{ value: '', label: '（すべての事業）' }, ...programs.map((p) => ({ value: String(p.id), label: `${p.name}（${p.slug}）` }))]}
          />
          <Button>招待する</Button>
        </Form>
        <h2 class="app-heading-2">ロールを外す</h2>
        <Form action="/admin/users/revoke" csrfToken={csrfToken(c)}>
          <TextField name="userId" label="ユーザーID" required inputmode="numeric" width="sm" error={errorFor(errors, 'userId')} />
          <SelectField name="role" label="ロール" required options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r]! }))} />
          <SelectField name="program" label="事業" options={[{ value: '', label: '（すべての事業）' }, ...programs.map((p) => ({ value: String(p.id), label: p.slug }))]} />
          <Button variant="danger">ロールを外す</Button>
        </Form>
      </>
    ),
  });
}

export const adminUsers = new Hono<AppEnv>();

adminUsers.get('/users', (c) => {
  requireInstallationAdmin(c);
  return usersPage(c);
});

adminUsers.post('/users', async (c) => {
  requireInstallationAdmin(c);
  const f = await formFields(c);
  try {
    const role = parseRole(f.role ?? '');
    const programId = f.program ? Number(f.program) : null;
    const { user, created } = await runCommand(c.get('deps'), actorOf(c, 'admin'), (ctx) => inviteUser(ctx, { email: f.email ?? '', role, programId }));
    setFlash(c, { kind: 'success', message: created ? `${user.email} を招待しました` : `${user.email} にロールを追加しました` });
    return c.redirect('/admin/users', 303);
  } catch (e) {
    if (isAppError(e) && e.fieldErrors.length) return usersPage(c, e.fieldErrors, f, 422);
    throw e;
  }
});

adminUsers.post('/users/revoke', async (c) => {
  const auth = requireInstallationAdmin(c);
  const f = await formFields(c);
  const userId = Number(f.userId);
  if (!Number.isInteger(userId) || userId <= 0) return usersPage(c, [{ field: 'userId', message: 'ユーザーIDを数字で入力してください' }], f, 422);
  if (userId === auth.user.id && f.role === 'admin') return usersPage(c, [{ field: 'userId', message: '自分の管理者ロールは外せません' }], f, 422);
  await runCommand(c.get('deps'), actorOf(c, 'admin'), (ctx) => revokeRole(ctx, userId, parseRole(f.role ?? ''), f.program ? Number(f.program) : null));
  setFlash(c, { kind: 'success', message: 'ロールを外しました' });
  return c.redirect('/admin/users', 303);
});

for (const action of ['disable', 'enable'] as const) {
  adminUsers.post(`/users/:id/${action}`, async (c) => {
    const auth = requireInstallationAdmin(c);
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id)) throw new AppError('not-found');
    if (id === auth.user.id) throw new AppError('conflict', '自分のアカウントは無効にできません');
    await runCommand(c.get('deps'), actorOf(c, 'admin'), (ctx) => setUserStatus(ctx, id, action === 'disable' ? 'disabled' : 'active'));
    setFlash(c, { kind: 'success', message: action === 'disable' ? 'ユーザーを無効にしました' : 'ユーザーを有効にしました' });
    return c.redirect('/admin/users', 303);
  });
}

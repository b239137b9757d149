import { Hono } from 'hono';
import { listPrograms } from '../../../modules/programs/queries.js';
import { Button, ErrorSummary, Form, SelectField, Table, TextField, VisuallyHidden, errorFor } from '../../../ui/index.js';
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
import { inviteUser, listUsers, revokeRole, setProgramRole, setUserStatus } from '../user-admin.js';
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

/** Field names carry the user id: each row is its own form, and ids on a page must be unique. */
const rowField = (name: 'role' | 'program', userId: number) => `${name}-${userId}`;

async function usersPage(c: AppContext, errors: Errors = [], values: Record<string, string> = {}, status = 200) {
  const deps = c.get('deps');
  const [all, programs] = await Promise.all([listUsers(deps.db), listPrograms(deps.db)]);
  const me = c.get('auth')?.user.id;
  const programName = new Map(programs.map((p) => [p.id, p.name]));
  const programOptions = [{ value: '', label: '（すべての事業）' }, ...programs.map((p) => ({ value: String(p.id), label: `${p.name}（${p.slug}）` }))];
  const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r]! }));
  const rows = await Promise.all(
    all.map(async (u) => {
      const grants = await grantsOf(deps.db, u.id);
      const self = u.id === me;
      return {
        id: String(u.id),
        email: u.email,
        roles: grants.length ? (
          <ul class="app-role-list">
            {grants.map((g) => {
              const where = g.programId === null ? '全事業' : (programName.get(g.programId) ?? g.programSlug ?? '');
              const text = `${ROLE_LABELS[g.role]}（${where}）`;
              return (
                <li>
                  <span class="app-role-list__grant" data-grant={`${g.role}@${g.programSlug ?? '*'}`}>
                    {text}
                  </span>
                  {!self && (
                    <Form action={`/admin/users/${u.id}/roles/revoke`} csrfToken={csrfToken(c)}>
                      <input type="hidden" name="role" value={g.role} />
                      <input type="hidden" name="program" value={g.programId === null ? '' : String(g.programId)} />
                      <Button variant="danger" size="sm">
                        外す<VisuallyHidden>：{u.email} の {text}</VisuallyHidden>
                      </Button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          '—'
        ),
        editor: self ? (
          '自分のロールは変更できません'
        ) : (
          <Form action={`/admin/users/${u.id}/roles`} csrfToken={csrfToken(c)}>
            <SelectField
              name={rowField('program', u.id)}
              label={`事業（${u.email}）`}
              options={programOptions}
              emptyOption={false}
              value={values[rowField('program', u.id)]}
              error={errorFor(errors, rowField('program', u.id))}
            />
            <SelectField
              name={rowField('role', u.id)}
              label={`ロール（${u.email}）`}
              required
              options={roleOptions}
              value={values[rowField('role', u.id)]}
              error={errorFor(errors, rowField('role', u.id))}
            />
            <Button variant="secondary" size="sm">
              ロールを設定する
            </Button>
          </Form>
        ),
        mfa: u.totpEnabledAt ? '設定済み' : '未設定',
        status: u.status === 'active' ? '有効' : '無効',
        actions: self ? (
          '—'
        ) : (
          <Form action={`/admin/users/${u.id}/${u.status === 'active' ? 'disable' : 'enable'}`} csrfToken={csrfToken(c)}>
            <Button variant={u.status === 'active' ? 'danger' : 'secondary'} size="sm">
              {u.status === 'active' ? '無効にする' : '有効にする'}
              <VisuallyHidden>：{u.email}</VisuallyHidden>
            </Button>
          </Form>
        ),
      };
    }),
  );
  return adminPage(c, {
    title: 'ユーザー',
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>
          ロールは事業ごとに設定します。「ロールを設定する」は、選んだ事業でのロールをそのロールだけにします（付与・変更）。ロールを変えたユーザーは、ログイン中の画面が終了し、もう一度ログインが必要になります。
        </p>
        <Table
          caption="ユーザー一覧"
          columns={[
            { key: 'email', header: 'メールアドレス', rowHeader: true },
            { key: 'roles', header: 'ロール（事業）' },
            { key: 'editor', header: 'ロールの付与・変更' },
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
          <SelectField name="role" label="ロール" required value={values.role} error={errorFor(errors, 'role')} options={roleOptions} />
          <SelectField
            name="program"
            label="事業"
            hint="管理者 (admin) で事業を選ばない場合は、すべての事業の管理者になります。"
            value={values.program}
            error={errorFor(errors, 'program')}
            options={programOptions}
            emptyOption={false}
          />
          <Button>招待する</Button>
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

/** The user named by `:id`, for a change by another admin (an admin does not edit their own roles). */
function targetUserId(c: AppContext, selfMessage: string): number {
  const auth = requireInstallationAdmin(c);
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('not-found');
  if (id === auth.user.id) throw new AppError('conflict', selfMessage);
  return id;
}

function programIdOf(value: string | undefined): number | null {
  if (!value) return null;
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new AppError('not-found');
  return id;
}

/** Grants or changes the user's role in one program; the user's sessions end (privilege change). */
adminUsers.post('/users/:id/roles', async (c) => {
  const id = targetUserId(c, '自分のロールは変更できません。別の管理者に依頼してください');
  const f = await formFields(c);
  const roleField = rowField('role', id);
  const programField = rowField('program', id);
  try {
    const role = parseRole(f[roleField] ?? '');
    const changed = await runCommand(c.get('deps'), actorOf(c, 'admin'), (ctx) => setProgramRole(ctx, id, role, programIdOf(f[programField])));
    setFlash(c, { kind: 'success', message: changed === null ? 'ロールは変わりませんでした（すでに設定済みです）' : 'ロールを設定しました。このユーザーはもう一度ログインが必要です' });
    return c.redirect('/admin/users', 303);
  } catch (e) {
    if (isAppError(e) && e.fieldErrors.length) {
      const errors = e.fieldErrors.map((fe) => ({ ...fe, field: fe.field === 'program' ? programField : roleField }));
      return usersPage(c, errors, f, 422);
    }
    throw e;
  }
});

adminUsers.post('/users/:id/roles/revoke', async (c) => {
  const id = targetUserId(c, '自分のロールは外せません。別の管理者に依頼してください');
  const f = await formFields(c);
  await runCommand(c.get('deps'), actorOf(c, 'admin'), (ctx) => revokeRole(ctx, id, parseRole(f.role ?? ''), programIdOf(f.program)));
  setFlash(c, { kind: 'success', message: 'ロールを外しました。このユーザーはもう一度ログインが必要です' });
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

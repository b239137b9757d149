import { Hono } from 'hono';
import { listPrograms } from '../../programs/queries.js';
import { Button, ErrorSummary, Form, SelectField, Table, TextField, VisuallyHidden, errorFor } from '../../../ui/index.js';
import { adminPage } from '../../http/admin-page.js';
import type { AppContext, AppEnv } from '../../http/env.js';
import { submitForm } from '../../http/form-action.js';
import { formFields } from '../../http/form.js';
import { requireInstallationAdmin } from '../../http/guards.js';
import { AppError } from '../../errors/index.js';
import { grantsOf } from '../memberships.js';
import { ROLES, type Role } from '../schema.js';
import { inviteUser, listUsers, revokeRole, setProgramRole, setUserStatus } from '../user-admin.js';
import { parseRole } from '../users.js';
import { csrfToken } from '../../http/csrf.js';
import { authMessages as m } from './messages.js';
import { idParam } from '../../http/params.js';
import { parseId } from '../../ids.js';

type Errors = Array<{ field: string; message: string }>;

const ROLE_LABELS: Record<Role, string> = {
  admin: m('ja', 'usersRoleAdmin'),
  operator: m('ja', 'usersRoleOperator'),
  agent: m('ja', 'usersRoleAgent'),
  city: m('ja', 'usersRoleCity'),
  business: m('ja', 'usersRoleBusiness'),
};

/** Field names carry the user id: each row is its own form, and ids on a page must be unique. */
const rowField = (name: 'role' | 'program', userId: number) => `${name}-${userId}`;

async function usersPage(c: AppContext, errors: Errors = [], values: Record<string, string> = {}, status = 200) {
  const deps = c.get('deps');
  const [all, programs] = await Promise.all([listUsers(deps.db), listPrograms(deps.db)]);
  const me = c.get('auth')?.user.id;
  const programName = new Map(programs.map((p) => [p.id, p.name]));
  const programOptions = [{ value: '', label: m('ja', 'usersProgramAny') }, ...programs.map((p) => ({ value: String(p.id), label: m('ja', 'usersProgramOption', { name: p.name, slug: p.slug }) }))];
  const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
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
              const where = g.programId === null ? m('ja', 'usersAllPrograms') : (programName.get(g.programId) ?? g.programSlug ?? '');
              const text = m('ja', 'usersGrant', { role: ROLE_LABELS[g.role], program: where });
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
                        {m('ja', 'usersRevoke')}
                        <VisuallyHidden>{m('ja', 'usersRevokeTarget', { email: u.email, grant: text })}</VisuallyHidden>
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
          m('ja', 'usersOwnRoles')
        ) : (
          <Form action={`/admin/users/${u.id}/roles`} csrfToken={csrfToken(c)}>
            <SelectField
              name={rowField('program', u.id)}
              label={m('ja', 'usersRowProgram', { email: u.email })}
              options={programOptions}
              emptyOption={false}
              value={values[rowField('program', u.id)]}
              error={errorFor(errors, rowField('program', u.id))}
            />
            <SelectField
              name={rowField('role', u.id)}
              label={m('ja', 'usersRowRole', { email: u.email })}
              required
              options={roleOptions}
              value={values[rowField('role', u.id)]}
              error={errorFor(errors, rowField('role', u.id))}
            />
            <Button variant="secondary" size="sm">
              {m('ja', 'usersSetRole')}
            </Button>
          </Form>
        ),
        mfa: m('ja', u.totpEnabledAt ? 'mfaOn' : 'mfaOff'),
        status: m('ja', u.status === 'active' ? 'usersActive' : 'usersDisabled'),
        actions: self ? (
          '—'
        ) : (
          <Form action={`/admin/users/${u.id}/${u.status === 'active' ? 'disable' : 'enable'}`} csrfToken={csrfToken(c)}>
            <Button variant={u.status === 'active' ? 'danger' : 'secondary'} size="sm">
              {m('ja', u.status === 'active' ? 'usersDisable' : 'usersEnable')}
              <VisuallyHidden>{m('ja', 'usersButtonTarget', { email: u.email })}</VisuallyHidden>
            </Button>
          </Form>
        ),
      };
    }),
  );
  return adminPage(c, {
    title: m('ja', 'usersTitle'),
    notice: errors.length ? <ErrorSummary errors={errors} /> : undefined,
    hasErrors: errors.length > 0,
    status,
    children: (
      <>
        <p>{m('ja', 'usersIntro')}</p>
        <Table
          caption={m('ja', 'usersCaption')}
          columns={[
            { key: 'email', header: m('ja', 'usersColEmail'), rowHeader: true },
            { key: 'roles', header: m('ja', 'usersColRoles') },
            { key: 'editor', header: m('ja', 'usersColEditor') },
            { key: 'mfa', header: m('ja', 'usersColMfa') },
            { key: 'status', header: m('ja', 'usersColStatus') },
            { key: 'actions', header: m('ja', 'usersColActions') },
          ]}
          rows={rows}
        />
        <h2 class="app-heading-2">{m('ja', 'usersInviteHeading')}</h2>
        <p>{m('ja', 'usersInviteIntro')}</p>
        <Form action="/admin/users" csrfToken={csrfToken(c)}>
          <TextField name="email" type="email" label={m('ja', 'usersInviteEmail')} required value={values.email} error={errorFor(errors, 'email')} width="lg" />
          <SelectField name="role" label={m('ja', 'usersInviteRole')} required value={values.role} error={errorFor(errors, 'role')} options={roleOptions} />
          <SelectField
            name="program"
            label={m('ja', 'usersInviteProgram')}
            hint={m('ja', 'usersInviteProgramHint')}
            value={values.program}
            error={errorFor(errors, 'program')}
            options={programOptions}
            emptyOption={false}
          />
          <Button>{m('ja', 'usersInviteButton')}</Button>
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
  return submitForm(c, {
    role: 'admin',
    run: (ctx) => inviteUser(ctx, { email: f.email ?? '', role: parseRole(f.role ?? ''), programId: programIdOf(f.program) }),
    rerender: (errors, status) => usersPage(c, errors, f, status),
    flash: ({ user, created }) => m('ja', created ? 'usersInvited' : 'usersRoleAdded', { email: user.email }),
    redirect: '/admin/users',
  });
});

/** The user named by `:id`, for a change by another admin (an admin does not edit their own roles). */
function targetUserId(c: AppContext, selfMessage: string): number {
  const auth = requireInstallationAdmin(c);
  const id = idParam(c);
  if (id === auth.user.id) throw new AppError('conflict', selfMessage);
  return id;
}

function programIdOf(value: string | undefined): number | null {
  if (!value) return null;
  const id = parseId(value);
  if (id === undefined) throw new AppError('not-found');
  return id;
}

/** Grants or changes the user's role in one program; the user's sessions end (privilege change). */
adminUsers.post('/users/:id/roles', async (c) => {
  const id = targetUserId(c, m('ja', 'usersSelfRoleChange'));
  const f = await formFields(c);
  const roleField = rowField('role', id);
  const programField = rowField('program', id);
  return submitForm(c, {
    role: 'admin',
    run: (ctx) => setProgramRole(ctx, id, parseRole(f[roleField] ?? ''), programIdOf(f[programField])),
    // The row's own fields carry the user id.
    rerender: (errors, status) => usersPage(c, errors.map((fe) => ({ ...fe, field: fe.field === 'program' ? programField : roleField })), f, status),
    flash: (changed) => m('ja', changed === null ? 'usersRoleUnchanged' : 'usersRoleSet'),
    redirect: '/admin/users',
  });
});

adminUsers.post('/users/:id/roles/revoke', async (c) => {
  const id = targetUserId(c, m('ja', 'usersSelfRoleRevoke'));
  const f = await formFields(c);
  return submitForm(c, {
    role: 'admin',
    run: (ctx) => revokeRole(ctx, id, parseRole(f.role ?? ''), programIdOf(f.program)),
    flash: m('ja', 'usersRoleRevoked'),
    redirect: '/admin/users',
  });
});

for (const action of ['disable', 'enable'] as const) {
  adminUsers.post(`/users/:id/${action}`, async (c) => {
    const auth = requireInstallationAdmin(c);
    const id = idParam(c);
    if (id === auth.user.id) throw new AppError('conflict', m('ja', 'usersSelfDisable'));
    return submitForm(c, {
      role: 'admin',
      run: (ctx) => setUserStatus(ctx, id, action === 'disable' ? 'disabled' : 'active'),
      flash: m('ja', action === 'disable' ? 'usersUserDisabled' : 'usersUserEnabled'),
      redirect: '/admin/users',
    });
  });
}

import { defineAuditActions } from '../audit/actions.js';

/** Sign-in, second factor, passwords, user administration and API tokens: audit actions and labels. */
export const accountAuditActions = defineAuditActions({
  'platform.auth.login_succeeded': { ja: 'ログイン', en: 'Signed in' },
  'platform.auth.login_failed': { ja: 'ログインに失敗', en: 'Sign-in failed' },
  'platform.auth.login_refused': { ja: 'ログインを拒否（ロック中）', en: 'Sign-in refused (locked)' },
  'platform.auth.account_locked': { ja: 'アカウントを一時ロック', en: 'Account locked' },
  'platform.auth.ip_locked': { ja: 'IPアドレスからのログインを一時停止', en: 'Sign-in from IP address suspended' },
  'platform.auth.logged_out': { ja: 'ログアウト', en: 'Signed out' },
  'platform.auth.mfa_enrolment_started': { ja: '二要素認証の登録を開始', en: 'Two-factor enrolment started' },
  'platform.auth.mfa_enrolled': { ja: '二要素認証を登録', en: 'Two-factor authentication enrolled' },
  'platform.auth.mfa_verified': { ja: '二要素認証で確認', en: 'Second factor verified' },
  'platform.auth.mfa_failed': { ja: '二要素認証に失敗', en: 'Second factor failed' },
  'platform.auth.mfa_refused': { ja: '二要素認証を拒否（ロック中）', en: 'Second factor refused (locked)' },
  'platform.auth.mfa_reset': { ja: '二要素認証を再設定', en: 'Two-factor authentication reset' },
  'platform.auth.mfa_disabled': { ja: '二要素認証を解除', en: 'Two-factor authentication disabled' },
  'platform.auth.reauthenticated': { ja: 'パスワードを再確認', en: 'Password re-confirmed' },
  'platform.auth.reauth_failed': { ja: 'パスワードの再確認に失敗', en: 'Password re-confirmation failed' },
  'platform.auth.reauth_refused': { ja: 'パスワードの再確認を拒否（ロック中）', en: 'Password re-confirmation refused (locked)' },
  'platform.auth.password_changed': { ja: 'パスワードを変更', en: 'Password changed' },
  'platform.auth.password_reset_requested': { ja: 'パスワードの再設定を受付', en: 'Password reset requested' },
  'platform.auth.password_reset_completed': { ja: 'パスワードを再設定', en: 'Password reset completed' },
  'platform.auth.invitation_sent': { ja: '招待メールを送信', en: 'Invitation sent' },
  'platform.auth.account_requested': { ja: 'アカウント作成用のリンクを送信', en: 'Account link sent' },
  'platform.auth.account_request_completed': { ja: 'リンクからアカウントを作成', en: 'Account created from its link' },
  'platform.user.created': { ja: 'ユーザーを作成', en: 'User created' },
  'platform.user.password_set': { ja: 'ユーザーのパスワードを設定', en: 'User password set' },
  'platform.user.role_granted': { ja: 'ロールを付与', en: 'Role granted' },
  'platform.user.role_changed': { ja: 'ロールを変更', en: 'Role changed' },
  'platform.user.role_revoked': { ja: 'ロールを解除', en: 'Role revoked' },
  'platform.user.disabled': { ja: 'ユーザーを無効化', en: 'User disabled' },
  'platform.user.enabled': { ja: 'ユーザーを有効化', en: 'User enabled' },
  'platform.api_token.created': { ja: 'APIトークンを発行', en: 'API token issued' },
  'platform.api_token.revoked': { ja: 'APIトークンを失効', en: 'API token revoked' },
});

declare module '../audit/actions.js' {
  interface AuditActions extends Record<keyof typeof accountAuditActions, true> {}
}

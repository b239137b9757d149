import { TextField, errorFor } from '../../../ui/index.js';
import { authMessages as m } from './messages.js';

/** The new password and its confirmation, as every form that sets a password asks for them. */
export function NewPasswordFields({ errors }: { errors: Array<{ field: string; message: string }> }) {
  return (
    <>
      <TextField name="password" type="password" label={m('ja', 'newPassword')} hint={m('ja', 'newPasswordHint')} required autocomplete="new-password" error={errorFor(errors, 'password')} width="lg" />
      <TextField name="confirm" type="password" label={m('ja', 'confirmPassword')} required autocomplete="new-password" error={errorFor(errors, 'confirm')} width="lg" />
    </>
  );
}

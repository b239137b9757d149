import { RadioGroup, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { cm, type CampaignMessageKey } from '../messages.js';
import type { FormValues } from './form-values.js';

/**
 * The bank account fields (`bankAccount.*`) of a profile change: optional as a whole (all empty =
 * the account stays as it is), checked as the application's when any is filled.
 */
export function ProfileBankFields({ values, errors }: { values: FormValues; errors: readonly SummaryError[] }) {
  const v = (k: string) => values.fields[k] ?? '';
  const text = (name: CampaignMessageKey & string, hint: CampaignMessageKey, width: 'sm' | 'lg' = 'sm') => (
    <TextField name={name} label={cm(name)} value={v(name)} error={errorFor(errors, name)} hint={cm(hint)} width={width} inputmode={width === 'sm' ? 'numeric' : undefined} />
  );
  return (
    <>
      {text('bankAccount.bankCode', 'hint.bankCode')}
      {text('bankAccount.branchCode', 'hint.branchCode')}
      <RadioGroup
        name="bankAccount.accountType"
        label={cm('bankAccount.accountType')}
        inline
        value={v('bankAccount.accountType')}
        error={errorFor(errors, 'bankAccount.accountType')}
        options={[
          { value: 'ordinary', label: cm('accountType.ordinary') },
          { value: 'checking', label: cm('accountType.checking') },
        ]}
      />
      {text('bankAccount.accountNumber', 'hint.accountNumber')}
      {text('bankAccount.accountHolderKana', 'hint.holderKana', 'lg')}
    </>
  );
}

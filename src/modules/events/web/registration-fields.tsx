import type { Locale } from '../../../platform/i18n/index.js';
import { CheckboxGroup, RadioGroup, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { eventMessages as em } from '../messages.js';

export type FormValues = Record<string, string | string[] | undefined>;

const str = (v: FormValues, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
const list = (v: FormValues, k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : []);

/** How the person takes part and the support they need (also on the change form). */
export function AttendanceFields(props: { locale: Locale; values: FormValues; errors: readonly SummaryError[]; onlineEnabled: boolean }) {
  const { locale, values, errors } = props;
  const m = (k: Parameters<typeof em>[1]) => em(locale, k);
  return (
    <>
      {props.onlineEnabled && (
        <RadioGroup
          name="attendance"
          label={m('attendance')}
          required
          locale={locale}
          value={str(values, 'attendance')}
          error={errorFor(errors, 'attendance')}
          options={[
            { value: 'venue', label: m('attendanceVenue') },
            { value: 'online', label: m('attendanceOnline') },
          ]}
        />
      )}
      {!props.onlineEnabled && <input type="hidden" name="attendance" value="venue" />}
      <CheckboxGroup
        name="accommodations"
        label={m('accommodations')}
        hint={m('accommodationsHint')}
        locale={locale}
        values={list(values, 'accommodations')}
        error={errorFor(errors, 'accommodations')}
        options={[
          { value: 'wheelchair', label: m('accWheelchair') },
          { value: 'hearing', label: m('accHearing') },
          { value: 'visual', label: m('accVisual') },
          { value: 'other', label: m('accOther') },
        ]}
      />
      <TextArea name="accommodationNote" label={m('accommodationNote')} locale={locale} rows={3} value={str(values, 'accommodationNote')} error={errorFor(errors, 'accommodationNote')} />
    </>
  );
}

/** The person's fields, shared by the public form and the back-office entry of paper applications. */
export function RegistrationFields(props: { locale: Locale; values: FormValues; errors: readonly SummaryError[]; onlineEnabled: boolean; emailRequired: boolean }) {
  const { locale, values, errors } = props;
  const m = (k: Parameters<typeof em>[1]) => em(locale, k);
  const f = (name: string) => ({ name, locale, value: str(values, name), error: errorFor(errors, name) });
  return (
    <>
      <TextField {...f('name')} label={m('name')} required autocomplete="name" width="lg" />
      <TextField {...f('nameKana')} label={m('nameKana')} hint={m('nameKanaHint')} required width="lg" />
      <TextField {...f('organization')} label={m('organization')} autocomplete="organization" width="lg" />
      <TextField {...f('orgRole')} label={m('orgRole')} autocomplete="organization-title" />
      <TextField {...f('email')} label={m('email')} hint={props.emailRequired ? m('emailHint') : undefined} required={props.emailRequired} type="email" autocomplete="email" width="lg" />
      <TextField {...f('phone')} label={m('phone')} type="tel" autocomplete="tel" />
      <TextField {...f('fax')} label={m('fax')} type="tel" />
      <AttendanceFields locale={locale} values={values} errors={errors} onlineEnabled={props.onlineEnabled} />
      <TextArea name="question" label={m('question')} locale={locale} rows={4} value={str(values, 'question')} error={errorFor(errors, 'question')} />
    </>
  );
}

/** The submitted form as the command's input: checkbox lists as arrays, the consent as a boolean. */
export function formInput(fields: Record<string, string>, accommodations: string[]): Record<string, unknown> {
  return { ...fields, accommodations, consent: fields.consent === 'true' };
}

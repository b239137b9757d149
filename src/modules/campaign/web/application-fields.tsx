import { Checkbox, CheckboxGroup, DateField, FileField, RadioGroup, SelectField, TextArea, TextField, errorFor, type SummaryError } from '../../../ui/index.js';
import { MAX_DOCUMENT_BYTES } from '../documents.js';
import { cm, type CampaignMessageKey } from '../messages.js';
import { FACILITY_TYPES, WARDS } from '../schema.js';
import type { FormValues } from './form-values.js';

interface Props {
  values: FormValues;
  errors: readonly SummaryError[];
  features: readonly string[];
  requiredAttachments: ReadonlyArray<'license' | 'photo'>;
  /** Names of documents already attached (a re-upload replaces the licence copy). */
  attached: string[];
  termsHref: string;
}

type TextOpts = { hint?: string; type?: 'text' | 'email' | 'tel' | 'url'; autocomplete?: string; width?: 'sm' | 'md' | 'lg' | 'full'; required?: boolean; inputmode?: 'numeric' | 'tel' };

/** A text field of the form, labelled from the catalogue by its dotted name. */
function textField(values: FormValues, errors: readonly SummaryError[], name: CampaignMessageKey & string, opts: TextOpts = {}) {
  return (
    <TextField
      name={name}
      label={cm(name)}
      value={values.fields[name] ?? ''}
      error={errorFor(errors, name)}
      required={opts.required ?? true}
      hint={opts.hint}
      type={opts.type}
      autocomplete={opts.autocomplete}
      width={opts.width ?? 'lg'}
      inputmode={opts.inputmode}
    />
  );
}

/** The public facility fields (`facility.*`): the application and the profile edit share them. */
export function FacilityFields({ values, errors, features }: { values: FormValues; errors: readonly SummaryError[]; features: readonly string[] }) {
  const v = (k: string) => values.fields[k] ?? '';
  const text = (name: CampaignMessageKey & string, opts: TextOpts = {}) => textField(values, errors, name, opts);
  return (
    <>
      {text('facility.name', { autocomplete: 'organization' })}
      {text('facility.nameKana', { hint: cm('hint.nameKana') })}
      {text('facility.nameEn', { hint: cm('hint.nameEn'), required: false })}
      <RadioGroup name="facility.type" label={cm('facility.type')} required value={v('facility.type')} error={errorFor(errors, 'facility.type')} options={FACILITY_TYPES.map((t) => ({ value: t, label: cm(`type.${t}`) }))} />
      {text('facility.postalCode', { hint: cm('hint.postalCode'), autocomplete: 'postal-code', width: 'sm', inputmode: 'numeric' })}
      <SelectField name="facility.ward" label={cm('facility.ward')} required value={v('facility.ward')} error={errorFor(errors, 'facility.ward')} options={WARDS.map((w) => ({ value: w, label: w }))} />
      {text('facility.address', { hint: cm('hint.address'), autocomplete: 'street-address', width: 'full' })}
      {text('facility.phone', { hint: cm('hint.phone'), type: 'tel', autocomplete: 'tel', width: 'md' })}
      {text('facility.url', { hint: cm('hint.url'), type: 'url', autocomplete: 'url', required: false })}
      {text('facility.rooms', { width: 'sm', inputmode: 'numeric', required: false })}
      <CheckboxGroup name="facility.features" label={cm('facility.features')} values={values.features} error={errorFor(errors, 'facility.features') ?? errors.find((e) => e.field.startsWith('facility.features.'))?.message} options={features.map((f) => ({ value: f, label: f }))} />
      <TextArea name="facility.description" label={cm('facility.description')} hint={cm('hint.description')} value={v('facility.description')} error={errorFor(errors, 'facility.description')} maxLength={400} rows={4} />
    </>
  );
}

/** Every field of the application form, in sections with headings (block boxes: a fieldset would widen to its widest input at 320 px, and `.app-fieldset` has no style); names are the API's dotted paths. */
export function ApplicationFields({ values, errors, features, requiredAttachments, attached, termsHref }: Props) {
  const v = (k: string) => values.fields[k] ?? '';
  const text = (name: CampaignMessageKey & string, opts: TextOpts = {}) => textField(values, errors, name, opts);
  const maxMb = MAX_DOCUMENT_BYTES / 1024 / 1024;
  return (
    <>
      <section aria-labelledby="app-section-facility">
        <h2 id="app-section-facility">{cm('section.facility')}</h2>
        <FacilityFields values={values} errors={errors} features={features} />
      </section>
      <section aria-labelledby="app-section-operator">
        <h2 id="app-section-operator">{cm('section.operator')}</h2>
        {text('operator.corporateName', { autocomplete: 'organization' })}
        {text('operator.representativeName')}
        {text('operator.contactName', { autocomplete: 'name' })}
        {text('operator.contactEmail', { type: 'email', autocomplete: 'email', hint: cm('hint.contactEmail') })}
        {text('operator.contactPhone', { type: 'tel', autocomplete: 'tel', width: 'md' })}
      </section>
      <section aria-labelledby="app-section-license">
        <h2 id="app-section-license">{cm('section.license')}</h2>
        {text('license.number', { hint: cm('hint.licenseNumber') })}
        <DateField name="license.issuedOn" label={cm('license.issuedOn')} required value={v('license.issuedOn')} error={errorFor(errors, 'license.issuedOn')} />
        <FileField
          name="licenseFile"
          label={cm('licenseFile')}
          required={requiredAttachments.includes('license')}
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          hint={`${cm('hint.licenseFile', { max: maxMb })}${attached.length ? cm('hint.attached', { files: attached.join('、') }) : ''}${errors.length ? cm('hint.reselect') : ''}`}
          error={errorFor(errors, 'licenseFile')}
        />
        <FileField name="photoFile" label={cm('photoFile')} required={requiredAttachments.includes('photo')} accept=".jpg,.jpeg,.png,image/jpeg,image/png" hint={cm('hint.photoFile', { max: maxMb })} error={errorFor(errors, 'photoFile')} />
      </section>
      <section aria-labelledby="app-section-bank">
        <h2 id="app-section-bank">{cm('section.bank')}</h2>
        {text('bankAccount.bankCode', { hint: cm('hint.bankCode'), width: 'sm', inputmode: 'numeric' })}
        {text('bankAccount.branchCode', { hint: cm('hint.branchCode'), width: 'sm', inputmode: 'numeric' })}
        <RadioGroup name="bankAccount.accountType" label={cm('bankAccount.accountType')} required inline value={v('bankAccount.accountType')} error={errorFor(errors, 'bankAccount.accountType')} options={[{ value: 'ordinary', label: cm('accountType.ordinary') }, { value: 'checking', label: cm('accountType.checking') }]} />
        {text('bankAccount.accountNumber', { hint: cm('hint.accountNumber'), width: 'sm', inputmode: 'numeric' })}
        {text('bankAccount.accountHolderKana', { hint: cm('hint.holderKana') })}
      </section>
      <p>
        <a href={termsHref}>{cm('apply.readTerms')}</a>
      </p>
      <Checkbox name="agreeToTerms" label={cm('agreeToTerms')} required checked={v('agreeToTerms') === 'true'} error={errorFor(errors, 'agreeToTerms')} />
    </>
  );
}

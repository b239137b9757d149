import type { FieldError } from '../../../../platform/errors/index.js';
import { CheckboxGroup, DateField, RadioGroup, TextField, Checkbox, errorFor } from '../../../../ui/index.js';
import { plm } from '../messages.js';
import { TASK_OWNER_ROLES, type ScheduleTask } from '../schema.js';

export interface TaskFormValues {
  values: Record<string, string>;
  dependsOn: string[];
  errors: FieldError[];
}

export const TASK_FIELDS = ['title', 'startsOn', 'endsOn', 'milestone', 'owner', 'ownerName', 'progress'] as const;

/** The form values of a stored task (the edit page's first render). */
export function taskValues(t: ScheduleTask): TaskFormValues {
  return {
    values: { title: t.title, startsOn: t.startsOn, endsOn: t.endsOn, milestone: t.milestone ? 'on' : '', owner: t.owner, ownerName: t.ownerName, progress: String(t.progress) },
    dependsOn: t.dependsOn.map(String),
    errors: [],
  };
}

/** The fields of a task (add and edit); `others` are the tasks it may depend on. */
export function TaskFields({ form, others }: { form: TaskFormValues; others: ScheduleTask[] }) {
  const v = (name: string) => ({ name, value: form.values[name] ?? '', error: errorFor(form.errors, name) });
  return (
    <>
      <TextField {...v('title')} label={plm('f.title')} required width="lg" maxLength={200} />
      <DateField {...v('startsOn')} label={plm('f.startsOn')} required />
      <DateField {...v('endsOn')} label={plm('f.endsOn')} required />
      <Checkbox name="milestone" label={plm('f.milestone')} checked={form.values.milestone === 'on'} value="on" />
      <RadioGroup {...v('owner')} value={form.values.owner || 'contractor'} label={plm('f.owner')} inline options={TASK_OWNER_ROLES.map((o) => ({ value: o, label: plm(`owner.${o}`) }))} />
      <TextField {...v('ownerName')} label={plm('f.ownerName')} hint={plm('f.ownerNameHint')} width="md" maxLength={100} />
      <TextField {...v('progress')} value={form.values.progress || '0'} label={plm('f.progress')} type="number" inputmode="numeric" min={0} max={100} step={1} width="sm" />
      {others.length ? (
        <CheckboxGroup name="dependsOn" label={plm('f.dependsOn')} values={form.dependsOn} error={errorFor(form.errors, 'dependsOn')} options={others.map((o) => ({ value: String(o.id), label: o.title }))} />
      ) : null}
    </>
  );
}

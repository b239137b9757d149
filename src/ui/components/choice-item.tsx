import { hasContent, hintId } from '../ids.js';
import type { Child } from './types.js';

interface ChoiceItemProps {
  kind: 'radio' | 'checkbox';
  id: string;
  name: string;
  value: string;
  label: Child;
  hint?: Child;
  checked?: boolean;
  invalid?: boolean;
  required?: boolean;
  /** Extra ids for aria-describedby (a single checkbox points at its own hint and error). */
  describedBy?: string;
  /** Badge or other content shown after the label text. */
  after?: Child;
}

/** One radio button or checkbox in DADS markup: the label wraps the control for a large hit area. */
export function ChoiceItem(p: ChoiceItemProps) {
  const optionHint = hasContent(p.hint) ? hintId(p.id) : undefined;
  const described = [p.describedBy, optionHint].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`dads-${p.kind}-item`}>
      <label class={`dads-${p.kind}`} data-size="md" for={p.id}>
        <span class={`dads-${p.kind}__${p.kind}`}>
          <input
            class={`dads-${p.kind}__input`}
            type={p.kind}
            id={p.id}
            name={p.name}
            value={p.value}
            checked={p.checked ?? false}
            aria-required={p.required ? 'true' : undefined}
            aria-invalid={p.invalid ? 'true' : undefined}
            aria-describedby={described}
          />
        </span>
        <span class={`dads-${p.kind}__label`}>
          {p.label}
          {p.after}
        </span>
      </label>
      {optionHint && (
        <p id={optionHint} class={`dads-${p.kind}__hint`}>
          {p.hint}
        </p>
      )}
    </div>
  );
}

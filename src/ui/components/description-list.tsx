import type { Child } from './types.js';

export interface DescriptionItem {
  term: Child;
  detail: Child;
}

/** Term/value pairs, e.g. an application's details on a confirm page. */
export function DescriptionList({ items }: { items: readonly DescriptionItem[] }) {
  return (
    <dl class="dads-description-list">
      {items.map((item) => (
        <div class="dads-description-list__row">
          <dt class="dads-description-list__term">{item.term}</dt>
          <dd class="dads-description-list__detail">{item.detail}</dd>
        </div>
      ))}
    </dl>
  );
}

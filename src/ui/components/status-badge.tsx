import type { Child } from './types.js';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** Small status label such as 受付中 or 販売終了; every tone has at least 4.5:1 text contrast. */
export function StatusBadge({ tone = 'neutral', children }: { tone?: BadgeTone; children?: Child }) {
  return (
    <span class="dads-status-badge" data-tone={tone}>
      {children}
    </span>
  );
}

export const Tag = StatusBadge;

import { tokyoDateTime } from '../../../platform/calendar/index.js';
import { cm } from '../messages.js';
import { CALLER_TYPES, CATEGORIES, OUTCOMES, type CallerType, type Category, type Outcome } from '../schema.js';

export const callerTypeLabel = (t: CallerType | null) => (t ? cm(`callerType.${t}`) : '—');
export const categoryLabel = (t: Category | null) => (t ? cm(`category.${t}`) : '—');
export const outcomeLabel = (t: Outcome | null) => (t ? cm(`outcome.${t}`) : '—');
export const callerTypeOptions = () => CALLER_TYPES.map((v) => ({ value: v, label: cm(`callerType.${v}`) }));
export const categoryOptions = () => CATEGORIES.map((v) => ({ value: v, label: cm(`category.${v}`) }));
export const outcomeOptions = () => OUTCOMES.map((v) => ({ value: v, label: cm(`outcome.${v}`) }));
export const when = (d: Date) => tokyoDateTime(d);

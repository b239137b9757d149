import { csrfToken } from '../../../platform/http/csrf.js';
import type { AppContext } from '../../../platform/http/env.js';
import { Button, Form } from '../../../ui/index.js';
import { dm } from '../messages.js';
import { CALLER_TYPES, CATEGORIES } from '../schema.js';
import { callerTypeLabel, categoryLabel } from './format.js';

/**
 * The count-only record in one click: one form, a group per caller type, a button per category
 * (`pair=user:overview`). Without JavaScript, by keyboard, and at 320 px the buttons wrap.
 */
export function CountButtons({ c, action }: { c: AppContext; action: string }) {
  return (
    <section aria-labelledby="count-h">
      <h2 class="app-heading-2" id="count-h">{dm('countHeading')}</h2>
      <p>{dm('countHint')}</p>
      <Form action={action} csrfToken={csrfToken(c)} label={dm('countHeading')}>
        {CALLER_TYPES.map((t) => (
          <fieldset class="app-fieldset">
            <legend class="app-fieldset__legend">{callerTypeLabel(t)}</legend>
            {CATEGORIES.map((k) => (
              <Button name="pair" value={`${t}:${k}`} variant="secondary" size="sm">
                {categoryLabel(k)}
              </Button>
            ))}
          </fieldset>
        ))}
      </Form>
    </section>
  );
}

// Progressive enhancement for every page. Everything works without this file; it only
//  1. moves focus to the error summary when a form comes back with errors (where the browser did
//     not already honour its `autofocus` attribute), and
//  2. stops a form being sent twice: once a form holding a `data-prevent-double-submit` button has
//     been submitted, those buttons get aria-disabled="true" and further submits are cancelled.
//     The buttons are not `disabled`, so the clicked button's name/value is still submitted.
//  3. keeps a character count live: an element with `data-char-count="ID"` (the server renders its
//     text for the saved value) shows `data-template` with {n} replaced by the characters of the
//     textarea #ID as a reader counts them (code points, line breaks not counted), and appends
//     `data-warning` when the count is outside `data-min`..`data-max`.
// Plain ES2020, no build step; loaded with <script src="/static/app.js" defer>.
(function () {
  'use strict';

  var SUBMITTING = 'data-submitting';
  var MARKED = '[data-prevent-double-submit]';

  function focusErrorSummary() {
    var summary = document.querySelector('[data-error-summary]');
    if (summary instanceof HTMLElement && document.activeElement !== summary) {
      summary.focus();
    }
  }

  /** Buttons that belong to the form, including ones outside it linked by the form attribute. */
  function markedButtons(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el instanceof HTMLElement && el.matches(MARKED);
    });
  }

  function onSubmit(event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    var buttons = markedButtons(form);
    if (buttons.length === 0) return;
    if (form.hasAttribute(SUBMITTING)) {
      event.preventDefault();
      return;
    }
    form.setAttribute(SUBMITTING, '');
    buttons.forEach(function (button) {
      button.setAttribute('aria-disabled', 'true');
    });
  }

  /** Coming back through the history cache: make the forms usable again. */
  function onPageShow(event) {
    if (!event.persisted) return;
    document.querySelectorAll('form[' + SUBMITTING + ']').forEach(function (form) {
      form.removeAttribute(SUBMITTING);
      markedButtons(form).forEach(function (button) {
        button.removeAttribute('aria-disabled');
      });
    });
  }

  function countChars(text) {
    return Array.from(text.replace(/\r?\n/g, '')).length;
  }

  function onInput(event) {
    var field = event.target;
    if (!(field instanceof HTMLTextAreaElement) || !field.id) return;
    document.querySelectorAll('[data-char-count="' + field.id + '"]').forEach(function (out) {
      var n = countChars(field.value);
      var min = Number(out.getAttribute('data-min') || 0);
      var max = Number(out.getAttribute('data-max') || Infinity);
      var outside = n < min || n > max;
      out.textContent = (out.getAttribute('data-template') || '{n}').replace('{n}', String(n)) + (outside ? out.getAttribute('data-warning') || '' : '');
      out.classList.toggle('app-char-count--warn', outside);
    });
  }

  document.addEventListener('submit', onSubmit);
  document.addEventListener('input', onInput);
  window.addEventListener('pageshow', onPageShow);

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', focusErrorSummary);
  } else {
    focusErrorSummary();
  }
})();

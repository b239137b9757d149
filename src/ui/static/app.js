// Progressive enhancement for every page. Everything works without this file; it only
//  1. moves focus to the error summary when a form comes back with errors (where the browser did
//     not already honour its `autofocus` attribute), and
//  2. stops a form being sent twice: once a form holding a `data-prevent-double-submit` button has
//     been submitted, those buttons get aria-disabled="true" and further submits are cancelled.
//     The buttons are not `disabled`, so the clicked button's name/value is still submitted.
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

  document.addEventListener('submit', onSubmit);
  window.addEventListener('pageshow', onPageShow);

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', focusErrorSummary);
  } else {
    focusErrorSummary();
  }
})();

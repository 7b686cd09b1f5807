// The error summary's behaviour: it takes focus when shown, and a link to a field scrolls the field's label into
// view before focusing the field, so the question is not hidden under the keyboard (as GOV.UK Frontend does).
import { render } from '../../lib/dom';
import type { VElement } from '../../lib/html';

function labelOf(field: HTMLElement): HTMLElement | null {
  const legend = field.closest('fieldset')?.querySelector('legend');
  return (
    legend ?? (field.id ? document.querySelector<HTMLElement>(`label[for="${CSS.escape(field.id)}"]`) : null)
  );
}

function onLinkClick(event: MouseEvent) {
  const link = (event.target as Element | null)?.closest('a');
  const id = link?.getAttribute('href')?.replace(/^#/, '');
  const field = id ? document.getElementById(id) : null;
  if (!field) return;
  event.preventDefault();
  (labelOf(field) ?? field).scrollIntoView();
  field.focus({ preventScroll: true });
}

/** Draws `summary` (from errorSummary) into `container` and moves focus to it. */
export function showErrorSummary(container: HTMLElement, summary: VElement): void {
  render(container, summary);
  const box = container.querySelector<HTMLElement>('.error-summary');
  if (!box) return;
  box.addEventListener('click', onLinkClick);
  box.focus();
}

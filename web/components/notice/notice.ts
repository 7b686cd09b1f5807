// A note set apart from the text (GOV.UK's inset text): sample values, what happens next.
import { type Child, h, type VElement } from '../../lib/html';

export function notice(...children: Child[]): VElement {
  return h('div', { class: 'notice' }, ...children);
}

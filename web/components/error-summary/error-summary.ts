// GOV.UK's error summary: a headed alert at the top of the page listing each problem, linked to its field.
import { h, type VElement } from '../../lib/html';

export interface ErrorItem {
  readonly text: string;
  /** `#field-id` of the field at fault, when there is one on the page. */
  readonly href?: string;
}

export interface ErrorSummaryOptions {
  /** "Có lỗi cần sửa" / "There is a problem" for a form; a plain statement for a failed request. */
  readonly title: string;
  readonly description?: string;
  readonly items?: readonly ErrorItem[];
}

export function errorSummary(options: ErrorSummaryOptions): VElement {
  const items = options.items ?? [];
  return h(
    'div',
    { class: 'error-summary', tabindex: '-1', 'data-module': 'error-summary' },
    h(
      'div',
      { role: 'alert' },
      h('h2', { class: 'error-summary__title' }, options.title),
      options.description ? h('p', { class: 'error-summary__body' }, options.description) : null,
      items.length > 0
        ? h(
            'ul',
            { class: 'error-summary__list' },
            items.map((item) =>
              h('li', null, item.href ? h('a', { href: item.href }, item.text) : item.text),
            ),
          )
        : null,
    ),
  );
}

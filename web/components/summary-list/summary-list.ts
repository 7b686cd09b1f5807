// Key and value rows (GOV.UK's summary list): a procedure's facts, a case's status and dates.
import { type Child, classes, h, type VElement } from '../../lib/html';

export interface SummaryRow {
  readonly key: Child;
  readonly value: Child;
}

/** `<dl>` of the rows that have a value; `compact` puts key and value on one line where they fit. */
export function summaryList(rows: readonly SummaryRow[], options: { compact?: boolean } = {}): VElement {
  return h(
    'dl',
    { class: classes('summary-list', options.compact && 'summary-list--compact') },
    rows
      .filter(
        (row) => row.value !== '' && row.value !== null && row.value !== undefined && row.value !== false,
      )
      .map((row) =>
        h(
          'div',
          { class: 'summary-list__row' },
          h('dt', { class: 'summary-list__key' }, row.key),
          h('dd', { class: 'summary-list__value' }, row.value),
        ),
      ),
  );
}

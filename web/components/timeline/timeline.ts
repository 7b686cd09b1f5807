// A case's history as a timeline (tracking and a case's page): each event's time and status, the last one marked
// as the current step, with an optional line under it (who acted, their note).
import { formatDateTime } from '../../lib/format';
import { h, type VElement } from '../../lib/html';

export interface TimelineEvent {
  readonly at: string;
  /** The status it led to, in the page's language. */
  readonly label: string;
  readonly detail?: string;
}

export function timeline(events: readonly TimelineEvent[]): VElement {
  const last = events.length - 1;
  return h(
    'ol',
    { class: 'timeline' },
    events.map((event, i) =>
      h(
        'li',
        i === last ? { class: 'timeline__current', 'aria-current': 'step' } : null,
        h('time', { datetime: event.at }, formatDateTime(event.at)),
        h('span', null, event.label),
        event.detail ? h('span', { class: 'hint' }, event.detail) : null,
      ),
    ),
  );
}

// A short label with a tint: a case's status, a procedure's service level, a document's "required".
import { STATUS_LABELS } from '../../../functions/domain/status-labels';
import type { CaseStatus } from '../../../functions/domain/types';
import { type Child, classes, h, type VElement } from '../../lib/html';
import type { Lang } from '../../lib/i18n';

export type TagColour = 'grey' | 'blue' | 'green' | 'orange' | 'red';

export function tag(text: Child, colour: TagColour = 'grey'): VElement {
  return h('strong', { class: classes('tag', `tag--${colour}`) }, text);
}

/** Colours by what the status asks of the citizen: blue waits on the agency, orange on the citizen. */
const STATUS_COLOURS: Record<CaseStatus, TagColour> = {
  awaiting_payment: 'orange',
  submitted: 'blue',
  processing: 'blue',
  needs_supplement: 'orange',
  approved: 'green',
  completed: 'green',
  denied: 'red',
  rejected: 'red',
  withdrawn: 'grey',
};

export function statusTag(status: CaseStatus, lang: Lang): VElement {
  return tag(STATUS_LABELS[status][lang], STATUS_COLOURS[status]);
}

// How a case stands against its deadline, in words: the queue's cards and the case page say it the same way.
import { DUE_SOON_WORKING_DAYS } from '../../functions/domain/deadline';
import { tag } from '../components/tag/tag';
import type { QueueItem } from '../lib/api-types';
import type { Child } from '../lib/html';
import type { CONSOLE_TEXTS } from './texts';

type Texts = (typeof CONSOLE_TEXTS)['vi'];

/** Overdue and due-soon cases get a tag whose words say so (its colour only repeats them), then the days. */
export function deadlineMarker(
  item: Pick<QueueItem, 'overdue' | 'workingDaysLeft' | 'status' | 'dueAt'>,
  text: Texts,
): Child {
  const left = item.workingDaysLeft;
  if (item.overdue) {
    return [tag(`⚠ ${text.overdue}`, 'red'), ' ', text.overdueBy(left === undefined ? 0 : -left)];
  }
  if (left !== undefined && left <= DUE_SOON_WORKING_DAYS) {
    return [tag(`⏰ ${text.dueSoon}`, 'orange'), ' ', text.daysLeft(left)];
  }
  if (left !== undefined) return text.daysLeft(left);
  return item.status === 'needs_supplement' ? text.clockStopped : '';
}

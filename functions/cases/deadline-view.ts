// What the queue and the case page show of a case's deadline (working days left, overdue) and of its hand-off.
import { vietnamCalendar } from '../domain/calendar';
import { workingDaysLeft } from '../domain/deadline';
import type { CaseRecord } from '../storage/records';

/** The deadline's state and the hand-off, as the queue and the case page show them. */
export function deadlineView(record: Pick<CaseRecord, 'status' | 'dueAt' | 'assignee'>, now: Date) {
  const left = workingDaysLeft(record, now, vietnamCalendar);
  return {
    ...(record.assignee ? { assignee: { id: record.assignee.id, name: record.assignee.name } } : {}),
    ...(left !== undefined ? { workingDaysLeft: left } : {}),
  };
}

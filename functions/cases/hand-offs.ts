// The officials' own actions of version 2: assigning a case to a colleague, and extending its due date (Mẫu 04).
import type { CaseActionRequest } from '../../schemas/api';
import { parseIso, vietnamCalendar } from '../domain/calendar';
import type { FieldProblem } from '../domain/errors';
import type { Principal } from '../domain/principal';
import type { LocalizedText } from '../domain/types';
import { toVietnamIso, vietnamDay } from '../domain/vietnam-time';
import { findAgencyOfficial } from '../storage/officials';
import type { CaseRecord, EventRecord } from '../storage/records';

const text = (vi: string, en: string): LocalizedText => ({ vi, en });

/** What an action sets beside the common fields of a change, what is wrong with it, and what the audit says. */
export interface ActionPlan {
  readonly problems: FieldProblem[];
  readonly patch: Partial<CaseRecord>;
  readonly eventDetail?: Pick<EventRecord, 'handedTo'>;
  readonly auditDetail?: string;
}

/** `assign`: the assignee must be an official of the case's agency (known once they used the console), or null. */
export async function planAssignment(record: CaseRecord, request: CaseActionRequest): Promise<ActionPlan> {
  if (request.assigneeId === undefined) {
    return {
      problems: [
        {
          path: 'assigneeId',
          message: text(
            'Cần chọn cán bộ được phân công (hoặc null để bỏ phân công)',
            'Choose an official, or null',
          ),
        },
      ],
      patch: {},
    };
  }
  if (request.assigneeId === null) {
    return { problems: [], patch: { assignee: undefined }, auditDetail: 'assignee: none' };
  }
  const official = await findAgencyOfficial(record.agencyId, request.assigneeId);
  if (!official) {
    return {
      problems: [
        {
          path: 'assigneeId',
          message: text(
            'Không phải cán bộ của cơ quan giải quyết hồ sơ',
            'Not an official of the case’s agency',
          ),
        },
      ],
      patch: {},
    };
  }
  const assignee = { id: official.id, name: official.name };
  return {
    problems: [],
    patch: { assignee },
    eventDetail: { handedTo: assignee },
    auditDetail: `assignee: ${official.name} (${official.id})`,
  };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DUE_HOUR = 'T17:00:00+07:00';
/** An extension further than this is a typing mistake, not a plan. */
const MAX_EXTENSION_DAYS = 366;

/**
 * `extend`: a new due moment (a day means 17:00 that day, as every deadline does), on a working day, later than
 * the current one; the reason (`note`) is checked with the other required notes.
 */
export function planExtension(
  record: CaseRecord,
  request: CaseActionRequest,
  principal: Principal,
  now: Date,
): ActionPlan {
  const invalid = (message: LocalizedText): ActionPlan => ({
    problems: [{ path: 'dueAt', message }],
    patch: {},
  });
  if (!request.dueAt) return invalid(text('Cần chọn ngày hẹn mới', 'Choose the new due date'));
  let dueAt: Date;
  try {
    dueAt = parseIso(DATE_ONLY.test(request.dueAt) ? `${request.dueAt}${DUE_HOUR}` : request.dueAt);
  } catch {
    return invalid(text('Ngày hẹn mới không hợp lệ', 'Not a valid date'));
  }
  if (dueAt.getTime() <= new Date(record.dueAt).getTime()) {
    return invalid(
      text('Ngày hẹn mới phải sau ngày hẹn hiện tại', 'The new due date must be after the current one'),
    );
  }
  if (dueAt.getTime() - now.getTime() > MAX_EXTENSION_DAYS * 86_400_000) {
    return invalid(text('Ngày hẹn mới quá xa (quá một năm)', 'The new due date is more than a year away'));
  }
  if (!vietnamCalendar.isWorkingDay(vietnamDay(dueAt))) {
    return invalid(text('Ngày hẹn mới phải là ngày làm việc', 'The new due date must be a working day'));
  }
  const newDueAt = toVietnamIso(dueAt);
  return {
    problems: [],
    patch: {
      dueAt: newDueAt,
      extensions: [
        ...(record.extensions ?? []),
        {
          at: toVietnamIso(now),
          previousDueAt: record.dueAt,
          dueAt: newDueAt,
          reason: request.note ?? '',
          by: { id: principal.id, name: principal.name },
        },
      ],
    },
    auditDetail: `dueAt: ${record.dueAt} → ${newDueAt}`,
  };
}

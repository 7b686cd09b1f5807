// The notifications a status change writes, in the same transaction: e-mail and/or SMS to the applicant.
import { randomUUID } from 'node:crypto';
import type { CaseRecord, EventRecord, NotificationRecord } from '../storage/records';

/** `contact` given with the application wins; otherwise the account's own e-mail and phone. */
export function recipients(record: Pick<CaseRecord, 'contact' | 'applicant'>) {
  const contactGiven = Boolean(record.contact.email || record.contact.phone);
  const email = contactGiven ? record.contact.email : record.applicant.email;
  const phone = contactGiven ? record.contact.phone : record.applicant.phone;
  return [
    ...(email ? [{ channel: 'email' as const, to: email }] : []),
    ...(phone ? [{ channel: 'sms' as const, to: phone }] : []),
  ];
}

export function notificationsFor(record: CaseRecord, event: EventRecord): NotificationRecord[] {
  // A hand-off between officials is the agency's own business: the applicant's case neither moves nor waits on it.
  if (event.action === 'assign') return [];
  return recipients(record).map(({ channel, to }) => ({
    type: 'notification',
    // Sorts by time within the case's partition; the random part keeps two of one instant apart.
    id: `${event.at}#${String(event.seq).padStart(5, '0')}#${channel}#${randomUUID().slice(0, 8)}`,
    caseCode: record.code,
    channel,
    to,
    lang: record.lang,
    event: {
      action: event.action,
      status: event.status,
      procedureName: record.procedureName,
      dueAt: record.dueAt,
      ...(event.note ? { note: event.note } : {}),
    },
    status: 'pending',
    attempts: 0,
    createdAt: event.at,
  }));
}

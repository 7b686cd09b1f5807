// The public statistics (Decision 766/QĐ-TTg's progress figures) from the counters the stream keeps.
import { allAgencies } from '../../schemas/agencies';
import type { Statistics } from '../../schemas/api';
import { PAUSED } from '../domain/case-tallies';
import { ValidationFailedError } from '../domain/errors';
import { isCalendarDay, vietnamDay } from '../domain/vietnam-time';
import { readStatistics } from '../storage/tallies';

/** A period longer than this is a mistake, and would read more counters than a page needs. */
export const MAX_STATISTICS_MONTHS = 60;
const DUE_HOUR = 'T17:00:00+07:00';

type Row = Statistics['items'][number];

const lastDayOfMonth = (month: string) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
};

const monthsBetween = (from: string, to: string) => {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
};

function invalid(path: string, vi: string, en: string): never {
  throw new ValidationFailedError([{ path: `query.${path}`, message: { vi, en } }]);
}

/** The period counted: whole months, from the month of `from` (default: January this year) to that of `to`. */
export function statisticsPeriod(from: string | undefined, to: string | undefined, now: Date) {
  const today = vietnamDay(now);
  const fromMonth = (from ?? `${today.slice(0, 4)}-01-01`).slice(0, 7);
  const toMonth = (to ?? today).slice(0, 7);
  for (const [path, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (day !== undefined && !isCalendarDay(day)) {
      invalid(path, 'Ngày không hợp lệ', 'Not a valid date');
    }
  }
  if (fromMonth > toMonth) invalid('from', 'Ngày bắt đầu sau ngày kết thúc', '`from` is after `to`');
  if (monthsBetween(fromMonth, toMonth) > MAX_STATISTICS_MONTHS) {
    invalid(
      'from',
      `Khoảng thời gian quá ${MAX_STATISTICS_MONTHS} tháng`,
      `More than ${MAX_STATISTICS_MONTHS} months`,
    );
  }
  return { fromMonth, toMonth, from: `${fromMonth}-01`, to: lastDayOfMonth(toMonth) };
}

/**
 * The figures per agency and procedure that have any in the period. Each agency's counters are read with two
 * queries whose size depends on the months and procedures, never on the number of cases.
 */
export async function statistics(
  query: { from?: string; to?: string; agencyId?: string; procedureId?: string },
  now: Date,
): Promise<Statistics> {
  const period = statisticsPeriod(query.from, query.to, now);
  const agencies = allAgencies.filter((agency) => !query.agencyId || agency.id === query.agencyId);
  const rows = new Map<string, Row>();
  const rowOf = (agencyId: string, procedureId: string): Row => {
    const key = `${agencyId}|${procedureId}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        agencyId,
        procedureId,
        received: 0,
        resolved: 0,
        resolvedOnTime: 0,
        resolvedLate: 0,
        pending: 0,
        pendingOverdue: 0,
        onTimeRate: null,
      };
      rows.set(key, row);
    }
    return row;
  };
  const read = await Promise.all(
    agencies.map(async (agency) => ({
      agencyId: agency.id,
      ...(await readStatistics(agency.id, period.fromMonth, period.toMonth)),
    })),
  );
  const wanted = (procedureId: string) => !query.procedureId || procedureId === query.procedureId;
  for (const { agencyId, months, pending } of read) {
    for (const month of months.filter((m) => wanted(m.procedureId))) {
      const row = rowOf(agencyId, month.procedureId);
      row.received += month.counts.received;
      row.resolvedOnTime += month.counts.resolvedOnTime;
      row.resolvedLate += month.counts.resolvedLate;
    }
    for (const bucket of pending.filter((p) => wanted(p.procedureId))) {
      const row = rowOf(agencyId, bucket.procedureId);
      row.pending += bucket.pending;
      // Deadlines fall at 17:00 of their day; a supplement wait stops the clock.
      if (bucket.due !== PAUSED && new Date(`${bucket.due}${DUE_HOUR}`).getTime() < now.getTime()) {
        row.pendingOverdue += bucket.pending;
      }
    }
  }
  const items = [...rows.values()]
    .map((row) => {
      const resolved = row.resolvedOnTime + row.resolvedLate;
      return { ...row, resolved, onTimeRate: resolved > 0 ? row.resolvedOnTime / resolved : null };
    })
    .filter((row) => row.received + row.resolved + row.pending > 0)
    .sort((a, b) => a.agencyId.localeCompare(b.agencyId) || a.procedureId.localeCompare(b.procedureId));
  return { from: period.from, to: period.to, items };
}

// The public statistics against a run of cases made for the test: received, resolved on time and late, pending and
// overdue, as the stream's counters give them back through GET /api/stats. The officials act with the moment the
// local runtime lets a test set (X-Local-Now) in a month of 2023 that no other test touches, so that every figure
// of that month, for that procedure, is this test's own.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { newCitizen, newOfficial } from '../support/accounts';
import { COMMUNE, client, eventually, MARRIAGE, submitExample } from '../support/flows';

const c = client();
const MONTH = '2023-03';

/** An official's action at a given moment of that month (Vietnam time). */
async function actAt(
  token: string,
  code: string,
  at: string,
  body: { action: string; expectedVersion: number; note?: string; items?: unknown[]; dueAt?: string },
) {
  const answer = await c.post(`/api/cases/${encodeURIComponent(code)}/actions`, {
    token,
    body,
    headers: { 'x-local-now': `${at}+07:00` },
  });
  if (answer.status !== 200)
    throw new Error(`${body.action}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const statsAt = async (query: string, now: string) =>
  (await c.get(`/api/stats?${query}`, { headers: { 'x-local-now': `${now}+07:00` } })).body;

describe('public statistics', () => {
  it('count what was received, resolved on time and late, and what is pending and overdue, by month', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const cases = [];
    for (let i = 0; i < 6; i++) cases.push((await submitExample(c, applicant, MARRIAGE)).code);
    // Received on Monday 6 March 2023: marriage registration takes 5 working days, so each is due on Monday 13
    // March at 17:00.
    for (const code of cases) {
      const received = await actAt(official.token, code, '2023-03-06T09:00:00', {
        action: 'receive',
        expectedVersion: 1,
      });
      expect(received.dueAt).toBe('2023-03-13T17:00:00.000+07:00');
    }
    const [onTime, late, denied, pending, waiting, extended] = cases as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    await actAt(official.token, onTime, '2023-03-08T10:00:00', { action: 'approve', expectedVersion: 2 });
    await actAt(official.token, late, '2023-03-20T10:00:00', { action: 'approve', expectedVersion: 2 });
    await actAt(official.token, denied, '2023-03-10T10:00:00', {
      action: 'deny',
      expectedVersion: 2,
      note: 'Không đủ điều kiện kết hôn',
    });
    await actAt(official.token, waiting, '2023-03-07T10:00:00', {
      action: 'request_supplement',
      expectedVersion: 2,
      items: [{ field: 'groom.fullName', reason: 'Viết đúng họ tên theo CCCD' }],
    });
    await actAt(official.token, extended, '2023-03-09T10:00:00', {
      action: 'extend',
      expectedVersion: 2,
      note: 'Chờ xác minh tình trạng hôn nhân',
      dueAt: '2023-04-28',
    });
    expect(pending).toBeDefined();

    const query = `from=${MONTH}-15&to=${MONTH}-20&procedureId=${MARRIAGE}`;
    const expectedEndOfMarch = {
      agencyId: COMMUNE,
      procedureId: MARRIAGE,
      received: 6,
      resolved: 3,
      resolvedOnTime: 2,
      resolvedLate: 1,
      // Still being handled: the one left alone (overdue since 13 March), the one waiting for a supplement (its
      // clock stands) and the one extended to 28 April.
      pending: 3,
      pendingOverdue: 1,
      onTimeRate: 2 / 3,
    };
    const march = await eventually(
      () => statsAt(query, '2023-03-31T12:00:00'),
      (body) => isDeepStrictEqual(body?.items, [expectedEndOfMarch]),
    );
    // Whole months: the answer says which period it counted.
    expect(march).toEqual({ from: `${MONTH}-01`, to: `${MONTH}-31`, items: [expectedEndOfMarch] });

    // In May the extended case is overdue too; the one waiting for a supplement still is not.
    const may = await statsAt(query, '2023-05-02T09:00:00');
    expect(may.items).toEqual([{ ...expectedEndOfMarch, pendingOverdue: 2 }]);

    // The case left alone is approved late in April: April counts its resolution, March no longer its pending.
    await actAt(official.token, pending, '2023-04-14T10:00:00', { action: 'approve', expectedVersion: 2 });
    const april = await eventually(
      () => statsAt(`from=2023-04-01&to=2023-04-30&procedureId=${MARRIAGE}`, '2023-05-02T09:00:00'),
      (body) => body?.items?.[0]?.resolvedLate === 1,
    );
    expect(april.items).toEqual([
      {
        agencyId: COMMUNE,
        procedureId: MARRIAGE,
        received: 0,
        resolved: 1,
        resolvedOnTime: 0,
        resolvedLate: 1,
        pending: 0,
        pendingOverdue: 0,
        onTimeRate: 0,
      },
    ]);
    const spring = await statsAt(`from=2023-03-01&to=2023-04-30&agencyId=${COMMUNE}`, '2023-05-02T09:00:00');
    expect(spring.items.find((row: { procedureId: string }) => row.procedureId === MARRIAGE)).toEqual({
      ...expectedEndOfMarch,
      resolved: 4,
      resolvedLate: 2,
      pending: 2,
      pendingOverdue: 1,
      onTimeRate: 0.5,
    });
    // Another agency's figures hold none of it.
    const other = await statsAt(
      `from=2023-03-01&to=2023-04-30&agencyId=so-tu-phap-ninh-binh`,
      '2023-05-02T09:00:00',
    );
    expect(other.items).toEqual([]);
  });

  it('refuses a period that runs backwards, is not a date, or is longer than five years', async () => {
    for (const query of [
      'from=2024-05-01&to=2024-04-01',
      'from=2024-02-30',
      'to=24-01-01',
      'from=2010-01-01&to=2024-01-01',
    ]) {
      const answer = await c.get(`/api/stats?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.errors.length, query).toBeGreaterThan(0);
    }
    const fine = await c.get('/api/stats');
    expect(fine.status).toBe(200);
    expect(fine.body.from).toMatch(/^\d{4}-01-01$/);
  });
});

// The console's routes over HTTP: assignment and the queue's filters and counts, extension with its apology, the
// audit trail (every read and action, in order; the owner's view of it), the agency boundary on every new route.
// Each test works with accounts made for it, and filters the queue by an official made for it, so that what it
// counts is only what it made while other files add to the same agencies.
import { describe, expect, it } from 'vitest';
import { type Account, newAccount, newCitizen, newOfficial } from '../support/accounts';
import {
  act,
  allPages,
  COMMUNE,
  client,
  eventually,
  MARRIAGE,
  submitBirthRegistration,
  submitExample,
} from '../support/flows';
import { isWorkingDay, nextDay, vietnamDay } from '../support/working-days';

const c = client();
const OTHER_AGENCY = 'so-tu-phap-ninh-binh';

const submitMarriage = (applicant: Account) => submitExample(c, applicant, MARRIAGE);

/** Opens the console as `official` would: asking for the agency's officials lists them among them. */
async function openConsole(official: Account) {
  const answer = await c.get('/api/officials', { token: official.token });
  expect(answer.status).toBe(200);
  return answer.body.items as { id: string; name: string }[];
}

async function queueCodes(official: Account, query: string): Promise<string[]> {
  const pages = await allPages(c, official.token, `/api/queue?${query}&limit=100`);
  return pages.flatMap((page) => page.items.map((item) => String(item.code)));
}

const outboxOf = async (code: string) =>
  (await c.get(`/api/local/outbox?caseCode=${encodeURIComponent(code)}`)).body.items as {
    channel: string;
    body: string | null;
    subject: string | null;
  }[];

/** The first working day at least `days` calendar days after the Vietnam day of `iso`. */
function workingDayAfter(iso: string, days: number): string {
  let day = vietnamDay(iso);
  for (let i = 0; i < days; i++) day = nextDay(day);
  while (!isWorkingDay(day)) day = nextDay(day);
  return day;
}

/** The first Saturday after the Vietnam day of `iso`. */
function saturdayAfter(iso: string): string {
  let day = nextDay(vietnamDay(iso));
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 6) day = nextDay(day);
  return day;
}

describe('assignment', () => {
  it('lists the officials of one’s own agency once they have opened the console, and no one else', async () => {
    const [first, colleague, outsider] = await Promise.all([
      newOfficial(COMMUNE),
      newAccount('official', { agencyId: COMMUNE, name: 'Đinh Thị Ngọc Ánh' }),
      newOfficial(OTHER_AGENCY),
    ]);
    await Promise.all([openConsole(colleague), openConsole(outsider)]);
    const listed = await openConsole(first);
    const ids = listed.map((o) => o.id);
    expect(ids).toEqual(expect.arrayContaining([first.sub, colleague.sub]));
    expect(ids).not.toContain(outsider.sub);
    expect(listed.find((o) => o.id === colleague.sub)?.name).toBe('Đinh Thị Ngọc Ánh');
    // Sorted by name, as Vietnamese sorts them.
    const names = listed.map((o) => o.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));

    const admin = await newAccount('admin');
    expect((await c.get('/api/officials', { token: admin.token })).status).toBe(400);
    const forAgency = await c.get(`/api/officials?agencyId=${COMMUNE}`, { token: admin.token });
    expect(forAgency.body.items.map((o: { id: string }) => o.id)).toContain(colleague.sub);
    expect((await c.get('/api/officials', { token: (await newCitizen()).token })).status).toBe(403);
  });

  it('hands a case to a colleague and back to nobody, refusing anyone outside the agency', async () => {
    const applicant = await newCitizen();
    const [official, colleague, outsider] = await Promise.all([
      newOfficial(COMMUNE),
      newOfficial(COMMUNE),
      newOfficial(OTHER_AGENCY),
    ]);
    await Promise.all([openConsole(official), openConsole(colleague), openConsole(outsider)]);
    const { code } = await submitMarriage(applicant);
    const notifiedAtSubmission = (await outboxOf(code)).length;
    expect(notifiedAtSubmission).toBeGreaterThan(0);

    const missing = await act(c, official, code, { action: 'assign', expectedVersion: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['assigneeId']);
    const foreign = await c.post(`/api/cases/${code}/actions`, {
      token: official.token,
      body: { action: 'assign', expectedVersion: 1, assigneeId: outsider.sub },
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].path).toBe('assigneeId');
    const unknown = await c.post(`/api/cases/${code}/actions`, {
      token: official.token,
      body: { action: 'assign', expectedVersion: 1, assigneeId: 'no-such-official' },
    });
    expect(unknown.status).toBe(400);

    const assigned = await c.post(`/api/cases/${code}/actions`, {
      token: official.token,
      body: { action: 'assign', expectedVersion: 1, assigneeId: colleague.sub, note: 'Nhờ chị xử lý' },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      status: 'submitted',
      version: 2,
      assignee: { id: colleague.sub, name: colleague.name },
    });
    expect(assigned.body.history.at(-1)).toMatchObject({ action: 'assign', status: 'submitted' });
    // A hand-off is the agency's own business: the applicant is not notified of it.
    expect(await outboxOf(code)).toHaveLength(notifiedAtSubmission);

    expect(await queueCodes(colleague, 'status=submitted&assignee=me')).toContain(code);
    expect(await queueCodes(official, `status=submitted&assignee=${colleague.sub}`)).toEqual([code]);
    expect(await queueCodes(official, 'status=submitted&assignee=me')).not.toContain(code);

    const unassigned = await c.post(`/api/cases/${code}/actions`, {
      token: colleague.token,
      body: { action: 'assign', expectedVersion: 2, assigneeId: null },
    });
    expect(unassigned.status).toBe(200);
    expect(unassigned.body.assignee).toBeUndefined();
    expect(await queueCodes(official, `status=submitted&assignee=${colleague.sub}`)).toEqual([]);
    expect(await queueCodes(official, `status=submitted&procedureId=${MARRIAGE}&assignee=none`)).toContain(
      code,
    );
    // Closed cases cannot be handed on.
    await act(c, official, code, { action: 'reject', expectedVersion: 3, note: 'Không thuộc thẩm quyền' });
    const closed = await c.post(`/api/cases/${code}/actions`, {
      token: official.token,
      body: { action: 'assign', expectedVersion: 4, assigneeId: colleague.sub },
    });
    expect(closed.status).toBe(409);
    expect(closed.body.type).toMatch(/invalid-transition$/);
  });

  it('filters the queue by procedure, by assignee, and by both, soonest first, page by page', async () => {
    const applicant = await newCitizen();
    const [official, assignee] = await Promise.all([newOfficial(COMMUNE), newOfficial(COMMUNE)]);
    await openConsole(assignee);
    const birth = await submitBirthRegistration(c, applicant);
    const marriage = await submitMarriage(applicant);
    const third = await submitMarriage(applicant);
    for (const { code } of [birth, marriage, third]) {
      const answer = await c.post(`/api/cases/${code}/actions`, {
        token: official.token,
        body: { action: 'assign', expectedVersion: 1, assigneeId: assignee.sub },
      });
      expect(answer.status).toBe(200);
    }
    const mine = `status=submitted&assignee=${assignee.sub}`;
    // Soonest first: for submitted cases, the oldest submission first.
    expect(await queueCodes(official, mine)).toEqual([birth.code, marriage.code, third.code]);
    expect(await queueCodes(official, `${mine}&procedureId=${MARRIAGE}`)).toEqual([
      marriage.code,
      third.code,
    ]);
    const byProcedure = await allPages(
      c,
      official.token,
      `/api/queue?status=submitted&procedureId=${MARRIAGE}`,
    );
    const items = byProcedure.flatMap((page) => page.items);
    expect(items.every((item) => item.procedureId === MARRIAGE)).toBe(true);
    expect(items.map((item) => item.code)).toEqual(expect.arrayContaining([marriage.code, third.code]));
    expect(items.map((item) => item.code)).not.toContain(birth.code);
    // Each item carries what the queue shows of the hand-off.
    expect(items.find((item) => item.code === marriage.code)).toMatchObject({
      assignee: { id: assignee.sub },
      applicantName: expect.any(String),
    });

    const pages = await allPages(c, official.token, `/api/queue?${mine}&limit=2`);
    expect(pages.map((page) => page.items.length)).toEqual([2, 1]);
    // A cursor of one filter is refused by another: it names another index's partition.
    const crossed = await c.get(
      `/api/queue?status=submitted&procedureId=${MARRIAGE}&cursor=${encodeURIComponent(pages[0]!.nextCursor!)}`,
      { token: official.token },
    );
    expect(crossed.status).toBe(400);
    // Another agency's official sees none of it, whatever the filter.
    const outsider = await newOfficial(OTHER_AGENCY);
    expect(await queueCodes(outsider, mine)).toEqual([]);
  });

  it('counts each tab of the queue under the same filters, once the stream has counted the change', async () => {
    const applicant = await newCitizen();
    const [official, assignee] = await Promise.all([newOfficial(COMMUNE), newOfficial(COMMUNE)]);
    await openConsole(assignee);
    const codes = [];
    for (let i = 0; i < 3; i++) {
      const { code } = await submitMarriage(applicant);
      await c.post(`/api/cases/${code}/actions`, {
        token: official.token,
        body: { action: 'assign', expectedVersion: 1, assigneeId: assignee.sub },
      });
      codes.push(code);
    }
    await act(c, official, codes[0]!, { action: 'receive', expectedVersion: 2 });
    const counts = (query: string) =>
      eventually(
        async () => (await c.get(`/api/queue/counts?${query}`, { token: official.token })).body.counts,
        (found) => found?.submitted === 2 && found?.processing === 1,
      );
    expect(await counts(`assignee=${assignee.sub}`)).toMatchObject({
      submitted: 2,
      processing: 1,
      completed: 0,
    });
    expect(await counts(`assignee=${assignee.sub}&procedureId=${MARRIAGE}`)).toMatchObject({
      submitted: 2,
      processing: 1,
    });
    const asAssignee = await c.get('/api/queue/counts?assignee=me', { token: assignee.token });
    expect(asAssignee.body.counts).toMatchObject({ submitted: 2, processing: 1 });
    const all = await c.get('/api/queue/counts', { token: official.token });
    expect(all.body.counts.submitted).toBeGreaterThanOrEqual(2);
  });
});

describe('extension', () => {
  it('moves the due date of a case in processing, with a reason, a Mẫu 04 and a notification', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const submitted = await submitMarriage(applicant);
    const { code } = submitted;
    const early = await c.post(`/api/cases/${code}/actions`, {
      token: official.token,
      body: {
        action: 'extend',
        expectedVersion: 1,
        note: 'Chờ xác minh',
        dueAt: workingDayAfter(submitted.dueAt, 7),
      },
    });
    expect(early.status).toBe(409);
    expect(early.body.type).toMatch(/invalid-transition$/);

    const received = await act(c, official, code, { action: 'receive', expectedVersion: 1 });
    const { dueAt } = received.body;
    expect(received.body.forms).toEqual(['receipt', 'control-slip']);
    const notified = (await outboxOf(code)).length;

    const empty = await c.post(`/api/cases/${code}/actions`, {
      token: official.token,
      body: { action: 'extend', expectedVersion: 2 },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['dueAt', 'note']);
    const extend = (newDue: string, expectedVersion = 2) =>
      c.post(`/api/cases/${code}/actions`, {
        token: official.token,
        body: { action: 'extend', expectedVersion, note: 'Chờ ý kiến của cơ quan phối hợp', dueAt: newDue },
      });
    expect((await extend(vietnamDay(dueAt))).status).toBe(400);
    const weekend = await extend(saturdayAfter(dueAt));
    expect(weekend.status).toBe(400);
    expect(weekend.body.errors[0].path).toBe('dueAt');
    expect((await extend('not a date at all')).status).toBe(400);

    const newDay = workingDayAfter(dueAt, 7);
    const extended = await extend(newDay);
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({
      status: 'processing',
      version: 3,
      dueAt: `${newDay}T17:00:00.000+07:00`,
      extensions: [
        {
          previousDueAt: dueAt,
          dueAt: `${newDay}T17:00:00.000+07:00`,
          reason: 'Chờ ý kiến của cơ quan phối hợp',
          by: { id: official.sub, name: official.name },
        },
      ],
    });
    expect(extended.body.forms).toEqual(['receipt', 'apology', 'control-slip']);
    expect(extended.body.history.at(-1)).toMatchObject({
      action: 'extend',
      note: 'Chờ ý kiến của cơ quan phối hợp',
    });
    // Written with the change; its text is rendered when the notifier delivers it.
    const [y, m, d] = newDay.split('-');
    const apology = (found: Awaited<ReturnType<typeof outboxOf>>) =>
      found.find((n) => n.channel === 'email' && (n.body ?? '').includes(`${d}/${m}/${y}`));
    const messages = await eventually(
      () => outboxOf(code),
      (found) => apology(found) !== undefined,
    );
    expect(messages.length).toBeGreaterThan(notified);
    expect(apology(messages)?.body).toContain('Chờ ý kiến của cơ quan phối hợp');
    // The owner sees it among their forms too.
    const own = await c.get(`/api/applications/${code}`, { token: applicant.token });
    expect(own.body.forms).toEqual(['receipt', 'apology']);
  });

  it('marks a case overdue once its due moment has passed, with the working days since', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const { code } = await submitMarriage(applicant);
    const received = await act(c, official, code, { action: 'receive', expectedVersion: 1 });
    const due = received.body.dueAt as string;
    expect(received.body.overdue).toBe(false);
    expect(received.body.workingDaysLeft).toBe(5);
    // The request's moment, set as the local runtime allows: the day after the due day, at noon.
    const later = workingDayAfter(due, 1);
    const read = await c.get(`/api/cases/${code}`, {
      token: official.token,
      headers: { 'x-local-now': `${later}T12:00:00+07:00` },
    });
    expect(read.body.overdue).toBe(true);
    expect(read.body.workingDaysLeft).toBe(-1);
    await openConsole(official);
    await c.post(`/api/cases/${code}/actions`, {
      token: official.token,
      body: { action: 'assign', expectedVersion: 2, assigneeId: official.sub },
    });
    const mine = (headers: Record<string, string> = {}) =>
      c.get('/api/queue?status=processing&assignee=me', { token: official.token, headers });
    expect((await mine({ 'x-local-now': `${later}T12:00:00+07:00` })).body.items).toEqual([
      expect.objectContaining({ code, overdue: true, workingDaysLeft: -1 }),
    ]);
    expect((await mine()).body.items).toEqual([
      expect.objectContaining({ code, overdue: false, workingDaysLeft: 5 }),
    ]);
  });
});

describe('audit trail', () => {
  it('records each read and action of officials in order, and shows the owner when the file was opened', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const admin = await newAccount('admin');
    const { code } = await submitBirthRegistration(c, applicant);

    expect((await c.get(`/api/cases/${code}`, { token: official.token })).status).toBe(200);
    expect((await act(c, official, code, { action: 'receive', expectedVersion: 1 })).status).toBe(200);
    const document = await c.get(`/api/cases/${code}/documents/0`, { token: official.token });
    expect(document.status).toBe(200);
    expect(document.body).toMatchObject({
      documentType: 'medical-birth-certificate',
      contentType: 'application/pdf',
    });
    const file = await fetch(document.body.url);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await c.get(`/api/cases/${code}/documents/1`, { token: official.token })).status).toBe(404);
    const form = await c.get(`/api/cases/${code}/forms/receipt`, { token: official.token });
    expect(form.status).toBe(200);
    // Reads of the applicant are theirs: not in the trail.
    expect((await c.get(`/api/applications/${code}`, { token: applicant.token })).status).toBe(200);
    expect((await c.get(`/api/cases/${code}`, { token: admin.token })).status).toBe(200);

    const trail = await allPages(c, official.token, `/api/cases/${code}/audit?limit=2`);
    expect(trail.length).toBe(3);
    const entries = trail.flatMap((page) => page.items) as {
      at: string;
      actor: { id: string; role: string; name: string };
      action: string;
      detail?: string;
    }[];
    expect(entries.map((e) => [e.action, e.actor.id])).toEqual([
      ['view', official.sub],
      ['receive', official.sub],
      ['download', official.sub],
      ['download', official.sub],
      ['view', admin.sub],
    ]);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());
    expect(entries[2]!.detail).toContain('medical-birth-certificate');
    expect(entries[3]!.detail).toContain('receipt');
    expect(entries[4]!.actor.role).toBe('admin');
    // An admin reads any agency's trail.
    expect((await c.get(`/api/cases/${code}/audit`, { token: admin.token })).body.items).toHaveLength(5);

    const own = await c.get(`/api/applications/${code}`, { token: applicant.token });
    expect(own.body.views.map((v: { role: string }) => v.role)).toEqual([
      'admin',
      'official',
      'official',
      'official',
    ]);
    expect(own.body.views[1]).toMatchObject({
      at: entries[3]!.at,
      role: 'official',
      agency: { id: COMMUNE, name: { vi: 'Ủy ban nhân dân xã Gia Sinh' } },
    });
    // No official's name in the owner's view.
    expect(JSON.stringify(own.body.views)).not.toContain(official.name);
  });

  it('answers an official of another agency as for an unknown case: the case, its documents, forms, trail', async () => {
    const applicant = await newCitizen();
    const official = await newOfficial(COMMUNE);
    const outsider = await newOfficial(OTHER_AGENCY);
    const { code } = await submitBirthRegistration(c, applicant);
    await act(c, official, code, { action: 'receive', expectedVersion: 1 });
    const unknown = '000.21.38.H42-990101-0001';
    for (const path of ['', '/documents/0', '/forms/receipt', '/audit']) {
      const theirs = await c.get(`/api/cases/${code}${path}`, { token: outsider.token });
      const none = await c.get(`/api/cases/${unknown}${path}`, { token: outsider.token });
      expect(theirs.status, path).toBe(404);
      expect(theirs.body, path).toEqual(none.body);
    }
    const refused = await c.post(`/api/cases/${code}/actions`, {
      token: outsider.token,
      body: { action: 'assign', expectedVersion: 2, assigneeId: outsider.sub },
    });
    expect(refused.status).toBe(404);
    // What the outsider tried left no trace of a read.
    const trail = await c.get(`/api/cases/${code}/audit`, { token: official.token });
    expect(trail.body.items.map((e: { actor: { id: string } }) => e.actor.id)).not.toContain(outsider.sub);
    // Nor can another applicant reach the owner's forms.
    const stranger = await newCitizen();
    const theirs = await c.get(`/api/applications/${code}/forms/receipt`, { token: stranger.token });
    expect(theirs.status).toBe(404);
  });
});

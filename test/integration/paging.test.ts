// Paging of the two case lists: an applicant's own cases and an agency's queue. One applicant makes 21 cases
// (a page and one more at the default size), then both lists are read page by page.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Account, newBusiness, newOfficial } from '../support/accounts';
import { allPages, client, DISTRICT, submitHouseholdBusiness } from '../support/flows';

const c = client();
const DEFAULT_PAGE = 20;
const MADE = DEFAULT_PAGE + 1;

let applicant: Account;
let official: Account;
/** The cases this file made, oldest first (by submission time, then code, as the applicant's list sorts). */
let made: { code: string; submittedAt: string }[];

beforeAll(async () => {
  applicant = await newBusiness();
  official = await newOfficial(DISTRICT);
  // Level-4 household businesses: no document to upload, and they wait in the district's awaiting_payment queue.
  const created = await Promise.all(
    Array.from({ length: MADE }, () => submitHouseholdBusiness(c, applicant)),
  );
  made = created
    .map(({ code, submittedAt }) => ({ code, submittedAt }))
    .sort((a, b) => {
      const [x, y] = [`${a.submittedAt}#${a.code}`, `${b.submittedAt}#${b.code}`];
      return x < y ? -1 : x > y ? 1 : 0;
    });
});

describe('GET /api/applications paging', () => {
  it(`gives ${DEFAULT_PAGE} cases a page by default, and no nextCursor on the last page`, async () => {
    const first = await c.get('/api/applications', { token: applicant.token });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(DEFAULT_PAGE);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const last = await c.get(`/api/applications?cursor=${encodeURIComponent(first.body.nextCursor)}`, {
      token: applicant.token,
    });
    expect(last.status).toBe(200);
    expect(last.body.items).toHaveLength(1);
    expect(last.body).not.toHaveProperty('nextCursor');
    // Newest first, every case once.
    const codes = [...first.body.items, ...last.body.items].map((i: { code: string }) => i.code);
    expect(codes).toEqual(made.map((m) => m.code).reverse());
  });

  it('gives no nextCursor on a last page that ends exactly at the limit', async () => {
    // 21 cases read 7 at a time: the third page is full and is the last one.
    const pages = await allPages(c, applicant.token, '/api/applications?limit=7');
    expect(pages.map((p) => p.items.length)).toEqual([7, 7, 7]);
    expect(pages.at(-1)).not.toHaveProperty('nextCursor');
  });

  it('walks every case once with a smaller limit', async () => {
    const pages = await allPages(c, applicant.token, '/api/applications?limit=6');
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(6);
    expect(pages.slice(0, 3).map((p) => p.items.length)).toEqual([6, 6, 6]);
    expect(pages.at(-1)).not.toHaveProperty('nextCursor');
    expect(pages.flatMap((p) => p.items).map((i) => i.code)).toEqual(made.map((m) => m.code).reverse());
  });
});

describe('GET /api/queue paging', () => {
  it(`gives ${DEFAULT_PAGE} items a page by default, and a cursor to the rest`, async () => {
    // Other files add to the district's queue too: it holds at least these 21.
    const first = await c.get('/api/queue?status=awaiting_payment', { token: official.token });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(DEFAULT_PAGE);
    expect(first.body.nextCursor).toEqual(expect.any(String));
  });

  it('walks the whole queue by cursor: each case once, soonest deadline first, the last page without nextCursor', async () => {
    const pages = await allPages(c, official.token, '/api/queue?status=awaiting_payment&limit=7');
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(7);
    expect(pages.at(-1)).not.toHaveProperty('nextCursor');
    const items = pages.flatMap((p) => p.items) as { code: string; dueAt: string; status: string }[];
    const codes = items.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    const dues = items.map((i) => i.dueAt);
    expect([...dues].sort()).toEqual(dues);
    const mine = new Set(made.map((m) => m.code));
    expect(codes.filter((code) => mine.has(code)).sort()).toEqual([...mine].sort());
    for (const item of items) expect(item.status).toBe('awaiting_payment');
  });

  it("refuses a cursor of another agency's queue or another status", async () => {
    const first = await c.get('/api/queue?status=awaiting_payment&limit=1', { token: official.token });
    const cursor = encodeURIComponent(first.body.nextCursor);
    const otherStatus = await c.get(`/api/queue?status=submitted&cursor=${cursor}`, {
      token: official.token,
    });
    expect(otherStatus.status).toBe(400);
    const outsider = await newOfficial('so-tu-phap-ninh-binh');
    const otherAgency = await c.get(`/api/queue?status=awaiting_payment&cursor=${cursor}`, {
      token: outsider.token,
    });
    expect(otherAgency.status).toBe(400);
  });
});

// Last in the file: it moves three of the cases on, out of the awaiting_payment queue the tests above walk.
describe('GET /api/applications?status= paging', () => {
  it('walks the cases of one status, each once, newest first, when a page reads past many of another status', async () => {
    // Three paid among 21: one page of one case reads past up to 19 others (a page may stop short of its
    // limit when it has read enough; its cursor then goes on from where it stopped).
    const paid = [made[2]!, made[10]!, made[19]!];
    for (const { code } of paid) {
      expect((await c.post(`/api/local/payments/${code}/confirm`, {})).status).toBe(200);
    }
    const pages = await allPages(c, applicant.token, '/api/applications?status=submitted&limit=1');
    for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(1);
    expect(pages.at(-1)).not.toHaveProperty('nextCursor');
    const codes = pages.flatMap((p) => p.items).map((i) => i.code);
    expect(codes).toEqual(paid.map((m) => m.code).reverse());

    const waiting = await allPages(c, applicant.token, '/api/applications?status=awaiting_payment&limit=5');
    const unpaid = made.filter((m) => !paid.includes(m)).map((m) => m.code);
    expect(waiting.flatMap((p) => p.items).map((i) => i.code)).toEqual(unpaid.reverse());
    expect(waiting.at(-1)).not.toHaveProperty('nextCursor');
  });
});

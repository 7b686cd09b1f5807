// Public tracking by code and PIN (and its limits on guessing), payment of a level-4 fee, notifications.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, inject, it } from 'vitest';
import { newBusiness, newCitizen } from '../support/accounts';
import {
  BIRTH,
  client,
  EVENTUALLY_MS,
  eventually,
  submitBirthRegistration,
  submitHouseholdBusiness,
} from '../support/flows';
import { api } from '../support/http';

const c = client();
/** Each client comes from an address of its own (Linux: all of 127.0.0.0/8 is local). */
const ownAddresses = c.sourceAddress !== undefined;
if (!ownAddresses) {
  console.warn(
    'The per-client tracking limit is not tested: test clients cannot take loopback addresses of their own here.',
  );
}

/** The contract's limits on failed tracking attempts: per case code, and per client address, in a window. */
const FAILURES_PER_CODE = 10;
const FAILURES_PER_CLIENT = 30;
const WINDOW_SECONDS = 15 * 60;

/**
 * The failure counts live in fixed windows of the clock (:00, :15, :30, :45). A test that counts to a limit
 * must do it within one window: when the next boundary is less than `needSeconds` away, wait it out first.
 * Returns the window's index (the runtime runs on this machine's clock).
 */
async function withinOneWindow(needSeconds = 60): Promise<number> {
  const left = WINDOW_SECONDS - ((Date.now() / 1000) % WINDOW_SECONDS);
  if (left < needSeconds) await sleep((left + 1) * 1000);
  return Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
}
const currentWindow = () => Math.floor(Date.now() / 1000 / WINDOW_SECONDS);
const secondsLeftInWindow = () => WINDOW_SECONDS - Math.floor((Date.now() / 1000) % WINDOW_SECONDS);

describe('GET /api/track/{code}', () => {
  it('shows status and history without personal data to whoever has the PIN', async () => {
    const applicant = await newCitizen();
    const created = await submitBirthRegistration(c, applicant);
    const response = await c.get(`/api/track/${created.code}?pin=${created.trackingPin}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      code: created.code,
      status: 'submitted',
      procedure: { id: BIRTH },
      agency: { id: 'ubnd-xa-gia-sinh' },
      submittedAt: created.submittedAt,
      dueAt: created.dueAt,
      history: [{ at: created.submittedAt, status: 'submitted' }],
    });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain(applicant.name);
    expect(text).not.toContain(applicant.email);
    expect(text).not.toContain('Nguyễn Văn An'); // the child's name in the example data
    // The PIN is checked case-insensitively, as people type it.
    expect((await c.get(`/api/track/${created.code}?pin=${created.trackingPin.toLowerCase()}`)).status).toBe(
      200,
    );
  });

  it('answers a wrong or missing PIN exactly as an unknown code', async () => {
    const created = await submitBirthRegistration(c, await newCitizen());
    const wrong = await c.get(`/api/track/${created.code}?pin=AAAAAAAA`);
    const missing = await c.get(`/api/track/${created.code}`);
    const unknown = await c.get('/api/track/000.00.00.H00-990101-0001?pin=AAAAAAAA');
    expect(wrong.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    expect(missing.body).toEqual(unknown.body);
  });

  it(`is rate limited after ${FAILURES_PER_CODE} failures for one code in a window, then even the right PIN waits`, {
    timeout: 120_000,
  }, async () => {
    const created = await submitBirthRegistration(c, await newCitizen());
    // A client address of its own, so that only this test's failures count against it.
    const guesser = api(inject('baseUrl'));
    const window = await withinOneWindow();
    const track = (pin: string) => guesser.get(`/api/track/${created.code}?pin=${pin}`);
    for (let i = 1; i < FAILURES_PER_CODE; i++)
      expect((await track(`BBBBBBB${i}`)).status, `failure ${i}`).toBe(404);
    // Nine failures so far: the right PIN still works (and does not wipe the count).
    expect((await track(created.trackingPin)).status).toBe(200);
    expect((await track('BBBBBBBA')).status, `failure ${FAILURES_PER_CODE}`).toBe(404);
    const limited = await track(created.trackingPin);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    // Retry-After names the end of the window the failures were counted in.
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(Math.abs(retryAfter - secondsLeftInWindow())).toBeLessThanOrEqual(2);
    expect((await track('BBBBBBBB')).status).toBe(429);
    expect(currentWindow()).toBe(window);
    // The limit is the code's: another case's right PIN, from the same client, still answers.
    const other = await submitBirthRegistration(c, await newCitizen());
    expect((await guesser.get(`/api/track/${other.code}?pin=${other.trackingPin}`)).status).toBe(200);
  });

  it.skipIf(!ownAddresses)(
    `is rate limited after ${FAILURES_PER_CLIENT} failures from one client address in a window`,
    {
      timeout: 120_000,
    },
    async () => {
      const created = await submitBirthRegistration(c, await newCitizen());
      const guesser = api(inject('baseUrl'));
      const bystander = api(inject('baseUrl'));
      const window = await withinOneWindow();
      // Unknown codes, so that no code reaches its own limit first.
      for (let i = 1; i <= FAILURES_PER_CLIENT; i++) {
        const code = `000.00.00.H00-990101-${String(1000 + i)}`;
        expect((await guesser.get(`/api/track/${code}?pin=CCCCCCCC`)).status, `failure ${i}`).toBe(404);
      }
      expect((await guesser.get(`/api/track/${created.code}?pin=${created.trackingPin}`)).status).toBe(429);
      expect(currentWindow()).toBe(window);
      // Another address is not held back.
      expect((await bystander.get(`/api/track/${created.code}?pin=${created.trackingPin}`)).status).toBe(200);
    },
  );
});

describe('payment of a level-4 fee', () => {
  it('moves awaiting_payment to submitted once payment is confirmed, once', async () => {
    const business = await newBusiness();
    const created = await submitHouseholdBusiness(c, business);
    expect(created.status).toBe('awaiting_payment');
    const paid = await c.post(`/api/local/payments/${created.code}/confirm`, {});
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('submitted');
    expect(paid.body.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'confirm_payment']);
    const twice = await c.post(`/api/local/payments/${created.code}/confirm`, {});
    expect(twice.status).toBe(409);
  });
});

describe('notifications', () => {
  const notified = async (code: string, count: number) => {
    const outbox = await eventually(
      () => c.get(`/api/local/outbox?caseCode=${encodeURIComponent(code)}`),
      (r) =>
        r.body.items?.length === count &&
        r.body.items.every((n: { status: string }) => n.status === 'delivered'),
    );
    return outbox.body.items as {
      channel: string;
      to: string;
      status: string;
      subject: string;
      body: string;
    }[];
  };

  it('notifies the applicant of every status change, by e-mail and SMS, in Vietnamese by default', {
    timeout: EVENTUALLY_MS + 30_000,
  }, async () => {
    const applicant = await newCitizen();
    const created = await submitBirthRegistration(c, applicant, {
      contact: { email: 'me@example.com', phone: '0912345678' },
    });
    await c.post(`/api/applications/${created.code}/withdraw`, {
      token: applicant.token,
      body: { reason: 'Không cần nữa' },
    });
    const items = await notified(created.code, 4);
    expect(items).toHaveLength(4);
    expect(items.every((n) => n.status === 'delivered')).toBe(true);
    expect(items.filter((n) => n.channel === 'email').map((n) => n.to)).toEqual([
      'me@example.com',
      'me@example.com',
    ]);
    expect(items.filter((n) => n.channel === 'sms').map((n) => n.to)).toEqual(['0912345678', '0912345678']);
    const emails = items.filter((n) => n.channel === 'email');
    expect(emails[0]!.subject.startsWith(`Hồ sơ ${created.code}: `)).toBe(true);
    expect(emails[0]!.body).toContain('Đã nộp');
    expect(emails[0]!.body).toContain('Kính gửi ông/bà');
    expect(emails[1]!.body).toContain('Đã rút hồ sơ');
  });

  it('writes to an applicant who applied in English in English', {
    timeout: EVENTUALLY_MS + 30_000,
  }, async () => {
    const applicant = await newCitizen();
    const created = await submitBirthRegistration(c, applicant, {
      contact: { email: 'en@example.com', phone: '0987654321' },
      lang: 'en',
    });
    const items = await notified(created.code, 2);
    const email = items.find((n) => n.channel === 'email')!;
    const sms = items.find((n) => n.channel === 'sms')!;
    expect(email.subject.startsWith(`Case ${created.code}: `)).toBe(true);
    expect(email.body).toContain('Dear applicant');
    expect(email.body).toContain(`Case ${created.code} (Birth registration)`);
    expect(sms.body.startsWith(`Case ${created.code}: `)).toBe(true);
    for (const text of [email.subject, email.body, sms.body])
      expect(text).not.toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  client,
  eventually,
  exampleData,
  HOUSEHOLD_BUSINESS,
  signIn,
  submitBirthRegistration,
} from '../support/flows';

const c = client();

describe('GET /api/track/{code}', () => {
  it('shows status and history without personal data to whoever has the PIN', async () => {
    const created = await submitBirthRegistration(c, 'citizen1');
    const response = await c.get(`/api/track/${created.code}?pin=${created.trackingPin}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      code: created.code,
      status: 'submitted',
      procedure: { id: 'dang-ky-khai-sinh' },
      agency: { id: 'ubnd-xa-gia-sinh' },
      history: [{ at: created.submittedAt, status: 'submitted' }],
    });
    const text = JSON.stringify(response.body);
    expect(text).not.toContain('Nguyễn Văn An');
    expect(text).not.toContain('citizen1@example.com');
    // The PIN is checked case-insensitively, as people type it.
    expect((await c.get(`/api/track/${created.code}?pin=${created.trackingPin.toLowerCase()}`)).status).toBe(
      200,
    );
  });

  it('answers a wrong or missing PIN exactly as an unknown code, then 429 after repeated failures', async () => {
    const created = await submitBirthRegistration(c, 'citizen2');
    const wrong = await c.get(`/api/track/${created.code}?pin=AAAAAAAA`);
    const missing = await c.get(`/api/track/${created.code}`);
    const unknown = await c.get('/api/track/000.00.00.H00-990101-0001?pin=AAAAAAAA');
    expect(wrong.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(wrong.body).toEqual(unknown.body);
    expect(missing.body).toEqual(unknown.body);
    // Per-code limit: ten failures in the window, then even the right PIN waits.
    const attempts = [];
    for (let i = 0; i < 10; i++)
      attempts.push((await c.get(`/api/track/${created.code}?pin=BBBBBBB${i}`)).status);
    expect(attempts.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await c.get(`/api/track/${created.code}?pin=${created.trackingPin}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('payment of a level-4 fee', () => {
  it('moves awaiting_payment to submitted once payment is confirmed', async () => {
    const token = await signIn(c, 'business1');
    const created = await c.post('/api/applications', {
      token,
      headers: { 'idempotency-key': randomUUID() },
      body: {
        procedureId: HOUSEHOLD_BUSINESS,
        data: await exampleData(c, HOUSEHOLD_BUSINESS),
        documents: [],
      },
    });
    expect(created.body.status).toBe('awaiting_payment');
    const paid = await c.post(`/api/local/payments/${created.body.code}/confirm`, {});
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('submitted');
    expect(paid.body.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'confirm_payment']);
    const twice = await c.post(`/api/local/payments/${created.body.code}/confirm`, {});
    expect(twice.status).toBe(409);
  });
});

describe('notifications', () => {
  it('notifies the applicant of every status change, by e-mail and SMS, in their language', async () => {
    const created = await submitBirthRegistration(c, 'citizen1', {
      contact: { email: 'me@example.com', phone: '0912345678' },
    });
    const token = await signIn(c, 'citizen1');
    await c.post(`/api/applications/${created.code}/withdraw`, { token, body: { reason: 'Không cần nữa' } });
    const outbox = await eventually(
      () => c.get(`/api/local/outbox?caseCode=${encodeURIComponent(created.code)}`),
      (r) =>
        r.body.items?.length === 4 && r.body.items.every((n: { status: string }) => n.status === 'delivered'),
    );
    const items = outbox.body.items as {
      channel: string;
      to: string;
      status: string;
      subject: string;
      body: string;
    }[];
    expect(items).toHaveLength(4);
    expect(items.every((n) => n.status === 'delivered')).toBe(true);
    expect(items.filter((n) => n.channel === 'email').map((n) => n.to)).toEqual([
      'me@example.com',
      'me@example.com',
    ]);
    expect(items.filter((n) => n.channel === 'sms').map((n) => n.to)).toEqual(['0912345678', '0912345678']);
    const emails = items.filter((n) => n.channel === 'email');
    expect(emails[0]!.subject).toContain(created.code);
    expect(emails[0]!.body).toContain('Đã nộp');
    expect(emails[1]!.body).toContain('Đã rút hồ sơ');
  });
});

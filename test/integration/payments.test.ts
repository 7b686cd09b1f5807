// Paying a level-4 fee through VNPay 2.1.0: the signed redirect, the IPN's answers (each RspCode), the transaction it
// commits, replays and failures, the browser's return, and the sandbox gateway end to end.
import { request as httpRequest } from 'node:http';
import { describe, expect, inject, it } from 'vitest';
import { VNPAY_SANDBOX_DEFAULTS } from '../../local/vnpay-sandbox';
import { type Account, newBusiness, newCitizen, newOfficial } from '../support/accounts';
import {
  client,
  DISTRICT,
  EVENTUALLY_MS,
  eventually,
  submitBirthRegistration,
  submitHouseholdBusiness,
} from '../support/flows';
import { queryRecord, referenceSecureHash, referenceSignedQuery } from '../support/vnpay-reference';

const c = client();
const baseUrl = inject('baseUrl');
/** The test runtime's sandbox merchant account (the documented defaults: VNPAY_* are not set for the tests). */
const { tmnCode, hashSecret } = VNPAY_SANDBOX_DEFAULTS;
/** The household business registration's sample fee (schemas/procedures/dang-ky-ho-kinh-doanh.ts). */
const FEE = 100_000;

async function startPayment(who: Account, code: string) {
  const answer = await c.post(`/api/applications/${encodeURIComponent(code)}/payment`, { token: who.token });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body as { paymentId: string; amount: number; redirectUrl: string; expiresAt: string };
}

/** What VNPay sends to the IPN, signed by the test's own implementation of VNPay's sample (not the module's). */
function gatewayResult(
  paymentId: string,
  overrides: Record<string, string> = {},
  secret: string = hashSecret,
): string {
  return referenceSignedQuery(
    {
      vnp_Amount: String(FEE * 100),
      vnp_BankCode: 'NCB',
      vnp_OrderInfo: 'Le phi ho so',
      vnp_PayDate: '20260105103000',
      vnp_ResponseCode: '00',
      vnp_TmnCode: tmnCode,
      vnp_TransactionNo: '14123456',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: paymentId,
      ...overrides,
    },
    secret,
  );
}

const ipn = async (query: string) => {
  const answer = await c.get(`/api/payments/vnpay/ipn?${query}`);
  expect(answer.status).toBe(200);
  return answer.body as { RspCode: string; Message: string };
};

const readCase = async (who: Account, code: string) =>
  (await c.get(`/api/applications/${encodeURIComponent(code)}`, { token: who.token })).body;

/** The case's audit trail as an official of its agency (the district's: the household business's) reads it. */
async function paymentTrail(code: string) {
  const official = await newOfficial(DISTRICT);
  const answer = await c.get(`/api/cases/${encodeURIComponent(code)}/audit`, { token: official.token });
  expect(answer.status).toBe(200);
  return (
    answer.body.items as {
      action: string;
      actor: { id: string; name: string; role: string };
      detail?: string;
    }[]
  ).filter((entry) => entry.action.startsWith('payment_'));
}

async function awaitingPayment() {
  const business = await newBusiness();
  const created = await submitHouseholdBusiness(c, business);
  expect(created.status).toBe('awaiting_payment');
  return { business, code: created.code as string };
}

describe('POST /api/applications/{code}/payment', () => {
  it('answers a signed VNPay 2.1.0 redirect for the fee that an independent signer accepts', async () => {
    const { business, code } = await awaitingPayment();
    const started = await startPayment(business, code);
    expect(started.amount).toBe(FEE);
    expect(started.paymentId).toMatch(/^[0-9A-Z]{26}$/);
    const url = new URL(started.redirectUrl);
    const params = queryRecord(url.search.slice(1));
    expect(params).toMatchObject({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: tmnCode,
      vnp_Amount: String(FEE * 100),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: started.paymentId,
    });
    expect(params.vnp_OrderInfo).toMatch(/^[A-Za-z0-9 .\-_:]+$/);
    expect(params.vnp_OrderInfo).toContain(code);
    expect(new URL(params.vnp_ReturnUrl!).pathname).toBe('/api/payments/vnpay/return');
    const { vnp_SecureHash: given, ...signed } = params;
    expect(given).toBe(referenceSecureHash(signed, hashSecret));
    // Stored before the citizen leaves: the case shows the attempt.
    expect((await readCase(business, code)).payment).toMatchObject({ status: 'pending', amount: FEE });
  });

  it('is 409 for a case that does not await payment, and 404 for a case of someone else', async () => {
    const citizen = await newCitizen();
    const free = await submitBirthRegistration(c, citizen);
    const refused = await c.post(`/api/applications/${free.code}/payment`, { token: citizen.token });
    expect(refused.status).toBe(409);
    const { code } = await awaitingPayment();
    const stranger = await c.post(`/api/applications/${code}/payment`, { token: citizen.token });
    expect(stranger.status).toBe(404);
  });
});

describe('GET /api/payments/vnpay/ipn', () => {
  it('moves the case to submitted with its event and notification when paid, and changes nothing the second time', {
    timeout: EVENTUALLY_MS + 30_000,
  }, async () => {
    const { business, code } = await awaitingPayment();
    const { paymentId } = await startPayment(business, code);
    const query = gatewayResult(paymentId);
    expect(await ipn(query)).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    const paid = await readCase(business, code);
    expect(paid.status).toBe('submitted');
    expect(paid.version).toBe(2);
    expect(paid.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'confirm_payment']);
    expect(paid.payment).toMatchObject({ status: 'paid', amount: FEE, transactionNo: '14123456' });
    expect(paid.payment.paidAt).toBe('2026-01-05T10:30:00.000+07:00');
    // The audit trail holds the attempt (by the payer) and its settlement (by the gateway, the platform's `system`).
    const trail = await paymentTrail(code);
    expect(trail.map((entry) => [entry.action, entry.actor.role, entry.actor.id])).toEqual([
      ['payment_started', 'business', business.sub],
      ['payment_paid', 'system', 'system:vnpay'],
    ]);
    expect(trail[1]!.detail).toContain(paymentId);
    expect(trail[1]!.detail).toContain('transaction 14123456');

    expect(await ipn(query)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    const again = await readCase(business, code);
    expect(again.version).toBe(2);
    expect(again.history).toHaveLength(2);
    // A replay changes nothing, the trail included.
    expect(await paymentTrail(code)).toHaveLength(2);
    // The applicant heard of it once per channel (e-mail and SMS of the account), once the notifier sent them.
    const outbox = await eventually(
      () => c.get(`/api/local/outbox?caseCode=${encodeURIComponent(code)}`),
      (r) =>
        r.body.items.filter(
          (n: { channel: string; status: string }) => n.channel !== 'webhook' && n.status === 'delivered',
        ).length === 4,
    );
    const notices = outbox.body.items.filter((n: { channel: string }) => n.channel === 'email');
    expect(notices.map((n: { subject: string }) => n.subject)).toEqual([
      expect.stringContaining('Chờ thanh toán'),
      expect.stringContaining('Đã nộp'),
    ]);
  });

  it('answers 97 for a bad signature, 04 for a tampered amount, 01 for an unknown reference, and stores nothing', async () => {
    const { business, code } = await awaitingPayment();
    const { paymentId } = await startPayment(business, code);
    // Signed with another secret; and a genuine answer with its amount changed after signing.
    expect((await ipn(gatewayResult(paymentId, {}, 'ANOTHERSECRETANOTHERSECRET123456'))).RspCode).toBe('97');
    const genuine = gatewayResult(paymentId);
    expect((await ipn(genuine.replace(`vnp_Amount=${FEE * 100}`, 'vnp_Amount=100'))).RspCode).toBe('97');
    // Signed correctly, but not the amount asked for.
    expect((await ipn(gatewayResult(paymentId, { vnp_Amount: String(FEE) }))).RspCode).toBe('04');
    expect((await ipn(gatewayResult('0000000000UNKNOWNREFERENCE'))).RspCode).toBe('01');
    expect((await ipn('')).RspCode).toBe('97');
    const still = await readCase(business, code);
    expect(still.status).toBe('awaiting_payment');
    expect(still.payment.status).toBe('pending');
  });

  it('records a failed payment, and the applicant pays again with a new attempt', async () => {
    const { business, code } = await awaitingPayment();
    const first = await startPayment(business, code);
    const cancelled = gatewayResult(first.paymentId, {
      vnp_ResponseCode: '24',
      vnp_TransactionStatus: '02',
      vnp_TransactionNo: '0',
    });
    expect((await ipn(cancelled)).RspCode).toBe('00');
    const failed = await readCase(business, code);
    expect(failed.status).toBe('awaiting_payment');
    expect(failed.payment).toMatchObject({ status: 'failed', amount: FEE });
    expect((await ipn(cancelled)).RspCode).toBe('02');

    const second = await startPayment(business, code);
    expect(second.paymentId).not.toBe(first.paymentId);
    expect((await ipn(gatewayResult(second.paymentId))).RspCode).toBe('00');
    const paid = await readCase(business, code);
    expect(paid.status).toBe('submitted');
    expect(paid.payment.status).toBe('paid');
    // The first attempt stays failed: a late success for it would not count twice.
    expect((await ipn(gatewayResult(first.paymentId))).RspCode).toBe('02');
    expect((await readCase(business, code)).version).toBe(2);
    // Each attempt and its outcome once in the trail, in order.
    const trail = await paymentTrail(code);
    expect(trail.map((entry) => entry.action)).toEqual([
      'payment_started',
      'payment_failed',
      'payment_started',
      'payment_paid',
    ]);
    expect(trail[1]!.detail).toContain(first.paymentId);
    expect(trail[3]!.detail).toContain(second.paymentId);
  });

  it('settles once when the gateway never got the answer and calls again', async () => {
    const { business, code } = await awaitingPayment();
    const { paymentId } = await startPayment(business, code);
    const query = gatewayResult(paymentId);
    // The gateway's connection drops as soon as the request is sent: it never reads an answer.
    await new Promise<void>((done, fail) => {
      const { hostname, port } = new URL(baseUrl);
      const req = httpRequest({ hostname, port, path: `/api/payments/vnpay/ipn?${query}` });
      req.on('error', () => done());
      req.on('close', () => done());
      req.on('socket', (socket) => socket.on('connect', () => req.end(() => req.destroy())));
      setTimeout(() => fail(new Error('the request was never sent')), 30_000).unref();
    });
    const settled = await eventually(
      () => readCase(business, code),
      (found) => found.status === 'submitted',
    );
    expect(settled.status).toBe('submitted');
    // The gateway tries again: the payment is already confirmed, and nothing happens twice.
    expect((await ipn(query)).RspCode).toBe('02');
    const after = await readCase(business, code);
    expect(after.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'confirm_payment']);
  });

  it('accepts concurrent copies of one notification once', async () => {
    const { business, code } = await awaitingPayment();
    const { paymentId } = await startPayment(business, code);
    const query = gatewayResult(paymentId);
    const answers = await Promise.all(Array.from({ length: 5 }, () => ipn(query)));
    expect(answers.map((a) => a.RspCode).sort()).toEqual(['00', '02', '02', '02', '02']);
    expect((await readCase(business, code)).history).toHaveLength(2);
  });
});

describe('GET /api/payments/vnpay/return', () => {
  it("sends the browser to the case's page and changes nothing; a bad signature goes to the list", async () => {
    const { business, code } = await awaitingPayment();
    const { paymentId } = await startPayment(business, code);
    const back = await c.get(`/api/payments/vnpay/return?${gatewayResult(paymentId)}`);
    expect(back.status).toBe(302);
    const location = new URL(back.headers.get('location') ?? '', baseUrl);
    expect(location.pathname).toBe('/my/case/');
    expect(location.searchParams.get('code')).toBe(code);
    expect(location.searchParams.get('payment')).toBe('paid');
    // Only the IPN settles a payment.
    const unchanged = await readCase(business, code);
    expect(unchanged.status).toBe('awaiting_payment');
    expect(unchanged.payment.status).toBe('pending');

    const forged = await c.get(
      `/api/payments/vnpay/return?${gatewayResult(paymentId, {}, 'ANOTHERSECRETANOTHERSECRET123456')}`,
    );
    expect(forged.status).toBe(302);
    expect(new URL(forged.headers.get('location') ?? '', baseUrl).pathname).toBe('/my/');
  });
});

describe('the sandbox gateway', () => {
  it('pays through its page: the IPN reaches the platform, then the browser comes back to the case', async () => {
    const { business, code } = await awaitingPayment();
    const { redirectUrl } = await startPayment(business, code);
    const page = await fetch(redirectUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Thanh toán');
    expect(html).toContain('Hủy');
    const form = new URLSearchParams();
    for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.append(
        match[1]!,
        match[2]!
          .replace(/&amp;/g, '&')
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"'),
      );
    }
    form.append('action', 'pay');
    const paid = await fetch(new URL(redirectUrl).origin + new URL(redirectUrl).pathname, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(paid.status).toBe(302);
    const back = new URL(paid.headers.get('location')!);
    const returned = await c.get(back.pathname + back.search);
    expect(returned.status).toBe(302);
    expect(returned.headers.get('location')).toContain(
      `/my/case/?code=${encodeURIComponent(code)}&payment=paid`,
    );
    // The IPN came before the browser did, as VNPay's does.
    expect((await readCase(business, code)).status).toBe('submitted');
  });
});

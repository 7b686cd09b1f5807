// A crash between the gateway's IPN and its answer: whether the runtime died after committing the payment or while
// the notification was still in flight, the gateway's next call settles it exactly once.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VNPAY_SANDBOX_DEFAULTS } from '../../local/vnpay-sandbox';
import { EVENTUALLY_MS, eventually, type signIn, submitHouseholdBusiness } from '../support/flows';
import { api } from '../support/http';
import { startRuntimeProcess } from '../support/runtime-process';
import { referenceSignedQuery } from '../support/vnpay-reference';

type Client = ReturnType<typeof api>;
type Signed = Awaited<ReturnType<typeof signIn>>;

/** A paid notification for `paymentId` of the household business fee, signed as the sandbox's merchant account. */
const paidNotification = (paymentId: string) =>
  referenceSignedQuery(
    {
      vnp_Amount: '10000000',
      vnp_BankCode: 'NCB',
      vnp_PayDate: '20260105103000',
      vnp_ResponseCode: '00',
      vnp_TmnCode: VNPAY_SANDBOX_DEFAULTS.tmnCode,
      vnp_TransactionNo: '15000001',
      vnp_TransactionStatus: '00',
      vnp_TxnRef: paymentId,
    },
    VNPAY_SANDBOX_DEFAULTS.hashSecret,
  );

async function caseAwaitingPayment(c: Client, token: Signed) {
  const { code } = await submitHouseholdBusiness(c, 'business1');
  const started = await c.post(`/api/applications/${code}/payment`, { token });
  expect(started.status).toBe(201);
  return { code: code as string, paymentId: started.body.paymentId as string };
}

describe('a crash between the IPN and its answer', () => {
  it('settles the payment exactly once when the gateway calls again, whether the crash came after the commit or before it', {
    timeout: 300_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-payment-crash-'));
    let runtime = await startRuntimeProcess({ dataDir });
    try {
      let c = api(runtime.url);
      let token = await c.tokenFor('business1');
      const committed = await caseAwaitingPayment(c, token);
      const inFlight = await caseAwaitingPayment(c, token);

      // 1. Committed: the IPN is processed; then the runtime dies before the gateway heeds any answer. The
      // commit is read back first: on this loaded machine a crash within the same moment as DynamoDB Local's
      // answer has been seen to lose the write, which is the local storage's durability, not the code under test.
      const first = await c.get(`/api/payments/vnpay/ipn?${paidNotification(committed.paymentId)}`);
      expect(first.body.RspCode).toBe('00');
      const stored = await c.get(`/api/applications/${committed.code}`, { token });
      expect(stored.body.payment).toMatchObject({ status: 'paid' });
      // 2. In flight: storage is frozen, so this IPN cannot commit; the whole process group then dies.
      const dynamoDbPid = Number(await readFile(join(dataDir, 'dynamodb.pid'), 'utf8'));
      process.kill(dynamoDbPid, 'SIGSTOP');
      const lost = c
        .get(`/api/payments/vnpay/ipn?${paidNotification(inFlight.paymentId)}`)
        .then((answer) => `answered ${answer.status}`)
        .catch(() => 'no answer');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await runtime.kill();
      expect(await lost).toBe('no answer');

      runtime = await startRuntimeProcess({ dataDir });
      c = api(runtime.url);
      token = await c.tokenFor('business1');
      const ipn = async (paymentId: string) =>
        (await c.get(`/api/payments/vnpay/ipn?${paidNotification(paymentId)}`)).body.RspCode;
      // The gateway calls again, as VNPay does until it has an answer.
      expect(await ipn(committed.paymentId)).toBe('02');
      expect(await ipn(inFlight.paymentId)).toBe('00');
      expect(await ipn(inFlight.paymentId)).toBe('02');

      for (const { code } of [committed, inFlight]) {
        const read = await c.get(`/api/applications/${code}`, { token });
        expect(read.body.status, code).toBe('submitted');
        expect(read.body.version, code).toBe(2);
        expect(read.body.history.map((e: { action: string }) => e.action)).toEqual([
          'submit',
          'confirm_payment',
        ]);
        expect(read.body.payment).toMatchObject({ status: 'paid', transactionNo: '15000001' });
        // Each event notified once per channel, and every notification went out after the restart.
        const outbox = await eventually(
          () => c.get(`/api/local/outbox?caseCode=${encodeURIComponent(code)}`),
          (r) =>
            r.body.items.length > 0 &&
            r.body.items.every((n: { status: string }) => n.status === 'delivered') &&
            r.body.items.some((n: { subject: string }) => n.subject?.includes('Đã nộp')),
          EVENTUALLY_MS,
        );
        const subjects = outbox.body.items
          .filter((n: { channel: string }) => n.channel === 'email')
          .map((n: { subject: string }) => n.subject);
        expect(subjects, code).toEqual([
          expect.stringContaining('Chờ thanh toán'),
          expect.stringContaining('Đã nộp'),
        ]);
      }
      expect(await runtime.stop()).toBe(0);
    } finally {
      await runtime.kill();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

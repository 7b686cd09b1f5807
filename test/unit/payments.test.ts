// Checks the VNPay adapter against an independent signer (VNPay's PHP sample re-typed) and the IPN decisions it feeds.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decidePaymentCallback,
  type PaymentCallback,
  type StoredPaymentState,
} from '../../functions/domain/payment-callback';
import { newPaymentId, type PaymentRequest } from '../../functions/payments/port';
import {
  createVnpayProvider,
  formatVnpayDate,
  parseVnpayDate,
  vnpayOrderInfo,
} from '../../functions/payments/vnpay';
import {
  queryRecord,
  referenceHashData,
  referenceSecureHash,
  referenceSignedQuery,
} from '../support/vnpay-reference';

const TMN = 'TESTTMN1';
const SECRET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const GATEWAY = 'https://gateway.example/paymentv2/vpcpay.html';
const PAYMENT_ID = '01JGH5ZQ2XK8M4T6V9W3Y7B1CD';
const provider = createVnpayProvider({ tmnCode: TMN, hashSecret: SECRET, paymentUrl: GATEWAY });

const request: PaymentRequest = {
  paymentId: PAYMENT_ID,
  amount: 150_000,
  description: 'Lệ phí đăng ký hộ kinh doanh: HS-2024-000123 (Đà Nẵng)',
  language: 'vi',
  returnUrl: 'https://motcua.example.gov.vn/api/payments/vnpay/return?from=pay',
  clientIp: '203.113.10.7',
  // 00:30:05 on 1 January 2025 in Vietnam.
  createdAt: new Date('2024-12-31T17:30:05Z'),
  expiresAt: new Date('2024-12-31T17:45:05Z'),
};

/** What VNPay sends to the IPN URL after a successful payment of `request`. */
function ipnParams(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    vnp_Amount: '15000000',
    vnp_BankCode: 'NCB',
    vnp_BankTranNo: 'VNP14226112',
    vnp_CardType: 'ATM',
    vnp_OrderInfo: 'Le phi dang ky ho kinh doanh: HS-2024-000123 Da Nang',
    vnp_PayDate: '20250101003512',
    vnp_ResponseCode: '00',
    vnp_TmnCode: TMN,
    vnp_TransactionNo: '14226112',
    vnp_TransactionStatus: '00',
    vnp_TxnRef: PAYMENT_ID,
    ...overrides,
  };
}

const pending: StoredPaymentState = { paymentId: PAYMENT_ID, amount: 150_000, status: 'pending' };

/** The RspCode the IPN route would answer, through the domain decision and the adapter's answer. */
function rspCode(query: string, stored: StoredPaymentState | undefined): string {
  const decision = decidePaymentCallback(provider.parseCallback(query), stored);
  return JSON.parse(provider.answer(decision.answer).body).RspCode;
}

describe('VNPay redirect', () => {
  const redirect = provider.createRedirect(request);
  const [base, query] = redirect.redirectUrl.split('?') as [string, string];
  const params = queryRecord(query);

  it('goes to the gateway with the 2.1.0 payment parameters', () => {
    expect(base).toBe(GATEWAY);
    expect(params).toEqual({
      vnp_Version: '2.1.0',
      vnp_Command: 'pay',
      vnp_TmnCode: TMN,
      vnp_Amount: '15000000',
      vnp_CurrCode: 'VND',
      vnp_TxnRef: PAYMENT_ID,
      vnp_OrderInfo: 'Le phi dang ky ho kinh doanh: HS-2024-000123 Da Nang',
      vnp_OrderType: 'other',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: 'https://motcua.example.gov.vn/api/payments/vnpay/return?from=pay',
      vnp_IpAddr: '203.113.10.7',
      vnp_CreateDate: '20250101003005',
      vnp_ExpireDate: '20250101004505',
      vnp_SecureHash: expect.stringMatching(/^[0-9a-f]{128}$/),
    });
    expect(redirect.expiresAt).toEqual(request.expiresAt);
  });

  it('is signed as the independent signer signs it, over the same encoded string', () => {
    expect(params['vnp_SecureHash']).toBe(referenceSecureHash(params, SECRET));
    // The query itself is that string (sorted, `+` for spaces, `%3A` for colons), then the hash.
    expect(query).toBe(`${referenceHashData(params)}&vnp_SecureHash=${params['vnp_SecureHash']}`);
    expect(query).toContain('vnp_OrderInfo=Le+phi+dang+ky+ho+kinh+doanh%3A+HS-2024-000123+Da+Nang');
    expect(query).toContain('vnp_ReturnUrl=https%3A%2F%2Fmotcua.example.gov.vn%2Fapi%2Fpayments');
  });

  it('asks for the English page in English', () => {
    const en = provider.createRedirect({ ...request, language: 'en' });
    expect(queryRecord(en.redirectUrl.split('?')[1]!)['vnp_Locale']).toBe('en');
  });

  it('refuses what VNPay cannot take', () => {
    expect(() => provider.createRedirect({ ...request, amount: 0 })).toThrow(RangeError);
    expect(() => provider.createRedirect({ ...request, amount: 1500.5 })).toThrow(RangeError);
    expect(() => provider.createRedirect({ ...request, amount: 10_000_000_000 })).toThrow(RangeError);
    expect(() => provider.createRedirect({ ...request, paymentId: 'HS-2024/1' })).toThrow(RangeError);
    expect(() => provider.createRedirect({ ...request, returnUrl: 'javascript:alert(1)' })).toThrow(
      RangeError,
    );
    expect(() => provider.createRedirect({ ...request, expiresAt: request.createdAt })).toThrow(RangeError);
  });
});

describe('vnp_OrderInfo', () => {
  it('folds Vietnamese and drops every character outside letters, digits and " .-_:"', () => {
    expect(vnpayOrderInfo('Lệ phí: ĐĂNG KÝ hộ kinh doanh (số 2/2024), Đà Nẵng — 50%')).toBe(
      'Le phi: DANG KY ho kinh doanh so 22024 Da Nang 50',
    );
    expect(vnpayOrderInfo('  Thanh\ttoán\nhồ sơ  ')).toBe('Thanh toan ho so');
  });

  it('never yields anything else, nor more than 255 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const info = vnpayOrderInfo(text);
        expect(info).toMatch(/^[A-Za-z0-9 .\-_:]*$/);
        expect(info.length).toBeLessThanOrEqual(255);
      }),
    );
  });

  it('falls back to the payment id when nothing is left', () => {
    const redirect = provider.createRedirect({ ...request, description: '—/—' });
    expect(queryRecord(redirect.redirectUrl.split('?')[1]!)['vnp_OrderInfo']).toBe(
      `Thanh toan ${PAYMENT_ID}`,
    );
  });
});

describe('VNPay dates (GMT+7)', () => {
  it('formats and reads yyyyMMddHHmmss in Vietnam time', () => {
    expect(formatVnpayDate(new Date('2024-02-29T16:59:59Z'))).toBe('20240229235959');
    expect(formatVnpayDate(new Date('2024-02-29T17:00:00Z'))).toBe('20240301000000');
    expect(parseVnpayDate('20240301000000')).toEqual(new Date('2024-02-29T17:00:00Z'));
  });

  it('reads only real dates', () => {
    expect(parseVnpayDate('20230229120000')).toBeUndefined();
    expect(parseVnpayDate('20240101246000')).toBeUndefined();
    expect(parseVnpayDate('2024010112000')).toBeUndefined();
  });
});

describe('VNPay IPN', () => {
  it('accepts a payment signed by the independent signer and records it as paid', () => {
    const callback = provider.parseCallback(referenceSignedQuery(ipnParams(), SECRET));
    expect(callback).toEqual({
      kind: 'paid',
      paymentId: PAYMENT_ID,
      amount: 150_000,
      transactionNo: '14226112',
      bankCode: 'NCB',
      paidAt: '2025-01-01T00:35:12.000+07:00',
    });
    expect(decidePaymentCallback(callback, pending)).toEqual({
      answer: 'accepted',
      record: {
        status: 'paid',
        transactionNo: '14226112',
        bankCode: 'NCB',
        paidAt: '2025-01-01T00:35:12.000+07:00',
      },
    });
    expect(rspCode(referenceSignedQuery(ipnParams(), SECRET), pending)).toBe('00');
  });

  it('takes the query as a string with "?", as URLSearchParams, or as parsed parameters', () => {
    const query = referenceSignedQuery(ipnParams(), SECRET);
    for (const form of [`?${query}`, new URLSearchParams(query), queryRecord(query)]) {
      expect(provider.parseCallback(form).kind).toBe('paid');
    }
  });

  it('accepts the signature in upper-case hex', () => {
    const params = ipnParams();
    const query = `${referenceHashData(params)}&vnp_SecureHash=${referenceSecureHash(params, SECRET).toUpperCase()}`;
    expect(rspCode(query, pending)).toBe('00');
  });

  it('answers 97 to a tampered amount, a wrong key, a missing or repeated field, a non-hex hash', () => {
    const signed = referenceSignedQuery(ipnParams(), SECRET);
    const tampered = signed.replace('vnp_Amount=15000000', 'vnp_Amount=100');
    expect(tampered).not.toBe(signed);
    expect(rspCode(tampered, pending)).toBe('97');
    expect(rspCode(referenceSignedQuery(ipnParams(), 'another-merchants-secret'), pending)).toBe('97');
    expect(rspCode(signed.replace(/&vnp_SecureHash=.*/, ''), pending)).toBe('97');
    expect(rspCode(`${signed}&vnp_Amount=100`, pending)).toBe('97');
    expect(rspCode(`vnp_Amount=100&${signed}`, pending)).toBe('97');
    expect(rspCode(signed.replace(/vnp_SecureHash=.*/, `vnp_SecureHash=${'z'.repeat(128)}`), pending)).toBe(
      '97',
    );
  });

  it('answers 04 to a correctly signed amount that is not the payment’s', () => {
    expect(rspCode(referenceSignedQuery(ipnParams({ vnp_Amount: '10000000' }), SECRET), pending)).toBe('04');
    expect(rspCode(referenceSignedQuery(ipnParams({ vnp_Amount: '15000050' }), SECRET), pending)).toBe('04');
  });

  it('answers 01 to an unknown reference', () => {
    const query = referenceSignedQuery(ipnParams({ vnp_TxnRef: 'NOSUCHPAYMENT' }), SECRET);
    expect(rspCode(query, undefined)).toBe('01');
    // A store that answered with another payment must not be taken for this one.
    expect(rspCode(query, pending)).toBe('01');
  });

  it('answers 02 to a replay once the payment is settled, paid or failed', () => {
    const query = referenceSignedQuery(ipnParams(), SECRET);
    expect(rspCode(query, { ...pending, status: 'paid' })).toBe('02');
    expect(rspCode(query, { ...pending, status: 'failed' })).toBe('02');
  });

  it('answers 99 to a signed callback it cannot read (another terminal, no amount)', () => {
    expect(rspCode(referenceSignedQuery(ipnParams({ vnp_TmnCode: 'OTHERTMN' }), SECRET), pending)).toBe('99');
    const { vnp_Amount: _, ...noAmount } = ipnParams();
    expect(rspCode(referenceSignedQuery(noAmount, SECRET), pending)).toBe('99');
  });

  it('counts as paid only when vnp_ResponseCode and vnp_TransactionStatus are both 00', () => {
    const status02 = provider.parseCallback(
      referenceSignedQuery(ipnParams({ vnp_TransactionStatus: '02' }), SECRET),
    );
    expect(status02).toMatchObject({ kind: 'failed', gatewayCode: '00', transactionStatus: '02' });
    const cancelled = provider.parseCallback(
      referenceSignedQuery(
        ipnParams({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TransactionNo: '0' }),
        SECRET,
      ),
    );
    expect(cancelled).toEqual({
      kind: 'failed',
      paymentId: PAYMENT_ID,
      amount: 150_000,
      gatewayCode: '24',
      transactionStatus: '02',
      bankCode: 'NCB',
    });
  });

  it('records a failed payment (00), ignores its replay (02), then accepts the next attempt as paid', () => {
    const store = new Map<string, StoredPaymentState>([[PAYMENT_ID, pending]]);
    const secondId = newPaymentId();
    store.set(secondId, { paymentId: secondId, amount: 150_000, status: 'pending' });
    const deliver = (query: string) => {
      const callback: PaymentCallback = provider.parseCallback(query);
      const stored =
        callback.kind === 'paid' || callback.kind === 'failed' ? store.get(callback.paymentId) : undefined;
      const decision = decidePaymentCallback(callback, stored);
      if (decision.answer === 'accepted' && stored) {
        store.set(stored.paymentId, { ...stored, status: decision.record.status });
      }
      return JSON.parse(provider.answer(decision.answer).body) as { RspCode: string; Message: string };
    };
    const cancelled = referenceSignedQuery(
      ipnParams({ vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TransactionNo: '0' }),
      SECRET,
    );
    expect(deliver(cancelled)).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect(store.get(PAYMENT_ID)?.status).toBe('failed');
    expect(deliver(cancelled)).toEqual({ RspCode: '02', Message: 'Order already confirmed' });
    const paid = referenceSignedQuery(
      ipnParams({ vnp_TxnRef: secondId, vnp_TransactionNo: '14226999' }),
      SECRET,
    );
    expect(deliver(paid)).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect(store.get(secondId)?.status).toBe('paid');
    expect(deliver(paid).RspCode).toBe('02');
    expect(store.get(PAYMENT_ID)?.status).toBe('failed');
  });

  it('answers with HTTP 200 and JSON for every outcome, as VNPay expects', () => {
    const answers = (
      [
        'accepted',
        'unknown-payment',
        'already-confirmed',
        'wrong-amount',
        'bad-signature',
        'unexpected',
      ] as const
    ).map((answer) => {
      const http = provider.answer(answer);
      expect(http.statusCode).toBe(200);
      expect(http.headers['content-type']).toMatch(/^application\/json/);
      return JSON.parse(http.body).RspCode;
    });
    expect(answers).toEqual(['00', '01', '02', '04', '97', '99']);
  });
});

describe('newPaymentId', () => {
  it('is 26 upper-case letters and digits, sorts by time, and does not repeat', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 1_000; i++) ids.add(newPaymentId());
    expect(ids.size).toBe(1_000);
    for (const id of ids) expect(id).toMatch(/^[0-9A-Z]{26}$/);
    const earlier = newPaymentId(new Date('2025-01-01T00:00:00Z'));
    const later = newPaymentId(new Date('2025-01-01T00:00:01Z'));
    expect(earlier < later).toBe(true);
  });
});

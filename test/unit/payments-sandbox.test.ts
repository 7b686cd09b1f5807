// Drives the local VNPay sandbox over real HTTP: payment page, pay and cancel, the signed IPN call and return.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createVnpayProvider } from '../../functions/payments/vnpay';
import { VNPAY_SANDBOX_DEFAULTS, vnpaySandboxConfig } from '../../local/vnpay-sandbox';
import { queryRecord, referenceSecureHash, referenceSignedQuery } from '../support/vnpay-reference';
import { type SandboxServer, startSandboxServer } from '../support/vnpay-sandbox-server';

const TMN = 'SANDBOX1';
const SECRET = 'SANDBOXSECRETSANDBOXSECRET123456';

let sandbox: SandboxServer;
let origin: string;
let ipnCalls: Record<string, string>[];

beforeAll(async () => {
  sandbox = await startSandboxServer({
    tmnCode: TMN,
    hashSecret: SECRET,
    merchantName: 'Sở Kế hoạch và Đầu tư',
  });
  origin = sandbox.origin;
  ipnCalls = sandbox.ipnCalls;
});

afterAll(() => sandbox.close());

beforeEach(() => {
  ipnCalls.length = 0;
  sandbox.ipnAnswer = { RspCode: '00', Message: 'Confirm Success' };
});

let sequence = 0;
function paymentUrl(
  overrides: { language?: 'vi' | 'en'; expiresInMs?: number; secret?: string; tmn?: string } = {},
) {
  const now = new Date();
  const paymentId = `PAY${Date.now()}${++sequence}`;
  const merchant = createVnpayProvider({
    tmnCode: overrides.tmn ?? TMN,
    hashSecret: overrides.secret ?? SECRET,
    paymentUrl: `${origin}/sandbox/vnpay/paymentv2/vpcpay.html`,
  });
  const { redirectUrl } = merchant.createRedirect({
    paymentId,
    amount: 150_000,
    description: 'Lệ phí đăng ký hộ kinh doanh HS-000123',
    language: overrides.language ?? 'vi',
    returnUrl: 'https://motcua.example/api/payments/vnpay/return',
    clientIp: '127.0.0.1',
    createdAt: new Date(now.getTime() - 30 * 60_000),
    expiresAt: new Date(now.getTime() + (overrides.expiresInMs ?? 15 * 60_000)),
  });
  return { paymentId, redirectUrl };
}

/** The hidden fields of the page's form, as a browser would post them. */
function formFields(html: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    const decode = (s: string) =>
      s
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    form.append(decode(match[1]!), decode(match[2]!));
  }
  return form;
}

async function submit(html: string, action: string) {
  const form = formFields(html);
  form.set('action', action);
  const postTo = /<form method="post" action="([^"]+)">/.exec(html)![1]!;
  return fetch(`${origin}${postTo}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
}

describe('VNPay sandbox payment page', () => {
  it('shows the amount, order information and merchant, with Pay and Cancel in a plain form', async () => {
    const { paymentId, redirectUrl } = paymentUrl();
    const page = await fetch(redirectUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('150.000 ₫');
    expect(html).toContain('Le phi dang ky ho kinh doanh HS-000123');
    expect(html).toContain('Sở Kế hoạch và Đầu tư (SANDBOX1)');
    expect(html).toContain(paymentId);
    expect(html).toMatch(/<form method="post" action="\/sandbox\/vnpay\/paymentv2\/vpcpay.html">/);
    expect(html).toContain('<button type="submit" name="action" value="pay">Thanh toán</button>');
    expect(html).toContain(
      '<button type="submit" name="action" value="cancel" class="secondary">Hủy</button>',
    );
    expect(html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
  });

  it('holds a strict CSP: no script, no inline style, its stylesheet served from itself', async () => {
    const page = await fetch(paymentUrl().redirectUrl);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("form-action 'self' https://motcua.example");
    expect(csp).not.toContain('unsafe-inline');
    const html = await page.text();
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    const href = /<link rel="stylesheet" href="([^"]+)">/.exec(html)![1]!;
    const css = await fetch(`${origin}${href}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('@media (max-width:400px)');
  });

  it('speaks English when vnp_Locale is en', async () => {
    const html = await (await fetch(paymentUrl({ language: 'en' }).redirectUrl)).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('VND 150,000');
    expect(html).toContain('>Pay</button>');
    expect(html).toContain('>Cancel</button>');
  });

  it('refuses a bad signature, an unknown terminal and an expired payment with a clear page', async () => {
    const forged = await fetch(paymentUrl().redirectUrl.replace('vnp_Amount=15000000', 'vnp_Amount=100'));
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('Chữ ký (vnp_SecureHash) không hợp lệ');

    const wrongKey = await fetch(paymentUrl({ secret: 'not-the-sandbox-secret' }).redirectUrl);
    expect(wrongKey.status).toBe(400);
    expect(await wrongKey.text()).toContain('Chữ ký (vnp_SecureHash) không hợp lệ');

    const unknown = await fetch(paymentUrl({ tmn: 'NOTREGD1', language: 'en' }).redirectUrl);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('The terminal code (vnp_TmnCode) is not registered');

    const expired = await fetch(paymentUrl({ expiresInMs: -60_000 }).redirectUrl);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('Đã hết thời gian chờ thanh toán');
  });

  it('lists the parameters at fault in a signed but incomplete request', async () => {
    const params = { vnp_Version: '2.1.0', vnp_Command: 'pay', vnp_TmnCode: TMN, vnp_Amount: '15000050' };
    const res = await fetch(
      `${origin}/sandbox/vnpay/paymentv2/vpcpay.html?${referenceSignedQuery(params, SECRET)}`,
    );
    expect(res.status).toBe(400);
    const html = await res.text();
    for (const field of ['vnp_Amount', 'vnp_CurrCode', 'vnp_TxnRef', 'vnp_ReturnUrl', 'vnp_ExpireDate']) {
      expect(html).toContain(`<code>${field}</code>`);
    }
    expect(html).not.toContain('<code>vnp_Version</code>');
  });
});

describe('VNPay sandbox: pay and cancel', () => {
  it('on Pay, calls the merchant’s IPN signed, then returns the browser with the same signed result', async () => {
    const { paymentId, redirectUrl } = paymentUrl();
    const html = await (await fetch(redirectUrl)).text();
    const answer = await submit(html, 'pay');

    expect(ipnCalls).toHaveLength(1);
    const ipn = ipnCalls[0]!;
    expect(ipn['vnp_SecureHash']).toBe(referenceSecureHash(ipn, SECRET));
    expect(ipn).toMatchObject({
      vnp_Amount: '15000000',
      vnp_TxnRef: paymentId,
      vnp_TmnCode: TMN,
      vnp_ResponseCode: '00',
      vnp_TransactionStatus: '00',
      vnp_OrderInfo: 'Le phi dang ky ho kinh doanh HS-000123',
      vnp_BankCode: 'NCB',
    });
    expect(ipn['vnp_TransactionNo']).toMatch(/^[1-9]\d{7}$/);
    expect(ipn['vnp_PayDate']).toMatch(/^20\d{12}$/);

    expect(answer.status).toBe(302);
    const location = answer.headers.get('location')!;
    expect(location.startsWith('https://motcua.example/api/payments/vnpay/return?')).toBe(true);
    const back = queryRecord(location.split('?')[1]!);
    expect(back['vnp_SecureHash']).toBe(referenceSecureHash(back, SECRET));
    expect(back).toEqual(ipn);

    // The merchant's own adapter reads the result as paid.
    const merchant = createVnpayProvider({ tmnCode: TMN, hashSecret: SECRET, paymentUrl: origin });
    expect(merchant.parseCallback(location.split('?')[1]!)).toMatchObject({
      kind: 'paid',
      paymentId,
      amount: 150_000,
    });
  });

  it('on Cancel, reports 24 with transaction status 02 to the IPN and the return', async () => {
    const { paymentId, redirectUrl } = paymentUrl({ language: 'en' });
    const answer = await submit(await (await fetch(redirectUrl)).text(), 'cancel');
    expect(ipnCalls).toHaveLength(1);
    const ipn = ipnCalls[0]!;
    expect(ipn['vnp_SecureHash']).toBe(referenceSecureHash(ipn, SECRET));
    expect(ipn).toMatchObject({ vnp_TxnRef: paymentId, vnp_ResponseCode: '24', vnp_TransactionStatus: '02' });
    expect(answer.status).toBe(302);
    const back = queryRecord(answer.headers.get('location')!.split('?')[1]!);
    expect(back).toEqual(ipn);
  });

  it('still returns the browser when the merchant answers the IPN with an error', async () => {
    sandbox.ipnAnswer = { RspCode: '99', Message: 'Unknown error' };
    const answer = await submit(await (await fetch(paymentUrl().redirectUrl)).text(), 'pay');
    expect(ipnCalls).toHaveLength(1);
    expect(answer.status).toBe(302);
  });

  it('processes a transaction once: a second submission gets 409 and no IPN', async () => {
    const html = await (await fetch(paymentUrl().redirectUrl)).text();
    expect((await submit(html, 'pay')).status).toBe(302);
    const again = await submit(html, 'pay');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Giao dịch này đã được xử lý');
    expect(ipnCalls).toHaveLength(1);
  });

  it('re-checks the signature of the posted form and refuses an unknown action', async () => {
    const html = await (await fetch(paymentUrl().redirectUrl)).text();
    const forged = formFields(html);
    forged.set('vnp_Amount', '100');
    forged.set('action', 'pay');
    const res = await fetch(`${origin}/sandbox/vnpay/paymentv2/vpcpay.html`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: forged.toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect((await submit(html, 'refund')).status).toBe(400);
    expect(ipnCalls).toHaveLength(0);
  });
});

describe('vnpaySandboxConfig', () => {
  it('reads VNPAY_TMN_CODE and VNPAY_HASH_SECRET, else the documented defaults', () => {
    expect(vnpaySandboxConfig({})).toEqual(VNPAY_SANDBOX_DEFAULTS);
    expect(vnpaySandboxConfig({ VNPAY_TMN_CODE: 'ABCDEFGH', VNPAY_HASH_SECRET: 's3cret' })).toEqual({
      tmnCode: 'ABCDEFGH',
      hashSecret: 's3cret',
    });
  });
});

// The local runtime's VNPay sandbox gateway: the payment page, the server-to-server IPN call, the browser's return.
//
// It speaks VNPay 2.1.0 as a merchant sees it: GET its payment page with the signed `vnp_*` parameters;
// the citizen presses "Thanh toán" / "Pay" or "Hủy" / "Cancel" (a plain form, no JavaScript); the sandbox
// then calls the merchant's IPN URL (configured here, as a merchant configures it at VNPay, never taken from
// the request) with the signed result, and sends the browser to `vnp_ReturnUrl` with the same result.

import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  formatVnpayDate,
  parseVnpayDate,
  signVnpayQuery,
  verifyVnpayQuery,
} from '../functions/payments/vnpay';

/**
 * Defaults of `VNPAY_TMN_CODE` / `VNPAY_HASH_SECRET` for the local runtime (printed at start). They sign
 * play money only: anyone may know them, so that another client of the protocol can sign and check too.
 */
export const VNPAY_SANDBOX_DEFAULTS = {
  tmnCode: 'MOTCUA01',
  hashSecret: 'MOTCUALOCALSANDBOXHASHSECRET2024',
} as const;

/** Mirrors VNPay's own path, so the gateway URL differs from the real one only in its origin and prefix. */
export const VNPAY_SANDBOX_PREFIX = '/sandbox/vnpay';
export const VNPAY_SANDBOX_PAYMENT_PATH = `${VNPAY_SANDBOX_PREFIX}/paymentv2/vpcpay.html`;

export interface VnpaySandboxOptions {
  readonly tmnCode: string;
  readonly hashSecret: string;
  /** The merchant's IPN URL, as registered with the gateway. */
  readonly ipnUrl: string;
  /** Shown on the payment page. @default 'Cổng dịch vụ công một cửa (motcua)' */
  readonly merchantName?: string;
  /** @default VNPAY_SANDBOX_PREFIX */
  readonly pathPrefix?: string;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** How long to wait for the merchant's IPN answer. @default 10 000 */
  readonly ipnTimeoutMs?: number;
  /** @default console.log */
  readonly log?: (line: string) => void;
}

export interface VnpaySandbox {
  readonly pathPrefix: string;
  /** The gateway's payment page, relative to the server that mounts the sandbox. */
  readonly paymentPath: string;
  handle(req: IncomingMessage, res: ServerResponse, rawPath: string, rawQuery: string): Promise<void>;
}

/** The sandbox's terminal code and secret from the environment, or the documented defaults. */
export function vnpaySandboxConfig(env: NodeJS.ProcessEnv = process.env): {
  tmnCode: string;
  hashSecret: string;
} {
  return {
    tmnCode: env['VNPAY_TMN_CODE'] || VNPAY_SANDBOX_DEFAULTS.tmnCode,
    hashSecret: env['VNPAY_HASH_SECRET'] || VNPAY_SANDBOX_DEFAULTS.hashSecret,
  };
}

type Locale = 'vn' | 'en';
const MAX_FORM_BYTES = 16 * 1024;
/** Transaction references already paid or cancelled are remembered (newest last) up to this many. */
const MAX_SETTLED = 10_000;

const TEXT = {
  vn: {
    title: 'Cổng thanh toán thử nghiệm',
    notice: 'Môi trường thử nghiệm của máy chạy cục bộ: không có tiền thật nào được chuyển.',
    merchant: 'Đơn vị nhận thanh toán',
    reference: 'Mã tham chiếu',
    orderInfo: 'Nội dung thanh toán',
    amount: 'Số tiền',
    expires: 'Hết hạn thanh toán',
    pay: 'Thanh toán',
    cancel: 'Hủy',
    errorTitle: 'Không thể thực hiện thanh toán',
    back: 'Quay lại trang của đơn vị',
    timeZone: '(giờ Việt Nam)',
  },
  en: {
    title: 'Sandbox payment gateway',
    notice: 'The local runtime’s test gateway: no real money moves.',
    merchant: 'Merchant',
    reference: 'Reference',
    orderInfo: 'Order information',
    amount: 'Amount',
    expires: 'Pay before',
    pay: 'Pay',
    cancel: 'Cancel',
    errorTitle: 'This payment cannot go ahead',
    back: 'Back to the merchant’s site',
    timeZone: '(Vietnam time)',
  },
} as const;

const PROBLEMS = {
  'unknown-terminal': {
    vn: 'Mã website (vnp_TmnCode) không được đăng ký với cổng thanh toán này.',
    en: 'The terminal code (vnp_TmnCode) is not registered with this gateway.',
  },
  'bad-signature': {
    vn: 'Chữ ký (vnp_SecureHash) không hợp lệ: dữ liệu thanh toán đã bị thay đổi hoặc ký sai khóa.',
    en: 'The signature (vnp_SecureHash) is not valid: the payment data was changed or signed with another key.',
  },
  invalid: {
    vn: 'Yêu cầu thanh toán thiếu hoặc sai các tham số:',
    en: 'The payment request has missing or invalid parameters:',
  },
  expired: {
    vn: 'Đã hết thời gian chờ thanh toán cho giao dịch này.',
    en: 'The time allowed to pay for this transaction has passed.',
  },
  settled: {
    vn: 'Giao dịch này đã được xử lý (đã thanh toán hoặc đã hủy).',
    en: 'This transaction has already been processed (paid or cancelled).',
  },
} as const;
type Problem = keyof typeof PROBLEMS;

const STYLESHEET = `*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.1875rem;line-height:1.4;color:#0b0c0c;background:#f3f2f1}
header{background:#005ea5;color:#fff;padding:.75rem 1rem;font-weight:700}
main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff}
h1{font-size:1.75rem;margin:0 0 1rem}
.notice{border-left:.3rem solid #1d70b8;padding:.5rem .75rem;background:#f3f2f1}
dl{margin:1rem 0}
dt{font-weight:700}
dd{margin:0 0 .75rem;overflow-wrap:anywhere}
.amount{font-size:1.5rem;font-weight:700}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1.5rem}
button,.button{font:inherit;font-weight:700;min-height:2.75rem;padding:.5rem 1.25rem;border:0;border-radius:0;cursor:pointer;box-shadow:0 2px 0 #002d18;background:#00703c;color:#fff;text-decoration:none;display:inline-block}
button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
button:focus,.button:focus,a:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
.error{border:.3rem solid #d4351c;padding:1rem}
ul{padding-left:1.25rem}
@media (max-width:400px){button{width:100%}}
`;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function formatAmount(vnd: number, locale: Locale): string {
  return locale === 'en'
    ? `VND ${new Intl.NumberFormat('en-US').format(vnd)}`
    : `${new Intl.NumberFormat('vi-VN').format(vnd)} ₫`;
}

/** `yyyyMMddHHmmss` (GMT+7) as `HH:mm dd/MM/yyyy`. */
function formatVnTime(text: string): string {
  return `${text.slice(8, 10)}:${text.slice(10, 12)} ${text.slice(6, 8)}/${text.slice(4, 6)}/${text.slice(0, 4)}`;
}

interface PaymentOrder {
  readonly params: ReadonlyMap<string, string>;
  readonly locale: Locale;
  readonly amountX100: string;
  readonly txnRef: string;
  readonly orderInfo: string;
  readonly returnUrl: URL;
  readonly expireDate: string;
}

type OrderCheck =
  | { readonly ok: true; readonly order: PaymentOrder }
  | { readonly ok: false; readonly problem: Problem; readonly locale: Locale; readonly fields?: string[] };

export function createVnpaySandbox(options: VnpaySandboxOptions): VnpaySandbox {
  const pathPrefix = options.pathPrefix ?? VNPAY_SANDBOX_PREFIX;
  const paymentPath = `${pathPrefix}/paymentv2/vpcpay.html`;
  const stylesheetPath = `${pathPrefix}/sandbox.css`;
  const merchantName = options.merchantName ?? 'Cổng dịch vụ công một cửa (motcua)';
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => console.log(line));
  const ipnTimeoutMs = options.ipnTimeoutMs ?? 10_000;
  const settled = new Set<string>();

  function checkOrder(query: string | URLSearchParams): OrderCheck {
    const all = typeof query === 'string' ? new URLSearchParams(query) : query;
    const locale: Locale = all.get('vnp_Locale') === 'en' ? 'en' : 'vn';
    if (all.get('vnp_TmnCode') !== options.tmnCode) return { ok: false, problem: 'unknown-terminal', locale };
    const verified = verifyVnpayQuery(all, options.hashSecret);
    if (!verified.ok) return { ok: false, problem: 'bad-signature', locale };
    const params = verified.params;
    const get = (name: string) => params.get(name) ?? '';
    const fields: string[] = [];
    const field = (name: string, valid: (value: string) => boolean) => {
      if (!valid(get(name))) fields.push(name);
    };
    field('vnp_Version', (v) => v === '2.1.0');
    field('vnp_Command', (v) => v === 'pay');
    field('vnp_Amount', (v) => /^[1-9]\d{0,11}$/.test(v) && v.endsWith('00'));
    field('vnp_CurrCode', (v) => v === 'VND');
    field('vnp_TxnRef', (v) => /^[A-Za-z0-9_-]{1,100}$/.test(v));
    field('vnp_OrderInfo', (v) => v.length > 0 && v.length <= 255);
    field('vnp_OrderType', (v) => v.length > 0);
    field('vnp_Locale', (v) => v === 'vn' || v === 'en');
    field('vnp_IpAddr', (v) => v.length >= 3 && v.length <= 45);
    field('vnp_CreateDate', (v) => parseVnpayDate(v) !== undefined);
    field('vnp_ExpireDate', (v) => parseVnpayDate(v) !== undefined);
    let returnUrl: URL | undefined;
    try {
      returnUrl = new URL(get('vnp_ReturnUrl'));
    } catch {}
    if (!returnUrl || (returnUrl.protocol !== 'http:' && returnUrl.protocol !== 'https:')) {
      fields.push('vnp_ReturnUrl');
    }
    if (fields.length > 0 || !returnUrl) return { ok: false, problem: 'invalid', locale, fields };
    if (settled.has(get('vnp_TxnRef'))) return { ok: false, problem: 'settled', locale };
    if (parseVnpayDate(get('vnp_ExpireDate'))!.getTime() < now().getTime()) {
      return { ok: false, problem: 'expired', locale };
    }
    return {
      ok: true,
      order: {
        params,
        locale,
        amountX100: get('vnp_Amount'),
        txnRef: get('vnp_TxnRef'),
        orderInfo: get('vnp_OrderInfo'),
        returnUrl,
        expireDate: get('vnp_ExpireDate'),
      },
    };
  }

  function page(
    res: ServerResponse,
    status: number,
    locale: Locale,
    body: string,
    formAction: readonly string[] = [],
  ) {
    const t = TEXT[locale];
    const html = `<!doctype html>
<html lang="${locale === 'en' ? 'en' : 'vi'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<link rel="stylesheet" href="${escapeHtml(stylesheetPath)}">
</head>
<body>
<header>VNPAY sandbox</header>
<main>
${body}
</main>
</body>
</html>
`;
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // No inline script or style anywhere, so the strictest policy holds; the form may post here and the
      // answer redirects to the merchant's return URL, which Chromium checks against form-action too.
      'content-security-policy': [
        "default-src 'self'",
        `form-action 'self'${formAction.map((origin) => ` ${origin}`).join('')}`,
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
      ].join('; '),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(html);
  }

  function problemPage(res: ServerResponse, check: Extract<OrderCheck, { ok: false }>) {
    const t = TEXT[check.locale];
    const status = check.problem === 'settled' ? 409 : check.problem === 'expired' ? 410 : 400;
    const fields = check.fields?.length
      ? `<ul>${check.fields.map((f) => `<li><code>${escapeHtml(f)}</code></li>`).join('')}</ul>`
      : '';
    page(
      res,
      status,
      check.locale,
      `<h1>${escapeHtml(t.errorTitle)}</h1>
<div class="error" role="alert"><p>${escapeHtml(PROBLEMS[check.problem][check.locale])}</p>${fields}</div>`,
    );
  }

  function paymentPage(res: ServerResponse, order: PaymentOrder) {
    const t = TEXT[order.locale];
    const hidden = [...order.params]
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join('\n');
    const amount = Number(order.amountX100) / 100;
    page(
      res,
      200,
      order.locale,
      `<h1>${escapeHtml(t.title)}</h1>
<p class="notice">${escapeHtml(t.notice)}</p>
<dl>
<dt>${escapeHtml(t.merchant)}</dt><dd>${escapeHtml(merchantName)} (${escapeHtml(options.tmnCode)})</dd>
<dt>${escapeHtml(t.reference)}</dt><dd>${escapeHtml(order.txnRef)}</dd>
<dt>${escapeHtml(t.orderInfo)}</dt><dd>${escapeHtml(order.orderInfo)}</dd>
<dt>${escapeHtml(t.amount)}</dt><dd class="amount">${escapeHtml(formatAmount(amount, order.locale))}</dd>
<dt>${escapeHtml(t.expires)}</dt><dd>${escapeHtml(formatVnTime(order.expireDate))} ${escapeHtml(t.timeZone)}</dd>
</dl>
<form method="post" action="${escapeHtml(paymentPath)}">
${hidden}
<div class="actions">
<button type="submit" name="action" value="pay">${escapeHtml(t.pay)}</button>
<button type="submit" name="action" value="cancel" class="secondary">${escapeHtml(t.cancel)}</button>
</div>
</form>`,
      [order.returnUrl.origin],
    );
  }

  /** The gateway's result, signed: what the IPN and the return both carry. */
  function resultQuery(order: PaymentOrder, paid: boolean): string {
    const transactionNo = paid ? String(randomInt(10_000_000, 100_000_000)) : '0';
    const result: Record<string, string> = {
      vnp_Amount: order.amountX100,
      vnp_BankCode: paid ? 'NCB' : 'VNPAY',
      vnp_OrderInfo: order.orderInfo,
      vnp_PayDate: formatVnpayDate(now()),
      vnp_ResponseCode: paid ? '00' : '24',
      vnp_TmnCode: options.tmnCode,
      vnp_TransactionNo: transactionNo,
      vnp_TransactionStatus: paid ? '00' : '02',
      vnp_TxnRef: order.txnRef,
      ...(paid ? { vnp_BankTranNo: `VNP${transactionNo}`, vnp_CardType: 'ATM' } : {}),
    };
    return signVnpayQuery(result, options.hashSecret);
  }

  async function callIpn(query: string, txnRef: string): Promise<void> {
    const url = `${options.ipnUrl}${options.ipnUrl.includes('?') ? '&' : '?'}${query}`;
    try {
      const answer = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(ipnTimeoutMs) });
      const text = (await answer.text()).slice(0, 512);
      log(`[vnpay-sandbox] IPN ${txnRef}: HTTP ${answer.status} ${text}`);
    } catch (error) {
      // The real gateway retries later; here the citizen still goes back, and the case page shows "pending".
      log(`[vnpay-sandbox] IPN ${txnRef} failed: ${(error as Error).message}`);
    }
  }

  async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_FORM_BYTES) return undefined;
      chunks.push(chunk as Buffer);
    }
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  }

  function remember(txnRef: string) {
    settled.add(txnRef);
    if (settled.size > MAX_SETTLED) settled.delete(settled.values().next().value!);
  }

  async function submit(req: IncomingMessage, res: ServerResponse) {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      res.writeHead(415, { 'content-type': 'text/plain; charset=utf-8' }).end('Unsupported Media Type');
      return;
    }
    const form = await readForm(req);
    if (!form) {
      res.writeHead(413, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      res.end('Payload Too Large');
      return;
    }
    const check = checkOrder(form);
    if (!check.ok) return problemPage(res, check);
    const action = form.get('action');
    if (action !== 'pay' && action !== 'cancel') {
      return problemPage(res, {
        ok: false,
        problem: 'invalid',
        locale: check.order.locale,
        fields: ['action'],
      });
    }
    remember(check.order.txnRef);
    const query = resultQuery(check.order, action === 'pay');
    await callIpn(query, check.order.txnRef);
    const back = new URL(check.order.returnUrl);
    back.hash = '';
    res.writeHead(302, {
      location: `${back.href}${back.search ? '&' : '?'}${query}`,
      'cache-control': 'no-store',
    });
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse, rawPath: string, rawQuery: string) {
    const method = req.method ?? 'GET';
    if (rawPath === stylesheetPath && (method === 'GET' || method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' });
      res.end(method === 'HEAD' ? undefined : STYLESHEET);
      return;
    }
    if (rawPath !== paymentPath) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found');
      return;
    }
    if (method === 'GET' || method === 'HEAD') {
      const check = checkOrder(rawQuery);
      return check.ok ? paymentPage(res, check.order) : problemPage(res, check);
    }
    if (method === 'POST') return submit(req, res);
    res.writeHead(405, { allow: 'GET, HEAD, POST', 'content-type': 'text/plain; charset=utf-8' });
    res.end('Method Not Allowed');
  }

  return { pathPrefix, paymentPath, handle };
}

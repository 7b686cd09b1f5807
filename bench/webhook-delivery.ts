// Benchmark: one webhook attempt (URL re-check, signing, pinned POST) to a receiver on 127.0.0.1, and VNPay signing.
// Usage: npx tsx bench/webhook-delivery.ts [deliveries=300]
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVnpayProvider } from '../functions/payments/vnpay';
import { deliverWebhook } from '../functions/webhooks/deliver';
import { caseStatusChangedEvent } from '../functions/webhooks/event';
import { generateWebhookSecret, webhookMessageId } from '../functions/webhooks/signature';

const N = Number(process.argv[2] ?? 300);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(label: string, samples: number[], unit: string) {
  const sorted = [...samples].sort((a, b) => a - b);
  const line = [50, 95, 99].map((p) => `p${p} ${percentile(sorted, p).toFixed(3)} ${unit}`).join(', ');
  console.log(`${label} (n=${samples.length}): ${line}, max ${sorted.at(-1)!.toFixed(3)} ${unit}`);
}

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(204).end());
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
const secret = generateWebhookSecret();

const deliveries: number[] = [];
for (let i = 0; i < N; i++) {
  const body = JSON.stringify(
    caseStatusChangedEvent({
      code: `HS-2025-${i}`,
      procedureId: 'p',
      status: 'processing',
      version: 2,
      at: new Date().toISOString(),
    }),
  );
  const started = performance.now();
  const result = await deliverWebhook(
    { url, id: webhookMessageId('wh', `HS-2025-${i}`, 2), body, secret },
    { allowLocalHttp: true },
  );
  deliveries.push(performance.now() - started);
  if (!result.ok) throw new Error(`delivery ${i} failed: ${result.error ?? result.status}`);
}
server.close();
summary('webhook attempt to 127.0.0.1', deliveries, 'ms');

const vnpay = createVnpayProvider({
  tmnCode: 'BENCH001',
  hashSecret: 'B'.repeat(32),
  paymentUrl: 'https://pay.example/vpcpay.html',
});
const signing: number[] = [];
for (let i = 0; i < N; i++) {
  const started = performance.now();
  vnpay.createRedirect({
    paymentId: `P${i}`,
    amount: 150_000,
    description: 'Lệ phí đăng ký hộ kinh doanh',
    language: 'vi',
    returnUrl: 'https://motcua.example/api/payments/vnpay/return',
    clientIp: '203.113.10.7',
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + 900_000),
  });
  signing.push(performance.now() - started);
}
summary('VNPay signed redirect', signing, 'ms');

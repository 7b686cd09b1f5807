// A test server that mounts the local VNPay sandbox beside a fake merchant (its IPN URL and its return page).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createVnpaySandbox } from '../../local/vnpay-sandbox';
import { queryRecord } from './vnpay-reference';

export interface SandboxServer {
  readonly origin: string;
  /** Every IPN call the merchant received, its query parsed, oldest first. */
  readonly ipnCalls: Record<string, string>[];
  /** What the merchant answers to the next IPN calls. */
  ipnAnswer: { RspCode: string; Message: string };
  close(): Promise<void>;
}

export async function startSandboxServer(options: {
  tmnCode: string;
  hashSecret: string;
  merchantName?: string;
}): Promise<SandboxServer> {
  // Created once the port is known: the IPN URL is the merchant's, on the same server.
  let sandbox: ReturnType<typeof createVnpaySandbox> | undefined;
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const at = url.indexOf('?');
    const path = at === -1 ? url : url.slice(0, at);
    const query = at === -1 ? '' : url.slice(at + 1);
    if (path.startsWith(`${sandbox!.pathPrefix}/`)) {
      sandbox!.handle(req, res, path, query).catch((error: Error) => res.writeHead(500).end(error.message));
    } else if (path === '/merchant/ipn') {
      running.ipnCalls.push(queryRecord(query));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(running.ipnAnswer));
    } else if (path === '/merchant/return') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html lang="en"><title>Back</title><h1 id="back">Back at the merchant</h1></html>',
      );
    } else if (path === '/favicon.ico') {
      // Browsers ask the origin for one; the runtime that mounts the sandbox serves web/'s.
      res.writeHead(204).end();
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sandbox = createVnpaySandbox({
    tmnCode: options.tmnCode,
    hashSecret: options.hashSecret,
    ipnUrl: `${origin}/merchant/ipn`,
    ...(options.merchantName ? { merchantName: options.merchantName } : {}),
    log: () => {},
  });
  const running: SandboxServer = {
    origin,
    ipnCalls: [],
    ipnAnswer: { RspCode: '00', Message: 'Confirm Success' },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return running;
}

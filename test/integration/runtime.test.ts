// The local runtime behaves as the AWS stack does at its edges: demo sign-in, the JWT authorizer, API Gateway's
// own answers and payload 2.0 events, and data that survives a crash.

import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AttributeValue,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RouteDeclaration } from '../../functions/routes';
import { createTableInput, TABLE } from '../../functions/storage/table';
import { DEMO_USERS } from '../../local/demo-accounts';
import { type RunningHttpServer, startHttpServer } from '../../local/http-server';
import { awaitIndex, REPO_ROOT } from '../../local/runtime';
import { startDynamoDbLocal } from '../../local/services';
import { startStreamPoller } from '../../local/stream-poller';
import { configureTokens, issueToken } from '../../local/tokens';
import { agencies } from '../../schemas/catalogue';
import { act, COMMUNE, signIn, submitBirthRegistration } from '../support/flows';
import { api } from '../support/http';
import { startRuntimeProcess } from '../support/runtime-process';
import { consumerLog, heldInvocations, releaseHeld } from '../support/stream-consumer';

const baseUrl = inject('baseUrl');
const client = api(baseUrl);

/** Sends a request with Node's own client, for what fetch cannot do (repeated headers, raw paths, chunked bodies). */
function rawRequest(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string | string[]>;
    body?: Buffer | Buffer[];
  },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const req = httpRequest(
      { hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', fail);
    for (const chunk of [options.body ?? []].flat()) req.write(chunk);
    req.end();
  });
}

describe('demo sign-in', () => {
  it('lists two citizens, a business and an official for every agency of the catalogue', async () => {
    const answer = await client.get<{
      items: { username: string; role: string; name: string; agencyId?: string }[];
    }>('/api/local/users');
    expect(answer.status).toBe(200);
    const { items } = answer.body;
    expect(items.filter((u) => u.role === 'citizen').length).toBeGreaterThanOrEqual(2);
    expect(items.filter((u) => u.role === 'business').length).toBeGreaterThanOrEqual(1);
    for (const agency of agencies) {
      expect(items).toContainEqual(
        expect.objectContaining({ username: `official-${agency.id}`, role: 'official', agencyId: agency.id }),
      );
    }
    // Vietnamese names keep their diacritics, NFC-normalised.
    for (const user of items) expect(user.name).toBe(user.name.normalize('NFC'));
    expect(items.some((u) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(u.name))).toBe(
      true,
    );
  });

  it('gives a bearer token that a JWT route accepts', async () => {
    const answer = await client.post('/api/local/token', { body: { username: 'citizen1' } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ accessToken: expect.any(String), tokenType: 'Bearer', expiresIn: 3600 });
    const cases = await client.get('/api/applications', { token: answer.body.accessToken });
    expect(cases.status).toBe(200);
    expect(cases.body.items).toEqual(expect.any(Array));
  });

  it('answers an unknown username with 404 problem details, and bad JSON with 400', async () => {
    const unknown = await client.post('/api/local/token', { body: { username: 'nobody' } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toMatchObject({ type: expect.any(String), title: expect.any(String), status: 404 });
    expect(unknown.body.detail).toContain('nobody');

    const malformed = await client.post('/api/local/token', {
      body: '{"username":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ status: 400 });
  });
});

describe('the JWT authorizer', () => {
  const unauthorized = { message: 'Unauthorized' };

  it('answers 401 without a token', async () => {
    const answer = await client.get('/api/applications');
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(unauthorized);
  });

  it('answers 401 to a token signed by another key, with the same claims', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ 'custom:role': 'citizen', name: 'Kẻ Giả Mạo', token_use: 'access' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(DEMO_USERS[0]!.sub)
      .setIssuer('motcua-local')
      .setAudience('motcua-api')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    const answer = await client.get('/api/applications', { token: forged });
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(unauthorized);
  });

  it('answers 401 to a garbled token and to a non-bearer scheme', async () => {
    const token = await client.tokenFor('citizen1');
    const garbled = await client.get('/api/applications', { token: `${token.slice(0, -4)}AAAA` });
    expect(garbled.status).toBe(401);
    const basic = await client.get('/api/applications', {
      headers: { authorization: 'Basic Y2l0aXplbjE6eA==' },
    });
    expect(basic.status).toBe(401);
    expect(basic.body).toEqual(unauthorized);
  });
});

describe("API Gateway's own answers", () => {
  it('answers an unknown route, or a known path with another method, 404 {"message":"Not Found"}', async () => {
    for (const answer of [await client.get('/api/no-such-thing'), await client.post('/api/local/users')]) {
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ message: 'Not Found' });
    }
  });

  it('answers a body over 10 MB with 413, whether its length is declared or streamed', async () => {
    const tooLarge = Buffer.alloc(10 * 1024 * 1024 + 1, 0x61);
    const declared = await client.post('/api/local/token', {
      body: new Uint8Array(tooLarge),
      headers: { 'content-type': 'application/json' },
    });
    expect(declared.status).toBe(413);
    expect(declared.body).toEqual({ message: 'Request Entity Too Large' });

    const chunks = Array.from({ length: 11 }, () => Buffer.alloc(1024 * 1024, 0x61));
    const streamed = await rawRequest(baseUrl, {
      method: 'POST',
      path: '/api/local/token',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: chunks,
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body.toString())).toEqual({ message: 'Request Entity Too Large' });
  });
});

describe('payload format 2.0 events (an in-process server with test routes)', () => {
  const testRoute = (
    method: 'GET' | 'POST',
    path: string,
    exportName: string,
    auth: 'jwt' | 'none' = 'none',
  ) =>
    ({
      method,
      path,
      entry: 'test/support/echo-handler.ts',
      exportName,
      auth,
      group: 'echo',
    }) as RouteDeclaration;
  const routes: RouteDeclaration[] = [
    testRoute('GET', '/api/echo/{id}/items/{name}', 'echo', 'jwt'),
    testRoute('POST', '/api/echo/{id}', 'echo'),
    testRoute('GET', '/api/echo/fixed/items/{name}', 'bare'),
    testRoute('GET', '/api/binary', 'binary'),
    testRoute('GET', '/api/fails', 'fails'),
    { ...testRoute('GET', '/api/missing', 'anything'), entry: 'test/support/no-such-handler.ts' },
  ];
  let server: RunningHttpServer;
  let dir: string;
  let token: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-http-'));
    await configureTokens(dir);
    token = (await issueToken(DEMO_USERS[0]!)).accessToken;
    const webRoot = join(dir, 'web');
    await mkdir(join(webRoot, 'css'), { recursive: true });
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Một cửa</title>');
    await writeFile(join(webRoot, 'css', 'site.css'), 'body{}');
    await writeFile(join(webRoot, '.env'), 'SECRET=1');
    await writeFile(join(dir, 'outside.txt'), 'outside');
    await symlink(join(dir, 'outside.txt'), join(webRoot, 'link.txt'));
    server = await startHttpServer({ repoRoot: REPO_ROOT, webRoot, routes, port: 0, log: () => {} });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('builds the event as API Gateway does: route key, decoded path parameters, joined headers, cookies, claims', async () => {
    const answer = await rawRequest(server.url, {
      path: '/api/echo/HS%2F01%20A/items/gi%E1%BA%A5y?q=1&q=2&name=h%C3%B4',
      headers: {
        authorization: `Bearer ${token}`,
        'X-Multi': ['a', 'b'],
        cookie: 'c1=v1; c2=v2',
        'user-agent': 'vitest',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-echo']).toBe('yes');
    expect(answer.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(answer.headers['apigw-requestid']).toEqual(expect.any(String));
    const { event, context } = JSON.parse(answer.body.toString());
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /api/echo/{id}/items/{name}',
      rawPath: '/api/echo/HS%2F01%20A/items/gi%E1%BA%A5y',
      rawQueryString: 'q=1&q=2&name=h%C3%B4',
      cookies: ['c1=v1', 'c2=v2'],
      queryStringParameters: { q: '1,2', name: 'hô' },
      pathParameters: { id: 'HS/01 A', name: 'giấy' },
      isBase64Encoded: false,
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        routeKey: 'GET /api/echo/{id}/items/{name}',
        stage: '$default',
        http: {
          method: 'GET',
          path: '/api/echo/HS%2F01%20A/items/gi%E1%BA%A5y',
          protocol: 'HTTP/1.1',
          sourceIp: '127.0.0.1',
          userAgent: 'vitest',
        },
        authorizer: { jwt: { scopes: null } },
      },
    });
    expect(event.headers['x-multi']).toBe('a,b');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.requestContext.time).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(event.requestContext.timeEpoch).toEqual(expect.any(Number));
    const claims = event.requestContext.authorizer.jwt.claims;
    expect(claims).toMatchObject({ sub: DEMO_USERS[0]!.sub, 'custom:role': 'citizen', token_use: 'access' });
    // API Gateway hands every claim on as a string.
    expect(claims.exp).toMatch(/^\d+$/);
    expect(context.functionName).toBe('motcua-echo');
    expect(context.remainingMs).toBeGreaterThan(0);
  });

  it('passes JSON bodies as text and other bodies base64-encoded; public routes have no authorizer', async () => {
    const text = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/echo/1',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{"tên":"Nguyễn"}'),
    });
    const textEvent = JSON.parse(text.body.toString()).event;
    expect(textEvent).toMatchObject({
      body: '{"tên":"Nguyễn"}',
      isBase64Encoded: false,
      pathParameters: { id: '1' },
    });
    expect(textEvent.requestContext.authorizer).toBeUndefined();
    expect(textEvent.queryStringParameters).toBeUndefined();

    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const binary = await rawRequest(server.url, {
      method: 'POST',
      path: '/api/echo/2',
      headers: { 'content-type': 'application/pdf' },
      body: bytes,
    });
    const binaryEvent = JSON.parse(binary.body.toString()).event;
    expect(binaryEvent.isBase64Encoded).toBe(true);
    expect(Buffer.from(binaryEvent.body, 'base64')).toEqual(bytes);
  });

  it('prefers a static path segment over a parameter, and reads a result without statusCode as 200 JSON', async () => {
    // Without a token: had the {id} route (a JWT route) matched, this would be a 401.
    const bare = await api(server.url).get('/api/echo/fixed/items/x');
    expect(bare.status).toBe(200);
    expect(bare.body).toEqual({ ok: true });
  });

  it('writes base64 results as bytes, a throwing handler as 500, a missing module as 501', async () => {
    const binary = await rawRequest(server.url, { path: '/api/binary' });
    expect(binary.headers['content-type']).toBe('image/png');
    expect([...binary.body]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    const local = api(server.url);
    const failed = await local.get('/api/fails');
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ message: 'Internal Server Error' });

    const missing = await local.get('/api/missing');
    expect(missing.status).toBe(501);
    expect(missing.body).toEqual({ message: 'Not Implemented: test/support/no-such-handler.ts' });
  });

  it('serves web/ with content types, and nothing outside it', async () => {
    const index = await rawRequest(server.url, { path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.body.toString()).toContain('Một cửa');
    const css = await rawRequest(server.url, { path: '/css/site.css' });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    for (const path of [
      '/../outside.txt',
      '/%2e%2e/outside.txt',
      '/css/..%2f..%2foutside.txt',
      '/link.txt',
      '/.env',
    ]) {
      const answer = await rawRequest(server.url, { path });
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString(), path).not.toMatch(/outside|SECRET/);
    }
  });
});

describe('the stream poller (in-process, on its own DynamoDB Local)', () => {
  const consumer = { name: 'test-consumer', entry: 'test/support/stream-consumer.ts', exportName: 'handler' };
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  let dir: string;
  let dynamo: Awaited<ReturnType<typeof startDynamoDbLocal>>;
  let dynamodb: DynamoDBClient;
  let streams: DynamoDBStreamsClient;
  const errors: string[] = [];
  const startPoller = () =>
    startStreamPoller({
      repoRoot: REPO_ROOT,
      tableName: 'motcua',
      consumers: [{ consumer, checkpointFile: join(dir, 'stream-checkpoints.json') }],
      dynamodb,
      streams,
      maxAttempts: 3,
      retryBaseMs: 20,
      log: () => {},
    });
  const put = (pk: string, extra: Record<string, AttributeValue> = {}) =>
    dynamodb.send(
      new PutItemCommand({ TableName: 'motcua', Item: { pk: { S: pk }, sk: { S: 'ITEM' }, ...extra } }),
    );
  const deliveries = (pk: string) => consumerLog().batches.filter((batch) => batch.includes(pk)).length;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-stream-'));
    dynamo = await startDynamoDbLocal({ dataDir: dir });
    const config = { endpoint: dynamo.endpoint, region: 'ap-southeast-1', credentials };
    dynamodb = new DynamoDBClient(config);
    streams = new DynamoDBStreamsClient(config);
    await dynamodb.send(new CreateTableCommand(createTableInput('motcua')));
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    return () => {
      console.error = consoleError;
    };
  });
  afterAll(async () => {
    dynamodb?.destroy();
    streams?.destroy();
    await dynamo?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('delivers records in the Lambda event shape, retries from the first reported failure, and resumes from its checkpoint', async () => {
    let poller = await startPoller();
    await put('A#1', { file: { B: new Uint8Array([1, 2, 255]) }, n: { N: '7' } });
    await put('FAIL-ONCE#1');
    await put('C#1');
    await poller.drain();
    expect(deliveries('A#1')).toBe(1);
    expect(deliveries('FAIL-ONCE#1')).toBe(2);
    expect(deliveries('C#1')).toBeGreaterThanOrEqual(1);

    const record = consumerLog()
      .events.flatMap((event) => event.Records)
      .find((r) => r.dynamodb?.Keys?.pk?.S === 'A#1')!;
    expect(record).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventVersion: '1.1',
      eventSourceARN: expect.stringMatching(/^arn:aws:dynamodb:.*:table\/motcua\/stream\//),
      dynamodb: {
        Keys: { pk: { S: 'A#1' }, sk: { S: 'ITEM' } },
        NewImage: {
          pk: { S: 'A#1' },
          sk: { S: 'ITEM' },
          file: { B: Buffer.from([1, 2, 255]).toString('base64') },
          n: { N: '7' },
        },
        StreamViewType: 'NEW_AND_OLD_IMAGES',
        SequenceNumber: expect.any(String),
        ApproximateCreationDateTime: expect.any(Number),
      },
    });

    // A new poller (a restart) starts after the checkpoint: nothing is delivered twice.
    await poller.stop();
    const before = consumerLog().batches.length;
    poller = await startPoller();
    await poller.drain();
    expect(consumerLog().batches.length).toBe(before);
    await put('D#1');
    await poller.drain();
    expect(consumerLog().batches.slice(before)).toEqual([['D#1']]);
    await poller.stop();
  });

  it('retries a batch whose invocation throws, and gives a record up after the last attempt', async () => {
    const poller = await startPoller();
    await put('THROW-ONCE#2');
    await poller.drain();
    expect(deliveries('THROW-ONCE#2')).toBe(2);

    await put('FAIL-ALWAYS#2');
    await poller.drain();
    await put('AFTER#2');
    await poller.drain();
    expect(deliveries('FAIL-ALWAYS#2')).toBe(3);
    expect(deliveries('AFTER#2')).toBe(1);
    expect(errors.some((line) => line.includes('giving up') && line.includes('FAIL-ALWAYS#2'))).toBe(true);
    await poller.stop();
  });
});

describe('the stream poller with several consumers (in-process, on its own DynamoDB Local)', () => {
  const all = { name: 'first', entry: 'test/support/stream-consumer.ts', exportName: 'handler' };
  const cases = {
    name: 'second',
    entry: 'test/support/stream-consumer.ts',
    exportName: 'secondHandler',
    filter: { eventNames: ['INSERT', 'MODIFY'], itemTypes: ['case'] },
  } as const;
  let dir: string;
  let dynamo: Awaited<ReturnType<typeof startDynamoDbLocal>>;
  let dynamodb: DynamoDBClient;
  let streams: DynamoDBStreamsClient;
  /** Records GetRecords handed out, over every call. */
  let recordsRead = 0;
  const startPoller = (
    tuning: { maxAttempts?: number; retryBaseMs?: number } = {},
    consumers = [
      { consumer: all, checkpointFile: join(dir, 'first.json') },
      { consumer: cases, checkpointFile: join(dir, 'second.json') },
    ],
  ) =>
    startStreamPoller({
      repoRoot: REPO_ROOT,
      tableName: 'motcua',
      consumers,
      dynamodb,
      streams,
      log: () => {},
      ...tuning,
    });
  const put = (pk: string, type: string) =>
    dynamodb.send(
      new PutItemCommand({
        TableName: 'motcua',
        Item: { pk: { S: pk }, sk: { S: 'ITEM' }, type: { S: type } },
      }),
    );
  const given = (which: 'first' | 'second', pk: string) =>
    consumerLog(which).batches.filter((batch) => batch.includes(pk)).length;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-streams-'));
    dynamo = await startDynamoDbLocal({ dataDir: dir });
    const config = {
      endpoint: dynamo.endpoint,
      region: 'ap-southeast-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    };
    dynamodb = new DynamoDBClient(config);
    streams = new DynamoDBStreamsClient(config);
    streams.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'GetRecordsCommand') {
          recordsRead += ((result.output as { Records?: unknown[] }).Records ?? []).length;
        }
        return result;
      },
      { step: 'initialize', name: 'countRecords' },
    );
    await dynamodb.send(new CreateTableCommand(createTableInput('motcua')));
  });
  afterAll(async () => {
    dynamodb?.destroy();
    streams?.destroy();
    await dynamo?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads each record once for all consumers, gives each what its filter passes, and resumes each from its own checkpoint', async () => {
    let poller = await startPoller();
    await put('NOTE#1', 'notification');
    await put('CASE#1', 'case');
    await poller.drain();
    expect(recordsRead).toBe(2);
    expect([given('first', 'NOTE#1'), given('first', 'CASE#1')]).toEqual([1, 1]);
    expect([given('second', 'NOTE#1'), given('second', 'CASE#1')]).toEqual([0, 1]);
    await poller.stop();

    // The second consumer as if added later: without a checkpoint it reads from the stream's start, and the first,
    // from its own checkpoint, is given nothing twice.
    await rm(join(dir, 'second.json'));
    poller = await startPoller();
    await poller.drain();
    expect(given('second', 'CASE#1')).toBe(2);
    expect(given('first', 'CASE#1')).toBe(1);
    await put('CASE#2', 'case');
    await poller.drain();
    expect([given('first', 'CASE#2'), given('second', 'CASE#2')]).toEqual([1, 1]);
    await poller.stop();
  });

  it('stops only once every consumer is done with the batch, its checkpoint written, though another was stopped mid-retry', async () => {
    // One batch: the first consumer keeps failing on it (retrying), while the second is still handling it.
    await put('FAIL-ALWAYS#3', 'notification');
    await put('HOLD#3', 'case');
    const poller = await startPoller({ maxAttempts: 100, retryBaseMs: 20 });
    for (
      const deadline = Date.now() + 10_000;
      heldInvocations() === 0 || given('first', 'FAIL-ALWAYS#3') === 0;
    ) {
      if (Date.now() > deadline) throw new Error('the batch never reached both consumers');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const stopped = poller.stop().then(() => 'stopped');
    // The first consumer's retry pause (20 or 40 ms) ends well within this; stop() must still wait for the second.
    const early = await Promise.race([
      stopped,
      new Promise((resolve) => setTimeout(resolve, 1000, 'waiting')),
    ]);
    releaseHeld();
    await stopped;
    expect(early).toBe('waiting');
    const held = consumerLog('second')
      .events.flatMap((event) => event.Records)
      .find((r) => r.dynamodb?.Keys?.pk?.S === 'HOLD#3')!.dynamodb!.SequenceNumber!;
    const saved = JSON.parse(await readFile(join(dir, 'second.json'), 'utf8'));
    const positions = Object.values(saved).flatMap((s) => Object.values((s as { shards: object }).shards));
    expect(positions.some((p) => BigInt(p as string) >= BigInt(held))).toBe(true);
  });

  it('keeps feeding the other consumers while one fails to load, and leaves its records in the stream', async () => {
    const broken = { name: 'broken', entry: 'test/support/stream-consumer-broken.ts', exportName: 'handler' };
    const poller = await startPoller({ maxAttempts: 2, retryBaseMs: 20 }, [
      { consumer: all, checkpointFile: join(dir, 'first.json') },
      { consumer: broken, checkpointFile: join(dir, 'broken.json') },
    ]);
    // What the first consumer was still retrying when the test before stopped it, given up first.
    await poller.drain();
    await put('CASE#4', 'case');
    await poller.drain();
    await poller.stop();
    expect(given('first', 'CASE#4')).toBe(1);
    const saved = await readFile(join(dir, 'broken.json'), 'utf8').catch(() => '{}');
    expect(
      Object.values(JSON.parse(saved)).flatMap((s) => Object.values((s as { shards: object }).shards)),
    ).toEqual([]);
  });
});

describe('a crash loses nothing that was acknowledged', () => {
  const isDynamoDbLocal = async (pid: number) =>
    (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).includes('DynamoDBLocal.jar');

  it('keeps an acknowledged case, its document and its history through a crash of the runtime, alone or with its process group', {
    timeout: 240_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-crash-'));
    const pidFile = join(dataDir, 'dynamodb.pid');
    let runtime = await startRuntimeProcess({ dataDir });
    try {
      // Acknowledged writes: a submitted case (201) and an official's action on it (200).
      const before = api(runtime.url);
      const created = await submitBirthRegistration(before, 'citizen1');
      const received = await act(before, `official-${COMMUNE}`, created.code, {
        action: 'receive',
        expectedVersion: 1,
      });
      expect(received.status).toBe(200);

      const stillThere = async () => {
        const after = api(runtime.url);
        const token = await signIn(after, 'citizen1');
        const read = await after.get(`/api/applications/${created.code}`, { token });
        expect(read.status).toBe(200);
        expect(read.body.status).toBe('processing');
        expect(read.body.version).toBe(2);
        expect(read.body.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'receive']);
        const official = await signIn(after, `official-${COMMUNE}`);
        const view = await after.get(`/api/cases/${created.code}`, { token: official });
        const file = await fetch(view.body.documents[0].downloadUrl);
        expect(
          Buffer.from(await file.arrayBuffer())
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
        expect((await after.get(`/api/track/${created.code}?pin=${created.trackingPin}`)).status).toBe(200);
      };

      // 1. Only the runtime dies (kill -9 of `npm start`): its DynamoDB Local is orphaned, still running.
      const orphan = Number(await readFile(pidFile, 'utf8'));
      process.kill(runtime.pid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await isDynamoDbLocal(orphan)).toBe(true);
      runtime = await startRuntimeProcess({ dataDir });
      expect(await isDynamoDbLocal(orphan)).toBe(false);
      expect(runtime.output()).toContain(`orphaned DynamoDB Local (pid ${orphan})`);
      await stillThere();
      expect((await api(runtime.url).get('/api/local/users')).status).toBe(200);

      // 2. The whole process group dies at once, DynamoDB Local with it.
      await runtime.kill();
      runtime = await startRuntimeProcess({ dataDir });
      await stillThere();
      expect(await runtime.stop()).toBe(0);
    } finally {
      await runtime.kill();
      const pid = Number(await readFile(pidFile, 'utf8').catch(() => '0'));
      if (pid > 0 && (await isDynamoDbLocal(pid))) process.kill(pid, 'SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('a data directory made by an older version', () => {
  it('gets the queue and applicant indexes narrowed on start, and its cases stay listed', {
    timeout: 240_000,
  }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-indexes-'));
    const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
    const { agencyQueue, applicantCases } = TABLE.indexes;
    const projections = async (endpoint: string) => {
      const dynamodb = new DynamoDBClient({ endpoint, region: 'ap-southeast-1', credentials });
      try {
        const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: 'motcua' }));
        return Object.fromEntries(
          (Table?.GlobalSecondaryIndexes ?? []).map((index) => [index.IndexName, index.Projection]),
        );
      } finally {
        dynamodb.destroy();
      }
    };
    let runtime = await startRuntimeProcess({ dataDir });
    try {
      const before = api(runtime.url);
      const created = await submitBirthRegistration(before, 'citizen1');
      // The indexes as versions before the narrowing made them: every attribute of the case, filled from the items.
      const dynamodb = new DynamoDBClient({
        endpoint: runtime.info.dynamodb,
        region: 'ap-southeast-1',
        credentials,
      });
      const old = createTableInput('motcua');
      for (const name of [agencyQueue.name, applicantCases.name]) {
        const index = old.GlobalSecondaryIndexes.find((i) => i.IndexName === name)!;
        await dynamodb.send(
          new UpdateTableCommand({
            TableName: 'motcua',
            GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: name } }],
          }),
        );
        await awaitIndex(dynamodb, 'motcua', name, 'gone');
        await dynamodb.send(
          new UpdateTableCommand({
            TableName: 'motcua',
            AttributeDefinitions: old.AttributeDefinitions.filter((a) =>
              index.KeySchema.some((key) => key.AttributeName === a.AttributeName),
            ),
            GlobalSecondaryIndexUpdates: [{ Create: { ...index, Projection: { ProjectionType: 'ALL' } } }],
          }),
        );
        await awaitIndex(dynamodb, 'motcua', name, 'ACTIVE');
      }
      dynamodb.destroy();
      const older = await projections(runtime.info.dynamodb);
      expect([older[agencyQueue.name], older[applicantCases.name]]).toEqual([
        { ProjectionType: 'ALL' },
        { ProjectionType: 'ALL' },
      ]);
      expect(await runtime.stop()).toBe(0);

      runtime = await startRuntimeProcess({ dataDir });
      expect(runtime.output()).toContain('index gsi1: projection changed');
      const now = await projections(runtime.info.dynamodb);
      expect(now[agencyQueue.name]).toEqual({
        ProjectionType: 'INCLUDE',
        NonKeyAttributes: expect.arrayContaining(['code', 'applicantName', 'status', 'dueAt', 'version']),
      });
      expect(now[applicantCases.name]).toEqual({
        ProjectionType: 'INCLUDE',
        NonKeyAttributes: expect.arrayContaining(['code', 'procedureName', 'status', 'updatedAt']),
      });
      expect(now[applicantCases.name]?.NonKeyAttributes).not.toContain('data');

      // Filled again from the stored case: the applicant's list and the agency's queue still show it.
      const after = api(runtime.url);
      const own = await after.get('/api/applications', { token: await signIn(after, 'citizen1') });
      expect(own.status).toBe(200);
      expect(own.body.items).toContainEqual({
        code: created.code,
        procedureId: 'dang-ky-khai-sinh',
        procedureName: expect.any(Object),
        status: 'submitted',
        submittedAt: created.submittedAt,
        dueAt: created.dueAt,
        updatedAt: created.submittedAt,
      });
      const queue = await after.get('/api/queue?status=submitted', {
        token: await signIn(after, `official-${COMMUNE}`),
      });
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((item: { code: string }) => item.code)).toContain(created.code);
      expect(await runtime.stop()).toBe(0);
    } finally {
      await runtime.kill();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

// Runs Lambda handlers in this process: loads them by route entry and builds the Lambda `Context`.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';

// biome-ignore lint/suspicious/noExplicitAny: handlers of every trigger type go through here
export type LambdaHandler = (event: any, context: Context) => Promise<unknown>;

/** The handler's module does not exist (yet): the lead has not written it. */
export class HandlerMissingError extends Error {
  constructor(readonly what: string) {
    super(`Not Implemented: ${what}`);
  }
}

const modules = new Map<string, Promise<Record<string, unknown>>>();

/**
 * The function (`motcua-<group or consumer>`, as the stack names it) whose invocation is running: what an SDK call
 * belongs to, for the benchmark that counts them (bench/submit.ts).
 */
export const currentInvocation = new AsyncLocalStorage<{ readonly functionName: string }>();

type InvocationObserver = (functionName: string, milliseconds: number) => void;
const invocationObservers = new Set<InvocationObserver>();

/** Calls `observer` with every invocation's duration, until the returned function is called. */
export function observeInvocations(observer: InvocationObserver): () => void {
  invocationObservers.add(observer);
  return () => invocationObservers.delete(observer);
}

/** The handler, run inside `currentInvocation` and timed for the observers. */
function instrumented(handler: LambdaHandler): LambdaHandler {
  return (event, context) =>
    currentInvocation.run({ functionName: context.functionName }, async () => {
      const started = performance.now();
      try {
        return await handler(event, context);
      } finally {
        const elapsed = performance.now() - started;
        for (const observer of invocationObservers) observer(context.functionName, elapsed);
      }
    });
}

/**
 * Imports `<repoRoot>/<entry>` once and returns its export `exportName`. A module that is missing is
 * looked for again on the next call, so a handler written while the runtime runs is picked up.
 */
export async function loadHandler(
  repoRoot: string,
  entry: string,
  exportName: string,
): Promise<LambdaHandler> {
  const file = join(repoRoot, entry);
  let loading = modules.get(file);
  if (!loading) {
    try {
      await access(file);
    } catch {
      throw new HandlerMissingError(entry);
    }
    loading = import(pathToFileURL(file).href) as Promise<Record<string, unknown>>;
    modules.set(file, loading);
    // A module that fails to load (a syntax error while it is being edited) is tried again next time.
    loading.catch(() => modules.delete(file));
  }
  const handler = (await loading)[exportName];
  if (typeof handler !== 'function') throw new HandlerMissingError(`${entry}#${exportName}`);
  return instrumented(handler as LambdaHandler);
}

/** A function fed by an event source (the table's stream, a queue, the bucket's notifications), as functions/routes.ts declares it. */
export interface EventConsumer {
  readonly name: string;
  readonly entry: string;
  readonly exportName: string;
}

/** Invokes `consumer` with `event` as its event source would: loaded by entry, with its context and its timeout. */
export async function invokeConsumer(
  repoRoot: string,
  consumer: EventConsumer,
  event: unknown,
  timeoutMs: number,
): Promise<unknown> {
  const handler = await loadHandler(repoRoot, consumer.entry, consumer.exportName);
  return withTimeout(handler(event, lambdaContext(consumer.name, timeoutMs)), timeoutMs, consumer.name);
}

/** The Lambda context a function of the stack would get (the CDK stack names functions `motcua-<group>`). */
export function lambdaContext(functionName: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  const name = `motcua-${functionName}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION ?? 'ap-southeast-1'}:000000000000:function:${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/** Rejects with a timeout error when `work` takes longer than `ms` (the function's own timeout). */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new LambdaTimeoutError(what, ms)), ms);
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export class LambdaTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`${what} timed out after ${ms} ms`);
  }
}

// A stream consumer for the stream poller's tests: records every batch, and fails on cue as a notifier might.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

export interface ConsumerLog {
  /** The pk of each record of each invocation, in order. */
  readonly batches: string[][];
  readonly events: DynamoDBStreamEvent[];
}

/** Shared through globalThis: the runtime imports this module itself, apart from the test's own import. */
export function consumerLog(which: 'first' | 'second' = 'first'): ConsumerLog {
  const shared = globalThis as { __motcuaStreamConsumers?: Record<string, ConsumerLog> };
  shared.__motcuaStreamConsumers ??= {};
  shared.__motcuaStreamConsumers[which] ??= { batches: [], events: [] };
  return shared.__motcuaStreamConsumers[which];
}

/** A gate the second consumer waits at, shared through globalThis as the log is. */
function hold(): { held: number; release: () => void; released: Promise<void> } {
  const shared = globalThis as { __motcuaStreamHold?: ReturnType<typeof hold> };
  if (!shared.__motcuaStreamHold) {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    shared.__motcuaStreamHold = { held: 0, release, released };
  }
  return shared.__motcuaStreamHold;
}

/** Invocations of the second consumer waiting at the gate so far. */
export const heldInvocations = () => hold().held;
/** Lets every invocation waiting at the gate (and every later one) go on. */
export const releaseHeld = () => hold().release();

/**
 * A second consumer that only records what it is given, for tests of several consumers on one stream. pk `HOLD#…`:
 * the invocation that holds it waits until `releaseHeld()`.
 */
export async function secondHandler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const log = consumerLog('second');
  const pks = event.Records.map((record) => record.dynamodb?.Keys?.pk?.S ?? '?');
  log.batches.push(pks);
  log.events.push(event);
  if (pks.some((pk) => pk.startsWith('HOLD#'))) {
    hold().held++;
    await hold().released;
  }
  return { batchItemFailures: [] };
}

const seen = new Map<string, number>();

/**
 * pk `FAIL-ONCE#…`: reported in batchItemFailures the first time. `THROW-ONCE#…`: the first invocation
 * that holds it throws. `FAIL-ALWAYS#…`: always reported as failed.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const log = consumerLog();
  const pks = event.Records.map((record) => record.dynamodb?.Keys?.pk?.S ?? '?');
  log.batches.push(pks);
  log.events.push(event);
  const failures: { itemIdentifier: string }[] = [];
  for (const record of event.Records) {
    const pk = record.dynamodb?.Keys?.pk?.S ?? '';
    const count = (seen.get(pk) ?? 0) + 1;
    seen.set(pk, count);
    if (pk.startsWith('THROW-ONCE#') && count === 1) throw new Error(`failing on purpose for ${pk}`);
    if ((pk.startsWith('FAIL-ONCE#') && count === 1) || pk.startsWith('FAIL-ALWAYS#')) {
      failures.push({ itemIdentifier: record.dynamodb!.SequenceNumber! });
    }
  }
  return { batchItemFailures: failures };
}

// Counts, with SDK middleware, every call the platform's functions make to DynamoDB and S3 in the local runtime,
// by function (the invocation it runs in) and operation, with the DynamoDB capacity each consumed
// (ReturnConsumedCapacity), split between the table and each index, and each function's invocations and durations.
// For bench/submit.ts and docs/cost.md.
import { currentInvocation, observeInvocations } from '../local/lambda';

/** One function's calls of one operation. */
export interface OperationCount {
  readonly functionName: string;
  readonly service: 'DynamoDB' | 'S3';
  readonly operation: string;
  calls: number;
  /** Read (or write) capacity units as DynamoDB reports them: request units on demand. */
  readUnits: number;
  writeUnits: number;
  /** The write units by where they were spent: `table`, or an index's name (a write moves each index's copy). */
  writeUnitsBy: Record<string, number>;
}

/** Where `writeUnitsBy` counts the units spent on the table itself (an index is named by its own name). */
export const TABLE_UNITS = 'table';

export interface InvocationCount {
  readonly functionName: string;
  invocations: number;
  milliseconds: number;
}

export interface Counts {
  readonly operations: OperationCount[];
  readonly invocations: InvocationCount[];
}

/** DynamoDB operations that read; every other one that reports capacity writes (failed conditions included). */
const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
/** Operations that accept `ReturnConsumedCapacity`. */
const REPORTS_CAPACITY = new Set([
  ...READS,
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

interface Middlewared {
  readonly middlewareStack: {
    add(
      middleware: (
        next: (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>,
        context: { commandName?: string },
      ) => (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>,
      options: { step: 'initialize'; name: string },
    ): void;
    remove(name: string): boolean;
  };
}

/** One entry of `ConsumedCapacity` as asked with `INDEXES` (a transaction reports one per table). */
interface Consumed {
  CapacityUnits?: number;
  Table?: { CapacityUnits?: number };
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
  LocalSecondaryIndexes?: Record<string, { CapacityUnits?: number }>;
}

/** The units a call consumed: in all, and by the table and each index. */
function capacityOf(output: Record<string, unknown>): { total: number; by: Record<string, number> } {
  const consumed = [(output.ConsumedCapacity as Consumed | Consumed[] | undefined) ?? []].flat();
  const by: Record<string, number> = {};
  const add = (where: string, units: number | undefined) => {
    if (units) by[where] = (by[where] ?? 0) + units;
  };
  for (const entry of consumed) {
    add(TABLE_UNITS, entry.Table?.CapacityUnits);
    for (const indexes of [entry.GlobalSecondaryIndexes, entry.LocalSecondaryIndexes])
      for (const [name, units] of Object.entries(indexes ?? {})) add(name, units.CapacityUnits);
  }
  return { total: consumed.reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0), by };
}

/** Adds `more` into `into`, by key. */
export function addUnits(into: Record<string, number>, more: Readonly<Record<string, number>>) {
  for (const [where, units] of Object.entries(more)) into[where] = (into[where] ?? 0) + units;
  return into;
}

/**
 * Starts counting the calls of the functions' own clients (`functions/commons/clients.ts`, `functions/commons/s3.ts`:
 * the very objects the handlers of an in-process runtime use). Calls made outside any invocation (the runtime's
 * own set-up, and its local queue's polling, which SQS does on AWS) count under `runtime`.
 */
/** Whether the stack deploys a function: not the local runtime's own calls (`runtime`) nor its demo routes. */
export const isDeployedFunction = (functionName: string) =>
  !['motcua-local', 'runtime'].includes(functionName);

export async function countSdkCalls() {
  const { dynamo } = await import('../functions/commons/clients');
  const { s3 } = await import('../functions/commons/s3');
  const operations = new Map<string, OperationCount>();
  const invocations = new Map<string, InvocationCount>();
  const name = 'motcua-bench-count';

  const counting =
    (service: OperationCount['service']) =>
    (
      next: (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown> }>,
      context: { commandName?: string },
    ) =>
    async (args: { input: Record<string, unknown> }) => {
      const operation = (context.commandName ?? 'unknown').replace(/Command$/, '');
      if (service === 'DynamoDB' && REPORTS_CAPACITY.has(operation))
        args.input.ReturnConsumedCapacity = 'INDEXES';
      const functionName = currentInvocation.getStore()?.functionName ?? 'runtime';
      const key = `${functionName} ${service} ${operation}`;
      const count = () => {
        const found = operations.get(key) ?? {
          functionName,
          service,
          operation,
          calls: 0,
          readUnits: 0,
          writeUnits: 0,
          writeUnitsBy: {},
        };
        operations.set(key, found);
        found.calls++;
        return found;
      };
      let result: { output: Record<string, unknown> };
      try {
        result = await next(args);
      } catch (error) {
        // A call that fails (a cancelled transaction, a failed condition) counts, without its capacity.
        count();
        throw error;
      }
      // A presigned URL runs the same middleware but never reaches the service.
      if ('presigned' in result.output) return result;
      const counted = count();
      const units = capacityOf(result.output);
      if (READS.has(operation)) counted.readUnits += units.total;
      else {
        counted.writeUnits += units.total;
        addUnits(counted.writeUnitsBy, units.by);
      }
      return result;
    };
  (dynamo as unknown as Middlewared).middlewareStack.add(counting('DynamoDB'), { step: 'initialize', name });
  (s3 as unknown as Middlewared).middlewareStack.add(counting('S3'), { step: 'initialize', name });
  const stopObserving = observeInvocations((functionName, milliseconds) => {
    const count = invocations.get(functionName) ?? { functionName, invocations: 0, milliseconds: 0 };
    invocations.set(functionName, count);
    count.invocations++;
    count.milliseconds += milliseconds;
  });

  return {
    /** What was counted so far, and counting starts again from nothing. */
    take(): Counts {
      const taken = { operations: [...operations.values()], invocations: [...invocations.values()] };
      operations.clear();
      invocations.clear();
      return taken;
    },
    stop() {
      (dynamo as unknown as Middlewared).middlewareStack.remove(name);
      (s3 as unknown as Middlewared).middlewareStack.remove(name);
      stopObserving();
    },
  };
}

/** One operation's write units per request, in all and by the table and each index. */
interface WritesPerRequest {
  readonly operation: string;
  readonly writeUnits: number;
  readonly writeUnitsBy: Readonly<Record<string, number>>;
}

/** The write units `requests` requests spent, per request and operation (those that wrote), as counted. */
export function writesPerRequest(counts: Counts, requests: number): WritesPerRequest[] {
  return counts.operations
    .filter((o) => o.service === 'DynamoDB' && o.writeUnits > 0)
    .map((o) => ({
      operation: o.operation,
      writeUnits: o.writeUnits / requests,
      writeUnitsBy: Object.fromEntries(
        Object.entries(o.writeUnitsBy).map(([where, units]) => [where, units / requests]),
      ),
    }));
}

/** `table` first, then the indexes by name: the order the split is printed in. */
export const byWhere = (a: string, b: string) =>
  a === TABLE_UNITS ? -1 : b === TABLE_UNITS ? 1 : a.localeCompare(b);

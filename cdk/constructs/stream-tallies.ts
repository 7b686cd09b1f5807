// The counts of cases (queue tabs, public statistics): a consumer of the table's stream keeps them.
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StreamConsumer } from '../../functions/routes';
import { deadLetterQueue, grantTableAccess, MotcuaFunction } from './function';
import { consumeTableStream } from './stream-source';

/** The tallies consumer's memory (read by bench/cost.ts to price its GB-seconds). */
export const TALLIES_MEMORY_MB = 512;

export interface StreamTalliesProps {
  /** Absolute path of the consumer's entry module (it exports `handler`). */
  readonly entry: string;
  /** The records it takes (case items), as functions/routes.ts declares them. */
  readonly filter: StreamConsumer['filter'];
  readonly table: Table;
  /** @default 14 */
  readonly logRetentionDays?: number;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class StreamTallies extends Construct {
  readonly counter: MotcuaFunction;
  /** Stream batches the counter gave up on, kept 14 days for inspection and replay. */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: StreamTalliesProps) {
    super(scope, id);
    this.counter = new MotcuaFunction(this, 'Counter', {
      entry: props.entry,
      description: 'Keeps the queue counts and the monthly statistics from the table stream',
      memorySize: TALLIES_MEMORY_MB,
      timeout: Duration.seconds(60),
      logRetentionDays: props.logRetentionDays,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    // Adds to the counters and writes each case's counted version.
    grantTableAccess(this.counter, props.table, 'readwrite');

    this.deadLetters = deadLetterQueue(this, 'DeadLetters', 'the counter’s stream mapping');
    // From the stream's start: a new counter counts the changes the stream still holds (24 hours).
    consumeTableStream(this.counter, props.table, props.filter, this.deadLetters, {
      size: 100,
      window: Duration.seconds(1),
      startingPosition: StartingPosition.TRIM_HORIZON,
      retryAttempts: 10,
      maxRecordAge: null,
    });
  }
}

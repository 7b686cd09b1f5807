// The counts of cases (queue tabs, public statistics): a consumer of the table's stream keeps them.
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StreamConsumer } from '../../functions/routes';
import { acknowledge } from '../nag';
import { grantTableAccess, MotcuaFunction } from './function';

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
      memorySize: 512,
      timeout: Duration.seconds(60),
      logRetentionDays: props.logRetentionDays,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    // Adds to the counters and writes each case's counted version.
    grantTableAccess(this.counter, props.table, 'readwrite');

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetters,
      'This queue is itself the dead-letter destination of the counter’s stream mapping.',
      'AwsSolutions-SQS3',
    );
    this.counter.function.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 10,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.or(...props.filter.eventNames),
            dynamodb: { NewImage: { type: { S: FilterRule.or(...props.filter.itemTypes) } } },
          }),
        ],
      }),
    );
    acknowledge(
      this.counter.role,
      'dynamodb:ListStreams has no resource-level permissions (resource *).',
      'AwsSolutions-IAM5[Resource::*]',
    );
  }
}

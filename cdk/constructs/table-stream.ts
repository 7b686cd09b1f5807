// What a consumer of the table's stream needs: a dead-letter queue for the batches it gives up on, and the event
// source mapping that feeds it only the records its filter names (functions/routes.ts `streamConsumers`).
import { Duration } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, type StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StreamConsumer } from '../../functions/routes';
import { acknowledge } from '../nag';
import type { MotcuaFunction } from './function';

/** Stream batches a consumer gave up on, kept 14 days for inspection and replay. */
export function streamDeadLetters(scope: Construct, id: string, consumer: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(
    queue,
    `This queue is itself the dead-letter destination of the ${consumer}’s stream mapping.`,
    'AwsSolutions-SQS3',
  );
  return queue;
}

export interface TableStreamOptions {
  readonly table: Table;
  readonly filter: StreamConsumer['filter'];
  readonly deadLetters: Queue;
  readonly startingPosition: StartingPosition;
  readonly batchSize: number;
  readonly retryAttempts: number;
  readonly maxRecordAge?: Duration;
}

/**
 * Feeds `fn` the table's stream records that pass the filter: a failing record is isolated by halving the batch,
 * retried, then sent to the dead-letter queue; the function reports which record of a batch failed.
 */
export function consumeTableStream(fn: MotcuaFunction, options: TableStreamOptions): void {
  fn.function.addEventSource(
    new DynamoEventSource(options.table, {
      startingPosition: options.startingPosition,
      batchSize: options.batchSize,
      maxBatchingWindow: Duration.seconds(1),
      bisectBatchOnError: true,
      retryAttempts: options.retryAttempts,
      ...(options.maxRecordAge ? { maxRecordAge: options.maxRecordAge } : {}),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(options.deadLetters),
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.or(...options.filter.eventNames),
          dynamodb: { NewImage: { type: { S: FilterRule.or(...options.filter.itemTypes) } } },
        }),
      ],
    }),
  );
}

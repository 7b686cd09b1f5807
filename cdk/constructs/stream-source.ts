// A stream consumer's event source: the table's stream filtered as functions/routes.ts declares, failed records
// isolated, retried and dead-lettered to a queue (made with `deadLetterQueue`, ./function.ts).
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { StreamConsumer } from '../../functions/routes';
import { acknowledge } from '../nag';
import type { MotcuaFunction } from './function';

/**
 * The filters of a consumer's records: event names and the item `type` of the image the record has (a removed
 * item has only its old image), as the local poller's `matchesStreamFilter` applies them.
 */
function streamFilters(filter: StreamConsumer['filter']) {
  const itemType = { type: { S: FilterRule.or(...filter.itemTypes) } };
  const written = filter.eventNames.filter((name) => name !== 'REMOVE');
  return [
    ...(written.length > 0
      ? [FilterCriteria.filter({ eventName: FilterRule.or(...written), dynamodb: { NewImage: itemType } })]
      : []),
    ...(filter.eventNames.includes('REMOVE')
      ? [FilterCriteria.filter({ eventName: FilterRule.isEqual('REMOVE'), dynamodb: { OldImage: itemType } })]
      : []),
  ];
}

/**
 * The table's stream as a consumer declares it: a failing record is isolated by halving the batch, retried, then
 * sent to `deadLetters`.
 */
export interface StreamBatch {
  readonly size: number;
  readonly window?: Duration;
  /** How long a record is worth handling; `null`: as long as the stream keeps it. @default 6 hours */
  readonly maxRecordAge?: Duration | null;
  /** @default LATEST (a counter that must see what the stream still holds starts at TRIM_HORIZON) */
  readonly startingPosition?: StartingPosition;
  /** @default 5 */
  readonly retryAttempts?: number;
}

export function tableStreamSource(
  table: ITable,
  filter: StreamConsumer['filter'],
  deadLetters: Queue,
  batch: StreamBatch,
): DynamoEventSource {
  const maxRecordAge = batch.maxRecordAge === undefined ? Duration.hours(6) : batch.maxRecordAge;
  return new DynamoEventSource(table, {
    startingPosition: batch.startingPosition ?? StartingPosition.LATEST,
    batchSize: batch.size,
    ...(batch.window ? { maxBatchingWindow: batch.window } : {}),
    bisectBatchOnError: true,
    retryAttempts: batch.retryAttempts ?? 5,
    ...(maxRecordAge ? { maxRecordAge } : {}),
    reportBatchItemFailures: true,
    onFailure: new SqsDlq(deadLetters),
    filters: streamFilters(filter),
  });
}

/**
 * Feeds `consumer` from the table's stream (`tableStreamSource`), and acknowledges the `*` its role gets for
 * dynamodb:ListStreams, which has no resource-level permissions.
 */
export function consumeTableStream(
  consumer: MotcuaFunction,
  table: ITable,
  filter: StreamConsumer['filter'],
  deadLetters: Queue,
  batch: StreamBatch,
): void {
  consumer.function.addEventSource(tableStreamSource(table, filter, deadLetters, batch));
  acknowledge(
    consumer.role,
    'dynamodb:ListStreams has no resource-level permissions (resource *).',
    'AwsSolutions-IAM5[Resource::*]',
  );
}

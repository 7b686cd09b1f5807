// A stream consumer's plumbing: the table's stream filtered as functions/routes.ts declares, failed records
// isolated, retried and dead-lettered to a queue kept 14 days.
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { StreamConsumer } from '../../functions/routes';
import { acknowledge } from '../nag';

/** A dead-letter queue: encrypted, TLS only, messages kept 14 days for inspection and replay. */
export function deadLetterQueue(scope: Construct, id: string, whose: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, `This queue is itself the dead-letter destination of ${whose}.`, 'AwsSolutions-SQS3');
  return queue;
}

/**
 * The table's stream as a consumer declares it (event names, item `type` of the new image): a failing record is
 * isolated by halving the batch, retried, then sent to `deadLetters`.
 */
export function tableStreamSource(
  table: ITable,
  filter: StreamConsumer['filter'],
  deadLetters: Queue,
  batch: { readonly size: number; readonly window?: Duration },
): DynamoEventSource {
  return new DynamoEventSource(table, {
    startingPosition: StartingPosition.LATEST,
    batchSize: batch.size,
    ...(batch.window ? { maxBatchingWindow: batch.window } : {}),
    bisectBatchOnError: true,
    retryAttempts: 5,
    maxRecordAge: Duration.hours(6),
    reportBatchItemFailures: true,
    onFailure: new SqsDlq(deadLetters),
    filters: [
      FilterCriteria.filter({
        eventName: FilterRule.or(...filter.eventNames),
        dynamodb: { NewImage: { type: { S: FilterRule.or(...filter.itemTypes) } } },
      }),
    ],
  });
}

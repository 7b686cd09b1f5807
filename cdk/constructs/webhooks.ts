// Business webhooks: the table's stream fans status changes out into a queue, whose consumer delivers them.
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/commons/environment';
import type { QueueConsumer, StreamConsumer } from '../../functions/routes';
import { deadLetterQueue, grantTableAccess, MotcuaFunction } from './function';
import { consumeTableStream } from './stream-source';

export interface WebhooksProps {
  /** Absolute path of the fan-out's entry (a stream consumer). */
  readonly fanOutEntry: string;
  readonly fanOutFilter: StreamConsumer['filter'];
  /** Absolute path of the delivery consumer's entry (an SQS consumer). */
  readonly deliveryEntry: string;
  readonly delivery: QueueConsumer;
  readonly table: Table;
  /** Unseals the webhooks' secrets. */
  readonly sealKey: ISecret;
  /** @default 14 */
  readonly logRetentionDays?: number;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export const WEBHOOK_FANOUT_MEMORY_MB = 512;
export const WEBHOOK_DELIVERY_MEMORY_MB = 512;

/** How long one attempt may take: the delivery's own 5 s timeout per POST, for a batch of ten at once. */
const DELIVERY_TIMEOUT = Duration.seconds(30);

/**
 * Never from the request path: a status change is stored, the stream wakes the fan-out, which stores one delivery
 * per webhook and queues it; the delivery consumer makes each attempt and queues the next (growing delays over
 * 24 hours; SQS delays at most 15 minutes, so a longer wait hops). Messages its handler fails on five times go to
 * the dead-letter queue, which alarms.
 */
export class Webhooks extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly fanOut: MotcuaFunction;
  readonly deliverer: MotcuaFunction;
  /** Stream batches the fan-out gave up on. */
  readonly fanOutDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: WebhooksProps) {
    super(scope, id);
    this.deadLetters = deadLetterQueue(this, 'DeadLetters', 'the webhook queue');
    this.queue = new Queue(this, 'Deliveries', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Six times the consumer's timeout, as AWS advises for Lambda's SQS event sources.
      visibilityTimeout: Duration.seconds(DELIVERY_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: props.delivery.maxReceives },
    });

    const queueEnvironment = { [ENV.webhookQueueUrl]: this.queue.queueUrl };
    this.fanOut = new MotcuaFunction(this, 'FanOut', {
      entry: props.fanOutEntry,
      description: "Turns status changes of businesses' cases into queued webhook deliveries",
      memorySize: WEBHOOK_FANOUT_MEMORY_MB,
      timeout: Duration.seconds(60),
      environment: queueEnvironment,
      logRetentionDays: props.logRetentionDays,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    grantTableAccess(this.fanOut, props.table, 'readwrite');
    this.queue.grantSendMessages(this.fanOut.role);
    this.fanOutDeadLetters = deadLetterQueue(this, 'FanOutDeadLetters', 'the fan-out’s stream mapping');
    consumeTableStream(this.fanOut, props.table, props.fanOutFilter, this.fanOutDeadLetters, {
      size: 25,
      window: Duration.seconds(1),
    });

    this.deliverer = new MotcuaFunction(this, 'Deliverer', {
      entry: props.deliveryEntry,
      description:
        "Delivers webhooks to businesses' systems (signed, URL checked again, retried for 24 hours)",
      memorySize: WEBHOOK_DELIVERY_MEMORY_MB,
      timeout: DELIVERY_TIMEOUT,
      environment: {
        ...queueEnvironment,
        // A dynamic reference: resolved at deploy time, never in the template.
        [ENV.sealKey]: props.sealKey.secretValue.unsafeUnwrap(),
      },
      logRetentionDays: props.logRetentionDays,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    // Reads deliveries and webhooks, records attempts.
    grantTableAccess(this.deliverer, props.table, 'readwrite');
    // Queues its own retries.
    this.queue.grantSendMessages(this.deliverer.role);
    this.deliverer.function.addEventSource(
      new SqsEventSource(this.queue, { batchSize: 10, reportBatchItemFailures: true }),
    );
  }
}

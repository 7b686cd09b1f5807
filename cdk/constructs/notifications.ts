// Notifications: the table's stream feeds the notifier, which sends e-mail through SES and SMS through SNS.
import { Aws, Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { ConfigurationSet, ConfigurationSetTlsPolicy, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/commons/environment';
import type { StreamConsumer } from '../../functions/routes';
import { acknowledge } from '../nag';
import { grantTableAccess, MotcuaFunction } from './function';
import { consumeTableStream, streamDeadLetters } from './table-stream';

export interface NotificationsProps {
  /** Absolute path of the notifier's entry module (it exports `handler`). */
  readonly entry: string;
  /** The records it takes, as functions/routes.ts declares them (the local poller applies the same filter). */
  readonly filter: StreamConsumer['filter'];
  readonly table: Table;
  /** Sender address of the e-mails. */
  readonly fromAddress: string;
  /** The verified SES identity (domain or address) the notifier may send as. */
  readonly sesIdentity: string;
  /** Send SMS to phone numbers through SNS. @default true */
  readonly sms?: boolean;
  /** Registered alphanumeric sender id for SMS. @default none */
  readonly smsSenderId?: string;
  /** More environment (the site origin for links in messages). */
  readonly environment: Record<string, string>;
  /** @default 14 */
  readonly logRetentionDays?: number;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class Notifications extends Construct {
  readonly notifier: MotcuaFunction;
  /** Stream batches the notifier gave up on, kept 14 days for inspection and replay. */
  readonly deadLetters: Queue;
  readonly configurationSet: ConfigurationSet;

  constructor(scope: Construct, id: string, props: NotificationsProps) {
    super(scope, id);

    // Bounces and complaints go on the account's suppression list; mail is sent over TLS only.
    this.configurationSet = new ConfigurationSet(this, 'Mail', {
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    });

    this.notifier = new MotcuaFunction(this, 'Notifier', {
      entry: props.entry,
      description: 'Sends the applicant an e-mail and/or SMS on every status change',
      memorySize: 512,
      timeout: Duration.seconds(60),
      environment: {
        ...props.environment,
        [ENV.notifyChannel]: 'ses-sns',
        [ENV.sesFromAddress]: props.fromAddress,
        [ENV.sesConfigurationSet]: this.configurationSet.configurationSetName,
        ...(props.smsSenderId ? { [ENV.smsSenderId]: props.smsSenderId } : {}),
      },
      logRetentionDays: props.logRetentionDays,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    // Reads the case and contact, and marks each notification delivered.
    grantTableAccess(this.notifier, props.table, 'readwrite');
    this.grantSending(props);

    this.deadLetters = streamDeadLetters(this, 'DeadLetters', 'notifier');
    consumeTableStream(this.notifier, {
      table: props.table,
      filter: props.filter,
      deadLetters: this.deadLetters,
      startingPosition: StartingPosition.LATEST,
      batchSize: 25,
      retryAttempts: 5,
      maxRecordAge: Duration.hours(6),
    });
    acknowledge(
      this.notifier.role,
      'dynamodb:ListStreams has no resource-level permissions (resource *); sns:Publish straight to a phone number has no resource ARN either, and a Deny on every topic limits it to SMS.',
      'AwsSolutions-IAM5[Resource::*]',
    );
  }

  private grantSending(props: NotificationsProps): void {
    const ses = (resource: string) => `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:${resource}`;
    this.notifier.role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'SendMailAsTheProvince',
        actions: ['ses:SendEmail'],
        resources: [
          ses(`identity/${props.sesIdentity}`),
          ses(`configuration-set/${this.configurationSet.configurationSetName}`),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': props.fromAddress } },
      }),
    );
    if (props.sms ?? true) {
      this.notifier.role.addToPrincipalPolicy(
        new PolicyStatement({ sid: 'SendSms', actions: ['sns:Publish'], resources: ['*'] }),
      );
      this.notifier.role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'SmsOnlyNoTopics',
          effect: Effect.DENY,
          actions: ['sns:Publish'],
          resources: [`arn:${Aws.PARTITION}:sns:*:*:*`],
        }),
      );
    }
  }
}

// Uploads checked as they land and kept as long as their records: the verifier, fed by the documents bucket's
// ObjectCreated notifications and GuardDuty's scan results (EventBridge), and the janitor, fed by the table's stream.
import { Aws, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { CfnPermission } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/commons/environment';
import { DOCUMENTS_PREFIX, QUARANTINE_PREFIX } from '../../functions/documents/object-keys';
import { SCAN_RESULT_DETAIL_TYPE } from '../../functions/documents/verdict';
import type { ObjectEventConsumer, StreamConsumer } from '../../functions/routes';
import { writeConsumerEntry } from '../bundling';
import { acknowledge } from '../nag';
import { deadLetterQueue, MotcuaFunction } from './function';
import { consumeTableStream } from './stream-source';

export const VERIFIER_MEMORY_MB = 512;
export const JANITOR_MEMORY_MB = 256;

export interface UploadChecksProps {
  /** The documents bucket: its notification configuration is set here. */
  readonly bucket: Bucket;
  /**
   * Its fixed name. The functions refer to the bucket by this name only: the bucket's notification configuration
   * waits for the verifier's invoke permission, so the verifier must not wait for the bucket.
   */
  readonly bucketName: string;
  readonly table: Table;
  readonly verifier: ObjectEventConsumer;
  readonly janitor: StreamConsumer;
  /** GuardDuty scans quarantine/: an upload is then verified only once its scan result came back clean. */
  readonly malwareScan: boolean;
  readonly sourceRoot: string;
  /** @default 14 */
  readonly logRetentionDays?: number;
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class UploadChecks extends Construct {
  readonly verifier: MotcuaFunction;
  readonly janitor: MotcuaFunction;
  /** Events the verifier, and stream batches the janitor, gave up on: kept 14 days for inspection and replay. */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: UploadChecksProps) {
    super(scope, id);
    const s3Arn = (resource: string) => `arn:${Aws.PARTITION}:s3:::${props.bucketName}${resource}`;
    const quarantined = s3Arn(`/${QUARANTINE_PREFIX}*`);
    const documents = s3Arn(`/${DOCUMENTS_PREFIX}*`);

    this.deadLetters = deadLetterQueue(this, 'DeadLetters', 'the upload verifier and janitor');

    this.verifier = new MotcuaFunction(this, 'Verifier', {
      entry: writeConsumerEntry(props.verifier, props.sourceRoot),
      description: 'Checks each upload as it lands: real size, type by magic bytes, the malware scan',
      memorySize: VERIFIER_MEMORY_MB,
      timeout: Duration.seconds(60),
      environment: {
        [ENV.documentsBucket]: props.bucketName,
        [ENV.tableName]: props.table.tableName,
        ...(props.malwareScan ? { [ENV.malwareScan]: 'guardduty' } : {}),
      },
      logRetentionDays: props.logRetentionDays,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    this.grantVerifier(props, quarantined, documents);
    this.verifier.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.deadLetters),
    });
    this.notifyVerifier(props);
    if (props.malwareScan) {
      new Rule(this, 'ScanResults', {
        description: "GuardDuty's malware scan results of uploads, to the upload verifier",
        eventPattern: {
          source: ['aws.guardduty'],
          detailType: [SCAN_RESULT_DETAIL_TYPE],
          detail: {
            s3ObjectDetails: { bucketName: [props.bucketName], objectKey: [{ prefix: QUARANTINE_PREFIX }] },
          },
        },
        targets: [
          new LambdaFunction(this.verifier.function, {
            deadLetterQueue: this.deadLetters,
            retryAttempts: 8,
            maxEventAge: Duration.hours(6),
          }),
        ],
      });
    }

    this.janitor = new MotcuaFunction(this, 'Janitor', {
      entry: writeConsumerEntry(props.janitor, props.sourceRoot),
      description: "Clears an upload's files once a case claims it or its record expires",
      memorySize: JANITOR_MEMORY_MB,
      timeout: Duration.seconds(60),
      environment: { [ENV.documentsBucket]: props.bucketName },
      logRetentionDays: props.logRetentionDays,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    this.janitor.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:DeleteObject'], resources: [quarantined, documents] }),
    );
    // Lists the checked copies of one expired upload (documents/<uploadId>/) to delete them all.
    this.janitor.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [s3Arn('')],
        conditions: { StringLike: { 's3:prefix': [`${DOCUMENTS_PREFIX}*`] } },
      }),
    );
    // A removed item has only its old image: the source matches each event name on the image it has.
    consumeTableStream(this.janitor, props.table, props.janitor.filter, this.deadLetters, {
      size: 100,
      window: Duration.seconds(5),
      maxRecordAge: Duration.days(1),
    });
    const objectPrefixes =
      'Object keys are random per upload, so access is granted per prefix of the documents bucket: quarantine/* (where presigned forms post) and documents/* (checked copies), never the whole bucket.';
    const bucketArn = nagString(Stack.of(this).resolve(s3Arn('')));
    for (const fn of [this.verifier, this.janitor]) {
      acknowledge(
        fn.role,
        objectPrefixes,
        ...[QUARANTINE_PREFIX, DOCUMENTS_PREFIX].map(
          (prefix) => `AwsSolutions-IAM5[Resource::${bucketArn}/${prefix}*]`,
        ),
      );
    }
  }

  /**
   * Reads and judges only upload records (`UPLOAD#…`), copies each posted version out of quarantine (a copy
   * carries the source's tags), reads the copy's first bytes, and removes what no upload presigned.
   */
  private grantVerifier(props: UploadChecksProps, quarantined: string, documents: string): void {
    const role = this.verifier.role;
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['UPLOAD#*'] } },
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:DeleteObject',
          's3:DeleteObjectVersion',
        ],
        resources: [quarantined],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject'],
        resources: [documents],
      }),
    );
    // Without ListBucket, S3 answers 403 rather than 404 for an object removed meanwhile.
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [`arn:${Aws.PARTITION}:s3:::${props.bucketName}`],
      }),
    );
  }

  /**
   * The bucket's own notification configuration (no custom resource): every object created under quarantine/
   * invokes the verifier. S3 checks the destination when the configuration is set, so the bucket waits for the
   * permission. Where GuardDuty scans, EventBridge delivery stays on (GuardDuty turns it on; a configuration
   * without it would turn it off again).
   */
  private notifyVerifier(props: UploadChecksProps): void {
    const permission = new CfnPermission(this, 'BucketInvokesVerifier', {
      action: 'lambda:InvokeFunction',
      functionName: this.verifier.function.functionArn,
      principal: 's3.amazonaws.com',
      sourceArn: `arn:${Aws.PARTITION}:s3:::${props.bucketName}`,
      sourceAccount: Aws.ACCOUNT_ID,
    });
    const bucket = props.bucket.node.defaultChild as CfnBucket;
    bucket.notificationConfiguration = {
      lambdaConfigurations: [
        {
          event: 's3:ObjectCreated:*',
          function: this.verifier.function.functionArn,
          filter: { s3Key: { rules: [{ name: 'prefix', value: QUARANTINE_PREFIX }] } },
        },
      ],
      ...(props.malwareScan ? { eventBridgeConfiguration: { eventBridgeEnabled: true } } : {}),
    };
    bucket.addDependency(permission);
  }
}

/** A resolved CloudFormation value as cdk-nag writes it in a finding's id: `Ref`s as `<Name>`, joins joined. */
function nagString(value: unknown): string {
  if (typeof value === 'string') return value;
  const intrinsic = value as { Ref?: string; 'Fn::Join'?: [string, unknown[]] };
  if (intrinsic.Ref) return `<${intrinsic.Ref}>`;
  if (intrinsic['Fn::Join']) return intrinsic['Fn::Join'][1].map(nagString).join(intrinsic['Fn::Join'][0]);
  throw new Error(`no cdk-nag rendering for ${JSON.stringify(value)}`);
}

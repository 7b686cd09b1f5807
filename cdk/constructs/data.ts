// Where the platform keeps data: the single table, the documents bucket with its malware scanning, the access logs.
import { Aws, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { DOCUMENTS_PREFIX, QUARANTINE_PREFIX } from '../../functions/documents/object-keys';
import { indexAttributes, TABLE } from '../../functions/storage/table';
import type { IndexNarrowingStep } from '../config';
import { acknowledge, arnToken } from '../nag';

export interface DataProps {
  /** Retain the table and buckets when the stack is deleted, and turn table deletion protection on. */
  readonly retainData: boolean;
  /** Origins (scheme and host) that may POST uploads to the documents bucket from a browser. */
  readonly uploadOrigins: readonly string[];
  /** Scan uploads with GuardDuty Malware Protection for S3. @default true */
  readonly malwareScan?: boolean;
  /** Days before an unclaimed upload is deleted. @default 2 */
  readonly quarantineDays?: number;
  /** Days to keep S3 and CloudFront access logs. @default 365 */
  readonly accessLogDays?: number;
  /** A step of a deployed table's move to the narrow gsi1 and gsi2 (INDEX_NARROWING). */
  readonly indexNarrowingStep?: IndexNarrowingStep;
}

const { agencyQueue, applicantCases } = TABLE.indexes;
/**
 * A table deployed before gsi1 and gsi2 were narrowed (they projected ALL) reaches today's indexes in four
 * deploys: CloudFormation cannot change a projection in place, and creates or deletes at most one index per
 * update. Each step says how an index differs from today's: left out, or still projecting ALL. Step 1 deletes
 * gsi1, 2 creates it narrow, 3 deletes gsi2, and a deploy without a step creates gsi2 narrow (docs/deploy.md).
 */
export const INDEX_NARROWING: Record<IndexNarrowingStep, Readonly<Record<string, 'absent' | 'ALL'>>> = {
  '1': { [agencyQueue.name]: 'absent', [applicantCases.name]: 'ALL' },
  '2': { [applicantCases.name]: 'ALL' },
  '3': { [applicantCases.name]: 'absent' },
};

export class Data extends Construct {
  readonly table: Table;
  readonly documents: Bucket;
  /** The documents bucket's regional host, as the browser posts uploads to it (for the CSP). */
  readonly documentsHost: string;
  /**
   * The documents bucket's name, fixed by stack, account and region: functions that may refer to the bucket by
   * name only (the upload verifier, whose invoke permission the bucket's notification configuration waits for)
   * use this rather than the bucket's own reference, which would make a dependency cycle.
   */
  readonly documentsBucketName: string;
  /** Server access logs of the buckets and CloudFront standard logs. */
  readonly accessLogs: Bucket;
  readonly malwareProtection?: CfnMalwareProtectionPlan;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const removalPolicy = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.accessLogs = this.createAccessLogBucket(removalPolicy, props.accessLogDays ?? 365);
    this.table = this.createTable(
      props.retainData,
      removalPolicy,
      props.indexNarrowingStep ? INDEX_NARROWING[props.indexNarrowingStep] : {},
    );

    // A fixed name (unique by account and region) lets the web's CSP name the upload host without
    // referring to the bucket resource, which would make a cycle: bucket CORS → web origin → CSP → bucket.
    const documentsBucketName = Fn.join('-', [
      Stack.of(this).stackName.toLowerCase(),
      'documents',
      Aws.ACCOUNT_ID,
      Aws.REGION,
    ]);
    this.documentsBucketName = documentsBucketName;
    this.documentsHost = Fn.join('', [documentsBucketName, '.s3.', Aws.REGION, '.', Aws.URL_SUFFIX]);
    this.documents = this.createDocumentsBucket(documentsBucketName, removalPolicy, props);
    if (props.malwareScan ?? true) this.malwareProtection = this.protectFromMalware(this.documents);
  }

  private createAccessLogBucket(removalPolicy: RemovalPolicy, days: number): Bucket {
    const bucket = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes with an ACL, so the bucket must accept object-writer ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(days) }],
      removalPolicy,
    });
    acknowledge(
      bucket,
      'This is the access-log bucket itself; logging it into itself would log its own log deliveries without end.',
      'AwsSolutions-S1',
    );
    return bucket;
  }

  private createTable(
    retainData: boolean,
    removalPolicy: RemovalPolicy,
    during: Readonly<Record<string, 'absent' | 'ALL'>>,
  ): Table {
    const table = new Table(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: TABLE.ttlAttribute,
      deletionProtection: retainData,
      removalPolicy,
    });
    for (const index of Object.values(TABLE.indexes)) {
      if (during[index.name] === 'absent') continue;
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        ...(during[index.name] === 'ALL'
          ? { projectionType: ProjectionType.ALL }
          : { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: indexAttributes(index) }),
      });
    }
    return table;
  }

  private createDocumentsBucket(bucketName: string, removalPolicy: RemovalPolicy, props: DataProps): Bucket {
    return new Bucket(this, 'Documents', {
      bucketName,
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      // Browsers post the presigned form straight to the bucket.
      cors: props.uploadOrigins.map((origin) => ({
        // Uploads are posted; the console reads documents back to show them in the page.
        allowedMethods: [HttpMethods.POST, HttpMethods.GET],
        allowedOrigins: [origin],
        allowedHeaders: ['*'],
        maxAge: 3000,
      })),
      lifecycleRules: [
        {
          // The posted originals: the upload verifier copies each one out (the copy is what a case or a draft
          // keeps) and the upload janitor clears them once claimed or expired; this only sweeps what they miss.
          id: 'clear-unclaimed-uploads',
          prefix: QUARANTINE_PREFIX,
          expiration: Duration.days(props.quarantineDays ?? 2),
          noncurrentVersionExpiration: Duration.days(1),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
        {
          id: 'age-documents',
          prefix: DOCUMENTS_PREFIX,
          noncurrentVersionExpiration: Duration.days(90),
          transitions: [
            { storageClass: StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(30) },
          ],
        },
      ],
      removalPolicy,
    });
  }

  /**
   * GuardDuty Malware Protection for S3 scans every new object under `quarantine/` and tags it with its
   * verdict (`GuardDutyMalwareScanStatus`); the submission accepts only `NO_THREATS_FOUND` (MALWARE_SCAN=guardduty).
   * Quarantined objects are never served to anyone: downloads are signed for accepted copies in documents/ only.
   */
  private protectFromMalware(bucket: Bucket): CfnMalwareProtectionPlan {
    const role = new Role(this, 'MalwareProtectionRole', {
      assumedBy: new ServicePrincipal('malware-protection-plan.guardduty.amazonaws.com'),
      description: 'GuardDuty Malware Protection for S3 on the quarantine prefix of the documents bucket',
    });
    const managedRule = `arn:${Aws.PARTITION}:events:${Aws.REGION}:${Aws.ACCOUNT_ID}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*`;
    const quarantined = bucket.arnForObjects(`${QUARANTINE_PREFIX}*`);
    // The permissions the GuardDuty guide lists for the plan's role, narrowed to the quarantine prefix.
    const statements = [
      new PolicyStatement({
        sid: 'ManageTheManagedEventBridgeRule',
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [managedRule],
        conditions: { StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } },
      }),
      new PolicyStatement({
        sid: 'WatchTheManagedEventBridgeRule',
        actions: ['events:DescribeRule', 'events:ListTargetsByRule'],
        resources: [managedRule],
      }),
      new PolicyStatement({
        sid: 'SendBucketEventsToEventBridge',
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification'],
        resources: [bucket.bucketArn],
      }),
      new PolicyStatement({
        sid: 'CheckBucketOwnership',
        actions: ['s3:ListBucket'],
        resources: [bucket.bucketArn],
      }),
      new PolicyStatement({
        sid: 'PutValidationObject',
        actions: ['s3:PutObject'],
        resources: [bucket.arnForObjects('malware-protection-resource-validation-object')],
      }),
      new PolicyStatement({
        sid: 'ScanAndTagUploads',
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resources: [quarantined],
      }),
    ];
    for (const statement of statements) role.addToPolicy(statement);
    acknowledge(
      role,
      'GuardDuty names its managed EventBridge rule DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3<suffix> (the suffix is chosen by GuardDuty), and scans every upload under quarantine/, whose keys are random: both need a trailing wildcard, as the GuardDuty guide prescribes.',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]',
      `AwsSolutions-IAM5[Resource::${arnToken(bucket)}/${QUARANTINE_PREFIX}*]`,
    );

    const plan = new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: role.roleArn,
      protectedResource: { s3Bucket: { bucketName: bucket.bucketName, objectPrefixes: [QUARANTINE_PREFIX] } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    // GuardDuty validates the role when the plan is created: the policy must exist by then.
    plan.node.addDependency(role);
    return plan;
  }
}

// The HTTP functions: one per route group of functions/routes.ts, each granted only what its routes use.
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ENV } from '../../functions/commons/environment';
import { DOCUMENTS_PREFIX, QUARANTINE_PREFIX } from '../../functions/documents/object-keys';
import type { DeployedGroup, RouteDeclaration } from '../../functions/routes';
import { REPOSITORY_ROOT, routeGroups, writeGroupEntry } from '../bundling';
import { acknowledge, arnToken } from '../nag';
import { grantTableAccess, MotcuaFunction } from './function';

/** What the routes of a group do with storage. */
interface GroupAccess {
  readonly description: string;
  readonly table: 'none' | 'read' | 'readwrite';
  /** Sign presigned POSTs into quarantine/ (the signature carries the function's permission). */
  readonly signUploads?: boolean;
  /** Read uploads (and GuardDuty's verdict tag) in quarantine/ and copy accepted ones to documents/. */
  readonly acceptUploads?: boolean;
  /** Sign download URLs of accepted documents. */
  readonly readDocuments?: boolean;
  /** Seals tracking PINs in idempotency records (needs SEAL_KEY). */
  readonly sealsSecrets?: boolean;
  /** @default 1024 */
  readonly memorySize?: number;
}

/**
 * What each group may touch, for every group of `FunctionGroup` but `local` (a group missing here fails
 * typecheck). One function per group rather than per route (7 functions for 14 routes), so that a session
 * warms few functions; groups split by what they touch, which is also what their bundles weigh: the catalogue
 * has no storage, the readers of cases only the table, and only uploads, submissions and officials' case work
 * carry the S3 client (see bench/bundle-budget.ts).
 */
const GROUP_ACCESS: Record<DeployedGroup, GroupAccess> = {
  public: {
    description: 'Catalogue and OpenAPI (public, no storage)',
    table: 'none',
    memorySize: 512,
  },
  // Writes only its failed-attempt counters (rate limiting wrong PINs), which expire by TTL.
  tracking: {
    description: 'Public case tracking by code and PIN, and the health check',
    table: 'readwrite',
    memorySize: 512,
  },
  applicant: { description: 'Cases and withdrawals of an applicant', table: 'readwrite' },
  uploads: { description: 'Presigned uploads into quarantine', table: 'readwrite', signUploads: true },
  submit: {
    description: 'Submissions, supplements and drafts: checks uploads against the catalogue and accepts them',
    table: 'readwrite',
    acceptUploads: true,
    sealsSecrets: true,
  },
  queue: { description: "An agency's queue, for its officials", table: 'read' },
  official: {
    description: 'Case view and actions of officials',
    table: 'readwrite',
    acceptUploads: true,
    readDocuments: true,
  },
};

export interface FunctionsProps {
  /** Every route of the contract; local-only routes are skipped. */
  readonly routes: readonly RouteDeclaration[];
  readonly table: ITable;
  readonly documents: IBucket;
  /** Key that seals tracking PINs (32 random bytes, base64). */
  readonly sealKey: ISecret;
  /** Environment shared by every HTTP function (the CDN's client-address header). */
  readonly environment: Record<string, string>;
  /** Whether GuardDuty scans uploads: submissions then accept only clean ones. */
  readonly malwareScan: boolean;
  /** Directory that route entries are relative to. @default the repository root */
  readonly sourceRoot?: string;
  /** @default 14 */
  readonly logRetentionDays?: number;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export class Functions extends Construct {
  /** The function serving each route group. */
  readonly byGroup = new Map<string, MotcuaFunction>();

  constructor(scope: Construct, id: string, props: FunctionsProps) {
    super(scope, id);
    for (const [group, routes] of routeGroups(props.routes)) {
      const access = GROUP_ACCESS[group as DeployedGroup] as GroupAccess | undefined;
      if (!access) {
        throw new Error(`Route group "${group}" has no access declared in cdk/constructs/functions.ts`);
      }
      const fn = new MotcuaFunction(this, pascal(group), {
        entry: writeGroupEntry(group, routes, props.sourceRoot ?? REPOSITORY_ROOT),
        description: access.description,
        environment: props.environment,
        memorySize: access.memorySize,
        timeout: Duration.seconds(29),
        logRetentionDays: props.logRetentionDays,
        logRemovalPolicy: props.logRemovalPolicy,
      });
      if (access.table !== 'none') grantTableAccess(fn, props.table, access.table);
      this.grantDocuments(fn, props.documents, access, props.malwareScan);
      if (access.sealsSecrets) {
        // A dynamic reference: the key is resolved at deploy time and never appears in the template.
        fn.addEnvironment(ENV.sealKey, props.sealKey.secretValue.unsafeUnwrap());
      }
      this.byGroup.set(group, fn);
    }
  }

  private grantDocuments(
    fn: MotcuaFunction,
    bucket: IBucket,
    access: GroupAccess,
    malwareScan: boolean,
  ): void {
    const quarantined = bucket.arnForObjects(`${QUARANTINE_PREFIX}*`);
    const documents = bucket.arnForObjects(`${DOCUMENTS_PREFIX}*`);
    const prefixes: string[] = [];
    if (access.signUploads) {
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:PutObject'], resources: [quarantined] }),
      );
      prefixes.push(QUARANTINE_PREFIX);
    }
    if (access.acceptUploads) {
      // Reads the first bytes (magic-byte check) and GuardDuty's verdict tag of each claimed upload.
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:GetObject', 's3:GetObjectTagging'], resources: [quarantined] }),
      );
      // Without ListBucket, S3 answers 403 rather than 404 for a missing object: the submission must tell
      // "not uploaded" (a 400 for the applicant) from a real failure.
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }),
      );
      // CopyObject copies the tags too (GuardDuty's verdict stays on the accepted copy).
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:PutObject', 's3:PutObjectTagging'], resources: [documents] }),
      );
      // Claimed uploads leave quarantine; copies of a submission that then failed are removed.
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:DeleteObject'], resources: [quarantined, documents] }),
      );
      prefixes.push(QUARANTINE_PREFIX, DOCUMENTS_PREFIX);
      if (malwareScan) fn.addEnvironment(ENV.malwareScan, 'guardduty');
    }
    if (access.readDocuments) {
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:GetObject'], resources: [documents] }),
      );
      prefixes.push(DOCUMENTS_PREFIX);
    }
    if (prefixes.length === 0) return;
    // The bucket's name goes with the grants, as the table's does: a function without them never reads it.
    fn.addEnvironment(ENV.documentsBucket, bucket.bucketName);
    acknowledge(
      fn.role,
      'Object keys are random per upload, so access is granted per prefix of the documents bucket: quarantine/* (uploads awaiting a claim) and documents/* (accepted documents), never the whole bucket.',
      ...[...new Set(prefixes)].map(
        (prefix) => `AwsSolutions-IAM5[Resource::${arnToken(bucket)}/${prefix}*]`,
      ),
    );
  }
}

function pascal(name: string): string {
  return name.replace(/(^|[-_ ])(\w)/g, (_, __, letter: string) => letter.toUpperCase());
}

// The HTTP functions: one per route group of functions/routes.ts, each granted only what its routes use.
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ENV } from '../../functions/commons/environment';
import {
  DOCUMENTS_PREFIX,
  QUARANTINE_PREFIX,
  SIGNED_RESULTS_PREFIX,
} from '../../functions/documents/object-keys';
import type { DeployedGroup, RouteDeclaration } from '../../functions/routes';
import { REPOSITORY_ROOT, routeGroups, writeGroupEntry } from '../bundling';
import { acknowledge, arnToken } from '../nag';
import { DEFAULT_MEMORY_MB, grantTableAccess, MotcuaFunction } from './function';

/** What the routes of a group do with storage. */
interface GroupAccess {
  readonly description: string;
  readonly table: 'none' | 'read' | 'readwrite';
  /** Sign presigned POSTs into quarantine/ (the signature carries the function's permission). */
  readonly signUploads?: boolean;
  /** Sign download URLs of accepted documents. */
  readonly readDocuments?: boolean;
  /** Seals tracking PINs in idempotency records (needs SEAL_KEY). */
  readonly sealsSecrets?: boolean;
  /** @default 1024 */
  readonly memorySize?: number;
  // ---- Level 4 ----
  /** Talks to the payment gateway: its terminal code, payment page and hash secret (Secrets Manager). */
  readonly payments?: boolean;
  /** Reads signed results (documents/signed/*) to hand them out by short-lived link. */
  readonly readSignedResults?: boolean;
  /** Knows the certificates of the results signing key, to tell documents signed here. */
  readonly trustsSigningCertificates?: boolean;
  /** Makes or checks verification and download-link tokens (VERIFY_TOKEN_KEY). */
  readonly verifyTokens?: boolean;
  /** Links to the site (PUBLIC_BASE_URL): the gateway's return, result downloads. */
  readonly linksToSite?: boolean;
}

/** The officials' case view and their actions on it answer the same view: the same access, two functions. */
const OFFICIAL_CASE_WORK = {
  table: 'readwrite',
  readDocuments: true,
  verifyTokens: true,
  linksToSite: true,
} as const satisfies Omit<GroupAccess, 'description'>;

/** The browser's payment routes and the gateway's notification talk to the same gateway: two functions. */
const GATEWAY_WORK = {
  table: 'readwrite',
  payments: true,
  linksToSite: true,
  memorySize: 512,
} as const satisfies Omit<GroupAccess, 'description'>;

/**
 * What each group may touch, for every group of `FunctionGroup` but `local` (a group missing here fails
 * typecheck). One function per group rather than per route, so that a session warms few functions; groups split
 * by what they touch, and where routes' needs differ by what their bundles weigh, so that each interactive
 * function stays within its budget (bench/bundle-budget.ts): officials' reads apart from their actions, the
 * browser's payment routes apart from the gateway's notification, drafts apart from submissions.
 */
const GROUP_ACCESS: Record<DeployedGroup, GroupAccess> = {
  public: {
    description: 'Catalogue and OpenAPI (public, no storage)',
    table: 'none',
    memorySize: 512,
  },
  // Writes only its failed-attempt counters (rate limiting wrong PINs and tokens), which expire by TTL.
  tracking: {
    description: 'Public case tracking by code and PIN, verification by QR code, and the health check',
    table: 'readwrite',
    memorySize: 512,
    verifyTokens: true,
  },
  // Makes the signed result's short-lived download link.
  applicant: {
    description: 'Cases and withdrawals of an applicant',
    table: 'readwrite',
    verifyTokens: true,
    linksToSite: true,
  },
  uploads: { description: 'Presigned uploads into quarantine', table: 'readwrite', signUploads: true },
  // Claims uploads the verifier checked as they landed: the table only, no document storage.
  submit: {
    description: 'Submissions and supplements: validate the form, claim verified uploads',
    table: 'readwrite',
    sealsSecrets: true,
  },
  // Apart from submissions: a draft's form data is not validated, so this function carries no catalogue.
  drafts: {
    description: 'Drafts of applications: keep the uploads they name alive',
    table: 'readwrite',
  },
  queue: { description: "An agency's queue and its counts, for its officials", table: 'read' },
  // Writes the audit trail of each read.
  official: { description: 'Case view, audit trail and documents of officials', ...OFFICIAL_CASE_WORK },
  // Apart from the reads so that each stays within the interactive budget: answers the case view (download links).
  'case-actions': {
    description: 'Officials acting on a case: transitions, result claims, hand-offs',
    ...OFFICIAL_CASE_WORK,
  },
  // ---- Level 4 ----
  payments: {
    description: "Online fees: start a payment, the gateway's return (holds the merchant secret)",
    ...GATEWAY_WORK,
  },
  // Apart from the routes the browser calls: only this one settles a case, and carries what that takes.
  'payment-notifications': {
    description: "The payment gateway's notification (IPN): settles a payment (holds the merchant secret)",
    ...GATEWAY_WORK,
  },
  webhooks: {
    description: "Businesses' webhook endpoints: register, list, delete (seals their secrets)",
    table: 'readwrite',
    sealsSecrets: true,
    memorySize: 512,
  },
  verification: {
    description: 'Checks a PDF against the platform signatures; serves signed results by short-lived link',
    table: 'readwrite',
    readSignedResults: true,
    trustsSigningCertificates: true,
    verifyTokens: true,
  },
  // PDF code and fonts (about 2.3 MB): their own function. Writes the audit trail of each download; its QR codes
  // carry verification links (the site's address and the verification token).
  forms: {
    description: 'One-stop forms (Mau 01-06) as PDF and CSV',
    table: 'readwrite',
    verifyTokens: true,
    linksToSite: true,
    memorySize: 1536,
  },
  stats: { description: 'Public statistics, from counters', table: 'read', memorySize: 512 },
};

/** The memory of a group's function (docs/cost.md prices its GB-seconds). */
export function groupMemorySize(group: DeployedGroup): number {
  const access = GROUP_ACCESS[group];
  if (!access) throw new Error(`No function group named ${group}`);
  return access.memorySize ?? DEFAULT_MEMORY_MB;
}

export interface FunctionsProps {
  /** Every route of the contract; local-only routes are skipped. */
  readonly routes: readonly RouteDeclaration[];
  readonly table: ITable;
  readonly documents: IBucket;
  /** Key that seals tracking PINs (32 random bytes, base64). */
  readonly sealKey: ISecret;
  /** Key of verification links (QR codes) and result download links (32+ random bytes, base64). */
  readonly verifyTokenKey: ISecret;
  /** The payment gateway: terminal code, payment page, and the hash secret in Secrets Manager. */
  readonly vnpay: { readonly tmnCode: string; readonly paymentUrl: string; readonly hashSecret: ISecret };
  /** The site's origin, for links back to it (the gateway's return, result downloads). */
  readonly publicBaseUrl: string;
  /** The certificate(s) of the results signing key, base64 DER, comma-separated; none until issued. */
  readonly signingCertificates?: string;
  /** Environment shared by every HTTP function (the CDN's client-address header). */
  readonly environment: Record<string, string>;
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
      this.grantDocuments(fn, props.documents, access);
      if (access.sealsSecrets) {
        // A dynamic reference: the key is resolved at deploy time and never appears in the template.
        fn.addEnvironment(ENV.sealKey, props.sealKey.secretValue.unsafeUnwrap());
      }
      this.configureLevel4(fn, access, props);
      this.byGroup.set(group, fn);
    }
  }

  /** Level 4: links, tokens, the payment gateway and the signing certificates, each only where it is used. */
  private configureLevel4(fn: MotcuaFunction, access: GroupAccess, props: FunctionsProps): void {
    // Secrets by dynamic reference: resolved at deploy time, never in the template.
    if (access.verifyTokens) {
      fn.addEnvironment(ENV.verifyTokenKey, props.verifyTokenKey.secretValue.unsafeUnwrap());
    }
    if (access.linksToSite) fn.addEnvironment(ENV.publicBaseUrl, props.publicBaseUrl);
    if (access.payments) {
      fn.addEnvironment(ENV.vnpayTmnCode, props.vnpay.tmnCode);
      fn.addEnvironment(ENV.vnpayPaymentUrl, props.vnpay.paymentUrl);
      fn.addEnvironment(ENV.vnpayHashSecret, props.vnpay.hashSecret.secretValue.unsafeUnwrap());
    }
    if (access.trustsSigningCertificates) {
      fn.addEnvironment(ENV.signingMode, 'kms');
      if (props.signingCertificates) fn.addEnvironment(ENV.signingCertificates, props.signingCertificates);
    }
  }

  private grantDocuments(fn: MotcuaFunction, bucket: IBucket, access: GroupAccess): void {
    const quarantined = bucket.arnForObjects(`${QUARANTINE_PREFIX}*`);
    const documents = bucket.arnForObjects(`${DOCUMENTS_PREFIX}*`);
    const prefixes: string[] = [];
    if (access.signUploads) {
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:PutObject'], resources: [quarantined] }),
      );
      prefixes.push(QUARANTINE_PREFIX);
    }
    if (access.readDocuments) {
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({ actions: ['s3:GetObject'], resources: [documents] }),
      );
      prefixes.push(DOCUMENTS_PREFIX);
    }
    if (access.readSignedResults) {
      fn.role.addToPrincipalPolicy(
        new PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [bucket.arnForObjects(`${SIGNED_RESULTS_PREFIX}*`)],
        }),
      );
      prefixes.push(SIGNED_RESULTS_PREFIX);
    }
    if (prefixes.length === 0) return;
    // The bucket's name goes with the grants, as the table's does: a function without them never reads it.
    fn.addEnvironment(ENV.documentsBucket, bucket.bucketName);
    acknowledge(
      fn.role,
      'Object keys are random per upload, so access is granted per prefix of the documents bucket: quarantine/* (where presigned forms post), documents/* (checked copies) and documents/signed/* (signed results), never the whole bucket.',
      ...[...new Set(prefixes)].map(
        (prefix) => `AwsSolutions-IAM5[Resource::${arnToken(bucket)}/${prefix}*]`,
      ),
    );
  }
}

function pascal(name: string): string {
  return name.replace(/(^|[-_ ])(\w)/g, (_, __, letter: string) => letter.toUpperCase());
}

// What a province configures, read from CDK context (`cdk.json` or `-c key=value`) into one typed object.
import { readFileSync } from 'node:fs';
import type { Node } from 'constructs';

export type Environment = 'dev' | 'prod';

/** An OpenID Connect provider (VNeID) federated into the Cognito user pool. */
export interface OidcFederation {
  /** Issuer URL; its `/.well-known/openid-configuration` must be reachable by Cognito. */
  readonly issuer: string;
  readonly clientId: string;
  /** Name of the Secrets Manager secret holding the client secret (a plain string). */
  readonly clientSecretName: string;
  /** @default ['openid', 'profile'] */
  readonly scopes: readonly string[];
}

export interface DeploymentConfig {
  readonly env: Environment;
  /** Retain data on stack deletion and turn deletion protection on. */
  readonly retainData: boolean;
  /** Public host name of the site, e.g. `dichvucong.example.gov.vn`; the API is served under it at `/api`. */
  readonly domainName?: string;
  /** ACM certificate for `domainName`, in us-east-1 (CloudFront requires it there). */
  readonly certificateArn?: string;
  /** Route 53 hosted zone to create the alias records in (id and name both needed). */
  readonly hostedZoneId?: string;
  readonly hostedZoneName?: string;
  /** Sender of the notification e-mails; its domain (or the address) must be a verified SES identity. */
  readonly sesFromAddress: string;
  /** The SES identity the notifier may send as (a domain or an address). @default the domain of sesFromAddress */
  readonly sesIdentity: string;
  /** Send SMS through SNS. @default true */
  readonly smsEnabled: boolean;
  /** Alphanumeric SMS sender id registered for Vietnam (brandname), if any. */
  readonly smsSenderId?: string;
  /** VNeID (or another OIDC provider) federation; off unless its issuer and client id are set. */
  readonly vneid?: OidcFederation;
  /** Prefix of the Cognito hosted sign-in domain. @default `motcua-<env>-<account id>` */
  readonly authDomainPrefix?: string;
  /** `plus` turns on Cognito threat protection (charged per active user). @default 'plus' */
  readonly cognitoFeaturePlan: 'plus' | 'essentials';
  /** E-mail address subscribed to the alarms topic. */
  readonly alarmEmail?: string;
  /** A WAF web ACL (scope CLOUDFRONT, in us-east-1) to attach to the distribution. */
  readonly webAclArn?: string;
  /** GuardDuty Malware Protection for S3 on the quarantine prefix. @default 'guardduty' */
  readonly malwareScan: 'guardduty' | 'none';
  /** Days before an unclaimed upload in `quarantine/` is deleted. @default 2 */
  readonly quarantineDays: number;
  /** Days to keep function and access logs. @default 14 (dev), 365 (prod) */
  readonly logRetentionDays: number;
  /** Steady-state request rate per second of the API stage. @default 100 */
  readonly throttleRate: number;
  /** Burst of the API stage. @default 200 */
  readonly throttleBurst: number;
  // ---- Level 4 ----
  /** The merchant's terminal code at VNPay (`vnp_TmnCode`); its hash secret goes in Secrets Manager. */
  readonly vnpayTmnCode: string;
  /** VNPay's payment page. @default the sandbox, `https://sandbox.vnpayment.vn/paymentv2/vpcpay.html` */
  readonly vnpayPaymentUrl: string;
  /**
   * The certificate issued for the results signing key's public key, base64 DER (from the PEM file named by
   * `signingCertificateFile`); older ones after it, comma-separated. Results are not signed until it is set.
   */
  readonly signingCertificates?: string;
  /** Requests per second of each public level-4 route (payment callbacks, verification). @default 10 */
  readonly publicRouteRate: number;
  /** A step of a deployed table's move to the narrow gsi1 and gsi2 (docs/deploy.md); unset once done or when new. */
  readonly indexNarrowingStep?: IndexNarrowingStep;
}

/** The deploys before the last that move a table's gsi1 and gsi2 from projecting ALL to their narrow projections. */
export const INDEX_NARROWING_STEPS = ['1', '2', '3'] as const;
export type IndexNarrowingStep = (typeof INDEX_NARROWING_STEPS)[number];

/** The base64 DER of every certificate in a PEM text, comma-separated (the first is the one that signs). */
export function certificatesFromPem(pem: string): string {
  const blocks = [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map(
    (match) => match[1]!.replace(/\s+/g, ''),
  );
  if (blocks.length === 0) throw new Error('signingCertificateFile holds no PEM certificate');
  return blocks.join(',');
}

/** Reads the deployment configuration from context; an unknown environment or a half-set option fails synth. */
export function readConfig(node: Node): DeploymentConfig {
  const text = (key: string): string | undefined => {
    const value = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    return String(value);
  };
  const flag = (key: string, fallback: boolean): boolean => {
    const value = text(key);
    return value === undefined ? fallback : !['false', '0', 'no', 'off'].includes(value.toLowerCase());
  };
  const int = (key: string, fallback: number): number => {
    const value = text(key);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0)
      throw new Error(`Context ${key} must be a positive integer`);
    return parsed;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const value = text(key) ?? fallback;
    if (!allowed.includes(value as T)) throw new Error(`Context ${key} must be one of ${allowed.join(', ')}`);
    return value as T;
  };

  const env = oneOf<Environment>('env', ['dev', 'prod'], 'dev');
  const domainName = text('domainName');
  const certificateArn = text('certificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error(
      'Context domainName and certificateArn go together (the certificate must be in us-east-1)',
    );
  }
  const sesFromAddress = text('sesFromAddress') ?? `no-reply@${domainName ?? 'example.invalid'}`;
  const vneidIssuer = text('vneidIssuer');
  const vneidClientId = text('vneidClientId');
  const vneidClientSecretName = text('vneidClientSecretName');
  if (vneidIssuer !== undefined && (vneidClientId === undefined || vneidClientSecretName === undefined)) {
    throw new Error('Context vneidIssuer needs vneidClientId and vneidClientSecretName');
  }

  const signingCertificateFile = text('signingCertificateFile');
  return {
    env,
    retainData: env === 'prod',
    domainName,
    certificateArn,
    hostedZoneId: text('hostedZoneId'),
    hostedZoneName: text('hostedZoneName'),
    sesFromAddress,
    sesIdentity: text('sesIdentity') ?? sesFromAddress.slice(sesFromAddress.indexOf('@') + 1),
    smsEnabled: flag('sms', true),
    smsSenderId: text('smsSenderId'),
    vneid:
      vneidIssuer && vneidClientId && vneidClientSecretName
        ? {
            issuer: vneidIssuer,
            clientId: vneidClientId,
            clientSecretName: vneidClientSecretName,
            scopes: (text('vneidScopes') ?? 'openid profile').split(/[\s,]+/).filter(Boolean),
          }
        : undefined,
    authDomainPrefix: text('authDomainPrefix'),
    cognitoFeaturePlan: oneOf('cognitoFeaturePlan', ['plus', 'essentials'], 'plus'),
    alarmEmail: text('alarmEmail'),
    webAclArn: text('webAclArn'),
    malwareScan: oneOf('malwareScan', ['guardduty', 'none'], 'guardduty'),
    quarantineDays: int('quarantineDays', 2),
    logRetentionDays: int('logRetentionDays', env === 'prod' ? 365 : 14),
    throttleRate: int('throttleRate', 100),
    throttleBurst: int('throttleBurst', 200),
    vnpayTmnCode: text('vnpayTmnCode') ?? 'CHANGEME',
    vnpayPaymentUrl: text('vnpayPaymentUrl') ?? 'https://sandbox.vnpayment.vn/paymentv2/vpcpay.html',
    signingCertificates: signingCertificateFile
      ? certificatesFromPem(readFileSync(signingCertificateFile, 'utf8'))
      : undefined,
    publicRouteRate: int('publicRouteRate', 10),
    indexNarrowingStep: text('indexNarrowingStep')
      ? oneOf('indexNarrowingStep', INDEX_NARROWING_STEPS, '1')
      : undefined,
  };
}

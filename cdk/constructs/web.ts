// The web: `web/` in a private bucket behind CloudFront, with the API under the same domain at `/api/*`.
import { existsSync, readdirSync } from 'node:fs';
import { Aws, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AaaaRecord, ARecord, HostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53';
import { CloudFrontTarget } from 'aws-cdk-lib/aws-route53-targets';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge, arnToken } from '../nag';

/** Header that carries the viewer's address from CloudFront to the handlers. */
export const CLIENT_IP_HEADER = 'x-motcua-client-ip';

export interface WebProps {
  /** The HTTP API served at `/api/*`. */
  readonly httpApi: IHttpApi;
  /** Host that browsers post uploads to (the documents bucket's regional endpoint), allowed by the CSP. */
  readonly uploadHost: string;
  /** Cognito hosts the web talks to (hosted sign-in domain), allowed by the CSP. @default [] */
  readonly authHosts?: readonly string[];
  /** Where server access logs and CloudFront logs go. */
  readonly accessLogs: IBucket;
  /** Custom domain; requires `certificateArn`. @default the distribution's cloudfront.net domain */
  readonly domainName?: string;
  /** ACM certificate (us-east-1) for `domainName`. */
  readonly certificateArn?: string;
  /** Route 53 zone for the alias records of `domainName`. @default no records (DNS is managed elsewhere) */
  readonly hostedZone?: { readonly id: string; readonly name: string };
  /** WAF web ACL (scope CLOUDFRONT). @default none */
  readonly webAclArn?: string;
  /** Retain the web bucket when the stack is deleted. */
  readonly retainData: boolean;
}

/** Static pages under `/` and the API under `/api/*` on one origin: the browser needs no CORS for the API. */
export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly responseHeaders: ResponseHeadersPolicy;
  /** `https://` and the public host name. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Site', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'web/',
      removalPolicy: props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    this.responseHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HSTS, CSP (frame-ancestors none), no sniffing, no referrer leak',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          preload: true,
          override: true,
        },
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy(props.uploadHost, props.authHosts ?? []),
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
          override: true,
        },
      },
    });

    const apiHost = Fn.join('', [props.httpApi.apiId, '.execute-api.', Aws.REGION, '.', Aws.URL_SUFFIX]);
    const certificate = props.certificateArn
      ? Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn)
      : undefined;
    // Behind CloudFront, API Gateway's sourceIp is an edge server shared by many citizens: rate limits per
    // client would then lock out a whole city. The viewer's own address is stamped here, over any value the
    // client sent, and the handlers read it (CLIENT_IP_HEADER).
    const clientAddress = new CloudFrontFunction(this, 'ClientAddress', {
      comment: 'Stamps the viewer address on API requests',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(
        `function handler(event) { event.request.headers['${CLIENT_IP_HEADER}'] = { value: event.viewer.ip }; return event.request; }`,
      ),
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Một cửa: web and API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.responseHeaders,
        compress: true,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new HttpOrigin(apiHost, {
            protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
            originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          }),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // Answers are per caller: never cached; every viewer header but Host (API Gateway routes on its own host).
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.responseHeaders,
          functionAssociations: [{ function: clientAddress, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
      },
      ...(props.domainName && certificate
        ? {
            domainNames: [props.domainName],
            certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Class 200 includes the edge locations in Viet Nam.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: props.accessLogs,
      logFilePrefix: 'cloudfront/',
      ...(props.webAclArn ? { webAclId: props.webAclArn } : {}),
    });
    this.origin = `https://${props.domainName ?? this.distribution.distributionDomainName}`;

    if (props.domainName && props.hostedZone) {
      const zone = HostedZone.fromHostedZoneAttributes(this, 'Zone', {
        hostedZoneId: props.hostedZone.id,
        zoneName: props.hostedZone.name,
      });
      const target = RecordTarget.fromAlias(new CloudFrontTarget(this.distribution));
      new ARecord(this, 'AliasV4', { zone, recordName: props.domainName, target });
      new AaaaRecord(this, 'AliasV6', { zone, recordName: props.domainName, target });
    }

    acknowledge(
      this.distribution,
      'No geo restriction: Vietnamese citizens abroad (workers, students) use the province’s services too.',
      'AwsSolutions-CFR1',
    );
    if (!props.webAclArn) {
      acknowledge(
        this.distribution,
        'A CLOUDFRONT-scope WAF web ACL must live in us-east-1, outside this regional stack: the province attaches one through context webAclArn; the API stage is throttled meanwhile.',
        'AwsSolutions-CFR2',
      );
    }
    if (!props.domainName) {
      acknowledge(
        this.distribution,
        'Without a custom domain the distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; with context domainName and certificateArn the minimum is TLSv1.2_2021.',
        'AwsSolutions-CFR4',
      );
    }
  }

  /**
   * Uploads the static site in `siteDirectory` and a `config.json` the pages read at start-up (pool,
   * client, sign-in domain: values known only at deploy time). Nothing is deployed if the directory is empty.
   */
  deploySite(siteDirectory: string, config: Record<string, string>, logRetention: RetentionDays): void {
    if (!existsSync(siteDirectory) || readdirSync(siteDirectory).length === 0) return;
    const stack = Stack.of(this);
    const logGroup = new LogGroup(this, 'DeploymentLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An own role with exact actions: the construct's default grants use wildcard actions (s3:GetObject*, s3:List*).
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies web/ into the site bucket and invalidates the distribution',
    });
    logGroup.grantWrite(role);
    const qualifier = stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') ?? 'hnb659fds';
    const stagingBucket = `arn:${Aws.PARTITION}:s3:::cdk-${qualifier}-assets-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
    role.addToPolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [`${stagingBucket}/*`] }));
    role.addToPolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }));
    role.addToPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['cloudfront:CreateInvalidation', 'cloudfront:GetInvalidation'],
        resources: [
          stack.formatArn({
            service: 'cloudfront',
            region: '',
            resource: 'distribution',
            resourceName: this.distribution.distributionId,
          }),
        ],
      }),
    );

    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [Source.asset(siteDirectory), Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      // The construct's own grants would add wildcard actions: it gets the role as is.
      role: role.withoutPolicyUpdates(),
      logGroup,
      memoryLimit: 512,
    });
    deployment.node.addDependency(role);

    acknowledge(
      role,
      'The deployment reads its zipped sources from the CDK staging bucket (named by bootstrap, keys by content hash) and replaces every object of the site bucket: both are per-object wildcards on one bucket each.',
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>/*]`,
      `AwsSolutions-IAM5[Resource::${arnToken(this.bucket)}/*]`,
    );
    // The copying function is the construct's singleton, created at the stack's root.
    for (const child of stack.node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      acknowledge(
        child,
        'The runtime of the CDK BucketDeployment function (Python, with the AWS CLI layer) is chosen by aws-cdk-lib and moves with its upgrades; it runs only during deployments.',
        'AwsSolutions-L1',
      );
    }
  }
}

/**
 * Only the site's own scripts, styles and images; `fetch` to the API (same origin), the documents bucket
 * (presigned POST uploads) and Cognito; never framed by anyone.
 */
function contentSecurityPolicy(uploadHost: string, authHosts: readonly string[]): string {
  const connect = ["'self'", `https://${uploadHost}`, ...authHosts.map((host) => `https://${host}`)];
  return [
    "default-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${authHosts.map((host) => `https://${host}`).join(' ')}`.trim(),
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

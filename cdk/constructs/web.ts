// The web: the site built from `web/` in a private bucket behind CloudFront, with the API under the same domain
// at `/api/*`.
import { existsSync, readdirSync } from 'node:fs';
import { AssetHashType, Aws, DockerImage, Duration, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
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
  type HeadersFrameOption,
  type HeadersReferrerPolicy,
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
import { BucketDeployment, CacheControl, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { buildWebSync } from '../../web/build/build';
import { ASSETS_DIR, WEB_SOURCE_DIR } from '../../web/build/paths';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../../web/build/security-headers';
import type { SiteConfig } from '../../web/lib/config';
import { acknowledge, arnToken } from '../nag';

/** CloudFront Function: `/procedures/x/` and `/procedures/x` are the object `procedures/x/index.html`. */
export const DIRECTORY_INDEX_FUNCTION =
  "function handler(event) { var r = event.request; if (r.uri.endsWith('/')) { r.uri += 'index.html'; } else if (r.uri.lastIndexOf('.') < r.uri.lastIndexOf('/')) { r.uri += '/index.html'; } return r; }";

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

    const hsts = SECURITY_HEADERS.strictTransportSecurity;
    this.responseHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'HSTS, CSP (frame-ancestors none), no sniffing, no referrer leak',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds),
          includeSubdomains: hsts.includeSubdomains,
          preload: hsts.preload,
          override: true,
        },
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy({
            uploadOrigins: [`https://${props.uploadHost}`],
            authOrigins: (props.authHosts ?? []).map((host) => `https://${host}`),
          }),
          override: true,
        },
        frameOptions: { frameOption: SECURITY_HEADERS.frameOptions as HeadersFrameOption, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          referrerPolicy: SECURITY_HEADERS.referrerPolicy as HeadersReferrerPolicy,
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
    // Pages live at `/procedures/<id>/` as `procedures/<id>/index.html`: S3 behind OAC has no directory index.
    const directoryIndex = new CloudFrontFunction(this, 'DirectoryIndex', {
      comment: 'Serves index.html for directory addresses of the site',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(DIRECTORY_INDEX_FUNCTION),
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
        functionAssociations: [{ function: directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
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
   * Uploads the site and a `config.json` the pages read (pool, client, sign-in domain: values known only at
   * deploy time). Without `siteDirectory` the site is built from `web/` during synth (web/build/build.ts, as the
   * asset's local bundling step); a given directory that is empty deploys nothing. Content-hashed `assets/` are
   * cached for ever and kept across deployments (a page cached before still finds its script); pages are kept
   * 5 minutes by browsers and until the deployment's invalidation by CloudFront.
   */
  deploySite(siteDirectory: string | undefined, config: SiteConfig, logRetention: RetentionDays): void {
    if (
      siteDirectory !== undefined &&
      (!existsSync(siteDirectory) || readdirSync(siteDirectory).length === 0)
    ) {
      return;
    }
    const site: ISource =
      siteDirectory !== undefined
        ? Source.asset(siteDirectory)
        : Source.asset(WEB_SOURCE_DIR, {
            assetHashType: AssetHashType.OUTPUT,
            bundling: {
              // Never pulled: the local build always runs (esbuild is a dependency of the repository).
              image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22-slim'),
              local: {
                tryBundle(outputDir) {
                  buildWebSync(outputDir);
                  return true;
                },
              },
            },
          });
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

    const common = {
      destinationBucket: this.bucket,
      // The construct's own grants would add wildcard actions: it gets the role as is.
      role: role.withoutPolicyUpdates(),
      logGroup,
      memoryLimit: 512,
    };
    const assets = new BucketDeployment(this, 'Assets', {
      ...common,
      sources: [site],
      exclude: ['*'],
      include: [`${ASSETS_DIR}/*`],
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const pages = new BucketDeployment(this, 'Deployment', {
      ...common,
      sources: [site, Source.jsonData('config.json', config)],
      exclude: [`${ASSETS_DIR}/*`],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      cacheControl: [CacheControl.fromString('public, max-age=300, s-maxage=31536000')],
    });
    assets.node.addDependency(role);
    pages.node.addDependency(assets);

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

// The production stack: data, sign-in, API and functions, notifications, web and operations, in build order.
import { Aws, CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ENV } from '../functions/commons/environment';
import {
  routes as contractRoutes,
  queueConsumers,
  type RouteDeclaration,
  streamConsumers,
  uploadVerifier,
} from '../functions/routes';
import { REPOSITORY_ROOT, writeConsumerEntry } from './bundling';
import type { DeploymentConfig } from './config';
import { Api } from './constructs/api';
import { Auth } from './constructs/auth';
import { Data } from './constructs/data';
import { Functions } from './constructs/functions';
import { Monitoring } from './constructs/monitoring';
import { Notifications } from './constructs/notifications';
import { ResultSigning } from './constructs/signing';
import { StreamTallies } from './constructs/stream-tallies';
import { UploadChecks } from './constructs/uploads';
import { CLIENT_IP_HEADER, Web } from './constructs/web';
import { Webhooks } from './constructs/webhooks';
import { acknowledge } from './nag';

export interface MotcuaStackProps extends StackProps {
  readonly config: DeploymentConfig;
  /** The route declaration to deploy. @default the contract's, from functions/routes.ts */
  readonly routes?: readonly RouteDeclaration[];
  /**
   * Directory that handler entries (`functions/http/...`) are resolved against; tests point it at stand-ins.
   * @default the repository root
   */
  readonly sourceRoot?: string;
  /** Directory of a built site to deploy. @default the site built from `web/` during synth */
  readonly siteDirectory?: string;
}

export class MotcuaStack extends Stack {
  readonly data: Data;
  readonly api: Api;
  readonly web: Web;
  readonly auth: Auth;
  readonly functions: Functions;
  readonly notifications: Notifications;
  readonly uploadChecks: UploadChecks;
  readonly tallies: StreamTallies;
  readonly monitoring: Monitoring;
  readonly signing: ResultSigning;
  readonly webhooks: Webhooks;

  constructor(scope: Construct, id: string, props: MotcuaStackProps) {
    super(scope, id, props);
    const { config } = props;
    const routes = props.routes ?? contractRoutes;
    const sourceRoot = props.sourceRoot ?? REPOSITORY_ROOT;
    // What a production stack keeps when it is deleted (its logs, secrets and keys); a dev stack leaves nothing.
    const removalPolicy = config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const logRetentionDays = config.logRetentionDays;
    const customOrigin = config.domainName ? `https://${config.domainName}` : undefined;
    const authDomainPrefix = config.authDomainPrefix ?? `motcua-${config.env}-${Aws.ACCOUNT_ID}`;

    // With a custom domain its origin is known now; without one, the distribution's own host is the origin,
    // known only once CloudFront is created, after the bucket: uploads then come from that host.
    this.data = new Data(this, 'Data', {
      retainData: config.retainData,
      uploadOrigins: customOrigin ? [customOrigin] : [],
      malwareScan: config.malwareScan === 'guardduty',
      quarantineDays: config.quarantineDays,
      indexNarrowingStep: config.indexNarrowingStep,
    });

    this.api = new Api(this, 'Api', {
      // The web calls the API on its own origin through CloudFront: CORS only for the custom domain's
      // origin, for pages served elsewhere during a migration.
      corsOrigins: customOrigin ? [customOrigin] : [],
      throttleRate: config.throttleRate,
      throttleBurst: config.throttleBurst,
      logRetention: logRetentionDays as RetentionDays,
      logRemovalPolicy: removalPolicy,
    });

    this.web = new Web(this, 'Web', {
      httpApi: this.api.httpApi,
      uploadHost: this.data.documentsHost,
      authHosts: [
        `${authDomainPrefix}.auth.${Aws.REGION}.amazoncognito.com`,
        `cognito-idp.${Aws.REGION}.amazonaws.com`,
      ],
      accessLogs: this.data.accessLogs,
      domainName: config.domainName,
      certificateArn: config.certificateArn,
      hostedZone:
        config.hostedZoneId && config.hostedZoneName
          ? { id: config.hostedZoneId, name: config.hostedZoneName }
          : undefined,
      webAclArn: config.webAclArn,
      retainData: config.retainData,
    });
    if (!customOrigin) this.data.documents.addCorsRule(uploadCors(this.web.origin));

    this.auth = new Auth(this, 'Auth', {
      webOrigin: this.web.origin,
      domainPrefix: authDomainPrefix,
      retainData: config.retainData,
      featurePlan: config.cognitoFeaturePlan,
      vneid: config.vneid,
      logRetentionDays,
    });

    const sealKey = randomKeySecret(
      this,
      'SealKey',
      'Key that seals tracking PINs inside idempotency records',
      removalPolicy,
      'Rotating the seal key would make the sealed PINs of pending idempotency records (24 h) unreadable; the key is replaced by hand between deploys if ever exposed.',
    );
    // The key of the `t` token in the QR codes of forms and results (functions/domain/verify-token.ts).
    const verifyTokenKey = randomKeySecret(
      this,
      'VerifyTokenKey',
      'Key of the verification token in QR codes of forms and results, and of result download links',
      removalPolicy,
      'Printed forms carry tokens made with this key for years; it is rotated by hand, keeping the old key in the list (VERIFY_TOKEN_KEY takes several) while forms made with it are in circulation.',
    );

    // ---- Level 4: the key of the payment gateway ----
    const vnpayHashSecret = new Secret(this, 'VnpayHashSecret', {
      description: "The merchant's VNPay hash secret: put the one VNPay issued here, then deploy again",
      generateSecretString: { passwordLength: 32, excludePunctuation: true, includeSpace: false },
      removalPolicy,
    });
    acknowledge(
      vnpayHashSecret,
      'VNPay issues the merchant hash secret; it changes only when VNPay issues a new one, by hand.',
      'AwsSolutions-SMG4',
    );

    this.functions = new Functions(this, 'Functions', {
      routes,
      table: this.data.table,
      documents: this.data.documents,
      sealKey,
      verifyTokenKey,
      vnpay: {
        tmnCode: config.vnpayTmnCode,
        paymentUrl: config.vnpayPaymentUrl,
        hashSecret: vnpayHashSecret,
      },
      publicBaseUrl: this.web.origin,
      signingCertificates: config.signingCertificates,
      environment: { [ENV.clientIpHeader]: CLIENT_IP_HEADER },
      sourceRoot,
      logRetentionDays,
      logRemovalPolicy: removalPolicy,
    });
    this.api.addContractRoutes({
      routes,
      functions: this.functions.byGroup,
      userPool: this.auth.userPool,
      webClient: this.auth.webClient,
    });
    this.api.throttlePublicRoutes(
      routes.filter((route) => route.auth === 'none' && LEVEL4_PUBLIC_ROUTE.test(route.path)),
      config.publicRouteRate,
    );

    const consumer = (name: string) => {
      const found = streamConsumers.find((candidate) => candidate.name === name);
      if (!found) throw new Error(`functions/routes.ts declares no ${name} stream consumer`);
      return found;
    };
    const notifier = consumer('notifier');
    this.notifications = new Notifications(this, 'Notifications', {
      entry: writeConsumerEntry(notifier, sourceRoot),
      filter: notifier.filter,
      table: this.data.table,
      fromAddress: config.sesFromAddress,
      sesIdentity: config.sesIdentity,
      sms: config.smsEnabled,
      smsSenderId: config.smsSenderId,
      environment: { [ENV.publicBaseUrl]: this.web.origin },
      logRetentionDays,
      logRemovalPolicy: removalPolicy,
    });

    const janitor = consumer('upload-janitor');
    this.uploadChecks = new UploadChecks(this, 'Uploads', {
      bucket: this.data.documents,
      bucketName: this.data.documentsBucketName,
      table: this.data.table,
      verifier: uploadVerifier,
      janitor,
      malwareScan: config.malwareScan === 'guardduty',
      sourceRoot,
      logRetentionDays,
      logRemovalPolicy: removalPolicy,
    });

    const tallies = consumer('tallies');
    this.tallies = new StreamTallies(this, 'Tallies', {
      entry: writeConsumerEntry(tallies, sourceRoot),
      filter: tallies.filter,
      table: this.data.table,
      logRetentionDays,
      logRemovalPolicy: removalPolicy,
    });

    this.web.deploySite(
      props.siteDirectory,
      {
        environment: config.env,
        region: Aws.REGION,
        apiBaseUrl: '/api',
        userPoolId: this.auth.userPool.userPoolId,
        userPoolClientId: this.auth.webClient.userPoolClientId,
        authDomain: `${authDomainPrefix}.auth.${Aws.REGION}.amazoncognito.com`,
        identityProviders: config.vneid ? 'COGNITO,VNeID' : 'COGNITO',
      },
      logRetentionDays as RetentionDays,
    );

    const signer = consumer('result-signer');
    this.signing = new ResultSigning(this, 'Signing', {
      entry: writeConsumerEntry(signer, sourceRoot),
      filter: signer.filter,
      table: this.data.table,
      documents: this.data.documents,
      verifyTokenKey,
      publicBaseUrl: this.web.origin,
      certificates: config.signingCertificates,
      removalPolicy,
      logRetentionDays,
      logRemovalPolicy: removalPolicy,
    });
    const fanOut = consumer('webhook-fanout');
    const delivery = queueConsumers.find((candidate) => candidate.name === 'webhook-delivery');
    if (!delivery) throw new Error('functions/routes.ts declares no webhook-delivery queue consumer');
    this.webhooks = new Webhooks(this, 'Webhooks', {
      fanOutEntry: writeConsumerEntry(fanOut, sourceRoot),
      fanOutFilter: fanOut.filter,
      deliveryEntry: writeConsumerEntry(delivery, sourceRoot),
      delivery,
      table: this.data.table,
      sealKey,
      logRetentionDays,
      logRemovalPolicy: removalPolicy,
    });

    const functions = new Map([
      ...this.functions.byGroup,
      ['notifier', this.notifications.notifier],
      ['tallies', this.tallies.counter],
    ]);
    functions.set('tokenClaims', this.auth.tokenClaims);
    functions.set('uploadVerifier', this.uploadChecks.verifier);
    functions.set('uploadJanitor', this.uploadChecks.janitor);
    functions.set('resultSigner', this.signing.signer);
    functions.set('webhookFanOut', this.webhooks.fanOut);
    functions.set('webhookDeliverer', this.webhooks.deliverer);
    this.monitoring = new Monitoring(this, 'Monitoring', {
      httpApi: this.api.httpApi,
      functions,
      deadLetters: this.notifications.deadLetters,
      notifier: this.notifications.notifier,
      moreDeadLetters: [
        {
          name: 'UploadDeadLetters',
          queue: this.uploadChecks.deadLetters,
          what: 'Upload events the verifier, or stream batches the janitor, gave up on',
        },
        {
          name: 'ResultSigningDeadLetters',
          queue: this.signing.deadLetters,
          what: 'Results the signer gave up on',
        },
        {
          name: 'WebhookDeadLetters',
          queue: this.webhooks.deadLetters,
          what: 'Webhook deliveries that errored',
        },
        {
          name: 'WebhookFanOutDeadLetters',
          queue: this.webhooks.fanOutDeadLetters,
          what: 'Status changes the webhook fan-out gave up on',
        },
        {
          name: 'TalliesDeadLetters',
          queue: this.tallies.deadLetters,
          what: 'Stream batches the counter of cases gave up on',
        },
      ],
      alarmEmail: config.alarmEmail,
      name: this.stackName,
    });

    new CfnOutput(this, 'SiteUrl', { value: this.web.origin, description: 'The web, with the API at /api' });
    new CfnOutput(this, 'ApiEndpoint', { value: this.api.httpApi.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.auth.webClient.userPoolClientId });
    new CfnOutput(this, 'DocumentsBucket', { value: this.data.documents.bucketName });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
  }
}

/** The public routes of level 4 (payment callbacks, verification, result downloads), throttled on their own. */
const LEVEL4_PUBLIC_ROUTE = /^\/api\/(payments|verify|results)(\/|$)/;

/**
 * 32 random bytes (for AES-256-GCM, for an HMAC), as base64 without padding: 43 characters of [A-Za-z0-9] decode to
 * 32 bytes. Not rotated automatically; `whyNotRotated` says why, for cdk-nag.
 */
function randomKeySecret(
  scope: Construct,
  id: string,
  description: string,
  removalPolicy: RemovalPolicy,
  whyNotRotated: string,
) {
  const secret = new Secret(scope, id, {
    description,
    generateSecretString: { passwordLength: 43, excludePunctuation: true, includeSpace: false },
    removalPolicy,
  });
  acknowledge(secret, whyNotRotated, 'AwsSolutions-SMG4');
  return secret;
}

function uploadCors(origin: string) {
  return {
    // Uploads are posted; the console reads documents back to show them in the page.
    allowedMethods: [HttpMethods.POST, HttpMethods.GET],
    allowedOrigins: [origin],
    allowedHeaders: ['*'],
    maxAge: 3000,
  };
}

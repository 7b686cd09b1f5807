// The AWS stack, checked on its synthesized templates: contract routes, authorization, data safety, least
// privilege, and cdk-nag's AwsSolutions pack. One dev synth bundles for real; the prod synth skips bundling.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeGroupEntry } from '../../cdk/bundling';
import { readConfig } from '../../cdk/config';
import { MotcuaStack } from '../../cdk/stack';
import { queueConsumers, routes, streamConsumers } from '../../functions/routes';

type Resources = Record<
  string,
  { Type: string; Properties?: Record<string, unknown>; [key: string]: unknown }
>;

const deployedRoutes = routes.filter((route) => !route.localOnly);
const localRoutes = routes.filter((route) => route.localOnly);

/** `MOTCUA_CDK_SOURCE_ROOT=/tmp/cdk-stubs` synthesizes against stand-in handlers while the real ones are unfinished. */
const sourceRoot = process.env.MOTCUA_CDK_SOURCE_ROOT || undefined;

function synth(env: 'dev' | 'prod', bundle: boolean) {
  const context: Record<string, unknown> = { env };
  if (!bundle) context['aws:cdk:bundling-stacks'] = [];
  const app = new App({ outdir: mkdtempSync(join(tmpdir(), `motcua-cdk-${env}-`)), context });
  const site = mkdtempSync(join(tmpdir(), 'motcua-site-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>Một cửa</title>');
  const stack = new MotcuaStack(app, `Motcua-${env}`, {
    config: readConfig(app.node),
    sourceRoot,
    siteDirectory: site,
  });
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackByName(stack.stackName).template);
  return { app, stack, template, resources: template.toJSON().Resources as Resources };
}

let dev: ReturnType<typeof synth>;
let prod: ReturnType<typeof synth>;

beforeAll(() => {
  dev = synth('dev', true);
  prod = synth('prod', false);
}, 180_000);

function ofType(resources: Resources, type: string) {
  return Object.entries(resources).filter(([, resource]) => resource.Type === type);
}

describe('HTTP API', () => {
  it('has exactly one route per contract route, and no local-only route', () => {
    const keys = ofType(dev.resources, 'AWS::ApiGatewayV2::Route').map(
      ([, route]) => route.Properties?.RouteKey,
    );
    expect(keys.sort()).toEqual(deployedRoutes.map((route) => `${route.method} ${route.path}`).sort());
    expect(localRoutes.length).toBeGreaterThan(0);
    expect(keys.some((key) => String(key).includes('/api/local/'))).toBe(false);
  });

  it('puts private routes behind the Cognito JWT authorizer and leaves public ones open', () => {
    const [[authorizerId, authorizer]] = ofType(dev.resources, 'AWS::ApiGatewayV2::Authorizer') as [
      [string, Resources[string]],
    ];
    expect(authorizer.Properties).toMatchObject({ AuthorizerType: 'JWT' });
    expect(JSON.stringify(authorizer.Properties?.JwtConfiguration)).toContain('cognito-idp');
    const byKey = new Map(
      ofType(dev.resources, 'AWS::ApiGatewayV2::Route').map(([, route]) => [
        route.Properties?.RouteKey,
        route,
      ]),
    );
    for (const route of deployedRoutes) {
      const properties = byKey.get(`${route.method} ${route.path}`)?.Properties ?? {};
      if (route.auth === 'jwt') {
        expect(properties, route.path).toMatchObject({
          AuthorizationType: 'JWT',
          AuthorizerId: { Ref: authorizerId },
        });
      } else {
        expect(properties.AuthorizerId, route.path).toBeUndefined();
        expect(properties.AuthorizationType ?? 'NONE', route.path).toBe('NONE');
      }
    }
  });

  it('sends the routes of one group to one function', () => {
    const integrations = ofType(dev.resources, 'AWS::ApiGatewayV2::Integration');
    expect(integrations).toHaveLength(new Set(deployedRoutes.map((route) => route.group)).size);
  });

  it('throttles the stage and writes access logs', () => {
    dev.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('routeKey') },
    });
  });
});

describe('data', () => {
  it('keeps the table on demand, recoverable, streamed, expiring and encrypted, with the core GSIs', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        // The queue and an applicant's list carry what their pages show, not the whole case (cheaper writes).
        Match.objectLike({
          IndexName: 'gsi1',
          KeySchema: [
            Match.objectLike({ AttributeName: 'gsi1pk' }),
            Match.objectLike({ AttributeName: 'gsi1sk' }),
          ],
          Projection: Match.objectLike({
            ProjectionType: 'INCLUDE',
            NonKeyAttributes: Match.arrayWith(['code', 'applicantName', 'status', 'dueAt', 'version']),
          }),
        }),
        Match.objectLike({
          IndexName: 'gsi2',
          KeySchema: [
            Match.objectLike({ AttributeName: 'gsi2pk' }),
            Match.objectLike({ AttributeName: 'gsi2sk' }),
          ],
          Projection: {
            ProjectionType: 'INCLUDE',
            NonKeyAttributes: [
              'code',
              'procedureId',
              'procedureName',
              'status',
              'submittedAt',
              'dueAt',
              'updatedAt',
            ],
          },
        }),
        // The queue's filters and the register: narrow projections, the queue's own order.
        ...['queueProcedurePk', 'queueAssigneePk', 'queueProcedureAssigneePk'].map((partitionKey) =>
          Match.objectLike({
            KeySchema: [
              Match.objectLike({ AttributeName: partitionKey }),
              Match.objectLike({ AttributeName: 'gsi1sk' }),
            ],
            Projection: Match.objectLike({ ProjectionType: 'INCLUDE' }),
          }),
        ),
        Match.objectLike({
          IndexName: 'registerByAgency',
          KeySchema: [
            Match.objectLike({ AttributeName: 'registerPk' }),
            Match.objectLike({ AttributeName: 'registerSk' }),
          ],
          Projection: Match.objectLike({ ProjectionType: 'INCLUDE' }),
        }),
      ],
    });
  });

  it("projects at most DynamoDB's 100 non-key attributes over all the table's indexes", () => {
    const tables = ofType(dev.resources, 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const indexes = tables[0]![1].Properties?.GlobalSecondaryIndexes as {
      Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
    }[];
    // None writes the whole case again; an attribute projected into two indexes counts twice.
    expect(indexes.map((index) => index.Projection.ProjectionType)).not.toContain('ALL');
    const projected = indexes.reduce(
      (sum, index) => sum + (index.Projection.NonKeyAttributes ?? []).length,
      0,
    );
    expect(projected).toBeLessThanOrEqual(100);
  });

  it('locks every bucket: public access blocked, encrypted, TLS only', () => {
    const buckets = ofType(dev.resources, 'AWS::S3::Bucket');
    expect(buckets.length).toBeGreaterThanOrEqual(3);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties?.BucketEncryption, id).toBeDefined();
      const policies = ofType(dev.resources, 'AWS::S3::BucketPolicy').filter(
        ([, policy]) => JSON.stringify(policy.Properties?.Bucket) === JSON.stringify({ Ref: id }),
      );
      expect(JSON.stringify(policies), id).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('versions the documents bucket, clears unclaimed uploads and lets the web post uploads and read them', () => {
    dev.template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'quarantine/', ExpirationInDays: Match.anyValue(), Status: 'Enabled' }),
        ]),
      },
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({ AllowedMethods: ['POST', 'GET'], AllowedOrigins: [Match.anyValue()] }),
        ],
      },
    });
  });

  it('scans uploads with GuardDuty, whose results reach the upload verifier', () => {
    dev.template.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      ProtectedResource: { S3Bucket: { ObjectPrefixes: ['quarantine/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    dev.template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('^Checks each upload'),
      Environment: { Variables: Match.objectLike({ MALWARE_SCAN: 'guardduty' }) },
    });
    // The catalogue never touches uploads; submissions only claim verified ones, in the table.
    for (const group of ['FunctionsPublic', 'FunctionsSubmit']) {
      const policy = ofType(dev.resources, 'AWS::IAM::Policy').find(([id]) => id.startsWith(group));
      expect(JSON.stringify(policy), group).not.toContain('s3:');
    }
  });
});

describe('uploads checked as they land', () => {
  const verifierId = () =>
    ofType(dev.resources, 'AWS::Lambda::Function').find(([id]) => id.startsWith('UploadsVerifier'))![0];

  it('has the bucket notify the verifier of every object created under quarantine/, and retry then dead-letter', () => {
    dev.template.hasResourceProperties('AWS::S3::Bucket', {
      NotificationConfiguration: {
        LambdaConfigurations: [
          {
            Event: 's3:ObjectCreated:*',
            Function: { 'Fn::GetAtt': [verifierId(), 'Arn'] },
            Filter: { S3Key: { Rules: [{ Name: 'prefix', Value: 'quarantine/' }] } },
          },
        ],
        // GuardDuty delivers through EventBridge: the bucket's own configuration must keep that on.
        EventBridgeConfiguration: { EventBridgeEnabled: true },
      },
    });
    dev.template.hasResourceProperties('AWS::Lambda::Permission', {
      Principal: 's3.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [verifierId(), 'Arn'] },
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
    dev.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
    dev.template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
        detail: { s3ObjectDetails: { objectKey: [{ prefix: 'quarantine/' }] } },
      },
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [verifierId(), 'Arn'] } })],
    });
  });

  it('lets the verifier touch only upload records and the two prefixes, and no custom resource set it up', () => {
    const policy = JSON.stringify(
      ofType(dev.resources, 'AWS::IAM::Policy').find(([id]) => id.startsWith('UploadsVerifier')),
    );
    expect(policy).toContain('"dynamodb:LeadingKeys":["UPLOAD#*"]');
    expect(policy).not.toMatch(/dynamodb:(PutItem|DeleteItem|Query|Scan|BatchWriteItem)/);
    expect(policy).toContain('/quarantine/*');
    expect(policy).toContain('/documents/*');
    expect(ofType(dev.resources, 'Custom::S3BucketNotifications')).toEqual([]);
  });

  it('feeds the janitor upload records that change or go, each matched on the image it has', () => {
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['MODIFY'],
              dynamodb: { NewImage: { type: { S: ['upload'] } } },
            }),
          },
          {
            Pattern: JSON.stringify({
              eventName: ['REMOVE'],
              dynamodb: { OldImage: { type: { S: ['upload'] } } },
            }),
          },
        ],
      },
    });
    const policy = JSON.stringify(
      ofType(dev.resources, 'AWS::IAM::Policy').find(([id]) => id.startsWith('UploadsJanitor')),
    );
    expect(policy).toContain('s3:DeleteObject');
    expect(policy).not.toMatch(/s3:(PutObject|GetObject)|dynamodb:(PutItem|UpdateItem|DeleteItem|GetItem)/);
  });
});

describe('functions', () => {
  it('run bundled ESM on arm64 Node.js 22 or newer, traced, with source maps and a log retention', () => {
    const functions = ofType(dev.resources, 'AWS::Lambda::Function').filter(
      ([id]) => !id.startsWith('CustomCDKBucketDeployment'),
    );
    // One per route group, one per stream or queue consumer, the upload verifier and the Cognito trigger.
    expect(functions.length).toBe(
      new Set(deployedRoutes.map((route) => route.group)).size +
        streamConsumers.length +
        queueConsumers.length +
        2,
    );
    for (const [id, fn] of functions) {
      const properties = fn.Properties ?? {};
      expect(Number(String(properties.Runtime).match(/^nodejs(\d+)\.x$/)?.[1]), id).toBeGreaterThanOrEqual(
        22,
      );
      expect(properties.Architectures, id).toEqual(['arm64']);
      expect(properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(properties.Handler, id).toBe('index.handler');
      expect(properties.Environment, id).toMatchObject({
        Variables: { NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_SERVICE_NAME: 'motcua' },
      });
      expect(properties.LoggingConfig, id).toMatchObject({ LogGroup: { Ref: expect.any(String) } });
    }
    for (const [id, group] of ofType(dev.resources, 'AWS::Logs::LogGroup')) {
      expect(group.Properties?.RetentionInDays, id).toBeGreaterThan(0);
    }
  });

  it('give each function the configuration it reads, and no more', () => {
    const variables = (prefix: string) => {
      const found = ofType(dev.resources, 'AWS::Lambda::Function').find(([id]) => id.startsWith(prefix));
      const environment = found?.[1].Properties?.Environment as { Variables: Record<string, unknown> };
      return environment.Variables;
    };
    const submit = Object.keys(variables('FunctionsSubmit'));
    expect(submit).toEqual(expect.arrayContaining(['TABLE_NAME', 'SEAL_KEY']));
    expect(submit).not.toContain('DOCUMENTS_BUCKET');
    const catalogue = Object.keys(variables('FunctionsPublic'));
    expect(catalogue.filter((name) => /^(TABLE_NAME|DOCUMENTS_BUCKET|SEAL_KEY|SES_)/.test(name))).toEqual([]);
    const applicant = Object.keys(variables('FunctionsApplicant'));
    expect(applicant).toContain('TABLE_NAME');
    expect(applicant).not.toContain('DOCUMENTS_BUCKET');
    expect(variables('NotificationsNotifier')).toMatchObject({
      NOTIFY_CHANNEL: 'ses-sns',
      SES_FROM_ADDRESS: 'no-reply@example.invalid',
      TABLE_NAME: expect.anything(),
      PUBLIC_BASE_URL: expect.anything(),
    });
  });

  it('bundle no S3 client into interactive functions (presigned by SigV4 alone), and no SDK into the catalogue', () => {
    // The source map of each bundle names every module it holds.
    const modules = (prefix: string) => {
      const [, fn] =
        ofType(dev.resources, 'AWS::Lambda::Function').find(([id]) => id.startsWith(prefix)) ?? [];
      const code = fn?.Properties?.Code as { S3Key?: string } | undefined;
      const hash = String(code?.S3Key).replace(/\.zip$/, '');
      const map = JSON.parse(readFileSync(join(dev.app.outdir, `asset.${hash}`, 'index.mjs.map'), 'utf8'));
      return (map.sources as string[]).join('\n');
    };
    for (const prefix of ['FunctionsTracking', 'FunctionsApplicant', 'FunctionsQueue']) {
      const held = modules(prefix);
      expect(held, prefix).toContain('@aws-sdk/client-dynamodb');
      expect(held, prefix).not.toContain('@aws-sdk/client-s3');
      expect(held, prefix).not.toContain('zod/v4/classic');
    }
    expect(modules('FunctionsPublic')).not.toContain('@aws-sdk/');
    // Submissions claim uploads the verifier checked: no S3 call, so no S3 client.
    expect(modules('FunctionsSubmit')).not.toContain('@aws-sdk/client-s3');
    // Uploads and officials only presign (functions/commons/presign.ts), and read procedures' generated facts.
    for (const prefix of ['FunctionsUploads', 'FunctionsOfficial']) {
      const held = modules(prefix);
      expect(held, prefix).toContain('@smithy/signature-v4');
      expect(held, prefix).not.toContain('@aws-sdk/client-s3');
      expect(held, prefix).not.toContain('zod/v4/classic');
    }
    // The verifier copies and deletes objects: it keeps the client.
    expect(modules('UploadsVerifier')).toContain('@aws-sdk/client-s3');
  });

  it('give the public catalogue no storage, and the queue read-only table access', () => {
    const policy = (prefix: string) =>
      JSON.stringify(ofType(dev.resources, 'AWS::IAM::Policy').find(([id]) => id.startsWith(prefix)));
    expect(policy('FunctionsPublic')).not.toMatch(/dynamodb:|s3:/);
    expect(policy('FunctionsQueue')).toContain('dynamodb:Query');
    expect(policy('FunctionsQueue')).not.toMatch(
      /dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem)|s3:/,
    );
  });

  it('grant no wildcard IAM action and attach no managed policy', () => {
    for (const [id, policy] of [
      ...ofType(dev.resources, 'AWS::IAM::Policy'),
      ...ofType(dev.resources, 'AWS::IAM::Role'),
    ]) {
      const documents = [
        policy.Properties?.PolicyDocument,
        ...((policy.Properties?.Policies as { PolicyDocument: unknown }[] | undefined) ?? []).map(
          (inline) => inline.PolicyDocument,
        ),
      ].filter(Boolean) as { Statement: { Action: string | string[] }[] }[];
      for (const statement of documents.flatMap((document) => document.Statement)) {
        for (const action of [statement.Action].flat()) expect(action, id).not.toContain('*');
      }
      expect(policy.Properties?.ManagedPolicyArns, id).toBeUndefined();
    }
  });
});

describe('notifications', () => {
  it('feed the notifier only notification records, bisecting, retrying and dead-lettering failed batches', () => {
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: Match.anyValue(),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT', 'MODIFY'],
              dynamodb: { NewImage: { type: { S: ['notification'] } } },
            }),
          },
        ],
      },
    });
  });

  it('may send mail only as the configured identity and SMS but to no topic', () => {
    const notifierPolicy = JSON.stringify(
      ofType(dev.resources, 'AWS::IAM::Policy').find(([id]) => id.startsWith('NotificationsNotifier')),
    );
    expect(notifierPolicy).toContain('ses:SendEmail');
    expect(notifierPolicy).toContain(':identity/example.invalid');
    expect(notifierPolicy).toContain('"ses:FromAddress":"no-reply@example.invalid"');
    expect(notifierPolicy).toMatch(/"Effect":"Deny".*sns:\*:\*:\*|sns:\*:\*:\*.*"Effect":"Deny"/);
  });
});

describe('level 4: payments, signed results, webhooks', () => {
  const policyOf = (prefix: string) =>
    JSON.stringify(ofType(dev.resources, 'AWS::IAM::Policy').find(([id]) => id.startsWith(prefix)));
  const variablesOf = (prefix: string) => {
    const found = ofType(dev.resources, 'AWS::Lambda::Function').find(([id]) => id.startsWith(prefix));
    const environment = found?.[1].Properties?.Environment as
      | { Variables: Record<string, unknown> }
      | undefined;
    return environment?.Variables ?? {};
  };

  it('signs with an asymmetric KMS key that only the result signer may use', () => {
    dev.template.hasResourceProperties('AWS::KMS::Key', { KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' });
    const [[keyId]] = ofType(dev.resources, 'AWS::KMS::Key').filter(
      ([, key]) => key.Properties?.KeyUsage === 'SIGN_VERIFY',
    ) as [[string, unknown]];
    const signers = ofType(dev.resources, 'AWS::IAM::Policy')
      .filter(([, policy]) => JSON.stringify(policy).includes('kms:Sign'))
      .map(([id]) => id);
    expect(signers).toHaveLength(1);
    expect(signers[0]).toMatch(/^SigningSigner/);
    expect(policyOf('SigningSigner')).toContain(keyId);
    expect(variablesOf('SigningSigner')).toMatchObject({
      SIGNING_MODE: 'kms',
      SIGNING_KEY_ID: { 'Fn::GetAtt': [keyId, 'Arn'] },
      VERIFY_TOKEN_KEY: expect.anything(),
      PUBLIC_BASE_URL: expect.anything(),
    });
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp('^SigningSigner') },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { type: { S: ['result-signature'] } } },
            }),
          },
        ],
      },
    });
  });

  it('keeps one verification-token key, for the QR codes of forms and of signed results alike', () => {
    const keys = ofType(dev.resources, 'AWS::SecretsManager::Secret').filter(([id]) =>
      id.startsWith('VerifyTokenKey'),
    );
    expect(keys).toHaveLength(1);
    const [[keyId]] = keys as [[string, unknown]];
    const holders = ofType(dev.resources, 'AWS::Lambda::Function')
      .filter(([, fn]) => {
        const variables = (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
          ?.Variables;
        return variables?.VERIFY_TOKEN_KEY !== undefined;
      })
      .map(([id, fn]) => {
        expect(JSON.stringify(fn.Properties?.Environment), id).toContain(keyId);
        return id;
      });
    // The forms' QR codes (console) and the signed results, their verification and download links (level 4).
    for (const prefix of ['FunctionsForms', 'SigningSigner', 'FunctionsVerification', 'FunctionsTracking']) {
      expect(
        holders.some((id) => id.startsWith(prefix)),
        prefix,
      ).toBe(true);
    }
  });

  it('keeps the VNPay hash secret in Secrets Manager and hands it to the two payment functions alone', () => {
    const secrets = ofType(dev.resources, 'AWS::SecretsManager::Secret').map(([id]) => id);
    const vnpaySecret = secrets.find((id) => id.startsWith('VnpayHashSecret'));
    expect(vnpaySecret).toBeDefined();
    const holders = ofType(dev.resources, 'AWS::Lambda::Function')
      .filter(([, fn]) => JSON.stringify(fn.Properties?.Environment ?? {}).includes(vnpaySecret!))
      .map(([id]) => id);
    // The browser's routes (start, return) sign and check; the gateway's notification checks and settles.
    expect(holders).toHaveLength(2);
    expect(holders.find((id) => id.startsWith('FunctionsPaymentNotifications'))).toBeDefined();
    expect(holders.find((id) => /^FunctionsPayments[A-Z0-9]/.test(id))).toBeDefined();
    // A dynamic reference, resolved at deploy time: the value never appears in the template.
    for (const fn of ['FunctionsPayments', 'FunctionsPaymentNotifications'])
      expect(JSON.stringify(variablesOf(fn).VNPAY_HASH_SECRET), fn).toContain('resolve:secretsmanager');
  });

  it('leaves the gateway callbacks and verification public but throttles each on its own', () => {
    const stage = ofType(dev.resources, 'AWS::ApiGatewayV2::Stage')[0]?.[1].Properties ?? {};
    const settings = stage.RouteSettings as Record<string, { ThrottlingRateLimit: number }>;
    const stageRate = (stage.DefaultRouteSettings as { ThrottlingRateLimit: number }).ThrottlingRateLimit;
    for (const key of [
      'GET /api/payments/vnpay/ipn',
      'GET /api/payments/vnpay/return',
      'GET /api/verify/{code}',
      'POST /api/verify',
      'GET /api/results/{code}',
    ]) {
      expect(deployedRoutes.find((route) => `${route.method} ${route.path}` === key)?.auth, key).toBe('none');
      expect(settings[key]?.ThrottlingRateLimit, key).toBeGreaterThan(0);
      expect(settings[key]!.ThrottlingRateLimit, key).toBeLessThan(stageRate);
    }
  });

  it('delivers webhooks from a queue with a dead-letter queue that alarms, never from an HTTP function', () => {
    const queues = ofType(dev.resources, 'AWS::SQS::Queue');
    const deliveries = queues.find(([id]) => id.startsWith('WebhooksDeliveries'))?.[1].Properties ?? {};
    const redrive = deliveries.RedrivePolicy as { deadLetterTargetArn: unknown; maxReceiveCount: number };
    expect(redrive.maxReceiveCount).toBeGreaterThan(1);
    expect(JSON.stringify(redrive.deadLetterTargetArn)).toContain('WebhooksDeadLetters');
    const alarms = ofType(dev.resources, 'AWS::CloudWatch::Alarm').map(([, alarm]) => JSON.stringify(alarm));
    expect(alarms.some((alarm) => alarm.includes('WebhooksDeadLetters'))).toBe(true);
    dev.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: Match.stringLikeRegexp('^WebhooksDeliverer') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    // Who may send to the deliveries queue (dead-letter queues take their own functions' failures).
    const senders = ofType(dev.resources, 'AWS::IAM::Policy')
      .filter(([, policy]) =>
        ((policy.Properties?.PolicyDocument as { Statement: unknown[] } | undefined)?.Statement ?? []).some(
          (statement) => {
            const text = JSON.stringify(statement);
            return text.includes('sqs:SendMessage') && text.includes('WebhooksDeliveries');
          },
        ),
      )
      .map(([id]) => id)
      .sort();
    expect(senders).toEqual([
      expect.stringMatching(/^WebhooksDeliverer/),
      expect.stringMatching(/^WebhooksFanOut/),
    ]);
  });
});

describe('web', () => {
  it('serves the site and the API through CloudFront with HSTS and a CSP that forbids framing', () => {
    dev.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ IncludeSubdomains: true, Override: true }),
          ContentSecurityPolicy: {
            ContentSecurityPolicy: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
            Override: true,
          },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      },
    });
    const csp = JSON.stringify(
      ofType(dev.resources, 'AWS::CloudFront::ResponseHeadersPolicy')[0]?.[1].Properties,
    );
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    dev.template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            // The managed CachingDisabled and AllViewerExceptHostHeader policies.
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
            OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
          }),
        ],
        Logging: Match.anyValue(),
      }),
    });
  });

  it("returns from the hosted sign-in to the web's sign-in pages, which the CSP lets reach Cognito", () => {
    const [, client] = ofType(dev.resources, 'AWS::Cognito::UserPoolClient')[0]!;
    const urls = (name: string) => JSON.stringify(client.Properties?.[name]);
    for (const path of ['/signin/callback/', '/en/signin/callback/'])
      expect(urls('CallbackURLs')).toContain(path);
    for (const path of ['/signin/signed-out/', '/en/signin/signed-out/'])
      expect(urls('LogoutURLs')).toContain(path);
    expect(client.Properties?.AllowedOAuthFlows).toEqual(['code']);
    expect(client.Properties?.GenerateSecret).toBe(false);
    const csp = JSON.stringify(
      ofType(dev.resources, 'AWS::CloudFront::ResponseHeadersPolicy')[0]?.[1].Properties,
    );
    // The token endpoint is fetched from the callback page: connect-src must name the hosted sign-in's host.
    expect(csp).toMatch(/connect-src 'self'[^;]*\.auth\./);
  });

  it("stamps the viewer's own address on API requests, for per-client rate limits", () => {
    const [, fn] = ofType(dev.resources, 'AWS::CloudFront::Function')[0] ?? [];
    expect(fn?.Properties?.FunctionCode).toContain(
      "event.request.headers['x-motcua-client-ip'] = { value: event.viewer.ip }",
    );
    const api = JSON.stringify(ofType(dev.resources, 'AWS::CloudFront::Distribution')[0]?.[1].Properties);
    expect(api).toContain('viewer-request');
    const tracking = ofType(dev.resources, 'AWS::Lambda::Function').find(([id]) =>
      id.startsWith('FunctionsTracking'),
    );
    expect(JSON.stringify(tracking?.[1].Properties)).toContain('"CLIENT_IP_HEADER":"x-motcua-client-ip"');
  });
});

describe('operations', () => {
  it('alarms on API 5xx, every function’s errors and throttles, and dead letters', () => {
    const alarms = ofType(dev.resources, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties ?? {});
    const metrics = alarms.map((alarm) => alarm.MetricName);
    expect(metrics).toContain('5xx');
    expect(metrics).toContain('ApproximateNumberOfMessagesVisible');
    const functionCount = ofType(dev.resources, 'AWS::Lambda::Function').filter(
      ([id]) => !id.startsWith('CustomCDKBucketDeployment'),
    ).length;
    expect(metrics.filter((metric) => metric === 'Errors')).toHaveLength(functionCount);
    expect(metrics.filter((metric) => metric === 'Throttles')).toHaveLength(functionCount);
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
  });
});

describe('environments', () => {
  it('retains data and protects it from deletion in prod only', () => {
    prod.template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    prod.template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
    for (const [id, bucket] of ofType(prod.resources, 'AWS::S3::Bucket'))
      expect(bucket.DeletionPolicy, id).toBe('Retain');

    dev.template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    const devTable = ofType(dev.resources, 'AWS::DynamoDB::Table')[0]?.[1];
    expect(devTable?.Properties?.DeletionProtectionEnabled ?? false).toBe(false);
  });
});

describe('cdk-nag AwsSolutions', () => {
  for (const env of ['dev', 'prod'] as const) {
    it(`has no unacknowledged finding in ${env}`, () => {
      const { app } = env === 'dev' ? dev : prod;
      const report = new AwsSolutionsChecks(app).validateScope(app);
      const findings = report.violations.flatMap((violation) =>
        violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
      );
      expect(findings).toEqual([]);
    });
  }
});

describe('route group entry', () => {
  it('dispatches by route key to the named export, and answers 404 for a route it does not serve', async () => {
    const root = mkdtempSync(join(tmpdir(), 'motcua-group-'));
    mkdirSync(join(root, 'functions'));
    writeFileSync(
      join(root, 'functions/cases.mjs'),
      'export const listCases = async () => ({ statusCode: 200, body: "list" });\n' +
        'export const withdrawCase = async (event) => ({ statusCode: 200, body: "withdraw " + event.pathParameters.code });\n',
    );
    const entry = writeGroupEntry(
      'cases',
      [
        {
          method: 'GET',
          path: '/api/cases',
          entry: 'functions/cases.mjs',
          exportName: 'listCases',
          auth: 'jwt',
          group: 'cases',
        },
        {
          method: 'POST',
          path: '/api/cases/{code}/withdraw',
          entry: 'functions/cases.mjs',
          exportName: 'withdrawCase',
          auth: 'jwt',
          group: 'cases',
        },
      ],
      root,
    );
    const { handler } = await import(entry);
    await expect(
      handler({ routeKey: 'POST /api/cases/{code}/withdraw', pathParameters: { code: 'A-1' } }, {}),
    ).resolves.toMatchObject({ body: 'withdraw A-1' });
    await expect(handler({ routeKey: 'GET /api/cases' }, {})).resolves.toMatchObject({ body: 'list' });
    await expect(handler({ routeKey: 'GET /api/elsewhere' }, {})).resolves.toMatchObject({ statusCode: 404 });
  });
});

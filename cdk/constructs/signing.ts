// Signed results: the asymmetric KMS key that signs them, and the function, fed by the table's stream, that does.
import { CfnOutput, Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/commons/environment';
import { DOCUMENTS_PREFIX, SIGNED_RESULTS_PREFIX } from '../../functions/documents/object-keys';
import type { StreamConsumer } from '../../functions/routes';
import { acknowledge, arnToken } from '../nag';
import { deadLetterQueue, grantTableAccess, MotcuaFunction } from './function';
import { consumeTableStream } from './stream-source';

/** CPU for pdf-lib on results of up to 20 MB. */
export const SIGNER_MEMORY_MB = 2048;

export interface ResultSigningProps {
  /** Absolute path of the signer's entry module (it exports `handler`). */
  readonly entry: string;
  /** The records it takes, as functions/routes.ts declares them. */
  readonly filter: StreamConsumer['filter'];
  readonly table: Table;
  readonly documents: IBucket;
  /** The key of the verification links printed in the QR codes. */
  readonly verifyTokenKey: ISecret;
  /** The site's origin: the QR codes link to its verification page. */
  readonly publicBaseUrl: string;
  /** The certificate(s) issued for the key, base64 DER, comma-separated; results wait unsigned without one. */
  readonly certificates?: string;
  readonly removalPolicy: RemovalPolicy;
  /** @default 14 */
  readonly logRetentionDays?: number;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * The key never leaves KMS: the signer sends the 32-byte digest of the signed attributes (`kms:Sign`, granted to
 * it alone) and gets the signature. The province has a certificate issued for the key's public key (from the
 * `SigningKeyArn` output, `aws kms get-public-key`) and configures it by context (`signingCertificateFile`).
 */
export class ResultSigning extends Construct {
  readonly key: Key;
  readonly signer: MotcuaFunction;
  /** Stream batches the signer gave up on. */
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: ResultSigningProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Signs electronic results (PAdES) for the agencies of the province',
      keySpec: KeySpec.RSA_2048,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: props.removalPolicy,
    });
    acknowledge(
      this.key,
      'An asymmetric signing key cannot be rotated by KMS: a new key (and its certificate) is made by hand, and the old certificate stays in the trust list while its documents circulate.',
      'AwsSolutions-KMS5',
    );

    this.signer = new MotcuaFunction(this, 'Signer', {
      entry: props.entry,
      description: 'Stamps the verification QR code on issued results and signs them (PAdES B-B, AWS KMS)',
      memorySize: SIGNER_MEMORY_MB,
      timeout: Duration.seconds(60),
      environment: {
        [ENV.signingMode]: 'kms',
        [ENV.signingKeyId]: this.key.keyArn,
        [ENV.signingAlgorithm]: 'RSASSA_PKCS1_V1_5_SHA_256',
        ...(props.certificates ? { [ENV.signingCertificates]: props.certificates } : {}),
        [ENV.publicBaseUrl]: props.publicBaseUrl,
        [ENV.documentsBucket]: props.documents.bucketName,
        // A dynamic reference: resolved at deploy time, never in the template.
        [ENV.verifyTokenKey]: props.verifyTokenKey.secretValue.unsafeUnwrap(),
      },
      logRetentionDays: props.logRetentionDays,
      logRemovalPolicy: props.logRemovalPolicy,
    });
    // Reads the request and the case, settles the request, registers the digest, writes the notifications.
    grantTableAccess(this.signer, props.table, 'readwrite');
    this.key.grant(this.signer.role, 'kms:Sign');
    this.signer.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [props.documents.arnForObjects(`${DOCUMENTS_PREFIX}*`)],
      }),
    );
    this.signer.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject'],
        resources: [props.documents.arnForObjects(`${SIGNED_RESULTS_PREFIX}*`)],
      }),
    );
    acknowledge(
      this.signer.role,
      'The signer reads the accepted result documents (documents/*, keys random per upload) and writes only signed results (documents/signed/*).',
      `AwsSolutions-IAM5[Resource::${arnToken(props.documents)}/${DOCUMENTS_PREFIX}*]`,
      `AwsSolutions-IAM5[Resource::${arnToken(props.documents)}/${SIGNED_RESULTS_PREFIX}*]`,
    );

    this.deadLetters = deadLetterQueue(this, 'DeadLetters', 'the signer’s stream mapping');
    // One result at a time: a failing file is retried alone.
    consumeTableStream(this.signer, props.table, props.filter, this.deadLetters, { size: 1 });

    new CfnOutput(scope, 'SigningKeyArn', {
      value: this.key.keyArn,
      description:
        'The results signing key: have a certificate issued for its public key (aws kms get-public-key)',
    });
  }
}

// The names of the environment variables the functions read: the CDK stack and the local runtime set these.

export const ENV = {
  /** The single table. Required by every function that touches storage. */
  tableName: 'TABLE_NAME',
  /** The documents bucket. Required by the functions that sign, check or copy documents. */
  documentsBucket: 'DOCUMENTS_BUCKET',
  /** 32 random bytes, base64: seals tracking PINs in idempotency records. Required by submissions. */
  sealKey: 'SEAL_KEY',
  /**
   * 32 or more random bytes, base64 (several, comma-separated, while an old key is retired): the key of the `t`
   * token in verification links (QR codes on forms and results). Required by what prints or checks them.
   */
  verifyTokenKey: 'VERIFY_TOKEN_KEY',
  /**
   * `guardduty`: the upload verifier marks an upload verified only once GuardDuty's scan found those very bytes
   * clean (its result comes through EventBridge). Read by the verifier only. @default 'none'
   */
  malwareScan: 'MALWARE_SCAN',
  /** `outbox` (local runtime) or `ses-sns` (AWS). Required by the notifier. */
  notifyChannel: 'NOTIFY_CHANNEL',
  /** Sender of notification e-mails. Required by the notifier when it sends through SES. */
  sesFromAddress: 'SES_FROM_ADDRESS',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  /** A registered SMS brand name, if any. */
  smsSenderId: 'SMS_SENDER_ID',
  /** The site's origin, for links in notifications; without it they carry none. */
  publicBaseUrl: 'PUBLIC_BASE_URL',
  /** Header in which the CDN passes the viewer's address (API Gateway's sourceIp is then the CDN's). */
  clientIpHeader: 'CLIENT_IP_HEADER',
  /** `local` in the local runtime, where every answer is checked against its published schema. */
  runtime: 'MOTCUA_RUNTIME',
  /** `true` for s3rver, which serves buckets by path rather than by host name. */
  s3ForcePathStyle: 'S3_FORCE_PATH_STYLE',
  // ---- Level 4: payments, signed results, webhooks ----
  /** The merchant's terminal code at VNPay (`vnp_TmnCode`). Required by the payment routes. */
  vnpayTmnCode: 'VNPAY_TMN_CODE',
  /** The merchant's VNPay hash secret (Secrets Manager on AWS). Required by the payment routes. */
  vnpayHashSecret: 'VNPAY_HASH_SECRET',
  /** VNPay's payment page. @default VNPay's sandbox (`https://sandbox.vnpayment.vn/paymentv2/vpcpay.html`) */
  vnpayPaymentUrl: 'VNPAY_PAYMENT_URL',
  /** `local` (demo keys under SIGNING_DIR) or `kms` (AWS KMS). Required by what signs or checks results. */
  signingMode: 'SIGNING_MODE',
  /** The local signers' directory (DATA_DIR/signing): one demo key and certificate per agency. */
  signingDir: 'SIGNING_DIR',
  /** The asymmetric KMS key that signs results (kms mode). */
  signingKeyId: 'SIGNING_KEY_ID',
  /** `RSASSA_PKCS1_V1_5_SHA_256` or `ECDSA_SHA_256`, the KMS key's (kms mode). */
  signingAlgorithm: 'SIGNING_ALGORITHM',
  /** The certificates issued for the KMS key, base64 DER, comma-separated, the current first (kms mode). */
  signingCertificates: 'SIGNING_CERTIFICATES',
  /** The SQS queue of webhook deliveries; `local:<name>` in the local runtime (a queue kept in the table). */
  webhookQueueUrl: 'WEBHOOK_QUEUE_URL',
  /** Runs the webhook retry schedule faster (0 < scale <= 1), for tests and demos only. @default 1 */
  webhookRetryScale: 'WEBHOOK_RETRY_SCALE',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];

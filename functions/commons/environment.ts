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
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];

// Configuration read from the environment once, at start-up; a missing value fails fast.

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name}`);
  return value;
}

export const config = {
  tableName: required('TABLE_NAME'),
  documentsBucket: process.env.DOCUMENTS_BUCKET ?? '',
  /** `outbox` in the local runtime, `ses-sns` on AWS. */
  notifyChannel: (process.env.NOTIFY_CHANNEL ?? 'outbox') as 'outbox' | 'ses-sns',
  /** When `guardduty`, a submission accepts an upload only once GuardDuty tagged it clean. */
  malwareScan: process.env.MALWARE_SCAN ?? 'none',
  isLocal: process.env.MOTCUA_RUNTIME === 'local',
  s3ForcePathStyle: process.env.S3_FORCE_PATH_STYLE === 'true',
  /** Key (base64, 32 bytes) that seals the tracking PIN inside idempotency records for replays. */
  sealKey: process.env.SEAL_KEY ?? '',
  sesFromAddress: process.env.SES_FROM_ADDRESS ?? '',
  sesConfigurationSet: process.env.SES_CONFIGURATION_SET,
  smsSenderId: process.env.SMS_SENDER_ID,
  publicBaseUrl: process.env.PUBLIC_BASE_URL ?? '',
  /** Header in which the CDN passes the viewer's address (API Gateway's sourceIp is then the CDN's). */
  clientIpHeader: process.env.CLIENT_IP_HEADER?.toLowerCase(),
};

/** Limits of the contract and of uploads. */
export const limits = {
  maxBodyBytes: 1024 * 1024,
  uploadUrlTtlSeconds: 15 * 60,
  uploadRecordTtlSeconds: 2 * 24 * 3600,
  downloadUrlTtlSeconds: 5 * 60,
  idempotencyTtlSeconds: 24 * 3600,
  /** Failed tracking attempts allowed per window, per case code and per client address. */
  trackingFailuresPerCode: 10,
  trackingFailuresPerClient: 30,
  trackingWindowSeconds: 15 * 60,
} as const;

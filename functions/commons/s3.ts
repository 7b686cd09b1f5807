// The S3 client, built once at module scope, in its own module so that functions without S3 do not bundle it.
import { S3Client } from '@aws-sdk/client-s3';
import { optionalEnv } from './config';
import { ENV } from './environment';

export const s3 = new S3Client({
  forcePathStyle: optionalEnv(ENV.s3ForcePathStyle) === 'true',
  // Without these the SDK adds flexible checksums: s3rver then stores chunk framing, and presigned
  // URLs carry checksum parameters that real S3 rejects for browser uploads.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

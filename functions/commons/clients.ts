// AWS SDK clients, built once at module scope (endpoints come from AWS_ENDPOINT_URL_* in the local runtime).
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from './config';

export const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export const s3 = new S3Client({
  forcePathStyle: config.s3ForcePathStyle,
  // Without these the SDK adds flexible checksums: s3rver then stores chunk framing, and presigned
  // URLs carry checksum parameters that real S3 rejects for browser uploads.
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
});

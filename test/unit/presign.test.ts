// Our presigned GET links and POST forms, made without the S3 client, equal the AWS SDK's own presigners' output.
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost, type PresignedPostOptions } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let presign: typeof import('../../functions/commons/presign');

const NOW = new Date('2026-11-29T03:04:05.678Z');
const saved = { ...process.env };

beforeAll(async () => {
  // Fixed credentials as Lambda hands them (a session token included); region and endpoint vary per case.
  Object.assign(process.env, {
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEXAMPLE//token+with/odd=chars',
  });
  presign = await import('../../functions/commons/presign');
});

afterAll(() => {
  process.env = saved;
  vi.useRealTimers();
});

/** Where the functions run: S3 on AWS (virtual-hosted, or path style for a dotted bucket) and s3rver locally (path style). */
const PLACES = [
  { name: 'S3 on AWS', endpoint: undefined, pathStyle: false, bucket: 'motcua-documents-1a2b3c4d' },
  {
    name: 'S3 on AWS, a bucket no host name can hold',
    endpoint: undefined,
    pathStyle: false,
    bucket: 'motcua.docs',
  },
  { name: 'the local runtime', endpoint: 'http://127.0.0.1:4569', pathStyle: true, bucket: 'motcua-local' },
] as const;

function placeAt(place: (typeof PLACES)[number]): S3Client {
  if (place.endpoint) process.env.AWS_ENDPOINT_URL_S3 = place.endpoint;
  else delete process.env.AWS_ENDPOINT_URL_S3;
  if (place.pathStyle) process.env.S3_FORCE_PATH_STYLE = 'true';
  else delete process.env.S3_FORCE_PATH_STYLE;
  // The client the functions used before, configured as functions/commons/s3.ts configured it.
  return new S3Client({
    forcePathStyle: place.pathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

describe.each(PLACES)('presigned requests against $name', (place) => {
  it('a GET link equals getSignedUrl for a GetObjectCommand with response headers', async () => {
    const s3 = placeAt(place);
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const key = 'documents/0b9c1f6e-5d1a-4a57-9d0c-2f1c3e0a7b11/"d41d8cd98f00b204e9800998ecf8427e"';
    const disposition = `attachment; filename*=UTF-8''${encodeURIComponent("Giấy khai sinh (bản sao)'s.pdf")}`;
    const expected = await getSignedUrl(
      s3,
      new GetObjectCommand({
        Bucket: place.bucket,
        Key: key,
        ResponseContentType: 'application/pdf',
        ResponseContentDisposition: disposition,
      }),
      { expiresIn: 300 },
    );
    const ours = await presign.presignedGetUrl(
      {
        bucket: place.bucket,
        key,
        responseContentType: 'application/pdf',
        responseContentDisposition: disposition,
        expiresIn: 300,
      },
      NOW,
    );
    vi.useRealTimers();
    expect(ours).toBe(expected);
    expect(new URL(ours).searchParams.get('X-Amz-Expires')).toBe('300');
    expect(ours).not.toMatch(/checksum/i);
  });

  it('a POST form equals createPresignedPost: url, fields, policy and signature', async () => {
    const s3 = placeAt(place);
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const request: PresignedPostOptions & {
      Expires: number;
      Conditions: unknown[];
      Fields: Record<string, string>;
    } = {
      Bucket: place.bucket,
      Key: 'quarantine/7f3e2a10-9b8c-4d6e-a5f4-3c2b1a0f9e8d',
      Conditions: [
        ['content-length-range', 12345, 12345],
        ['eq', '$Content-Type', 'image/jpeg'],
      ],
      Fields: { 'Content-Type': 'image/jpeg' },
      Expires: 900,
    };
    const expected = await createPresignedPost(s3, request);
    const ours = await presign.presignedPost(
      {
        bucket: request.Bucket,
        key: request.Key,
        conditions: request.Conditions,
        fields: request.Fields,
        expiresIn: request.Expires,
      },
      NOW,
    );
    vi.useRealTimers();
    expect(ours).toEqual(expected);
    const policy = JSON.parse(Buffer.from(ours.fields.Policy ?? '', 'base64').toString('utf8'));
    expect(policy.expiration).toBe('2026-11-29T03:19:05Z');
    expect(policy.conditions).toContainEqual(['content-length-range', 12345, 12345]);
    expect(policy.conditions).toContainEqual({ key: request.Key });
  });
});

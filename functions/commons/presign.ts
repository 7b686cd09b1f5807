// Presigned S3 requests (a GET link, a POST form) made without the S3 client, for the interactive functions whose
// only S3 need they are: the SigV4 signer and hash that every bundle already holds through the DynamoDB client.
// They must equal what @aws-sdk/s3-request-presigner and @aws-sdk/s3-presigned-post make (test/unit/presign.test.ts).
import { formatUrl } from '@aws-sdk/core/util';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Sha256 } from '@smithy/core/checksum';
import { loadConfig, NODE_REGION_CONFIG_FILE_OPTIONS, NODE_REGION_CONFIG_OPTIONS } from '@smithy/core/config';
import { HttpRequest } from '@smithy/core/protocols';
import { createScope, getSigningKey, SignatureV4 } from '@smithy/signature-v4';
import { optionalEnv } from './config';
import { ENV } from './environment';

/** The same sources as the S3 client's: region from AWS_REGION (or the config file), credentials from the chain. */
const region = loadConfig(NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS);
const credentials = defaultProvider();

/** Where a bucket answers: the configured endpoint (s3rver locally) or S3's regional one, path or virtual style. */
async function bucketEndpoint(bucket: string): Promise<URL> {
  const configured = process.env.AWS_ENDPOINT_URL_S3 ?? process.env.AWS_ENDPOINT_URL;
  const pathStyle = optionalEnv(ENV.s3ForcePathStyle) === 'true' || !virtualHostable(bucket);
  const base = new URL(configured ?? `https://s3.${await region()}.amazonaws.com`);
  if (pathStyle) base.pathname = `${base.pathname.replace(/\/$/, '')}/${bucket}`;
  else base.hostname = `${bucket}.${base.hostname}`;
  return base;
}

/** S3's rule for a bucket in the host name: a DNS label, no dots (TLS), not an IP address. */
function virtualHostable(bucket: string): boolean {
  return /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/.test(bucket) && !/--/.test(bucket);
}

/** The S3 serializer's encoding of a key: each segment as a URI component, with !'()* escaped too. */
function keyPath(key: string): string {
  return key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

export interface PresignedGet {
  readonly bucket: string;
  readonly key: string;
  readonly responseContentType?: string;
  readonly responseContentDisposition?: string;
  readonly expiresIn: number;
}

/** A GetObject link, as `getSignedUrl(s3, new GetObjectCommand(...), { expiresIn })` makes it. */
export async function presignedGetUrl(get: PresignedGet, signingDate = new Date()): Promise<string> {
  const endpoint = await bucketEndpoint(get.bucket);
  const query: Record<string, string> = {};
  if (get.responseContentDisposition) query['response-content-disposition'] = get.responseContentDisposition;
  if (get.responseContentType) query['response-content-type'] = get.responseContentType;
  query['x-id'] = 'GetObject';
  const request = new HttpRequest({
    method: 'GET',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: portOf(endpoint),
    path: `${endpoint.pathname.replace(/\/$/, '')}/${keyPath(get.key)}`,
    query,
    headers: {
      host: endpoint.host,
      // Hoisted into the query: the client sends no body, and S3 must not expect a hash of one.
      'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
    },
  });
  const signer = new SignatureV4({
    service: 's3',
    region,
    credentials,
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const signed = await signer.presign(request, {
    expiresIn: get.expiresIn,
    signingDate,
    unsignableHeaders: new Set(['content-type']),
  });
  return formatUrl(signed);
}

export interface PresignedPostRequest {
  readonly bucket: string;
  readonly key: string;
  /** Policy conditions besides the fields' own and the key's (content-length-range, starts-with ...). */
  readonly conditions: readonly unknown[];
  readonly fields: Readonly<Record<string, string>>;
  readonly expiresIn: number;
}

export interface PresignedPost {
  readonly url: string;
  readonly fields: Record<string, string>;
}

/** A POST form policy and its signature, as `createPresignedPost(s3, ...)` makes them. */
export async function presignedPost(post: PresignedPostRequest, now = new Date()): Promise<PresignedPost> {
  const signingDate = iso8601(now).replace(/[-:]/g, '');
  const shortDate = signingDate.slice(0, 8);
  const signingRegion = await region();
  const identity = await credentials();
  const fields: Record<string, string> = {
    ...post.fields,
    bucket: post.bucket,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${identity.accessKeyId}/${createScope(shortDate, signingRegion, 's3')}`,
    'X-Amz-Date': signingDate,
    ...(identity.sessionToken ? { 'X-Amz-Security-Token': identity.sessionToken } : {}),
  };
  // The SDK's order and de-duplication: the conditions given, then one per field, then the key.
  const conditions = new Set<string>(post.conditions.map((condition) => JSON.stringify(condition)));
  for (const [name, value] of Object.entries(fields)) conditions.add(JSON.stringify({ [name]: value }));
  conditions.add(JSON.stringify({ key: post.key }));
  const policy = Buffer.from(
    JSON.stringify({
      expiration: iso8601(new Date(now.getTime() + post.expiresIn * 1000)),
      conditions: [...conditions].map((condition) => JSON.parse(condition)),
    }),
    'utf8',
  ).toString('base64');
  const signingKey = await getSigningKey(Sha256, identity, shortDate, signingRegion, 's3');
  const hash = new Sha256(signingKey);
  hash.update(Buffer.from(policy, 'utf8'));
  const signature = Buffer.from(await hash.digest()).toString('hex');
  const endpoint = await bucketEndpoint(post.bucket);
  return {
    url: formatUrl({
      protocol: endpoint.protocol,
      hostname: endpoint.hostname,
      port: portOf(endpoint),
      path: endpoint.pathname,
    }),
    fields: { ...fields, key: post.key, Policy: policy, 'X-Amz-Signature': signature },
  };
}

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const portOf = (url: URL) => (url.port ? Number(url.port) : undefined);

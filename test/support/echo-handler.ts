// A handler that answers with the event and context it was given, to check the local API Gateway's payload.
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';

export async function echo(
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  context: Context,
): Promise<APIGatewayProxyStructuredResultV2> {
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json', 'x-echo': 'yes' },
    cookies: ['a=1; Path=/', 'b=2; Path=/'],
    body: JSON.stringify({
      event,
      context: { functionName: context.functionName, remainingMs: context.getRemainingTimeInMillis() },
    }),
  };
}

/** Returns a small PNG, base64-encoded, as a binary answer does. */
export async function binary(): Promise<APIGatewayProxyStructuredResultV2> {
  return {
    statusCode: 200,
    headers: { 'content-type': 'image/png' },
    isBase64Encoded: true,
    body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).toString('base64'),
  };
}

export async function fails(): Promise<never> {
  throw new Error('the echo handler failed on purpose');
}

/** No statusCode: API Gateway reads it as a 200 JSON body. */
export async function bare(): Promise<unknown> {
  return { ok: true };
}

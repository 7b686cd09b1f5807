// Fixed-window counters of failed attempts (public tracking), per case code and per client address.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { TableName } from './dynamo';

export type RateLimitScope = 'code' | 'client';

const windowKey = (scope: RateLimitScope, subject: string, window: number) => ({
  pk: `RATELIMIT#${scope}#${subject}`,
  sk: `WINDOW#${window}`,
});

const currentWindow = (windowSeconds: number) => Math.floor(Date.now() / 1000 / windowSeconds);

/** Adds one failure in the current window and returns the count so far; the item expires with its window. */
export async function countFailure(
  scope: RateLimitScope,
  subject: string,
  windowSeconds: number,
): Promise<number> {
  const window = currentWindow(windowSeconds);
  const { Attributes } = await dynamo.send(
    new UpdateCommand({
      TableName,
      Key: windowKey(scope, subject, window),
      UpdateExpression: 'ADD #count :one SET #type = :type, expiresAt = :expires',
      ExpressionAttributeNames: { '#count': 'count', '#type': 'type' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':type': 'rate-limit',
        ':expires': (window + 2) * windowSeconds,
      },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.count);
}

export async function failuresSoFar(
  scope: RateLimitScope,
  subject: string,
  windowSeconds: number,
): Promise<number> {
  const { Item } = await dynamo.send(
    new GetCommand({ TableName, Key: windowKey(scope, subject, currentWindow(windowSeconds)) }),
  );
  return Number(Item?.count ?? 0);
}

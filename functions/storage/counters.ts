// The per-agency, per-day counters behind case codes.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { TableName } from './dynamo';

/** `day` is YYMMDD in Vietnam, as in the case code. */
const counterKey = (agencyId: string, day: string) => ({ pk: `COUNTER#${agencyId}#${day}`, sk: 'COUNTER' });

/** The next number of the agency's day, atomically. Numbers of submissions that then fail are skipped. */
export async function nextCaseSequence(agencyId: string, day: string): Promise<number> {
  const { Attributes } = await dynamo.send(
    new UpdateCommand({
      TableName,
      Key: counterKey(agencyId, day),
      UpdateExpression: 'ADD #value :one SET #type = :type',
      ExpressionAttributeNames: { '#value': 'value', '#type': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'counter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.value);
}

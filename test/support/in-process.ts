// For the few integration tests that drive a function's module in the test's own process (a handler fed with the
// events AWS sends it, a storage module's calls counted): its environment, a table of its own, its calls.
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';

/**
 * Points functions/ at the runtime's DynamoDB Local, with `extra` (the table's name, a bucket…). Call it before
 * importing the modules: they read their configuration when they load, as on Lambda.
 */
export function useFunctionsInProcess(extra: Readonly<Record<string, string>>): void {
  Object.assign(process.env, {
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
    POWERTOOLS_METRICS_DISABLED: 'true',
    ...extra,
  });
}

/** A table of the test's own, shaped as the runtime's but without its stream: no consumer of the runtime sees it. */
export async function createOwnTable(name: string): Promise<void> {
  const { createTableInput } = await import('../../functions/storage/table');
  const { StreamSpecification: _none, ...input } = createTableInput(name);
  const admin = new DynamoDBClient({ endpoint: inject('dynamodbEndpoint') });
  await admin.send(new CreateTableCommand(input));
  admin.destroy();
}

/** The names of the DynamoDB commands functions/' client sends from now on (empty it to start counting again). */
export async function recordDynamoDbCalls(): Promise<string[]> {
  const calls: string[] = [];
  const { dynamo } = await import('../../functions/commons/clients');
  dynamo.middlewareStack.add(
    (next, context) => (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordCalls' },
  );
  return calls;
}

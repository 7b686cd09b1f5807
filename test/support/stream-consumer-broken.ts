// A stream consumer whose module fails to load, as one being edited with a syntax error does: for the poller's tests.
import type { DynamoDBStreamEvent } from 'aws-lambda';

throw new Error('this consumer fails to load, on purpose');

export async function handler(_event: DynamoDBStreamEvent): Promise<void> {}

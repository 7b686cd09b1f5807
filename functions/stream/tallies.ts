// Keeps the counts of cases (the queue's tabs, the public statistics) from the table's stream, locally and on AWS.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { countEvent, logger } from '../commons/observability';
import { type CaseFacts, tallyChanges } from '../domain/case-tallies';
import type { CaseRecord } from '../storage/records';
import { applyTallyChanges, dropEmptyPendingBuckets } from '../storage/tallies';

type Image = Record<string, AttributeValue> | undefined;

const caseOf = (image: Image) =>
  image?.type?.S === 'case' ? (unmarshall(image) as CaseRecord & CaseFacts) : undefined;

/**
 * Records of one case arrive in order within their shard; each is counted once, by the version it carries (see
 * `applyTallyChanges`), so a batch retried after a failure counts nothing twice.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const after = caseOf(record.dynamodb?.NewImage as Image);
    if (!after) continue;
    const before = caseOf(record.dynamodb?.OldImage as Image);
    try {
      const changes = tallyChanges(before, after);
      if (await applyTallyChanges(after.code, after.version, changes)) {
        await dropEmptyPendingBuckets(changes);
      }
    } catch (error) {
      logger.error('counting a case change failed', { error: error as Error, code: after.code });
      countEvent('TallyFailed', { agency: after.agencyId });
      // Report this record and stop: the stream retries from here, in order.
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
      break;
    }
  }
  return { batchItemFailures };
};

// Keeps the counts of cases (the queue's tabs, the public statistics) from the table's stream, locally and on AWS.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { countEvent, logger } from '../commons/observability';
import { type CaseFacts, tallyChanges } from '../domain/case-tallies';
import type { CaseRecord } from '../storage/records';
import { applyTallyChanges, type CountedChange, TallyBatchError } from '../storage/tallies';

type Image = Record<string, AttributeValue> | undefined;

const caseOf = (image: Image) =>
  image?.type?.S === 'case' ? (unmarshall(image) as CaseRecord & CaseFacts) : undefined;

/**
 * The batch's case writes are counted together, in as few transactions as fit; each case version once (see
 * `applyTallyChanges`), so a batch retried after a failure counts nothing twice. A failure reports the first record
 * not counted: the stream retries from there, in order.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const counted: (CountedChange & { sequence: string; agencyId: string })[] = [];
  for (const record of event.Records) {
    const after = caseOf(record.dynamodb?.NewImage as Image);
    if (!after) continue;
    counted.push({
      code: after.code,
      version: after.version,
      changes: tallyChanges(caseOf(record.dynamodb?.OldImage as Image), after),
      sequence: record.dynamodb?.SequenceNumber ?? '',
      agencyId: after.agencyId,
    });
  }
  try {
    await applyTallyChanges(counted);
    return { batchItemFailures: [] };
  } catch (error) {
    const first = error instanceof TallyBatchError ? error.firstUnapplied : 0;
    const failed = counted[first];
    logger.error('counting case changes failed', { error: error as Error, code: failed?.code });
    countEvent('TallyFailed', { agency: failed?.agencyId ?? 'unknown' });
    return { batchItemFailures: [{ itemIdentifier: failed?.sequence ?? '' }] };
  }
};

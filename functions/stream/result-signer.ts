// Signs each result document an official issues: fed by the table's stream with the `result-signature` items that
// `issue_result` writes, so that the signing code (pdf-lib, pkijs, fonts: megabytes) stays out of the officials'
// function and a failed signing is retried without the official waiting.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { countEvent, logger } from '../commons/observability';
import { signResult } from '../results/sign';

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (image?.type?.S !== 'result-signature' || image.state?.S !== 'pending') continue;
    const caseCode = image.caseCode?.S;
    if (!caseCode) continue;
    try {
      await signResult(caseCode);
    } catch (error) {
      logger.error('result signing failed', { caseCode, error: error as Error });
      countEvent('ResultSigningFailed');
      // Report this record and stop: the stream retries from here.
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
      break;
    }
  }
  return { batchItemFailures };
};

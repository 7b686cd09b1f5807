// Signs each result document an official issues: fed by the table's stream with the `result-signature` items that
// `issue_result` writes, so that the signing code (pdf-lib, pkijs, fonts: megabytes) stays out of the officials'
// function and a failed signing is retried without the official waiting.
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { countEvent, logger } from '../commons/observability';
import { signResult } from '../results/sign';
import { handleInOrder } from './in-order';

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  handleInOrder(
    event,
    (record) => {
      const image = record.dynamodb?.NewImage;
      if (image?.type?.S !== 'result-signature' || image.state?.S !== 'pending') return undefined;
      return image.caseCode?.S || undefined;
    },
    signResult,
    (caseCode, error) => {
      logger.error('result signing failed', { caseCode, error: error as Error });
      countEvent('ResultSigningFailed');
    },
  );

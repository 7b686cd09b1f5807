// Turns each status change of a business's case into webhook deliveries: fed by the table's stream with case
// items, it stores each delivery and queues it; the deliveries themselves are made by functions/queue/.
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { countEvent, logger } from '../commons/observability';
import type { CaseStatus } from '../domain/types';
import { type CaseStatusChange, fanOutStatusChange } from '../webhooks/fanout';
import { handleInOrder } from './in-order';

/**
 * The few fields a status change needs, read from the image as they are: the case's `data` is the applicant's
 * and never needed here, so it is not decoded at all.
 */
function statusChangeOf(image: Record<string, AttributeValue>): CaseStatusChange | undefined {
  const applicant = image.applicant?.M;
  const [code, procedureId, status, updatedAt] = ['code', 'procedureId', 'status', 'updatedAt'].map(
    (name) => image[name]?.S,
  );
  const version = Number(image.version?.N);
  const id = applicant?.id?.S;
  const role = applicant?.role?.S;
  if (!code || !procedureId || !status || !updatedAt || !Number.isInteger(version) || !id || !role) return;
  return { code, procedureId, status: status as CaseStatus, version, updatedAt, applicant: { id, role } };
}

export const handler = (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  handleInOrder(
    event,
    (record) => {
      const image = record.dynamodb?.NewImage;
      const change = image?.type?.S === 'case' ? statusChangeOf(image) : undefined;
      return change && { change, before: record.dynamodb?.OldImage?.status?.S };
    },
    ({ change, before }) => fanOutStatusChange(change, before),
    ({ change }, error) => {
      logger.error('webhook fan-out failed', { caseCode: change.code, error: error as Error });
      countEvent('WebhookFanOutFailed');
    },
  );

// The single table's shape: key names and secondary indexes, read by the CDK stack and the local runtime.

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: {
    // Every index carries only what its readers show (INDEX_PROJECTIONS): a write of the case puts it again in each
    // index whose keys it has, at the size that index projects, so a narrow projection is what keeps writes cheap.
    /** An agency's queue by status, ordered by due date (or by submission for `submitted`). */
    agencyQueue: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'queue' },
    /** An applicant's cases, newest first. */
    applicantCases: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'applicantCase' },
    // The queue's filters (version 2), each a key rather than a filter over the whole queue, so that a filtered
    // page costs what an unfiltered one does. Same order as the queue (its sort key is shared).
    /** An agency's queue of one status and one procedure. */
    queueByProcedure: {
      name: 'queueByProcedure',
      partitionKey: 'queueProcedurePk',
      sortKey: 'gsi1sk',
      projection: 'queue',
    },
    /** An agency's queue of one status and one assignee (or none). */
    queueByAssignee: {
      name: 'queueByAssignee',
      partitionKey: 'queueAssigneePk',
      sortKey: 'gsi1sk',
      projection: 'queue',
    },
    /** An agency's queue of one status, one procedure and one assignee (or none). */
    queueByProcedureAndAssignee: {
      name: 'queueByProcedureAndAssignee',
      partitionKey: 'queueProcedureAssigneePk',
      sortKey: 'gsi1sk',
      projection: 'queue',
    },
    /** The cases an agency received, by the moment it received them: the register (Mẫu 06). Sparse. */
    registerByAgency: {
      name: 'registerByAgency',
      partitionKey: 'registerPk',
      sortKey: 'registerSk',
      projection: 'register',
    },
  },
} as const;

/**
 * Attributes the indexes carry beside the keys: what a queue item shows, what a line of an applicant's list shows
 * (and its filters read), what a register line shows. DynamoDB allows 100 such attributes over all indexes, an
 * attribute counted once per index that carries it (the stack's test checks).
 */
export const INDEX_PROJECTIONS = {
  queue: [
    'code',
    'procedureId',
    'procedureName',
    'agencyId',
    'applicantName',
    'status',
    'submittedAt',
    'dueAt',
    'version',
    'assignee',
  ],
  applicantCase: ['code', 'procedureId', 'procedureName', 'status', 'submittedAt', 'dueAt', 'updatedAt'],
  register: [
    'code',
    'procedureId',
    'procedureName',
    'agencyId',
    'applicantName',
    'applicant',
    'contact',
    'status',
    'submittedAt',
    'receivedAt',
    'dueAt',
    'decidedAt',
    'updatedAt',
    'result',
    'extensions',
    'documents',
  ],
} as const;

type AnyIndex = (typeof TABLE.indexes)[keyof typeof TABLE.indexes];

/** The non-key attributes an index carries beside the table's and its own keys. */
export const indexAttributes = (index: AnyIndex): string[] => [...INDEX_PROJECTIONS[index.projection]];

/** Every key attribute of the table and its indexes, once (shared sort keys appear once). */
export const KEY_ATTRIBUTES: readonly string[] = [
  ...new Set([
    TABLE.partitionKey,
    TABLE.sortKey,
    ...Object.values(TABLE.indexes).flatMap((index) => [index.partitionKey, index.sortKey]),
  ]),
];

const projectionInput = (index: AnyIndex) => ({
  ProjectionType: 'INCLUDE' as const,
  NonKeyAttributes: indexAttributes(index),
});

/** The create-table input, for DynamoDB Local (the CDK stack declares the same keys). */
export function createTableInput(tableName: string) {
  const { indexes } = TABLE;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: KEY_ATTRIBUTES.map((AttributeName) => ({
      AttributeName,
      AttributeType: 'S' as const,
    })),
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: Object.values(indexes).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: projectionInput(index),
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' as const },
  };
}

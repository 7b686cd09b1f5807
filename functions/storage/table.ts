// The single table's shape: key names and secondary indexes, read by the CDK stack and the local runtime.

export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  indexes: {
    /** An agency's queue by status, ordered by due date (or by submission for `submitted`). */
    agencyQueue: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** An applicant's cases, newest first. */
    applicantCases: { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
} as const;

/** The create-table input, for DynamoDB Local (the CDK stack declares the same keys). */
export function createTableInput(tableName: string) {
  const { indexes } = TABLE;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [
      { AttributeName: TABLE.partitionKey, AttributeType: 'S' as const },
      { AttributeName: TABLE.sortKey, AttributeType: 'S' as const },
      { AttributeName: indexes.agencyQueue.partitionKey, AttributeType: 'S' as const },
      { AttributeName: indexes.agencyQueue.sortKey, AttributeType: 'S' as const },
      { AttributeName: indexes.applicantCases.partitionKey, AttributeType: 'S' as const },
      { AttributeName: indexes.applicantCases.sortKey, AttributeType: 'S' as const },
    ],
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
      Projection: { ProjectionType: 'ALL' as const },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' as const },
  };
}

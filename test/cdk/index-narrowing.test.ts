// The deploys that move a table made with gsi1 and gsi2 projecting ALL to their narrow projections: each step's
// template differs from the one before by one index created or deleted, and none changes an index in place,
// which is what CloudFormation accepts of an update.
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { INDEX_NARROWING_STEPS, type IndexNarrowingStep } from '../../cdk/config';
import { Data } from '../../cdk/constructs/data';

interface Index {
  IndexName: string;
  KeySchema: unknown;
  Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
}

function indexesAt(step: IndexNarrowingStep | undefined): Map<string, Index> {
  const stack = new Stack(new App(), 'Narrowing');
  new Data(stack, 'Data', {
    retainData: true,
    uploadOrigins: [],
    malwareScan: false,
    indexNarrowingStep: step,
  });
  const tables = Object.values(Template.fromStack(stack).findResources('AWS::DynamoDB::Table'));
  expect(tables).toHaveLength(1);
  const indexes = tables[0]!.Properties.GlobalSecondaryIndexes as Index[];
  return new Map(indexes.map((index) => [index.IndexName, index]));
}

describe('narrowing gsi1 and gsi2 on a deployed table', () => {
  it('takes one index creation or deletion per deploy, never a change in place, and ends narrow', () => {
    const today = indexesAt(undefined);
    // Before: as today, but the queue and the applicant's cases projected every attribute.
    const before = new Map(today);
    for (const name of ['gsi1', 'gsi2']) {
      before.set(name, { ...today.get(name)!, Projection: { ProjectionType: 'ALL' } });
    }
    const templates = [before, ...INDEX_NARROWING_STEPS.map((step) => indexesAt(step)), today];
    for (let i = 1; i < templates.length; i++) {
      const [from, to] = [templates[i - 1]!, templates[i]!];
      const created = [...to.keys()].filter((name) => !from.has(name));
      const deleted = [...from.keys()].filter((name) => !to.has(name));
      expect([...created, ...deleted], `deploy ${i}`).toHaveLength(1);
      for (const [name, index] of to)
        if (from.has(name)) expect(index, `${name} in deploy ${i}`).toEqual(from.get(name));
    }
    expect(today.get('gsi1')?.Projection.ProjectionType).toBe('INCLUDE');
    expect(today.get('gsi2')?.Projection.ProjectionType).toBe('INCLUDE');
  });
});

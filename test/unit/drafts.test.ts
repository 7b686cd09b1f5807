// The drafts service's own rule (functions/drafts/drafts.ts): how deep a draft's data nests, counted without
// recursion, so that a hostile body cannot exhaust the stack; the routes and storage are tested over HTTP.
import { beforeAll, describe, expect, it } from 'vitest';

let nestingDepth: (value: unknown) => number;

beforeAll(async () => {
  // The service's storage module reads the table's name when it loads, as a Lambda does.
  process.env.TABLE_NAME ??= 'unit-test';
  ({ nestingDepth } = await import('../../functions/drafts/drafts'));
});

describe("a draft's nesting depth", () => {
  it('counts objects and lists, not the values in them', () => {
    expect(nestingDepth('text')).toBe(0);
    expect(nestingDepth({})).toBe(1);
    expect(nestingDepth({ child: { fullName: 'An', hometown: null } })).toBe(2);
    expect(nestingDepth({ business: { industries: [{ code: '5610' }] } })).toBe(4);
  });

  it('stops counting past the limit, whatever the depth, without a stack overflow', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(nestingDepth(deep)).toBe(21);
  });
});

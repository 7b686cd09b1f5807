// The committed docs/openapi.json is the document the API serves: regenerate it (npm run docs:openapi) when
// a route or a schema changes, or this test fails.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../schemas/openapi';
import { OPENAPI_FILE } from '../../scripts/write-openapi';

describe('docs/openapi.json', () => {
  it('is the document GET /api/openapi.json serves, regenerated with npm run docs:openapi', () => {
    const committed = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
    const served = JSON.parse(JSON.stringify(buildOpenApiDocument()));
    expect(committed, 'docs/openapi.json is stale: run `npm run docs:openapi` and commit it').toEqual(served);
  });
});

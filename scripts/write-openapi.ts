// Writes docs/openapi.json, the published OpenAPI 3.1 document, from schemas/openapi.ts (as GET /api/openapi.json
// serves it), formatted as Biome formats JSON. Run: npm run docs:openapi. A unit test fails when it is stale.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../schemas/openapi';

export const OPENAPI_FILE = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(OPENAPI_FILE, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
  const biome = fileURLToPath(new URL('../node_modules/.bin/biome', import.meta.url));
  execFileSync(biome, ['format', '--write', OPENAPI_FILE], { stdio: 'ignore' });
  console.log(`wrote ${OPENAPI_FILE}`);
}

// The route table: every route documented, its handler built from its own entry, every request part bounded.
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { routes } from '../../functions/routes';
import { pathParameters } from '../../functions/routes/define';

// Handler modules read their configuration at import, as a Lambda does at cold start.
beforeAll(() => {
  process.env.TABLE_NAME ??= 'unit-test';
  process.env.DOCUMENTS_BUCKET ??= 'unit-test-documents';
  process.env.AWS_REGION ??= 'ap-southeast-1';
});

const named = routes.map((r) => [`${r.method} ${r.path}`, r] as const);

/** Where a string, number or array of a request part could be unbounded, by JSON Schema path. */
function unbounded(schema: Record<string, unknown>, path = ''): string[] {
  const found: string[] = [];
  const type = schema.type;
  if (
    type === 'string' &&
    schema.maxLength === undefined &&
    schema.enum === undefined &&
    schema.const === undefined
  )
    found.push(path || '(root)');
  if (type === 'array' && schema.maxItems === undefined) found.push(path);
  for (const [key, child] of Object.entries(
    (schema.properties ?? {}) as Record<string, Record<string, unknown>>,
  ))
    found.push(...unbounded(child, `${path}.${key}`));
  if (schema.items) found.push(...unbounded(schema.items as Record<string, unknown>, `${path}[]`));
  return found;
}

describe('the route table', () => {
  it('has one entry per method and path', () => {
    const keys = named.map(([key]) => key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(named)('%s documents at least one answer, each with a body schema but 204', (_, r) => {
    const answers = Object.entries(r.responses);
    expect(answers.length).toBeGreaterThan(0);
    for (const [status, spec] of answers) {
      expect(Number(status)).toBeGreaterThanOrEqual(200);
      expect(spec?.description.length).toBeGreaterThan(0);
      if (status === '204') expect(spec && 'body' in spec).toBe(false);
      else expect(spec && 'body' in spec && spec.body()._zod.def.type).toBeTypeOf('string');
    }
    expect(r.openapi.summary.length).toBeGreaterThan(3);
  });

  it.each(named)('%s is served by a handler built from its own entry', async (_, r) => {
    const module = (await import(`../../${r.entry}`)) as Record<string, { route?: unknown }>;
    expect(module[r.exportName], r.exportName).toBeTypeOf('function');
    expect(module[r.exportName]?.route).toBe(r);
  });

  it.each(named)('%s bounds every path parameter, query and header it takes', (_, r) => {
    const { params, query, headers } = r.request;
    const declared = params ? Object.keys((params()._zod.def as z.core.$ZodObjectDef).shape) : [];
    expect(declared.sort()).toEqual(pathParameters(r.path).sort());
    for (const part of [params, query, headers]) {
      if (!part) continue;
      const jsonSchema = z.toJSONSchema(part(), { io: 'input', unrepresentable: 'any' });
      expect(unbounded(jsonSchema as Record<string, unknown>)).toEqual([]);
    }
  });

  it('puts behind sign-in exactly the routes with roles, and in the local runtime only the local group', () => {
    for (const [key, r] of named) {
      expect(r.auth, key).toBe(r.roles ? 'jwt' : 'none');
      if (r.roles) expect(r.roles.length, key).toBeGreaterThan(0);
      expect(Boolean(r.localOnly), key).toBe(r.group === 'local');
    }
  });
});

// The OpenAPI document: every deployed route with its method, problem responses, security and procedure forms.
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/routes';
import { procedureDetail as procedureDetailSchema } from '../../schemas/api';
import { procedureDetail, procedures } from '../../schemas/catalogue';
import { buildOpenApiDocument } from '../../schemas/openapi';

// biome-ignore lint/suspicious/noExplicitAny: the document is walked as plain JSON
type Json = any;

const doc = buildOpenApiDocument() as Json;
const deployed = routes.filter((r) => !r.localOnly);
const localOnly = routes.filter((r) => r.localOnly);

function* refs(node: Json): Generator<string> {
  if (Array.isArray(node)) for (const item of node) yield* refs(item);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') yield value;
      else yield* refs(value);
    }
  }
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and survives a JSON round trip unchanged', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('is built once', () => {
    expect(buildOpenApiDocument()).toBe(doc);
  });

  it.each(deployed.map((r) => [r.method, r.path, r] as const))('has %s %s, documented', (method, path, r) => {
    const operation = doc.paths[path]?.[method.toLowerCase()];
    expect(operation).toBeDefined();
    expect(operation.operationId).toBe(r.exportName);
    expect(operation['x-undocumented']).toBeUndefined();
    expect(operation.summary.length).toBeGreaterThan(3);
  });

  it('has no other operation than the deployed routes', () => {
    const operations = Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(deployed.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('leaves the local-only routes out but names each in info.description', () => {
    expect(localOnly.length).toBeGreaterThan(0);
    for (const r of localOnly) {
      expect(doc.paths[r.path]?.[r.method.toLowerCase()]).toBeUndefined();
      expect(doc.info.description).toContain(`\`${r.method} ${r.path}\``);
    }
  });

  it('declares bearer JWT security and applies it to exactly the signed-in routes', () => {
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    for (const r of deployed) {
      const operation = doc.paths[r.path][r.method.toLowerCase()];
      expect(operation.security, `${r.method} ${r.path}`).toEqual(
        r.auth === 'jwt' ? [{ bearerAuth: [] }] : [],
      );
    }
  });

  it('has problem-details responses for 400, 401, 404, 409, 413, 415 and 429', () => {
    const responses = doc.components.responses as Record<string, Json>;
    const byStatus = {
      BadRequest: 400,
      Unauthorized: 401,
      NotFound: 404,
      Conflict: 409,
      PayloadTooLarge: 413,
      UnsupportedMediaType: 415,
      TooManyRequests: 429,
    };
    for (const name of Object.keys(byStatus)) {
      expect(responses[name]?.content['application/problem+json'].schema, name).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    }
    expect(doc.components.schemas.Problem.properties.errors.type).toBe('array');
  });

  it('wires the problems each route can answer', () => {
    const submit = doc.paths['/api/applications'].post;
    expect(Object.keys(submit.responses).sort()).toEqual(['201', '400', '401', '403', '409', '413', '415']);
    expect(submit.parameters).toContainEqual(
      expect.objectContaining({ in: 'header', name: 'Idempotency-Key', required: true }),
    );
    const track = doc.paths['/api/track/{code}'].get;
    expect(Object.keys(track.responses).sort()).toEqual(['200', '400', '404', '429']);
    expect(Object.keys(doc.paths['/api/procedures/{id}'].get.responses).sort()).toEqual(['200', '404']);
  });

  it('declares every path parameter', () => {
    for (const r of deployed) {
      const names = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const parameters = doc.paths[r.path][r.method.toLowerCase()].parameters ?? [];
      for (const name of names) {
        expect(parameters, `${r.path} ${name}`).toContainEqual(
          expect.objectContaining({ in: 'path', name, required: true }),
        );
      }
    }
  });

  it('resolves every $ref inside the document', () => {
    const all = [...refs(doc)];
    expect(all.length).toBeGreaterThan(20);
    for (const ref of all) {
      expect(ref).toMatch(/^#\/components\//);
      const target = ref
        .slice(2)
        .split('/')
        .reduce((node: Json, key) => node?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('carries each procedure form as a component, with titles and its examples', () => {
    for (const p of procedures) {
      const form = doc.components.schemas[`ProcedureForm.${p.id}`];
      expect(form, p.id).toBeDefined();
      expect(form.title).toBe(p.name.vi);
      expect(form.examples).toEqual(p.examples);
      for (const [key, property] of Object.entries(form.properties as Record<string, Json>)) {
        expect(typeof property.title, `${p.id}.${key}`).toBe('string');
      }
    }
  });

  it('documents every field that GET /api/procedures/{id} answers', () => {
    for (const p of procedures) {
      const body = JSON.parse(JSON.stringify(procedureDetail(p)));
      // zod objects drop unknown keys: equality shows that no key of the body is missing from the schema
      expect(procedureDetailSchema().parse(body), p.id).toEqual(body);
    }
    const properties = doc.components.schemas.ProcedureDetail.properties;
    expect(Object.keys(properties)).toEqual(
      expect.arrayContaining(['form', 'documents', 'serviceLevelName']),
    );
  });
});

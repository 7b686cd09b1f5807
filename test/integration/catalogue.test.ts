// The public catalogue over HTTP, and the operations routes (health, OpenAPI).
import { describe, expect, it } from 'vitest';
import { client } from '../support/flows';

const c = client();

describe('the public catalogue', () => {
  it('lists procedures and finds them without diacritics', async () => {
    const all = await c.get('/api/procedures');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(5);
    for (const item of all.body.items) {
      expect(item).toMatchObject({
        id: expect.any(String),
        name: { vi: expect.any(String), en: expect.any(String) },
        agency: { id: expect.any(String), code: expect.any(String) },
        processingDays: expect.any(Number),
      });
      expect([3, 4]).toContain(item.level);
    }
    const found = await c.get(`/api/procedures?q=${encodeURIComponent('ho kinh doanh')}`);
    expect(found.body.items.map((p: { id: string }) => p.id)).toEqual(['dang-ky-thanh-lap-ho-kinh-doanh']);
    const accented = await c.get(`/api/procedures?q=${encodeURIComponent('HỘ KINH DOANH')}`);
    expect(accented.body.items).toEqual(found.body.items);
    const none = await c.get('/api/procedures?q=zzzz');
    expect(none.body.items).toEqual([]);
  });

  it("serves a procedure's page (form as JSON Schema with an example, documents, steps, legal basis), and 404 in the language asked for", async () => {
    const page = await c.get('/api/procedures/dang-ky-khai-sinh');
    expect(page.status).toBe(200);
    expect(page.body.form.$schema).toContain('2020-12');
    expect(page.body.form.examples.length).toBeGreaterThan(0);
    expect(page.body.documents[0]).toMatchObject({
      type: expect.any(String),
      accept: expect.any(Array),
      maxBytes: expect.any(Number),
    });
    expect(page.body.steps.length).toBeGreaterThan(0);
    expect(page.body.legalBasis.length).toBeGreaterThan(0);
    const missing = await c.get('/api/procedures/khong-co');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('application/problem+json');
    const english = await c.get('/api/procedures/khong-co', { headers: { 'accept-language': 'en' } });
    expect(english.body.title).toBe('Not found');
  });
});

describe('operations', () => {
  it('reports health: 200 {"status":"ok"}', async () => {
    const health = await c.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
  });

  it('publishes the OpenAPI 3.1 document', async () => {
    const doc = await c.get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/applications', '/api/cases/{code}/actions']),
    );
    expect(Object.keys(doc.body.paths).some((p) => p.startsWith('/api/local'))).toBe(false);
  });
});

// Presigned uploads: what the API hands out, and what it refuses before any byte is stored.
import { describe, expect, it } from 'vitest';
import { newCitizen } from '../support/accounts';
import { BIRTH, client } from '../support/flows';

const c = client();

describe('POST /api/uploads', () => {
  it('hands out a short-lived presigned POST into quarantine for an accepted document', async () => {
    const { token } = await newCitizen();
    const response = await c.post('/api/uploads', {
      token,
      body: {
        procedureId: BIRTH,
        documentType: 'medical-birth-certificate',
        fileName: 'Giấy chứng sinh.heic',
        contentType: 'image/heic',
        size: 3_000_000,
      },
    });
    expect(response.status).toBe(201);
    expect(response.body.fields.key).toBe(`quarantine/${response.body.uploadId}`);
    expect(response.body.fields['Content-Type']).toBe('image/heic');
    const policy = JSON.parse(Buffer.from(response.body.fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toContainEqual(['content-length-range', 3_000_000, 3_000_000]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'image/heic']);
    const expires = new Date(response.body.expiresAt).getTime() - Date.now();
    expect(expires).toBeGreaterThan(0);
    expect(expires).toBeLessThanOrEqual(15 * 60 * 1000);
  });

  it('refuses a type, a size or a document the procedure does not take, listing each', async () => {
    const { token } = await newCitizen();
    const wrong = await c.post('/api/uploads', {
      token,
      body: {
        procedureId: BIRTH,
        documentType: 'medical-birth-certificate',
        fileName: 'x.exe',
        contentType: 'application/x-msdownload',
        size: 1024 * 1024 * 1024,
      },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['contentType', 'size']);

    const unknownDocument = await c.post('/api/uploads', {
      token,
      body: {
        procedureId: BIRTH,
        documentType: 'passport',
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        size: 10,
      },
    });
    expect(unknownDocument.status).toBe(400);
    expect(unknownDocument.body.errors[0].path).toBe('documentType');

    // Only officials attach result documents.
    const result = await c.post('/api/uploads', {
      token,
      body: {
        procedureId: BIRTH,
        documentType: 'result',
        fileName: 'a.pdf',
        contentType: 'application/pdf',
        size: 10,
      },
    });
    expect(result.status).toBe(400);

    const shape = await c.post('/api/uploads', {
      token,
      body: { procedureId: BIRTH, size: -1, extra: true },
    });
    expect(shape.status).toBe(400);
    expect(shape.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['documentType', 'fileName', 'contentType', 'size']),
    );

    expect((await c.post('/api/uploads', { body: {} })).status).toBe(401);
  });
});

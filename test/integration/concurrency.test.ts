import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  act,
  BIRTH,
  client,
  exampleData,
  signIn,
  submitBirthRegistration,
  uploadFile,
} from '../support/flows';

const c = client();

describe('under concurrency', () => {
  it('gives 50 parallel submissions 50 distinct codes', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => submitBirthRegistration(c, i % 2 === 0 ? 'citizen1' : 'citizen2')),
    );
    const codes = new Set(results.map((r) => r.code));
    expect(codes.size).toBe(50);
    // Numbers of one agency and day are a sequence: distinct, and each within the day's counter.
    for (const code of codes) expect(code).toMatch(/-\d{6}-\d{4,}$/);
  });

  it('makes one case of 10 parallel submissions with one Idempotency-Key', async () => {
    const token = await signIn(c, 'business1');
    const before = await c.get('/api/applications?limit=100', { token });
    const uploadId = await uploadFile(c, token, {
      procedureId: BIRTH,
      documentType: 'medical-birth-certificate',
    });
    const key = randomUUID();
    const body = {
      procedureId: BIRTH,
      data: await exampleData(c, BIRTH),
      documents: [{ documentType: 'medical-birth-certificate', uploadId }],
    };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        c.post('/api/applications', { token, headers: { 'idempotency-key': key }, body }),
      ),
    );
    const created = answers.filter((a) => a.status === 201);
    // Every answer is the first response again, or (while the first is still in flight) a 409.
    for (const a of answers) expect([201, 409]).toContain(a.status);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.code)).size).toBe(1);
    expect(new Set(created.map((a) => a.body.trackingPin)).size).toBe(1);
    const after = await c.get('/api/applications?limit=100', { token });
    expect(after.body.items.length).toBe(before.body.items.length + 1);
  });

  it('lets exactly one of two officials acting on the same version succeed', async () => {
    const created = await submitBirthRegistration(c, 'citizen1');
    const [a, b] = await Promise.all([
      act(c, 'official-ubnd-xa-gia-sinh', created.code, { action: 'receive', expectedVersion: 1 }),
      act(c, 'official-ubnd-xa-gia-sinh', created.code, {
        action: 'reject',
        expectedVersion: 1,
        note: 'Hồ sơ không thuộc thẩm quyền',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.type).toMatch(/version-conflict$/);
    const token = await signIn(c, 'citizen1');
    const read = await c.get(`/api/applications/${created.code}`, { token });
    expect(read.body.version).toBe(2);
    expect(read.body.history).toHaveLength(2);
  });
});

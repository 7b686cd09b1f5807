// Many requests at once: distinct case codes, one case per Idempotency-Key, one winner per case version.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newCitizen, newOfficial } from '../support/accounts';
import {
  act,
  BIRTH,
  COMMUNE,
  client,
  exampleData,
  submitBirthRegistration,
  uploadFile,
} from '../support/flows';

const c = client();

describe('under concurrency', () => {
  it('gives 50 parallel submissions 50 distinct codes, each numbered within its agency and day', async () => {
    const applicants = [await newCitizen(), await newCitizen()];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => submitBirthRegistration(c, applicants[i % 2]!)),
    );
    const codes = new Set(results.map((r) => r.code));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(code).toMatch(/-\d{6}-\d{4,}$/);
    // Both applicants see exactly their 25.
    for (const [i, applicant] of applicants.entries()) {
      const mine = await c.get('/api/applications?limit=100', { token: applicant.token });
      expect(new Set(mine.body.items.map((item: { code: string }) => item.code))).toEqual(
        new Set(results.filter((_, j) => j % 2 === i).map((r) => r.code)),
      );
    }
  });

  it('answers all of 10 parallel submissions with one Idempotency-Key with the one case they made', async () => {
    const { token } = await newCitizen();
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
    // The contract: the same key with the same body answers the first response again, even while that
    // first request is still in flight.
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    const mine = await c.get('/api/applications', { token });
    expect(mine.body.items.map((i: { code: string }) => i.code)).toEqual([answers[0]!.body.code]);
  });

  it('lets exactly one of two officials acting on the same version succeed', async () => {
    const applicant = await newCitizen();
    const created = await submitBirthRegistration(c, applicant);
    const [one, other] = [await newOfficial(COMMUNE), await newOfficial(COMMUNE)];
    const [a, b] = await Promise.all([
      act(c, one, created.code, { action: 'receive', expectedVersion: 1 }),
      act(c, other, created.code, {
        action: 'reject',
        expectedVersion: 1,
        note: 'Hồ sơ không thuộc thẩm quyền',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser] = a.status === 200 ? [a, b] : [b, a];
    expect(loser.body.type).toMatch(/version-conflict$/);
    const read = await c.get(`/api/applications/${created.code}`, { token: applicant.token });
    expect(read.body.version).toBe(2);
    expect(read.body.status).toBe(winner.body.status);
    expect(read.body.history).toHaveLength(2);
  });
});

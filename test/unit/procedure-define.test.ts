// A procedure's form is built when first read, once, and the definition cannot be changed afterwards.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { giaSinhCommune } from '../../schemas/agencies';
import { defineProcedure } from '../../schemas/procedures/define';

describe('defineProcedure', () => {
  it('builds the form on first read only, and keeps it', () => {
    let builds = 0;
    const procedure = defineProcedure({
      id: 'thu-tuc-thu',
      name: { vi: 'Thủ tục thử', en: 'Test procedure' },
      agency: giaSinhCommune,
      level: 3,
      fee: null,
      processingDays: 1,
      timeLimitBasis: { vi: 'Điều thử', en: 'Test article' },
      steps: [],
      legalBasis: [],
      resultDelivery: { methods: ['in_person'], result: { vi: 'Kết quả', en: 'Result' } },
      applicants: { vi: 'Công dân', en: 'Citizens' },
      where: { vi: 'Ủy ban nhân dân xã', en: "Commune People's Committee" },
      documents: [],
      form: () => {
        builds += 1;
        return z.strictObject({ name: z.string() });
      },
      examples: [{ name: 'An' }],
      applicantName: (data) => data.name,
    });
    expect(builds).toBe(0);
    expect(procedure.id).toBe('thu-tuc-thu');
    const form = procedure.form;
    expect(form.safeParse({ name: 'An' }).success).toBe(true);
    expect(procedure.form).toBe(form);
    expect(builds).toBe(1);
    expect(Object.isFrozen(procedure)).toBe(true);
  });
});

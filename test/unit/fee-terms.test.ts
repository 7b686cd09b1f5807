// The payment function's table of fees and processing days says what the catalogue says.
import { describe, expect, it } from 'vitest';
import { FEE_TERMS } from '../../functions/payments/fee-terms.generated';
import { procedures } from '../../schemas/catalogue';

describe('functions/payments/fee-terms.generated.ts', () => {
  it('holds every procedure of the catalogue with its fee and processing days (npx tsx scripts/generate-fee-terms.ts)', () => {
    expect(Object.keys(FEE_TERMS).sort()).toEqual(procedures.map((p) => p.id).sort());
    for (const procedure of procedures) {
      expect(FEE_TERMS[procedure.id], procedure.id).toEqual({
        fee: procedure.fee?.amount ?? null,
        processingDays: procedure.processingDays,
      });
    }
  });
});

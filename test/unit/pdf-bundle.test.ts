// The PDF group's Lambda bundle (forms, fonts, signing, KMS client) stays under 3 MB and works with no node_modules.
import { describe, expect, it } from 'vitest';
import { bundlePdfProbe, PDF_GROUP_LIMIT_BYTES, runPdfProbe } from '../support/pdf-bundle';

describe('the PDF Lambda group bundle', () => {
  it('is under 3 MB and, run on its own, renders a form with its fonts, signs and verifies it', {
    timeout: 120_000,
  }, async () => {
    const bundle = await bundlePdfProbe();
    expect(bundle.bytes).toBeLessThan(PDF_GROUP_LIMIT_BYTES);
    const answer = runPdfProbe(bundle);
    expect(answer).toMatchObject({ valid: true, problems: [] });
    // A form with its two embedded font subsets is tens of KB; one without fonts would be a few KB.
    expect(answer.formBytes).toBeGreaterThan(20_000);
  });
});

// The forms' Lambda group (Mẫu 01–06: PDF library, embedded fonts, storage) bundles under its 3 MB limit, and its
// routes' handlers come with it; the interactive groups carry no PDF code.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions, REPOSITORY_ROOT, routeGroups, writeGroupEntry } from '../../cdk/bundling';
import { routes } from '../../functions/routes';
import { PDF_GROUPS } from '../../functions/routes/define';
import { PDF_GROUP_LIMIT_BYTES } from '../support/pdf-bundle';

async function bundleGroup(group: string) {
  const groupRoutes = routeGroups(routes).get(group);
  if (!groupRoutes) throw new Error(`no group ${group}`);
  const outfile = join(mkdtempSync(join(tmpdir(), `motcua-${group}-bundle-`)), 'index.mjs');
  const { metafile } = await build({
    ...esbuildOptions(writeGroupEntry(group, groupRoutes, REPOSITORY_ROOT), outfile),
    metafile: true,
    logLevel: 'error',
  });
  return { bytes: statSync(outfile).size, inputs: Object.keys(metafile.inputs) };
}

describe('the PDF function groups', () => {
  it('bundle each under 3 MB, the forms with the embedded fonts', { timeout: 120_000 }, async () => {
    expect(PDF_GROUPS).toContain('forms');
    for (const group of PDF_GROUPS) {
      const bundle = await bundleGroup(group);
      expect(bundle.bytes, group).toBeLessThan(PDF_GROUP_LIMIT_BYTES);
      // Only the forms draw text; verification reads signatures and needs no font.
      if (group === 'forms') {
        expect(
          bundle.inputs.some((input) => input.endsWith('functions/pdf/fonts.generated.ts')),
          group,
        ).toBe(true);
      }
    }
  });

  it('keep the PDF library out of the interactive functions the console uses', {
    timeout: 120_000,
  }, async () => {
    for (const group of ['official', 'queue', 'stats', 'applicant']) {
      const bundle = await bundleGroup(group);
      expect(
        bundle.inputs.some((input) => input.includes('pdf-lib')),
        group,
      ).toBe(false);
      // The official group carries the S3 client and the catalogue (over the budget before the console came).
      if (group !== 'official') expect(bundle.bytes, group).toBeLessThan(300 * 1024);
    }
  });
});

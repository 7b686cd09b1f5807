// The generated font module holds exactly the TTFs of the installed @expo-google-fonts/be-vietnam-pro.
import { describe, expect, it } from 'vitest';
import { fontFiles } from '../../functions/pdf/fonts';
import { fontFromPackage } from '../../scripts/generate-pdf-fonts';

describe('functions/pdf/fonts.generated.ts', () => {
  it('holds the package font files byte for byte (regenerate: npx tsx scripts/generate-pdf-fonts.ts)', () => {
    const files = fontFiles();
    expect(Buffer.from(files.regular).equals(fontFromPackage('regular'))).toBe(true);
    expect(Buffer.from(files.bold).equals(fontFromPackage('bold'))).toBe(true);
    // A TrueType file starts with the sfnt version 0x00010000.
    expect([...files.regular.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
  });
});

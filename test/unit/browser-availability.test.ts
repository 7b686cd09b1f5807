// The browser tests' decision when Chromium is missing: skip with the reason on a developer's machine, fail in CI.
import { describe, expect, it, vi } from 'vitest';
import { chromiumAvailable } from '../support/chromium';

const MISSING = '/nonexistent/motcua/chromium';

describe('chromiumAvailable', () => {
  it('skips, saying why, when Chromium is missing outside CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(chromiumAvailable(MISSING, {})).toBe(false);
    expect(chromiumAvailable(MISSING, { CI: 'false' })).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${MISSING} is missing`));
    warn.mockRestore();
  });

  it('fails in CI when Chromium is missing', () => {
    expect(() => chromiumAvailable(MISSING, { CI: 'true' })).toThrow(/CI must run them/);
    expect(() => chromiumAvailable(MISSING, { CI: '1' })).toThrow(/CI must run them/);
  });

  it('runs where Chromium is', () => {
    expect(chromiumAvailable(process.execPath, { CI: 'true' })).toBe(true);
  });
});

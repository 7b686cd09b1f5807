// The README's curl walkthrough, run as written against the test runtime: the documentation must work.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);

describe("the README's curl walkthrough", () => {
  // Timeouts only stop a hang: a dozen curl calls take seconds even on a loaded machine.
  it('submits an application, moves it through every status, checks its signed result, and pays a fee through the sandbox, as written', {
    timeout: 180_000,
  }, async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Try it with curl'));
    const script = section.match(/```sh\n([\s\S]*?)```/)?.[1];
    expect(script).toBeDefined();
    const pointed = script!.replace('API=http://127.0.0.1:3000', `API=${inject('baseUrl')}`);
    expect(pointed).not.toBe(script);
    const dir = await mkdtemp(join(tmpdir(), 'motcua-readme-'));
    try {
      const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', pointed], {
        cwd: dir,
        timeout: 150_000,
      });
      const lines = stdout.split('\n');
      expect(lines).toContain('storage: 204');
      // The applicant's document and the official's result: each stored, then verified as it landed.
      expect(lines.filter((l) => l === 'storage: 204')).toHaveLength(2);
      expect(lines.filter((l) => l === 'upload: verified')).toHaveLength(2);
      const statuses = lines.filter((l) => /^[a-z_]+$/.test(l));
      expect(statuses).toEqual([
        'processing',
        'needs_supplement',
        'processing',
        'approved',
        'completed',
        'awaiting_payment',
      ]);
      // The signed result downloaded and checked; the fee paid through the sandbox, the browser sent back.
      expect(lines.find((l) => l.startsWith('signed by '))).toMatch(/^signed by .+, sha256 [0-9a-f]{64}$/);
      expect(lines.find((l) => l.startsWith('valid: '))).toMatch(/^valid: true \(.+\)$/);
      expect(lines.find((l) => l.startsWith('gateway sends the browser to: '))).toContain(
        '/api/payments/vnpay/return?',
      );
      expect(lines).toContain('submitted (payment paid)');
      const track = JSON.parse(lines.find((l) => l.startsWith('{"code"') && l.includes('"history"')) ?? '{}');
      expect(track.history.map((h: { status: string }) => h.status)).toEqual([
        'submitted',
        'processing',
        'needs_supplement',
        'processing',
        'approved',
        'completed',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

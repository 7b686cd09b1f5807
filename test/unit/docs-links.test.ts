// The project's documentation stands alone: every relative link in README.md and docs/ names a file of this
// repository (none outside it, as `../shared/…` once did).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const documents = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** Targets of Markdown links `[text](target)`, without web addresses, mail and in-page anchors. */
function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1]!)
    .filter((target) => !/^([a-z]+:|#)/i.test(target))
    .map((target) => target.split('#')[0]!);
}

describe('documentation links', () => {
  it.each(documents)('%s links only to files inside the repository', (document) => {
    const links = relativeLinks(readFileSync(join(ROOT, document), 'utf8'));
    for (const link of links) {
      const target = resolve(ROOT, dirname(document), link);
      expect(relative(ROOT, target).startsWith('..'), `${document} → ${link}`).toBe(false);
      expect(existsSync(target), `${document} → ${link}`).toBe(true);
    }
  });

  it('finds the links it checks', () => {
    expect(relativeLinks('see [the API](docs/api.md#x), [web](https://a.b) and [here](#top)')).toEqual([
      'docs/api.md',
    ]);
  });
});

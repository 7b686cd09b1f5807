// Idempotency keys for writes (POST /api/applications): one key per attempt, kept across retries and reloads,
// so a flaky network never makes two cases and never loses one; a changed body gets a new key (else 409).

const STORAGE_PREFIX = 'motcua.idempotency.';

/** A fresh random key: 36 printable ASCII characters. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** FNV-1a of the body's JSON: enough to tell a changed body from a repeated one without storing it. */
function fingerprint(body: unknown): string {
  const text = JSON.stringify(body) ?? '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null; // Storage blocked: the key then lasts as long as the page.
  }
}

const inMemory = new Map<string, string>();

/**
 * The key of the write named `scope` (e.g. `submit:<draft id>`) with this `body`: the same key as long as the
 * body is the same, across retries and reloads; a new one once the body changes.
 */
export function idempotencyKeyFor(scope: string, body: unknown): string {
  const name = STORAGE_PREFIX + scope;
  const print = fingerprint(body);
  const stored = storage()?.getItem(name) ?? inMemory.get(name) ?? '';
  const [storedPrint, storedKey] = stored.split(' ');
  if (storedPrint === print && storedKey) return storedKey;
  const key = newIdempotencyKey();
  const value = `${print} ${key}`;
  inMemory.set(name, value);
  try {
    storage()?.setItem(name, value);
  } catch {
    // Storage full: the key lives in memory for this page.
  }
  return key;
}

/** Forgets the key of `scope` once its write has succeeded (or the user starts over). */
export function forgetIdempotencyKey(scope: string): void {
  inMemory.delete(STORAGE_PREFIX + scope);
  storage()?.removeItem(STORAGE_PREFIX + scope);
}

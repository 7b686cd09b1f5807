// Configuration fails fast: a module that needs a variable refuses to load without it; others never ask for it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { oneOfEnv, requiredEnv } from '../../functions/commons/config';
import { ENV } from '../../functions/commons/environment';

const OURS = Object.values(ENV);

beforeEach(() => {
  vi.resetModules();
  // Start every case from an environment with none of the platform's variables.
  for (const name of OURS) vi.stubEnv(name, '');
  vi.stubEnv('AWS_REGION', 'ap-southeast-1');
});
afterEach(() => vi.unstubAllEnvs());

describe('requiredEnv and oneOfEnv', () => {
  it('name the missing variable and why it is needed', () => {
    expect(() => requiredEnv(ENV.tableName, 'the table')).toThrow(
      'Missing required environment variable TABLE_NAME (the table)',
    );
    vi.stubEnv(ENV.tableName, 'motcua');
    expect(requiredEnv(ENV.tableName, 'the table')).toBe('motcua');
  });

  it('refuse a value outside the allowed ones, and use the fallback only when unset', () => {
    vi.stubEnv(ENV.notifyChannel, 'pigeon');
    expect(() => oneOfEnv(ENV.notifyChannel, ['outbox', 'ses-sns'])).toThrow(/NOTIFY_CHANNEL must be one of/);
    vi.stubEnv(ENV.malwareScan, '');
    expect(oneOfEnv(ENV.malwareScan, ['guardduty', 'none'], 'none')).toBe('none');
  });
});

describe('each module asks for what it needs when it loads', () => {
  it('storage needs TABLE_NAME', async () => {
    await expect(import('../../functions/storage/dynamo')).rejects.toThrow(/TABLE_NAME/);
    vi.resetModules();
    vi.stubEnv(ENV.tableName, 'motcua');
    await expect(import('../../functions/storage/dynamo')).resolves.toHaveProperty('TableName', 'motcua');
  });

  it('documents need DOCUMENTS_BUCKET (and the upload verifier a known MALWARE_SCAN)', async () => {
    vi.stubEnv(ENV.tableName, 'motcua');
    await expect(import('../../functions/documents/uploads')).rejects.toThrow(/DOCUMENTS_BUCKET/);
    vi.resetModules();
    vi.stubEnv(ENV.documentsBucket, 'motcua-documents');
    vi.stubEnv(ENV.malwareScan, 'clamav');
    await expect(import('../../functions/documents/verifier')).rejects.toThrow(/MALWARE_SCAN/);
  });

  it('the notifier needs its channel, and the sender address when it sends through SES', async () => {
    vi.stubEnv(ENV.tableName, 'motcua');
    await expect(import('../../functions/stream/notifier')).rejects.toThrow(/NOTIFY_CHANNEL/);
    vi.resetModules();
    vi.stubEnv(ENV.notifyChannel, 'ses-sns');
    await expect(import('../../functions/stream/notifier')).rejects.toThrow(/SES_FROM_ADDRESS/);
    vi.resetModules();
    vi.stubEnv(ENV.notifyChannel, 'outbox');
    await expect(import('../../functions/stream/notifier')).resolves.toHaveProperty('handler');
  });

  it('the catalogue and the HTTP wrapper need none: a function without storage starts without TABLE_NAME', async () => {
    await expect(import('../../functions/http/catalogue')).resolves.toHaveProperty('getProcedure');
  });

  it('the seal key is read when first needed, and a wrong one is refused by name', async () => {
    const { seal } = await import('../../functions/commons/seal');
    expect(() => seal('PIN', 'case')).toThrow(/SEAL_KEY/);
    vi.resetModules();
    vi.stubEnv(ENV.sealKey, Buffer.alloc(16).toString('base64'));
    const again = await import('../../functions/commons/seal');
    expect(() => again.seal('PIN', 'case')).toThrow('SEAL_KEY must be 32 bytes, base64-encoded');
  });
});

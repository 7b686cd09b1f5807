// Configuration from the environment: each module reads what it needs when it loads, and a missing value fails then.
import { ENV, type EnvName } from './environment';

/** The variable's value; a function that needs it and lacks it fails at once, naming it. */
export function requiredEnv(name: EnvName, why: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Missing required environment variable ${name} (${why})`);
  return value;
}

export function optionalEnv(name: EnvName): string | undefined {
  return process.env[name] || undefined;
}

/** One of the values a variable may take; anything else fails as a missing one would. */
export function oneOfEnv<const V extends string>(name: EnvName, allowed: readonly V[], fallback?: V): V {
  const value = process.env[name] || fallback;
  if (value === undefined || !allowed.includes(value as V)) {
    throw new Error(
      `Environment variable ${name} must be one of ${allowed.join(', ')}; it is ${value ?? 'unset'}`,
    );
  }
  return value as V;
}

/**
 * Read where the HTTP wrapper needs them, at each use: a module that imports this one before the local runtime sets
 * the environment (the route table does, for the drafts' body limit) must not fix them unset. Neither is required.
 */
export const runtime = {
  get isLocal(): boolean {
    return optionalEnv(ENV.runtime) === 'local';
  },
  get clientIpHeader(): string | undefined {
    return optionalEnv(ENV.clientIpHeader)?.toLowerCase();
  },
};

/** Limits of the contract and of uploads. */
export const limits = {
  maxBodyBytes: 1024 * 1024,
  uploadUrlTtlSeconds: 15 * 60,
  uploadRecordTtlSeconds: 2 * 24 * 3600,
  downloadUrlTtlSeconds: 5 * 60,
  /** How long a submission waits for the verdict on an upload still `pending` before it answers 400. */
  uploadVerdictWaitMs: 3000,
  idempotencyTtlSeconds: 24 * 3600,
  /** Drafts (CONTRACT.md v2): 30 days after their last change, a body of at most 256 KB. */
  draftTtlSeconds: 30 * 24 * 3600,
  maxDraftBodyBytes: 256 * 1024,
  /** Failed tracking attempts allowed per window, per case code and per client address. */
  trackingFailuresPerCode: 10,
  trackingFailuresPerClient: 30,
  trackingWindowSeconds: 15 * 60,
} as const;

// Typed domain errors; `functions/commons/problem.ts` maps each to problem details, in one place.

import type { LocalizedText } from './types';

export interface FieldProblem {
  /** Path into the request body, e.g. `data.child.fullName` or `documents[0].uploadId`. */
  readonly path: string;
  /** Already in the caller's language, or in both for the problem mapper to pick. */
  readonly message: string | LocalizedText;
}

export abstract class DomainError extends Error {
  abstract readonly kind: string;
}

/** The request is well-formed JSON but some fields are invalid (400). */
export class ValidationFailedError extends DomainError {
  readonly kind = 'validation-failed';
  constructor(readonly errors: readonly FieldProblem[]) {
    super(`${errors.length} invalid field(s)`);
  }
}

/** Unknown ids, and things the caller may not see: always the same 404. */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor(readonly what = 'resource') {
    super(`${what} not found`);
  }
}

/** `expectedVersion` is not the case's version (409). */
export class VersionConflictError extends DomainError {
  readonly kind = 'version-conflict';
  constructor(readonly currentVersion?: number) {
    super('version conflict');
  }
}

/** The action is not allowed from the case's current status (409). */
export class InvalidTransitionError extends DomainError {
  readonly kind = 'invalid-transition';
  constructor(
    readonly from: string,
    readonly action: string,
  ) {
    super(`action ${action} is not allowed from status ${from}`);
  }
}

/** The same Idempotency-Key was used with another body (409), or the first request is still running. */
export class IdempotencyConflictError extends DomainError {
  readonly kind = 'idempotency-conflict';
  constructor(readonly reason: 'different-body' | 'in-progress') {
    super(`idempotency key conflict: ${reason}`);
  }
}

/** The caller's role may not use this route (403). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

/** Too many failed attempts (429). */
export class RateLimitedError extends DomainError {
  readonly kind = 'rate-limited';
  constructor(readonly retryAfterSeconds: number) {
    super('too many attempts');
  }
}

/** A required header is missing or malformed (400), e.g. `Idempotency-Key`. */
export class BadHeaderError extends DomainError {
  readonly kind = 'bad-header';
  constructor(readonly header: string) {
    super(`header ${header} is missing or invalid`);
  }
}

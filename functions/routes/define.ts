// What a route entry is: where it is served and by whom, what it takes, what it answers, how it is documented.
import type * as z from 'zod/mini';
import type { Lazy } from '../../schemas/lazy';
import type { Role } from '../domain/types';

/**
 * The Lambda functions, one per group of routes. A union rather than free text, so that the stack's
 * per-group permissions (`cdk/constructs/functions.ts`) cannot miss a group.
 */
export type FunctionGroup =
  | 'public'
  | 'tracking'
  | 'applicant'
  | 'uploads'
  | 'submit'
  | 'drafts'
  | 'queue'
  | 'official'
  | 'case-actions'
  | 'payments'
  | 'payment-notifications'
  | 'webhooks'
  | 'verification'
  // Version 2 (console): the one-stop forms as PDFs (fonts and PDF code: their own group, under 3 MB), and the
  // public statistics (read-only, no personal data).
  | 'forms'
  | 'stats'
  | 'local';
/**
 * Groups that carry the PDF library and fonts (`forms`) or check signatures in PDFs (`verification`: pkijs,
 * pdf-lib): their own budget (3 MB bundled), not the interactive one.
 */
export const PDF_GROUPS: readonly FunctionGroup[] = ['forms', 'verification'];

/** Every group but `local`, whose routes exist only in the local runtime. */
export type DeployedGroup = Exclude<FunctionGroup, 'local'>;

/** The methods routes use: PUT and DELETE for drafts, whose address names the thing stored. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** Where a route is served: what the CDK stack and the local runtime read. */
export interface RouteDeclaration {
  /** HTTP method, upper case. */
  readonly method: HttpMethod;
  /** Path in API Gateway syntax, e.g. `/api/applications/{code}`. */
  readonly path: string;
  /** Module (from the repository root) that exports the handler. */
  readonly entry: string;
  /** Name of the exported handler in `entry`. */
  readonly exportName: string;
  /** `jwt`: behind the JWT authorizer (the route has roles); `none`: public. */
  readonly auth: 'jwt' | 'none';
  /** Present only in the local runtime, never in the AWS stack. */
  readonly localOnly?: boolean;
  /** The function the route is deployed in; routes of one group share one function (a `FunctionGroup`). */
  readonly group: string;
}

/** A zod schema (classic or mini) built on first use (see schemas/lazy.ts). */
export type LazySchema = Lazy<z.core.$ZodType>;

/** What the HTTP wrapper parses, each part with its own schema; a path with `{name}` must have `params`. */
export interface RequestSchemas {
  readonly params?: LazySchema;
  readonly query?: LazySchema;
  /** Header names as the contract writes them (`Idempotency-Key`); looked up case-insensitively. */
  readonly headers?: LazySchema;
  /** A JSON body (413 over 1 MB, or over `maxBodyBytes`; 415 for another content type). */
  readonly body?: LazySchema;
  /** A smaller body limit than the contract's 1 MB, for routes that store the body as it came (drafts). */
  readonly maxBodyBytes?: number;
  /** A body that is not JSON, taken as bytes (a PDF to verify): 415 for another type, 413 over `maxBytes`. */
  readonly rawBody?: RawBodySpec;
}

export interface RawBodySpec {
  /** The media types taken, e.g. `application/pdf`. */
  readonly contentTypes: readonly [string, ...string[]];
  /** 413 above this many bytes; it may exceed the JSON limit of 1 MB. */
  readonly maxBytes: number;
  readonly description: string;
}

export interface ResponseSpec {
  readonly description: string;
  readonly body: LazySchema;
  /**
   * Media types of a file answer (`application/pdf`, `text/csv`), sent as bytes by `fileAnswer`; absent for JSON.
   * @default JSON
   */
  readonly contentTypes?: readonly string[];
  /** Response headers the route sets, by name, for the document. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** 204: done, nothing to say (a deletion). */
export interface EmptyResponseSpec {
  readonly description: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Responses = {
  readonly 200?: ResponseSpec;
  readonly 201?: ResponseSpec;
  readonly 204?: EmptyResponseSpec;
  /** A redirect (`Location`), no body: the browser's return from a payment gateway. */
  readonly 302?: EmptyResponseSpec;
};

/** Problem statuses a route may answer beyond those its shape implies (roles, params, body, query, headers). */
export type ExtraProblem = 409 | 429;

export type ApiTag =
  | 'Catalogue'
  | 'Tracking'
  | 'Uploads'
  | 'Applications'
  | 'Payments'
  | 'Verification'
  | 'Webhooks'
  | 'Drafts'
  | 'Officials'
  | 'Statistics'
  | 'Operations'
  | 'Local';

export interface Documentation {
  readonly summary: string;
  readonly description?: string;
  readonly tag: ApiTag;
  readonly problems?: readonly ExtraProblem[];
}

/** A route as its area module writes it; `entry`, `exportName` and `auth` are filled in by `defineRoutes`. */
export interface RouteSpec {
  readonly method: HttpMethod;
  readonly path: string;
  readonly group: FunctionGroup;
  /** Who may call it; none for a public route. Checked by the HTTP wrapper, from here only. */
  readonly roles?: readonly [Role, ...Role[]];
  readonly request: RequestSchemas;
  /** At least one; a route without a response schema fails a unit test. */
  readonly responses: Responses;
  readonly openapi: Documentation;
}

export type RouteEntry<S extends RouteSpec = RouteSpec> = S & RouteDeclaration;

const PATH_PARAMETER = /\{(\w+)\}/g;

/** The names of a path's parameters, `/api/cases/{code}/actions` → `['code']`. */
export function pathParameters(path: string): string[] {
  return [...path.matchAll(PATH_PARAMETER)].map((match) => match[1]!);
}

/**
 * The routes whose handlers one module exports, keyed by export name: the module is written once and each
 * route's facts once. Checks what types cannot: a path parameter needs a params schema, a route a response.
 * Each area module marks its call `@__PURE__`: a function's bundle then keeps only the areas its
 * handlers import (an area's routes, their OpenAPI texts and schemas would otherwise ride along in every function
 * that imports another area of the same module).
 */
export function defineRoutes<const Specs extends Readonly<Record<string, RouteSpec>>>(
  entry: string,
  specs: Specs,
): { readonly [Name in keyof Specs & string]: RouteEntry<Specs[Name]> & { readonly exportName: Name } } {
  const entries: Record<string, RouteEntry> = {};
  for (const [exportName, spec] of Object.entries(specs)) {
    const where = `${spec.method} ${spec.path}`;
    if (pathParameters(spec.path).length > 0 && !spec.request.params) {
      throw new Error(`${where} has path parameters but no params schema`);
    }
    if (Object.keys(spec.responses).length === 0) throw new Error(`${where} declares no response`);
    entries[exportName] = {
      ...spec,
      entry,
      exportName,
      auth: spec.roles ? 'jwt' : 'none',
      ...(spec.group === 'local' ? { localOnly: true } : {}),
    };
  }
  return entries as never;
}

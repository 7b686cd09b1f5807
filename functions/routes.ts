// The one declaration of every HTTP route: the CDK stack and the local runtime both read it.
import type { Role } from './domain/types';

export interface RouteDeclaration {
  /** HTTP method, upper case. */
  readonly method: 'GET' | 'POST';
  /** Path in API Gateway syntax, e.g. `/api/applications/{code}`. */
  readonly path: string;
  /** Module (from the repository root) that exports the handler. */
  readonly entry: string;
  /** Name of the exported handler in `entry`. */
  readonly exportName: string;
  /** `jwt`: behind the HTTP API's JWT authorizer; `none`: public. */
  readonly auth: 'jwt' | 'none';
  /** Roles that may call it; checked in the handler (the authorizer only checks the token). */
  readonly roles?: readonly Role[];
  /** Present only in the local runtime, never in the AWS stack. */
  readonly localOnly?: boolean;
  /** Lambda function the route is deployed in; routes of one group share one function. */
  readonly group: string;
}

const APPLICANTS: readonly Role[] = ['citizen', 'business'];
const OFFICIALS: readonly Role[] = ['official', 'admin'];

export const routes: readonly RouteDeclaration[] = [
  // Operations
  {
    method: 'GET',
    path: '/api/health',
    entry: 'functions/http/operations.ts',
    exportName: 'health',
    auth: 'none',
    group: 'public',
  },
  {
    method: 'GET',
    path: '/api/openapi.json',
    entry: 'functions/http/operations.ts',
    exportName: 'openApi',
    auth: 'none',
    group: 'public',
  },
  // Catalogue
  {
    method: 'GET',
    path: '/api/procedures',
    entry: 'functions/http/catalogue.ts',
    exportName: 'listProcedures',
    auth: 'none',
    group: 'public',
  },
  {
    method: 'GET',
    path: '/api/procedures/{id}',
    entry: 'functions/http/catalogue.ts',
    exportName: 'getProcedure',
    auth: 'none',
    group: 'public',
  },
  // Public tracking
  {
    method: 'GET',
    path: '/api/track/{code}',
    entry: 'functions/http/tracking.ts',
    exportName: 'trackCase',
    auth: 'none',
    group: 'tracking',
  },
  // Uploads
  {
    method: 'POST',
    path: '/api/uploads',
    entry: 'functions/http/uploads.ts',
    exportName: 'createUpload',
    auth: 'jwt',
    roles: ['citizen', 'business', 'official', 'admin'],
    group: 'applicant',
  },
  // Applications
  {
    method: 'POST',
    path: '/api/applications',
    entry: 'functions/http/applications.ts',
    exportName: 'submitApplication',
    auth: 'jwt',
    roles: APPLICANTS,
    group: 'submit',
  },
  {
    method: 'GET',
    path: '/api/applications',
    entry: 'functions/http/applications.ts',
    exportName: 'listApplications',
    auth: 'jwt',
    roles: APPLICANTS,
    group: 'applicant',
  },
  {
    method: 'GET',
    path: '/api/applications/{code}',
    entry: 'functions/http/applications.ts',
    exportName: 'getApplication',
    auth: 'jwt',
    roles: APPLICANTS,
    group: 'applicant',
  },
  {
    method: 'POST',
    path: '/api/applications/{code}/supplement',
    entry: 'functions/http/applications.ts',
    exportName: 'answerSupplement',
    auth: 'jwt',
    roles: APPLICANTS,
    group: 'submit',
  },
  {
    method: 'POST',
    path: '/api/applications/{code}/withdraw',
    entry: 'functions/http/applications.ts',
    exportName: 'withdrawApplication',
    auth: 'jwt',
    roles: APPLICANTS,
    group: 'applicant',
  },
  // Officials
  {
    method: 'GET',
    path: '/api/queue',
    entry: 'functions/http/officials.ts',
    exportName: 'listQueue',
    auth: 'jwt',
    roles: OFFICIALS,
    group: 'official',
  },
  {
    method: 'GET',
    path: '/api/cases/{code}',
    entry: 'functions/http/officials.ts',
    exportName: 'getCase',
    auth: 'jwt',
    roles: OFFICIALS,
    group: 'official',
  },
  {
    method: 'POST',
    path: '/api/cases/{code}/actions',
    entry: 'functions/http/officials.ts',
    exportName: 'actOnCase',
    auth: 'jwt',
    roles: OFFICIALS,
    group: 'official',
  },
  // Local runtime only
  {
    method: 'GET',
    path: '/api/local/users',
    entry: 'local/demo-routes.ts',
    exportName: 'listDemoUsers',
    auth: 'none',
    localOnly: true,
    group: 'local',
  },
  {
    method: 'POST',
    path: '/api/local/token',
    entry: 'local/demo-routes.ts',
    exportName: 'issueDemoToken',
    auth: 'none',
    localOnly: true,
    group: 'local',
  },
  {
    method: 'GET',
    path: '/api/local/outbox',
    entry: 'functions/http/local.ts',
    exportName: 'listOutbox',
    auth: 'none',
    localOnly: true,
    group: 'local',
  },
  {
    method: 'POST',
    path: '/api/local/payments/{code}/confirm',
    entry: 'functions/http/local.ts',
    exportName: 'confirmDemoPayment',
    auth: 'none',
    localOnly: true,
    group: 'local',
  },
];

/** The notifier, fed by the table's stream (DynamoDB Streams on AWS, the same stream of DynamoDB Local locally). */
export const streamConsumers = [
  { name: 'notifier', entry: 'functions/stream/notifier.ts', exportName: 'handler' },
] as const;

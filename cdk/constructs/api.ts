// The HTTP API: one route per contract route, JWT-authorized where the contract says so, throttled and logged.
import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  type HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteDeclaration } from '../../functions/routes';
import { acknowledge } from '../nag';
import type { MotcuaFunction } from './function';

export interface ApiProps {
  /**
   * Origins allowed to call the API from a browser. Empty when the web is served from the same origin
   * (CloudFront forwards `/api/*`), where no CORS is needed and none is the safest.
   * @default []
   */
  readonly corsOrigins?: readonly string[];
  /** Steady-state requests per second of the stage. @default 100 */
  readonly throttleRate?: number;
  /** Burst of the stage. @default 200 */
  readonly throttleBurst?: number;
  /** @default RetentionDays.TWO_WEEKS */
  readonly logRetention?: RetentionDays;
  /** @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

export interface RouteTargets {
  readonly routes: readonly RouteDeclaration[];
  /** The function serving each route group. */
  readonly functions: ReadonlyMap<string, MotcuaFunction>;
  readonly userPool: IUserPool;
  /** Tokens must be issued to this client (ID tokens: `aud`; access tokens: `client_id`). */
  readonly webClient: IUserPoolClient;
}

export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  /** The route resources by route key, e.g. `GET /api/procedures`. */
  readonly routes = new Map<string, HttpRoute>();

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const corsOrigins = props.corsOrigins ?? [];
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Một cửa: online public services',
      createDefaultStage: false,
      ...(corsOrigins.length > 0
        ? {
            corsPreflight: {
              allowOrigins: [...corsOrigins],
              allowMethods: [
                CorsHttpMethod.GET,
                CorsHttpMethod.POST,
                CorsHttpMethod.PUT,
                CorsHttpMethod.DELETE,
              ],
              allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'accept-language'],
              exposeHeaders: ['location'],
            },
          }
        : {}),
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? RetentionDays.TWO_WEEKS,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttleRate ?? 100, burstLimit: props.throttleBurst ?? 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // No personal data: neither the caller's address nor the subject, only what operations need.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            responseLength: '$context.responseLength',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
          }),
        ),
      },
    });
  }

  /** Adds one route per contract route (none of the local-only ones) to the function of its group. */
  addContractRoutes(targets: RouteTargets): void {
    const authorizer = new HttpUserPoolAuthorizer('CognitoAuthorizer', targets.userPool, {
      userPoolClients: [targets.webClient],
      identitySource: ['$request.header.Authorization'],
    });
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const route of targets.routes) {
      if (route.localOnly) continue;
      const fn = targets.functions.get(route.group);
      if (!fn) throw new Error(`No function for route group "${route.group}"`);
      let integration = integrations.get(route.group);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.group}Integration`, fn.function);
        integrations.set(route.group, integration);
      }
      const routeKey = `${route.method} ${route.path}`;
      const httpRoute = new HttpRoute(this, `${route.method}${route.path.replace(/[^A-Za-z0-9]+/g, '-')}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(route.path, route.method as HttpMethod),
        integration,
        ...(route.auth === 'jwt' ? { authorizer } : {}),
      });
      if (route.auth === 'none') {
        acknowledge(
          httpRoute,
          `${routeKey} is public by the contract (catalogue, public tracking by code and PIN, health, OpenAPI); stage throttling applies.`,
          'AwsSolutions-APIG4',
        );
      }
      this.routes.set(routeKey, httpRoute);
    }
  }
}

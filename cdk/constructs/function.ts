// The one Lambda construct: fixes runtime, architecture, tracing, logging and bundling for every function.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '../../functions/commons/environment';
import { BUNDLING, REPOSITORY_ROOT } from '../bundling';
import { acknowledge, arnToken } from '../nag';

/** A function's memory unless it says otherwise (more memory is more CPU: faster cold starts). */
export const DEFAULT_MEMORY_MB = 1024;

export interface MotcuaFunctionProps {
  /** Absolute path of the module to bundle. */
  readonly entry: string;
  /** Exported name of the handler in `entry`. @default 'handler' */
  readonly handler?: string;
  /** What the function does, shown in the console. */
  readonly description: string;
  /** Environment variables, besides the defaults (source maps, Powertools service name). @default {} */
  readonly environment?: Record<string, string>;
  /** @default 1024 (more memory is more CPU: faster cold starts) */
  readonly memorySize?: number;
  /** @default Duration.seconds(10) (the HTTP API waits at most 30 s) */
  readonly timeout?: Duration;
  /** Days to keep the function's logs. @default 14 */
  readonly logRetentionDays?: number;
  /** What happens to the log group when the stack is deleted. @default RemovalPolicy.DESTROY */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * A bundled Node.js function on arm64 with X-Ray tracing, JSON logs in its own log group with a retention,
 * and its own role that starts with nothing but permission to write that log group.
 */
export class MotcuaFunction extends Construct {
  readonly function: NodejsFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: MotcuaFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: retentionOf(props.logRetentionDays ?? 14),
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    // An own role instead of the default one, which would attach the AWSLambdaBasicExecutionRole managed
    // policy (logs on every log group of the account); the function writes only its own log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: props.description,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: props.handler ?? 'handler',
      description: props.description,
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: `${REPOSITORY_ROOT}/package-lock.json`,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? DEFAULT_MEMORY_MB,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'motcua',
        POWERTOOLS_METRICS_NAMESPACE: 'Motcua',
        ...props.environment,
      },
      bundling: { ...BUNDLING, mainFields: [...BUNDLING.mainFields], externalModules: [] },
    });

    acknowledge(
      this.role,
      'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so their resource is *.',
      'AwsSolutions-IAM5[Resource::*]',
    );
  }

  /** Adds an environment variable to the function. */
  addEnvironment(name: string, value: string): this {
    this.function.addEnvironment(name, value);
    return this;
  }
}

/**
 * Grants the function read-only or read-write access to the table (items and indexes) and tells it the
 * table's name in its environment variable: the two always go together.
 */
export function grantTableAccess(fn: MotcuaFunction, table: ITable, access: 'read' | 'readwrite'): void {
  if (access === 'read') table.grantReadData(fn.role);
  else table.grantReadWriteData(fn.role);
  fn.addEnvironment(ENV.tableName, table.tableName);
  acknowledge(
    fn.role,
    'Queries run on the table’s global secondary indexes (agency queue, applicant cases): the grant covers <table>/index/*, the indexes of this one table only.',
    `AwsSolutions-IAM5[Resource::${arnToken(table)}/index/*]`,
  );
}

function retentionOf(days: number): RetentionDays {
  if (!Object.values(RetentionDays).includes(days)) {
    throw new Error(`Log retention of ${days} days is not one CloudWatch Logs offers (e.g. 14, 30, 90, 365)`);
  }
  return days as RetentionDays;
}

/**
 * A dead-letter queue for what a function gave up on, kept 14 days for inspection and replay; `of` says whose
 * (it is itself a dead-letter destination, so it has none of its own).
 */
export function deadLetterQueue(scope: Construct, id: string, of: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, `This queue is itself the dead-letter destination of ${of}.`, 'AwsSolutions-SQS3');
  return queue;
}

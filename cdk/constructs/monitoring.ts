// Operations: alarms on what needs a person (5xx, throttles, function errors, dead letters) and one dashboard.
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { MotcuaFunction } from './function';

export interface MonitoringProps {
  readonly httpApi: HttpApi;
  /** Every function, by a short name used in alarm names. */
  readonly functions: ReadonlyMap<string, MotcuaFunction>;
  /** The notifier's dead-letter queue. */
  readonly deadLetters: Queue;
  /** The notifier (its stream iterator age is watched). */
  readonly notifier: MotcuaFunction;
  /** Other dead-letter queues to alarm on (signing, webhooks), each named and described. @default [] */
  readonly moreDeadLetters?: readonly {
    readonly name: string;
    readonly queue: Queue;
    readonly what: string;
  }[];
  /** Subscribed to the alarms topic. @default no subscription (subscribe in the console) */
  readonly alarmEmail?: string;
  /** Name prefix of alarms and of the dashboard. */
  readonly name: string;
}

export class Monitoring extends Construct {
  readonly alarms: Topic;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    this.alarms = new Topic(this, 'Alarms', { displayName: `${props.name} alarms`, enforceSSL: true });
    if (props.alarmEmail) this.alarms.addSubscription(new EmailSubscription(props.alarmEmail));
    const action = new SnsAction(this.alarms);
    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string) => {
      const created = new Alarm(this, alarmId, {
        alarmName: `${props.name}-${alarmId}`,
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      return created;
    };
    const fiveMinutes = { period: Duration.minutes(5), statistic: Stats.SUM };

    alarm(
      'Api5xx',
      props.httpApi.metricServerError(fiveMinutes),
      5,
      'The API answered 5xx at least 5 times in 5 minutes: citizens see errors.',
    );
    for (const [name, fn] of props.functions) {
      alarm(
        `${name}Errors`,
        fn.function.metricErrors(fiveMinutes),
        3,
        `The ${name} function failed at least 3 times in 5 minutes.`,
      );
      alarm(
        `${name}Throttles`,
        fn.function.metricThrottles(fiveMinutes),
        1,
        `The ${name} function was throttled: account concurrency is exhausted.`,
      );
    }
    alarm(
      'NotificationDeadLetters',
      props.deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: Stats.MAXIMUM,
      }),
      1,
      'Notifications the notifier gave up on are waiting in the dead-letter queue.',
    );
    for (const { name, queue, what } of props.moreDeadLetters ?? []) {
      alarm(
        name,
        queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: Stats.MAXIMUM,
        }),
        1,
        `${what} are waiting in a dead-letter queue.`,
      );
    }
    alarm(
      'NotifierLag',
      props.notifier.function.metric('IteratorAge', {
        period: Duration.minutes(5),
        statistic: Stats.MAXIMUM,
      }),
      15 * 60 * 1000,
      'Notifications are more than 15 minutes behind the table.',
    );

    const functions = [...props.functions.values()];
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `${props.name}-operations` });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'API requests and errors',
        left: [props.httpApi.metricCount(fiveMinutes)],
        right: [props.httpApi.metricClientError(fiveMinutes), props.httpApi.metricServerError(fiveMinutes)],
      }),
      new GraphWidget({
        title: 'API latency (p50, p99)',
        left: [
          props.httpApi.metricLatency({ statistic: Stats.p(50) }),
          props.httpApi.metricLatency({ statistic: Stats.p(99) }),
        ],
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Function errors',
        left: functions.map((fn) => fn.function.metricErrors(fiveMinutes)),
      }),
      new GraphWidget({
        title: 'Function duration (p99)',
        left: functions.map((fn) => fn.function.metricDuration({ statistic: Stats.p(99) })),
      }),
      new GraphWidget({
        title: 'Notifications',
        left: [props.notifier.function.metricInvocations(fiveMinutes)],
        right: [props.deadLetters.metricApproximateNumberOfMessagesVisible()],
      }),
    );
    // The service itself, from the handlers' Powertools metrics (functions/commons/observability.ts).
    const service = (title: string, name: string, dimensions: string) =>
      new GraphWidget({
        title,
        left: [
          new MathExpression({
            expression: `SEARCH('{Motcua,${dimensions}} MetricName="${name}"', 'Sum', 300)`,
            label: '',
            period: Duration.minutes(5),
          }),
        ],
      });
    this.dashboard.addWidgets(
      service('Applications submitted, by agency', 'ApplicationSubmitted', 'agency,service'),
      service('Case actions, by action', 'CaseAction', 'action,agency,service'),
      service('Notifications delivered, by channel', 'NotificationDelivered', 'channel,service'),
      service('Tracking attempts refused (rate limit)', 'TrackingRateLimited', 'service'),
    );
  }
}

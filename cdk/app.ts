// The CDK app: one environment-agnostic stack per `-c env=dev|prod`, checked by cdk-nag's AwsSolutions pack.
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from './config';
import { MotcuaStack } from './stack';

const app = new App();
const config = readConfig(app.node);
// No `env`: synth needs no AWS credentials and no lookups; the account and region come from the deploy.
const stack = new MotcuaStack(app, app.node.tryGetContext('stackName') ?? `Motcua-${config.env}`, {
  config,
  description: `Một cửa: online public services (${config.env})`,
  terminationProtection: config.env === 'prod',
  // For trying the stack against stand-in handlers: `-c sourceRoot=/tmp/cdk-stubs`. Unset in real use.
  sourceRoot: app.node.tryGetContext('sourceRoot'),
});
Tags.of(stack).add('project', 'motcua');
Tags.of(stack).add('environment', config.env);
// A finding fails synth unless acknowledged, with its reason, beside the resource (cdk-nag v3).
Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));

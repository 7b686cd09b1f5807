// Acknowledging cdk-nag findings (v3: CDK's Validations), always with the reason written beside the resource.
import { type CfnElement, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges the given findings (`AwsSolutions-S1`, `AwsSolutions-IAM5[Resource::*]`…) on `scope` and
 * everything below it.
 */
export function acknowledge(scope: IConstruct, reason: string, ...ids: string[]): void {
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}

/** How cdk-nag writes a resource's `Fn::GetAtt Arn` in a finding id: `<LogicalId.Arn>`. */
export function arnToken(resource: IConstruct): string {
  const element = CfnResource.isCfnResource(resource) ? resource : resource.node.defaultChild;
  if (!element) throw new Error(`${resource.node.path} has no CloudFormation resource`);
  return `<${Stack.of(resource).getLogicalId(element as CfnElement)}.Arn>`;
}

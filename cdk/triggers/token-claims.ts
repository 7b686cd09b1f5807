// Cognito pre-token-generation trigger (V2): puts the contract's `custom:role` claim in ID and access tokens.
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

type Role = 'citizen' | 'business' | 'official' | 'admin';

/**
 * The role is decided here, from what only administrators can change: membership of the `admins` or
 * `officials` group, or a `custom:role` of `business` set after checking the tax code. Everyone else
 * (self sign-up, VNeID federation) is a citizen, whatever their attributes say.
 */
export function roleOf(groups: readonly string[], attributes: Record<string, string | undefined>): Role {
  if (groups.includes('admins')) return 'admin';
  if (groups.includes('officials')) return 'official';
  if (attributes['custom:role'] === 'business') return 'business';
  return 'citizen';
}

export const handler = async (event: PreTokenGenerationV2TriggerEvent) => {
  const attributes = event.request.userAttributes;
  const role = roleOf(event.request.groupConfiguration.groupsToOverride ?? [], attributes);
  const claims: Record<string, string> = { 'custom:role': role };
  // An agency belongs in a token only for those who act for it.
  const agency = attributes['custom:agency'];
  if ((role === 'official' || role === 'admin') && agency) claims['custom:agency'] = agency;
  const taxCode = attributes['custom:tax_code'];
  if (role === 'business' && taxCode) claims['custom:tax_code'] = taxCode;
  const suppressed = ['custom:agency', 'custom:tax_code'].filter((name) => !(name in claims));

  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: claims, claimsToSuppress: suppressed },
      // Access tokens carry no custom attributes unless added here.
      accessTokenGeneration: {
        claimsToAddOrOverride: {
          ...claims,
          ...(attributes.name ? { name: attributes.name } : {}),
          ...(attributes.email ? { email: attributes.email } : {}),
          ...(attributes.phone_number ? { phone_number: attributes.phone_number } : {}),
        },
      },
    },
  };
  return event;
};

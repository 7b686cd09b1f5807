// Cognito pre-token-generation trigger (V2): puts the contract's role claims in ID and access tokens.
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { CLAIMS } from '../../functions/commons/claims';
import type { Role } from '../../functions/domain/types';

/** The user pool's groups that only administrators manage: membership decides the role. */
export const ROLE_GROUPS = { admins: 'admins', officials: 'officials' } as const;

/**
 * The role is decided here, from what only administrators can change: membership of the `admins` or
 * `officials` group, or a `custom:role` of `business` set after checking the tax code. Everyone else
 * (self sign-up, VNeID federation) is a citizen, whatever their attributes say.
 */
export function roleOf(groups: readonly string[], attributes: Record<string, string | undefined>): Role {
  if (groups.includes(ROLE_GROUPS.admins)) return 'admin';
  if (groups.includes(ROLE_GROUPS.officials)) return 'official';
  if (attributes[CLAIMS.role] === 'business') return 'business';
  return 'citizen';
}

export const handler = async (event: PreTokenGenerationV2TriggerEvent) => {
  const attributes = event.request.userAttributes;
  const role = roleOf(event.request.groupConfiguration.groupsToOverride ?? [], attributes);
  const claims: Record<string, string> = { [CLAIMS.role]: role };
  // An agency belongs in a token only for those who act for it.
  const agency = attributes[CLAIMS.agency];
  if ((role === 'official' || role === 'admin') && agency) claims[CLAIMS.agency] = agency;
  const taxCode = attributes[CLAIMS.taxCode];
  if (role === 'business' && taxCode) claims[CLAIMS.taxCode] = taxCode;
  const suppressed = [CLAIMS.agency, CLAIMS.taxCode].filter((name) => !(name in claims));
  // Cognito's standard attributes carry the same names as the claims.
  const standard = [CLAIMS.name, CLAIMS.email, CLAIMS.phone].filter((name) => attributes[name]);

  event.response = {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration: { claimsToAddOrOverride: claims, claimsToSuppress: suppressed },
      // Access tokens carry no custom attributes unless added here.
      accessTokenGeneration: {
        claimsToAddOrOverride: {
          ...claims,
          ...Object.fromEntries(standard.map((name) => [name, attributes[name]!])),
        },
      },
    },
  };
  return event;
};

// The token's claims the platform reads: named once for Cognito, its trigger, the local token issuer and the wrapper.
import type { Principal } from '../domain/principal';
import { ROLES, type Role } from '../domain/types';

/** The user pool's custom attributes; tokens carry each as `custom:<name>`. */
export const CUSTOM_ATTRIBUTES = { role: 'role', agency: 'agency', taxCode: 'tax_code' } as const;

export const CLAIMS = {
  subject: 'sub',
  name: 'name',
  email: 'email',
  phone: 'phone_number',
  /** `citizen` | `business` | `official` | `admin`. */
  role: `custom:${CUSTOM_ATTRIBUTES.role}`,
  /** The agency an official or admin acts for. */
  agency: `custom:${CUSTOM_ATTRIBUTES.agency}`,
  /** A business's tax code. */
  taxCode: `custom:${CUSTOM_ATTRIBUTES.taxCode}`,
} as const;

/**
 * The caller, from the claims the JWT authorizer passed on (as strings); none without a subject or a known
 * role, so that a token from the pool without the contract's claims grants nothing.
 */
export function principalFromClaims(
  claims: Readonly<Record<string, unknown>> | undefined,
): Principal | undefined {
  const text = (name: string) => (claims?.[name] === undefined ? undefined : String(claims[name]));
  const id = text(CLAIMS.subject);
  const role = text(CLAIMS.role);
  if (!id || !(ROLES as readonly (string | undefined)[]).includes(role)) return undefined;
  return {
    id,
    role: role as Role,
    name: (text(CLAIMS.name) ?? '').normalize('NFC'),
    email: text(CLAIMS.email),
    phone: text(CLAIMS.phone),
    agencyId: text(CLAIMS.agency),
    taxCode: text(CLAIMS.taxCode),
  };
}

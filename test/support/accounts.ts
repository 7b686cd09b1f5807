// People made for one test: each gets an account nobody else signs in as, so that what a test reads back
// (its own cases, their count, a page of them) is only what it made, however many test files run at once.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { Role } from '../../functions/domain/types';
import { withTaxCodeCheckDigit } from '../../local/demo-accounts';
import { configureTokens, issueToken, type TokenSubject } from '../../local/tokens';

export interface Account extends TokenSubject {
  /** A bearer token for this account, signed with the runtime's own key (as Cognito signs a new user's). */
  readonly token: string;
}

let signingKey: Promise<void> | undefined;

/**
 * A new account of `role`: a fresh `sub`, a Vietnamese name with its diacritics, and the claims the role
 * carries (an official's agency, a business's tax code). Its token is issued with the key the runtime of the
 * global setup keeps in its data directory, and checked by that runtime's JWT authorizer like any other.
 */
export async function newAccount(
  role: Role,
  fields: { agencyId?: string; name?: string; email?: string; phone?: string } = {},
): Promise<Account> {
  signingKey ??= configureTokens(inject('dataDir'));
  await signingKey;
  const id = randomUUID();
  const tag = id.slice(0, 8);
  const subject: TokenSubject = {
    sub: id,
    username: `test-${role}-${tag}`,
    role,
    name: fields.name ?? DEFAULT_NAMES[role],
    email: fields.email ?? `${role}-${tag}@example.com`,
    phone: fields.phone ?? `+8490${String(Number.parseInt(tag, 16) % 10_000_000).padStart(7, '0')}`,
    ...(fields.agencyId ? { agencyId: fields.agencyId } : {}),
    ...(role === 'business' ? { taxCode: BUSINESS_TAX_CODE } : {}),
  };
  const { accessToken } = await issueToken(subject);
  return { ...subject, token: accessToken };
}

const BUSINESS_TAX_CODE = withTaxCodeCheckDigit('270054321');

const DEFAULT_NAMES: Record<Role, string> = {
  citizen: 'Lê Thị Hồng Nhung',
  business: 'Công ty TNHH Dịch vụ Tràng An',
  official: 'Ngô Văn Đức',
  admin: 'Quản trị viên kiểm thử',
};

export const newCitizen = () => newAccount('citizen');
export const newBusiness = () => newAccount('business');
export const newOfficial = (agencyId: string) => newAccount('official', { agencyId });

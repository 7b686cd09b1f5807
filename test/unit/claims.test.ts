// The token's claims as CONTRACT.md names them: read into a Principal, and written by the Cognito trigger.
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { handler, roleOf } from '../../cdk/triggers/token-claims';
import { principalFromClaims } from '../../functions/commons/claims';

describe('principalFromClaims', () => {
  it("reads the contract's claims, NFC-normalising the name", () => {
    const claims = {
      sub: 'u-1',
      name: 'Nguyê\u0303n Văn An',
      email: 'an@example.vn',
      phone_number: '+84912345678',
      'custom:role': 'official',
      'custom:agency': 'ubnd-xa-gia-sinh',
    };
    expect(principalFromClaims(claims)).toEqual({
      id: 'u-1',
      role: 'official',
      name: 'Nguyễn Văn An',
      email: 'an@example.vn',
      phone: '+84912345678',
      agencyId: 'ubnd-xa-gia-sinh',
      taxCode: undefined,
    });
  });

  it('grants nothing without a subject or a role of the contract', () => {
    expect(principalFromClaims(undefined)).toBeUndefined();
    expect(principalFromClaims({ 'custom:role': 'citizen' })).toBeUndefined();
    expect(principalFromClaims({ sub: 'u-1', 'custom:role': 'root' })).toBeUndefined();
    expect(principalFromClaims({ sub: 'u-1', role: 'admin' })).toBeUndefined();
  });
});

describe('the Cognito trigger', () => {
  const event = (groups: string[], attributes: Record<string, string>) =>
    ({
      request: { userAttributes: attributes, groupConfiguration: { groupsToOverride: groups } },
      response: {},
    }) as unknown as PreTokenGenerationV2TriggerEvent;

  it('decides the role from groups only administrators manage', () => {
    expect(roleOf(['admins'], {})).toBe('admin');
    expect(roleOf(['officials'], { 'custom:role': 'admin' })).toBe('official');
    expect(roleOf([], { 'custom:role': 'business' })).toBe('business');
    expect(roleOf([], { 'custom:role': 'admin' })).toBe('citizen');
  });

  it('writes the claims the wrapper reads into access tokens, and an agency only for those who act for one', async () => {
    const official = await handler(
      event(['officials'], { name: 'Lê Cường', email: 'c@example.vn', 'custom:agency': 'ubnd-xa-a' }),
    );
    const access =
      official.response.claimsAndScopeOverrideDetails?.accessTokenGeneration?.claimsToAddOrOverride;
    expect(access).toEqual({
      'custom:role': 'official',
      'custom:agency': 'ubnd-xa-a',
      name: 'Lê Cường',
      email: 'c@example.vn',
    });
    expect(principalFromClaims({ sub: 'u-2', ...access })).toMatchObject({
      role: 'official',
      agencyId: 'ubnd-xa-a',
    });

    const citizen = await handler(
      event([], { 'custom:agency': 'ubnd-xa-a', 'custom:tax_code': '0100109106' }),
    );
    const id = citizen.response.claimsAndScopeOverrideDetails?.idTokenGeneration;
    expect(id?.claimsToAddOrOverride).toEqual({ 'custom:role': 'citizen' });
    expect(id?.claimsToSuppress?.sort()).toEqual(['custom:agency', 'custom:tax_code']);
  });
});

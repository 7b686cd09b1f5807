// Who may see a case and whose queue a caller reads, for each role, checked on hand-made callers.
import { describe, expect, it } from 'vitest';
import { actsForAgency, canSeeCase, queueAgencyOf } from '../../functions/domain/access';
import type { Principal } from '../../functions/domain/principal';

const owner: Principal = { id: 'citizen-1', role: 'citizen', name: 'Nguyễn Văn An' };
const otherCitizen: Principal = { id: 'citizen-2', role: 'citizen', name: 'Trần Thị Bình' };
const business: Principal = { id: 'business-1', role: 'business', name: 'Công ty A', taxCode: '0100109106' };
const official: Principal = { id: 'o-1', role: 'official', name: 'Lê Văn Cường', agencyId: 'ubnd-xa-a' };
const officialElsewhere: Principal = { ...official, id: 'o-2', agencyId: 'ubnd-xa-b' };
const officialWithoutAgency: Principal = { id: 'o-3', role: 'official', name: 'Phạm Dũng' };
const admin: Principal = { id: 'a-1', role: 'admin', name: 'Quản trị' };

const theCase = { applicantId: 'citizen-1', agencyId: 'ubnd-xa-a' };

describe('canSeeCase', () => {
  it('shows a case to its owner, to officials of its agency and to admins', () => {
    expect(canSeeCase(owner, theCase)).toBe(true);
    expect(canSeeCase(official, theCase)).toBe(true);
    expect(canSeeCase(admin, theCase)).toBe(true);
  });

  it('hides it from other applicants, officials of other agencies and officials without an agency', () => {
    expect(canSeeCase(otherCitizen, theCase)).toBe(false);
    expect(canSeeCase(business, theCase)).toBe(false);
    expect(canSeeCase(officialElsewhere, theCase)).toBe(false);
    expect(canSeeCase(officialWithoutAgency, theCase)).toBe(false);
  });

  it('never lets an applicant see a case by sharing the agency id', () => {
    const citizenNamedLikeAnAgency: Principal = { ...otherCitizen, agencyId: 'ubnd-xa-a' };
    expect(canSeeCase(citizenNamedLikeAnAgency, theCase)).toBe(false);
  });
});

describe('queueAgencyOf', () => {
  it("gives an official their own agency's queue, whatever they ask for", () => {
    expect(queueAgencyOf(official, undefined)).toBe('ubnd-xa-a');
    expect(queueAgencyOf(official, 'ubnd-xa-b')).toBe('ubnd-xa-a');
  });

  it('lets an admin choose, and gives no queue to an admin who did not, nor to anyone else', () => {
    expect(queueAgencyOf(admin, 'ubnd-xa-b')).toBe('ubnd-xa-b');
    expect(queueAgencyOf(admin, undefined)).toBeUndefined();
    expect(queueAgencyOf(officialWithoutAgency, 'ubnd-xa-a')).toBeUndefined();
    expect(queueAgencyOf({ ...owner, agencyId: 'ubnd-xa-a' }, 'ubnd-xa-a')).toBeUndefined();
  });
});

describe('actsForAgency', () => {
  it('is true for officials and admins only', () => {
    expect([owner, business, official, admin].map(actsForAgency)).toEqual([false, false, true, true]);
  });
});

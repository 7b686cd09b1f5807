// The local runtime's demo accounts (in code; nothing is stored for them); their sign-in routes are in demo-routes.ts.
import { createHash } from 'node:crypto';
import type { Role } from '../functions/domain/types';
import { agencies } from '../schemas/catalogue';
import { taxCodeCheckDigit } from '../schemas/validators';
import type { TokenSubject } from './tokens';

export interface DemoUser extends TokenSubject {
  readonly role: Role;
}

/** A stable UUID per username (like a Cognito `sub`), so a case stays its owner's across restarts. */
function stableSub(username: string): string {
  const hex = createHash('sha256').update(`motcua-local:${username}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A 10-digit tax code with its check digit (the rule lives in schemas/validators.ts). */
export function withTaxCodeCheckDigit(first9: string): string {
  const check = taxCodeCheckDigit(first9);
  if (check === null) throw new Error(`no valid tax code starts with ${first9}`);
  return `${first9}${check}`;
}

/** Officials' names, one per agency in catalogue order (cycled if the catalogue grows). */
const OFFICIAL_NAMES = [
  'Trần Thị Thu Hà',
  'Lê Văn Hùng',
  'Phạm Minh Tuấn',
  'Hoàng Thị Lan',
  'Vũ Đức Thắng',
  'Đặng Thị Mai',
  'Bùi Quang Huy',
  'Đỗ Thị Hương',
];

const user = (username: string, fields: Omit<DemoUser, 'sub' | 'username'>): DemoUser => ({
  sub: stableSub(username),
  username,
  ...fields,
});

/** Every demo account: two citizens, a business, one official per agency of the catalogue (two at the commune), an admin. */
export const DEMO_USERS: readonly DemoUser[] = [
  user('citizen1', {
    role: 'citizen',
    name: 'Nguyễn Văn An',
    email: 'citizen1@example.com',
    phone: '+84900000001',
  }),
  user('citizen2', {
    role: 'citizen',
    name: 'Trần Thị Bích Ngọc',
    email: 'citizen2@example.com',
    phone: '+84900000002',
  }),
  user('business1', {
    role: 'business',
    name: 'Công ty TNHH Thương mại Hoa Lư',
    email: 'business1@example.com',
    phone: '+84900000003',
    taxCode: withTaxCodeCheckDigit('270012345'),
  }),
  ...agencies.map((agency, i) =>
    user(`official-${agency.id}`, {
      role: 'official',
      name: OFFICIAL_NAMES[i % OFFICIAL_NAMES.length]! + (i >= OFFICIAL_NAMES.length ? ` ${i + 1}` : ''),
      email: `official-${agency.id}@example.com`,
      phone: `+849001${String(i + 1).padStart(5, '0')}`,
      agencyId: agency.id,
    }),
  ),
  // A colleague at the commune's desk, so that the demo can hand a case from one official to another.
  user('official-ubnd-xa-gia-sinh-2', {
    role: 'official',
    name: 'Nguyễn Thị Thanh Tâm',
    email: 'official-ubnd-xa-gia-sinh-2@example.com',
    phone: '+84900199001',
    agencyId: 'ubnd-xa-gia-sinh',
  }),
  user('admin', {
    role: 'admin',
    name: 'Quản trị viên hệ thống',
    email: 'admin@example.com',
    phone: '+84900000009',
  }),
];

export const findDemoUser = (username: string): DemoUser | undefined =>
  DEMO_USERS.find((candidate) => candidate.username === username);

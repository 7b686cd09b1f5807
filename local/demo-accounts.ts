// The local runtime's demo accounts (seeded as USER items) and its sign-in routes: GET /api/local/users, POST /api/local/token.
import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Language, Role } from '../functions/domain/types';
import { agencies } from '../schemas/catalogue';
import { issueToken, type TokenSubject } from './tokens';

export interface DemoUser extends TokenSubject {
  readonly role: Role;
}

/** A stable UUID per username (like a Cognito `sub`), so a case stays its owner's across restarts. */
function stableSub(username: string): string {
  const hex = createHash('sha256').update(`motcua-local:${username}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A 10-digit enterprise tax code (mã số thuế) with its check digit: the tenth digit is
 * 10 − (Σ digit × weight mod 11) with weights 31 29 23 19 17 13 7 5 3; a remainder giving 10 has no code.
 */
export function withTaxCodeCheckDigit(first9: string): string {
  const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
  const sum = [...first9].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  const check = 10 - (sum % 11);
  if (!/^\d{9}$/.test(first9) || check === 10) throw new Error(`no valid tax code starts with ${first9}`);
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

/** Every demo account: two citizens, a business, one official per agency of the catalogue, an admin. */
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
  user('admin', {
    role: 'admin',
    name: 'Quản trị viên hệ thống',
    email: 'admin@example.com',
    phone: '+84900000009',
  }),
];

export const findDemoUser = (username: string): DemoUser | undefined =>
  DEMO_USERS.find((candidate) => candidate.username === username);

type HttpResult = APIGatewayProxyStructuredResultV2;

const languageOf = (event: APIGatewayProxyEventV2): Language =>
  (event.headers?.['accept-language'] ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'vi';

const json = (statusCode: number, body: unknown): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(body),
});

const problem = (
  lang: Language,
  status: number,
  kind: string,
  title: { vi: string; en: string },
  detail: { vi: string; en: string },
  errors?: { path: string; message: string }[],
): HttpResult => ({
  statusCode: status,
  headers: {
    'content-type': 'application/problem+json',
    'content-language': lang,
    'cache-control': 'no-store',
  },
  body: JSON.stringify({
    type: `/problems/${kind}`,
    title: title[lang],
    status,
    detail: detail[lang],
    errors,
  }),
});

/** GET /api/local/users: the seeded demo accounts, to pick one to sign in as. */
export async function listDemoUsers(_event: APIGatewayProxyEventV2, _context: Context): Promise<HttpResult> {
  return json(200, {
    items: DEMO_USERS.map(({ username, role, name, agencyId }) => ({ username, role, name, agencyId })),
  });
}

/** POST /api/local/token `{ username }`: signs in as a demo account, as Cognito would. */
export async function issueDemoToken(event: APIGatewayProxyEventV2, _context: Context): Promise<HttpResult> {
  const lang = languageOf(event);
  const raw = event.body
    ? Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8').toString('utf8')
    : '';
  const contentType = (event.headers?.['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (raw && contentType !== 'application/json') {
    return problem(
      lang,
      415,
      'unsupported-media-type',
      { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported media type' },
      {
        vi: 'Nội dung phải là JSON (Content-Type: application/json)',
        en: 'The body must be JSON (Content-Type: application/json)',
      },
    );
  }
  let body: unknown;
  try {
    body = raw ? JSON.parse(raw) : {};
  } catch {
    return problem(
      lang,
      400,
      'malformed-json',
      { vi: 'Nội dung yêu cầu không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
      { vi: 'Gửi { "username": "citizen1" }', en: 'Send { "username": "citizen1" }' },
    );
  }
  const username = (body as { username?: unknown } | null)?.username;
  if (typeof username !== 'string' || username === '') {
    return problem(
      lang,
      400,
      'validation-failed',
      { vi: 'Dữ liệu không hợp lệ', en: 'Invalid request' },
      { vi: 'Thiếu tên tài khoản', en: 'The username is missing' },
      [{ path: 'username', message: lang === 'vi' ? 'Bắt buộc' : 'Required' }],
    );
  }
  const found = findDemoUser(username);
  if (!found) {
    return problem(
      lang,
      404,
      'not-found',
      { vi: 'Không tìm thấy', en: 'Not found' },
      {
        vi: `Không có tài khoản thử nghiệm "${username}"; xem GET /api/local/users`,
        en: `There is no demo account "${username}"; see GET /api/local/users`,
      },
    );
  }
  const { accessToken, expiresIn } = await issueToken(found);
  return json(200, { accessToken, tokenType: 'Bearer', expiresIn });
}

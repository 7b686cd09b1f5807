// Maps domain errors to RFC 9457 problem details, in one place, in Vietnamese or English.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import {
  type BadHeaderError,
  DomainError,
  type IdempotencyConflictError,
  type InvalidTransitionError,
  RateLimitedError,
  ValidationFailedError,
} from '../domain/errors';
import type { Language, LocalizedText } from '../domain/types';

/** Errors of the HTTP layer itself (framing, not domain rules). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    readonly title: LocalizedText,
    readonly detail?: LocalizedText,
  ) {
    super(title.en);
  }
}

export const httpProblems = {
  payloadTooLarge: (maxBytes = 1024 * 1024) => {
    const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes / 1024} KB`;
    return new HttpProblem(413, 'payload-too-large', {
      vi: `Nội dung yêu cầu vượt quá ${limit}`,
      en: `Request body is larger than ${limit}`,
    });
  },
  unsupportedMediaType: () =>
    new HttpProblem(415, 'unsupported-media-type', {
      vi: 'Nội dung phải là JSON (Content-Type: application/json)',
      en: 'The body must be JSON (Content-Type: application/json)',
    }),
  malformedJson: () =>
    new HttpProblem(400, 'malformed-json', {
      vi: 'Nội dung yêu cầu không phải JSON hợp lệ',
      en: 'The request body is not valid JSON',
    }),
  unauthorized: () =>
    new HttpProblem(401, 'unauthorized', { vi: 'Bạn cần đăng nhập', en: 'You need to sign in' }),
};

interface ProblemText {
  status: number;
  title: LocalizedText;
  detail?: (error: DomainError) => LocalizedText | undefined;
}

const domainProblems: Record<string, ProblemText> = {
  'validation-failed': {
    status: 400,
    title: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid request' },
    detail: () => ({ vi: 'Vui lòng sửa các trường được liệt kê', en: 'Please correct the fields listed' }),
  },
  'bad-header': {
    status: 400,
    title: { vi: 'Thiếu hoặc sai tiêu đề yêu cầu', en: 'Missing or invalid request header' },
    detail: (e) => {
      const header = (e as BadHeaderError).header;
      return {
        vi: `Tiêu đề ${header} bị thiếu hoặc không hợp lệ`,
        en: `Header ${header} is missing or invalid`,
      };
    },
  },
  'not-found': {
    status: 404,
    title: { vi: 'Không tìm thấy', en: 'Not found' },
  },
  forbidden: {
    status: 403,
    title: { vi: 'Bạn không có quyền dùng chức năng này', en: 'You may not use this function' },
  },
  'version-conflict': {
    status: 409,
    title: { vi: 'Hồ sơ đã được người khác cập nhật', en: 'The case was changed by someone else' },
    detail: () => ({
      vi: 'Hãy tải lại hồ sơ và thử lại',
      en: 'Reload the case and try again',
    }),
  },
  'invalid-transition': {
    status: 409,
    title: {
      vi: 'Không thể thực hiện thao tác ở trạng thái hiện tại',
      en: 'Action not allowed in the current status',
    },
    detail: (e) => {
      const { action, from } = e as InvalidTransitionError;
      return {
        vi: `Thao tác "${action}" không được phép khi hồ sơ ở trạng thái "${from}"`,
        en: `Action "${action}" is not allowed from status "${from}"`,
      };
    },
  },
  'idempotency-conflict': {
    status: 409,
    title: { vi: 'Khóa Idempotency-Key đã được dùng', en: 'Idempotency-Key already used' },
    detail: (e) =>
      (e as IdempotencyConflictError).reason === 'different-body'
        ? {
            vi: 'Khóa này đã được dùng cho một yêu cầu có nội dung khác',
            en: 'This key was used for a request with a different body',
          }
        : {
            vi: 'Yêu cầu đầu tiên với khóa này đang được xử lý',
            en: 'The first request with this key is in progress',
          },
  },
  'rate-limited': {
    status: 429,
    title: { vi: 'Quá nhiều lần thử', en: 'Too many attempts' },
    detail: () => ({ vi: 'Vui lòng thử lại sau', en: 'Please try again later' }),
  },
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export function problemResponse(
  body: ProblemBody,
  lang: Language,
  headers: Record<string, string> = {},
): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: body.status,
    headers: { 'content-type': 'application/problem+json', 'content-language': lang, ...headers },
    body: JSON.stringify(body),
  };
}

const typeUri = (kind: string) => `/problems/${kind}`;

/** The one mapping from an error to its HTTP answer. Unknown errors are 500 and logged by the caller. */
export function toProblem(error: unknown, lang: Language): APIGatewayProxyStructuredResultV2 | undefined {
  if (error instanceof HttpProblem) {
    return problemResponse(
      {
        type: typeUri(error.kind),
        title: error.title[lang],
        status: error.status,
        detail: error.detail?.[lang],
      },
      lang,
    );
  }
  if (!(error instanceof DomainError)) return undefined;
  const text = domainProblems[error.kind];
  if (!text) return undefined;
  const body: ProblemBody = {
    type: typeUri(error.kind),
    title: text.title[lang],
    status: text.status,
    detail: text.detail?.(error)?.[lang],
  };
  if (error instanceof ValidationFailedError) {
    body.errors = error.errors.map((e) => ({
      path: e.path,
      message: typeof e.message === 'string' ? e.message : e.message[lang],
    }));
  }
  const headers: Record<string, string> = {};
  if (error instanceof RateLimitedError) headers['retry-after'] = String(error.retryAfterSeconds);
  return problemResponse(body, lang, headers);
}

export const internalError = (lang: Language) =>
  problemResponse(
    {
      type: typeUri('internal'),
      title: lang === 'vi' ? 'Lỗi hệ thống, vui lòng thử lại sau' : 'Internal error, please try again later',
      status: 500,
    },
    lang,
  );

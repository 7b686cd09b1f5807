// A route's answer that is a file (a form's PDF, the register's CSV): the bytes as they go out, with their name.
// Apart from http.ts so that only the functions that answer files carry this code (the interactive functions'
// bundles are held to 300 KB).
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/** A file the route answers with (its response declares `contentTypes`): the bytes go out as they are. */
export interface FileAnswer {
  readonly bytes: Uint8Array | string;
  readonly contentType: string;
  readonly fileName: string;
}

/** The answer built, but for its language (http.ts adds `content-language`). */
export interface FileResponse {
  /** The media type without parameters, as the route's entry declares it. */
  readonly contentType: string;
  readonly response: APIGatewayProxyStructuredResultV2 & { headers: Record<string, string> };
}

/** `attachment` with the name in ASCII and, for the Vietnamese one, RFC 6266's `filename*`. */
function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** 200 with a file: a PDF, a CSV. */
export function fileAnswer(file: FileAnswer) {
  const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : Buffer.from(file.bytes);
  const response: FileResponse['response'] = {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': contentDisposition(file.fileName),
      'cache-control': 'no-store',
    },
    body: bytes.toString('base64'),
    isBase64Encoded: true,
  };
  const answer: FileResponse = { contentType: file.contentType.split(';')[0]!.trim(), response };
  return { status: 200, body: '', file: answer } as const;
}

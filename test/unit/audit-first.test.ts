// An official's read is answered only once the audit trail holds it: with the trail's storage failing, the case
// route answers 500 and gives nothing of the case (no document link is even signed). Storage is stubbed here: the
// one thing under test is the order in which the officials' handler module records and answers.
import type { Context } from 'aws-lambda';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HttpEvent, HttpResponse } from '../../functions/commons/http';
import type { CaseRecord } from '../../functions/storage/records';

const calls: string[] = [];
const auditWrite = vi.fn<(entry: { action: string }) => Promise<void>>();

vi.mock('../../functions/storage/audit', () => ({
  recordAuditEntry: (entry: { action: string }) => {
    calls.push(`audit:${entry.action}`);
    return auditWrite(entry);
  },
  auditEntryItem: () => ({}),
  listAuditEntries: async () => ({ items: [] }),
  listCaseReads: async () => [],
}));

const record: CaseRecord = {
  type: 'case',
  code: '000.21.38.H42-250305-0001',
  procedureId: 'dang-ky-ket-hon',
  procedureName: { vi: 'Đăng ký kết hôn', en: 'Marriage registration' },
  agencyId: 'ubnd-xa-gia-sinh',
  status: 'processing',
  version: 2,
  data: { secret: 'dữ liệu cá nhân' },
  documents: [
    {
      documentType: 'id-card',
      uploadId: 'u1',
      fileName: 'cccd.pdf',
      contentType: 'application/pdf',
      size: 10,
      key: 'documents/u1',
    },
  ],
  applicant: { id: 'a1', role: 'citizen', name: 'Lê Thị Hồng Nhung' },
  applicantName: 'Lê Thị Hồng Nhung',
  contact: {},
  lang: 'vi',
  submittedAt: '2025-03-05T08:00:00.000+07:00',
  dueAt: '2025-03-12T17:00:00.000+07:00',
  updatedAt: '2025-03-05T09:00:00.000+07:00',
  receivedAt: '2025-03-05T09:00:00.000+07:00',
  trackingPinHash: 'x',
};

vi.mock('../../functions/storage/cases', () => ({
  getCaseWithHistory: async () => ({ record, events: [], parts: [] }),
}));
vi.mock('../../functions/documents/downloads', () => ({
  downloadUrl: async () => {
    calls.push('sign-link');
    return 'https://storage.example/documents/u1?signature';
  },
}));

let getCase: (event: HttpEvent, context: Context) => Promise<unknown>;
let getCaseDocument: (event: HttpEvent, context: Context) => Promise<unknown>;
beforeAll(async () => {
  process.env.TABLE_NAME ??= 'unit-test';
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  ({ getCase, getCaseDocument } = await import('../../functions/http/officials'));
});
beforeEach(() => {
  calls.length = 0;
  auditWrite.mockReset();
});

function event(path: string, pathParameters: Record<string, string>): HttpEvent {
  return {
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString: '',
    headers: {},
    pathParameters,
    isBase64Encoded: false,
    requestContext: {
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      authorizer: {
        jwt: {
          claims: {
            sub: 'o1',
            name: 'Trần Văn Đức',
            'custom:role': 'official',
            'custom:agency': 'ubnd-xa-gia-sinh',
          },
          scopes: [],
        },
      },
    },
  } as unknown as HttpEvent;
}

const call = async (handler: typeof getCase, e: HttpEvent) =>
  (await handler(e, {} as Context)) as HttpResponse;

describe('the audit trail comes before the answer', () => {
  it('answers the case once its read is recorded, and records it before signing any link', async () => {
    auditWrite.mockResolvedValue();
    const answer = await call(getCase, event(`/api/cases/${record.code}`, { code: record.code }));
    expect(answer.statusCode).toBe(200);
    expect(calls).toEqual(['audit:view', 'sign-link']);
    expect(JSON.parse(String(answer.body)).data).toEqual(record.data);
  });

  it('fails the read, giving nothing of the case, when the trail cannot be written', async () => {
    auditWrite.mockRejectedValue(new Error('ProvisionedThroughputExceededException'));
    const answer = await call(getCase, event(`/api/cases/${record.code}`, { code: record.code }));
    expect(answer.statusCode).toBe(500);
    expect(String(answer.body)).not.toContain('dữ liệu cá nhân');
    expect(String(answer.body)).not.toContain('signature');
    expect(calls).toEqual(['audit:view']);
  });

  it('gives no link to a document whose download could not be recorded', async () => {
    auditWrite.mockRejectedValue(new Error('InternalServerError'));
    const answer = await call(
      getCaseDocument,
      event(`/api/cases/${record.code}/documents/0`, { code: record.code, index: '0' }),
    );
    expect(answer.statusCode).toBe(500);
    expect(String(answer.body)).not.toContain('signature');
    expect(calls).toEqual(['audit:download']);
  });
});

// Request and response bodies of the HTTP contract (CONTRACT.md v1), as zod schemas: validation and OpenAPI.
import * as z from 'zod';
import { CASE_STATUSES, OFFICIAL_ACTIONS, ROLES } from '../functions/domain/types';
import { vnMobilePhone } from './validators';

const localized = z.object({ vi: z.string(), en: z.string() }).meta({ id: 'LocalizedText' });
const isoTime = z.string().meta({ description: 'ISO 8601 time with offset (Vietnam time, +07:00)' });
const nfc = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));
const id = z.string().trim().min(1).max(128);

export const caseStatus = z.enum(CASE_STATUSES).meta({ id: 'CaseStatus' });

// ---- Requests ----

export const uploadRequest = z
  .strictObject({
    procedureId: id,
    documentType: id,
    fileName: nfc(255),
    contentType: z.string().trim().toLowerCase().min(3).max(100),
    size: z.number().int().positive(),
  })
  .meta({ id: 'UploadRequest' });
export type UploadRequest = z.output<typeof uploadRequest>;

export const documentRef = z.strictObject({ documentType: id, uploadId: id }).meta({ id: 'DocumentRef' });

export const contact = z
  .strictObject({
    email: z.email().max(254).optional(),
    phone: vnMobilePhone.optional(),
  })
  .meta({ id: 'Contact' });

export const applicationRequest = z
  .strictObject({
    procedureId: id,
    data: z
      .record(z.string(), z.unknown())
      .meta({ description: "The procedure's form data (see its `form`)" }),
    documents: z.array(documentRef).max(50).default([]),
    contact: contact.optional(),
  })
  .meta({ id: 'ApplicationRequest' });
export type ApplicationRequest = z.output<typeof applicationRequest>;

export const supplementAnswer = z
  .strictObject({
    data: z.record(z.string(), z.unknown()).optional(),
    documents: z.array(documentRef).max(50).optional(),
  })
  .meta({ id: 'SupplementAnswer' });
export type SupplementAnswer = z.output<typeof supplementAnswer>;

export const withdrawRequest = z
  .strictObject({ reason: nfc(2000).optional() })
  .meta({ id: 'WithdrawRequest' });
export type WithdrawRequest = z.output<typeof withdrawRequest>;

export const supplementItem = z
  .strictObject({
    documentType: id.optional(),
    field: z.string().trim().min(1).max(200).optional(),
    reason: nfc(1000),
  })
  .meta({ id: 'SupplementItem' });

export const caseActionRequest = z
  .strictObject({
    action: z.enum(OFFICIAL_ACTIONS),
    expectedVersion: z.number().int().min(1),
    note: nfc(4000).optional(),
    items: z.array(supplementItem).max(50).optional(),
    result: z.strictObject({ uploadId: id }).optional(),
  })
  .meta({ id: 'CaseActionRequest' });
export type CaseActionRequest = z.output<typeof caseActionRequest>;

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(2000).optional(),
});

export const queueQuery = listQuery.extend({
  status: caseStatus.default('submitted'),
  agencyId: id.optional(),
});

export const trackQuery = z.object({ pin: z.string().max(64).optional() });

// ---- Responses ----

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });

export const agencyRef = z
  .object({ id: z.string(), code: z.string(), name: localized })
  .meta({ id: 'AgencyRef' });

export const procedureSummary = z
  .object({
    id: z.string(),
    nationalCode: z.string().optional(),
    name: localized,
    agency: agencyRef,
    level: z.union([z.literal(3), z.literal(4)]),
    fee: z.object({ amount: z.number().int(), currency: z.literal('VND') }).nullable(),
    processingDays: z.number().int(),
  })
  .meta({ id: 'ProcedureSummary' });

export const procedureDetail = procedureSummary
  .extend({
    steps: z.array(localized),
    legalBasis: z.array(z.string()),
    resultDelivery: z.object({ methods: z.array(z.string()), result: localized }),
    form: z
      .record(z.string(), z.unknown())
      .meta({ description: "JSON Schema 2020-12 of the application's data" }),
    documents: z.array(
      z.object({
        type: z.string(),
        name: localized,
        required: z.boolean(),
        accept: z.array(z.string()),
        maxBytes: z.number().int(),
        maxFiles: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ProcedureDetail' });

export const uploadResponse = z
  .object({
    uploadId: z.string(),
    url: z.string(),
    fields: z.record(z.string(), z.string()),
    expiresAt: isoTime,
  })
  .meta({ id: 'UploadResponse' });

export const submitResponse = z
  .object({
    code: z.string(),
    trackingPin: z.string().meta({ description: 'Shown once; keep it to track the case without signing in' }),
    status: caseStatus,
    submittedAt: isoTime,
    dueAt: isoTime,
    version: z.number().int(),
  })
  .meta({ id: 'SubmitResponse' });
export type SubmitResponse = z.output<typeof submitResponse>;

export const caseEvent = z
  .object({
    at: isoTime,
    status: caseStatus,
    action: z.string(),
    actor: z.object({ role: z.enum([...ROLES, 'system']), name: z.string().optional() }),
    note: z.string().optional(),
  })
  .meta({ id: 'Event' });

export const caseDocument = z
  .object({
    documentType: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
  })
  .meta({ id: 'CaseDocument' });

export const caseSummary = z
  .object({
    code: z.string(),
    procedureId: z.string(),
    procedureName: localized,
    status: caseStatus,
    submittedAt: isoTime,
    dueAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'CaseSummary' });

export const caseView = z
  .object({
    code: z.string(),
    procedureId: z.string(),
    procedureName: localized,
    status: caseStatus,
    version: z.number().int(),
    data: z.record(z.string(), z.unknown()),
    documents: z.array(caseDocument),
    submittedAt: isoTime,
    dueAt: isoTime,
    updatedAt: isoTime,
    history: z.array(caseEvent),
    supplementRequest: z
      .object({ at: isoTime, note: z.string().optional(), items: z.array(supplementItem) })
      .optional(),
    result: z
      .object({ issuedAt: isoTime, document: caseDocument.optional(), note: z.string().optional() })
      .optional(),
  })
  .meta({ id: 'Case' });

export const officialCaseView = caseView
  .extend({
    applicant: z.object({
      id: z.string(),
      role: z.string(),
      name: z.string(),
      email: z.string().optional(),
      phone: z.string().optional(),
      taxCode: z.string().optional(),
    }),
    documents: z.array(caseDocument.extend({ downloadUrl: z.string() })),
    overdue: z.boolean().meta({ description: 'Past its due date while the agency holds it' }),
  })
  .meta({ id: 'OfficialCase' });

export const queueItem = z
  .object({
    code: z.string(),
    procedureId: z.string(),
    procedureName: localized,
    applicantName: z.string(),
    status: caseStatus,
    submittedAt: isoTime,
    dueAt: isoTime,
    overdue: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'QueueItem' });

export const trackResponse = z
  .object({
    code: z.string(),
    procedure: z.object({ id: z.string(), name: localized }),
    agency: z.object({ id: z.string(), name: localized }),
    status: caseStatus,
    submittedAt: isoTime,
    dueAt: isoTime,
    history: z.array(z.object({ at: isoTime, status: caseStatus })),
  })
  .meta({ id: 'TrackResponse' });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

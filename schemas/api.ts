// Requests and responses of the HTTP contract as zod schemas, each built on first use: validation, types, OpenAPI.
import * as z from 'zod';
import { CASE_STATUSES, OFFICIAL_ACTIONS, ROLES } from '../functions/domain/types';
import { lazy } from './lazy';
import { vnMobilePhone } from './validators';

/** What a lazily built schema gives once parsed: the type a handler returns or receives. */
export type Output<S extends () => z.ZodType> = z.output<ReturnType<S>>;

const localized = lazy(() => z.object({ vi: z.string(), en: z.string() }).meta({ id: 'LocalizedText' }));
const isoTime = () => z.string().meta({ description: 'ISO 8601 time with offset (Vietnam time, +07:00)' });
const nfc = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .transform((s) => s.normalize('NFC'));
const id = () => z.string().trim().min(1).max(128);

export const caseStatus = lazy(() => z.enum(CASE_STATUSES).meta({ id: 'CaseStatus' }));

// ---- Path parameters: bounded, so that no value reaches storage as an oversized key ----

export const procedureIdParams = lazy(() =>
  z.object({
    id: z.string().min(1).max(128).meta({ description: 'Procedure id', example: 'dang-ky-khai-sinh' }),
  }),
);

export const caseCodeParams = lazy(() =>
  z.object({
    code: z.string().min(1).max(64).meta({
      description: 'Case code, Circular 01/2018/TT-VPCP art. 19: `<agency code>-YYMMDD-NNNN`',
      example: '000.21.38.H42-250115-0001',
    }),
  }),
);

// ---- Query strings ----

export const catalogueQuery = lazy(() =>
  z.object({
    q: z
      .string()
      .max(200)
      .optional()
      .meta({ description: 'Words to find in the Vietnamese or English name', example: 'ho kinh doanh' }),
  }),
);

const pageQueryShape = () => ({
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'Page size, 1 to 100' }),
  cursor: z.string().max(2000).optional().meta({ description: '`nextCursor` of the page before' }),
});

export const listQuery = lazy(() => z.object(pageQueryShape()));

export const queueQuery = lazy(() =>
  z.object({
    ...pageQueryShape(),
    status: caseStatus().default('submitted'),
    agencyId: id().optional().meta({ description: 'The agency whose queue to read (admins only)' }),
  }),
);

export const trackQuery = lazy(() =>
  z.object({
    pin: z.string().max(64).optional().meta({ description: 'The tracking PIN given at submission' }),
  }),
);

// ---- Headers ----

/** One rule for the code and the published document: 1–255 visible ASCII characters (no space, no control). */
export const idempotencyHeaders = lazy(() =>
  z.object({
    'Idempotency-Key': z
      .string()
      .min(1)
      .max(255)
      .regex(/^[\x21-\x7e]+$/)
      .meta({ description: 'Chosen by the client, one per submission: 1–255 visible ASCII characters' }),
  }),
);

// ---- Request bodies ----

export const uploadRequest = lazy(() =>
  z
    .strictObject({
      procedureId: id(),
      documentType: id(),
      fileName: nfc(255),
      contentType: z.string().trim().toLowerCase().min(3).max(100),
      size: z.number().int().positive(),
    })
    .meta({ id: 'UploadRequest' }),
);
export type UploadRequest = Output<typeof uploadRequest>;

const documentRef = lazy(() =>
  z.strictObject({ documentType: id(), uploadId: id() }).meta({ id: 'DocumentRef' }),
);

const contact = lazy(() =>
  z
    .strictObject({
      email: z.email().max(254).optional(),
      phone: vnMobilePhone.optional(),
    })
    .meta({ id: 'Contact' }),
);

export const applicationRequest = lazy(() =>
  z
    .strictObject({
      procedureId: id(),
      data: z
        .record(z.string(), z.unknown())
        .meta({ description: "The procedure's form data (see its `form`)" }),
      documents: z.array(documentRef()).max(50).default([]),
      contact: contact().optional(),
    })
    .meta({ id: 'ApplicationRequest' }),
);
export type ApplicationRequest = Output<typeof applicationRequest>;

export const supplementAnswer = lazy(() =>
  z
    .strictObject({
      data: z.record(z.string(), z.unknown()).optional(),
      documents: z.array(documentRef()).max(50).optional(),
    })
    .meta({ id: 'SupplementAnswer' }),
);
export type SupplementAnswer = Output<typeof supplementAnswer>;

export const withdrawRequest = lazy(() =>
  z.strictObject({ reason: nfc(2000).optional() }).meta({ id: 'WithdrawRequest' }),
);

const supplementItem = lazy(() =>
  z
    .strictObject({
      documentType: id().optional(),
      field: z.string().trim().min(1).max(200).optional(),
      reason: nfc(1000),
    })
    .meta({ id: 'SupplementItem' }),
);

export const caseActionRequest = lazy(() =>
  z
    .strictObject({
      action: z.enum(OFFICIAL_ACTIONS),
      expectedVersion: z.number().int().min(1),
      note: nfc(4000).optional(),
      items: z.array(supplementItem()).max(50).optional(),
      result: z.strictObject({ uploadId: id() }).optional(),
    })
    .meta({ id: 'CaseActionRequest' }),
);
export type CaseActionRequest = Output<typeof caseActionRequest>;

// ---- Responses ----

export const problem = lazy(() =>
  z
    .object({
      type: z.string(),
      title: z.string(),
      status: z.number().int(),
      detail: z.string().optional(),
      errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    })
    .meta({ id: 'Problem' }),
);

export const health = lazy(() => z.object({ status: z.literal('ok') }));

export const openApiDocument = lazy(() => z.record(z.string(), z.unknown()));

const agencyRef = lazy(() =>
  z.object({ id: z.string(), code: z.string(), name: localized() }).meta({ id: 'AgencyRef' }),
);

const procedureSummaryShape = () => ({
  id: z.string(),
  nationalCode: z.string().optional(),
  name: localized(),
  agency: agencyRef(),
  level: z.union([z.literal(3), z.literal(4)]),
  fee: z.object({ amount: z.number().int(), currency: z.literal('VND') }).nullable(),
  processingDays: z.number().int(),
});

export const procedureSummary = lazy(() =>
  z.object(procedureSummaryShape()).meta({ id: 'ProcedureSummary' }),
);
export type ProcedureSummary = Output<typeof procedureSummary>;

export const procedureList = lazy(() => z.object({ items: z.array(procedureSummary()) }));

/** A procedure's public page: the contract's fields and what Decree 43/2011 asks a portal to publish. */
export const procedureDetail = lazy(() =>
  z
    .object({
      ...procedureSummaryShape(),
      steps: z.array(localized()),
      legalBasis: z.array(z.string()),
      resultDelivery: z.object({
        methods: z.array(z.enum(['in_person', 'online', 'post'])),
        result: localized(),
      }),
      form: z
        .record(z.string(), z.unknown())
        .meta({ description: "JSON Schema 2020-12 of the application's data, with `examples`" }),
      documents: z.array(
        z.object({
          type: z.string(),
          name: localized(),
          required: z.boolean(),
          accept: z.array(z.string()),
          maxBytes: z.int(),
          maxFiles: z.int(),
          copies: z
            .object({ originals: z.int(), copies: z.int() })
            .optional()
            .meta({ description: 'Originals and copies to present (thành phần hồ sơ)' }),
        }),
      ),
      serviceLevelName: localized().meta({
        description: 'Decree 42/2022/NĐ-CP name of the level: "một phần" (3) or "toàn trình" (4)',
      }),
      applicants: localized().meta({ description: 'Who may apply (đối tượng thực hiện)' }),
      where: z.object({ vi: z.string(), en: z.string(), address: localized() }).meta({
        description: 'Where the procedure is done (nơi thực hiện) and the address of the one-stop desk',
      }),
      sampleValues: localized()
        .optional()
        .meta({ description: 'Which figures are sample values, not sourced ones' }),
    })
    .meta({ id: 'ProcedureDetail' }),
);
export type ProcedureDetail = Output<typeof procedureDetail>;

export const uploadResponse = lazy(() =>
  z
    .object({
      uploadId: z.string(),
      url: z.string(),
      fields: z.record(z.string(), z.string()),
      expiresAt: isoTime(),
    })
    .meta({ id: 'UploadResponse' }),
);

export const submitResponse = lazy(() =>
  z
    .object({
      code: z.string(),
      trackingPin: z
        .string()
        .meta({ description: 'Shown once; keep it to track the case without signing in' }),
      status: caseStatus(),
      submittedAt: isoTime(),
      dueAt: isoTime(),
      version: z.number().int(),
    })
    .meta({ id: 'SubmitResponse' }),
);
export type SubmitResponse = Output<typeof submitResponse>;

const caseEvent = lazy(() =>
  z
    .object({
      at: isoTime(),
      status: caseStatus(),
      action: z.string(),
      actor: z.object({ role: z.enum([...ROLES, 'system']), name: z.string().optional() }),
      note: z.string().optional(),
    })
    .meta({ id: 'Event' }),
);

const caseDocument = lazy(() =>
  z
    .object({
      documentType: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: z.number().int(),
    })
    .meta({ id: 'CaseDocument' }),
);

export const caseSummary = lazy(() =>
  z
    .object({
      code: z.string(),
      procedureId: z.string(),
      procedureName: localized(),
      status: caseStatus(),
      submittedAt: isoTime(),
      dueAt: isoTime(),
      updatedAt: isoTime(),
    })
    .meta({ id: 'CaseSummary' }),
);
export type CaseSummary = Output<typeof caseSummary>;

const caseShape = () => ({
  code: z.string(),
  procedureId: z.string(),
  procedureName: localized(),
  status: caseStatus(),
  version: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  documents: z.array(caseDocument()),
  submittedAt: isoTime(),
  dueAt: isoTime(),
  updatedAt: isoTime(),
  history: z.array(caseEvent()),
  supplementRequest: z
    .object({ at: isoTime(), note: z.string().optional(), items: z.array(supplementItem()) })
    .optional(),
  result: z
    .object({ issuedAt: isoTime(), document: caseDocument().optional(), note: z.string().optional() })
    .optional(),
});

/** The Case of the contract, as its owner sees it. */
export const caseView = lazy(() => z.object(caseShape()).meta({ id: 'Case' }));
export type Case = Output<typeof caseView>;

/** The Case as the agency's officials see it: the applicant, download links and the deadline's state. */
export const officialCaseView = lazy(() =>
  z
    .object({
      ...caseShape(),
      applicant: z.object({
        id: z.string(),
        role: z.enum(ROLES),
        name: z.string(),
        email: z.string().optional(),
        phone: z.string().optional(),
        taxCode: z.string().optional(),
      }),
      documents: z.array(caseDocument().extend({ downloadUrl: z.string() })),
      overdue: z.boolean().meta({ description: 'Past its due date while the agency holds it' }),
    })
    .meta({ id: 'OfficialCase' }),
);
export type OfficialCase = Output<typeof officialCaseView>;

export const queueItem = lazy(() =>
  z
    .object({
      code: z.string(),
      procedureId: z.string(),
      procedureName: localized(),
      applicantName: z.string(),
      status: caseStatus(),
      submittedAt: isoTime(),
      dueAt: isoTime(),
      overdue: z.boolean(),
      version: z.number().int(),
    })
    .meta({ id: 'QueueItem' }),
);
export type QueueItem = Output<typeof queueItem>;

/** What anyone with the code and PIN sees: no personal data. */
export const trackingView = lazy(() =>
  z
    .object({
      code: z.string(),
      procedure: z.object({ id: z.string(), name: localized() }),
      agency: z.object({ id: z.string(), name: localized() }),
      status: caseStatus(),
      submittedAt: isoTime(),
      dueAt: isoTime(),
      history: z.array(z.object({ at: isoTime(), status: caseStatus() })),
    })
    .meta({ id: 'TrackResponse' }),
);
export type Tracking = Output<typeof trackingView>;

const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

export const caseSummaryPage = lazy(() => page(caseSummary()));
export const queuePage = lazy(() => page(queueItem()));

// ---- Local runtime only ----

export const demoUserList = lazy(() =>
  z.object({
    items: z.array(
      z.object({
        username: z.string(),
        role: z.enum(ROLES),
        name: z.string(),
        agencyId: z.string().optional(),
      }),
    ),
  }),
);

export const demoTokenRequest = lazy(() => z.object({ username: z.string().trim().min(1).max(100) }));

export const demoToken = lazy(() =>
  z.object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int() }),
);

export const outboxQuery = lazy(() => z.object({ caseCode: z.string().max(100).optional() }));

export const outbox = lazy(() =>
  z.object({
    items: z.array(
      z.object({
        id: z.string(),
        channel: z.enum(['email', 'sms']),
        to: z.string(),
        caseCode: z.string(),
        status: z.enum(['pending', 'delivered', 'failed']),
        subject: z.string().nullable(),
        body: z.string().nullable(),
        createdAt: isoTime(),
        deliveredAt: isoTime().nullable(),
        attempts: z.number().int(),
      }),
    ),
  }),
);

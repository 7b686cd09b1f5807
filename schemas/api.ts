// Requests and responses of the HTTP contract as zod schemas, each built on first use: validation, types, OpenAPI.
// zod/mini rather than zod: these schemas go into every function, and the full zod costs 90 KB and 10 ms there.
import * as z from 'zod/mini';
import { CASE_FORM_NAMES } from '../functions/domain/case-forms';
import { FILE_NAME_MESSAGE_KEY, FILE_NAME_RULE, isAcceptableFileName } from '../functions/domain/file-name';
import { CASE_STATUSES, OFFICIAL_ACTIONS, ROLES } from '../functions/domain/types';
import { lazy as lazyValue } from './lazy';
import { normalizeVnMobilePhone, VN_MOBILE, VN_MOBILE_DESCRIPTION, VN_MOBILE_MESSAGE } from './vn-phone';

/**
 * `lazy`, declared here without side effects: a schema no handler of a function reaches is then dropped from its
 * bundle (esbuild honours the annotation only for a function of the same module).
 */
/* @__NO_SIDE_EFFECTS__ */
function lazy<T>(build: () => T): () => T {
  return lazyValue(build);
}

/** The texts of the message keys these schemas raise (the rest is worded from zod's own issues). */
export const API_MESSAGES = {
  'phone.invalid': VN_MOBILE_MESSAGE,
  [FILE_NAME_MESSAGE_KEY]: FILE_NAME_RULE,
} as const;

/** What a lazily built schema gives once parsed: the type a handler returns or receives. */
export type Output<S extends () => z.core.$ZodType> = z.output<ReturnType<S>>;

/**
 * What full zod's `.meta()` does: a copy of the schema carrying `data` (an `id` makes it a component of the
 * OpenAPI document), which still refers to its parent, so that a described reference stays a reference.
 */
function meta<T extends z.ZodMiniType>(schema: T, data: z.core.GlobalMeta): T {
  const copy = z.clone(schema);
  z.globalRegistry.add(copy, data);
  return copy;
}

const localized = /* @__PURE__ */ lazy(() =>
  meta(z.object({ vi: z.string(), en: z.string() }), { id: 'LocalizedText' }),
);
const isoTime = () => meta(z.string(), { description: 'ISO 8601 time with offset (Vietnam time, +07:00)' });
/** Free text as stored: NFC (so that its length is the length a reader sees), trimmed, 1 to `max` characters. */
const nfc = (max: number) =>
  z.string().check(
    z.overwrite((s) => s.normalize('NFC')),
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
  );
const id = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(128));
const count = () => z.int();

export const caseStatus = /* @__PURE__ */ lazy(() => meta(z.enum(CASE_STATUSES), { id: 'CaseStatus' }));

// ---- Path parameters: bounded, so that no value reaches storage as an oversized key ----

export const procedureIdParams = /* @__PURE__ */ lazy(() =>
  z.object({
    id: meta(z.string().check(z.minLength(1), z.maxLength(128)), {
      description: 'Procedure id',
      example: 'dang-ky-khai-sinh',
    }),
  }),
);

export const uploadIdParams = lazy(() =>
  z.object({
    uploadId: meta(z.string().check(z.minLength(1), z.maxLength(128)), {
      description: 'The `uploadId` that `POST /api/uploads` answered',
      example: '0b7e3f5c-5a7e-4a53-9d3c-2f1f4bb9c6a1',
    }),
  }),
);

export const caseCodeParams = /* @__PURE__ */ lazy(() =>
  z.object({
    code: meta(z.string().check(z.minLength(1), z.maxLength(64)), {
      description: 'Case code, Circular 01/2018/TT-VPCP art. 19: `<agency code>-YYMMDD-NNNN`',
      example: '000.21.38.H42-250115-0001',
    }),
  }),
);

// ---- Query strings ----

export const catalogueQuery = /* @__PURE__ */ lazy(() =>
  z.object({
    q: meta(z.optional(z.string().check(z.maxLength(200))), {
      description: 'Words to find in the Vietnamese or English name',
      example: 'ho kinh doanh',
    }),
  }),
);

const pageQueryShape = () => ({
  limit: meta(z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 20), {
    description: 'Page size, 1 to 100',
  }),
  cursor: meta(z.optional(z.string().check(z.maxLength(2000))), {
    description: '`nextCursor` of the page before',
  }),
});

export const listQuery = /* @__PURE__ */ lazy(() => z.object(pageQueryShape()));

/** The queue's filters (version 2): each served by an index of its own. */
const queueFilterShape = () => ({
  procedureId: meta(z.optional(id()), { description: 'Only cases of this procedure' }),
  assignee: meta(z.optional(id()), {
    description: '`me`, `none` (nobody assigned) or an official’s id (`GET /api/officials`)',
  }),
});

export const queueQuery = /* @__PURE__ */ lazy(() =>
  z.object({
    ...pageQueryShape(),
    status: z._default(caseStatus(), 'submitted'),
    agencyId: meta(z.optional(id()), { description: 'The agency whose queue to read (admins only)' }),
    ...queueFilterShape(),
  }),
);

export const trackQuery = /* @__PURE__ */ lazy(() =>
  z.object({
    pin: meta(z.optional(z.string().check(z.maxLength(64))), {
      description: 'The tracking PIN given at submission',
    }),
  }),
);

// ---- Headers ----

/** One rule for the code and the published document: 1–255 visible ASCII characters (no space, no control). */
export const idempotencyHeaders = /* @__PURE__ */ lazy(() =>
  z.object({
    'Idempotency-Key': meta(z.string().check(z.minLength(1), z.maxLength(255), z.regex(/^[\x21-\x7e]+$/)), {
      description: 'Chosen by the client, one per submission: 1–255 visible ASCII characters',
    }),
  }),
);

// ---- Request bodies ----

export const uploadRequest = /* @__PURE__ */ lazy(() =>
  meta(
    z.strictObject({
      procedureId: id(),
      documentType: id(),
      fileName: meta(nfc(255).check(z.refine(isAcceptableFileName, { error: FILE_NAME_MESSAGE_KEY })), {
        description:
          '1–255 characters; no control characters, no bidirectional formatting characters, no / or \\',
      }),
      contentType: z.string().check(z.trim(), z.toLowerCase(), z.minLength(3), z.maxLength(100)),
      size: z.int().check(z.positive()),
    }),
    { id: 'UploadRequest' },
  ),
);
export type UploadRequest = Output<typeof uploadRequest>;

const documentRef = /* @__PURE__ */ lazy(() =>
  meta(z.strictObject({ documentType: id(), uploadId: id() }), { id: 'DocumentRef' }),
);

const contact = /* @__PURE__ */ lazy(() =>
  meta(
    z.strictObject({
      email: z.optional(z.email().check(z.maxLength(254))),
      phone: z.optional(
        meta(
          z.pipe(
            z.string().check(z.trim(), z.regex(VN_MOBILE, { error: 'phone.invalid' })),
            z.transform(normalizeVnMobilePhone),
          ),
          { description: VN_MOBILE_DESCRIPTION },
        ),
      ),
    }),
    { id: 'Contact' },
  ),
);

export const applicationRequest = /* @__PURE__ */ lazy(() =>
  meta(
    z.strictObject({
      procedureId: id(),
      data: meta(z.record(z.string(), z.unknown()), {
        description: "The procedure's form data (see its `form`)",
      }),
      documents: z._default(z.array(documentRef()).check(z.maxLength(50)), []),
      contact: z.optional(contact()),
    }),
    { id: 'ApplicationRequest' },
  ),
);
export type ApplicationRequest = Output<typeof applicationRequest>;

export const supplementAnswer = /* @__PURE__ */ lazy(() =>
  meta(
    z.strictObject({
      data: z.optional(z.record(z.string(), z.unknown())),
      documents: z.optional(z.array(documentRef()).check(z.maxLength(50))),
    }),
    { id: 'SupplementAnswer' },
  ),
);
export type SupplementAnswer = Output<typeof supplementAnswer>;

export const withdrawRequest = /* @__PURE__ */ lazy(() =>
  meta(z.strictObject({ reason: z.optional(nfc(2000)) }), { id: 'WithdrawRequest' }),
);

const supplementItem = /* @__PURE__ */ lazy(() =>
  meta(
    z.strictObject({
      documentType: z.optional(id()),
      field: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
      reason: nfc(1000),
    }),
    { id: 'SupplementItem' },
  ),
);

export const caseActionRequest = /* @__PURE__ */ lazy(() =>
  meta(
    z.strictObject({
      action: z.enum(OFFICIAL_ACTIONS),
      expectedVersion: z.int().check(z.gte(1)),
      note: z.optional(nfc(4000)),
      items: z.optional(z.array(supplementItem()).check(z.maxLength(50))),
      result: z.optional(z.strictObject({ uploadId: id() })),
      assigneeId: meta(z.optional(z.nullable(id())), {
        description: '`assign`: an official of the case’s agency (`GET /api/officials`), or null to unassign',
      }),
      dueAt: meta(z.optional(z.string().check(z.trim(), z.minLength(10), z.maxLength(40))), {
        description:
          '`extend`: the new due date, `YYYY-MM-DD` (17:00 Vietnam time that day) or an ISO 8601 time with ' +
          'offset; a working day, later than the current due date',
      }),
    }),
    { id: 'CaseActionRequest' },
  ),
);
export type CaseActionRequest = Output<typeof caseActionRequest>;

// ---- Responses ----

export const problem = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      type: z.string(),
      title: z.string(),
      status: count(),
      detail: z.optional(z.string()),
      errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
    }),
    { id: 'Problem' },
  ),
);

export const health = /* @__PURE__ */ lazy(() => z.object({ status: z.literal('ok') }));

export const openApiDocument = /* @__PURE__ */ lazy(() => z.record(z.string(), z.unknown()));

const agencyRef = /* @__PURE__ */ lazy(() =>
  meta(z.object({ id: z.string(), code: z.string(), name: localized() }), { id: 'AgencyRef' }),
);

const procedureSummaryShape = () => ({
  id: z.string(),
  nationalCode: z.optional(z.string()),
  name: localized(),
  agency: agencyRef(),
  level: z.union([z.literal(3), z.literal(4)]),
  fee: z.nullable(z.object({ amount: count(), currency: z.literal('VND') })),
  processingDays: count(),
});

export const procedureSummary = /* @__PURE__ */ lazy(() =>
  meta(z.object(procedureSummaryShape()), { id: 'ProcedureSummary' }),
);
export type ProcedureSummary = Output<typeof procedureSummary>;

export const procedureList = /* @__PURE__ */ lazy(() => z.object({ items: z.array(procedureSummary()) }));

/** A procedure's public page: the contract's fields and what Decree 43/2011 asks a portal to publish. */
export const procedureDetail = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      ...procedureSummaryShape(),
      steps: z.array(localized()),
      legalBasis: z.array(z.string()),
      timeLimitBasis: meta(localized(), {
        description: 'The legal provision that sets the processing time (`processingDays`)',
      }),
      resultDelivery: z.object({
        methods: z.array(z.enum(['in_person', 'online', 'post'])),
        result: localized(),
      }),
      form: meta(z.record(z.string(), z.unknown()), {
        description: "JSON Schema 2020-12 of the application's data, with `examples`",
      }),
      documents: z.array(
        z.object({
          type: z.string(),
          name: localized(),
          required: z.boolean(),
          accept: z.array(z.string()),
          maxBytes: count(),
          maxFiles: count(),
          copies: meta(z.optional(z.object({ originals: count(), copies: count() })), {
            description: 'Originals and copies to present (thành phần hồ sơ)',
          }),
        }),
      ),
      serviceLevelName: meta(localized(), {
        description: 'Decree 42/2022/NĐ-CP name of the level: "một phần" (3) or "toàn trình" (4)',
      }),
      applicants: meta(localized(), { description: 'Who may apply (đối tượng thực hiện)' }),
      where: meta(z.object({ vi: z.string(), en: z.string(), address: localized() }), {
        description: 'Where the procedure is done (nơi thực hiện) and the address of the one-stop desk',
      }),
      sampleValues: meta(z.optional(localized()), {
        description: 'Which figures are sample values, not sourced ones',
      }),
    }),
    { id: 'ProcedureDetail' },
  ),
);
export type ProcedureDetail = Output<typeof procedureDetail>;

export const uploadResponse = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      uploadId: z.string(),
      url: z.string(),
      fields: z.record(z.string(), z.string()),
      expiresAt: isoTime(),
    }),
    { id: 'UploadResponse' },
  ),
);

export const uploadStatus = lazy(() =>
  meta(
    z.object({
      uploadId: z.string(),
      documentType: z.string(),
      fileName: z.string(),
      contentType: z.string(),
      size: count(),
      status: meta(z.enum(['pending', 'verified', 'rejected']), {
        description: '`pending` until the file has landed and been checked; then `verified` or `rejected`',
      }),
      problems: meta(z.optional(z.array(z.object({ path: z.string(), message: z.string() }))), {
        description: 'Why it was rejected: `path` is `size`, `contentType` or `file` (the malware scan)',
      }),
    }),
    { id: 'UploadStatus' },
  ),
);

export const submitResponse = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      code: z.string(),
      trackingPin: meta(z.string(), {
        description: 'Shown once; keep it to track the case without signing in',
      }),
      status: caseStatus(),
      submittedAt: isoTime(),
      dueAt: isoTime(),
      version: count(),
    }),
    { id: 'SubmitResponse' },
  ),
);
export type SubmitResponse = Output<typeof submitResponse>;

const caseEvent = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      at: isoTime(),
      status: caseStatus(),
      action: z.string(),
      actor: z.object({ role: z.enum([...ROLES, 'system']), name: z.optional(z.string()) }),
      note: z.optional(z.string()),
    }),
    { id: 'Event' },
  ),
);

const caseDocumentShape = () => ({
  documentType: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  size: count(),
});

const caseDocument = /* @__PURE__ */ lazy(() => meta(z.object(caseDocumentShape()), { id: 'CaseDocument' }));

// ---- Console (version 2): assignment, extension, audit, one-stop forms, statistics ----

const official = /* @__PURE__ */ lazy(() =>
  meta(z.object({ id: z.string(), name: z.string() }), { id: 'Official' }),
);

export const caseFormName = /* @__PURE__ */ lazy(() =>
  meta(z.enum(CASE_FORM_NAMES), {
    id: 'CaseFormName',
    description:
      '`receipt` (Mẫu 01), `supplement-request` (Mẫu 02), `refusal` (Mẫu 03), `apology` (Mẫu 04), ' +
      '`control-slip` (Mẫu 05, officials only)',
  }),
);

/** An official's or an admin's read of the file, as its owner sees it. */
const caseRead = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      at: isoTime(),
      agency: z.optional(z.object({ id: z.string(), name: localized() })),
      role: z.enum(ROLES),
    }),
    { id: 'CaseRead' },
  ),
);

/** What the queue and the case page show of the deadline and the hand-off. */
const deadlineShape = () => ({
  assignee: z.optional(official()),
  workingDaysLeft: meta(z.optional(z.int()), {
    description:
      'While the agency’s clock runs: working days until the due date (0: due today), negative once overdue',
  }),
});

export const auditEntry = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      at: isoTime(),
      actor: z.object({
        id: z.string(),
        name: z.string(),
        role: meta(z.enum([...ROLES, 'system']), {
          description:
            '`system`: the platform acting on another system’s word (a payment gateway’s notification: `name` is the gateway, `id` is `system:<name>`)',
        }),
      }),
      action: meta(z.string(), {
        description:
          'An action’s name (`receive`, `assign`, `extend`…), `view`, `download`, or a payment event (`payment_started`, `payment_paid`, `payment_failed`)',
      }),
      detail: meta(z.optional(z.string()), { description: 'What was downloaded, or what an action set' }),
    }),
    { id: 'AuditEntry' },
  ),
);
export type AuditEntry = Output<typeof auditEntry>;
export const auditPage = /* @__PURE__ */ lazy(() =>
  z.object({ items: z.array(auditEntry()), nextCursor: z.optional(z.string()) }),
);

export const agencyQuery = /* @__PURE__ */ lazy(() =>
  z.object({
    agencyId: meta(z.optional(id()), { description: 'The agency (admins only; officials get their own)' }),
  }),
);
export const officialList = /* @__PURE__ */ lazy(() => z.object({ items: z.array(official()) }));
export const agencyAuditQuery = /* @__PURE__ */ lazy(() =>
  z.object({ ...agencyQuery().shape, ...pageQueryShape() }),
);

export const queueCountsQuery = /* @__PURE__ */ lazy(() =>
  z.object({
    agencyId: meta(z.optional(id()), { description: 'The agency whose queue to count (admins only)' }),
    ...queueFilterShape(),
  }),
);
export const queueCounts = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      counts: meta(z.record(caseStatus(), count()), {
        description:
          'Cases per status under the filters; kept from the table’s stream, a second or so behind',
      }),
    }),
    { id: 'QueueCounts' },
  ),
);

export const caseDocumentParams = /* @__PURE__ */ lazy(() =>
  z.object({
    code: caseCodeParams().shape.code,
    index: meta(z.coerce.number().check(z.int(), z.gte(0), z.lte(99)), {
      description: 'The document’s place in the case’s `documents`, from 0',
    }),
  }),
);
export const documentLink = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      ...caseDocumentShape(),
      url: meta(z.string(), { description: 'Short-lived address of the file itself' }),
      expiresAt: isoTime(),
    }),
    { id: 'DocumentLink' },
  ),
);
export type DocumentLink = Output<typeof documentLink>;

export const caseFormParams = /* @__PURE__ */ lazy(() =>
  z.object({ code: caseCodeParams().shape.code, form: caseFormName() }),
);

/** A file answer: the bytes themselves (OpenAPI `format: binary`). */
export const fileBody = /* @__PURE__ */ lazy(() => meta(z.string(), { format: 'binary' }));

const dayString = () => z.string().check(z.maxLength(10), z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const registerQuery = /* @__PURE__ */ lazy(() =>
  z.object({
    from: meta(dayString(), {
      description: 'First day, `YYYY-MM-DD` (Vietnam), included',
      example: '2025-03-01',
    }),
    to: meta(dayString(), {
      description: 'Last day, `YYYY-MM-DD` (Vietnam), included',
      example: '2025-03-31',
    }),
    format: z._default(z.enum(['pdf', 'csv']), 'pdf'),
    agencyId: meta(z.optional(id()), { description: 'The agency (admins only)' }),
  }),
);

export const statsQuery = /* @__PURE__ */ lazy(() =>
  z.object({
    from: meta(z.optional(dayString()), {
      description:
        'First day, `YYYY-MM-DD`; counted by whole months from its month. Default: 1 January this year',
    }),
    to: meta(z.optional(dayString()), {
      description: 'Last day, `YYYY-MM-DD`; counted to the end of its month. Default: today',
    }),
    agencyId: z.optional(id()),
    procedureId: z.optional(id()),
  }),
);

export const statistics = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      from: meta(z.string(), { description: 'The first day counted (the first of a month)' }),
      to: meta(z.string(), { description: 'The last day counted (the last of a month)' }),
      items: z.array(
        z.object({
          agencyId: z.string(),
          procedureId: z.string(),
          received: meta(count(), { description: 'Received by the desk (tiếp nhận) in the period' }),
          resolved: meta(count(), { description: 'Decided (approved or denied) in the period' }),
          resolvedOnTime: meta(count(), { description: 'Of those, decided by their due date' }),
          resolvedLate: count(),
          pending: meta(count(), {
            description:
              'Received in the period and still being handled now (processing, or waiting for a supplement)',
          }),
          pendingOverdue: meta(count(), {
            description:
              'Of those, past their due day now (a supplement wait stops the clock: never overdue)',
          }),
          onTimeRate: meta(z.nullable(z.number()), {
            description: '`resolvedOnTime / resolved`, from 0 to 1; null when nothing was resolved',
          }),
        }),
      ),
    }),
    { id: 'Statistics' },
  ),
);
export type Statistics = Output<typeof statistics>;

export const caseSummary = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      code: z.string(),
      procedureId: z.string(),
      procedureName: localized(),
      status: caseStatus(),
      submittedAt: isoTime(),
      dueAt: isoTime(),
      updatedAt: isoTime(),
    }),
    { id: 'CaseSummary' },
  ),
);
export type CaseSummary = Output<typeof caseSummary>;

const caseShape = () => ({
  code: z.string(),
  procedureId: z.string(),
  procedureName: localized(),
  status: caseStatus(),
  version: count(),
  data: z.record(z.string(), z.unknown()),
  documents: z.array(caseDocument()),
  submittedAt: isoTime(),
  dueAt: isoTime(),
  updatedAt: isoTime(),
  history: z.array(caseEvent()),
  supplementRequest: z.optional(
    z.object({ at: isoTime(), note: z.optional(z.string()), items: z.array(supplementItem()) }),
  ),
  result: z.optional(caseResult()),
  payment: z.optional(casePayment()),
  forms: meta(z.optional(z.array(caseFormName())), {
    description: 'The one-stop forms this case has for the caller (`…/forms/{form}`)',
  }),
});

/** The Case of the contract, as its owner sees it. */
export const caseView = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      ...caseShape(),
      views: meta(z.optional(z.array(caseRead())), {
        description:
          '`GET /api/applications/{code}` only: when an agency opened the file (the case or one of its files), ' +
          'newest first, at most 100',
      }),
    }),
    { id: 'Case' },
  ),
);
export type Case = Output<typeof caseView>;

/** The Case as the agency's officials see it: the applicant, download links and the deadline's state. */
export const officialCaseView = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      ...caseShape(),
      applicant: z.object({
        id: z.string(),
        role: z.enum(ROLES),
        name: z.string(),
        email: z.optional(z.string()),
        phone: z.optional(z.string()),
        taxCode: z.optional(z.string()),
      }),
      documents: z.array(z.object({ ...caseDocumentShape(), downloadUrl: z.string() })),
      overdue: meta(z.boolean(), { description: 'Past its due date while the agency holds it' }),
      ...deadlineShape(),
      receivedAt: z.optional(isoTime()),
      extensions: z.optional(
        z.array(
          z.object({
            at: isoTime(),
            previousDueAt: isoTime(),
            dueAt: isoTime(),
            reason: z.string(),
            by: official(),
          }),
        ),
      ),
    }),
    { id: 'OfficialCase' },
  ),
);
export type OfficialCase = Output<typeof officialCaseView>;

export const queueItem = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      code: z.string(),
      procedureId: z.string(),
      procedureName: localized(),
      applicantName: z.string(),
      status: caseStatus(),
      submittedAt: isoTime(),
      dueAt: isoTime(),
      overdue: z.boolean(),
      version: count(),
      ...deadlineShape(),
    }),
    { id: 'QueueItem' },
  ),
);
export type QueueItem = Output<typeof queueItem>;

/** What the public may know of a case (tracking, verification): no personal data. */
const publicCaseShape = () => ({
  code: z.string(),
  procedure: z.object({ id: z.string(), name: localized() }),
  agency: z.object({ id: z.string(), name: localized() }),
  status: caseStatus(),
});

/** What anyone with the code and PIN sees: no personal data. */
export const trackingView = /* @__PURE__ */ lazy(() =>
  meta(
    z.object({
      ...publicCaseShape(),
      submittedAt: isoTime(),
      dueAt: isoTime(),
      history: z.array(z.object({ at: isoTime(), status: caseStatus() })),
    }),
    { id: 'TrackResponse' },
  ),
);
export type Tracking = Output<typeof trackingView>;

const page = <T extends z.core.$ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.optional(z.string()) });

export const caseSummaryPage = /* @__PURE__ */ lazy(() => page(caseSummary()));
export const queuePage = /* @__PURE__ */ lazy(() => page(queueItem()));

// ---- Level 4: payments, signed results and verification, business webhooks ----

/** The case's fee paid online: its latest attempt. */
const casePayment = lazy(() =>
  meta(
    z.object({
      status: z.enum(['pending', 'paid', 'failed']),
      amount: meta(count(), { description: 'VND' }),
      paidAt: z.optional(isoTime()),
      transactionNo: z.optional(meta(z.string(), { description: "The gateway's transaction number" })),
      expiresAt: z.optional(meta(isoTime(), { description: 'A pending attempt can be paid until then' })),
    }),
    { id: 'CasePayment' },
  ),
);

const signer = lazy(() =>
  meta(
    z.object({
      name: meta(z.string(), { description: "The signing certificate's subject (CN)" }),
      agency: meta(z.string(), { description: 'The agency that issued the document' }),
    }),
    { id: 'Signer' },
  ),
);

/**
 * The result: what `issue_result` recorded, and once the platform has signed the file (PAdES B-B, QR code to
 * the verification page) the signed file's name, size, digest, signer, a short-lived download link and the
 * verification link.
 */
const caseResult = lazy(() =>
  meta(
    z.object({
      issuedAt: isoTime(),
      document: z.optional(caseDocument()),
      note: z.optional(z.string()),
      signature: z.optional(
        meta(z.enum(['pending', 'signed', 'failed']), {
          description: 'The signing of the result document: done in the background, seconds after issue',
        }),
      ),
      fileName: z.optional(z.string()),
      size: z.optional(count()),
      sha256: z.optional(meta(z.string(), { description: 'SHA-256 of the signed file, hex' })),
      signedAt: z.optional(isoTime()),
      signer: z.optional(signer()),
      downloadUrl: z.optional(meta(z.string(), { description: 'Works for a few minutes' })),
      verifyUrl: z.optional(
        meta(z.string(), { description: "The verification page, as the file's QR code" }),
      ),
    }),
    { id: 'CaseResult' },
  ),
);

export const paymentStarted = lazy(() =>
  meta(
    z.object({
      paymentId: meta(z.string(), { description: "Our reference, the gateway's vnp_TxnRef" }),
      amount: meta(count(), { description: 'VND' }),
      redirectUrl: meta(z.string(), { description: "The gateway's payment page, signed (HMAC-SHA512)" }),
      expiresAt: isoTime(),
    }),
    { id: 'PaymentStarted' },
  ),
);

const vnpField = (description: string) =>
  meta(z.optional(z.string().check(z.maxLength(512))), { description });

/** What VNPay sends to the IPN and return URLs (read from the raw query string, so duplicates are refused). */
export const vnpayCallbackQuery = lazy(() =>
  z.object({
    vnp_TmnCode: vnpField('Merchant terminal code'),
    vnp_TxnRef: vnpField('Our payment id'),
    vnp_Amount: vnpField('VND × 100'),
    vnp_ResponseCode: vnpField('`00` paid; anything else a failure'),
    vnp_TransactionStatus: vnpField('`00` paid'),
    vnp_TransactionNo: vnpField("The gateway's transaction number"),
    vnp_BankCode: vnpField('Bank'),
    vnp_PayDate: vnpField('yyyyMMddHHmmss, Vietnam time'),
    vnp_OrderInfo: vnpField('As sent'),
    vnp_SecureHash: vnpField('HMAC-SHA512 (hex) of the other vnp_ parameters'),
  }),
);

export const vnpayIpnAnswer = lazy(() =>
  meta(
    z.object({
      RspCode: meta(z.enum(['00', '01', '02', '04', '97', '99']), {
        description:
          '`00` accepted (also a failed payment, recorded), `01` unknown payment, `02` already confirmed, ' +
          '`04` wrong amount, `97` bad signature, `99` unexpected error',
      }),
      Message: z.string(),
    }),
    { id: 'VnpayIpnAnswer' },
  ),
);

export const verifyQuery = lazy(() =>
  z.object({
    t: meta(z.optional(z.string().check(z.maxLength(64))), {
      description: 'The token of the verification link (in the QR code)',
    }),
  }),
);

export const verification = lazy(() =>
  meta(
    z.object({
      ...publicCaseShape(),
      documents: z.array(
        z.object({
          kind: meta(z.string(), { description: '`result`: the signed result' }),
          issuedAt: isoTime(),
          sha256: meta(z.string(), { description: 'SHA-256 of the file as issued, hex' }),
          signer: z.optional(signer()),
        }),
      ),
    }),
    { id: 'Verification' },
  ),
);

export const pdfVerification = lazy(() =>
  meta(
    z.object({
      valid: meta(z.boolean(), {
        description: 'Issued by this platform, unaltered, with a valid PAdES signature',
      }),
      code: z.optional(z.string()),
      kind: z.optional(z.string()),
      signer: z.optional(z.object({ name: z.string(), agency: z.optional(z.string()) })),
      signedAt: z.optional(isoTime()),
      sha256: meta(z.string(), { description: 'SHA-256 of the file checked, hex' }),
      problems: meta(z.array(z.string()), { description: "What is wrong, in the caller's language" }),
    }),
    { id: 'PdfVerification' },
  ),
);

export const resultDownloadQuery = lazy(() =>
  z.object({
    expires: meta(z.coerce.number().check(z.int(), z.gte(0), z.lte(99_999_999_999)), {
      description: 'Unix seconds',
    }),
    sig: meta(z.string().check(z.minLength(1), z.maxLength(64)), { description: 'The link’s signature' }),
  }),
);

export const WEBHOOK_EVENTS = ['case.status_changed'] as const;

export const webhookRequest = lazy(() =>
  meta(
    z.strictObject({
      url: meta(z.string().check(z.trim(), z.minLength(1), z.maxLength(2048)), {
        description:
          'https, resolving to public addresses only (the local runtime also takes http://127.0.0.1)',
      }),
      events: z.optional(z.array(z.enum(WEBHOOK_EVENTS)).check(z.minLength(1), z.maxLength(1))),
    }),
    { id: 'WebhookRequest' },
  ),
);
export type WebhookRequest = Output<typeof webhookRequest>;

const webhookShape = () => ({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  createdAt: isoTime(),
});

export const webhookView = lazy(() => meta(z.object(webhookShape()), { id: 'Webhook' }));
export type WebhookView = Output<typeof webhookView>;

export const webhookCreated = lazy(() =>
  meta(
    z.object({
      ...webhookShape(),
      secret: meta(z.string(), {
        description:
          '`whsec_` + base64: the Standard Webhooks signing secret, shown only in this answer; keep it',
      }),
    }),
    { id: 'WebhookCreated' },
  ),
);

export const webhookList = lazy(() => z.object({ items: z.array(webhookView()) }));

export const webhookParams = lazy(() =>
  z.object({ id: meta(z.string().check(z.minLength(1), z.maxLength(64)), { description: 'Webhook id' }) }),
);

/**
 * A time with its offset, as a client sends it. By pattern rather than zod's `z.iso.datetime`, whose ISO code would
 * add 2 KB to the applicant's function, which is held to 300 KB.
 */
const isoTimeWithOffset = () =>
  z
    .string()
    .check(
      z.maxLength(40),
      z.regex(
        /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/,
      ),
    );

/** `GET /api/applications` for systems that poll: by status, and changed since a time. */
export const applicationListQuery = lazy(() =>
  z.object({
    ...pageQueryShape(),
    status: meta(z.optional(caseStatus()), { description: 'Only cases in this status' }),
    updatedSince: meta(z.optional(isoTimeWithOffset()), {
      description: 'Only cases changed at or after this time (ISO 8601 with offset)',
      format: 'date-time',
    }),
  }),
);

// ---- Drafts (CONTRACT.md v2, "Drafts") ----

export const draftParams = lazy(() =>
  z.object({
    procedureId: meta(z.string().check(z.minLength(1), z.maxLength(128)), {
      description: 'Procedure id: one draft per applicant and procedure',
      example: 'dang-ky-khai-sinh',
    }),
  }),
);

export const draftRequest = lazy(() =>
  meta(
    z.strictObject({
      data: meta(z.record(z.string(), z.unknown()), {
        description:
          "The form as far as it is filled in: checked only as JSON (an object, at most 20 levels deep); the procedure's rules apply at submission",
      }),
      documents: z._default(z.array(documentRef()).check(z.maxLength(50)), []),
      step: z.optional(
        meta(z.string().check(z.maxLength(64)), {
          description: "Where the applicant was in the form: the page's own name, as the client chose it",
        }),
      ),
    }),
    { id: 'DraftRequest' },
  ),
);
export type DraftRequest = Output<typeof draftRequest>;

export const draftView = lazy(() =>
  meta(
    z.object({
      procedureId: z.string(),
      data: z.record(z.string(), z.unknown()),
      documents: z.array(documentRef()),
      step: z.optional(z.string()),
      updatedAt: isoTime(),
      expiresAt: meta(isoTime(), { description: '30 days after the last change' }),
    }),
    { id: 'Draft' },
  ),
);
export type Draft = Output<typeof draftView>;

export const draftList = lazy(() => z.object({ items: z.array(draftView()) }));

// ---- Local runtime only ----

export const demoUserList = /* @__PURE__ */ lazy(() =>
  z.object({
    items: z.array(
      z.object({
        username: z.string(),
        role: z.enum(ROLES),
        name: z.string(),
        agencyId: z.optional(z.string()),
      }),
    ),
  }),
);

export const demoTokenRequest = /* @__PURE__ */ lazy(() =>
  z.object({ username: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)) }),
);

export const demoToken = /* @__PURE__ */ lazy(() =>
  z.object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: count() }),
);

export const outboxQuery = /* @__PURE__ */ lazy(() =>
  z.object({ caseCode: z.optional(z.string().check(z.maxLength(100))) }),
);

export const outbox = /* @__PURE__ */ lazy(() =>
  z.object({
    items: z.array(
      z.object({
        id: z.string(),
        channel: z.enum(['email', 'sms', 'webhook']),
        to: z.string(),
        caseCode: z.string(),
        status: z.enum(['pending', 'delivered', 'failed']),
        subject: z.nullable(z.string()),
        body: z.nullable(z.string()),
        createdAt: isoTime(),
        deliveredAt: z.nullable(isoTime()),
        attempts: count(),
      }),
    ),
  }),
);

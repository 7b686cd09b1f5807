// The procedure catalogue: the one list that validation, the web form, OpenAPI and the public pages all read.
import * as z from 'zod';
import type { FieldProblem } from '../functions/domain/errors';
import type { Language, LocalizedText } from '../functions/domain/types';
import { allAgencies } from './agencies';
import type { ProcedureDetail, ProcedureSummary } from './api';
import { issueErrorMap, toFieldProblems } from './messages';
import { capGiayPhepXayDungNhaO } from './procedures/cap-giay-phep-xay-dung-nha-o';
import { capPhieuLyLichTuPhap } from './procedures/cap-phieu-ly-lich-tu-phap';
import { dangKyHoKinhDoanh } from './procedures/dang-ky-ho-kinh-doanh';
import { dangKyKetHon } from './procedures/dang-ky-ket-hon';
import { dangKyKhaiSinh } from './procedures/dang-ky-khai-sinh';
import { foldVietnamese } from './text';
import type { Agency, DocumentRequirement, ProcedureDefinition } from './types';

export const procedures: readonly ProcedureDefinition[] = [
  dangKyKhaiSinh,
  dangKyKetHon,
  dangKyHoKinhDoanh,
  capGiayPhepXayDungNhaO,
  capPhieuLyLichTuPhap,
];

/** Agencies that receive at least one procedure of the catalogue (each needs an official in the demo). */
export const agencies: readonly Agency[] = allAgencies.filter((a) =>
  procedures.some((p) => p.agency.id === a.id),
);

const proceduresById = new Map(procedures.map((p) => [p.id, p]));

export function findProcedure(id: string): ProcedureDefinition | undefined {
  return proceduresById.get(id);
}

/** The procedure of a stored case: always in the catalogue, so a missing one is the platform's fault (500). */
export function procedureOfCase(stored: {
  readonly code: string;
  readonly procedureId: string;
}): ProcedureDefinition {
  const procedure = proceduresById.get(stored.procedureId);
  if (!procedure) throw new Error(`case ${stored.code} names unknown procedure ${stored.procedureId}`);
  return procedure;
}

// ---------------------------------------------------------------------------------------------------------
// Search

const searchText = new Map(
  procedures.map((p) => [p.id, foldVietnamese(`${p.name.vi} ${p.name.en} ${p.nationalCode ?? ''}`)]),
);

/**
 * Procedures whose Vietnamese or English name (or national code) holds every word of `q`, regardless of
 * diacritics and case: "ho kinh doanh" and "HỘ KINH DOANH" both find "Đăng ký thành lập hộ kinh doanh". Names
 * holding the words as one phrase come first; otherwise the catalogue's order. No query: every procedure.
 */
export function searchProcedures(q?: string): ProcedureDefinition[] {
  const query = foldVietnamese(q ?? '');
  if (query === '') return [...procedures];
  const words = query.split(' ');
  const matches = procedures.filter((p) => words.every((w) => searchText.get(p.id)!.includes(w)));
  const phrase = (p: ProcedureDefinition) => (searchText.get(p.id)!.includes(query) ? 0 : 1);
  return matches.sort((a, b) => phrase(a) - phrase(b));
}

// ---------------------------------------------------------------------------------------------------------
// Public views (CONTRACT.md, "Catalogue")

export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** Decree 42/2022/NĐ-CP's names for the two levels of online service. */
export const SERVICE_LEVEL_NAMES: Readonly<Record<3 | 4, LocalizedText>> = {
  3: { vi: 'Dịch vụ công trực tuyến một phần', en: 'Partial online public service' },
  4: { vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Full online public service' },
};

export function procedureSummary(p: ProcedureDefinition): ProcedureSummary {
  return {
    id: p.id,
    ...(p.nationalCode ? { nationalCode: p.nationalCode } : {}),
    name: p.name,
    agency: { id: p.agency.id, code: p.agency.code, name: p.agency.name },
    level: p.level,
    fee: p.fee && { amount: p.fee.amount, currency: p.fee.currency },
    processingDays: p.processingDays,
  };
}

function publicDocument(d: DocumentRequirement): ProcedureDetail['documents'][number] {
  const { type, name, required, accept, maxBytes, maxFiles, copies } = d;
  return {
    type,
    name,
    required,
    accept: [...accept],
    maxBytes,
    maxFiles,
    ...(copies ? { copies: { ...copies } } : {}),
  };
}

export function procedureDetail(p: ProcedureDefinition): ProcedureDetail {
  return {
    ...procedureSummary(p),
    steps: [...p.steps],
    legalBasis: [...p.legalBasis],
    timeLimitBasis: p.timeLimitBasis,
    resultDelivery: { methods: [...p.resultDelivery.methods], result: p.resultDelivery.result },
    form: formJsonSchema(p),
    documents: p.documents.map(publicDocument),
    serviceLevelName: SERVICE_LEVEL_NAMES[p.level],
    applicants: p.applicants,
    where: { ...p.where, address: p.agency.address },
    ...(p.sampleValues ? { sampleValues: p.sampleValues } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Form schema and validation

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const jsonSchemas = new Map<string, JsonSchema>();

/**
 * The JSON Schema 2020-12 of a procedure's `data`, as the web form and `GET /api/procedures/{id}` need it:
 * the input side of the zod form (what the applicant types, before normalisation), with every property's
 * Vietnamese `title`/`description` from `.meta()` and the procedure's examples. Built once per procedure,
 * on first use, and frozen since every caller shares it.
 */
export function formJsonSchema(p: ProcedureDefinition): JsonSchema {
  let schema = jsonSchemas.get(p.id);
  if (!schema) {
    const generated = z.toJSONSchema(p.form, { target: 'draft-2020-12', io: 'input' });
    schema = deepFreeze({ ...generated, title: p.name.vi, examples: structuredClone([...p.examples]) });
    jsonSchemas.set(p.id, schema);
  }
  return schema;
}

export type ApplicationDataResult = { ok: true; data: unknown } | { ok: false; errors: FieldProblem[] };

/**
 * Checks an application's `data` against the procedure's form. On success `data` is the normalised output
 * (NFC names, `0xxxxxxxxx` phones); on failure every invalid field is listed at once, with paths from the
 * request body (`data.child.fullName`) and messages in the caller's language.
 */
export function validateApplicationData(
  p: ProcedureDefinition,
  data: unknown,
  lang: Language,
): ApplicationDataResult {
  const result = p.form.safeParse(data, { error: issueErrorMap });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: toFieldProblems(result.error.issues, lang, 'data') };
}

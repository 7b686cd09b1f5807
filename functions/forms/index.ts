// The one-stop forms by the names the contract's routes use (`GET /api/cases/{code}/forms/{form}`).
import { renderApology } from './apology';
import { renderControlSlip } from './control-slip';
import { renderReceipt } from './receipt';
import { renderRefusal } from './refusal';
import { renderSupplementRequest } from './supplement-request';

export { type FormKind, LEGAL_BASIS, SAMPLE_MARK, TEMPLATES, timelinessOf } from './common';
export { REGISTER_CSV_HEADER, renderRegister, renderRegisterCsv } from './register';
export type * from './types';
export { renderApology, renderControlSlip, renderReceipt, renderRefusal, renderSupplementRequest };

/** The case forms of `GET /api/cases/{code}/forms/{form}`, by their contract name. */
export const CASE_FORMS = {
  receipt: renderReceipt,
  'supplement-request': renderSupplementRequest,
  refusal: renderRefusal,
  apology: renderApology,
  'control-slip': renderControlSlip,
} as const;

export type CaseFormName = keyof typeof CASE_FORMS;

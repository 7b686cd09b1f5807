// What the My applications pages carry for their script: the catalogue's facts a case's page shows, and texts.
import type { DocumentRule } from '../lib/api-types';
import type { FormTexts } from '../lib/schema-form-texts';
import type { CASE_FORMS, MyTexts } from './texts';

export interface ProcedureFacts {
  readonly name: string;
  readonly agency: string;
  readonly processingDays: number;
  /** The provision that sets the time limit. */
  readonly timeLimitBasis: string;
  readonly documents: readonly DocumentRule[];
}

export interface MyPageData {
  readonly procedures: Readonly<Record<string, ProcedureFacts>>;
  readonly texts: MyTexts;
  /** Names of the one-stop forms an owner may download. */
  readonly forms: (typeof CASE_FORMS)['vi'];
  readonly formTexts: FormTexts;
}

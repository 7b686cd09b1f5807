// What the apply page carries for its script (in `#apply[data-procedure]`): the procedure, its form and documents,
// in the page's language.

import type { DocumentRule } from '../lib/api-types';
import type { FieldSchema } from '../lib/schema-form';

export interface ApplyPageData {
  readonly id: string;
  readonly name: string;
  readonly agency: string;
  readonly level: 3 | 4;
  /** The fee in đồng; 0 when free. */
  readonly fee: number;
  readonly processingDays: number;
  /** The procedure's JSON Schema, labels in the page's language. */
  readonly form: FieldSchema;
  readonly documents: readonly DocumentRule[];
}

// Helpers shared by the procedure files: typed definition with a form built on first use, and file limits.
import type * as z from 'zod';
import type { DocumentRequirement, ProcedureDefinition } from '../types';

/** A procedure as its file writes it: the form as a function that builds it. */
export type ProcedureSpec<Form extends z.ZodType> = Omit<ProcedureDefinition<Form>, 'form'> & {
  readonly form: () => Form;
};

/**
 * Checks a definition against its own form (examples are inputs of that form, `applicantName` gets its
 * output) and then widens it, so that the catalogue can hold procedures with different forms in one list.
 * The form is built the first time something reads `form`: building every form of the catalogue costs
 * milliseconds at a cold start that most functions (and most requests) never need.
 */
export function defineProcedure<Form extends z.ZodType>(spec: ProcedureSpec<Form>): ProcedureDefinition {
  const { form: build, ...definition } = spec;
  let form: Form | undefined;
  return Object.freeze({
    ...definition,
    get form() {
      form ??= build();
      return form;
    },
  }) as unknown as ProcedureDefinition;
}

/** What phones and scanners produce: the platform checks the real type by magic bytes. */
export const SCANS = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'] as const;
/** Drawings and other documents that must stay legible at scale: PDF only. */
export const PDF_ONLY = ['application/pdf'] as const;

export const MB = 1024 * 1024;

/** A document with the usual limits: scans or photos, 10 MB per file, up to 5 files (pages). */
export function scannedDocument(
  spec: Pick<DocumentRequirement, 'type' | 'name' | 'required'> & Partial<DocumentRequirement>,
): DocumentRequirement {
  return { accept: SCANS, maxBytes: 10 * MB, maxFiles: 5, ...spec };
}

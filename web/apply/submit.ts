// Submitting the application (POST /api/applications): one Idempotency-Key per attempt at this very body, kept
// across retries and reloads, so a dropped network never makes two cases and never loses one; every problem the
// API lists goes back to its field, or to its document.
import type { ErrorItem } from '../components/error-summary/error-summary';
import { ApiError, apiFetch } from '../lib/api';
import type { DocumentRule, SubmitResponse } from '../lib/api-types';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../lib/idempotency';
import type { Answers } from '../lib/schema-form';
import { LATER_TEXTS } from './later-texts';
import { stepHref } from './step-href';

export interface SubmitCommand {
  readonly lang: 'vi' | 'en';
  /** Names the attempt: its key is kept under it until the submission succeeds. */
  readonly scope: string;
  readonly body: {
    readonly procedureId: string;
    readonly data: Answers;
    readonly documents: readonly { readonly documentType: string; readonly uploadId: string }[];
  };
  readonly rules: readonly DocumentRule[];
  /** The step of the documents, for links to a document's control. */
  readonly documentsStep: string;
  /** A field's link and label, for a problem the API reports on `data.…`. */
  readonly hrefOf: (path: string) => string | undefined;
  readonly labelOf: (path: string) => string;
  /** The summary's heading for a form's problems, and the words for a failure of the service (the page's own). */
  readonly problemTitle: string;
  readonly serverError: string;
}

export type SubmitOutcome =
  | { readonly ok: true; readonly answer: SubmitResponse }
  /** `fieldErrors`: the API's messages by field path (without `data.`), to show beside the fields. */
  | {
      readonly ok: false;
      readonly title: string;
      readonly items: ErrorItem[];
      readonly fieldErrors: Map<string, string>;
      /** No answer came: the submission may have been stored. */
      readonly unanswered: boolean;
    };

export async function submitApplication(command: SubmitCommand): Promise<SubmitOutcome> {
  const text = LATER_TEXTS[command.lang];
  const { body } = command;
  const key = idempotencyKeyFor(command.scope, body);
  const fieldErrors = new Map<string, string>();
  const failed = (title: string, items: ErrorItem[] = [], unanswered = false) => ({
    ok: false as const,
    title,
    items,
    fieldErrors,
    unanswered,
  });
  try {
    const answer = await apiFetch<SubmitResponse>('/applications', {
      method: 'POST',
      body,
      idempotencyKey: key,
      retries: 3,
    });
    forgetIdempotencyKey(command.scope);
    return { ok: true, answer };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.isNetworkError || error.status >= 502) return failed(text.offline, [], true);
    if (error.status === 409) return failed(text.inProgress);
    if (error.status !== 400 || error.fieldErrors.length === 0) {
      return failed(error.status >= 500 || !error.problem ? command.serverError : error.problem.title);
    }
    const items: ErrorItem[] = error.fieldErrors.map((problem) => {
      if (problem.path.startsWith('data')) {
        const path = problem.path.replace(/^data\.?/, '');
        fieldErrors.set(path, problem.message);
        const href = command.hrefOf(path);
        return { text: `${command.labelOf(path)}: ${problem.message}`, ...(href ? { href } : {}) };
      }
      const index = /^documents\[(\d+)\]/.exec(problem.path)?.[1];
      const named = index !== undefined ? body.documents[Number(index)] : undefined;
      const rule = command.rules.find((d) => d.type === named?.documentType);
      return {
        text: rule ? `${rule.name}: ${problem.message}` : problem.message,
        href: stepHref(command.documentsStep, rule ? `doc-${rule.type}` : undefined),
      };
    });
    return failed(command.problemTitle, items);
  }
}

export { forgetIdempotencyKey };

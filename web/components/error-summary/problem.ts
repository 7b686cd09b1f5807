// An API error as an error summary: a network failure, a 5xx, or the problem details' title and every field.
import { ApiError } from '../../lib/api';
import { COMMON, type Lang } from '../../lib/i18n';
import { errorSummary } from './error-summary';

export interface ProblemSummaryOptions {
  /** The link of the field a problem's `path` names (`data.child.fullName`), when the page shows it. */
  readonly fieldHref?: (path: string) => string | undefined;
  /** A page's own wording for a status, e.g. 404 on the tracking page. */
  readonly titles?: Readonly<Partial<Record<number, string>>>;
}

export function problemSummary(error: unknown, lang: Lang, options: ProblemSummaryOptions = {}) {
  const text = COMMON[lang];
  if (!(error instanceof ApiError)) return errorSummary({ title: text.serverError });
  const own = options.titles?.[error.status];
  if (own) return errorSummary({ title: own });
  if (error.isNetworkError) return errorSummary({ title: text.offline });
  if (error.status >= 500 || !error.problem) return errorSummary({ title: text.serverError });
  const items = error.fieldErrors.map((e) => {
    const href = options.fieldHref?.(e.path);
    return href ? { text: e.message, href } : { text: e.path ? `${e.path}: ${e.message}` : e.message };
  });
  return errorSummary({
    title: items.length > 0 ? text.problemTitle : error.problem.title,
    ...(error.problem.detail ? { description: error.problem.detail } : {}),
    items,
  });
}

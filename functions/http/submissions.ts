// Handlers of submissions: submit an application, answer a supplement request (both check and claim uploads).
import { submitApplication as submit } from '../cases/submit';
import { answerSupplement as answer } from '../cases/supplement';
import { caseView } from '../cases/views';
import { created, ok, route } from '../commons/http';
import { submissionRoutes as routes } from '../routes/applications';

export const submitApplication = route(routes.submitApplication, async (req) => {
  const { response, replayed } = await submit({
    principal: req.principal,
    idempotencyKey: req.headers['Idempotency-Key'],
    request: req.body,
    lang: req.lang,
  });
  return created(response, {
    location: `/api/applications/${encodeURIComponent(response.code)}`,
    ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
  });
});

export const answerSupplement = route(routes.answerSupplement, async (req) => {
  const { record, events, parts } = await answer(req.principal, req.params.code, req.body, req.lang);
  return ok(caseView(record, events, parts));
});

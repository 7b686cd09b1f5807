// Handlers of applicants' routes: submit, list, read, answer a supplement request, withdraw.
import { listOwnCases } from '../cases/queries';
import { submitApplication as submit } from '../cases/submit';
import {
  answerSupplement as answer,
  loadVisibleCase,
  withdrawApplication as withdraw,
} from '../cases/transitions';
import { caseView } from '../cases/views';
import { created, ok, route } from '../commons/http';
import { applicationRoutes as routes } from '../routes/applications';

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

export const listApplications = route(routes.listApplications, async (req) =>
  ok(await listOwnCases(req.principal, req.query.limit, req.query.cursor)),
);

export const getApplication = route(routes.getApplication, async (req) => {
  const { record, events } = await loadVisibleCase(req.principal, req.params.code);
  return ok(caseView(record, events));
});

export const answerSupplement = route(routes.answerSupplement, async (req) => {
  const { record, events } = await answer(req.principal, req.params.code, req.body, req.lang);
  return ok(caseView(record, events));
});

export const withdrawApplication = route(routes.withdrawApplication, async (req) => {
  const { record, events } = await withdraw(req.principal, req.params.code, req.body.reason);
  return ok(caseView(record, events));
});

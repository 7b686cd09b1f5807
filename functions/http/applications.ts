// Handlers of applicants' own cases: list, read, withdraw (no document storage involved).
import { listOwnCases, loadVisibleCase } from '../cases/queries';
import { caseView } from '../cases/views';
import { withdrawApplication as withdraw } from '../cases/withdrawal';
import { ok, route } from '../commons/http';
import { applicationRoutes as routes } from '../routes/applications';

export const listApplications = route(routes.listApplications, async (req) =>
  ok(
    await listOwnCases(req.principal, req.query.limit, req.query.cursor, {
      status: req.query.status,
      updatedSince: req.query.updatedSince,
    }),
  ),
);

export const getApplication = route(routes.getApplication, async (req) => {
  const { record, events, parts } = await loadVisibleCase(req.principal, req.params.code);
  return ok(caseView(record, events, parts));
});

export const withdrawApplication = route(routes.withdrawApplication, async (req) => {
  const { record, events, parts } = await withdraw(req.principal, req.params.code, req.body.reason);
  return ok(caseView(record, events, parts));
});

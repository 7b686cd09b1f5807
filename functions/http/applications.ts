// Handlers of applicants' own cases: list, read, withdraw (no document storage involved).
import { viewsOfCase } from '../cases/case-reads';
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
  // The owner sees when an agency opened their file (console: the audit trail's reads).
  return ok({ ...caseView(record, events, parts), views: await viewsOfCase(record.code) });
});

export const withdrawApplication = route(routes.withdrawApplication, async (req) => {
  const { record, events, parts } = await withdraw(req.principal, req.params.code, req.body.reason);
  return ok(caseView(record, events, parts));
});

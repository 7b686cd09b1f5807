// Handlers of officials' routes: their agency's queue, a case with its documents, and actions on it.
import { officialCaseView } from '../cases/official-view';
import { listQueue as queue } from '../cases/queries';
import { actOnCase as act, loadVisibleCase } from '../cases/transitions';
import { ok, route } from '../commons/http';
import { officialRoutes as routes } from '../routes/officials';

export const listQueue = route(routes.listQueue, async (req) => ok(await queue(req.principal, req.query)));

export const getCase = route(routes.getCase, async (req) => {
  const { record, events } = await loadVisibleCase(req.principal, req.params.code);
  return ok(await officialCaseView(record, events));
});

export const actOnCase = route(routes.actOnCase, async (req) => {
  const { record, events } = await act(req.principal, req.params.code, req.body);
  return ok(await officialCaseView(record, events));
});

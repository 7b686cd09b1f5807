// Handlers of officials' routes on one case: the case with its documents, and actions on it.
import { officialCaseView } from '../cases/official-view';
import { loadVisibleCase } from '../cases/queries';
import { actOnCase as act } from '../cases/transitions';
import { ok, route } from '../commons/http';
import { officialRoutes as routes } from '../routes/officials';

export const getCase = route(routes.getCase, async (req) => {
  const { record, events, parts } = await loadVisibleCase(req.principal, req.params.code);
  return ok(await officialCaseView(record, events, parts));
});

export const actOnCase = route(routes.actOnCase, async (req) => {
  const { record, events, parts } = await act(req.principal, req.params.code, req.body);
  return ok(await officialCaseView(record, events, parts));
});

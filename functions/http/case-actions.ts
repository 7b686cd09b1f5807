// Handler of officials' actions on a case (receive, request a supplement, decide, issue the result, assign, extend).
import { officialCaseView } from '../cases/official-view';
import { actOnCase as act } from '../cases/transitions';
import { ok, route } from '../commons/http';
import { caseActionRoutes as routes } from '../routes/officials';

export const actOnCase = route(routes.actOnCase, async (req) => {
  const { record, events, parts } = await act(req.principal, req.params.code, req.body, req.now);
  return ok(await officialCaseView(record, events, parts, req.now));
});

// Routes of officials: their agency's queue, a case with its documents, and actions on it.
import { caseActionRequest, queueQuery } from '../../schemas/api';
import { officialCaseView } from '../cases/official-view';
import { listQueue as queue } from '../cases/queries';
import { actOnCase as act, loadVisibleCase } from '../cases/transitions';
import { route } from '../commons/http';

const OFFICIALS = ['official', 'admin'] as const;

export const listQueue = route({ roles: OFFICIALS, query: queueQuery }, async (req) => ({
  status: 200,
  body: await queue(req.principal!, req.query),
}));

export const getCase = route({ roles: OFFICIALS }, async (req) => {
  const { record, events } = await loadVisibleCase(req.principal!, req.params.code ?? '');
  return { status: 200, body: await officialCaseView(record, events) };
});

export const actOnCase = route({ roles: OFFICIALS, body: caseActionRequest }, async (req) => {
  const { record, events } = await act(req.principal!, req.params.code ?? '', req.body);
  return { status: 200, body: await officialCaseView(record, events) };
});

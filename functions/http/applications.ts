// Routes of applicants: submit, list, read, answer a supplement request, withdraw.
import { applicationRequest, listQuery, supplementAnswer, withdrawRequest } from '../../schemas/api';
import { listOwnCases } from '../cases/queries';
import { isValidIdempotencyKey, submitApplication as submit } from '../cases/submit';
import {
  answerSupplement as answer,
  loadVisibleCase,
  withdrawApplication as withdraw,
} from '../cases/transitions';
import { caseView } from '../cases/views';
import { route } from '../commons/http';
import { BadHeaderError } from '../domain/errors';

const APPLICANTS = ['citizen', 'business'] as const;

export const submitApplication = route({ roles: APPLICANTS, body: applicationRequest }, async (req) => {
  const key = req.header('idempotency-key');
  if (!isValidIdempotencyKey(key)) throw new BadHeaderError('Idempotency-Key');
  const { response, replayed } = await submit({
    principal: req.principal!,
    idempotencyKey: key,
    request: req.body,
    lang: req.lang,
  });
  return {
    status: 201,
    body: response,
    headers: {
      location: `/api/applications/${encodeURIComponent(response.code)}`,
      ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
    },
  };
});

export const listApplications = route({ roles: APPLICANTS, query: listQuery }, async (req) => ({
  status: 200,
  body: await listOwnCases(req.principal!, req.query.limit, req.query.cursor),
}));

export const getApplication = route({ roles: APPLICANTS }, async (req) => {
  const { record, events } = await loadVisibleCase(req.principal!, req.params.code ?? '');
  return { status: 200, body: caseView(record, events) };
});

export const answerSupplement = route({ roles: APPLICANTS, body: supplementAnswer }, async (req) => {
  const { record, events } = await answer(req.principal!, req.params.code ?? '', req.body, req.lang);
  return { status: 200, body: caseView(record, events) };
});

export const withdrawApplication = route({ roles: APPLICANTS, body: withdrawRequest }, async (req) => {
  const { record, events } = await withdraw(req.principal!, req.params.code ?? '', req.body.reason);
  return { status: 200, body: caseView(record, events) };
});

// Handlers of officials' reads: a case with its documents and audit trail, a document, the agency's access log.
import { agencyAuditPage, auditPage, recordRead } from '../cases/audit';
import { officialCaseView, openDocument } from '../cases/official-view';
import { loadVisibleCase } from '../cases/queries';
import { agencyOfCaller } from '../cases/queue';
import { agencyOfficials, rememberCaller } from '../cases/staff';
import { ok, route } from '../commons/http';
import { officialRoutes as routes } from '../routes/officials';

export const listOfficials = route(routes.listOfficials, async (req) => {
  // Whoever asks for their colleagues is one: listed from now on, so that they can be assigned cases.
  await rememberCaller(req.principal, req.now);
  return ok(await agencyOfficials(req.principal, req.query.agencyId));
});

export const getCase = route(routes.getCase, async (req) => {
  const { record, events, parts } = await loadVisibleCase(req.principal, req.params.code);
  const links = record.documents.length;
  // Recorded before the answer: the answer is the read.
  await recordRead(
    req.principal,
    record.code,
    'view',
    req.now,
    links > 0 ? `links to ${links} documents` : undefined,
  );
  return ok(await officialCaseView(record, events, parts, req.now));
});

export const getCaseAudit = route(routes.getCaseAudit, async (req) => {
  const { record } = await loadVisibleCase(req.principal, req.params.code);
  return ok(await auditPage(record.code, req.query.limit, req.query.cursor));
});

export const getAgencyAudit = route(routes.getAgencyAudit, async (req) =>
  ok(
    await agencyAuditPage(
      agencyOfCaller(req.principal, req.query.agencyId),
      req.query.limit,
      req.query.cursor,
    ),
  ),
);

export const getCaseDocument = route(routes.getCaseDocument, async (req) =>
  ok(await openDocument(req.principal, req.params.code, req.params.index, req.now)),
);

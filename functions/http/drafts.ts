// Handlers of an applicant's drafts (in the submissions' function): list, read, save, delete (the table only).
import { noContent, ok, route } from '../commons/http';
import { discardDraft, listOwnDrafts, readDraft, saveDraft as save } from '../drafts/drafts';
import { draftRoutes as routes } from '../routes/drafts';

export const listDrafts = route(routes.listDrafts, async (req) => ok(await listOwnDrafts(req.principal)));

export const getDraft = route(routes.getDraft, async (req) =>
  ok(await readDraft(req.principal, req.params.procedureId)),
);

export const saveDraft = route(routes.saveDraft, async (req) =>
  ok(await save(req.principal, req.params.procedureId, req.body)),
);

export const deleteDraft = route(routes.deleteDraft, async (req) => {
  await discardDraft(req.principal, req.params.procedureId);
  return noContent();
});

// What the wizard needs after its first page is drawn: the server's side of the draft, the uploads, "check your
// answers", the submission, the confirmation and the payment button. Loaded on its own, just after the first page is
// drawn (the device keeps every change meanwhile), so that the first load is small.

export { checkAnswersView, confirmationAction, confirmationView } from './check';
export { createDocuments } from './documents';
export { createDraftSync, deleteServerDraft, serverDraft } from './draft-sync';
export { forgetIdempotencyKey, submitApplication } from './submit';

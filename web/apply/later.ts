// What the wizard needs only from its documents step on: the uploads, "check your answers", the submission, the
// confirmation and the payment button. Loaded on its own when the phone is idle (or when a later step needs it), so
// that the first load is small and the first page never waits for it.

export { checkAnswersView, confirmationAction, confirmationView } from './check';
export { createDocuments } from './documents';
export { forgetIdempotencyKey, submitApplication } from './submit';

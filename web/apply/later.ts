// What the wizard needs only from its documents step on: the uploads, "check your answers", the confirmation and
// the payment button. Loaded on its own (and fetched ahead once the first step is ready), so the first load is small.

export { checkAnswersView, confirmationAction, confirmationView } from './check';
export { createDocuments } from './documents';
export { forgetIdempotencyKey, submitApplication } from './submit';

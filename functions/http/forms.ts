// Handlers of the one-stop forms as PDFs: a case's forms (officials, owner) and the register (Mẫu 06).
import { caseFormFile, registerFile } from '../cases/forms';
import { fileAnswer } from '../commons/file-answer';
import { route } from '../commons/http';
import { formRoutes as routes } from '../routes/forms';

export const getCaseForm = route(routes.getCaseForm, async (req) =>
  fileAnswer(await caseFormFile(req.principal, req.params.code, req.params.form, 'official', req.now)),
);

export const getApplicationForm = route(routes.getApplicationForm, async (req) =>
  fileAnswer(await caseFormFile(req.principal, req.params.code, req.params.form, 'applicant', req.now)),
);

export const getRegister = route(routes.getRegister, async (req) =>
  fileAnswer(await registerFile(req.principal, req.query, req.now)),
);

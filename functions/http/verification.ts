// Handlers of the verification function: a PDF checked as it is, and signed results by short-lived link.
import { ok, redirect, route } from '../commons/http';
import { resultDownloadLocation } from '../results/download';
import { checkPdf } from '../results/pdf-check';
import { verificationRoutes as routes } from '../routes/verification';

export const verifyPdf = route(routes.verifyPdf, async (req) =>
  ok(await checkPdf(new Uint8Array(req.rawBody), req.lang, req.sourceIp)),
);

export const downloadResult = route(routes.downloadResult, async (req) =>
  redirect(await resultDownloadLocation(req.params.code, req.query.expires, req.query.sig)),
);

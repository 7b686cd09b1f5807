// Handlers of uploads: a presigned POST for one document, and the upload's status for its uploader.
import { created, ok, route } from '../commons/http';
import { createUpload as create, uploadStatus } from '../documents/uploads';
import { uploadRoutes as routes } from '../routes/uploads';

export const createUpload = route(routes.createUpload, async (req) =>
  created(await create(req.principal, req.body)),
);

export const getUploadStatus = route(routes.getUploadStatus, async (req) =>
  ok(await uploadStatus(req.principal, req.params.uploadId, req.lang)),
);

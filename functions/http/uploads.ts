// Handler of the route that hands out a presigned POST for one document.
import { created, route } from '../commons/http';
import { createUpload as create } from '../documents/uploads';
import { uploadRoutes as routes } from '../routes/uploads';

export const createUpload = route(routes.createUpload, async (req) =>
  created(await create(req.principal, req.body)),
);

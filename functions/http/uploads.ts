// Route that hands out a presigned POST for one document.
import { uploadRequest } from '../../schemas/api';
import { route } from '../commons/http';
import { createUpload as create } from '../documents/uploads';

export const createUpload = route(
  { roles: ['citizen', 'business', 'official', 'admin'], body: uploadRequest },
  async (req) => ({
    status: 201,
    body: await create(req.principal!, req.body),
  }),
);

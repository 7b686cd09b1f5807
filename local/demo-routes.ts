// The local runtime's sign-in routes, standing in for Cognito: GET /api/local/users, POST /api/local/token.
import { HttpProblem, ok, route } from '../functions/commons/http';
import { demoSignInRoutes as routes } from '../functions/routes/local';
import { DEMO_USERS, findDemoUser } from './demo-accounts';
import { issueToken } from './tokens';

/** GET /api/local/users: the demo accounts, to pick one to sign in as. */
export const listDemoUsers = route(routes.listDemoUsers, async () =>
  ok({
    items: DEMO_USERS.map(({ username, role, name, agencyId }) => ({ username, role, name, agencyId })),
  }),
);

/** POST /api/local/token `{ username }`: signs in as a demo account, as Cognito would. */
export const issueDemoToken = route(routes.issueDemoToken, async (req) => {
  const found = findDemoUser(req.body.username);
  if (!found) {
    const username = req.body.username;
    throw new HttpProblem(
      404,
      'not-found',
      { vi: 'Không tìm thấy', en: 'Not found' },
      {
        vi: `Không có tài khoản thử nghiệm "${username}"; xem GET /api/local/users`,
        en: `There is no demo account "${username}"; see GET /api/local/users`,
      },
    );
  }
  const { accessToken, expiresIn } = await issueToken(found);
  return ok({ accessToken, tokenType: 'Bearer', expiresIn });
});

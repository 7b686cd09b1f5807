// Stands in for @aws-sdk/credential-provider-node in Lambda bundles (see BUNDLING in cdk/bundling.ts).
// Lambda always hands a function its role's credentials in environment variables, the first source of the
// SDK's default chain; the rest of that chain (SSO, ini files, process, web identity, IMDS and the STS/SSO
// clients they need) is never reached there, yet weighs about 100 KB of every bundle.
import { fromEnv } from '@aws-sdk/credential-provider-env';

export const defaultProvider: typeof fromEnv = (init) => fromEnv(init);

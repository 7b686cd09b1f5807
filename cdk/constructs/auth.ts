// Who the callers are: the Cognito user pool, its groups and web client, and optional VNeID federation.
import { Duration, RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  OAuthScope,
  ProviderAttribute,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolIdentityProviderOidc,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { CLAIMS, CUSTOM_ATTRIBUTES } from '../../functions/commons/claims';
import { LANGS } from '../../web/lib/i18n';
import { localize, PATHS } from '../../web/lib/urls';
import type { OidcFederation } from '../config';
import { acknowledge } from '../nag';
import { ROLE_GROUPS } from '../triggers/token-claims';
import { MotcuaFunction } from './function';

export interface AuthProps {
  /** The web's origin, e.g. `https://dichvucong.example.gov.vn`: where the hosted sign-in returns. */
  readonly webOrigin: string;
  /** Prefix of the hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`). */
  readonly domainPrefix: string;
  /** Retain the pool when the stack is deleted and turn deletion protection on. */
  readonly retainData: boolean;
  /** `plus` adds threat protection (compromised credentials, risky sign-ins). @default 'plus' */
  readonly featurePlan?: 'plus' | 'essentials';
  /** VNeID, federated through OpenID Connect. @default none */
  readonly vneid?: OidcFederation;
  /** Days to keep the trigger's logs. @default 14 */
  readonly logRetentionDays?: number;
}

export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly tokenClaims: MotcuaFunction;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const plus = (props.featurePlan ?? 'plus') === 'plus';

    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      // E-mail sign-in: phone sign-in would need Cognito's own SMS role and sender, for little gain.
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: {
        fullname: { required: false, mutable: true },
        email: { required: false, mutable: true },
        phoneNumber: { required: false, mutable: true },
      },
      // The contract's role claims; only administrators may write them (see the web client below).
      customAttributes: {
        [CUSTOM_ATTRIBUTES.role]: new StringAttribute({ mutable: true, maxLen: 16 }),
        [CUSTOM_ATTRIBUTES.agency]: new StringAttribute({ mutable: true, maxLen: 64 }),
        [CUSTOM_ATTRIBUTES.taxCode]: new StringAttribute({ mutable: true, maxLen: 14 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // Citizens sign in rarely and from shared devices; MFA is offered (authenticator app) rather than imposed.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: plus ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(plus ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      deletionProtection: props.retainData,
      removalPolicy: props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    acknowledge(
      this.userPool,
      'MFA is optional (TOTP) for citizens, who sign in a few times a year, often from shared or borrowed phones; officials are expected to enrol, and Plus threat protection challenges risky sign-ins.',
      'AwsSolutions-COG2',
    );
    if (!plus) {
      acknowledge(
        this.userPool,
        'The province chose the Essentials plan (context cognitoFeaturePlan=essentials) for cost; threat protection is then off.',
        'AwsSolutions-COG8',
      );
    }

    for (const [group, description] of [
      [ROLE_GROUPS.officials, `Officials of an agency (${CLAIMS.agency} names it): work the agency queue`],
      [ROLE_GROUPS.admins, 'Administrators: any agency, user management'],
    ] as const) {
      new CfnUserPoolGroup(this, `${group}Group`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
        description,
      });
    }

    // ID tokens already carry custom attributes, access tokens do not; rather than rely on one token type,
    // a V2 pre-token-generation trigger writes `custom:role` into both, decided from admin-controlled groups
    // (a self-registered or VNeID user has no `custom:role` attribute, and is a citizen).
    this.tokenClaims = new MotcuaFunction(this, 'TokenClaims', {
      entry: new URL('../triggers/token-claims.ts', import.meta.url).pathname,
      description: 'Cognito pre-token-generation: the contract role claims',
      memorySize: 256,
      timeout: Duration.seconds(5),
      logRetentionDays: props.logRetentionDays,
    });
    this.userPool.addTrigger(
      UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      this.tokenClaims.function,
      LambdaVersion.V2_0,
    );

    const providers = [UserPoolClientIdentityProvider.COGNITO];
    const vneid = props.vneid ? this.federate(props.vneid) : undefined;
    if (vneid) providers.push(UserPoolClientIdentityProvider.custom(vneid.providerName));

    const readable = new ClientAttributes()
      .withStandardAttributes({ fullname: true, email: true, emailVerified: true, phoneNumber: true })
      .withCustomAttributes(...Object.values(CUSTOM_ATTRIBUTES));
    const writable = new ClientAttributes().withStandardAttributes({
      fullname: true,
      email: true,
      phoneNumber: true,
    });
    this.webClient = this.userPool.addClient('WebClient', {
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(7),
      readAttributes: readable,
      // Users may edit their name and contacts, never their role, agency or tax code.
      writeAttributes: writable,
      supportedIdentityProviders: providers,
      oAuth: {
        flows: { authorizationCodeGrant: true },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PHONE, OAuthScope.PROFILE],
        // The web's own pages, in each language: the callback exchanges the code (PKCE), sign-out ends on "signed out".
        callbackUrls: LANGS.map((lang) => `${props.webOrigin}${localize(PATHS.signInCallback(), lang)}`),
        logoutUrls: LANGS.map((lang) => `${props.webOrigin}${localize(PATHS.signedOut(), lang)}`),
      },
    });
    if (vneid) this.webClient.node.addDependency(vneid);

    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } });
  }

  /** VNeID (or any OpenID Connect provider) as a federated identity provider of the pool. */
  private federate(oidc: OidcFederation): UserPoolIdentityProviderOidc {
    return new UserPoolIdentityProviderOidc(this, 'VNeID', {
      userPool: this.userPool,
      name: 'VNeID',
      issuerUrl: oidc.issuer,
      clientId: oidc.clientId,
      // A dynamic reference: CloudFormation reads the secret at deploy time; it never appears in the template.
      clientSecret: SecretValue.secretsManager(oidc.clientSecretName).unsafeUnwrap(),
      scopes: [...oidc.scopes],
      attributeMapping: {
        fullname: ProviderAttribute.other('name'),
        email: ProviderAttribute.other('email'),
        phoneNumber: ProviderAttribute.other('phone_number'),
      },
    });
  }
}

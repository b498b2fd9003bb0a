/**
 * AWS: an IAM OIDC identity provider for the issuer, and a role whose trust policy names it with
 * `StringEquals` on `<issuer>:aud` and `<issuer>:sub` (the only conditions a generic provider
 * has). Sources: IAM CreateOpenIDConnectProvider, STS AssumeRoleWithWebIdentity, IAM condition
 * keys for web identity federation, and "Passing session tags using AssumeRoleWithWebIdentity".
 */
import { type FederatedEnvironment, issuerHost, shellQuoted, type TrustConfiguration } from "./types";

export function awsTrust(environment: FederatedEnvironment): TrustConfiguration {
  const host = issuerHost(environment.issuer);
  const provider = { Url: environment.issuer, ClientIDList: [environment.audience] };
  const actions = [
    "sts:AssumeRoleWithWebIdentity",
    ...(environment.awsSessionTags.length > 0 ? ["sts:TagSession"] : []),
  ];
  const trustPolicy = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: `arn:aws:iam::ACCOUNT_ID:oidc-provider/${host}` },
        Action: actions.length === 1 ? actions[0] : actions,
        Condition: { StringEquals: { [`${host}:aud`]: environment.audience, [`${host}:sub`]: environment.subject } },
      },
    ],
  };
  const text = `# 1. The OIDC identity provider (once per AWS account; ACCOUNT_ID below is yours):
aws iam create-open-id-connect-provider --url ${shellQuoted(environment.issuer)} --client-id-list ${shellQuoted(environment.audience)}

# 2. The role's trust policy: this environment's tokens, and nothing else.
${JSON.stringify(trustPolicy, null, 2)}
${
  environment.awsSessionTags.length > 0
    ? `
# Session tags from ${environment.awsSessionTags.join(", ")} (aws:PrincipalTag/<claim> in the role's
# permission policies); sts:TagSession lets the token pass them.
`
    : ""
}
# 3. In the workflow (examples/workflows/aws.yml):
#   aws-actions/configure-aws-credentials with role-to-assume and
#   web-identity-token-file: \${{ steps.<downscope step>.outputs.token-file }}
`;
  return {
    text,
    json: { openid_connect_provider: provider, role_trust_policy: trustPolicy },
    limits: [
      "An OIDC provider holds at most 100 client IDs (audiences), each at most 255 characters.",
      "The issuer is compared character for character: https, no port, no query, no trailing slash.",
      "AWS accepts RS256 and ES256 tokens; it reads at most 100 RSA and 100 EC keys of the JWKS.",
      "Session tags: at most 50; values of letters, digits, spaces and _ . : / = + - @, at most 256 characters (downscope leaves out, and logs, a value outside that).",
      "A generic OIDC provider's role conditions can test only aud and sub: everything else is decided by downscope's rules.",
    ],
  };
}

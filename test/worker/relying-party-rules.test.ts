/**
 * What each relying party publishes that it requires of an external OIDC issuer and its tokens,
 * one row per rule with its source, held against what the service serves and mints (inside
 * workerd): the discovery document, the JWKS, and the token of an RS256 and an ES256 environment.
 */
import { decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { decodePayload } from "../support/jwt";
import {
  exchange,
  githubToken,
  ISSUER,
  newSigningJwk,
  POLICY,
  policyJson,
  serviceEnv,
  signingJwk,
  testApp,
} from "../support/service";

const POLICY_WITH_CLOUDS = `${POLICY}  rsa-cloud:
    kind: oidc
    audience: sts.amazonaws.com
    rules:
      - { repository_id: 123456, ref: refs/heads/main, environment: staging }
  ec-cloud:
    kind: oidc
    audience: https://vault.acme.dev
    algorithm: ES256
    rules:
      - { repository_id: 123456, ref: refs/heads/main, environment: staging }
`;
const env = serviceEnv({
  DOWNSCOPE_POLICY: policyJson(POLICY_WITH_CLOUDS),
  DOWNSCOPE_SIGNING_KEYS: JSON.stringify([signingJwk, await newSigningJwk("RS256", "rsa-1")]),
});

interface Served {
  discovery: Record<string, unknown>;
  jwks: { keys: Record<string, unknown>[] };
  tokens: { header: Record<string, unknown>; claims: Record<string, unknown> }[];
}

async function served(): Promise<Served> {
  const { app } = testApp();
  const json = async (path: string) => (await (await app.request(path, {}, env)).json()) as Record<string, unknown>;
  const tokens = [];
  for (const environment of ["rsa-cloud", "ec-cloud"]) {
    const body = (await (await exchange(app, await githubToken(), { environment }, { env })).json()) as {
      access_token: string;
    };
    tokens.push({ header: decodeProtectedHeader(body.access_token), claims: decodePayload(body.access_token) });
  }
  return {
    discovery: await json("/.well-known/openid-configuration"),
    jwks: (await json("/.well-known/jwks.json")) as Served["jwks"],
    tokens,
  };
}

const every = (served: Served, check: (token: Served["tokens"][number]) => boolean) => served.tokens.every(check);

/** [relying party, rule, source, check]. */
const RULES: [string, string, string, (served: Served) => boolean][] = [
  [
    "AWS STS",
    "tokens signed RS256 or ES256 (no EdDSA)",
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html",
    (s) => every(s, ({ header }) => ["RS256", "ES256"].includes(String(header.alg))),
  ],
  [
    "AWS STS",
    "iat, nbf and exp are integers (NumericDate without fractions)",
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html",
    (s) => every(s, ({ claims }) => ["iat", "nbf", "exp"].every((name) => Number.isInteger(claims[name]))),
  ],
  [
    "AWS IAM",
    "the issuer is https, with no port, query or trailing slash",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html",
    (s) => /^https:\/\/[^:/?#]+(\/[^?#]*[^/])?$/.test(String(s.discovery.issuer)),
  ],
  [
    "AWS IAM",
    "aud is one string of at most 255 characters (a provider's client id)",
    "https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateOpenIDConnectProvider.html",
    (s) => every(s, ({ claims }) => typeof claims.aud === "string" && claims.aud.length <= 255),
  ],
  [
    "AWS IAM",
    "the discovery document has response_types_supported",
    "hashicorp/vault PR 7533 (AWS refused a document without it)",
    (s) => Array.isArray(s.discovery.response_types_supported),
  ],
  [
    "AWS IAM, Microsoft Entra",
    "the JWKS holds at most 100 keys",
    "https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation",
    (s) => s.jwks.keys.length <= 100,
  ],
  [
    "Google Cloud",
    "a kid in every token's header, and RS256 or ES256",
    "https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token",
    (s) => every(s, ({ header }) => typeof header.kid === "string" && ["RS256", "ES256"].includes(String(header.alg))),
  ],
  [
    "Google Cloud",
    "sub (mapped to google.subject) at most 127 bytes",
    "https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools.providers",
    (s) => every(s, ({ claims }) => new TextEncoder().encode(String(claims.sub)).byteLength <= 127),
  ],
  [
    "Google Cloud",
    "exp less than 48 hours after iat",
    "https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token",
    (s) => every(s, ({ claims }) => Number(claims.exp) - Number(claims.iat) < 48 * 3600),
  ],
  [
    "Google Cloud",
    "JWKS members only kty, alg, use, kid, n, e, x, y, crv",
    "https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools.providers",
    (s) =>
      s.jwks.keys.every((key) =>
        Object.keys(key).every((member) => ["kty", "alg", "use", "kid", "n", "e", "x", "y", "crv"].includes(member)),
      ),
  ],
  [
    "Microsoft Entra",
    "an RS256 environment's tokens are RS256 (Entra accepts nothing else)",
    "https://learn.microsoft.com/en-us/entra/workload-id/workload-identity-federation-considerations",
    (s) => s.tokens[0].header.alg === "RS256",
  ],
  [
    "Microsoft Entra, SPIRE's experience",
    'every published key has use: "sig"',
    "concourse/concourse PR 9224; spiffe/spire set_key_use",
    (s) => s.jwks.keys.every((key) => key.use === "sig"),
  ],
  [
    "Vault",
    "exp and nbf present (leeway 150 s each), aud present for bound_audiences",
    "hashicorp/vault-plugin-auth-jwt path_login.go",
    (s) => every(s, ({ claims }) => claims.exp !== undefined && claims.nbf !== undefined && claims.aud !== undefined),
  ],
  [
    "Kubernetes (go-oidc)",
    "the discovery issuer equals the URL it is served from, and jwks_uri is under it",
    "https://kubernetes.io/docs/reference/access-authn-authz/authentication/ ; coreos/go-oidc NewProvider",
    (s) => s.discovery.issuer === ISSUER && String(s.discovery.jwks_uri).startsWith(`${ISSUER}/`),
  ],
  [
    "OpenID Connect Discovery 1.0",
    "issuer, jwks_uri, response_types_supported, subject_types_supported, id_token_signing_alg_values_supported (with RS256)",
    "https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderMetadata",
    (s) =>
      ["issuer", "jwks_uri", "response_types_supported", "subject_types_supported"].every(
        (field) => s.discovery[field] !== undefined,
      ) && (s.discovery.id_token_signing_alg_values_supported as string[]).includes("RS256"),
  ],
  [
    "All five",
    'typ "JWT" and aud a string, never an array',
    "RFC 7519 §5.1; AWS, Entra and Vault compare one audience",
    (s) => every(s, ({ header, claims }) => header.typ === "JWT" && typeof claims.aud === "string"),
  ],
];

describe("what relying parties publish that they require", () => {
  it.each(RULES)("%s: %s (%s)", async (_party, _rule, _source, check) => {
    expect(check(await served())).toBe(true);
  });
});

/**
 * Environments of kind `oidc` (federation), inside workerd with the real Durable Objects: the
 * token's exact header and claims for RS256 and ES256 environments, verified against the served
 * JWKS after discovery; AWS session tags, a value AWS would refuse left out and logged; what the
 * kind refuses (scope, DPoP, narrowing, the access-token verifier); discovery only with an oidc
 * environment; keys and issuer checked at load, failing closed.
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { createDpopProof, generateDpopKey } from "../../protocol/dpop-key";
import { createAccessTokenVerifier } from "../../verify/access-token";
import { ERROR_DESCRIPTIONS } from "../../worker/http/errors";
import {
  errorOf,
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

const FEDERATION = `${POLICY}  aws-production:
    kind: oidc
    audience: sts.amazonaws.com
    aws_session_tags: [repository, environment, ref, job_workflow_ref]
    rules:
      - name: web deploys from main
        repository: acme/web
        repository_id: 123456
        ref: refs/heads/main
        environment: staging
  gcp:
    kind: oidc
    audience: //iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/providers/downscope
    subject: ci:acme-web
    algorithm: ES256
    ttl: 2m
    rules:
      - { repository_id: 123456, ref: refs/heads/main, environment: staging }
`;
const rsaJwk = await newSigningJwk("RS256", "rsa-1");
const env = serviceEnv({
  DOWNSCOPE_POLICY: policyJson(FEDERATION),
  DOWNSCOPE_SIGNING_KEYS: JSON.stringify([signingJwk, rsaJwk]),
});
const JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";

async function discover(app: ReturnType<typeof testApp>["app"], environment = env) {
  const response = await app.request("/.well-known/openid-configuration", {}, environment);
  return { response, document: response.status === 200 ? ((await response.json()) as Record<string, unknown>) : {} };
}

async function verified(app: ReturnType<typeof testApp>["app"], token: string, audience: string) {
  const { document } = await discover(app);
  const jwks = (await (await app.request(new URL(String(document.jwks_uri)).pathname, {}, env)).json()) as {
    keys: never[];
  };
  return jwtVerify(token, createLocalJWKSet({ keys: jwks.keys }), {
    issuer: String(document.issuer),
    audience,
    typ: "JWT",
  });
}

describe("federation: oidc environments", () => {
  it("mints an RS256 token with exactly the claims a relying party reads, and AWS session tags", async () => {
    const { app, audits } = testApp();
    const response = await exchange(app, await githubToken(), { environment: "aws-production" }, { env });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String),
      issued_token_type: JWT_TYPE,
      token_type: "N_A",
      expires_in: 300,
      environment: "aws-production",
    });
    const token = String(body.access_token);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "RS256", kid: "rsa-1", typ: "JWT" });
    const { payload } = await verified(app, token, "sts.amazonaws.com");
    const now = payload.iat as number;
    expect(payload).toEqual({
      iss: ISSUER,
      sub: "environment:aws-production",
      aud: "sts.amazonaws.com",
      iat: now,
      nbf: now,
      exp: now + 300,
      jti: expect.any(String),
      environment: "aws-production",
      repository: "acme/web",
      repository_id: "123456",
      repository_owner_id: "7890",
      ref: "refs/heads/main",
      sha: "4f1a2b3c4d5e6f708192a3b4c5d6e7f809102132",
      job_workflow_ref: "acme/web/.github/workflows/deploy.yml@refs/heads/main",
      run_id: "9876543210",
      run_attempt: "1",
      event_name: "push",
      "https://aws.amazon.com/tags": {
        principal_tags: {
          repository: ["acme/web"],
          environment: ["aws-production"],
          ref: ["refs/heads/main"],
          job_workflow_ref: ["acme/web/.github/workflows/deploy.yml@refs/heads/main"],
        },
        transitive_tag_keys: ["repository", "environment", "ref", "job_workflow_ref"],
      },
    });
    expect(Number.isInteger(payload.exp) && typeof payload.aud === "string").toBe(true);
    expect(audits()).toEqual([
      expect.objectContaining({ grant: "oidc", decision: "allowed", environment: "aws-production", kid: "rsa-1" }),
    ]);
  });

  it("signs an ES256 environment with the ES256 key, its own subject and lifetime, and no tags claim", async () => {
    const { app } = testApp();
    const response = await exchange(app, await githubToken(), { environment: "gcp" }, { env });
    const body = (await response.json()) as { access_token: string; expires_in: number };
    expect(body.expires_in).toBe(120);
    expect(decodeProtectedHeader(body.access_token)).toEqual({ alg: "ES256", kid: "test-key-1", typ: "JWT" });
    const { payload } = await verified(
      app,
      body.access_token,
      "//iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/ci/providers/downscope",
    );
    expect(payload.sub).toBe("ci:acme-web");
    expect(payload).not.toHaveProperty("https://aws.amazon.com/tags");
    expect(payload).not.toHaveProperty("scope");
  });

  it("leaves out, and logs, a session tag whose value AWS would refuse, and never rewrites it", async () => {
    const { app, logs } = testApp();
    const ref = "refs/heads/main";
    const response = await exchange(
      app,
      await githubToken({ job_workflow_ref: "acme/web/.github/workflows/deploy.yml@refs/heads/feat#1~x", ref }),
      { environment: "aws-production" },
      { env },
    );
    const { access_token } = (await response.json()) as { access_token: string };
    const { payload } = await verified(app, access_token, "sts.amazonaws.com");
    expect(payload["https://aws.amazon.com/tags"]).toEqual({
      principal_tags: { repository: ["acme/web"], environment: ["aws-production"], ref: [ref] },
      transitive_tag_keys: ["repository", "environment", "ref"],
    });
    expect(logs).toContainEqual({
      level: "warn",
      event: "aws_session_tag_dropped",
      environment: "aws-production",
      tag: "job_workflow_ref",
      reason: "it holds characters AWS does not allow in a tag",
    });
    expect(JSON.stringify(logs)).not.toContain("feat#1");
  });

  it("refuses what the kind does not offer: scopes, a DPoP proof, narrowing, and downscope/verify", async () => {
    const { app } = testApp();
    const scoped = await exchange(
      app,
      await githubToken(),
      { environment: "aws-production", scope: "deploy:write" },
      { env },
    );
    expect(scoped.status).toBe(400);
    expect(await errorOf(scoped)).toMatchObject({ error: "invalid_scope", refused_scopes: ["deploy:write"] });
    const proof = await createDpopProof(await generateDpopKey(), { method: "POST", url: `${ISSUER}/token` });
    const bound = await exchange(
      app,
      await githubToken(),
      { environment: "aws-production" },
      { env, headers: { dpop: proof } },
    );
    expect(bound.status).toBe(400);
    expect(await errorOf(bound)).toEqual({
      error: "invalid_request",
      error_description: ERROR_DESCRIPTIONS.dpop_not_for_oidc,
    });
    const { access_token: token } = (await (
      await exchange(app, await githubToken(), { environment: "aws-production" }, { env })
    ).json()) as { access_token: string };
    const narrowed = await exchange(
      app,
      token,
      { subject_token_type: "urn:ietf:params:oauth:token-type:access_token" },
      { env },
    );
    expect(await errorOf(narrowed)).toMatchObject({
      error: "invalid_request",
      error_description: ERROR_DESCRIPTIONS.parent_token_invalid,
    });
    const jwks = (await (await app.request("/.well-known/jwks.json", {}, env)).json()) as { keys: never[] };
    const verifier = createAccessTokenVerifier({
      issuer: ISSUER,
      audience: "sts.amazonaws.com",
      keys: createLocalJWKSet(jwks),
    });
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "ERR_TOKEN_TYPE" });
  });

  it("serves discovery only with an oidc environment, with exactly the fields relying parties read", async () => {
    const { app } = testApp();
    const { response, document } = await discover(app);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect(document).toEqual({
      issuer: ISSUER,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
      response_types_supported: ["id_token"],
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["RS256", "ES256"],
      claims_supported: expect.arrayContaining(["iss", "sub", "aud", "exp", "repository", "environment"]),
    });
    const jwks = (await (await app.request("/.well-known/jwks.json", {}, env)).json()) as {
      keys: Record<string, unknown>[];
    };
    for (const key of jwks.keys) {
      expect(key).toMatchObject({ kid: expect.any(String), alg: expect.any(String), use: "sig" });
      expect(key).not.toHaveProperty("d");
    }
    expect(jwks.keys.map((key) => key.alg)).toEqual(["ES256", "RS256"]);
    expect((await discover(app, serviceEnv())).response.status).toBe(404);
  });

  it("fails closed at load when an oidc environment's algorithm has no key, or the issuer is not one clouds accept", async () => {
    const cases: [Partial<ReturnType<typeof serviceEnv>>, string][] = [
      [
        { DOWNSCOPE_SIGNING_KEYS: JSON.stringify([signingJwk]) },
        'environment "aws-production" (kind oidc) signs with RS256, and DOWNSCOPE_SIGNING_KEYS holds no RS256 key: add one (downscope keys generate --alg RS256) and keep the others',
      ],
      [
        { DOWNSCOPE_ISSUER: `${ISSUER}:8443` },
        "DOWNSCOPE_ISSUER must have no port for oidc environments (AWS refuses an issuer with one)",
      ],
      [
        { DOWNSCOPE_ISSUER: `${ISSUER}/` },
        "DOWNSCOPE_ISSUER must not end with / for oidc environments (relying parties compare the issuer exactly)",
      ],
    ];
    for (const [overrides, problem] of cases) {
      const { app, logs } = testApp();
      const broken = { ...env, ...overrides };
      const response = await exchange(app, await githubToken(), { environment: "aws-production" }, { env: broken });
      expect(response.status, problem).toBe(503);
      expect(
        logs.filter((record) => record.event === "config_invalid"),
        problem,
      ).toEqual([{ level: "error", event: "config_invalid", problem }]);
      // Every issuing request fails closed, access tokens included: never a partial configuration.
      expect((await exchange(app, await githubToken(), {}, { env: broken })).status).toBe(503);
    }
    // A loopback http issuer with a port is what local runs use.
    const local = { ...env, DOWNSCOPE_ISSUER: "http://127.0.0.1:8787" };
    expect(
      (
        await exchange(
          testApp().app,
          await githubToken({ aud: "http://127.0.0.1:8787" }),
          { environment: "aws-production" },
          { env: local },
        )
      ).status,
    ).toBe(200);
  });

  it("refuses every validation error of the kind with its reason", async () => {
    const { compilePolicy } = await import("../../policy/policy-text");
    const errorsOf = (environment: string) => {
      const result = compilePolicy(
        `version: 1\nenvironments:\n  cloud:\n    kind: oidc\n${environment}    rules:\n      - { repository_id: 1, ref: refs/heads/main, environment: x }\n`,
      );
      return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
    };
    const audience = "    audience: sts.amazonaws.com\n";
    expect(errorsOf(audience)).toEqual([]);
    expect(errorsOf("")).toEqual([
      expect.stringMatching(/^environments\.cloud\.audience: an oidc environment needs the audience/),
    ]);
    expect(errorsOf(`    audience: ${"a".repeat(256)}\n`)).toEqual([
      "environments.cloud.audience: must be at most 255 characters (AWS's limit for a client id)",
    ]);
    for (const [key, value] of [
      ["scopes", "[deploy]"],
      ["default_scopes", "[deploy]"],
      ["dpop", "required"],
      ["narrowing", "allowed"],
    ]) {
      expect(errorsOf(`${audience}    ${key}: ${value}\n`), key).toEqual([
        expect.stringMatching(new RegExp(`^environments\\.cloud\\.${key}: an oidc environment`)),
      ]);
    }
    const subject = (value: string) => errorsOf(`${audience}    subject: ${JSON.stringify(value)}\n`);
    const tooShortOrLong =
      "environments.cloud.subject: must be 6 to 127 printable ASCII characters without spaces (Google keeps at most 127 bytes of a subject)";
    expect(subject("abc")).toEqual([tooShortOrLong]);
    expect(subject("a".repeat(128))).toEqual([expect.stringMatching(/must be at most 127 characters|6 to 127/)]);
    expect(subject("environment:ünïcode")).toEqual([tooShortOrLong]);
    expect(subject("env with space")).toEqual([tooShortOrLong]);
    expect(subject("environment:*")).toEqual([
      "environments.cloud.subject: must not hold a wildcard: a relying party trusts exactly this subject",
    ]);
    expect(errorsOf(`${audience}    algorithm: EdDSA\n`)).toEqual([
      'environments.cloud.algorithm: must be one of "RS256", "ES256"',
    ]);
    expect(errorsOf(`${audience}    aws_session_tags: [repository, secrets]\n`)[0]).toMatch(
      /^environments\.cloud\.aws_session_tags\[1\]: must be one of repository/,
    );
  });
});

import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { GITHUB_ISSUER } from "../../scripts/fake-github.mjs";
import { ERROR_DESCRIPTIONS } from "../../worker/http/errors";
import { decodePayload } from "../support/jwt";
import {
  errorOf,
  exchange,
  githubToken,
  ID_TOKEN_TYPE,
  ISSUER,
  newSigningJwk,
  POLICY,
  policyJson,
  serviceEnv,
  signingJwk,
  TOKEN_EXCHANGE,
  testApp,
  tokenForm,
} from "../support/service";

type TokenBody = {
  access_token: string;
  issued_token_type: string;
  token_type: string;
  expires_in: number;
  scope: string;
  environment: string;
};

async function served(app: ReturnType<typeof testApp>["app"], env = serviceEnv()) {
  const response = await app.request("/.well-known/jwks.json", {}, env);
  return createLocalJWKSet((await response.json()) as { keys: never[] });
}

async function post(app: ReturnType<typeof testApp>["app"], body: BodyInit, headers: Record<string, string> = {}) {
  return app.request(
    "/token",
    { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body },
    serviceEnv(),
  );
}

describe("POST /token: success", () => {
  it("mints a token for exactly one environment, verifiable with the served JWKS, with every claim checked", async () => {
    const { app, audits } = testApp();
    const subject = await githubToken({ run_id: "555", run_attempt: "2" });
    const response = await exchange(app, subject, { scope: "deploy:write logs:read", expires_in: "120" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as TokenBody;
    expect(body).toEqual({
      access_token: expect.any(String),
      issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
      token_type: "Bearer",
      expires_in: 120,
      scope: "deploy:write logs:read",
      environment: "staging",
    });

    const { payload, protectedHeader } = await jwtVerify(body.access_token, await served(app), {
      issuer: ISSUER,
      audience: "https://deploy.acme.dev/staging",
      typ: "at+jwt",
      algorithms: ["ES256"],
    });
    expect(protectedHeader).toEqual({ alg: "ES256", kid: "test-key-1", typ: "at+jwt" });
    const subjectClaims = decodePayload(subject);
    expect(payload).toEqual({
      iss: ISSUER,
      sub: "repo:acme/web:environment:staging",
      aud: "https://deploy.acme.dev/staging",
      iat: expect.any(Number),
      nbf: expect.any(Number),
      exp: (payload.iat as number) + 120,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      client_id: "acme/web",
      scope: "deploy:write logs:read",
      environment: "staging",
      repository: "acme/web",
      repository_id: "123456",
      repository_owner_id: "7890",
      ref: "refs/heads/main",
      sha: subjectClaims.sha,
      job_workflow_ref: "acme/web/.github/workflows/deploy.yml@refs/heads/main",
      run_id: "555",
      run_attempt: "2",
      event_name: "push",
      act: { iss: GITHUB_ISSUER, sub: "repo:acme/web:environment:staging" },
    });
    expect(payload.nbf).toBe(payload.iat);
    // Nothing else is copied: not the actor, not the workflow display name, not the subject's jti.
    expect(JSON.stringify(payload)).not.toMatch(/octocat|"Deploy"|private/);
    expect(payload.jti).not.toBe(subjectClaims.jti);

    expect(audits()).toEqual([
      {
        level: "info",
        event: "token_exchange",
        decision: "allowed",
        status: 200,
        reason: "granted",
        environment: "staging",
        rule: "web deploys from main",
        repository: "acme/web",
        repository_id: "123456",
        run_id: "555",
        ref: "refs/heads/main",
        subject_jti_sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        jti: payload.jti,
        kid: "test-key-1",
      },
    ]);
  });

  it("never writes a token into the logs", async () => {
    const { app, logs } = testApp();
    const subject = await githubToken();
    const body = (await (await exchange(app, subject)).json()) as TokenBody;
    await exchange(app, await githubToken({ ref: "refs/heads/evil" }));
    const text = JSON.stringify(logs);
    for (const secret of [subject, body.access_token, ...subject.split("."), ...body.access_token.split(".")]) {
      expect(text).not.toContain(secret);
    }
  });

  it("accepts both subject token types, the audience and requested_token_type when they fit", async () => {
    const { app } = testApp();
    const ok = await exchange(app, await githubToken(), {
      subject_token_type: "urn:ietf:params:oauth:token-type:jwt",
      audience: "https://deploy.acme.dev/staging",
      requested_token_type: "urn:ietf:params:oauth:token-type:access_token",
      environment: "STAGING",
      resource: "https://deploy.acme.dev/staging",
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as TokenBody).environment).toBe("staging");
  });

  it("signs with EdDSA and RS256 keys too", async () => {
    for (const alg of ["EdDSA", "RS256"] as const) {
      const { app } = testApp();
      const env = serviceEnv({ DOWNSCOPE_SIGNING_KEYS: JSON.stringify(await newSigningJwk(alg)) });
      const body = (await (await exchange(app, await githubToken(), {}, { env })).json()) as TokenBody;
      const { protectedHeader } = await jwtVerify(body.access_token, await served(app, env), {
        issuer: ISSUER,
        algorithms: [alg],
      });
      // With no kid configured, the kid is the key's RFC 7638 thumbprint.
      expect(protectedHeader.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
  });

  it("rotates keys: the first signs, all are published, old tokens still verify", async () => {
    const { app } = testApp();
    const before = (await (await exchange(app, await githubToken())).json()) as TokenBody;
    const next = await newSigningJwk("ES256", "test-key-2");
    const rotated = serviceEnv({ DOWNSCOPE_SIGNING_KEYS: JSON.stringify([next, signingJwk]) });
    const after = (await (await exchange(app, await githubToken(), {}, { env: rotated })).json()) as TokenBody;
    expect(decodeProtectedHeader(after.access_token).kid).toBe("test-key-2");
    const jwks = await served(app, rotated);
    for (const token of [before.access_token, after.access_token]) {
      await expect(jwtVerify(token, jwks, { issuer: ISSUER })).resolves.toBeDefined();
    }
  });
});

describe("POST /token: every error docs/protocol.md lists", () => {
  const cases: [string, () => Promise<Response>, number, string, keyof typeof ERROR_DESCRIPTIONS][] = [
    [
      "missing grant_type",
      async () => exchange(testApp().app, await githubToken(), { grant_type: undefined }),
      400,
      "invalid_request",
      "missing_parameter",
    ],
    ["missing subject_token", async () => exchange(testApp().app, "", {}), 400, "invalid_request", "missing_parameter"],
    [
      "missing subject_token_type",
      async () => exchange(testApp().app, await githubToken(), { subject_token_type: undefined }),
      400,
      "invalid_request",
      "missing_parameter",
    ],
    [
      "repeated parameter",
      async () =>
        post(
          testApp().app,
          `${tokenForm({ grant_type: TOKEN_EXCHANGE, subject_token: await githubToken(), subject_token_type: ID_TOKEN_TYPE })}&scope=a&scope=b`,
        ),
      400,
      "invalid_request",
      "repeated_parameter",
    ],
    [
      "repeated grant_type",
      async () =>
        post(
          testApp().app,
          `grant_type=x&${tokenForm({ grant_type: TOKEN_EXCHANGE, subject_token: await githubToken(), subject_token_type: ID_TOKEN_TYPE })}`,
        ),
      400,
      "invalid_request",
      "repeated_parameter",
    ],
    [
      "wrong content type",
      async () =>
        post(testApp().app, JSON.stringify({ grant_type: TOKEN_EXCHANGE }), { "content-type": "application/json" }),
      400,
      "invalid_request",
      "wrong_content_type",
    ],
    [
      "no content type",
      async () => testApp().app.request("/token", { method: "POST", body: "a=b" }, serviceEnv()),
      400,
      "invalid_request",
      "wrong_content_type",
    ],
    [
      "invalid UTF-8 body",
      async () => post(testApp().app, new Uint8Array([0x61, 0x3d, 0xff, 0xfe])),
      400,
      "invalid_request",
      "malformed_body",
    ],
    [
      "invalid UTF-8 body with its Content-Length (read in one piece)",
      async () => post(testApp().app, new Uint8Array([0x61, 0x3d, 0xff, 0xfe]), { "content-length": "4" }),
      400,
      "invalid_request",
      "malformed_body",
    ],
    [
      "a body that declares fewer bytes than it has (fewer characters than the limit, more bytes)",
      async () => post(testApp().app, `a=${"é".repeat(40 * 1024)}`, { "content-length": "100" }),
      413,
      "invalid_request",
      "body_too_large",
    ],
    [
      "unsupported subject_token_type",
      async () =>
        exchange(testApp().app, await githubToken(), { subject_token_type: "urn:ietf:params:oauth:token-type:saml2" }),
      400,
      "invalid_request",
      "unsupported_subject_token_type",
    ],
    [
      "requested_token_type not access_token",
      async () =>
        exchange(testApp().app, await githubToken(), {
          requested_token_type: "urn:ietf:params:oauth:token-type:refresh_token",
        }),
      400,
      "invalid_request",
      "unsupported_requested_token_type",
    ],
    [
      "actor_token",
      async () => exchange(testApp().app, await githubToken(), { actor_token: "x", actor_token_type: ID_TOKEN_TYPE }),
      400,
      "invalid_request",
      "actor_token_not_supported",
    ],
    [
      "malformed scope",
      async () => exchange(testApp().app, await githubToken(), { scope: "deploy:write  logs:read" }),
      400,
      "invalid_request",
      "malformed_scope",
    ],
    [
      "scope with a quote",
      async () => exchange(testApp().app, await githubToken(), { scope: 'deploy"' }),
      400,
      "invalid_request",
      "malformed_scope",
    ],
    [
      "malformed expires_in",
      async () => exchange(testApp().app, await githubToken(), { expires_in: "10m" }),
      400,
      "invalid_request",
      "malformed_expires_in",
    ],
    [
      "negative expires_in",
      async () => exchange(testApp().app, await githubToken(), { expires_in: "-5" }),
      400,
      "invalid_request",
      "malformed_expires_in",
    ],
    [
      "zero expires_in",
      async () => exchange(testApp().app, await githubToken(), { expires_in: "0" }),
      400,
      "invalid_request",
      "malformed_expires_in",
    ],
    [
      "malformed environment",
      async () => exchange(testApp().app, await githubToken(), { environment: "../admin" }),
      400,
      "invalid_request",
      "malformed_environment",
    ],
    [
      "malformed audience",
      async () => exchange(testApp().app, await githubToken(), { audience: "a b" }),
      400,
      "invalid_request",
      "malformed_audience",
    ],
    [
      "subject token refused (bad signature)",
      async () => exchange(testApp().app, `${(await githubToken()).slice(0, -4)}AAAA`),
      400,
      "invalid_request",
      "subject_token_bad_signature",
    ],
    [
      "other grant type",
      async () => exchange(testApp().app, await githubToken(), { grant_type: "client_credentials" }),
      400,
      "unsupported_grant_type",
      "unsupported_grant_type",
    ],
    [
      "unknown environment",
      async () => exchange(testApp().app, await githubToken(), { environment: "qa" }),
      400,
      "invalid_target",
      "unknown_environment",
    ],
    [
      "audience not the environment's",
      async () => exchange(testApp().app, await githubToken(), { audience: "https://evil.example" }),
      400,
      "invalid_target",
      "audience_mismatch",
    ],
    [
      "no target at all",
      async () => exchange(testApp().app, await githubToken({ environment: undefined })),
      400,
      "invalid_target",
      "no_target",
    ],
    [
      "no rule allows the identity",
      async () => exchange(testApp().app, await githubToken({ ref: "refs/heads/dev" })),
      400,
      "invalid_target",
      "no_rule_matched",
    ],
    [
      "scope beyond the rule",
      async () => exchange(testApp().app, await githubToken(), { scope: "admin" }),
      400,
      "invalid_scope",
      "scope_not_allowed_by_rule",
    ],
    [
      "scope beyond the environment",
      async () => exchange(testApp().app, await githubToken(), { scope: "root" }),
      400,
      "invalid_scope",
      "scope_not_in_environment",
    ],
    [
      "DPoP required but no proof",
      async () =>
        exchange(
          testApp().app,
          await githubToken(),
          {},
          {
            env: serviceEnv({
              DOWNSCOPE_POLICY: policyJson(POLICY.replace("    ttl: 10m\n", "    ttl: 10m\n    dpop: required\n")),
            }),
          },
        ),
      400,
      "invalid_dpop_proof",
      "dpop_required",
    ],
    [
      "a malformed DPoP proof",
      async () => exchange(testApp().app, await githubToken(), {}, { headers: { dpop: "x.y.z" } }),
      400,
      "invalid_dpop_proof",
      "dpop_malformed",
    ],
    [
      "Content-Length over 64 KiB, refused before reading",
      async () => post(testApp().app, "a=1", { "content-length": String(64 * 1024 + 1) }),
      413,
      "invalid_request",
      "body_too_large",
    ],
    [
      "a streamed body over 64 KiB with no Content-Length",
      async () =>
        post(
          testApp().app,
          new ReadableStream({
            start(controller) {
              for (let i = 0; i < 5; i++)
                controller.enqueue(new TextEncoder().encode(`a${i}=${"x".repeat(16 * 1024)}&`));
              controller.close();
            },
          }),
        ),
      413,
      "invalid_request",
      "body_too_large",
    ],
    [
      "a Content-Length that is not a number: the body is counted as it streams",
      async () => post(testApp().app, `a=${"x".repeat(70 * 1024)}`, { "content-length": "1e3" }),
      413,
      "invalid_request",
      "body_too_large",
    ],
    [
      "body over 64 KiB, whatever Content-Length says",
      async () => post(testApp().app, `a=${"x".repeat(70 * 1024)}`, { "content-length": "10" }),
      413,
      "invalid_request",
      "body_too_large",
    ],
    [
      "subject token over 8 KiB",
      async () => exchange(testApp().app, "x".repeat(8 * 1024 + 1)),
      413,
      "invalid_request",
      "subject_token_too_large",
    ],
    [
      "DPoP proof over 4 KiB",
      async () => exchange(testApp().app, await githubToken(), {}, { headers: { dpop: "x".repeat(4097) } }),
      413,
      "invalid_request",
      "dpop_proof_too_large",
    ],
    [
      "misconfigured service",
      async () =>
        exchange(testApp().app, await githubToken(), {}, { env: serviceEnv({ DOWNSCOPE_POLICY: '{"version": 2}' }) }),
      503,
      "temporarily_unavailable",
      "misconfigured",
    ],
    [
      "issuer keys unreachable",
      async () => exchange(testApp({ fetch: async () => new Response("", { status: 500 }) }).app, await githubToken()),
      503,
      "temporarily_unavailable",
      "issuer_unavailable",
    ],
  ];

  it.each(cases)("%s", async (_name, send, status, error, reason) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await errorOf(response);
    expect(body.error).toBe(error);
    expect(body.error_description).toBe(ERROR_DESCRIPTIONS[reason]);
  });

  it("streams a chunked body and stops at the limit", async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent++;
        controller.enqueue(new TextEncoder().encode("a".repeat(8 * 1024)));
        if (sent > 100) controller.close();
      },
    });
    const response = await post(testApp().app, body);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(20);
  });

  it("names refused scopes in their own field, never in the description", async () => {
    const body = await errorOf(await exchange(testApp().app, await githubToken(), { scope: "deploy:write admin" }));
    expect(body).toEqual({
      error: "invalid_scope",
      error_description: ERROR_DESCRIPTIONS.scope_not_allowed_by_rule,
      refused_scopes: ["admin"],
    });
  });

  it("explains a policy denial for the caller's own rules only", async () => {
    const body = await errorOf(
      await exchange(testApp().app, await githubToken({ ref: "refs/heads/dev", runner_environment: "self-hosted" })),
    );
    expect(body).toEqual({
      error: "invalid_target",
      error_description: ERROR_DESCRIPTIONS.no_rule_matched,
      denial: {
        environment: "staging",
        issuer: "https://token.actions.githubusercontent.com",
        repository: "acme/web",
        repository_id: "123456",
        covered: true,
        rules: [
          {
            rule: "web deploys from main",
            failed: [
              { condition: "ref", expected: ["refs/heads/main", "refs/heads/release/*"], actual: "refs/heads/dev" },
              { condition: "runner", expected: ["github-hosted"], actual: "self-hosted" },
            ],
          },
        ],
      },
    });
    const stranger = await errorOf(
      await exchange(
        testApp().app,
        await githubToken({ repository: "globex/web", repository_id: "31337", repository_owner_id: "1" }),
      ),
    );
    expect(stranger.denial).toEqual({
      environment: "staging",
      issuer: "https://token.actions.githubusercontent.com",
      repository: "globex/web",
      repository_id: "31337",
      covered: false,
      rules: [],
    });
    expect(JSON.stringify(stranger)).not.toMatch(/globex api|refs\/heads\/main|acme/);
  });

  it("never echoes request values into the description", async () => {
    const marker = "ECHO<script>";
    for (const params of [{ environment: marker }, { scope: marker }, { audience: marker }, { grant_type: marker }]) {
      const body = await errorOf(await exchange(testApp().app, await githubToken(), params));
      expect(body.error_description).not.toContain("ECHO");
      // Only a refused scope comes back, as data in its own field (docs/protocol.md: "naming what was refused").
      const { error: _e, error_description: _d, refused_scopes, ...rest } = body;
      expect(rest).toEqual({});
      if (refused_scopes) expect(refused_scopes).toEqual([marker]);
    }
  });

  it("writes one audit line per decision, denials included", async () => {
    const { app, audits } = testApp();
    await exchange(app, await githubToken({ ref: "refs/heads/dev" }));
    await exchange(app, "garbage");
    await exchange(app, await githubToken(), { grant_type: "password" });
    expect(audits()).toEqual([
      expect.objectContaining({
        decision: "denied",
        status: 400,
        reason: "no_rule_matched",
        environment: "staging",
        repository: "acme/web",
        ref: "refs/heads/dev",
      }),
      expect.objectContaining({ decision: "denied", status: 400, reason: "subject_token_malformed" }),
      expect.objectContaining({ decision: "denied", status: 400, reason: "unsupported_grant_type" }),
    ]);
  });
});

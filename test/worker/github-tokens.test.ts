/**
 * Environments of kind `github`, inside workerd with the real Durable Objects, against a fake of
 * GitHub's REST API that behaves as GitHub documents (scripts/fake-github-app-api.mjs): the exact
 * requests (app JWT, headers, body), the response, every refusal decided before GitHub, every
 * GitHub failure mapped to a fixed sentence and an operator log line, an over-grant revoked, the
 * caches, the key handling (PKCS#1 as GitHub hands it out), and no token in any log.
 */
import { env as bindings } from "cloudflare:test";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { fakeGithubAppApi } from "../../scripts/fake-github-app-api.mjs";
import { wrapPkcs1 } from "../../worker/github/private-key";
import { ERROR_DESCRIPTIONS, type ErrorReason } from "../../worker/http/errors";
import { errorOf, exchange, githubToken, POLICY, policyJson, serviceEnv, testApp } from "../support/service";

const keys = bindings as unknown as {
  TEST_GITHUB_APP_PKCS1: string;
  TEST_GITHUB_APP_PKCS8: string;
  TEST_GITHUB_APP_PUBLIC_JWK: string;
};
const API = "https://api.github.com";
const CLIENT_ID = "Iv23liAbCdEfGh";
const GITHUB_POLICY = `${POLICY.replace("version: 1\n", `version: 1\ngithub_apps:\n  deploy-bot:\n    client_id: ${CLIENT_ID}\n`)}  web-contents:
    kind: github
    app: deploy-bot
    owner: acme
    repositories: [web, docs]
    permissions: { contents: write, pull_requests: read }
    rules:
      - { name: web on main, repository_id: 123456, ref: refs/heads/main, environment: staging }
`;
const env = serviceEnv({
  DOWNSCOPE_POLICY: policyJson(GITHUB_POLICY),
  DOWNSCOPE_GITHUB_APP_KEYS: JSON.stringify({ "deploy-bot": keys.TEST_GITHUB_APP_PKCS1 }),
});

function setup(options: { installations?: Parameters<typeof fakeGithubAppApi>[0]["installations"] } = {}) {
  const github = fakeGithubAppApi({
    app: { issuer: CLIENT_ID, publicJwk: JSON.parse(keys.TEST_GITHUB_APP_PUBLIC_JWK) },
    installations: options.installations ?? {
      acme: {
        id: 42,
        type: "Organization",
        repositories: ["web", "docs", "infra"],
        permissions: { contents: "write", pull_requests: "write", issues: "write" },
      },
    },
  });
  // GitHub's API is faked in-process; the subject token's JWKS still comes from the test's network.
  const fetcher: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    return request.url.startsWith(API) ? github.handle(request) : fetch(request);
  };
  return { github, ...testApp({ fetch: fetcher }) };
}

type Granted = Record<string, unknown> & { access_token: string };
const ask = (
  app: ReturnType<typeof setup>["app"],
  params: Record<string, string | undefined> = {},
  environment = env,
) =>
  githubToken().then((token) => exchange(app, token, { environment: "web-contents", ...params }, { env: environment }));

async function refused(response: Response, status: number, error: string, reason: ErrorReason) {
  expect(response.status, reason).toBe(status);
  expect(await errorOf(response), reason).toMatchObject({ error, error_description: ERROR_DESCRIPTIONS[reason] });
}

describe("github environments", () => {
  it("mints an installation token for exactly the repositories and permissions, with GitHub's headers", async () => {
    const { app, github, logs, audits } = setup();
    const response = await ask(app);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Granted;
    expect(body).toEqual({
      access_token: expect.stringMatching(/^ghs_/),
      issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
      token_type: "Bearer",
      expires_in: expect.any(Number),
      scope: "contents:write pull_requests:read",
      environment: "web-contents",
      repositories: ["web", "docs"],
      github_api_url: API,
    });
    expect(body.expires_in).toBeGreaterThan(3590);
    expect(github.state.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /orgs/acme/installation",
      "POST /app/installations/42/access_tokens",
    ]);
    const post = github.state.requests[1];
    expect(post.body).toEqual({
      repositories: ["web", "docs"],
      permissions: { contents: "write", pull_requests: "read" },
    });
    expect(post.headers).toMatchObject({
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      "user-agent": "downscope",
      "content-type": "application/json",
    });
    // The token is never logged: only its SHA-256, the installation and what was granted.
    expect(JSON.stringify(logs)).not.toContain(body.access_token);
    const digest = [
      ...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body.access_token))),
    ]
      .map((byte) => byte.toString(16).padStart(2, "0"))
      .join("");
    expect(audits()).toEqual([
      expect.objectContaining({
        grant: "github",
        decision: "allowed",
        token_sha256: digest,
        installation_id: 42,
        github_permissions: "contents:write pull_requests:read",
        github_repositories: ["web", "docs"],
      }),
    ]);
  });

  it("signs the app JWT as GitHub requires, reuses it and the installation, and mints a fresh token each time", async () => {
    const { app, github } = setup();
    const first = (await (await ask(app)).json()) as Granted;
    const second = (await (await ask(app)).json()) as Granted;
    expect(second.access_token).not.toBe(first.access_token);
    expect(github.state.requests.map((request) => request.path)).toEqual([
      "/orgs/acme/installation",
      "/app/installations/42/access_tokens",
      "/app/installations/42/access_tokens",
    ]);
    // The JWT the fake accepted, read back from a request the client made.
    const jwts = new Set<string>();
    const recording = fakeGithubAppApi({
      app: { issuer: CLIENT_ID, publicJwk: JSON.parse(keys.TEST_GITHUB_APP_PUBLIC_JWK) },
      installations: {
        acme: {
          id: 42,
          type: "Organization",
          repositories: ["web", "docs"],
          permissions: { contents: "write", pull_requests: "read" },
        },
      },
    });
    const { app: recorded } = testApp({
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (!request.url.startsWith(API)) return fetch(request);
        jwts.add(request.headers.get("authorization") ?? "");
        return recording.handle(request);
      },
    });
    expect((await ask(recorded)).status).toBe(200);
    const [jwt] = [...jwts].map((header) => header.replace(/^Bearer /, ""));
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "RS256", typ: "JWT" });
    const claims = decodeJwt(jwt);
    const now = Math.floor(Date.now() / 1000);
    expect(claims.iss).toBe(CLIENT_ID);
    expect(now - (claims.iat as number)).toBeGreaterThanOrEqual(59);
    expect((claims.exp as number) - now).toBeLessThanOrEqual(540);
  });

  it("narrows to what the request asks, and refuses more before calling GitHub", async () => {
    const { app, github } = setup();
    const narrow = await ask(app, { scope: "contents:read", resource: "https://github.com/acme/docs" });
    expect(((await narrow.json()) as Granted).scope).toBe("contents:read");
    expect(github.state.requests.at(-1)?.body).toEqual({ repositories: ["docs"], permissions: { contents: "read" } });
    const before = github.state.requests.length;
    await refused(await ask(app, { scope: "contents:admin" }), 400, "invalid_scope", "scope_not_in_environment");
    await refused(await ask(app, { scope: "issues:write" }), 400, "invalid_scope", "scope_not_in_environment");
    await refused(
      await ask(app, { resource: "https://github.com/acme/infra" }),
      400,
      "invalid_target",
      "repository_not_in_environment",
    );
    await refused(
      await ask(app, { resource: "https://github.com/globex/web" }),
      400,
      "invalid_target",
      "repository_not_in_environment",
    );
    await refused(await ask(app, { audience: "https://api.github.com" }), 400, "invalid_target", "audience_mismatch");
    const denied = await exchange(
      app,
      await githubToken({ ref: "refs/heads/dev" }),
      { environment: "web-contents" },
      { env },
    );
    await refused(denied, 400, "invalid_target", "no_rule_matched");
    expect(github.state.requests.length).toBe(before);
  });

  it("maps each of GitHub's refusals to a fixed sentence and a log line that says what to fix", async () => {
    // Not installed: an installation for another account only.
    {
      const { app, logs } = setup({
        installations: {
          globex: { id: 7, type: "Organization", repositories: ["web"], permissions: { contents: "write" } },
        },
      });
      await refused(await ask(app), 400, "invalid_target", "github_app_not_installed");
      expect(logs).toContainEqual(
        expect.objectContaining({ event: "github_error", app: "deploy-bot", owner: "acme", status: 404 }),
      );
      expect(JSON.stringify(logs)).toMatch(/the app is not installed on acme/);
    }
    // A user account is found on /users/ after /orgs/ says 404.
    {
      const { app, github } = setup({
        installations: {
          acme: {
            id: 9,
            type: "User",
            repositories: ["web", "docs"],
            permissions: { contents: "write", pull_requests: "read" },
          },
        },
      });
      expect((await ask(app)).status).toBe(200);
      expect(github.state.requests.slice(0, 2).map((request) => request.path)).toEqual([
        "/orgs/acme/installation",
        "/users/acme/installation",
      ]);
    }
    // Repository not in the installation, permission not granted: GitHub's 422s.
    for (const [installation, reason, logged] of [
      [
        { repositories: ["web"], permissions: { contents: "write", pull_requests: "read" } },
        "github_repository_unavailable",
        /a repository is missing or not selected/,
      ],
      [
        { repositories: ["web", "docs"], permissions: { contents: "read", pull_requests: "read" } },
        "github_permission_not_granted",
        /a permission is not granted/,
      ],
    ] as const) {
      const { app, github, logs } = setup({
        installations: { acme: { id: 42, type: "Organization", ...installation } },
      });
      await refused(await ask(app), 400, "invalid_target", reason);
      expect(JSON.stringify(logs)).toMatch(logged);
      // The installation is looked up again after a 422.
      await ask(app);
      expect(github.state.requests.filter((request) => request.path === "/orgs/acme/installation")).toHaveLength(2);
    }
  });

  it("answers 503 with Retry-After when GitHub is down, rate limited, redirects, or refuses the app's JWT", async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    const faults: [
      string,
      { status: number; headers?: Record<string, string>; body?: unknown },
      ErrorReason,
      string,
    ][] = [
      ["5xx", { status: 502, body: { message: "Server Error" } }, "github_unavailable", "5"],
      [
        "primary rate limit",
        {
          status: 403,
          headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) },
          body: { message: "API rate limit exceeded" },
        },
        "github_rate_limited",
        "120",
      ],
      [
        "secondary rate limit",
        {
          status: 429,
          headers: { "retry-after": "30" },
          body: { message: "You have exceeded a secondary rate limit" },
        },
        "github_rate_limited",
        "30",
      ],
      ["redirect", { status: 301, headers: { location: "https://elsewhere.example/" } }, "github_unavailable", "5"],
      [
        "JWT refused",
        { status: 401, body: { message: "'Expiration time' claim ('exp') is too far in the future" } },
        "github_app_refused",
        "5",
      ],
    ];
    for (const [what, fault, reason, retryAfter] of faults) {
      const { app, github, logs } = setup();
      github.state.faults.push(fault);
      const response = await ask(app);
      await refused(response, 503, "temporarily_unavailable", reason);
      const seconds = Number(response.headers.get("retry-after"));
      expect(Math.abs(seconds - Number(retryAfter)), what).toBeLessThanOrEqual(1);
      expect(
        logs.some((record) => record.event === "github_error"),
        what,
      ).toBe(true);
    }
    // GitHub unreachable.
    const { app, logs } = testApp({
      fetch: (input, init) =>
        new Request(input, init).url.startsWith(API) ? Promise.reject(new TypeError("network")) : fetch(input, init),
    });
    await refused(await ask(app), 503, "temporarily_unavailable", "github_unavailable");
    expect(JSON.stringify(logs)).toContain("GitHub could not be reached (check api_url https://api.github.com)");
  });

  it("revokes a token that grants more than was asked, and issues nothing", async () => {
    for (const overgrant of [{ permissions: { administration: "write" } }, { repositories: ["infra"] }]) {
      const { app, github, logs } = setup();
      github.state.overgrant = overgrant;
      await refused(await ask(app), 503, "temporarily_unavailable", "github_overgranted");
      const [token] = [...github.state.tokens.values()];
      expect(token.revoked).toBe(true);
      expect(github.state.requests.at(-1)).toMatchObject({ method: "DELETE", path: "/installation/token" });
      expect(JSON.stringify(logs)).toContain("GitHub granted more than was asked");
    }
  });

  it("spends the job's token once, and refuses a DPoP proof", async () => {
    const { app } = setup();
    const token = await githubToken();
    expect((await exchange(app, token, { environment: "web-contents" }, { env })).status).toBe(200);
    await refused(
      await exchange(app, token, { environment: "web-contents" }, { env }),
      400,
      "invalid_request",
      "subject_token_replayed",
    );
    const proof = "eyJ0eXAiOiJkcG9wK2p3dCJ9.e30.c2ln";
    await refused(
      await exchange(app, await githubToken(), { environment: "web-contents" }, { env, headers: { dpop: proof } }),
      400,
      "invalid_request",
      "dpop_not_for_github",
    );
  });

  it("takes the key as GitHub hands it out (PKCS#1), or PKCS#8; fails only that app's environments closed without one", async () => {
    const der = (pem: string) =>
      Uint8Array.from(atob(pem.replace(/-----[A-Z ]+-----/g, "").replace(/\s+/g, "")), (ch) => ch.charCodeAt(0));
    expect([...wrapPkcs1(der(keys.TEST_GITHUB_APP_PKCS1))]).toEqual([...der(keys.TEST_GITHUB_APP_PKCS8)]);
    const pkcs8 = { ...env, DOWNSCOPE_GITHUB_APP_KEYS: JSON.stringify({ "deploy-bot": keys.TEST_GITHUB_APP_PKCS8 }) };
    expect((await ask(setup().app, {}, pkcs8)).status).toBe(200);
    for (const [value, problem] of [
      [undefined, "DOWNSCOPE_GITHUB_APP_KEYS is not set: its environments (web-contents) refuse to issue (503)"],
      [
        "{}",
        'DOWNSCOPE_GITHUB_APP_KEYS has no key for app "deploy-bot": its environments (web-contents) refuse to issue (503)',
      ],
      [
        JSON.stringify({
          "deploy-bot": "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----",
        }),
        "openssl pkcs8 -topk8 -nocrypt",
      ],
    ] as const) {
      const { app, logs } = setup();
      const broken = { ...env, DOWNSCOPE_GITHUB_APP_KEYS: value };
      await refused(await ask(app, {}, broken), 503, "temporarily_unavailable", "misconfigured");
      const lines = logs.filter((record) => record.event === "config_invalid");
      expect(lines).toHaveLength(1);
      expect(String(lines[0].problem)).toContain(problem);
      // Access tokens still work: one app's key fails its own environments only.
      expect((await exchange(app, await githubToken(), {}, { env: broken })).status).toBe(200);
    }
  });
});

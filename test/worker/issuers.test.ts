/**
 * Issuers are separate namespaces (docs/policy.md): a rule matches only tokens of its own issuer(s),
 * GitHub.com's can be switched off, rate limits are per issuer, and explanations name it. Plus
 * the lower findings of the same review that live in the service: DOWNSCOPE_DEV on a public
 * issuer, non-integer token times.
 */
import { CompactSign, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { describe, expect, it } from "vitest";
import { compilePolicyValue } from "../../policy/compile";
import { compilePolicy } from "../../policy/policy-text";
import { GITHUB_COM_ISSUER } from "../../protocol/names";
import { githubClaims, signGithubToken } from "../../scripts/fake-github.mjs";
import { ConfigLoader } from "../../worker/config";
import { countingFetch } from "../support/jwt";
import {
  errorOf,
  exchange,
  githubKey,
  githubToken,
  ISSUER,
  policyJson,
  serviceEnv,
  testApp,
  testBindings,
} from "../support/service";

const GHES = "https://ghes.internal.example/_services/token";
const ghes = await generateKeyPair("RS256", { extractable: true });
const ghesPublic = { ...(await exportJWK(ghes.publicKey)), kid: "ghes-1" };
const ghesPrivate = { ...(await exportJWK(ghes.privateKey)), kid: "ghes-1" } as JWK & { kid: string };
const ghesToken = (claims: Record<string, unknown> = {}) =>
  signGithubToken(ghesPrivate, githubClaims({ aud: ISSUER, iss: GHES, ...claims }));

/** acme/web (123456) deploys from GitHub.com; GHES's corp/app, and another GHES rule for id 123456. */
const policy = (extra = "") => `
version: 1
issuers:
  - issuer: ${GHES}
    jwks: ${JSON.stringify({ keys: [ghesPublic] })}
${extra}
environments:
  staging:
    scopes: [deploy:write]
    rules:
      - name: web on github.com
        issuer: ${GITHUB_COM_ISSUER}
        repository: acme/web
        repository_id: 123456
        ref: refs/heads/main
        environment: staging
  internal:
    issuer: ${GHES}
    scopes: [deploy:write]
    rules:
      - name: corp app on GHES
        repository: corp/app
        repository_id: 555
        ref: refs/heads/main
        environment: internal
`;

const envFor = (text: string, overrides = {}) => serviceEnv({ DOWNSCOPE_POLICY: policyJson(text), ...overrides });

describe("issuers as namespaces", () => {
  it("does not let a GHES token for a repository whose ids equal a github.com one use its rule", async () => {
    const { app } = testApp();
    const env = envFor(policy());
    const lookalike = await ghesToken({
      repository: "someone/scratch",
      repository_id: "123456",
      environment: "staging",
    });
    const response = await exchange(app, lookalike, { environment: "staging" }, { env });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({
      error: "invalid_target",
      denial: { environment: "staging", issuer: GHES, repository_id: "123456", covered: false, rules: [] },
    });
    // The same ids from GitHub.com do get the rule.
    expect((await exchange(app, await githubToken(), { environment: "staging" }, { env })).status).toBe(200);
  });

  it("does not let a github.com namesake of a GHES organisation use the GHES rule", async () => {
    const { app } = testApp();
    const env = envFor(policy());
    const namesake = await githubToken({ repository: "corp/app", repository_id: "555", environment: "internal" });
    const response = await exchange(app, namesake, { environment: "internal" }, { env });
    expect(await errorOf(response)).toMatchObject({ error: "invalid_target", denial: { covered: false } });
    const real = await ghesToken({ repository: "corp/app", repository_id: "555", environment: "internal" });
    expect((await exchange(app, real, { environment: "internal" }, { env })).status).toBe(200);
  });

  it("lets a rule's issuer override its environment's, one or a list", () => {
    const text = policy().replace(
      "      - name: corp app on GHES\n",
      `      - name: both\n        issuer: [${GHES}, ${GITHUB_COM_ISSUER}]\n        repository_id: 9\n        ref: refs/heads/main\n        environment: internal\n      - name: corp app on GHES\n`,
    );
    const compiled = compilePolicy(text);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    const internal = compiled.policy.environments.get("internal");
    expect(internal?.rule(0).issuers).toEqual([GHES, GITHUB_COM_ISSUER]);
    expect(internal?.rule(1).issuers).toEqual([GHES]);
    expect(compiled.policy.environments.get("staging")?.rule(0).issuers).toEqual([GITHUB_COM_ISSUER]);
  });

  it("with github_com: false, refuses GitHub.com's tokens before fetching anything", async () => {
    const fetcher = countingFetch();
    const { app } = testApp({ fetch: fetcher.fetch });
    const ghesOnly = policy("github_com: false").replace(
      `      - name: web on github.com\n        issuer: ${GITHUB_COM_ISSUER}\n`,
      `      - name: web on github.com\n        issuer: ${GHES}\n`,
    );
    const env = envFor(ghesOnly);
    const response = await exchange(app, await githubToken(), {}, { env });
    expect(await errorOf(response)).toMatchObject({
      error: "invalid_request",
      error_description: "The subject token's issuer is not trusted.",
    });
    expect(fetcher.calls).toEqual([]);
  });

  it.each([
    [
      "an issuer nobody trusts",
      policy().replace(`issuer: ${GHES}\n    scopes`, "issuer: https://other.example\n    scopes"),
      "environments.internal.issuer",
      '"https://other.example" is not a trusted issuer',
    ],
    [
      "GitHub.com's after github_com: false",
      policy("github_com: false"),
      "environments.staging.rules[0].issuer",
      "GitHub.com's issuer is not trusted (github_com: false)",
    ],
    [
      "a rule relying on GitHub.com's after github_com: false",
      policy("github_com: false").replace(`        issuer: ${GITHUB_COM_ISSUER}\n`, ""),
      "environments.staging.rules[0]",
      "relies on GitHub.com's",
    ],
    [
      "nothing trusted at all",
      "version: 1\ngithub_com: false\nenvironments:\n  a:\n    scopes: [x]\n    rules: [{repository_id: 1, issuer: https://x.example}]\n",
      "github_com",
      "no token could ever be accepted",
    ],
    ["a github_com that is not a boolean", policy("github_com: 'no'"), "github_com", "must be true or false"],
    [
      "an issuer that is not a URL",
      policy().replace(`issuer: ${GHES}\n    scopes`, "issuer: ghes\n    scopes"),
      "environments.internal.issuer",
      "must be an https URL",
    ],
  ])("refuses %s, naming the key", (_name, text, path, message) => {
    const result = compilePolicy(text);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toContainEqual(
        expect.objectContaining({ path, message: expect.stringContaining(message) }),
      );
  });

  it("warns, when several issuers are trusted, about rules relying on the default", () => {
    const relying = policy().replace(`        issuer: ${GITHUB_COM_ISSUER}\n`, "");
    const result = compilePolicy(relying);
    if (!result.ok) throw new Error("invalid");
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        path: "environments.staging.rules[0]",
        message: expect.stringContaining("relies on the default issuer"),
      }),
    );
    const explicit = compilePolicy(policy());
    expect(explicit.ok && explicit.warnings.some((w) => w.message.includes("default issuer"))).toBe(false);
  });

  it("while the issuer is down: known keys verify (bounded), an unknown kid is 503 with Retry-After, not invalid", async () => {
    let down = false;
    const { fetch: fetcher, calls } = countingFetch((input, init) =>
      down ? Promise.reject(new TypeError("issuer unreachable")) : fetch(input, init),
    );
    let clock = Date.now();
    const { app } = testApp({ fetch: fetcher, now: () => clock });
    const env = serviceEnv({ DOWNSCOPE_ISSUER_KEYS_MAX_STALE: "2h" });
    expect((await exchange(app, await githubToken(), {}, { env })).status).toBe(200);
    down = true;
    clock += 90 * 60_000; // the cached keys are due for a refresh, which fails
    const now = Math.floor(clock / 1000);
    expect((await exchange(app, await githubToken({}, {}, now), {}, { env })).status).toBe(200);
    const unknown = await exchange(app, await githubToken({}, { kid: "rotated-in" }, now), {}, { env });
    expect(unknown.status).toBe(503);
    expect(unknown.headers.get("retry-after")).toBe("30");
    expect(await errorOf(unknown)).toMatchObject({ error: "temporarily_unavailable" });
    clock += 60 * 60_000; // past the 2 h bound since the last successful fetch
    const late = Math.floor(clock / 1000);
    expect((await exchange(app, await githubToken({}, {}, late), {}, { env })).status).toBe(503);
    expect(calls.length).toBeGreaterThan(1);
  });

  it("keys the repository rate limit by issuer as well as id", async () => {
    const { app } = testApp();
    const repository = String(200_000 + Math.floor(Math.random() * 700_000));
    const text = policy()
      .replaceAll("repository_id: 123456", `repository_id: ${repository}`)
      .replace("repository_id: 555", `repository_id: ${repository}`);
    const env = envFor(text, { DOWNSCOPE_RATE_LIMIT_REPOSITORY: testBindings.TEST_RATE_LIMIT_3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const token = await githubToken({ repository_id: repository });
      statuses.push((await exchange(app, token, { environment: "staging" }, { env })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    // The same id on GHES has a budget of its own.
    const other = await ghesToken({ repository: "corp/app", repository_id: repository, environment: "internal" });
    expect((await exchange(app, other, { environment: "internal" }, { env })).status).toBe(200);
  });

  it("decides the same with a pre-validated (bundled) policy", () => {
    const value = JSON.parse(policyJson(policy()));
    const lazy = compilePolicyValue(value, { prevalidated: true });
    if (!lazy.ok) throw new Error("invalid");
    const staging = lazy.policy.environments.get("staging");
    expect(staging?.index.covering({ iss: GHES, repository_id: "123456", repository: "acme/web" })).toEqual([]);
    expect(staging?.index.covering({ iss: GITHUB_COM_ISSUER, repository_id: "123456" })).toHaveLength(1);
  });
});

describe("the rest of the review, in the service", () => {
  it("refuses DOWNSCOPE_DEV=1 unless the issuer is loopback", async () => {
    const load = (issuer: string) =>
      new ConfigLoader(() => {}).load(
        serviceEnv({ DOWNSCOPE_ISSUER: issuer, DOWNSCOPE_DEV: "1", DOWNSCOPE_SIGNING_KEYS: undefined }),
      );
    const publicOne = await load("https://downscope.acme.dev");
    expect(publicOne.ok).toBe(false);
    if (!publicOne.ok) expect(publicOne.problem).toContain("DOWNSCOPE_DEV=1 is for local runs only");
    expect((await load("http://127.0.0.1:8787")).ok).toBe(true);
    expect((await load("http://localhost:8787")).ok).toBe(true);
  });

  it.each([
    ["an endless exp", '"exp":1e400'],
    ["a fractional exp", '"exp":EXP.5'],
    ["a fractional iat", '"iat":IAT.25'],
    ["a string nbf", '"nbf":"0"'],
  ])("refuses a trusted token with %s as malformed, 400 not 503", async (_name, replacement) => {
    const claims = githubClaims({ aud: ISSUER });
    const json = JSON.stringify(claims);
    const [name] = replacement.split(":");
    const payload = json.replace(
      new RegExp(`${name}:\\d+`),
      replacement.replace("EXP", String(claims.exp)).replace("IAT", String(claims.iat)),
    );
    expect(payload).not.toBe(json);
    const token = await new CompactSign(new TextEncoder().encode(payload))
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: githubKey.kid })
      .sign(await importJWK(githubKey, "RS256"));
    const response = await exchange(testApp().app, token);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ error: "invalid_request" });
  });

  it("refuses a DOWNSCOPE_STATE_JURISDICTION it does not know, and applies one it does", async () => {
    const { app, logs } = testApp();
    const withJurisdiction = (value: string) => ({ env: serviceEnv({ DOWNSCOPE_STATE_JURISDICTION: value }) });
    const wrong = await exchange(app, await githubToken(), {}, withJurisdiction("mars"));
    expect(wrong.status).toBe(503);
    expect(logs).toContainEqual(
      expect.objectContaining({ problem: expect.stringContaining('must be "eu", "fedramp"') }),
    );
    // workerd implements no jurisdictions: "eu" reaches it, and the service refuses rather than ignore it.
    const eu = await exchange(app, await githubToken(), {}, withJurisdiction("eu"));
    expect(eu.status).toBe(503);
    expect(logs).toContainEqual(
      expect.objectContaining({
        event: "config_invalid",
        problem: expect.stringContaining("not implemented in workerd"),
      }),
    );
    expect((await exchange(app, await githubToken(), {}, { env: serviceEnv() })).status).toBe(200);
  });
});

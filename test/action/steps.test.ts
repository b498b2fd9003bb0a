import { describe, expect, it } from "vitest";
import { runExchangeStep } from "../../action/exchange-step";
import { PERMISSIONS_HELP } from "../../action/id-token";
import { runRevokeStep } from "../../action/revoke-step";
import { fakeCore, instantClock } from "../support/fake-core";
import { encodePart } from "../support/jwt";

const RUNNER_ENV = {
  ACTIONS_ID_TOKEN_REQUEST_URL: "https://runner.example/idtoken?api-version=2.0",
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: "runner-bearer",
};
const ID_TOKEN = `${encodePart({ alg: "RS256" })}.${encodePart({ repository: "acme/web", repository_id: "123456", ref: "refs/heads/dev", ref_type: "branch", environment: "staging", event_name: "push", runner_environment: "github-hosted", job_workflow_ref: "acme/web/.github/workflows/deploy.yml@refs/heads/dev" })}.c2ln`;
const ACCESS_TOKEN = `${encodePart({ alg: "ES256", typ: "at+jwt" })}.${encodePart({ jti: "token-id-1", exp: Date.parse("2026-11-24T10:10:00Z") / 1000 })}.c2ln`;

type Handler = (url: string, init?: RequestInit) => Response | Promise<Response>;

/** A fetch that answers the runner's OIDC endpoint and the service from scripted handlers. */
function fakeNetwork(service: Handler[], runner: Handler = () => Response.json({ value: ID_TOKEN })) {
  const requests: { url: string; init?: RequestInit }[] = [];
  let serviceCalls = 0;
  const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, init });
    if (url.startsWith("https://runner.example/")) return runner(url, init);
    const handler = service[Math.min(serviceCalls++, service.length - 1)];
    return handler(url, init);
  }) as typeof fetch;
  return { fetch: fetcher, requests };
}

const granted = () =>
  Response.json({
    access_token: ACCESS_TOKEN,
    issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
    token_type: "Bearer",
    expires_in: 600,
    scope: "deploy:write",
    environment: "staging",
  });

describe("the main step", () => {
  it("masks the token before anything else mentions it, then sets every output and saves state", async () => {
    const {
      core,
      calls: recorded,
      of,
    } = fakeCore({
      url: "https://downscope.acme.dev",
      "export-env": "DEPLOY_TOKEN",
      scope: "deploy:write",
    });
    const network = fakeNetwork([granted]);
    await runExchangeStep({ core, fetch: network.fetch, env: RUNNER_ENV, clock: instantClock() });

    expect(of("setFailed")).toEqual([]);
    // Debug lines (url, audience, timings) name no secret; what matters is what comes before them.
    const calls = recorded.filter(([name]) => name !== "debug");
    const firstMention = calls.findIndex((call) => call.slice(1).some((arg) => String(arg).includes(ACCESS_TOKEN)));
    expect(calls[firstMention]).toEqual(["setSecret", ACCESS_TOKEN]);
    expect(calls[0]).toEqual(["setSecret", ID_TOKEN]);
    expect(of("setOutput")).toEqual([
      ["token", ACCESS_TOKEN],
      ["token-type", "Bearer"],
      ["expires-at", "2026-11-24T10:10:00.000Z"],
      ["expires-in", 600],
      ["scope", "deploy:write"],
      ["environment", "staging"],
    ]);
    expect(of("exportVariable")).toEqual([["DEPLOY_TOKEN", ACCESS_TOKEN]]);
    expect(of("saveState")).toEqual([
      ["token", ACCESS_TOKEN],
      ["url", "https://downscope.acme.dev"],
      ["expires-at", "2026-11-24T10:10:00.000Z"],
      ["revoke", "true"],
    ]);
    const [summary] = of("summary")[0] as [string];
    expect(summary).toContain("| token id | `token-id-1` |");
    expect(summary).not.toContain(ACCESS_TOKEN);

    // The runner was asked for a token for the service's origin, with its bearer.
    const runnerRequest = network.requests[0];
    expect(new URL(runnerRequest.url).searchParams.get("audience")).toBe("https://downscope.acme.dev");
    expect(new URL(runnerRequest.url).searchParams.get("api-version")).toBe("2.0");
    expect(new Headers(runnerRequest.init?.headers).get("authorization")).toBe("Bearer runner-bearer");
    const sent = new URLSearchParams(String(network.requests[1].init?.body));
    expect(Object.fromEntries(sent)).toEqual({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      subject_token: ID_TOKEN,
      scope: "deploy:write",
    });
  });

  it("hands later steps the CLI bundled with the action (the `cli` output) with the token, and nothing on a refusal", async () => {
    const cliPath = "/runner/_actions/acme/downscope/v1/dist/cli.js";
    const refused = () => Response.json({ error: "invalid_target" }, { status: 400 });
    for (const [service, outputs] of [
      [granted, [["cli", cliPath]]],
      [refused, []],
    ] as const) {
      const { core, of } = fakeCore({ url: "https://downscope.acme.dev", retries: "1" });
      const network = fakeNetwork([service]);
      await runExchangeStep({ core, fetch: network.fetch, env: RUNNER_ENV, clock: instantClock(), cliPath });
      expect(of("setOutput").filter(([name]) => name === "cli" || service === refused)).toEqual(outputs);
    }
  });

  it("fails with the exact permissions to add when the runner offers no OIDC token", async () => {
    const { core, of } = fakeCore({ url: "https://downscope.acme.dev" });
    const network = fakeNetwork([granted]);
    await runExchangeStep({ core, fetch: network.fetch, env: {}, clock: instantClock() });
    expect(of("setFailed")).toEqual([[PERMISSIONS_HELP]]);
    expect(PERMISSIONS_HELP).toContain("  permissions:\n    id-token: write\n");
    expect(PERMISSIONS_HELP).toMatch(/fork/);
    expect(network.requests).toEqual([]);
  });

  it("retries 503 and 429 with a fresh OIDC token each time, honouring Retry-After", async () => {
    const { core, of } = fakeCore({ url: "https://downscope.acme.dev" });
    const clock = instantClock();
    const busy = () => Response.json({ error: "temporarily_unavailable" }, { status: 503 });
    const limited = () =>
      new Response(JSON.stringify({ error: "slow_down" }), { status: 429, headers: { "retry-after": "4" } });
    const network = fakeNetwork([busy, limited, granted]);
    await runExchangeStep({ core, fetch: network.fetch, env: RUNNER_ENV, clock });
    expect(of("setFailed")).toEqual([]);
    expect(network.requests.filter((r) => r.url.startsWith("https://runner.example/"))).toHaveLength(3);
    expect(clock.slept).toEqual([500, 4000]);
    // Retries are log lines, not annotations.
    expect(of("warning")).toEqual([]);
    expect(
      of("info")
        .map(([message]) => message)
        .filter((message) => String(message).includes("retrying")),
    ).toEqual([
      "the service answered HTTP 503; retrying in 0.5s (attempt 2 of 5)",
      "the service answered HTTP 429; retrying in 4.0s (attempt 3 of 5)",
    ]);
  });

  it("retries the runner's transient refusals and network errors, but not a 4xx from it", async () => {
    let runnerCalls = 0;
    const flaky = () => (++runnerCalls === 1 ? new Response("", { status: 500 }) : Response.json({ value: ID_TOKEN }));
    const ok = fakeCore({ url: "https://downscope.acme.dev" });
    await runExchangeStep({
      core: ok.core,
      fetch: fakeNetwork([granted], flaky).fetch,
      env: RUNNER_ENV,
      clock: instantClock(),
    });
    expect(ok.of("setFailed")).toEqual([]);

    const down = fakeCore({ url: "https://downscope.acme.dev" });
    const refusing = fakeNetwork([granted], () => new Response("", { status: 403 }));
    await runExchangeStep({ core: down.core, fetch: refusing.fetch, env: RUNNER_ENV, clock: instantClock() });
    expect(down.of("setFailed")[0][0]).toMatch(
      /The runner.s OIDC endpoint \(ACTIONS_ID_TOKEN_REQUEST_URL\) refused the request \(HTTP 403/,
    );
    expect(refusing.requests).toHaveLength(1);

    const unreachable = fakeCore({ url: "https://downscope.acme.dev" });
    const failing = fakeNetwork([
      () => {
        throw new TypeError("fetch failed");
      },
    ]);
    await runExchangeStep({ core: unreachable.core, fetch: failing.fetch, env: RUNNER_ENV, clock: instantClock() });
    expect(unreachable.of("setFailed")[0][0]).toMatch(
      /^Gave up after 5 attempts in \d+s: https:\/\/downscope.acme.dev could not be reached \(fetch failed\)\.$/,
    );
  });

  it("never retries a denial, and explains it with the job's identity", async () => {
    const { core, of } = fakeCore({ url: "https://downscope.acme.dev" });
    const denied = () =>
      Response.json(
        {
          error: "invalid_target",
          error_description: "No rule of the environment allows this identity.",
          denial: {
            environment: "staging",
            repository: "acme/web",
            repository_id: "123456",
            covered: true,
            rules: [
              {
                rule: "web deploys from main",
                failed: [
                  { condition: "ref", expected: ["refs/heads/main", "refs/heads/release/*"], actual: "refs/heads/dev" },
                ],
              },
            ],
          },
        },
        { status: 400 },
      );
    const network = fakeNetwork([denied, granted]);
    await runExchangeStep({ core, fetch: network.fetch, env: RUNNER_ENV, clock: instantClock() });
    expect(network.requests).toHaveLength(2);
    expect(of("setFailed")).toEqual([
      [
        [
          "downscope refused the token (HTTP 400 invalid_target): No rule of the environment allows this identity.",
          "",
          'Environment "staging", rules for acme/web (id 123456):',
          '  rule "web deploys from main":',
          "    ✗ ref: expected refs/heads/main or refs/heads/release/*, got refs/heads/dev",
          "",
          "The job's identity, from its GitHub OIDC token (claims only, not the token):",
          "  repository   acme/web (id 123456)",
          "  ref          refs/heads/dev (branch)",
          "  environment  staging",
          "  workflow     acme/web/.github/workflows/deploy.yml@refs/heads/dev",
          "  event        push",
          "  runner       github-hosted",
        ].join("\n"),
      ],
    ]);
    expect(of("setOutput")).toEqual([]);
    expect(JSON.stringify(of("setFailed"))).not.toContain(ID_TOKEN);
  });

  it("says when no rule covers the repository, and names refused scopes", async () => {
    const uncovered = fakeCore({ url: "https://downscope.acme.dev" });
    const none = () =>
      Response.json(
        {
          error: "invalid_target",
          error_description: "No rule of the environment allows this identity.",
          denial: { environment: "production", repository: "acme/web", repository_id: "1", covered: false, rules: [] },
        },
        { status: 400 },
      );
    await runExchangeStep({
      core: uncovered.core,
      fetch: fakeNetwork([none]).fetch,
      env: RUNNER_ENV,
      clock: instantClock(),
    });
    expect(uncovered.of("setFailed")[0][0]).toContain('No rule of environment "production" covers acme/web (id 1).');

    const scopes = fakeCore({ url: "https://downscope.acme.dev" });
    const refused = () =>
      Response.json(
        {
          error: "invalid_scope",
          error_description: "A requested scope is not allowed by the matching rule.",
          refused_scopes: ["admin"],
        },
        { status: 400 },
      );
    await runExchangeStep({
      core: scopes.core,
      fetch: fakeNetwork([refused]).fetch,
      env: RUNNER_ENV,
      clock: instantClock(),
    });
    expect(scopes.of("setFailed")[0][0]).toContain("Refused scopes: admin.");
  });

  it("fails on invalid inputs before asking anyone for anything", async () => {
    const { core, of } = fakeCore({ url: "http://downscope.acme.dev" });
    const network = fakeNetwork([granted]);
    await runExchangeStep({ core, fetch: network.fetch, env: RUNNER_ENV, clock: instantClock() });
    expect(of("setFailed")).toEqual([
      ['Input "url" must use https (http only for localhost), got "http://downscope.acme.dev".'],
    ]);
    expect(network.requests).toEqual([]);
  });

  it("refuses a response that is not a token response", async () => {
    const { core, of } = fakeCore({ url: "https://downscope.acme.dev" });
    await runExchangeStep({
      core,
      fetch: fakeNetwork([() => new Response("<html>")]).fetch,
      env: RUNNER_ENV,
      clock: instantClock(),
    });
    expect(of("setFailed")[0][0]).toMatch(
      /does not point at a downscope service: .*HTTP 200, content-type text\/plain.*"<html>"/,
    );
    expect(of("setFailed")[0][0]).not.toMatch(/HTTP 200 without a token response/);
    expect(of("setOutput")).toEqual([]);
  });
});

describe("the main step with dpop: true", () => {
  it("masks its key first, sends a proof for the token endpoint, and refuses a token that is not bound", async () => {
    const { core, calls: recorded, of } = fakeCore({ url: "https://downscope.acme.dev", dpop: "true" });
    const network = fakeNetwork([granted, () => new Response(null, { status: 200 })]);
    await runExchangeStep({ core, fetch: network.fetch, env: RUNNER_ENV, clock: instantClock() });
    const calls = recorded.filter(([name]) => name !== "debug");
    const key = JSON.parse(String(calls[0][1]));
    expect(calls[0][0]).toBe("setSecret");
    expect(key).toMatchObject({ kty: "EC", crv: "P-256", d: expect.any(String) });
    expect(calls[1]).toEqual(["setSecret", key.d]);
    const proof = new Headers(network.requests[1].init?.headers).get("dpop") ?? "";
    const payload = JSON.parse(Buffer.from(proof.split(".")[1], "base64url").toString());
    expect(payload).toMatchObject({
      htm: "POST",
      htu: "https://downscope.acme.dev/token",
      iat: Date.parse("2026-11-24T10:00:00Z") / 1000,
    });
    // Nothing orphaned: the token it will not use is revoked before the step fails, and it says so.
    expect(of("setFailed")).toEqual([
      [
        "Asked for a DPoP-bound token, but the service issued a Bearer token: refusing to use it.\nThe token it had issued was revoked.",
      ],
    ]);
    expect(network.requests.at(-1)?.url).toBe("https://downscope.acme.dev/revoke");
    expect(String(network.requests.at(-1)?.init?.body)).toContain(`token=${ACCESS_TOKEN}`);
    expect(of("setOutput")).toEqual([]);
  });

  it("outputs the key and keeps it in an owner-only file for later steps", async () => {
    const { core, of } = fakeCore({ url: "https://downscope.acme.dev", dpop: "true" });
    const written: [string, string][] = [];
    const boundToken = () =>
      Response.json({
        access_token: ACCESS_TOKEN,
        token_type: "DPoP",
        expires_in: 600,
        scope: "deploy:write",
        environment: "staging",
      });
    await runExchangeStep({
      core,
      fetch: fakeNetwork([boundToken]).fetch,
      env: RUNNER_ENV,
      clock: instantClock(),
      secretFiles: {
        write: (name, content) => {
          written.push([name, content]);
          return `/tmp/x/${name}`;
        },
        read: () => {
          throw new Error("not read in this test");
        },
        remove: () => {},
      },
    });
    expect(of("setFailed")).toEqual([]);
    const outputs = Object.fromEntries(of("setOutput") as [string, string][]);
    expect(outputs["token-type"]).toBe("DPoP");
    expect(written).toEqual([["dpop-key.jwk", outputs["dpop-key"]]]);
    expect(outputs["dpop-key-file"]).toBe("/tmp/x/dpop-key.jwk");
    expect(of("saveState")).toContainEqual(["dpop-key-file", "/tmp/x/dpop-key.jwk"]);
  });
});

describe("the post step", () => {
  const alive = {
    token: ACCESS_TOKEN,
    url: "https://downscope.acme.dev",
    "expires-at": "2026-11-24T10:10:00.000Z",
    revoke: "true",
  };

  async function post(state: Record<string, string>, answer: Handler) {
    const { core, of } = fakeCore({}, state);
    const requests: { url: string; init?: RequestInit }[] = [];
    const fetcher = (async (input: string | URL | Request, init?: RequestInit) => {
      requests.push({ url: String(input), init });
      return answer(String(input), init);
    }) as typeof fetch;
    await runRevokeStep({ core, fetch: fetcher, env: {}, clock: instantClock() });
    return { of, requests };
  }

  it("revokes a live token", async () => {
    const { of, requests } = await post(alive, () => new Response(null, { status: 200 }));
    expect(requests.map((r) => r.url)).toEqual(["https://downscope.acme.dev/revoke"]);
    expect(Object.fromEntries(new URLSearchParams(String(requests[0].init?.body)))).toEqual({
      token: ACCESS_TOKEN,
      token_type_hint: "access_token",
    });
    expect(of("info")).toEqual([["Revoked the downscope token."]]);
    expect(of("setFailed")).toEqual([]);
  });

  it("warns, never fails, when the service cannot revoke", async () => {
    const notFound = await post(alive, () => new Response(null, { status: 404 }));
    expect(notFound.of("warning")).toEqual([
      ["This downscope service does not support revocation: the token stays valid until it expires."],
    ]);
    const broken = await post(alive, () => new Response(null, { status: 500 }));
    expect(broken.of("warning")[0][0]).toMatch(/HTTP 500/);
    const down = await post(alive, () => {
      throw new TypeError("fetch failed");
    });
    expect(down.of("warning")[0][0]).toMatch(/fetch failed/);
    for (const result of [notFound, broken, down]) expect(result.of("setFailed")).toEqual([]);
  });

  it("retries once after a transient failure, and says when it timed out", async () => {
    let calls = 0;
    const flaky = await post(alive, () => {
      calls++;
      return new Response(null, { status: calls === 1 ? 503 : 200 });
    });
    expect(flaky.requests).toHaveLength(2);
    expect(flaky.of("info")).toEqual([
      ["Revoking the token failed (HTTP 503); trying once more."],
      ["Revoked the downscope token."],
    ]);
    const slow = await post(alive, () => {
      throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
    });
    expect(slow.requests).toHaveLength(2);
    expect(slow.of("warning")).toEqual([
      ["Could not revoke the token (timed out after 10 s): it stays valid until it expires."],
    ]);
    // A refusal (4xx) is not retried.
    const refused = await post(alive, () => new Response(null, { status: 400 }));
    expect(refused.requests).toHaveLength(1);
  });

  it("does nothing when there is nothing to do", async () => {
    const nothing = await post({}, () => new Response(null));
    expect(nothing.requests).toEqual([]);
    expect(nothing.of("warning")).toEqual([]);
    const optedOut = await post({ ...alive, revoke: "false" }, () => new Response(null));
    expect(optedOut.requests).toEqual([]);
    const expired = await post({ ...alive, "expires-at": "2026-11-24T09:59:59.000Z" }, () => new Response(null));
    expect(expired.requests).toEqual([]);
    expect(expired.of("info")).toEqual([["The token has already expired: nothing to revoke."]]);
  });
});

describe("the main step, narrowing a token (narrow-from, docs/narrowing.md)", () => {
  const PARENT = `${encodePart({ alg: "ES256", typ: "at+jwt" })}.${encodePart({ jti: "parent-1", repository: "acme/web", environment: "staging", scope: "deploy:write logs:read" })}.c2ln`;

  it("sends the token to narrow as an access token, asks the runner for nothing, and masks it first", async () => {
    const { core, calls, of } = fakeCore({
      url: "https://downscope.acme.dev",
      "narrow-from": PARENT,
      scope: "logs:read",
    });
    // No id-token permission is needed: the runner's variables are absent.
    const network = fakeNetwork([granted]);
    await runExchangeStep({ core, fetch: network.fetch, env: {}, clock: instantClock() });
    expect(of("setFailed")).toEqual([]);
    expect(calls[0]).toEqual(["setSecret", PARENT]);
    expect(network.requests.map((request) => request.url)).toEqual(["https://downscope.acme.dev/token"]);
    const form = new URLSearchParams(String(network.requests[0].init?.body));
    expect(Object.fromEntries(form)).toEqual({
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
      subject_token: PARENT,
      scope: "logs:read",
    });
    expect(of("saveState")).toContainEqual(["token", ACCESS_TOKEN]);
  });

  it("explains a refusal with the parent's claims, labelled as such", async () => {
    const { core, of } = fakeCore({ url: "https://downscope.acme.dev", "narrow-from": PARENT });
    const refusal = () =>
      Response.json(
        {
          error: "invalid_target",
          error_description:
            "The environment does not allow narrowing its tokens (its policy would have to say narrowing: allowed).",
        },
        { status: 400 },
      );
    await runExchangeStep({ core, fetch: fakeNetwork([refusal]).fetch, env: {}, clock: instantClock() });
    const [message] = of("setFailed")[0] as [string];
    expect(message).toContain(
      "downscope refused the token (HTTP 400 invalid_target): The environment does not allow narrowing its tokens (its policy would have to say narrowing: allowed).",
    );
    expect(message).toContain("The identity of the token in narrow-from (claims only, not the token):");
    expect(message).not.toContain(PARENT);
  });

  it("refuses a malformed narrow-from without quoting it, and a key file without narrow-from or for a bearer token", async () => {
    const failure = async (inputs: Record<string, string>) => {
      const { core, of } = fakeCore({ url: "https://downscope.acme.dev", ...inputs });
      const network = fakeNetwork([granted]);
      await runExchangeStep({ core, fetch: network.fetch, env: RUNNER_ENV, clock: instantClock() });
      expect(network.requests).toEqual([]);
      return (of("setFailed")[0] as [string])[0];
    };
    const secret = "ghp_not-a-jwt-but-a-secret";
    const malformed = await failure({ "narrow-from": secret });
    expect(malformed).toBe(
      'Input "narrow-from" must be a downscope token (a JWT of at most 8 KiB), such as an earlier step\'s "token" output.',
    );
    expect(await failure({ "narrow-from-key-file": "/tmp/k.jwk" })).toBe(
      'Input "narrow-from-key-file" goes with "narrow-from": the key of the token to narrow.',
    );
    expect(await failure({ "narrow-from": PARENT, "narrow-from-key-file": "/tmp/k.jwk" })).toMatch(
      /^Input "narrow-from-key-file" is for a DPoP-bound narrow-from token, and this one is a bearer token/,
    );
  });

  it("needs the key of a bound parent, and that very key", async () => {
    const { generateDpopKey } = await import("../../protocol/dpop-key");
    const key = await generateDpopKey();
    const other = await generateDpopKey();
    const bound = `${encodePart({ alg: "ES256", typ: "at+jwt" })}.${encodePart({ jti: "parent-2", cnf: { jkt: key.jkt } })}.c2ln`;
    const files: Record<string, string> = {
      "/keys/right.jwk": JSON.stringify(key.privateJwk),
      "/keys/wrong.jwk": JSON.stringify(other.privateJwk),
      "/keys/junk.jwk": "not json",
    };
    const run = async (keyFile?: string) => {
      const { core, of } = fakeCore({
        url: "https://downscope.acme.dev",
        "narrow-from": bound,
        ...(keyFile ? { "narrow-from-key-file": keyFile } : {}),
      });
      const network = fakeNetwork([
        () =>
          Response.json({
            access_token: ACCESS_TOKEN,
            token_type: "DPoP",
            expires_in: 60,
            scope: "logs:read",
            environment: "staging",
          }),
      ]);
      const secretFiles = {
        write: () => "/unused",
        remove: () => {},
        read: (path: string) => {
          if (!(path in files)) throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
          return files[path];
        },
      };
      await runExchangeStep({ core, fetch: network.fetch, env: {}, clock: instantClock(), secretFiles });
      return { of, network, failed: (of("setFailed")[0] as [string] | undefined)?.[0] };
    };
    expect((await run()).failed).toMatch(/^The token in narrow-from is DPoP-bound: only its key can narrow it/);
    expect((await run("/keys/missing.jwk")).failed).toMatch(
      /^Input "narrow-from-key-file": cannot read \/keys\/missing\.jwk/,
    );
    expect((await run("/keys/junk.jwk")).failed).toMatch(/does not hold a private JWK/);
    expect((await run("/keys/wrong.jwk")).failed).toBe(
      'Input "narrow-from-key-file": /keys/wrong.jwk holds another key than the one the narrow-from token is bound to.',
    );
    const good = await run("/keys/right.jwk");
    expect(good.failed).toBeUndefined();
    // The proof is made with the parent's key, and the key stays the earlier step's file.
    const proof = new Headers(good.network.requests[0].init?.headers as Record<string, string>).get("dpop") ?? "";
    const header = JSON.parse(Buffer.from(proof.split(".")[0], "base64url").toString());
    expect(header.jwk).toEqual(key.publicJwk);
    expect(good.of("setSecret")).toContainEqual([key.privateJwk.d]);
    expect(good.of("setOutput")).toContainEqual(["dpop-key-file", "/keys/right.jwk"]);
    expect(good.of("saveState").some(([name]) => name === "dpop-key-file")).toBe(false);
  });
});

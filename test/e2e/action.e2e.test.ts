/**
 * End to end: the built action (dist/, as a child process) against the real service (the
 * bundled Worker in workerd, on a loopback port), with a fake runner OIDC endpoint that signs
 * real tokens. Nothing here is mocked but GitHub itself.
 */

import { execFile } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { calculateJwkThumbprint, createRemoteJWKSet, decodeJwt, exportJWK, generateKeyPair, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDeployApi } from "../../examples/downstream/deploy-api.mjs";
import { generateIssuerKey } from "../../scripts/fake-github.mjs";
import {
  errorAnnotation,
  type IdTokenEndpoint,
  runActionStep,
  type StepResult,
  startIdTokenEndpoint,
} from "../../scripts/fake-runner.mjs";
import { type LocalService, startLocalService } from "../../scripts/local-service.mjs";
import { stagingPolicy } from "../support/e2e-policy";

let service: LocalService;
let runner: IdTokenEndpoint;

beforeAll(async () => {
  const github = await generateIssuerKey();
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), alg: "ES256", kid: "e2e-1" };
  service = await startLocalService({ policy: stagingPolicy({ keys: [github.publicJwk] }), signingKeys: [signingKey] });
  runner = await startIdTokenEndpoint({ privateJwk: github.privateJwk });
});

afterAll(async () => {
  await runner?.stop();
  await service?.stop();
});

/** Every place the token appears in the step's output must be the mask command itself. */
function expectMaskedFirst(result: StepResult, token: string) {
  const text = result.stdout + result.stderr;
  const first = text.indexOf(token);
  expect(first).toBeGreaterThan(0);
  expect(text.slice(first - "::add-mask::".length, first)).toBe("::add-mask::");
  const mentions = text.split(token).length - 1;
  expect(mentions).toBe(1);
}

describe("the action against the real service", () => {
  it("gets a token, masks it, writes outputs, env and summary, and the post step revokes it", async () => {
    runner.setClaims(() => ({}));
    const main = await runActionStep("main", {
      idTokens: runner,
      inputs: { url: service.url, scope: "deploy:write logs:read", ttl: "5m", "export-env": "DEPLOY_TOKEN" },
    });
    expect(main.stderr).toBe("");
    expect(main.code).toBe(0);
    const token = main.outputs.token;
    expect(token).toMatch(/^eyJ/);
    expectMaskedFirst(main, token);
    // The GitHub OIDC token was masked too, and never printed otherwise.
    expect(main.stdout.match(/::add-mask::/g)).toHaveLength(2);

    expect(main.outputs).toEqual({
      token,
      "token-type": "Bearer",
      "expires-at": expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      "expires-in": "300",
      scope: "deploy:write logs:read",
      environment: "staging",
      cli: resolve("dist/cli.js"),
    });
    expect(main.exported).toEqual({ DEPLOY_TOKEN: token });
    expect(main.state).toEqual({ token, url: service.url, "expires-at": main.outputs["expires-at"], revoke: "true" });
    expect(main.summary).toContain("### downscope: a token for staging");
    expect(main.summary).toContain("| scopes | `deploy:write logs:read` |");
    expect(main.summary).not.toContain(token);

    // The token verifies with the service's published keys, for exactly one environment.
    const jwks = createRemoteJWKSet(new URL(`${service.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(token, jwks, {
      issuer: service.url,
      audience: "https://deploy.acme.dev/staging",
      typ: "at+jwt",
    });
    expect(payload).toMatchObject({ environment: "staging", scope: "deploy:write logs:read", repository: "acme/web" });
    expect(runner.requests.at(-1)?.audience).toBe(service.url);

    const introspect = (value: string) =>
      fetch(`${service.url}/introspect`, { method: "POST", body: new URLSearchParams({ token: value }) }).then((r) =>
        r.json(),
      );
    expect(await introspect(token)).toMatchObject({ active: true, environment: "staging" });
    const post = await runActionStep("post", { state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain("Revoked the downscope token.");
    expect(post.stdout + post.stderr).not.toContain(token);
    expect(await introspect(token)).toEqual({ active: false });
  });

  it("explains a denial for a job on the wrong branch, and outputs nothing", async () => {
    runner.setClaims(() => ({
      ref: "refs/heads/feature/x",
      job_workflow_ref: "acme/web/.github/workflows/deploy.yml@refs/heads/feature/x",
    }));
    const main = await runActionStep("main", { idTokens: runner, inputs: { url: service.url } });
    expect(main.code).toBe(1);
    expect(main.outputs).toEqual({});
    expect(main.state).toEqual({});
    // One annotation, with a title.
    expect(main.stdout.split("\n").filter((line) => line.startsWith("::error"))).toHaveLength(1);
    expect(main.stdout).toContain("::error title=downscope%3A no token::");
    const message = errorAnnotation(main.stdout);
    expect(message).toBe(
      [
        "downscope refused the token (HTTP 400 invalid_target): No rule of the environment allows this identity.",
        "",
        'Environment "staging", rules for acme/web (id 123456):',
        '  rule "web deploys from main":',
        "    ✗ ref: expected refs/heads/main, got refs/heads/feature/x",
        "",
        "The job's identity, from its GitHub OIDC token (claims only, not the token):",
        "  repository   acme/web (id 123456, owner id 7890)",
        "  ref          refs/heads/feature/x (branch)",
        "  environment  staging",
        "  workflow     acme/web/.github/workflows/deploy.yml@refs/heads/feature/x",
        "  event        push",
        "  runner       github-hosted",
        "  actor        octocat",
        "  run          9876543210 (attempt 1)",
      ].join("\n"),
    );
    // The refused GitHub token itself never shows: only its mask.
    const maskLines = main.stdout.split("\n").filter((line) => line.startsWith("::add-mask::"));
    expect(maskLines).toHaveLength(1);
    expect(main.stdout.split(maskLines[0].slice("::add-mask::".length)).length - 1).toBe(1);
  });

  it("retries a 503 from the service, with a fresh OIDC token, then succeeds", async () => {
    runner.setClaims(() => ({}));
    const proxy = await flakyProxy(service.url, 1);
    try {
      const before = runner.requests.length;
      const main = await runActionStep("main", { idTokens: runner, inputs: { url: proxy.url, audience: service.url } });
      expect(main.code).toBe(0);
      expect(main.stdout).toMatch(
        /\nthe service answered HTTP 503: The issuer's keys cannot be fetched right now; try again later\.; retrying in \d\.\ds \(attempt 2 of 5\)/,
      );
      expect(main.stdout).not.toContain("::warning");
      expect(proxy.tokenRequests()).toBe(2);
      expect(runner.requests.length - before).toBe(2);
      expect(main.outputs.environment).toBe("staging");
    } finally {
      await proxy.stop();
    }
  });

  it("retries the runner's transient refusal to issue a token", async () => {
    runner.setClaims(() => ({}));
    runner.failNext(1, 500);
    const main = await runActionStep("main", { idTokens: runner, inputs: { url: service.url } });
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/\nthe runner refused to issue an OIDC token for now \(HTTP 500\); retrying/);
  });

  it("says exactly which permission to add when the job cannot get an OIDC token", async () => {
    const main = await runActionStep("main", { inputs: { url: service.url } });
    expect(main.code).toBe(1);
    const error = errorAnnotation(main.stdout);
    expect(error).toContain("  permissions:\n    id-token: write\n");
    expect(error).toContain("fork");
  });

  it("refuses a bad input, quoting it", async () => {
    const main = await runActionStep("main", { idTokens: runner, inputs: { url: service.url, ttl: "forever" } });
    expect(main.code).toBe(1);
    expect(errorAnnotation(main.stdout)).toBe(
      'Input "ttl" must be a duration such as "10m", "90s", "1h" or whole seconds, got "forever".',
    );
  });

  it("with dpop: true, gets a bound token that a DPoP-protected API accepts only with a fresh proof", async () => {
    runner.setClaims(() => ({}));
    const main = await runActionStep("main", { idTokens: runner, inputs: { url: service.url, dpop: "true" } });
    expect(main.stderr).toBe("");
    expect(main.code).toBe(0);
    const { token, "dpop-key": key, "dpop-key-file": keyFile } = main.outputs;
    expect(main.outputs["token-type"]).toBe("DPoP");
    // The private key is masked before the token, and neither is printed otherwise.
    const masks = main.stdout.split("\n").filter((line) => line.startsWith("::add-mask::"));
    expect(masks[0]).toBe(`::add-mask::${key}`);
    const mentions = main.stdout.split("\n").filter((line) => line.includes(JSON.parse(key).d));
    expect(mentions.every((line) => line.startsWith("::add-mask::"))).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, "utf8")).toBe(key);
    const jkt = await calculateJwkThumbprint(
      { kty: "EC", crv: "P-256", x: JSON.parse(key).x, y: JSON.parse(key).y },
      "sha256",
    );
    expect(decodeJwt(token).cnf).toEqual({ jkt });
    expect(main.outputs.cli).toBe(resolve("dist/cli.js"));

    const api = await startDeployApi({
      issuer: service.url,
      audience: "https://deploy.acme.dev/staging",
      environment: "staging",
    });
    try {
      const deploy = (headers: Record<string, string>) => fetch(`${api.url}/deploy`, { method: "POST", headers });
      const proof = async (keyPath: string, url = `${api.url}/deploy`) => {
        // The CLI as the action hands it to later steps: its own bundled copy, no package fetched.
        const { stdout } = await promisify(execFile)(process.execPath, [
          main.outputs.cli,
          "dpop",
          "proof",
          "--key",
          keyPath,
          "--method",
          "POST",
          "--url",
          url,
          "--token",
          token,
        ]);
        return stdout.trim();
      };
      const accepted = await deploy({ authorization: `DPoP ${token}`, dpop: await proof(keyFile) });
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toMatchObject({ token_type: "DPoP", deployed: { environment: "staging" } });
      const bearer = await deploy({ authorization: `Bearer ${token}` });
      expect(bearer.status).toBe(401);
      const noProof = await deploy({ authorization: `DPoP ${token}` });
      expect(noProof.status).toBe(401);
      const otherKeyFile = join(tmpdir(), `other-${Date.now()}.jwk`);
      const { privateKey } = await generateKeyPair("ES256", { extractable: true });
      writeFileSync(otherKeyFile, JSON.stringify(await exportJWK(privateKey)));
      const otherKey = await deploy({ authorization: `DPoP ${token}`, dpop: await proof(otherKeyFile) });
      expect(otherKey.status).toBe(401);
      expect(otherKey.headers.get("www-authenticate")).toContain('error="invalid_dpop_proof"');
      const replay = await proof(keyFile);
      expect((await deploy({ authorization: `DPoP ${token}`, dpop: replay })).status).toBe(200);
      expect((await deploy({ authorization: `DPoP ${token}`, dpop: replay })).status).toBe(401);
    } finally {
      await api.stop();
    }

    const post = await runActionStep("post", { state: main.state });
    expect(post.code).toBe(0);
    expect(existsSync(keyFile)).toBe(false);
  });

  it("writes one audit line per decision in the service, with no token in it", () => {
    const audits = service.logs.filter((line) => line.event === "token_exchange");
    expect(audits.length).toBeGreaterThanOrEqual(3);
    expect(audits.map((line) => line.decision)).toContain("denied");
    expect(JSON.stringify(service.logs)).not.toMatch(/eyJ[A-Za-z0-9_-]{20,}\./);
  });
});

/** A proxy in front of the service that answers the first `failures` token requests with 503. */
async function flakyProxy(target: string, failures: number) {
  let tokenRequests = 0;
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.url === "/token") tokenRequests++;
    if (request.url === "/token" && tokenRequests <= failures) {
      response
        .writeHead(503, { "content-type": "application/json", "retry-after": "0" })
        .end(
          '{"error":"temporarily_unavailable","error_description":"The issuer\'s keys cannot be fetched right now; try again later."}',
        );
      return;
    }
    const upstream = await fetch(`${target}${request.url}`, {
      method: request.method,
      headers: { "content-type": request.headers["content-type"] ?? "" },
      body: request.method === "GET" ? undefined : Buffer.concat(chunks),
    });
    response
      .writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "" })
      .end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    tokenRequests: () => tokenRequests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

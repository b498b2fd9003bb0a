/**
 * End to end, narrowing (docs/narrowing.md): a job's first step gets a token, its second step narrows it
 * (dist/main.js with narrow-from, no OIDC request) for a sub-task, the CLI narrows that again,
 * and the sample API (downscope/verify/hono, with introspection) accepts each child for
 * logs:read and refuses it for deploy:write; revoking a token cuts off everything narrowed from
 * it. The real service in workerd, the built action and CLI as child processes.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { decodeJwt, exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDeployApi } from "../../examples/downstream/deploy-api.mjs";
import { generateIssuerKey } from "../../scripts/fake-github.mjs";
import {
  errorAnnotation,
  type IdTokenEndpoint,
  runActionStep,
  startIdTokenEndpoint,
} from "../../scripts/fake-runner.mjs";
import { type LocalService, startLocalService } from "../../scripts/local-service.mjs";
import { STAGING_AUDIENCE, stagingPolicy } from "../support/e2e-policy";

let service: LocalService;
let runner: IdTokenEndpoint;
let api: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  const github = await generateIssuerKey();
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), alg: "ES256", kid: "e2e-narrow" };
  service = await startLocalService({
    policy: stagingPolicy({ keys: [github.publicJwk] }, { narrowing: "allowed" }),
    signingKeys: [signingKey],
  });
  runner = await startIdTokenEndpoint({ privateJwk: github.privateJwk });
  // Every request asks the service whether the token, or one it was narrowed from, was revoked.
  api = await startDeployApi({
    issuer: service.url,
    audience: STAGING_AUDIENCE,
    environment: "staging",
    introspection: { cacheMs: 0 },
  });
});

afterAll(async () => {
  await api?.stop();
  await runner?.stop();
  await service?.stop();
});

const call = (path: "/logs" | "/deploy", authorization: string, dpop?: string) =>
  fetch(`${api.url}${path}`, {
    method: path === "/logs" ? "GET" : "POST",
    headers: { authorization, ...(dpop ? { dpop } : {}) },
  });

async function cli(args: string[], env: Record<string, string> = {}) {
  return promisify(execFile)(process.execPath, ["dist/cli.js", ...args], { env: { ...process.env, ...env } });
}

describe("a job hands a smaller token to a step it trusts less", () => {
  it("narrows the first step's token in a second step; the API takes the child for logs:read only; revocation cascades", async () => {
    runner.setClaims(() => ({}));
    const first = await runActionStep("main", {
      idTokens: runner,
      inputs: { url: service.url, scope: "deploy:write logs:read" },
    });
    expect(first.code).toBe(0);
    const parent = first.outputs.token;
    const oidcRequests = runner.requests.length;

    // The second step: no id-token permission, only the first step's output.
    const second = await runActionStep("main", {
      inputs: { url: service.url, "narrow-from": parent, scope: "logs:read", ttl: "2m" },
    });
    expect(second.stderr).toBe("");
    expect(second.code).toBe(0);
    expect(runner.requests.length).toBe(oidcRequests);
    const child = second.outputs.token;
    expect(second.outputs).toMatchObject({
      "token-type": "Bearer",
      scope: "logs:read",
      environment: "staging",
      "expires-in": "120",
    });
    // Both tokens are masked before anything could print them, and printed nowhere else.
    for (const token of [parent, child]) {
      const lines = second.stdout.split("\n").filter((line) => line.includes(token));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((line) => line === `::add-mask::${token}`)).toBe(true);
    }
    const claims = decodeJwt(child);
    expect(claims).toMatchObject({ parent_jti: decodeJwt(parent).jti, ancestor_jtis: [decodeJwt(parent).jti] });
    expect(second.stdout).toContain(`narrowed from ${decodeJwt(parent).jti}`);

    // The sample API: the child reads logs, and cannot deploy; the parent still can.
    const logs = await call("/logs", `Bearer ${child}`);
    expect(logs.status).toBe(200);
    expect(await logs.json()).toMatchObject({ token_id: claims.jti, narrowed: 1 });
    const deploy = await call("/deploy", `Bearer ${child}`);
    expect(deploy.status).toBe(403);
    expect(deploy.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect((await call("/deploy", `Bearer ${parent}`)).status).toBe(200);

    // Outside Actions, the CLI narrows the child again (an agent's token, one minute).
    const { stdout } = await cli(["token", "narrow", "--url", service.url, "--token-env", "CHILD", "--ttl", "60"], {
      CHILD: child,
    });
    const grandchild = stdout.trim();
    expect(decodeJwt(grandchild)).toMatchObject({
      scope: "logs:read",
      ancestor_jtis: [decodeJwt(parent).jti, claims.jti],
    });
    expect((await call("/logs", `Bearer ${grandchild}`)).status).toBe(200);
    // Asking for more than the child has is refused, naming the scope.
    await expect(
      cli(["token", "narrow", "--url", service.url, "--token-env", "CHILD", "--scope", "deploy:write"], {
        CHILD: child,
      }),
    ).rejects.toMatchObject({
      code: 1,
      stderr:
        "downscope: the service refused (HTTP 400 invalid_scope): A requested scope is not in the subject access token. (refused scopes: deploy:write)\n",
    });

    // The second step's post step revokes the child: the grandchild goes with it, the parent stays.
    const post = await runActionStep("post", { state: second.state });
    expect(post.code).toBe(0);
    expect((await call("/logs", `Bearer ${child}`)).status).toBe(401);
    const cut = await call("/logs", `Bearer ${grandchild}`);
    expect(cut.status).toBe(401);
    expect(cut.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect((await call("/deploy", `Bearer ${parent}`)).status).toBe(200);

    // Revoking the parent cuts off a sibling narrowed from it.
    const sibling = await runActionStep("main", {
      inputs: { url: service.url, "narrow-from": parent, scope: "logs:read" },
    });
    expect((await call("/logs", `Bearer ${sibling.outputs.token}`)).status).toBe(200);
    expect((await runActionStep("post", { state: first.state })).code).toBe(0);
    expect((await call("/logs", `Bearer ${sibling.outputs.token}`)).status).toBe(401);
    const late = await runActionStep("main", { inputs: { url: service.url, "narrow-from": parent } });
    expect(late.code).toBe(1);
    expect(errorAnnotation(late.stdout)).toMatch(
      /^downscope refused the token \(HTTP 400 invalid_request\): The subject access token, or one it was narrowed from, has been revoked\./,
    );
  });

  it("narrows a DPoP-bound token only with its key, and binds the child to it", async () => {
    runner.setClaims(() => ({}));
    const first = await runActionStep("main", {
      idTokens: runner,
      inputs: { url: service.url, scope: "deploy:write logs:read", dpop: "true" },
    });
    expect(first.code).toBe(0);
    const { token: parent, "dpop-key-file": keyFile } = first.outputs;

    const withoutKey = await runActionStep("main", { inputs: { url: service.url, "narrow-from": parent } });
    expect(withoutKey.code).toBe(1);
    expect(errorAnnotation(withoutKey.stdout)).toMatch(
      /^The token in narrow-from is DPoP-bound: only its key can narrow it/,
    );

    const second = await runActionStep("main", {
      inputs: { url: service.url, "narrow-from": parent, "narrow-from-key-file": keyFile, scope: "logs:read" },
    });
    expect(second.code).toBe(0);
    expect(second.outputs["token-type"]).toBe("DPoP");
    expect(second.outputs["dpop-key-file"]).toBe(keyFile);
    const child = second.outputs.token;
    expect(decodeJwt(child).cnf).toEqual(decodeJwt(parent).cnf);

    const proof = async (path: string, method: string) =>
      (
        await cli([
          "dpop",
          "proof",
          "--key",
          keyFile,
          "--method",
          method,
          "--url",
          `${api.url}${path}`,
          "--token",
          child,
        ])
      ).stdout.trim();
    expect((await call("/logs", `DPoP ${child}`, await proof("/logs", "GET"))).status).toBe(200);
    expect((await call("/logs", `Bearer ${child}`)).status).toBe(401);
    expect((await call("/deploy", `DPoP ${child}`, await proof("/deploy", "POST"))).status).toBe(403);

    // The child's post step leaves the parent's key file alone; the parent's removes it.
    expect((await runActionStep("post", { state: second.state })).code).toBe(0);
    expect(existsSync(keyFile)).toBe(true);
    expect((await runActionStep("post", { state: first.state })).code).toBe(0);
    expect(existsSync(keyFile)).toBe(false);
  });
});

/**
 * End to end, GitHub tokens: the built action (dist/, child processes) against the bundled Worker
 * in workerd, which calls a fake of GitHub's REST API on loopback (as GitHub documents it). A job
 * gets a token for one repository with contents:read, uses it against the API, and the post step
 * revokes it at GitHub; the token never appears in the step's output but for its mask.
 */
import { generateKeyPairSync } from "node:crypto";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GITHUB_ISSUER, generateIssuerKey } from "../../scripts/fake-github.mjs";
import { serveFakeGithubAppApi } from "../../scripts/fake-github-app-api.mjs";
import { type IdTokenEndpoint, runActionStep, startIdTokenEndpoint } from "../../scripts/fake-runner.mjs";
import { type LocalService, startLocalService } from "../../scripts/local-service.mjs";

let service: LocalService;
let runner: IdTokenEndpoint;
let api: Awaited<ReturnType<typeof serveFakeGithubAppApi>>;

beforeAll(async () => {
  const github = await generateIssuerKey();
  const appKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
  api = await serveFakeGithubAppApi({
    app: { issuer: "Iv23liE2eTest", publicJwk: appKey.publicKey.export({ format: "jwk" }) },
    installations: {
      acme: {
        id: 77,
        type: "Organization",
        repositories: ["web", "docs"],
        permissions: { contents: "write", metadata: "read" },
      },
    },
  });
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  service = await startLocalService({
    policy: `
version: 1
issuers:
  - issuer: ${GITHUB_ISSUER}
    jwks: ${JSON.stringify({ keys: [github.publicJwk] })}
github_apps:
  deploy-bot: { client_id: Iv23liE2eTest, api_url: ${api.url} }
environments:
  docs-read:
    kind: github
    app: deploy-bot
    owner: acme
    repositories: [docs]
    permissions: { contents: read }
    rules:
      - { name: web reads docs, repository: acme/web, repository_id: 123456, ref: refs/heads/main, environment: staging }
`,
    signingKeys: [{ ...(await exportJWK(privateKey)), alg: "ES256", kid: "e2e-gh" }],
    bindings: {
      DOWNSCOPE_GITHUB_APP_KEYS: JSON.stringify({
        "deploy-bot": appKey.privateKey.export({ type: "pkcs1", format: "pem" }),
      }),
    },
    // The Worker reaches the fake GitHub API, and nothing else.
    network: async (request) => {
      if (!request.url.startsWith(api.url)) return new Response("no network here", { status: 599 });
      // Over real HTTP to the fake on loopback, as the Worker's request asked.
      const body = request.method === "GET" || request.method === "DELETE" ? undefined : await request.arrayBuffer();
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body,
        redirect: "manual",
      });
      return new Response(await response.arrayBuffer(), { status: response.status, headers: response.headers });
    },
  });
  runner = await startIdTokenEndpoint({ privateJwk: github.privateJwk });
});

afterAll(async () => {
  await runner?.stop();
  await service?.stop();
  await api?.stop();
});

describe("GitHub tokens end to end", () => {
  it("gets a token for one repository, uses it, and the post step revokes it at GitHub", async () => {
    const main = await runActionStep("main", {
      idTokens: runner,
      inputs: { url: service.url, environment: "docs-read" },
    });
    expect(main.stderr).toBe("");
    expect(main.code, `${main.stdout}\n${JSON.stringify(service.logs.slice(-5))}`).toBe(0);
    const token = main.outputs.token;
    expect(token).toMatch(/^ghs_/);
    expect(main.outputs).toMatchObject({ "token-type": "Bearer", scope: "contents:read", environment: "docs-read" });
    // Masked before anything else printed it, and never printed otherwise.
    const text = main.stdout + main.stderr;
    expect(text.split(token).length - 1).toBe(1);
    expect(text).toContain(`::add-mask::${token}`);
    expect(main.stdout).toContain(
      'downscope issued a GitHub token for "docs-read" (repositories: docs; permissions: contents:read;',
    );

    // The request GitHub saw: exactly one repository and one permission.
    const created = api.state.requests.find((request) => request.path === "/app/installations/77/access_tokens");
    expect(created?.body).toEqual({ repositories: ["docs"], permissions: { contents: "read" } });

    // The token works where the policy allows, and nowhere else.
    const use = (repository: string) =>
      fetch(`${api.url}/repos/acme/${repository}`, {
        headers: { authorization: `token ${token}`, "user-agent": "test" },
      });
    expect((await use("docs")).status).toBe(200);
    expect((await use("web")).status).toBe(404);

    const post = await runActionStep("post", { state: main.state });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain("Revoked the GitHub token at GitHub.");
    expect((await use("docs")).status).toBe(401);
    // Once only: a second post step finds it already gone.
    const again = await runActionStep("post", { state: main.state });
    expect(again.stdout).toContain("The GitHub token was already revoked or expired.");
  });
});

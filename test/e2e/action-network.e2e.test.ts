/**
 * The action on real runners' networks, with dist/ as a child process (issue 16): through a real
 * forward proxy on loopback (CONNECT, TLS to a host only the proxy can reach) and around it with
 * NO_PROXY; against a url that redirects (the GitHub token must never reach the target), serves
 * HTML, sends a 2 MiB body or injects workflow commands; an OIDC endpoint answering 401; and a
 * failure after minting, whose token is revoked. Only GitHub is faked.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { connect as netConnect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import { generate as selfSigned } from "selfsigned";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { version } from "../../package.json";
import { generateIssuerKey } from "../../scripts/fake-github.mjs";
import {
  errorAnnotation,
  type IdTokenEndpoint,
  runActionStep,
  startIdTokenEndpoint,
} from "../../scripts/fake-runner.mjs";
import { type LocalService, startLocalService } from "../../scripts/local-service.mjs";
import { stagingPolicy } from "../support/e2e-policy";

let service: LocalService;
let runner: IdTokenEndpoint;
const scratch = mkdtempSync(join(tmpdir(), "downscope-network-"));
const servers: Server[] = [];

const listen = async (server: Server) => {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as { port: number }).port;
};

const introspect = async (token: string) =>
  (await fetch(`${service.url}/introspect`, { method: "POST", body: new URLSearchParams({ token }) })).json();

beforeAll(async () => {
  const github = await generateIssuerKey();
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  service = await startLocalService({
    policy: stagingPolicy({ keys: [github.publicJwk] }),
    signingKeys: [{ ...(await exportJWK(privateKey)), alg: "ES256" }],
  });
  runner = await startIdTokenEndpoint({ privateJwk: github.privateJwk });
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.closeAllConnections?.();
  for (const server of servers) server.close();
  await runner?.stop();
  await service?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A body as text. */
const read = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => resolve(body));
  });

describe("behind an egress proxy", () => {
  const HOST = "downscope.test"; // resolvable only by the proxy
  let proxyUrl: string;
  let caFile: string;
  const connects: string[] = [];
  const userAgents: string[] = [];

  beforeAll(async () => {
    const pems = await selfSigned([{ name: "commonName", value: HOST }], {
      keyType: "ec",
      curve: "P-256",
      extensions: [{ name: "subjectAltName", altNames: [{ type: 2, value: HOST }] }],
    });
    caFile = join(scratch, "ca.pem");
    writeFileSync(caFile, pems.cert);
    // The service's TLS front, as a real deployment has one: forwards to the local service.
    const front = createHttpsServer({ key: pems.private, cert: pems.cert }, async (request, response) => {
      userAgents.push(String(request.headers["user-agent"]));
      const body = await read(request);
      const answer = await fetch(`${service.url}${request.url}`, {
        method: request.method,
        headers: { "content-type": String(request.headers["content-type"] ?? "") },
        body: request.method === "POST" ? body : undefined,
      });
      response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "" });
      response.end(await answer.text());
    });
    const frontPort = await listen(front as unknown as Server);
    // A CONNECT-capable forward proxy: the only way to reach downscope.test.
    const proxy = createServer((_request, response) => response.writeHead(405).end());
    proxy.on("connect", (request: IncomingMessage, client: Socket, head: Buffer) => {
      connects.push(String(request.url));
      const [host] = String(request.url).split(":");
      if (host !== HOST) {
        client.end("HTTP/1.1 403 Forbidden\r\n\r\n");
        return;
      }
      const upstream = netConnect(frontPort, "127.0.0.1", () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
  });

  const proxied = (extra: Record<string, string> = {}) => ({
    HTTPS_PROXY: proxyUrl,
    NODE_EXTRA_CA_CERTS: caFile,
    ...extra,
  });

  it("reaches the service through the proxy with CONNECT, the runner directly, and revokes through it too", async () => {
    const before = connects.length;
    const main = await runActionStep("main", {
      idTokens: runner,
      inputs: { url: `https://${HOST}`, audience: service.url },
      env: proxied(),
    });
    expect(main.stderr).toBe("");
    expect(main.code).toBe(0);
    expect(main.outputs.environment).toBe("staging");
    // The runner is on loopback, which is never proxied (as @actions/http-client decides).
    expect(connects.slice(before)).toEqual([`${HOST}:443`]);
    expect(userAgents.at(-1)).toBe(`downscope-action/${version}`);
    const post = await runActionStep("post", { state: main.state, env: proxied() });
    expect(post.stdout).toContain("Revoked the downscope token.");
    expect(connects.slice(before)).toEqual([`${HOST}:443`, `${HOST}:443`]);
    expect(await introspect(main.outputs.token)).toEqual({ active: false });
  });

  it("goes direct for hosts in NO_PROXY (and so cannot resolve this one)", async () => {
    const before = connects.length;
    const main = await runActionStep("main", {
      idTokens: runner,
      inputs: { url: `https://${HOST}`, audience: service.url, retries: "1" },
      env: proxied({ NO_PROXY: `example.org,${HOST}` }),
    });
    expect(main.code).toBe(1);
    expect(errorAnnotation(main.stdout)).toMatch(
      /Gave up after 1 attempt .*https:\/\/downscope\.test could not be reached/,
    );
    expect(connects.length).toBe(before);
  });
});

describe("a url that is not a downscope service", () => {
  const fake = async (handler: (request: IncomingMessage, response: import("node:http").ServerResponse) => void) =>
    `http://127.0.0.1:${await listen(createServer(handler))}`;

  it("reports a redirect with its Location, and never follows it with the GitHub token", async () => {
    const stolen: string[] = [];
    const target = await fake(async (request, response) => {
      stolen.push(await read(request));
      response.end("{}");
    });
    const url = await fake((_request, response) => response.writeHead(302, { location: `${target}/sso` }).end());
    const before = runner.requests.length;
    const main = await runActionStep("main", { idTokens: runner, inputs: { url, audience: service.url } });
    expect(main.code).toBe(1);
    const message = errorAnnotation(main.stdout);
    expect(message).toContain(`The url input (${url}) does not point at a downscope service`);
    expect(message).toContain(`HTTP 302, content-type (none), Location ${target}/sso`);
    expect(stolen).toEqual([]);
    expect(runner.requests.length - before).toBe(1); // not retried: another GitHub token is not spent
    expect(message).not.toContain("refused the token");
  });

  it("reports an HTML page with its content type and a short, escaped snippet", async () => {
    const url = await fake((_request, response) =>
      response.writeHead(200, { "content-type": "text/html" }).end("<html>\n<title>Sign in ::error::x</title>"),
    );
    const main = await runActionStep("main", { idTokens: runner, inputs: { url, audience: service.url } });
    const message = errorAnnotation(main.stdout);
    expect(message).toContain(
      'HTTP 200, content-type text/html, with "<html> <title>Sign in :\u200b:error:\u200b:x</title>"',
    );
    expect(main.stdout).not.toMatch(/^::error::x/m);
  });

  it("reports a 2 MiB body as misconfiguration, not as an outage to retry", async () => {
    const url = await fake((_request, response) =>
      response.writeHead(400, { "content-type": "application/json" }).end("x".repeat(2 * 1024 * 1024)),
    );
    const before = runner.requests.length;
    const main = await runActionStep("main", { idTokens: runner, inputs: { url, audience: service.url } });
    expect(errorAnnotation(main.stdout)).toContain("with a body larger than 1 MiB");
    expect(runner.requests.length - before).toBe(1);
  });

  it("never lets a service's strings become workflow commands or repaint the log", async () => {
    const url = await fake((_request, response) =>
      response.writeHead(400, { "content-type": "application/json" }).end(
        JSON.stringify({
          error: "invalid_target",
          error_description: "no\n::add-mask::innocent\n::warning::pwned\u001b[2K",
          denial: { environment: "::error::x", repository: "acme/web", repository_id: "1", covered: false, rules: [] },
        }),
      ),
    );
    const main = await runActionStep("main", { idTokens: runner, inputs: { url, audience: service.url } });
    expect(main.code).toBe(1);
    const lines = main.stdout.split("\n");
    expect(lines.filter((line) => line.startsWith("::add-mask::innocent"))).toEqual([]);
    expect(lines.filter((line) => line.startsWith("::warning"))).toEqual([]);
    expect(lines.filter((line) => line.startsWith("::error"))).toHaveLength(1);
    expect(errorAnnotation(main.stdout)).toContain(":\u200b:add-mask:\u200b:innocent");
    expect(main.stdout).not.toContain("\u001b");
  });
});

describe("the runner's OIDC endpoint, and late failures", () => {
  it("shows what the OIDC endpoint answered to a 401, naming its variables", async () => {
    runner.failNext(1, 401);
    const main = await runActionStep("main", { idTokens: runner, inputs: { url: service.url } });
    expect(main.code).toBe(1);
    const message = errorAnnotation(main.stdout);
    expect(message).toContain(
      'ACTIONS_ID_TOKEN_REQUEST_URL) refused the request (HTTP 401: "{"message":"try again"}")',
    );
    expect(message).toContain("ACTIONS_ID_TOKEN_REQUEST_TOKEN are set");
  });

  it("revokes a token it minted when a later step of its own fails, and says so", async () => {
    const main = await runActionStep("main", {
      idTokens: runner,
      inputs: { url: service.url },
      env: { GITHUB_OUTPUT: join(scratch, "no-such-folder", "output") },
    });
    expect(main.code).toBe(1);
    expect(errorAnnotation(main.stdout)).toMatch(/\nThe token it had issued was revoked\.$/);
    // The state was saved before the outputs that failed; the token is dead already.
    expect(main.state.token).toMatch(/^eyJ/);
    expect(await introspect(main.state.token)).toEqual({ active: false });
  });
});

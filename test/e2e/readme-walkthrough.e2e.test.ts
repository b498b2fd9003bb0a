/**
 * The README's "Try the service by hand" walkthrough, run as written: `./dev serve` (wrangler
 * dev, in a scratch copy of the repository), then the README's own shell blocks through bash
 * and curl, and their answers compared with the README's JSON. When the README and the service
 * drift apart, this fails.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort } from "../../scripts/local-service.mjs";
import { type ScratchCopy, scratchCopy } from "../support/scratch-copy";

const readme = readFileSync("README.md", "utf8");
const section = readme.slice(readme.indexOf("### Try the service by hand"), readme.indexOf("## The action"));
const blocks = (lang: string) =>
  [...section.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map((match) => match[1] ?? "");

let copy: ScratchCopy;
let serve: ChildProcess;
let port: number;
let serveLog = "";

beforeAll(async () => {
  copy = scratchCopy();
  port = await freePort();
  serve = spawn("./dev", ["serve"], {
    cwd: copy.dir,
    // Offline: were ./dev to think the copy needs an install, it fails rather than fetches.
    env: {
      ...process.env,
      PORT: String(port),
      WRANGLER_SEND_METRICS: "false",
      NO_COLOR: "1",
      npm_config_offline: "true",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  serve.stdout?.on("data", (chunk) => {
    serveLog += chunk;
  });
  serve.stderr?.on("data", (chunk) => {
    serveLog += chunk;
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (serve.exitCode !== null) throw new Error(`./dev serve exited ${serve.exitCode}:\n${serveLog}`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error(`./dev serve did not answer in 90 s:\n${serveLog}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}, 120_000);

afterAll(async () => {
  if (serve?.pid && serve.exitCode === null) {
    const exited = new Promise((resolve) => serve.once("exit", resolve));
    process.kill(-serve.pid, "SIGTERM");
    await exited;
  }
  copy?.remove();
});

it("the README names the blocks this test runs", () => {
  expect(blocks("sh")[0]).toContain("./dev serve");
  expect(blocks("sh")).toHaveLength(3);
  expect(blocks("json")).toHaveLength(2);
});

it("the walkthrough's exchange, replay and denial answer what the README shows", async () => {
  const [, exchange = "", denied = ""] = blocks("sh").map((block) => block.replaceAll("8787", String(port)));
  const [granted = "", denial = ""] = blocks("json");
  const replay = exchange.replace(/^TOKEN=.*\n/, "");
  expect(replay).not.toBe(exchange);
  const separator = "\n--- next ---\n";
  // One shell, as a reader's terminal: the replay reuses $TOKEN from the exchange.
  const script = [exchange, replay, denied].join(`\necho '${separator}'\n`);
  const { stdout } = await promisify(execFile)("bash", ["-euo", "pipefail", "-c", script], {
    cwd: copy.dir,
    env: process.env,
    timeout: 60_000,
  });
  const [first = "", second = "", third = ""] = stdout.split(separator).map((part) => JSON.parse(part));

  const expected = JSON.parse(granted.replace(/"eyJ[^"]*…"/, '"…"'));
  expect(Object.keys(first).sort()).toEqual(Object.keys(expected).sort());
  expect(first.access_token).toMatch(/^eyJhbGciOiJFUzI1NiIs[\w-]+\.[\w-]+\.[\w-]+$/);
  expect({ ...first, access_token: "…" }).toEqual(expected);

  const refusal = section.match(/it is refused \("([^"]+)"\)/)?.[1]?.replace(/\s+/g, " ");
  expect(refusal).toBeTruthy();
  expect(second).toEqual({ error: "invalid_request", error_description: refusal });

  expect(third).toEqual(JSON.parse(denial));
  // "The service's terminal shows one audit line per decision (ids and reasons, never a token)."
  expect(serveLog).toContain("token_exchange");
  expect(serveLog).toContain("allowed");
  expect(serveLog).toContain("denied");
  expect(serveLog).not.toContain(first.access_token);
});

it("the other endpoints the walkthrough names answer", async () => {
  for (const path of ["/.well-known/jwks.json", "/.well-known/oauth-authorization-server", "/healthz"]) {
    expect(section).toContain(path);
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    expect(response.status, path).toBe(200);
  }
});

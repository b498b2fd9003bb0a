/**
 * The README's "Try the service by hand" walkthrough, run as written: `./dev serve` (wrangler
 * dev, in a scratch copy of the repository), then the README's own shell blocks through bash
 * and curl, and their answers compared with the README's JSON. When the README and the service
 * drift apart, this fails.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort } from "../../scripts/local-service.mjs";
import { type DevServe, startDevServe, stopDevServe } from "../support/dev-serve";
import { type ScratchCopy, scratchCopy } from "../support/scratch-copy";

const readme = readFileSync("README.md", "utf8");
const sectionStart = readme.indexOf("### Try the service by hand");
// Up to the next heading of its level or above.
const section = readme.slice(sectionStart, sectionStart + 1 + readme.slice(sectionStart + 1).search(/\n##?#? /));
const blocks = (lang: string) =>
  [...section.matchAll(new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``, "g"))].map((match) => match[1] ?? "");

let copy: ScratchCopy;
let serve: DevServe | undefined;
let port: number;

beforeAll(async () => {
  copy = scratchCopy();
  port = await freePort();
  serve = await startDevServe(copy.dir, port);
}, 120_000);

afterAll(async () => {
  await stopDevServe(serve);
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
  expect(serve?.log()).toContain("token_exchange");
  expect(serve?.log()).toContain("allowed");
  expect(serve?.log()).toContain("denied");
  expect(serve?.log()).not.toContain(first.access_token);
});

it("the other endpoints the walkthrough names answer", async () => {
  for (const path of ["/.well-known/jwks.json", "/.well-known/oauth-authorization-server", "/healthz"]) {
    expect(section).toContain(path);
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    expect(response.status, path).toBe(200);
  }
});

/**
 * `downscope keys generate|rotate --out` through the built binary, on a real file system and a
 * real git repository: mode 0600, and no private key where git would track it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI = resolve("dist/cli.js");
let repo: string;
let outside: string;
const run = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, "keys", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "downscope-keys-repo-"));
  execFileSync("git", ["init", "-q"], { cwd: repo });
  writeFileSync(join(repo, ".gitignore"), "signing-keys.json\nnext.json\n");
  outside = mkdtempSync(join(tmpdir(), "downscope-keys-plain-"));
});
afterAll(() => {
  rmSync(repo, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe("keys --out, through the binary", () => {
  it("writes an ignored file in a repository with mode 0600, and prints no key", () => {
    const result = run(repo, "generate", "--alg", "ES256,RS256", "--out", "signing-keys.json");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    const file = join(repo, "signing-keys.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const keys = JSON.parse(readFileSync(file, "utf8")) as { d: string }[];
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(result.stderr).not.toContain(key.d);
  });

  it("rotates into another ignored file, and narrows an existing file's mode before writing", () => {
    const next = join(repo, "next.json");
    writeFileSync(next, "old\n");
    chmodSync(next, 0o644);
    const result = run(repo, "rotate", "--current", "signing-keys.json", "--alg", "RS256", "--out", "next.json");
    expect(result.status).toBe(0);
    expect(statSync(next).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(next, "utf8"))).toHaveLength(3);
  });

  it("refuses a path git would track, or one already tracked, and writes nothing", () => {
    const result = run(repo, "generate", "--out", "keys.json");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/git would track it/);
    expect(existsSync(join(repo, "keys.json"))).toBe(false);
    const nested = run(repo, "generate", "--out", "config/keys.json");
    expect(nested.status).toBe(1);
    expect(existsSync(join(repo, "config"))).toBe(false);
    // Tracked despite an ignore rule added later: still refused.
    writeFileSync(join(repo, "tracked.json"), "[]\n");
    execFileSync("git", ["add", "tracked.json"], { cwd: repo });
    writeFileSync(join(repo, ".gitignore"), "signing-keys.json\nnext.json\ntracked.json\n");
    expect(run(repo, "generate", "--out", "tracked.json").status).toBe(1);
    expect(readFileSync(join(repo, "tracked.json"), "utf8")).toBe("[]\n");
  });

  it("writes anywhere outside a repository", () => {
    const result = run(outside, "generate", "--out", "keys.json");
    expect(result.status).toBe(0);
    expect(statSync(join(outside, "keys.json")).mode & 0o777).toBe(0o600);
  });
});

describe("standard input, through the binary", () => {
  it("is read whole when another Node process writes into the pipe late (a non-blocking pipe)", () => {
    // As `./dev token | downscope policy explain … --claims -`: the writer is Node, and slow.
    const writer = `setTimeout(() => process.stdout.write(JSON.stringify({ repository: "acme/web", repository_id: "123456", ref: "refs/heads/main" })), 400)`;
    const result = spawnSync(
      "sh",
      [
        "-c",
        `"${process.execPath}" -e '${writer}' | "${process.execPath}" "${CLI}" policy explain "${resolve("examples/policy.yml")}" --claims - --environment staging`,
      ],
      { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } },
    );
    expect(result.stderr).not.toMatch(/EAGAIN|cannot read/);
    expect(result.stdout).toMatch(/ALLOW|DENY/);
  });
});

/**
 * An adopter's local loop, through the scripts as the README runs them, in a scratch copy of the
 * repository: `./dev serve --policy <their file>`, `./dev token` with flags that agree with each
 * other, the local service and `downscope policy explain` deciding every development token
 * alike, an invalid policy refused before anything starts, and a SIGTERM to `./dev serve` itself
 * stopping wrangler and workerd with it.
 */
import { execFile, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, postTokenExchange } from "../../scripts/local-service.mjs";
import { type DevServe, devEnv, startDevServe } from "../support/dev-serve";
import { type ScratchCopy, scratchCopy } from "../support/scratch-copy";

const run = promisify(execFile);
const POLICY = `version: 1
environments:
  prod:
    audience: https://api.octo.dev/prod
    scopes: [release:write]
    rules:
      - name: api releases from tags
        repository: octo/api
        repository_id: 42
        owner_id: 99
        ref: refs/tags/v*
        ref_type: tag
        environment: production
        workflow: octo/api/.github/workflows/release.yml@refs/tags/v*
        event: push
`;
// The flags an adopter passes for a job of theirs (the README's "Serve your own policy").
const JOB = [
  "--repository",
  "octo/api",
  "--repository-id",
  "42",
  "--owner-id",
  "99",
  "--environment",
  "production",
  "--workflow",
  ".github/workflows/release.yml",
];

let copy: ScratchCopy;
let serve: DevServe;
let port: number;
const env = () => devEnv(port);
const dev = (...args: string[]) => run("./dev", args, { cwd: copy.dir, env: env(), timeout: 60_000 });

/** Every process under `pid`, by walking /proc (Linux): wrangler, workerd and what they started. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const found: number[] = [];
  const walk = (at: number) => {
    for (const child of children.get(at) ?? []) {
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  copy = scratchCopy();
  writeFileSync(join(copy.dir, "my-policy.yml"), POLICY);
  port = await freePort();
  serve = await startDevServe(copy.dir, port, ["--policy", "my-policy.yml"]);
}, 120_000);

afterAll(() => {
  if (serve?.process.pid && serve.process.exitCode === null) serve.process.kill("SIGKILL");
  copy?.remove();
});

describe("./dev serve --policy and ./dev token", () => {
  it("serves the adopter's own policy, and says the development key stands in for GitHub's issuer", () => {
    expect(serve.log()).toContain("with my-policy.yml");
    expect(serve.log()).toContain(
      "the development key in .dev/ stands in for https://token.actions.githubusercontent.com",
    );
    // Offline, wrangler's own network calls are off: no DNS failures in the log.
    expect(serve.log()).not.toMatch(/ENOTFOUND|getaddrinfo/);
  });

  it("derives ref_type and the workflow refs from --ref, and takes --owner-id and --workflow", async () => {
    const { stdout } = await dev("token", ...JOB, "--ref", "refs/tags/v1.4.0", "--claims");
    expect(JSON.parse(stdout)).toMatchObject({
      iss: "https://token.actions.githubusercontent.com",
      aud: `http://127.0.0.1:${port}`,
      repository: "octo/api",
      repository_owner: "octo",
      repository_id: "42",
      repository_owner_id: "99",
      ref: "refs/tags/v1.4.0",
      ref_type: "tag",
      environment: "production",
      sub: "repo:octo/api:environment:production",
      job_workflow_ref: "octo/api/.github/workflows/release.yml@refs/tags/v1.4.0",
      workflow_ref: "octo/api/.github/workflows/release.yml@refs/tags/v1.4.0",
    });
    const branch = JSON.parse((await dev("token", "--ref", "refs/heads/dev", "--environment", "", "--claims")).stdout);
    expect(branch).toMatchObject({ ref_type: "branch", sub: "repo:acme/web:ref:refs/heads/dev" });
    expect(branch).not.toHaveProperty("environment");
  });

  it("--help lists every flag with its default; a bad flag says what it takes", async () => {
    const { stdout } = await dev("token", "--help");
    for (const flag of ["--repository OWNER/NAME   default acme/web", "--repository-id ID        default 123456"]) {
      expect(stdout).toContain(flag);
    }
    for (const flag of ["--owner-id", "--ref", "--environment", "--event", "--workflow", "--runner", "--issuer"]) {
      expect(stdout).toMatch(new RegExp(`${flag} [^\\n]*default`));
    }
    expect(stdout).toContain("--claim NAME=VALUE");
    const bad = await dev("token", "--ref", "main").catch((error: { code?: number; stderr?: string }) => error);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toContain(
      '--ref takes a full ref (refs/heads/NAME or refs/tags/NAME), got "main"',
    );
  });

  it("decides every development token as `policy explain` does, allowed and denied alike", async () => {
    const cases = [
      { flags: [...JOB, "--ref", "refs/tags/v1.4.0"], allowed: true },
      { flags: [...JOB, "--ref", "refs/heads/main"], allowed: false }, // a branch
      { flags: [...JOB, "--ref", "refs/tags/v1.4.0", "--owner-id", "100"], allowed: false },
      { flags: [...JOB, "--ref", "refs/tags/v1.4.0", "--environment", "staging"], allowed: false },
      { flags: [...JOB, "--ref", "refs/tags/v1.4.0", "--workflow", ".github/workflows/ci.yml"], allowed: false },
      { flags: [...JOB, "--ref", "refs/tags/v1.4.0", "--event", "workflow_dispatch"], allowed: false },
      { flags: ["--ref", "refs/tags/v1.4.0"], allowed: false }, // another repository
    ];
    for (const { flags, allowed } of cases) {
      const token = (await dev("token", ...flags)).stdout.trim();
      const response = await postTokenExchange(`http://127.0.0.1:${port}`, token, { environment: "prod" });
      // As the README pipes it: a token never goes on a command line.
      const explain = spawnSync(
        "./dev",
        ["downscope", "policy", "explain", "my-policy.yml", "--claims", "-", "--environment", "prod"],
        { cwd: copy.dir, env: env(), input: token, encoding: "utf8", timeout: 60_000 },
      );
      expect([0, 1], explain.stderr).toContain(explain.status);
      const explained = explain.status === 0;
      expect({ flags, service: response.status === 200, explain: explained }).toEqual({
        flags,
        service: allowed,
        explain: allowed,
      });
    }
  });

  it("refuses a token given to explain on its command line, without echoing it", async () => {
    const token = (await dev("token", ...JOB, "--ref", "refs/tags/v1.4.0")).stdout.trim();
    const refused = spawnSync("./dev", ["downscope", "policy", "explain", "my-policy.yml", "--claims", token], {
      cwd: copy.dir,
      env: env(),
      encoding: "utf8",
    });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("pipe it instead");
    expect(refused.stderr).not.toContain(token.split(".")[1]);
  });

  it("refuses an invalid policy before starting anything, and leaves .dev/ as it was", async () => {
    writeFileSync(
      join(copy.dir, "bad.yml"),
      "version: 1\nenvironments:\n  prod:\n    scopes: [x]\n    rules: [{ refs: main }]\n",
    );
    const before = readFileSync(join(copy.dir, ".dev/vars.env"), "utf8");
    const failed = await run("./dev", ["serve", "--policy", "bad.yml"], {
      cwd: copy.dir,
      env: { ...env(), PORT: String(await freePort()) },
      timeout: 60_000,
    }).catch((error: { code?: number; stderr?: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('unknown key, did you mean "ref"?');
    expect((failed as { stderr: string }).stderr).toContain("bad.yml is not a valid policy");
    expect(readFileSync(join(copy.dir, ".dev/vars.env"), "utf8")).toBe(before);
    const missing = await run("./dev", ["serve", "--policy", "nope.yml"], { cwd: copy.dir, env: env() }).catch(
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(missing).toMatchObject({ code: 2 });
  });

  it("stops wrangler and workerd with it when ./dev serve itself gets SIGTERM", async () => {
    const under = descendants(serve.process.pid as number);
    expect(under.length).toBeGreaterThan(1); // wrangler and workerd at least
    const exited = new Promise((resolve) => serve.process.once("exit", resolve));
    // To ./dev's own process only, as `kill <pid>` would: not to a process group.
    serve.process.kill("SIGTERM");
    await exited;
    const deadline = Date.now() + 15_000;
    while (under.some(alive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(under.filter(alive)).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // wrangler was asked first and stopped workerd itself: no alarming crash report on the way out.
    expect(serve.log()).not.toMatch(/crashed unexpectedly/i);
  });
});

/**
 * The npm package as a user gets it: `npm pack`, then installed into an empty project outside
 * the repository (no workspace, no node_modules around it), offline from the npm cache the
 * project's own install filled. Then the bin, the example policy, and an ESM script that
 * imports downscope/verify and downscope/verify/hono and verifies a real token.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
let scratch: string;
let packed: { filename: string; files: { path: string }[] };

const inScratch = (command: string, args: string[]) =>
  run(command, args, { cwd: join(scratch, "app"), env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "downscope-package-"));
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", scratch], { timeout: 60_000 });
  packed = JSON.parse(stdout)[0];
  await run("mkdir", [join(scratch, "app")]);
  // Offline, and whatever the npm cache holds (a test must not reach the network): jose and
  // hono (the optional peer downscope/verify/hono's users have anyway) come as tarballs packed
  // from the installed node_modules, and the lock names every tarball by path.
  const { stdout: deps } = await run(
    "npm",
    ["pack", "--json", "--pack-destination", scratch, "./node_modules/jose", "./node_modules/hono"],
    { timeout: 60_000 },
  );
  const [jose, hono] = (JSON.parse(deps) as { filename: string; version: string }[]).map((entry) => ({
    version: entry.version,
    resolved: `file:../${entry.filename}`,
  }));
  const tarball = `file:../${packed.filename}`;
  const dependencies = { downscope: tarball, hono: hono?.resolved, jose: jose?.resolved };
  writeFileSync(
    join(scratch, "app", "package.json"),
    JSON.stringify({ name: "app", private: true, type: "module", dependencies }),
  );
  writeFileSync(
    join(scratch, "app", "package-lock.json"),
    JSON.stringify({
      name: "app",
      lockfileVersion: 3,
      requires: true,
      packages: {
        "": { name: "app", dependencies },
        "node_modules/downscope": {
          version: pkg.version,
          resolved: tarball,
          license: pkg.license,
          dependencies: pkg.dependencies,
          peerDependencies: pkg.peerDependencies,
          peerDependenciesMeta: pkg.peerDependenciesMeta,
          bin: pkg.bin,
          engines: pkg.engines,
        },
        "node_modules/hono": hono,
        "node_modules/jose": jose,
      },
    }),
  );
  await inScratch("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"]);
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

it("the tarball holds what users run, and nothing else", () => {
  const paths = packed.files.map((file) => file.path).sort();
  expect(paths).toContain("dist/cli.js");
  expect(paths).toContain("dist/verify/index.js");
  expect(paths).toContain("dist/types/verify/index.d.ts");
  expect(paths).toContain("dist/types/verify/hono.d.ts");
  expect(paths).toEqual(expect.arrayContaining(["LICENSE", "README.md", "CHANGELOG.md", "package.json"]));
  const unexpected = paths.filter(
    (path) =>
      !/^(dist\/cli\.js|dist\/verify\/.+\.js|dist\/types\/(verify|protocol)\/.+\.d\.ts|LICENSE|README\.md|CHANGELOG\.md|package\.json)$/.test(
        path,
      ),
  );
  expect(unexpected).toEqual([]);
  expect(pkg.dependencies).toEqual({ jose: expect.any(String) });
});

it("npx downscope runs: --help, --version, and a check of the example policy", async () => {
  const help = await inScratch("npx", ["--offline", "downscope", "--help"]);
  expect(help.stdout).toContain("Usage: downscope");
  const version = await inScratch("npx", ["--offline", "downscope", "--version"]);
  expect(version.stdout.trim()).toBe(pkg.version);
  const check = await inScratch("npx", ["--offline", "downscope", "policy", "check", resolve("examples/policy.yml")]);
  expect(check.stdout).toMatch(/valid/i);
});

/** The script a downstream service would run: both entry points, a real token, a refusal. */
function writeVerifyScript(): void {
  writeFileSync(
    join(scratch, "app", "verify.mjs"),
    `
import { createServer } from "node:http";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { Hono } from "hono";
import { AccessTokenError, createAccessTokenVerifier } from "downscope/verify";
import { downscopeAuth } from "downscope/verify/hono";

const { publicKey, privateKey } = await generateKeyPair("ES256");
const jwk = { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" };
const jwks = createServer((request, response) => {
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ keys: [jwk] }));
});
await new Promise((done) => jwks.listen(0, "127.0.0.1", done));
const issuer = "http://127.0.0.1:" + jwks.address().port;
const audience = "https://deploy.acme.dev/staging";
const now = Math.floor(Date.now() / 1000);
const token = await new SignJWT({
  scope: "deploy:write", environment: "staging", repository: "acme/web", client_id: "acme/web",
  sub: "repo:acme/web:environment:staging", jti: "t1",
})
  .setProtectedHeader({ alg: "ES256", kid: "k1", typ: "at+jwt" })
  .setIssuer(issuer).setAudience(audience).setIssuedAt(now).setNotBefore(now).setExpirationTime(now + 300)
  .sign(privateKey);

const options = { issuer, audience, environment: "staging", scopes: ["deploy:write"] };
const verified = await createAccessTokenVerifier(options).verify(token, { scheme: "Bearer" });
let refused;
try {
  await createAccessTokenVerifier({ ...options, audience: "https://deploy.acme.dev/production" }).verify(token, { scheme: "Bearer" });
} catch (error) {
  refused = error instanceof AccessTokenError ? error.code : String(error);
}
const app = new Hono();
app.use("/deploy", downscopeAuth(options));
app.post("/deploy", (c) => c.json({ for: c.get("downscope").repository }));
const ok = await app.request("/deploy", { method: "POST", headers: { authorization: "Bearer " + token } });
const missing = await app.request("/deploy", { method: "POST" });
console.log(JSON.stringify({ repository: verified.repository, refused, hono: [ok.status, await ok.json(), missing.status] }));
jwks.close();
`,
  );
}
const VERIFIED = { repository: "acme/web", refused: "ERR_TOKEN_AUDIENCE", hono: [200, { for: "acme/web" }, 401] };

it("an ESM script imports downscope/verify and downscope/verify/hono and verifies a token", async () => {
  writeVerifyScript();
  const { stdout } = await inScratch(process.execPath, ["verify.mjs"]);
  expect(JSON.parse(stdout)).toEqual(VERIFIED);
});

// The other LTS lines `engines` promises (.node-lts; ./dev test fetches them into .tools/).
const LTS = readFileSync(".node-lts", "utf8")
  .split("\n")
  .filter((line) => /^\d+\.\d+\.\d+$/.test(line.trim()));

it("engines states the oldest LTS line tested, and .node-lts lists the others", () => {
  const majors = [...LTS, readFileSync(".node-version", "utf8").trim()].map((version) => Number(version.split(".")[0]));
  expect(pkg.engines.node).toBe(`>=${Math.min(...majors)}`);
  expect(majors.length).toBeGreaterThanOrEqual(3);
});

it.each(LTS)("on Node %s, the installed CLI checks a policy and the verifier verifies", async (version) => {
  const binary = join(
    ".tools",
    `node-${version}`,
    "node_modules",
    `node-${process.platform}-${process.arch}`,
    "bin",
    "node",
  );
  if (!existsSync(binary)) throw new Error(`no Node ${version} at ${binary}: ./dev test fetches it (see .node-lts)`);
  const node = resolve(binary);
  expect((await inScratch(node, ["--version"])).stdout.trim()).toBe(`v${version}`);
  writeVerifyScript();
  expect(JSON.parse((await inScratch(node, ["verify.mjs"])).stdout)).toEqual(VERIFIED);
  const check = await inScratch(node, [
    "node_modules/downscope/dist/cli.js",
    "policy",
    "check",
    resolve("examples/policy.yml"),
  ]);
  expect(check.stdout).toMatch(/valid/i);
  const keys = await inScratch(node, [
    "node_modules/downscope/dist/cli.js",
    "keys",
    "generate",
    "--alg",
    "ES256,RS256",
  ]);
  expect(JSON.parse(keys.stdout)).toHaveLength(2);
});

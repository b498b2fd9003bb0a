/**
 * Deployable as configured: every environment of wrangler.jsonc bundles offline with
 * `wrangler deploy --dry-run`, repeats every binding (Cloudflare does not inherit them), has its
 * own rate-limit namespaces and a custom domain that matches its issuer; the bundle holds no
 * YAML parser. A 10,000-rule policy builds, bundles and serves tokens from the bundled artifact
 * with no DOWNSCOPE_POLICY set.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { exportJWK, generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { experimental_readRawConfig } from "wrangler";
import { NO_POLICY_ARTIFACT } from "../../policy/artifact";
import { GITHUB_ISSUER, generateIssuerKey, githubClaims, signGithubToken } from "../../scripts/fake-github.mjs";
import { largePolicyClaims, largePolicyText } from "../../scripts/large-policy.mjs";
import { bundleWorker, type LocalService, postTokenExchange, startLocalService } from "../../scripts/local-service.mjs";
import { type ScratchCopy, scratchCopy } from "../support/scratch-copy";

const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), "downscope-deploy-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Deployment {
  vars?: Record<string, unknown>;
  routes?: unknown[];
  durable_objects?: { bindings?: { name: string }[] };
  ratelimits?: { name: string; namespace_id: string }[];
  observability?: { enabled?: boolean };
}
const rawConfig = experimental_readRawConfig({ config: "wrangler.jsonc" }).rawConfig as Deployment & {
  env?: Record<string, Deployment>;
};
const environments = Object.keys(rawConfig.env ?? {});
const BINDINGS = [
  "DOWNSCOPE_STATE",
  "DOWNSCOPE_RATE_LIMIT_CLIENT",
  "DOWNSCOPE_RATE_LIMIT_REPOSITORY",
  "DOWNSCOPE_ISSUER",
];

describe("wrangler.jsonc", () => {
  it("defines staging and production, each repeating every binding with its own rate-limit namespaces", () => {
    expect(environments).toEqual(["staging", "production"]);
    const namespaces: string[] = [];
    for (const config of [rawConfig, ...environments.map((name) => rawConfig.env?.[name])]) {
      expect(config?.durable_objects?.bindings?.map((binding) => binding.name)).toEqual(["DOWNSCOPE_STATE"]);
      expect(config?.ratelimits?.map((limit) => limit.name)).toEqual([
        "DOWNSCOPE_RATE_LIMIT_CLIENT",
        "DOWNSCOPE_RATE_LIMIT_REPOSITORY",
      ]);
      namespaces.push(...(config?.ratelimits ?? []).map((limit) => limit.namespace_id));
      expect(config?.vars?.DOWNSCOPE_ISSUER).toMatch(/^https:\/\//);
    }
    expect(new Set(namespaces).size).toBe(namespaces.length);
    expect(rawConfig.observability?.enabled).toBe(true);
  });

  it("serves each deployment at its issuer's host (a custom domain)", () => {
    for (const name of environments) {
      const config = rawConfig.env?.[name];
      const issuer = new URL(String(config?.vars?.DOWNSCOPE_ISSUER));
      expect(config?.routes, name).toEqual([{ pattern: issuer.host, custom_domain: true }]);
    }
  });

  it("writes the no-policy artifact the Worker understands when there is none to bundle", async () => {
    const cwd = mkdtempSync(join(scratch, "placeholder-"));
    const { stderr } = await run(process.execPath, [join(process.cwd(), "scripts/wrangler-build-step.mjs")], {
      cwd,
    });
    expect(JSON.parse(readFileSync(join(cwd, ".build/policy.json"), "utf8"))).toEqual(NO_POLICY_ARTIFACT);
    expect(stderr).toContain("bundling no policy (.build/policy.json)");
    expect(stderr).toContain("run `downscope policy build policy.yml`");
    // An artifact already there is never overwritten; every build says what it bundles.
    writeFileSync(join(cwd, ".build/policy.json"), '{"policy":"{}","policy_sha256":"abc"}\n');
    const again = await run(process.execPath, [join(process.cwd(), "scripts/wrangler-build-step.mjs")], {
      cwd,
    });
    expect(again.stderr).toBe("downscope: bundling policy sha256:abc from .build/policy.json\n");
  });
});

describe("wrangler deploy --dry-run, in a fresh copy of the repository", () => {
  let copy: ScratchCopy;
  beforeAll(() => {
    copy = scratchCopy();
  });
  afterAll(() => copy?.remove());
  const dryRun = (name: string) =>
    run(
      "node_modules/.bin/wrangler",
      ["deploy", "--dry-run", "--outdir", join(scratch, `dry-${name || "top"}`), ...(name ? ["--env", name] : [])],
      { cwd: copy.dir, env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" }, timeout: 120_000 },
    );

  it.each(environments)("refuses to build %s with no policy, saying which command makes one", async (name) => {
    const failed = await dryRun(name).then(
      () => undefined,
      (error: { code?: number; stdout?: string; stderr?: string }) => error,
    );
    expect(failed?.code).not.toBe(0);
    expect(`${failed?.stdout}${failed?.stderr}`).toContain(
      `downscope: no policy artifact at .build/policy.json: refusing to build the ${name} deployment. run \`downscope policy build policy.yml\``,
    );
  });

  it.each(["", ...environments])(
    "bundles offline with `wrangler deploy --dry-run --env %s`, naming the policy's digest",
    async (name) => {
      if (name === environments[0]) {
        // A deployment's artifact, as the operator makes it.
        await run(process.execPath, [join(process.cwd(), "dist/cli.js"), "policy", "build", "examples/policy.yml"], {
          cwd: copy.dir,
        });
      }
      const { stdout, stderr } = await dryRun(name);
      expect(stdout).toMatch(/Total Upload: [\d.]+ KiB \/ gzip: [\d.]+ KiB/);
      for (const binding of BINDINGS) expect(stdout).toContain(`env.${binding}`);
      const artifact = JSON.parse(readFileSync(join(copy.dir, ".build/policy.json"), "utf8"));
      expect(`${stdout}${stderr}`).toContain(
        name
          ? `downscope: bundling policy sha256:${artifact.policy_sha256} from .build/policy.json into ${name}`
          : "downscope: bundling no policy (.build/policy.json)",
      );
      const bundle = readFileSync(join(scratch, `dry-${name || "top"}`, "index.js"), "utf8");
      // The Worker parses no YAML: the yaml package's composer is not in it.
      expect(bundle).not.toContain("parseAllDocuments");
      expect(bundle).not.toContain("LineCounter");
    },
  );
});

describe("a 10,000-rule policy as a deployment carries it", () => {
  const RULES = 10_000;
  let service: LocalService | undefined;
  afterAll(() => service?.stop());

  it("builds, bundles, and serves tokens from the bundled artifact with no DOWNSCOPE_POLICY", async () => {
    const github = await generateIssuerKey();
    const policyFile = join(scratch, "large.yml");
    const artifact = join(scratch, "large.json");
    writeFileSync(
      policyFile,
      largePolicyText(RULES, { issuers: [{ issuer: GITHUB_ISSUER, jwks: { keys: [github.publicJwk] } }] }),
    );
    const built = await run(process.execPath, ["dist/cli.js", "policy", "build", policyFile, "--out", artifact], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(built.stdout).toMatch(/wrote .*large\.json: 20 environments, 10000 rules, [\d.]+ KiB, [\d.]+ KiB gzipped/);
    const { upload } = await bundleWorker({ artifact });
    expect(upload).toMatch(/Total Upload: [\d.]+ KiB \/ gzip: [\d.]+ KiB/);
    console.log(`10,000 rules: ${built.stdout.split("\n")[1]}; bundle: ${upload}`);

    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    service = await startLocalService({ artifact, signingKeys: [{ ...(await exportJWK(privateKey)), alg: "ES256" }] });
    const health = await (await fetch(`${service.url}/healthz`)).json();
    const digest = JSON.parse(readFileSync(artifact, "utf8")).policy_sha256;
    expect(health).toMatchObject({ status: "ok", policy_source: "bundled", policy_digest: digest });

    const exchangeFor = async (claims: Record<string, string>) => {
      const token = await signGithubToken(github.privateJwk, githubClaims({ aud: service?.url, ...claims }));
      return postTokenExchange(String(service?.url), token);
    };
    for (const i of [0, 4_321, RULES - 1]) {
      const response = await exchangeFor(largePolicyClaims(i, RULES));
      expect(response.status, `rule ${i}`).toBe(200);
      expect(await response.json()).toMatchObject({ environment: `env${i % 20}`, scope: "deploy:write logs:read" });
    }
    const stranger = await exchangeFor({ ...largePolicyClaims(7, RULES), repository_id: "424242424" });
    expect(stranger.status).toBe(400);
    expect(await stranger.json()).toMatchObject({ error: "invalid_target", denial: { covered: false } });
  });
});

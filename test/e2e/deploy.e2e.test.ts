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
import { afterAll, describe, expect, it } from "vitest";
import { experimental_readRawConfig } from "wrangler";
import { NO_POLICY_ARTIFACT } from "../../policy/artifact";
import { GITHUB_ISSUER, generateIssuerKey, githubClaims, signGithubToken } from "../../scripts/fake-github.mjs";
import { largePolicyClaims, largePolicyText } from "../../scripts/large-policy.mjs";
import { bundleWorker, type LocalService, postTokenExchange, startLocalService } from "../../scripts/local-service.mjs";

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

  it.each(["", ...environments])("bundles offline with `wrangler deploy --dry-run --env %s`", async (name) => {
    const outdir = join(scratch, `dry-${name || "top"}`);
    const { stdout } = await run(
      "node_modules/.bin/wrangler",
      ["deploy", "--dry-run", "--outdir", outdir, ...(name ? ["--env", name] : [])],
      { env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" }, timeout: 120_000 },
    );
    expect(stdout).toMatch(/Total Upload: [\d.]+ KiB \/ gzip: [\d.]+ KiB/);
    for (const binding of BINDINGS) expect(stdout).toContain(`env.${binding}`);
    const bundle = readFileSync(join(outdir, "index.js"), "utf8");
    // The Worker parses no YAML: the yaml package's composer is not in it.
    expect(bundle).not.toContain("parseAllDocuments");
    expect(bundle).not.toContain("LineCounter");
  });

  it("writes the no-policy artifact the Worker understands when there is none to bundle", async () => {
    const cwd = mkdtempSync(join(scratch, "placeholder-"));
    const { stderr } = await run(process.execPath, [join(process.cwd(), "scripts/policy-artifact-placeholder.mjs")], {
      cwd,
    });
    expect(JSON.parse(readFileSync(join(cwd, ".build/policy.json"), "utf8"))).toEqual(NO_POLICY_ARTIFACT);
    expect(stderr).toContain("run `downscope policy build policy.yml` first");
    // An artifact already there is never overwritten.
    const again = await run(process.execPath, [join(process.cwd(), "scripts/policy-artifact-placeholder.mjs")], {
      cwd,
    });
    expect(again.stderr).toBe("");
  });
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

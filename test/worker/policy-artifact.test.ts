/**
 * The policy as a build artifact (docs/operating.md): the bundled artifact serves when DOWNSCOPE_POLICY is
 * not set, the variable wins when it is (and says so), and a corrupt, foreign or mismatched
 * artifact fails closed with one clear line. A pre-validated policy decides exactly as a fully
 * compiled one, compiling rules only when a request concerns them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { canonicalJson, makePolicyArtifact, NO_POLICY_ARTIFACT, openPolicyArtifact } from "../../policy/artifact";
import { compilePolicyValue, PolicyArtifactError } from "../../policy/compile";
import { evaluatePolicy } from "../../policy/evaluate";
import { createApp } from "../../worker/app";
import { ConfigLoader, type Env } from "../../worker/config";
import type { LogRecord } from "../../worker/log";
import { exchange, githubToken, POLICY, policyJson, serviceEnv } from "../support/service";

const value = parse(POLICY);
const artifact = await makePolicyArtifact(POLICY, value, { warnings: ["a warning from the build"] });
const bundledEnv = (): Env => serviceEnv({ DOWNSCOPE_POLICY: undefined });

async function load(bundled: unknown, env: Env = bundledEnv()) {
  const logs: LogRecord[] = [];
  const state = await new ConfigLoader((record) => logs.push(record), bundled).load(env);
  return { state, logs };
}

describe("the bundled policy artifact", () => {
  it("serves tokens with no DOWNSCOPE_POLICY, and /healthz names its source and digest", async () => {
    const logs: LogRecord[] = [];
    const app = createApp({ policyArtifact: artifact, log: (record) => logs.push(record) });
    const response = await exchange(app, await githubToken(), {}, { env: bundledEnv() });
    expect(response.status).toBe(200);
    const health = await app.request("/healthz", {}, bundledEnv());
    expect(await health.json()).toMatchObject({ policy_source: "bundled", policy_digest: artifact.policy_sha256 });
    expect(logs).toContainEqual(
      expect.objectContaining({ level: "warn", event: "policy_lint", count: 1, first: ["a warning from the build"] }),
    );
    expect(logs.some((record) => record.event === "policy_from_variable")).toBe(false);
  });

  it("gives way to DOWNSCOPE_POLICY, and logs that it did", async () => {
    const other = policyJson(POLICY.replace("ttl: 5m", "ttl: 4m"));
    const { state, logs } = await load(artifact, serviceEnv({ DOWNSCOPE_POLICY: other }));
    expect(state.ok && state.config.policySource).toBe("DOWNSCOPE_POLICY");
    expect(logs).toContainEqual(expect.objectContaining({ level: "warn", event: "policy_from_variable" }));
  });

  it.each([
    ["the no-policy placeholder", NO_POLICY_ARTIFACT, "no policy: the Worker was bundled without one"],
    ["nothing at all", undefined, "no policy: the Worker was bundled without one"],
    ["a string", "version: 1", "is not a downscope policy artifact"],
    ["an array", [artifact], "is not a downscope policy artifact"],
    ["a policy instead of an artifact", value, "is not a downscope policy artifact"],
    ["another format version", { ...artifact, format_version: 2 }, "has format version 2; this service reads 1"],
    ["a missing format version", { ...artifact, format_version: undefined }, "has format version undefined"],
    ["an edited policy", { ...artifact, policy: artifact.policy.replace("5m", "1h") }, "digest does not match"],
    ["an edited digest", { ...artifact, policy_sha256: "0".repeat(64) }, "digest does not match"],
    ["no digest", { ...artifact, policy_sha256: undefined }, "malformed"],
    ["a policy object instead of text", { ...artifact, policy: value }, "malformed"],
  ])("fails closed on %s, saying why once", async (_name, bundled, message) => {
    const { state, logs } = await load(bundled);
    expect(state.ok).toBe(false);
    if (!state.ok) expect(state.problem).toContain(message);
    expect(logs.filter((record) => record.event === "config_invalid")).toHaveLength(1);
    const app = createApp({ policyArtifact: bundled, log: () => {} });
    expect((await exchange(app, await githubToken(), {}, { env: bundledEnv() })).status).toBe(503);
  });

  it("refuses an artifact whose policy is not JSON even with a matching digest", async () => {
    const text = "{not json";
    const forged = {
      ...artifact,
      policy: text,
      policy_sha256: (await makePolicyArtifact(text, 0, { warnings: [] })).source_sha256,
    };
    expect(await openPolicyArtifact(forged)).toMatchObject({ ok: false, problem: expect.stringContaining("not JSON") });
  });

  it("refuses an artifact whose environments are invalid, whatever its digest", async () => {
    const broken = await makePolicyArtifact(
      "",
      { ...value, environments: { staging: { scopes: "x" } } },
      { warnings: [] },
    );
    const { state } = await load(broken);
    expect(state.ok).toBe(false);
    if (!state.ok) expect(state.problem).toContain("the bundled policy is invalid");
  });

  it("fails closed when a rule it compiles on first use is invalid after all (an artifact of another version)", async () => {
    const forged = structuredClone(value);
    forged.environments.staging.rules[0].ref = ["heads/main"];
    const logs: LogRecord[] = [];
    const app = createApp({
      policyArtifact: await makePolicyArtifact("", forged, { warnings: [] }),
      log: (r) => logs.push(r),
    });
    const response = await exchange(app, await githubToken(), {}, { env: bundledEnv() });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: "temporarily_unavailable" });
    expect(logs).toContainEqual(
      expect.objectContaining({ event: "config_invalid", problem: expect.stringContaining("rules[0].ref") }),
    );
  });

  it("has one spelling per policy: canonical JSON sorts keys at every depth and keeps list order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    expect(canonicalJson(parse(POLICY))).toBe(canonicalJson(JSON.parse(JSON.stringify(parse(POLICY)))));
  });
});

describe("a pre-validated policy", () => {
  const eager = compilePolicyValue(value);
  const lazy = compilePolicyValue(value, { prevalidated: true });

  it("compiles no rule until a request concerns it, and does not lint again", () => {
    const forged = structuredClone(value);
    forged.environments.staging.rules[1].ref = ["not-a-ref"]; // globex/api's rule
    expect(compilePolicyValue(forged).ok).toBe(false);
    const loaded = compilePolicyValue(forged, { prevalidated: true });
    if (!loaded.ok) throw new Error("a pre-validated policy validates its environments only");
    expect(loaded.warnings).toEqual([]);
    expect(loaded.policy.environments.get("staging")?.ruleCount).toBe(2);
    const iss = "https://token.actions.githubusercontent.com";
    const acme = { iss, repository: "acme/web", repository_id: "123456", environment: "staging" };
    expect(evaluatePolicy(loaded.policy, acme, {}).allowed).toBe(false); // rule 0 compiled, not matched
    const globex = { iss, repository: "globex/api", repository_id: "999", ref: "refs/heads/main" };
    expect(() => evaluatePolicy(loaded.policy, globex, { environment: "staging" })).toThrow(PolicyArtifactError);
  });

  it("decides exactly as the fully compiled policy, for any identity and request", () => {
    if (!eager.ok || !lazy.ok) throw new Error("does not compile");
    const pick = <T>(...items: T[]) => fc.constantFrom(...items);
    fc.assert(
      fc.property(
        fc.record({
          repository: pick("acme/web", "ACME/Web", "globex/api", "acme/other"),
          repository_id: pick("123456", "999", "1"),
          repository_owner_id: pick("7890", "5"),
          ref: pick("refs/heads/main", "refs/heads/release/1", "refs/heads/feature", "refs/tags/v1"),
          ref_type: pick("branch", "tag"),
          environment: pick("staging", "production", "Staging"),
          event_name: pick("push", "workflow_dispatch", "pull_request_target"),
          runner_environment: pick("github-hosted", "self-hosted"),
          actor: pick("octocat", "mallory"),
          job_workflow_ref: pick("acme/web/.github/workflows/deploy.yml@refs/heads/main", "acme/web/x.yml@y"),
        }),
        fc.record({ environment: fc.option(pick("staging", "production", "nope"), { nil: undefined }) }),
        fc.option(fc.subarray(["deploy:write", "logs:read", "admin"]), { nil: undefined }),
        (claims, request, scopes) => {
          const ask = { ...request, scopes };
          const a = evaluatePolicy(eager.policy, claims, ask);
          const b = evaluatePolicy(lazy.policy, claims, ask);
          const shape = (d: typeof a) =>
            d.allowed
              ? { allowed: true, rule: d.rule.label, scopes: d.scopes, ttl: d.ttl }
              : { allowed: false, error: d.error, reason: d.reason, denial: d.denial, refused: d.refusedScopes };
          expect(shape(b)).toEqual(shape(a));
        },
      ),
      { numRuns: 500 },
    );
  });
});

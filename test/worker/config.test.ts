import { describe, expect, it } from "vitest";
import { importSigningKeys, SigningKeyError } from "../../protocol/signing-keys";
import { ConfigLoader, type Env } from "../../worker/config";
import type { LogRecord } from "../../worker/log";
import {
  exchange,
  githubToken,
  newSigningJwk,
  POLICY,
  policyJson,
  serviceEnv,
  signingJwk,
  testApp,
} from "../support/service";

async function load(env: Env) {
  const logs: LogRecord[] = [];
  const state = await new ConfigLoader((record) => logs.push(record)).load(env);
  return { state, logs };
}

async function problemOf(env: Env) {
  const { state, logs } = await load(env);
  expect(state.ok).toBe(false);
  if (state.ok) return "";
  // Said once, clearly, in the log.
  expect(logs.filter((record) => record.event === "config_invalid")).toEqual([
    { level: "error", event: "config_invalid", problem: state.problem },
  ]);
  return state.problem;
}

describe("configuration fails closed", () => {
  it.each([
    ["no issuer", { DOWNSCOPE_ISSUER: undefined }, "DOWNSCOPE_ISSUER is not set"],
    ["an http issuer", { DOWNSCOPE_ISSUER: "http://downscope.example.com" }, "must be an https URL"],
    ["an issuer with a query", { DOWNSCOPE_ISSUER: "https://downscope.example.com/?a=b" }, "must not carry"],
    ["no policy", { DOWNSCOPE_POLICY: undefined }, "no policy: the Worker was bundled without one"],
    ["a YAML policy variable", { DOWNSCOPE_POLICY: POLICY }, "DOWNSCOPE_POLICY is not JSON (the Worker reads no YAML)"],
    [
      "an invalid policy",
      { DOWNSCOPE_POLICY: policyJson(POLICY.replace("ref_type: branch", "ref_typ: branch")) },
      'unknown key, did you mean "ref_type"?',
    ],
    ["no signing key", { DOWNSCOPE_SIGNING_KEYS: undefined }, "DOWNSCOPE_SIGNING_KEYS is not set"],
    ["a key that is not JSON", { DOWNSCOPE_SIGNING_KEYS: "-----BEGIN PRIVATE KEY-----" }, "is not JSON"],
    ["an empty key array", { DOWNSCOPE_SIGNING_KEYS: "[]" }, "empty array"],
    [
      "a policy that trusts the service itself",
      { DOWNSCOPE_POLICY: policyJson(`issuers: [{issuer: "https://downscope.example.com"}]\n${POLICY}`) },
      "accept its own tokens",
    ],
  ])("refuses to issue with %s", async (_name, overrides, message) => {
    expect(await problemOf(serviceEnv(overrides as Partial<Env>))).toContain(message);
    const { app } = testApp();
    const response = await exchange(app, await githubToken(), {}, { env: serviceEnv(overrides as Partial<Env>) });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: "temporarily_unavailable" });
  });

  it("allows http on loopback for local runs", async () => {
    const { state } = await load(serviceEnv({ DOWNSCOPE_ISSUER: "http://127.0.0.1:8787" }));
    expect(state.ok).toBe(true);
  });

  it("generates an ephemeral key only with DOWNSCOPE_DEV=1, and says so", async () => {
    const local = { DOWNSCOPE_ISSUER: "http://127.0.0.1:8787", DOWNSCOPE_SIGNING_KEYS: undefined };
    const { state, logs } = await load(serviceEnv({ ...local, DOWNSCOPE_DEV: "1" }));
    expect(state.ok).toBe(true);
    expect(logs).toContainEqual(expect.objectContaining({ level: "warn", event: "dev_signing_key" }));
    expect((await load(serviceEnv({ ...local, DOWNSCOPE_DEV: "true" }))).state.ok).toBe(false);
  });

  it("logs lint warnings at load, and never key material", async () => {
    const { logs } = await load(serviceEnv());
    expect(logs).toContainEqual(expect.objectContaining({ level: "warn", event: "policy_lint" }));
    expect(JSON.stringify(logs)).not.toContain(String(signingJwk.d));
  });

  it("logs one line for any number of lint warnings, with the count and the first few", async () => {
    const rules = Array.from(
      { length: 1000 },
      (_, i) => `      - { repository: acme/r${i}, repository_id: ${i + 1}, ref: refs/heads/main }`,
    );
    const noisy = `version: 1\nenvironments:\n  staging:\n    scopes: [deploy]\n    rules:\n${rules.join("\n")}\n`;
    const { state, logs } = await load(serviceEnv({ DOWNSCOPE_POLICY: policyJson(noisy) }));
    expect(state.ok).toBe(true);
    const lint = logs.filter((record) => record.event === "policy_lint");
    expect(lint).toHaveLength(1);
    expect(lint[0]).toMatchObject({ count: 1000, message: expect.stringContaining("1000 lint warnings") });
    expect(lint[0].first).toHaveLength(5);
  });

  it("takes how long stale issuer keys are served, and refuses a bound that is not a duration of at most 7 days", async () => {
    expect((await load(serviceEnv())).state).toMatchObject({ ok: true, config: { issuerKeysMaxStaleMs: 86_400_000 } });
    expect((await load(serviceEnv({ DOWNSCOPE_ISSUER_KEYS_MAX_STALE: "90m" }))).state).toMatchObject({
      config: { issuerKeysMaxStaleMs: 5_400_000 },
    });
    for (const value of ["forever", "8000h", "-1"]) {
      expect((await load(serviceEnv({ DOWNSCOPE_ISSUER_KEYS_MAX_STALE: value }))).state, value).toEqual({
        ok: false,
        problem: "DOWNSCOPE_ISSUER_KEYS_MAX_STALE must be a duration of at most 7 days, such as 24h, 90m or 3600",
      });
    }
  });

  it("loads once per set of binding values", async () => {
    const logs: LogRecord[] = [];
    const loader = new ConfigLoader((record) => logs.push(record));
    const env = serviceEnv();
    const first = await loader.load(env);
    expect(await loader.load({ ...env })).toBe(first);
    expect(logs.filter((record) => record.event === "config_loaded")).toHaveLength(1);
    await loader.load(serviceEnv({ DOWNSCOPE_POLICY: `${policyJson(POLICY)}\n` }));
    expect(logs.filter((record) => record.event === "config_loaded")).toHaveLength(2);
  });
});

describe("signing keys", () => {
  async function keyProblem(value: unknown): Promise<string> {
    try {
      await importSigningKeys(typeof value === "string" ? value : JSON.stringify(value));
      return "accepted";
    } catch (error) {
      expect(error).toBeInstanceOf(SigningKeyError);
      return (error as Error).message;
    }
  }

  it("accepts one key or an array, defaulting alg to ES256 and kid to the thumbprint", async () => {
    const { alg: _alg, ...noAlg } = await newSigningJwk("ES256");
    const set = await importSigningKeys(JSON.stringify(noAlg));
    expect(set.active.alg).toBe("ES256");
    expect(set.active.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(set.active.privateKey.extractable).toBe(false);
  });

  it("refuses what is not a private key of the stated algorithm", async () => {
    const es = await newSigningJwk("ES256", "a");
    const { d: _d, ...publicOnly } = es;
    expect(await keyProblem(publicOnly)).toMatch(/not a private key/);
    expect(await keyProblem({ ...es, alg: "HS256" })).toMatch(/alg must be one of ES256, EdDSA, RS256/);
    expect(await keyProblem({ ...es, alg: "RS256" })).toMatch(/must have kty RSA/);
    expect(await keyProblem({ ...es, crv: "P-384" })).toMatch(/crv P-256/);
    expect(await keyProblem({ ...es, x: "AAAA" })).toMatch(/does not import/);
    expect(await keyProblem([es, es])).toMatch(/kid "a" is used twice/);
    expect(await keyProblem("[1]")).toMatch(/not a JWK object/);
    expect(await keyProblem({ kty: "oct", k: "c2VjcmV0", alg: "ES256" })).toMatch(/must have kty EC/);
  });

  it("never puts key material in its messages", async () => {
    const es = await newSigningJwk("ES256", "a");
    const message = await keyProblem({ ...es, x: "AAAA" });
    expect(message).not.toContain(String(es.d));
  });
});

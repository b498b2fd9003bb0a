import { listDurableObjectIds, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ERROR_DESCRIPTIONS } from "../../worker/http/errors";
import { STATE_SHARDS, tokenLedger } from "../../worker/state/ledger";
import type { TokenState } from "../../worker/state/token-state";
import {
  errorOf,
  exchange,
  githubToken,
  POLICY,
  policyJson,
  postForm,
  serviceEnv,
  signingJwk,
  testApp,
  testBindings,
} from "../support/service";

type Granted = { access_token: string };
const namespace = testBindings.DOWNSCOPE_STATE as DurableObjectNamespace<TokenState>;

async function mint(app = testApp().app): Promise<string> {
  const response = await exchange(app, await githubToken());
  expect(response.status).toBe(200);
  return ((await response.json()) as Granted).access_token;
}

describe("single-use subject tokens", () => {
  it("refuses the same token the second time", async () => {
    const { app, audits } = testApp();
    const token = await githubToken();
    expect((await exchange(app, token)).status).toBe(200);
    const again = await exchange(app, token);
    expect(again.status).toBe(400);
    expect(await errorOf(again)).toEqual({
      error: "invalid_request",
      error_description: ERROR_DESCRIPTIONS.subject_token_replayed,
    });
    expect(audits().at(-1)).toMatchObject({ decision: "denied", reason: "subject_token_replayed" });
    // Another isolate (another app) shares the record: it lives in the Durable Object.
    expect((await exchange(testApp().app, token)).status).toBe(400);
  });

  it("refuses re-spellings of a spent token: the record is by issuer and jti, not by text", async () => {
    const { app } = testApp();
    const jti = crypto.randomUUID();
    expect((await exchange(app, await githubToken({ jti }))).status).toBe(200);
    // A different token text (new signature, other claims) with the same jti is the same token.
    const respelled = await githubToken({ jti, run_attempt: "2" });
    expect(await errorOf(await exchange(app, respelled))).toMatchObject({
      error_description: ERROR_DESCRIPTIONS.subject_token_replayed,
    });
    // Padded base64 never reaches the record: it is refused as malformed first.
    const [h, p, s] = (await githubToken({ jti })).split(".");
    expect(await errorOf(await exchange(app, `${h}.${p}==.${s}`))).toMatchObject({
      error_description: ERROR_DESCRIPTIONS.subject_token_malformed,
    });
  });

  it("lets exactly one of 50 concurrent exchanges of one token through", async () => {
    const { app } = testApp();
    const token = await githubToken();
    const responses = await Promise.all(Array.from({ length: 50 }, () => exchange(app, token)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 400)).toHaveLength(49);
  });

  it("does not spend a token on a denied request", async () => {
    const { app } = testApp();
    const jti = crypto.randomUUID();
    expect((await exchange(app, await githubToken({ jti }), { scope: "admin" })).status).toBe(400);
    expect((await exchange(app, await githubToken({ jti }))).status).toBe(200);
  });

  it("fails closed when the store cannot answer: 503 and no token", async () => {
    const broken = {
      idFromName: (name: string) => namespace.idFromName(name),
      get: () => ({
        claim: async () => {
          throw new Error("storage offline");
        },
        has: async () => {
          throw new Error("storage offline");
        },
      }),
    } as unknown as DurableObjectNamespace<TokenState>;
    const { app, audits } = testApp();
    const response = await exchange(app, await githubToken(), {}, { env: serviceEnv({ DOWNSCOPE_STATE: broken }) });
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: "temporarily_unavailable",
      error_description: ERROR_DESCRIPTIONS.state_unavailable,
    });
    expect(text).not.toContain("access_token");
    expect(audits().at(-1)).toMatchObject({ decision: "denied", status: 503, reason: "state_unavailable" });

    const unbound = await exchange(app, await githubToken(), {}, { env: serviceEnv({ DOWNSCOPE_STATE: undefined }) });
    expect(unbound.status).toBe(503);
    expect((await errorOf(unbound)).error_description).toBe(ERROR_DESCRIPTIONS.misconfigured);
  });
});

describe("the state objects", () => {
  it("forget a record once its time has passed, and keep the rest", async () => {
    const stub = namespace.get(namespace.idFromName("expiry-test"));
    const past = Date.now() - 1000;
    const future = Date.now() + 3_600_000;
    expect(await stub.claim("old", past)).toBe(true);
    expect(await stub.claim("new", future)).toBe(true);
    expect(await stub.claim("old", past)).toBe(false);
    expect(await stub.size()).toBe(2);
    const alarm = await runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
    expect(alarm).not.toBeNull();
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await stub.size()).toBe(1);
    expect(await stub.has("old")).toBe(false);
    expect(await stub.has("new")).toBe(true);
    // The next sweep is due when the remaining record expires.
    const next = await runInDurableObject(stub, (_instance, state) => state.storage.getAlarm());
    expect(next).toBeGreaterThanOrEqual(future);
  });

  it("spread tokens over many objects, one object per token", async () => {
    const ledger = tokenLedger(namespace);
    const before = new Set((await listDurableObjectIds(namespace)).map((id) => id.toString()));
    for (let i = 0; i < 40; i++)
      await ledger.claimSubjectToken("https://issuer.example", `spread-${i}`, Date.now() + 60_000, `exchange-${i}`);
    const after = (await listDurableObjectIds(namespace)).map((id) => id.toString()).filter((id) => !before.has(id));
    expect(after.length).toBeGreaterThan(25);
    expect(STATE_SHARDS).toBe(256);
  });
});

describe("revocation and introspection", () => {
  it("introspects a live token as active with its claims, then inactive once revoked", async () => {
    const { app, logs } = testApp();
    const token = await mint(app);
    const before = await postForm(app, "/introspect", { token });
    expect(before.status).toBe(200);
    expect(before.headers.get("cache-control")).toBe("no-store");
    const claims = (await before.json()) as Record<string, unknown>;
    expect(claims).toMatchObject({
      active: true,
      environment: "staging",
      scope: "deploy:write",
      token_type: "Bearer",
      client_id: "acme/web",
    });

    const revoked = await postForm(app, "/revoke", { token, token_type_hint: "access_token" });
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toBe("");
    expect(await (await postForm(app, "/introspect", { token })).json()).toEqual({ active: false });
    // Idempotent.
    expect((await postForm(app, "/revoke", { token })).status).toBe(200);
    expect(logs).toContainEqual({ level: "info", event: "token_revocation", revoked: true, jti: claims.jti });
    expect(JSON.stringify(logs)).not.toContain(token);
  });

  it("answers unknown, malformed, expired and foreign tokens as inactive, and revoke accepts them", async () => {
    const { app } = testApp();
    const token = await mint(app);
    const subject = await githubToken();
    const [h, p] = token.split(".");
    const expiredApp = testApp({ now: () => Date.now() + 2 * 3600_000 }).app;
    const cases: [string, ReturnType<typeof testApp>["app"]][] = [
      ["not-a-token", app],
      ["a.b.c", app],
      [`${h}.${p}.AAAA`, app],
      [subject, app],
      [token, expiredApp],
      ["x".repeat(9000), app],
    ];
    for (const [candidate, on] of cases) {
      const introspected = await postForm(on, "/introspect", { token: candidate });
      expect(introspected.status).toBe(200);
      expect(await introspected.json()).toEqual({ active: false });
      expect((await postForm(on, "/revoke", { token: candidate })).status).toBe(200);
    }
    // A token signed by a key the service no longer has is not active either.
    const otherKeys = serviceEnv({ DOWNSCOPE_SIGNING_KEYS: JSON.stringify([{ ...signingJwk, kid: "renamed" }]) });
    expect(await (await postForm(testApp().app, "/introspect", { token }, otherKeys)).json()).toEqual({
      active: false,
    });
  });

  it("refuses malformed revocation and introspection requests", async () => {
    const { app } = testApp();
    for (const path of ["/revoke", "/introspect"]) {
      expect(await errorOf(await postForm(app, path, {}))).toMatchObject({
        error: "invalid_request",
        error_description: ERROR_DESCRIPTIONS.missing_parameter,
      });
      const json = await app.request(
        path,
        { method: "POST", headers: { "content-type": "application/json" }, body: "{}" },
        serviceEnv(),
      );
      expect(json.status).toBe(400);
      const twice = await app.request(
        path,
        { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "token=a&token=b" },
        serviceEnv(),
      );
      expect((await errorOf(twice)).error_description).toBe(ERROR_DESCRIPTIONS.repeated_parameter);
    }
  });

  it("keeps a revoked token inactive in every isolate", async () => {
    const token = await mint();
    await postForm(testApp().app, "/revoke", { token });
    expect(await (await postForm(testApp().app, "/introspect", { token })).json()).toEqual({ active: false });
  });
});

describe("rate limits", () => {
  it("limits by repository after verification, with Retry-After, leaving other repositories alone", async () => {
    const { app, audits } = testApp();
    const limited = serviceEnv({ DOWNSCOPE_RATE_LIMIT_REPOSITORY: testBindings.TEST_RATE_LIMIT_3 });
    const repository = String(100_000 + Math.floor(Math.random() * 800_000));
    const policy = policyJson(POLICY.replace("repository_id: 999", `repository_id: ${repository}`));
    const env = { ...limited, DOWNSCOPE_POLICY: policy };
    const claims = { repository: "globex/api", repository_id: repository, repository_owner_id: "5" };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await exchange(app, await githubToken(claims), {}, { env })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const last = await exchange(app, await githubToken(claims), {}, { env });
    expect(last.status).toBe(429);
    expect(last.headers.get("retry-after")).toBe("60");
    expect(await errorOf(last)).toEqual({ error: "slow_down", error_description: ERROR_DESCRIPTIONS.rate_limited });
    expect(audits().at(-1)).toMatchObject({ status: 429, reason: "rate_limited", repository_id: repository });
    // acme/web is another repository: untouched.
    expect((await exchange(app, await githubToken(), {}, { env })).status).toBe(200);
  });

  it("limits by client address before any verification", async () => {
    const { app } = testApp();
    const env = serviceEnv({ DOWNSCOPE_RATE_LIMIT_CLIENT: testBindings.TEST_RATE_LIMIT_3 });
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const headers = { "cf-connecting-ip": address };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await exchange(app, "garbage", {}, { env, headers })).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
    const other = await exchange(
      app,
      await githubToken(),
      {},
      { env, headers: { "cf-connecting-ip": "198.51.100.7" } },
    );
    expect(other.status).toBe(200);
    const revoke = await postForm(app, "/revoke", { token: "x" }, env);
    expect(revoke.status).toBe(200);
  });

  it("lets requests through when the limiter itself fails, and logs it", async () => {
    const { app, logs } = testApp();
    const failing = { limit: async () => Promise.reject(new Error("limiter down")) } as unknown as RateLimit;
    const env = serviceEnv({ DOWNSCOPE_RATE_LIMIT_CLIENT: failing, DOWNSCOPE_RATE_LIMIT_REPOSITORY: failing });
    expect((await exchange(app, await githubToken(), {}, { env })).status).toBe(200);
    expect(logs.filter((record) => record.event === "rate_limit_failed")).toHaveLength(2);
  });
});

/**
 * Narrowing a token of this service for a sub-task (docs/narrowing.md), inside workerd with the real
 * Durable Objects: the child is never wider than its parent, every refusal has its own reason,
 * DPoP-bound parents need their key, depth is bounded, and revoking a parent cascades.
 */
import { createLocalJWKSet, decodeJwt, importJWK, jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createDpopProof, type DpopKey, generateDpopKey } from "../../protocol/dpop-key";
import { ERROR_DESCRIPTIONS, type ErrorReason } from "../../worker/http/errors";
import {
  errorOf,
  exchange,
  githubToken,
  ISSUER,
  newSigningJwk,
  POLICY,
  policyJson,
  postForm,
  serviceEnv,
  signingJwk,
  testApp,
} from "../support/service";

const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
const NARROWING_POLICY = POLICY.replace("    max_ttl: 30m\n", "    max_ttl: 30m\n    narrowing: allowed\n");
const env = serviceEnv({ DOWNSCOPE_POLICY: policyJson(NARROWING_POLICY) });
type Granted = { access_token: string; token_type: string; scope: string; expires_in: number; environment: string };

/** A job's own token for staging (deploy:write logs:read, 10 min), optionally bound to `key`. */
async function jobToken(app: ReturnType<typeof testApp>["app"], key?: DpopKey, params: Record<string, string> = {}) {
  const headers = key ? { dpop: await createDpopProof(key, { method: "POST", url: `${ISSUER}/token` }) } : undefined;
  const response = await exchange(
    app,
    await githubToken(),
    { scope: "deploy:write logs:read", ...params },
    { env, ...(headers ? { headers } : {}) },
  );
  expect(response.status).toBe(200);
  return ((await response.json()) as Granted).access_token;
}

async function narrow(
  app: ReturnType<typeof testApp>["app"],
  token: string,
  params: Record<string, string> = {},
  options: { key?: DpopKey; env?: typeof env } = {},
) {
  const headers = options.key
    ? { dpop: await createDpopProof(options.key, { method: "POST", url: `${ISSUER}/token` }) }
    : undefined;
  return exchange(
    app,
    token,
    { subject_token_type: ACCESS_TOKEN_TYPE, ...params },
    { env: options.env ?? env, ...(headers ? { headers } : {}) },
  );
}

async function refused(response: Response, error: string, reason: ErrorReason, extra: Record<string, unknown> = {}) {
  expect(response.status, reason).toBe(400);
  expect(await errorOf(response), reason).toEqual({ error, error_description: ERROR_DESCRIPTIONS[reason], ...extra });
}

const introspect = async (app: ReturnType<typeof testApp>["app"], token: string) =>
  ((await (await postForm(app, "/introspect", { token }, env)).json()) as { active: boolean }).active;

describe("narrowing a token (docs/narrowing.md)", () => {
  it("mints a child with fewer scopes, the parent's identity and audience, one more act level, and its lineage", async () => {
    const { app, audits } = testApp();
    const parentToken = await jobToken(app);
    const parent = decodeJwt(parentToken);
    const response = await narrow(app, parentToken, { scope: "logs:read", expires_in: "120" });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as Granted;
    expect(body).toEqual({
      access_token: expect.any(String),
      issued_token_type: ACCESS_TOKEN_TYPE,
      token_type: "Bearer",
      expires_in: 120,
      scope: "logs:read",
      environment: "staging",
    });
    const jwks = createLocalJWKSet(
      (await (await app.request("/.well-known/jwks.json", {}, env)).json()) as Parameters<typeof createLocalJWKSet>[0],
    );
    const { payload: child, protectedHeader } = await jwtVerify(body.access_token, jwks, {
      issuer: ISSUER,
      audience: "https://deploy.acme.dev/staging",
      typ: "at+jwt",
    });
    expect(protectedHeader.kid).toBe(parent.kid ?? protectedHeader.kid);
    const same = [
      "iss",
      "sub",
      "aud",
      "client_id",
      "environment",
      "repository",
      "repository_id",
      "repository_owner_id",
    ];
    for (const claim of [...same, "ref", "sha", "job_workflow_ref", "run_id", "run_attempt", "event_name"]) {
      expect(child[claim], claim).toEqual(parent[claim]);
    }
    expect(child.scope).toBe("logs:read");
    expect(child.exp).toBe((child.iat as number) + 120);
    expect(child.jti).not.toBe(parent.jti);
    expect(child.act).toEqual({ iss: ISSUER, sub: parent.sub, act: parent.act });
    expect(child.parent_jti).toBe(parent.jti);
    expect(child.ancestor_jtis).toEqual([parent.jti]);
    expect(child.cnf).toBeUndefined();
    expect(Object.keys(child).sort()).toEqual(
      [...Object.keys(parent), "parent_jti", "ancestor_jtis"].filter((key) => key !== "cnf").sort(),
    );
    expect(audits().at(-1)).toMatchObject({
      event: "token_exchange",
      grant: "narrowing",
      decision: "allowed",
      environment: "staging",
      parent_jti: parent.jti,
      depth: 1,
      jti: child.jti,
      repository: "acme/web",
    });
    // The parent is untouched and may be narrowed again (no single use).
    expect(await introspect(app, parentToken)).toBe(true);
    expect((await narrow(app, parentToken, { scope: "deploy:write" })).status).toBe(200);
  });

  it("defaults to the parent's scopes, and never outlives the parent", async () => {
    let clock = Date.now();
    const { app } = testApp({ now: () => clock });
    const parentToken = await jobToken(app, undefined, { expires_in: "300" });
    const parentExp = decodeJwt(parentToken).exp as number;
    clock += 200_000; // 200 s later: 100 s left
    const body = (await (await narrow(app, parentToken, { expires_in: "900" })).json()) as Granted;
    expect(body.scope).toBe("deploy:write logs:read");
    expect(body.expires_in).toBe(parentExp - Math.floor(clock / 1000));
    expect(decodeJwt(body.access_token).exp).toBe(parentExp);
    clock += 101_000;
    await refused(await narrow(app, parentToken), "invalid_request", "parent_token_expired");
  });

  it("refuses scopes beyond the parent's, naming them, even where the environment offers them", async () => {
    const { app } = testApp();
    const parentToken = await jobToken(app, undefined, { scope: "logs:read" });
    await refused(
      await narrow(app, parentToken, { scope: "logs:read deploy:write admin" }),
      "invalid_scope",
      "scope_not_in_parent",
      {
        refused_scopes: ["deploy:write", "admin"],
      },
    );
    // A scope the environment no longer offers is refused too, though the parent has it.
    const shrunk = serviceEnv({
      DOWNSCOPE_POLICY: policyJson(
        NARROWING_POLICY.replace("scopes: [deploy:write, logs:read, admin]", "scopes: [deploy:write, admin]").replace(
          "        scopes: [deploy:write, logs:read]\n",
          "        scopes: [deploy:write]\n",
        ),
      ),
    });
    await refused(await narrow(app, parentToken, {}, { env: shrunk }), "invalid_scope", "scope_not_in_parent", {
      refused_scopes: ["logs:read"],
    });
  });

  it("refuses where the environment does not allow narrowing, or another target is named", async () => {
    const { app, audits } = testApp();
    const parentToken = await jobToken(app);
    await refused(await narrow(app, parentToken, {}, { env: serviceEnv() }), "invalid_target", "narrowing_denied");
    expect(audits().at(-1)).toMatchObject({
      grant: "narrowing",
      decision: "denied",
      reason: "narrowing_denied",
      environment: "staging",
      parent_jti: decodeJwt(parentToken).jti,
    });
    await refused(
      await narrow(app, parentToken, { environment: "production" }),
      "invalid_target",
      "environment_mismatch",
    );
    expect((await narrow(app, parentToken, { environment: "STAGING" })).status).toBe(200);
    await refused(
      await narrow(app, parentToken, { audience: "https://other.example" }),
      "invalid_target",
      "audience_mismatch",
    );
    await refused(
      await narrow(app, parentToken, { resource: "https://other.example/" }),
      "invalid_target",
      "resource_mismatch",
    );
    const moved = serviceEnv({
      DOWNSCOPE_POLICY: policyJson(
        NARROWING_POLICY.replace("https://deploy.acme.dev/staging", "https://new.acme.dev/staging"),
      ),
    });
    await refused(await narrow(app, parentToken, {}, { env: moved }), "invalid_target", "parent_audience_stale");
    const gone = serviceEnv({
      DOWNSCOPE_POLICY: policyJson(
        NARROWING_POLICY.replace("  staging:", "  qa:").replace("environment: staging", "environment: qa"),
      ),
    });
    await refused(await narrow(app, parentToken, {}, { env: gone }), "invalid_target", "unknown_environment");
  });

  it("refuses a subject that is not a live token of this service", async () => {
    const { app } = testApp();
    const parentToken = await jobToken(app);
    const [header, payload, signature] = parentToken.split(".");
    const widened = Buffer.from(
      JSON.stringify({ ...decodeJwt(parentToken), scope: "deploy:write logs:read admin" }),
    ).toString("base64url");
    const otherKey = serviceEnv({
      DOWNSCOPE_POLICY: policyJson(NARROWING_POLICY),
      DOWNSCOPE_SIGNING_KEYS: JSON.stringify([await newSigningJwk("ES256", "elsewhere")]),
    });
    for (const [subject, why] of [
      [await githubToken(), "a GitHub token"],
      [`${header}.${widened}.${signature}`, "a tampered token"],
      [`${header}.${payload}.${signature.slice(0, -4)}AAAA`, "a bad signature"],
      ["not-a-jwt", "garbage"],
    ] as const) {
      await refused(await narrow(app, subject), "invalid_request", "parent_token_invalid").catch((error) => {
        throw new Error(`${why}: ${error}`);
      });
    }
    // Another deployment's token (another key): not ours.
    await refused(await narrow(app, parentToken, {}, { env: otherKey }), "invalid_request", "parent_token_invalid");
    // A downscope token sent as a GitHub token is still refused on that path.
    await refused(await exchange(app, parentToken, {}, { env }), "invalid_request", "subject_token_self_issued");
    expect(signingJwk.kid).toBe("test-key-1");
  });

  it("refuses, and introspects as inactive, a token of ours whose lineage does not add up", async () => {
    const { app } = testApp();
    const claims = decodeJwt(await jobToken(app));
    const key = await importJWK(signingJwk, "ES256");
    const sign = (extra: Record<string, unknown>) =>
      new SignJWT({ ...claims, ...extra })
        .setProtectedHeader({ alg: "ES256", kid: signingJwk.kid as string, typ: "at+jwt" })
        .sign(key);
    for (const lineage of [
      { parent_jti: "p" },
      { parent_jti: "p", ancestor_jtis: ["q"] },
      { parent_jti: "d", ancestor_jtis: ["a", "b", "c", "d"] },
    ]) {
      const token = await sign(lineage);
      await refused(await narrow(app, token), "invalid_request", "parent_token_invalid");
      expect(await introspect(app, token), JSON.stringify(lineage)).toBe(false);
    }
    // The same signature over a consistent lineage is a live token: the check is the lineage.
    expect(await introspect(app, await sign({ parent_jti: "p", ancestor_jtis: ["p"] }))).toBe(true);
  });

  it("refuses a revoked parent, and revoking a parent cascades to every descendant", async () => {
    const { app } = testApp();
    const root = await jobToken(app);
    const child = ((await (await narrow(app, root, { scope: "logs:read" })).json()) as Granted).access_token;
    const grandchild = ((await (await narrow(app, child)).json()) as Granted).access_token;
    const sibling = ((await (await narrow(app, root)).json()) as Granted).access_token;
    expect(decodeJwt(grandchild).ancestor_jtis).toEqual([decodeJwt(root).jti, decodeJwt(child).jti]);

    // Revoking the child leaves its parent and sibling alone, and takes its own child with it.
    expect((await postForm(app, "/revoke", { token: child }, env)).status).toBe(200);
    expect(await introspect(app, root)).toBe(true);
    expect(await introspect(app, sibling)).toBe(true);
    expect(await introspect(app, child)).toBe(false);
    expect(await introspect(app, grandchild)).toBe(false);
    await refused(await narrow(app, child), "invalid_request", "parent_token_revoked");
    await refused(await narrow(app, grandchild), "invalid_request", "parent_token_revoked");

    // Revoking the root takes everything below it.
    expect((await postForm(app, "/revoke", { token: root }, env)).status).toBe(200);
    expect(await introspect(app, sibling)).toBe(false);
    await refused(await narrow(app, root), "invalid_request", "parent_token_revoked");
    await refused(await narrow(app, sibling), "invalid_request", "parent_token_revoked");
  });

  it("allows three levels of narrowing and refuses a fourth", async () => {
    const { app } = testApp();
    let token = await jobToken(app);
    const jtis = [decodeJwt(token).jti];
    for (let depth = 1; depth <= 3; depth++) {
      const response = await narrow(app, token);
      expect(response.status, `depth ${depth}`).toBe(200);
      token = ((await response.json()) as Granted).access_token;
      const claims = decodeJwt(token);
      expect(claims.ancestor_jtis).toEqual(jtis);
      expect(claims.parent_jti).toBe(jtis.at(-1));
      jtis.push(claims.jti);
      // act nests one level per narrowing, the job's GitHub identity at the bottom.
      let act = claims.act as Record<string, unknown>;
      for (let level = 0; level < depth; level++) act = act.act as Record<string, unknown>;
      expect(act.iss).toBe("https://token.actions.githubusercontent.com");
    }
    await refused(await narrow(app, token), "invalid_request", "parent_token_too_deep");
  });

  it("needs a proof by a bound parent's own key, and binds the child to that key", async () => {
    const { app } = testApp();
    const key = await generateDpopKey();
    const parentToken = await jobToken(app, key);
    const jkt = (decodeJwt(parentToken).cnf as { jkt: string }).jkt;
    // Whoever copied the token without the key cannot narrow it.
    await refused(await narrow(app, parentToken), "invalid_dpop_proof", "dpop_parent_bound");
    await refused(
      await narrow(app, parentToken, {}, { key: await generateDpopKey() }),
      "invalid_dpop_proof",
      "dpop_key_mismatch",
    );
    const response = await narrow(app, parentToken, { scope: "logs:read" }, { key });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Granted;
    expect(body.token_type).toBe("DPoP");
    expect(decodeJwt(body.access_token).cnf).toEqual({ jkt });
    // A proof is good once.
    const proof = await createDpopProof(key, { method: "POST", url: `${ISSUER}/token` });
    const first = await exchange(
      app,
      parentToken,
      { subject_token_type: ACCESS_TOKEN_TYPE },
      { env, headers: { dpop: proof } },
    );
    expect(first.status).toBe(200);
    const again = await exchange(
      app,
      parentToken,
      { subject_token_type: ACCESS_TOKEN_TYPE },
      { env, headers: { dpop: proof } },
    );
    await refused(again, "invalid_dpop_proof", "dpop_replayed");
  });

  it("gives a bearer parent's child a bearer token, or binds it to a proof sent with the request", async () => {
    const { app } = testApp();
    const parentToken = await jobToken(app);
    const key = await generateDpopKey();
    const bound = (await (await narrow(app, parentToken, {}, { key })).json()) as Granted;
    expect(bound.token_type).toBe("DPoP");
    expect(decodeJwt(bound.access_token).cnf).toEqual({ jkt: key.jkt });
    // And that child, being bound, now needs its key to be narrowed further.
    await refused(await narrow(app, bound.access_token), "invalid_dpop_proof", "dpop_parent_bound");
    expect((await narrow(app, bound.access_token, {}, { key })).status).toBe(200);
  });

  it("keeps the GitHub token path's single use, and takes nothing else as a subject type", async () => {
    const { app } = testApp();
    const parentToken = await jobToken(app);
    await refused(
      await narrow(app, parentToken, { subject_token_type: "urn:ietf:params:oauth:token-type:refresh_token" }),
      "invalid_request",
      "unsupported_subject_token_type",
    );
    await refused(
      await narrow(app, parentToken, { actor_token: parentToken }),
      "invalid_request",
      "actor_token_not_supported",
    );
  });
});

/**
 * What independent OAuth clients expect of the token endpoint (issue 15; docs/protocol.md): RFC 8707
 * `resource`, empty parameters as omitted, client credentials refused rather than ignored,
 * repeated audience/resource naming one target, Ed25519 DPoP proofs under both names.
 */
import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { ERROR_DESCRIPTIONS } from "../../worker/http/errors";
import {
  errorOf,
  exchange,
  githubToken,
  ID_TOKEN_TYPE,
  ISSUER,
  POLICY,
  policyJson,
  serviceEnv,
  TOKEN_EXCHANGE,
  testApp,
} from "../support/service";

const STAGING = "https://deploy.acme.dev/staging";
/** The test policy's production audience defaults to its name; give it a URI of its own. */
const env = serviceEnv({
  DOWNSCOPE_POLICY: policyJson(
    POLICY.replace(
      "  production:\n    scopes: [deploy:write]",
      "  production:\n    audience: https://deploy.acme.dev/production\n    scopes: [deploy:write]",
    ),
  ),
});

async function post(body: string, headers: Record<string, string> = {}) {
  return testApp().app.request(
    "/token",
    { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body },
    env,
  );
}
const base = async () =>
  `grant_type=${encodeURIComponent(TOKEN_EXCHANGE)}&subject_token_type=${encodeURIComponent(ID_TOKEN_TYPE)}&subject_token=${await githubToken({ environment: undefined, repository: "globex/api", repository_id: "999" })}`;

describe("RFC 8707 resource", () => {
  it("selects the one environment whose audience it is when none is requested or claimed", async () => {
    const response = await post(`${await base()}&resource=${encodeURIComponent(STAGING)}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { environment: string; access_token: string };
    expect(body.environment).toBe("staging");
    expect(decodeJwt(body.access_token).aud).toBe(STAGING);
  });

  it("must name the environment's audience when an environment is requested or claimed", async () => {
    const withEnvironment = await exchange(
      testApp().app,
      await githubToken(),
      { resource: "https://deploy.acme.dev/production" },
      { env },
    );
    expect(await errorOf(withEnvironment)).toEqual({
      error: "invalid_target",
      error_description: ERROR_DESCRIPTIONS.resource_mismatch,
    });
    const claimed = await exchange(testApp().app, await githubToken(), { resource: STAGING }, { env });
    expect(claimed.status).toBe(200);
  });

  it.each([
    ["an unknown resource", "https://elsewhere.example/", "unknown_resource", 400, "invalid_target"],
    ["a relative resource", "/staging", "malformed_resource", 400, "invalid_request"],
    ["a resource with a fragment", `${STAGING}#x`, "malformed_resource", 400, "invalid_request"],
    ["not a URI", "staging", "malformed_resource", 400, "invalid_request"],
  ])("refuses %s", async (_name, resource, reason, status, error) => {
    const response = await post(`${await base()}&resource=${encodeURIComponent(resource)}`);
    expect(response.status).toBe(status);
    expect(await errorOf(response)).toEqual({
      error,
      error_description: ERROR_DESCRIPTIONS[reason as keyof typeof ERROR_DESCRIPTIONS],
    });
  });

  it("refuses a resource that two environments share, asking for the environment", async () => {
    const shared = serviceEnv({
      DOWNSCOPE_POLICY: policyJson(
        POLICY.replace(
          "  production:\n    scopes: [deploy:write]",
          `  production:\n    audience: ${STAGING}\n    scopes: [deploy:write]`,
        ),
      ),
    });
    const response = await testApp().app.request(
      "/token",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `${await base()}&resource=${encodeURIComponent(STAGING)}`,
      },
      shared,
    );
    expect(await errorOf(response)).toMatchObject({
      error: "invalid_target",
      error_description: ERROR_DESCRIPTIONS.ambiguous_resource,
    });
  });

  it("lets audience and resource repeat when they name one target, and refuses two targets", async () => {
    const same = encodeURIComponent(STAGING);
    expect((await post(`${await base()}&resource=${same}&resource=${same}&audience=${same}`)).status).toBe(200);
    const two = await post(
      `${await base()}&resource=${same}&resource=${encodeURIComponent("https://deploy.acme.dev/production")}`,
    );
    expect(await errorOf(two)).toEqual({
      error: "invalid_target",
      error_description: ERROR_DESCRIPTIONS.multiple_targets,
    });
    const mixed = await post(
      `${await base()}&audience=${same}&resource=${encodeURIComponent("https://deploy.acme.dev/production")}`,
    );
    expect(await errorOf(mixed)).toMatchObject({ error: "invalid_target" });
  });
});

describe("parameters and client credentials", () => {
  it("treats a parameter sent empty as omitted (RFC 6749 §3.2)", async () => {
    const response = await exchange(
      testApp().app,
      await githubToken(),
      { scope: "", environment: "", expires_in: "", audience: "" },
      { env },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ scope: "deploy:write", environment: "staging", expires_in: 600 });
    // A required one sent empty is still missing.
    expect(await errorOf(await exchange(testApp().app, "", {}, { env }))).toMatchObject({
      error_description: ERROR_DESCRIPTIONS.missing_parameter,
    });
  });

  it.each([
    ["HTTP Basic", { authorization: `Basic ${btoa("client:secret")}` }, "", 'Basic realm="downscope"'],
    ["a bearer Authorization header", { authorization: "Bearer abc" }, "", 'Bearer realm="downscope"'],
    ["client_secret in the body", {}, "&client_id=c&client_secret=s", null],
    ["client_assertion in the body", {}, "&client_assertion_type=x&client_assertion=y", null],
  ])("refuses client credentials sent as %s: 401 invalid_client", async (_name, headers, extra, challenge) => {
    const response = await post(`${await base()}&environment=staging${extra}`, headers);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(challenge);
    expect(await errorOf(response)).toEqual({
      error: "invalid_client",
      error_description: ERROR_DESCRIPTIONS.client_credentials_not_used,
    });
  });

  it("accepts a public client's client_id, which carries no credential", async () => {
    expect((await post(`${await base()}&environment=staging&client_id=acme-deployer`)).status).toBe(200);
  });
});

describe("Ed25519 DPoP proofs (RFC 9864)", () => {
  it.each(["Ed25519", "EdDSA"])("binds the token to an Ed25519 key whose proof says alg %s", async (alg) => {
    const { publicKey, privateKey } = await generateKeyPair("Ed25519");
    const jwk = await exportJWK(publicKey);
    const proof = await new SignJWT({
      jti: crypto.randomUUID(),
      htm: "POST",
      htu: `${ISSUER}/token`,
      iat: Math.floor(Date.now() / 1000),
    })
      .setProtectedHeader({ typ: "dpop+jwt", alg, jwk })
      .sign(privateKey);
    const response = await exchange(testApp().app, await githubToken(), {}, { env, headers: { dpop: proof } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { token_type: string; access_token: string };
    expect(body.token_type).toBe("DPoP");
    expect(decodeJwt(body.access_token).cnf).toEqual({ jkt: await calculateJwkThumbprint(jwk) });
  });
});

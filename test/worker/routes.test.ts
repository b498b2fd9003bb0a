import { describe, expect, it } from "vitest";
import { ERROR_DESCRIPTIONS } from "../../worker/http/errors";
import { errorOf, ISSUER, serviceEnv, testApp } from "../support/service";

const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k"];

describe("published endpoints", () => {
  it("serves the public keys, and nothing private, with a 5-minute cache", async () => {
    const { app } = testApp();
    const response = await app.request("/.well-known/jwks.json", {}, serviceEnv());
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys).toEqual([
      {
        kty: "EC",
        crv: "P-256",
        x: expect.any(String),
        y: expect.any(String),
        kid: "test-key-1",
        alg: "ES256",
        use: "sig",
      },
    ]);
    for (const member of PRIVATE_MEMBERS) expect(keys[0]).not.toHaveProperty(member);
  });

  it("serves RFC 8414 metadata built from DOWNSCOPE_ISSUER, not the request URL, and no OIDC discovery document", async () => {
    const { app } = testApp();
    const expected = {
      issuer: ISSUER,
      token_endpoint: `${ISSUER}/token`,
      jwks_uri: `${ISSUER}/.well-known/jwks.json`,
      grant_types_supported: ["urn:ietf:params:oauth:grant-type:token-exchange"],
      token_endpoint_auth_methods_supported: ["none"],
      revocation_endpoint: `${ISSUER}/revoke`,
      revocation_endpoint_auth_methods_supported: ["none"],
      introspection_endpoint: `${ISSUER}/introspect`,
      introspection_endpoint_auth_methods_supported: ["none"],
      response_types_supported: [],
      dpop_signing_alg_values_supported: ["ES256", "EdDSA", "Ed25519"],
    };
    const response = await app.request(
      "http://proxy.internal:8080/.well-known/oauth-authorization-server",
      {},
      serviceEnv(),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expected);
    // downscope is not an OpenID Provider (docs/protocol.md).
    expect((await app.request("/.well-known/openid-configuration", {}, serviceEnv())).status).toBe(404);
    const trailing = await app.request(
      "/.well-known/oauth-authorization-server",
      {},
      serviceEnv({ DOWNSCOPE_ISSUER: `${ISSUER}/` }),
    );
    expect(((await trailing.json()) as { token_endpoint: string }).token_endpoint).toBe(`${ISSUER}/token`);
  });

  it("reports health with the policy digest and active key id, and no secrets", async () => {
    const { app } = testApp();
    const response = await app.request("/healthz", {}, serviceEnv());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      policy_source: "DOWNSCOPE_POLICY",
      policy_digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      active_kid: "test-key-1",
    });
    const broken = await app.request("/healthz", {}, serviceEnv({ DOWNSCOPE_SIGNING_KEYS: undefined }));
    expect(broken.status).toBe(503);
    expect(await broken.json()).toEqual({ status: "unavailable", reason: "misconfigured" });
  });

  it("answers unknown paths with a JSON 404", async () => {
    const { app } = testApp();
    for (const path of ["/", "/tokens", "/token/", "/.well-known/jwks", "/token%00", "/TOKEN", "/admin"]) {
      const response = await app.request(path, {}, serviceEnv());
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(await errorOf(response)).toEqual({
        error: "invalid_request",
        error_description: ERROR_DESCRIPTIONS.not_found,
      });
    }
  });

  it("answers other methods on known paths with a JSON 405 and Allow", async () => {
    const { app } = testApp();
    const cases: [string, string, string][] = [
      ["GET", "/token", "POST"],
      ["PUT", "/token", "POST"],
      ["DELETE", "/token", "POST"],
      ["POST", "/.well-known/jwks.json", "GET, HEAD"],
      ["PATCH", "/healthz", "GET, HEAD"],
      ["GET", "/revoke", "POST"],
      ["GET", "/introspect", "POST"],
    ];
    for (const [method, path, allow] of cases) {
      const response = await app.request(path, { method }, serviceEnv());
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      expect(await errorOf(response)).toEqual({
        error: "invalid_request",
        error_description: ERROR_DESCRIPTIONS.method_not_allowed,
      });
    }
  });

  it("answers HEAD on published documents", async () => {
    const { app } = testApp();
    const response = await app.request("/.well-known/jwks.json", { method: "HEAD" }, serviceEnv());
    expect(response.status).toBe(200);
  });
});

import { base64url, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createDpopProof, type DpopKey, generateDpopKey } from "../../protocol/dpop-key";
import { normalizeHtu } from "../../protocol/dpop-proof";
import { ERROR_DESCRIPTIONS, type ErrorReason } from "../../worker/http/errors";
import { errorOf, exchange, githubToken, ISSUER, POLICY, policyJson, serviceEnv, testApp } from "../support/service";

const TOKEN_URL = `${ISSUER}/token`;
const now = () => Math.floor(Date.now() / 1000);

async function exchangeWithProof(proof: string | string[], env = serviceEnv()) {
  const { app } = testApp();
  const headers = new Headers();
  for (const value of Array.isArray(proof) ? proof : [proof]) headers.append("dpop", value);
  const response = await app.request(
    "/token",
    {
      method: "POST",
      headers: (() => {
        headers.set("content-type", "application/x-www-form-urlencoded");
        return headers;
      })(),
      body: new URLSearchParams({
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        subject_token: await githubToken(),
      }),
    },
    env,
  );
  return { app, response };
}

async function refusedProof(proof: string | string[], problem: ErrorReason) {
  const { response } = await exchangeWithProof(proof);
  expect(response.status, problem).toBe(400);
  expect(await errorOf(response), problem).toEqual({
    error: "invalid_dpop_proof",
    error_description: ERROR_DESCRIPTIONS[problem],
  });
}

/** A proof with any header and claims, signed by `key` (default: a fresh ES256 key). */
async function customProof(header: Record<string, unknown>, claims: Record<string, unknown>, key?: DpopKey) {
  const holder = key ?? (await generateDpopKey());
  const { importJWK } = await import("jose");
  return new SignJWT({ jti: crypto.randomUUID(), htm: "POST", htu: TOKEN_URL, iat: now(), ...claims })
    .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: holder.publicJwk, ...header })
    .sign(await importJWK(holder.privateJwk, "ES256"));
}

describe("DPoP at the token endpoint", () => {
  it("binds the token to the proof's key: cnf.jkt and token_type DPoP", async () => {
    const key = await generateDpopKey();
    const { app, response } = await exchangeWithProof(await createDpopProof(key, { method: "POST", url: TOKEN_URL }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string };
    expect(body.token_type).toBe("DPoP");
    const jwks = createLocalJWKSet(
      (await (await app.request("/.well-known/jwks.json", {}, serviceEnv())).json()) as never,
    );
    const { payload } = await jwtVerify(body.access_token, jwks, { issuer: ISSUER });
    expect(payload.cnf).toEqual({ jkt: key.jkt });
    const introspected = await app.request(
      "/introspect",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: `token=${body.access_token}`,
      },
      serviceEnv(),
    );
    expect(await introspected.json()).toMatchObject({ active: true, token_type: "DPoP", cnf: { jkt: key.jkt } });
  });

  it("requires a proof where the environment says dpop: required, and accepts one there", async () => {
    const required = serviceEnv({
      DOWNSCOPE_POLICY: policyJson(POLICY.replace("    ttl: 10m\n", "    ttl: 10m\n    dpop: required\n")),
    });
    const { app } = testApp();
    const bare = await exchange(app, await githubToken(), {}, { env: required });
    expect(await errorOf(bare)).toEqual({
      error: "invalid_dpop_proof",
      error_description: ERROR_DESCRIPTIONS.dpop_required,
    });
    const key = await generateDpopKey();
    const { response } = await exchangeWithProof(
      await createDpopProof(key, { method: "POST", url: TOKEN_URL }),
      required,
    );
    expect(response.status).toBe(200);
  });

  it("publishes the DPoP algorithms in its metadata", async () => {
    const { app } = testApp();
    const metadata = (await (
      await app.request("/.well-known/oauth-authorization-server", {}, serviceEnv())
    ).json()) as Record<string, unknown>;
    expect(metadata.dpop_signing_alg_values_supported).toEqual(["ES256", "EdDSA", "Ed25519"]);
  });

  it("accepts EdDSA proofs", async () => {
    const { privateKey, publicKey } = await generateKeyPair("EdDSA", { extractable: true });
    const proof = await new SignJWT({ jti: crypto.randomUUID(), htm: "POST", htu: TOKEN_URL, iat: now() })
      .setProtectedHeader({ typ: "dpop+jwt", alg: "EdDSA", jwk: await exportJWK(publicKey) })
      .sign(privateKey);
    expect((await exchangeWithProof(proof)).response.status).toBe(200);
  });

  it("refuses two proofs, and a reused proof", async () => {
    const key = await generateDpopKey();
    const a = await createDpopProof(key, { method: "POST", url: TOKEN_URL });
    const b = await createDpopProof(key, { method: "POST", url: TOKEN_URL });
    await refusedProof([a, b], "dpop_multiple_proofs");
    expect((await exchangeWithProof(a)).response.status).toBe(200);
    await refusedProof(a, "dpop_replayed");
  });

  it("refuses the wrong typ, alg none, HS256, RSA keys, and private or symmetric key material", async () => {
    const key = await generateDpopKey();
    await refusedProof(await customProof({ typ: "JWT" }, {}), "dpop_wrong_type");
    await refusedProof(await customProof({ typ: undefined }, {}), "dpop_wrong_type");
    const none = `${base64url.encode(JSON.stringify({ typ: "dpop+jwt", alg: "none", jwk: key.publicJwk }))}.${base64url.encode(JSON.stringify({ jti: "x", htm: "POST", htu: TOKEN_URL, iat: now() }))}.AAAA`;
    await refusedProof(none, "dpop_alg_not_allowed");
    const hs = await new SignJWT({ jti: "h", htm: "POST", htu: TOKEN_URL, iat: now() })
      .setProtectedHeader({ typ: "dpop+jwt", alg: "HS256", jwk: { kty: "oct", k: "c2VjcmV0" } as never })
      .sign(new TextEncoder().encode("secret"));
    await refusedProof(hs, "dpop_alg_not_allowed");
    const rsa = await generateKeyPair("RS256", { extractable: true });
    const rsaProof = await new SignJWT({ jti: "r", htm: "POST", htu: TOKEN_URL, iat: now() })
      .setProtectedHeader({ typ: "dpop+jwt", alg: "RS256", jwk: await exportJWK(rsa.publicKey) })
      .sign(rsa.privateKey);
    await refusedProof(rsaProof, "dpop_alg_not_allowed");
    await refusedProof(await customProof({ jwk: key.privateJwk }, {}, key), "dpop_bad_key");
    await refusedProof(await customProof({ jwk: undefined }, {}), "dpop_bad_key");
    await refusedProof(await customProof({ jku: "https://evil.example/keys" }, {}), "dpop_bad_key");
    const p256WithEd = await customProof(
      { alg: "ES256", jwk: { kty: "OKP", crv: "Ed25519", x: "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" } },
      {},
    );
    await refusedProof(p256WithEd, "dpop_bad_key");
  });

  it("refuses a bad signature, including an all-zero ES256 signature", async () => {
    const proof = await createDpopProof(await generateDpopKey(), { method: "POST", url: TOKEN_URL });
    const [h, p] = proof.split(".");
    await refusedProof(`${h}.${p}.${base64url.encode(new Uint8Array(64))}`, "dpop_bad_signature");
    const other = await generateDpopKey();
    const swapped = await customProof({ jwk: other.publicJwk }, {});
    await refusedProof(swapped, "dpop_bad_signature");
  });

  it("checks htm exactly and htu after normalisation", async () => {
    const key = await generateDpopKey();
    await refusedProof(await customProof({}, { htm: "post" }, key), "dpop_method_mismatch");
    await refusedProof(await customProof({}, { htm: "GET" }, key), "dpop_method_mismatch");
    const accepted = [
      `${TOKEN_URL}?a=b`,
      `${TOKEN_URL}#frag`,
      "https://downscope.example.com:443/token",
      "https://DOWNSCOPE.example.com/%74oken",
    ];
    for (const htu of accepted) {
      expect((await exchangeWithProof(await customProof({}, { htu }, key))).response.status, htu).toBe(200);
    }
    const refused = [
      `${TOKEN_URL}/`,
      "http://downscope.example.com/token",
      "https://downscope.example.com:8443/token",
      "https://evil.example/token",
      "https://downscope.example.com/revoke",
      "/token",
      42,
    ];
    for (const htu of refused) await refusedProof(await customProof({}, { htu }, key), "dpop_url_mismatch");
  });

  it("checks htu against the configured URL, not the request's own", async () => {
    const { app } = testApp();
    const proof = await createDpopProof(await generateDpopKey(), { method: "POST", url: "http://localhost/token" });
    const response = await app.request(
      "http://localhost/token",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", dpop: proof },
        body: new URLSearchParams({
          grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
          subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
          subject_token: await githubToken(),
        }),
      },
      serviceEnv(),
    );
    expect(await errorOf(response)).toMatchObject({ error_description: ERROR_DESCRIPTIONS.dpop_url_mismatch });
  });

  it("refuses an iat far from now either way", async () => {
    await refusedProof(await customProof({}, { iat: now() - 300 }), "dpop_stale");
    await refusedProof(await customProof({}, { iat: now() + 300 }), "dpop_stale");
    expect((await exchangeWithProof(await customProof({}, { iat: now() - 30 }))).response.status).toBe(200);
  });

  it("refuses a proof without jti or iat, saying so, and does not spend the subject token on a bad proof", async () => {
    await refusedProof(await customProof({}, { jti: undefined }), "dpop_missing_claim");
    await refusedProof(await customProof({}, { iat: undefined }), "dpop_missing_claim");
    await refusedProof(
      await customProof({}, { htu: "https://user:pw@downscope.example.com/token" }),
      "dpop_url_mismatch",
    );
    const { app } = testApp();
    const subject = await githubToken();
    const bad = await app.request(
      "/token",
      {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", dpop: await customProof({}, { htm: "GET" }) },
        body: new URLSearchParams({
          grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
          subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
          subject_token: subject,
        }),
      },
      serviceEnv(),
    );
    expect(bad.status).toBe(400);
    expect((await exchange(app, subject)).status).toBe(200);
  });
});

describe("htu normalisation", () => {
  it("normalises only what RFC 3986 says is equivalent", () => {
    expect(normalizeHtu("HTTPS://Example.COM:443/a%7eb?q#f")).toBe("https://example.com/a~b");
    expect(normalizeHtu("https://example.com/a%2fb")).toBe("https://example.com/a%2Fb");
    expect(normalizeHtu("https://example.com/a/")).not.toBe(normalizeHtu("https://example.com/a"));
    expect(normalizeHtu("not a url")).toBeUndefined();
  });
});

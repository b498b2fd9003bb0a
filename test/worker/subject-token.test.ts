import { exportJWK, generateKeyPair, importJWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { GITHUB_ISSUER, githubClaims, signGithubToken } from "../../scripts/fake-github.mjs";
import { ERROR_DESCRIPTIONS, type ErrorReason } from "../../worker/http/errors";
import { base64url, countingFetch, encodePart, unsignedJwt } from "../support/jwt";
import {
  errorOf,
  exchange,
  githubKey,
  githubToken,
  ISSUER,
  POLICY,
  policyJson,
  serviceEnv,
  testApp,
} from "../support/service";

async function refusedWith(token: string, reason: ErrorReason, status = 400) {
  const { app, audits } = testApp();
  const response = await exchange(app, token);
  const body = await errorOf(response);
  expect(response.status).toBe(status);
  expect(body).toEqual({
    error: status === 503 ? "temporarily_unavailable" : "invalid_request",
    error_description: ERROR_DESCRIPTIONS[reason],
  });
  expect(audits()).toEqual([expect.objectContaining({ decision: "denied", reason })]);
}

const header = { alg: "RS256", typ: "JWT", kid: githubKey.kid };

/** Signs with the fake GitHub's key under any header, which jose's signer would refuse to write. */
async function signWithHeader(protectedHeader: Record<string, unknown>) {
  const key = (await importJWK(githubKey, "RS256")) as CryptoKey;
  const input = `${encodePart(protectedHeader)}.${encodePart(githubClaims({ aud: ISSUER }))}`;
  const signature = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(input));
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

describe("subject token shape and header", () => {
  it("refuses two, four and empty parts, and non-JSON parts", async () => {
    const token = await githubToken();
    const [h, p, s] = token.split(".");
    await refusedWith(`${h}.${p}`, "subject_token_malformed");
    await refusedWith(`${h}.${p}.${s}.${s}`, "subject_token_malformed");
    await refusedWith(`${h}.${p}.`, "subject_token_malformed");
    await refusedWith(`${h}.bm90IGpzb24.${s}`, "subject_token_malformed");
    await refusedWith(`${encodePart([1, 2])}.${p}.${s}`, "subject_token_malformed");
    await refusedWith("not a jwt at all", "subject_token_malformed");
  });

  it("refuses re-spellings with base64 padding or standard alphabet", async () => {
    const token = await githubToken();
    const [h, p, s] = token.split(".");
    await refusedWith(`${h}=.${p}.${s}`, "subject_token_malformed");
    await refusedWith(
      `${h}.${p}.${s.replace(/-/g, "+").replace(/_/g, "/")}${s.includes("-") || s.includes("_") ? "" : "+"}`,
      "subject_token_malformed",
    );
  });

  it("refuses alg none and every algorithm but RS256, before any key lookup", async () => {
    const claims = githubClaims({ aud: ISSUER });
    await refusedWith(unsignedJwt({ ...header, alg: "none" }, claims), "subject_token_alg_not_allowed");
    await refusedWith(unsignedJwt({ ...header, alg: "None" }, claims), "subject_token_alg_not_allowed");
    await refusedWith(unsignedJwt({ ...header, alg: "PS256" }, claims), "subject_token_alg_not_allowed");
    await refusedWith(unsignedJwt({ ...header, alg: "RS512" }, claims), "subject_token_alg_not_allowed");
    await refusedWith(unsignedJwt({ typ: "JWT", kid: githubKey.kid }, claims), "subject_token_alg_not_allowed");
  });

  it("refuses HS256 signed with the issuer's RSA public key as the secret", async () => {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = githubKey;
    const secret = new TextEncoder().encode(JSON.stringify(publicJwk));
    const token = await new SignJWT(githubClaims({ aud: ISSUER }))
      .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: githubKey.kid })
      .sign(secret);
    await refusedWith(token, "subject_token_alg_not_allowed");
  });

  it("refuses tokens that point at their own keys (jku, jwk, x5u, x5c), even when validly signed", async () => {
    const attacker = await generateKeyPair("RS256", { extractable: true });
    const attackerJwk = await exportJWK(attacker.publicKey);
    for (const extra of [
      { jku: "https://evil.example/jwks" },
      { jwk: attackerJwk },
      { x5u: "https://evil.example/cert.pem" },
      { x5c: ["MIIB"] },
    ]) {
      const token = await new SignJWT(githubClaims({ aud: ISSUER }))
        .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: "attacker", ...extra })
        .sign(attacker.privateKey);
      await refusedWith(token, "subject_token_header_rejected");
    }
    // And a legitimately signed token with one of them is refused too: the header is the risk.
    await refusedWith(
      await githubToken({}, { jku: `${GITHUB_ISSUER}/.well-known/jwks` }),
      "subject_token_header_rejected",
    );
  });

  it("refuses nested tokens, crit, and a typ other than JWT", async () => {
    await refusedWith(await githubToken({}, { cty: "JWT" }), "subject_token_header_rejected");
    await refusedWith(await signWithHeader({ ...header, crit: ["exp"], exp: 1 }), "subject_token_header_rejected");
    await refusedWith(await githubToken({}, { typ: "dpop+jwt" }), "subject_token_header_rejected");
    await refusedWith(await githubToken({}, { typ: undefined }), "subject_token_header_rejected");
    await refusedWith(await githubToken({}, { typ: "at+jwt" }), "subject_token_self_issued");
    // typ compares case-insensitively, as RFC 7515 media types do.
    const { app } = testApp();
    expect((await exchange(app, await githubToken({}, { typ: "jwt" }))).status).toBe(200);
  });

  it("refuses oversized tokens with 413 before any cryptography", async () => {
    const fetcher = countingFetch();
    const { app, audits } = testApp({ fetch: fetcher.fetch });
    const huge = await githubToken({ padding: "x".repeat(9 * 1024) });
    const response = await exchange(app, huge);
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toEqual({
      error: "invalid_request",
      error_description: ERROR_DESCRIPTIONS.subject_token_too_large,
    });
    expect(fetcher.calls).toEqual([]);
    expect(audits()).toEqual([
      expect.objectContaining({ decision: "denied", status: 413, reason: "subject_token_too_large" }),
    ]);
  });
});

describe("subject token issuer and keys", () => {
  it("refuses an untrusted issuer without fetching anything", async () => {
    const fetcher = countingFetch();
    const { app, audits } = testApp({ fetch: fetcher.fetch });
    for (const iss of [
      "https://evil.example",
      `${GITHUB_ISSUER}/`,
      "https://token.actions.githubusercontent.com.evil.example",
      42,
    ]) {
      const response = await exchange(app, await githubToken({ iss }));
      expect(await errorOf(response)).toMatchObject({
        error_description: ERROR_DESCRIPTIONS.subject_token_untrusted_issuer,
      });
    }
    expect(fetcher.calls).toEqual([]);
    expect(audits()).toHaveLength(4);
  });

  it("refuses a bad signature: another key with the issuer's kid, or a tampered payload", async () => {
    const other = await generateKeyPair("RS256", { extractable: true });
    const forged = await signGithubToken(
      { ...(await exportJWK(other.privateKey)), kid: githubKey.kid },
      githubClaims({ aud: ISSUER }),
    );
    await refusedWith(forged, "subject_token_bad_signature");
    const [h, , s] = (await githubToken()).split(".");
    await refusedWith(
      `${h}.${encodePart(githubClaims({ aud: ISSUER, repository: "acme/other" }))}.${s}`,
      "subject_token_bad_signature",
    );
  });

  it("refuses an unknown kid, and a flood of them costs one refetch per cooldown", async () => {
    const fetcher = countingFetch();
    let clock = Date.now();
    const { app } = testApp({ fetch: fetcher.fetch, now: () => clock });
    expect((await exchange(app, await githubToken())).status).toBe(200);
    expect(fetcher.calls).toEqual([`${GITHUB_ISSUER}/.well-known/jwks`]);
    clock += 61_000;
    const key = await importJWK(githubKey, "RS256");
    for (let i = 0; i < 25; i++) {
      const token = await new SignJWT(githubClaims({ aud: ISSUER }))
        .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: `made-up-${i}` })
        .sign(key);
      const response = await exchange(app, token);
      expect((await errorOf(response)).error_description).toBe(ERROR_DESCRIPTIONS.subject_token_unknown_key);
    }
    expect(fetcher.calls).toHaveLength(2);
    await refusedWith(await githubToken({}, { kid: "" }), "subject_token_unknown_key");
  });

  it("answers 503 when the issuer's keys cannot be fetched and none are cached", async () => {
    const { app } = testApp({ fetch: async () => new Response("down", { status: 502 }) });
    const response = await exchange(app, await githubToken());
    expect(response.status).toBe(503);
    expect(await errorOf(response)).toEqual({
      error: "temporarily_unavailable",
      error_description: ERROR_DESCRIPTIONS.issuer_unavailable,
    });
  });

  it("accepts an enterprise issuer with inline keys for its own rules, and GitHub's tokens still", async () => {
    const enterprise = await generateKeyPair("RS256", { extractable: true });
    const publicJwk = { ...(await exportJWK(enterprise.publicKey)), kid: "ghe-1" };
    const privateJwk = { ...(await exportJWK(enterprise.privateKey)), kid: "ghe-1" };
    const iss = "https://ghes.internal.example/_services/token";
    const policy = policyJson(
      POLICY.replace(
        "version: 1\n",
        `version: 1\nissuers:\n  - issuer: ${iss}\n    jwks: ${JSON.stringify({ keys: [publicJwk] })}\n`,
      ),
    );
    const env = serviceEnv({ DOWNSCOPE_POLICY: policy });
    const fetcher = countingFetch();
    const { app } = testApp({ fetch: fetcher.fetch });
    const token = await signGithubToken(privateJwk, githubClaims({ aud: ISSUER, iss }));
    // Its ids are another namespace: GitHub.com's rules do not cover it (test/worker/issuers.test.ts).
    expect(await errorOf(await exchange(app, token, {}, { env }))).toMatchObject({ denial: { covered: false } });
    const ownRules = serviceEnv({ DOWNSCOPE_POLICY: policy.replace('"staging":{', `"staging":{"issuer":"${iss}",`) });
    expect(
      (
        await exchange(
          app,
          await signGithubToken(privateJwk, githubClaims({ aud: ISSUER, iss })),
          {},
          { env: ownRules },
        )
      ).status,
    ).toBe(200);
    expect(fetcher.calls).toEqual([]);
    expect((await exchange(app, await githubToken(), {}, { env })).status).toBe(200);
  });
});

describe("subject token claims", () => {
  it("requires the audience exactly: a string, or an array holding only it", async () => {
    const { app } = testApp();
    expect((await exchange(app, await githubToken({ aud: [ISSUER] }))).status).toBe(200);
    await refusedWith(await githubToken({ aud: [ISSUER, "https://other.example"] }), "subject_token_wrong_audience");
    await refusedWith(await githubToken({ aud: "https://other.example" }), "subject_token_wrong_audience");
    await refusedWith(await githubToken({ aud: `${ISSUER}/` }), "subject_token_wrong_audience");
    await refusedWith(await githubToken({ aud: undefined }), "subject_token_claims_invalid");
  });

  it("checks exp, nbf and iat with 60 seconds of skew, and age at most 10 minutes", async () => {
    const now = Math.floor(Date.now() / 1000);
    const { app } = testApp();
    expect((await exchange(app, await githubToken({ exp: now - 30 }))).status).toBe(200);
    await refusedWith(await githubToken({ exp: now - 61 }), "subject_token_expired");
    expect((await exchange(app, await githubToken({ nbf: now + 30, iat: now }))).status).toBe(200);
    await refusedWith(await githubToken({ nbf: now + 120 }), "subject_token_not_yet_valid");
    await refusedWith(await githubToken({ iat: now + 120, nbf: now }), "subject_token_not_yet_valid");
    // Age allows the same skew: 10 minutes and 60 seconds at most.
    expect((await exchange(app, await githubToken({ iat: now - 650, nbf: now - 650, exp: now + 60 }))).status).toBe(
      200,
    );
    await refusedWith(await githubToken({ iat: now - 670, nbf: now - 670, exp: now + 60 }), "subject_token_too_old");
    await refusedWith(await githubToken({ exp: undefined }), "subject_token_claims_invalid");
    await refusedWith(await githubToken({ iat: undefined }), "subject_token_claims_invalid");
    await refusedWith(await githubToken({ exp: "tomorrow" }), "subject_token_claims_invalid");
  });

  it("requires jti and the repository claims as strings", async () => {
    for (const claim of ["jti", "repository", "repository_id", "repository_owner_id"]) {
      await refusedWith(await githubToken({ [claim]: undefined }), "subject_token_claims_invalid");
    }
    await refusedWith(await githubToken({ repository_id: 123456 }), "subject_token_claims_invalid");
    await refusedWith(await githubToken({ repository_owner_id: ["7890"] }), "subject_token_claims_invalid");
    await refusedWith(await githubToken({ repository_id: "12a" }), "subject_token_claims_invalid");
    await refusedWith(await githubToken({ repository: "no-slash" }), "subject_token_claims_invalid");
    await refusedWith(await githubToken({ jti: "" }), "subject_token_claims_invalid");
  });

  it("refuses claims the policy reads when they have the wrong JSON type", async () => {
    await refusedWith(await githubToken({ ref: ["refs/heads/main"] }), "subject_token_claims_invalid");
    await refusedWith(await githubToken({ environment: { name: "staging" } }), "subject_token_claims_invalid");
    await refusedWith(await githubToken({ event_name: null }), "subject_token_claims_invalid");
    await refusedWith(await githubToken({ actor: 1 }), "subject_token_claims_invalid");
  });

  it("refuses a token this service minted", async () => {
    const { app } = testApp();
    const minted = (await (await exchange(app, await githubToken())).json()) as { access_token: string };
    // Sent as a GitHub token, it is refused with a pointer to narrowing (docs/narrowing.md).
    await refusedWith(minted.access_token, "subject_token_self_issued");
    // Even signed like a GitHub token, our own issuer is never a subject issuer.
    await refusedWith(await githubToken({ iss: ISSUER }), "subject_token_self_issued");
  });
});

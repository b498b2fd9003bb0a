import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Hono } from "hono";
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createDpopProof, type DpopKey, generateDpopKey } from "../../protocol/dpop-key";
import {
  AccessTokenError,
  createAccessTokenVerifier,
  type VerifierOptions,
  verifyAccessToken,
} from "../../verify/access-token";
import { downscopeAuth } from "../../verify/hono";

const ISSUER = "https://downscope.acme.dev";
const AUDIENCE = "https://deploy.acme.dev/staging";
const API = "https://deploy.acme.dev/deploy";

const signer = await generateKeyPair("ES256", { extractable: true });
const publicJwk: JWK = { ...(await exportJWK(signer.publicKey)), kid: "k1", alg: "ES256" };
const keys = createLocalJWKSet({ keys: [publicJwk] });

/** A token as downscope mints it (see worker/mint/access-token.ts). */
async function accessToken(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: ISSUER,
    sub: "repo:acme/web:environment:staging",
    aud: AUDIENCE,
    iat: now,
    nbf: now,
    exp: now + 600,
    jti: crypto.randomUUID(),
    client_id: "acme/web",
    scope: "deploy:write",
    environment: "staging",
    repository: "acme/web",
    ...claims,
  })
    .setProtectedHeader({ alg: "ES256", kid: "k1", typ: "at+jwt", ...header })
    .sign(signer.privateKey);
}

const options: VerifierOptions = {
  issuer: ISSUER,
  audience: AUDIENCE,
  environment: "staging",
  scopes: ["deploy:write"],
  keys,
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "accepted";
  } catch (error) {
    if (error instanceof AccessTokenError) return error.dpopProblem ? `${error.code}:${error.dpopProblem}` : error.code;
    throw error;
  }
}

async function bound(key: DpopKey) {
  return accessToken({ cnf: { jkt: key.jkt } });
}

describe("verifyAccessToken", () => {
  it("accepts a good bearer token and returns typed facts", async () => {
    const result = await verifyAccessToken(await accessToken(), options);
    expect(result).toMatchObject({
      environment: "staging",
      scopes: ["deploy:write"],
      repository: "acme/web",
      tokenType: "Bearer",
    });
  });

  it("refuses with stable codes", async () => {
    const verifier = createAccessTokenVerifier(options);
    const other = await generateKeyPair("ES256");
    const cases: [string, () => Promise<unknown>][] = [
      ["ERR_TOKEN_MISSING", () => verifier.verify("")],
      ["ERR_TOKEN_MALFORMED", () => verifier.verify("a.b")],
      [
        "ERR_TOKEN_EXPIRED",
        async () => verifier.verify(await accessToken({ exp: Math.floor(Date.now() / 1000) - 120 })),
      ],
      ["ERR_TOKEN_ISSUER", async () => verifier.verify(await accessToken({ iss: "https://evil.example" }))],
      [
        "ERR_TOKEN_AUDIENCE",
        async () => verifier.verify(await accessToken({ aud: "https://deploy.acme.dev/production" })),
      ],
      ["ERR_TOKEN_TYPE", async () => verifier.verify(await accessToken({}, { typ: "JWT" }))],
      ["ERR_TOKEN_ENVIRONMENT", async () => verifier.verify(await accessToken({ environment: "production" }))],
      ["ERR_INSUFFICIENT_SCOPE", async () => verifier.verify(await accessToken({ scope: "logs:read" }))],
      ["ERR_INSUFFICIENT_SCOPE", async () => verifier.verify(await accessToken(), { scopes: ["admin"] })],
      [
        "ERR_TOKEN_SIGNATURE",
        async () =>
          verifier.verify(
            await new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: "k1", typ: "at+jwt" }).sign(other.privateKey),
          ),
      ],
      ["ERR_TOKEN_SIGNATURE", async () => verifier.verify(await accessToken({}, { kid: "unknown" }))],
    ];
    for (const [code, run] of cases) expect(await codeOf(run()), code).toBe(code);
  });

  it("compares the environment case-insensitively", async () => {
    expect(await codeOf(verifyAccessToken(await accessToken({ environment: "Staging" }), options))).toBe("accepted");
  });
});

describe("DPoP at the resource", () => {
  const verifier = createAccessTokenVerifier(options);
  const request = (token: string, dpop: string | null, scheme = "DPoP") => ({
    scheme,
    method: "POST",
    url: API,
    dpop,
    accessToken: token,
  });

  it("accepts a bound token with a fresh proof for this request", async () => {
    const key = await generateDpopKey();
    const token = await bound(key);
    const proof = await createDpopProof(key, { method: "POST", url: API, accessToken: token });
    const result = await verifier.verify(token, request(token, proof));
    expect(result).toMatchObject({ tokenType: "DPoP", jkt: key.jkt });
  });

  it("refuses every hostile variation", async () => {
    const key = await generateDpopKey();
    const token = await bound(key);
    const fresh = () => createDpopProof(key, { method: "POST", url: API, accessToken: token });
    const other = await generateDpopKey();
    const cases: [string, () => Promise<unknown>][] = [
      ["ERR_DPOP_REQUIRED", async () => verifier.verify(token, request(token, null))],
      ["ERR_DPOP_REQUIRED", async () => verifier.verify(token, request(token, await fresh(), "Bearer"))],
      [
        "ERR_DPOP_INVALID:dpop_ath_mismatch",
        async () => verifier.verify(token, request(token, await createDpopProof(key, { method: "POST", url: API }))),
      ],
      [
        "ERR_DPOP_INVALID:dpop_ath_mismatch",
        async () =>
          verifier.verify(
            token,
            request(token, await createDpopProof(key, { method: "POST", url: API, accessToken: await bound(key) })),
          ),
      ],
      [
        "ERR_DPOP_INVALID:dpop_key_mismatch",
        async () =>
          verifier.verify(
            token,
            request(token, await createDpopProof(other, { method: "POST", url: API, accessToken: token })),
          ),
      ],
      [
        "ERR_DPOP_INVALID:dpop_method_mismatch",
        async () =>
          verifier.verify(
            token,
            request(token, await createDpopProof(key, { method: "GET", url: API, accessToken: token })),
          ),
      ],
      [
        "ERR_DPOP_INVALID:dpop_url_mismatch",
        async () =>
          verifier.verify(
            token,
            request(token, await createDpopProof(key, { method: "POST", url: `${API}/other`, accessToken: token })),
          ),
      ],
      [
        "ERR_DPOP_INVALID:dpop_multiple_proofs",
        async () => verifier.verify(token, request(token, `${await fresh()}, ${await fresh()}`)),
      ],
      // Proof and token swapped: the proof is not signed by the service, nor the token a proof.
      [
        "ERR_TOKEN_SIGNATURE",
        async () => {
          const proof = await fresh();
          return verifier.verify(proof, request(proof, token));
        },
      ],
    ];
    for (const [code, run] of cases) expect(await codeOf(run()), code).toBe(code);
  });

  it("refuses a replayed proof", async () => {
    const key = await generateDpopKey();
    const token = await bound(key);
    const proof = await createDpopProof(key, { method: "POST", url: API, accessToken: token });
    expect(await codeOf(verifier.verify(token, request(token, proof)))).toBe("accepted");
    expect(await codeOf(verifier.verify(token, request(token, proof)))).toBe("ERR_DPOP_INVALID:dpop_replayed");
  });

  it("refuses the DPoP scheme for a token that is not bound", async () => {
    const token = await accessToken();
    expect(await codeOf(verifier.verify(token, request(token, null)))).toBe("ERR_DPOP_NOT_BOUND");
  });
});

describe("narrowed tokens (docs/narrowing.md)", () => {
  it("says where a token comes from: depth, parent and ancestors", async () => {
    const verifier = createAccessTokenVerifier(options);
    const own = await verifier.verify(await accessToken());
    expect(own).toMatchObject({ depth: 0, ancestorJtis: [] });
    expect(own.parentJti).toBeUndefined();
    const narrowed = await verifier.verify(
      await accessToken({ parent_jti: "child-1", ancestor_jtis: ["root", "child-1"] }),
    );
    expect(narrowed).toMatchObject({ depth: 2, parentJti: "child-1", ancestorJtis: ["root", "child-1"] });
  });

  it("refuses a lineage that does not add up, and tokens deeper than maxDepth", async () => {
    const verifier = createAccessTokenVerifier(options);
    for (const lineage of [
      { parent_jti: "p" },
      { ancestor_jtis: ["p"] },
      { parent_jti: "p", ancestor_jtis: ["root", "other"] },
      { parent_jti: "p", ancestor_jtis: [] },
      { parent_jti: "p", ancestor_jtis: ["a", "b", "c", "p"] },
      { parent_jti: 7, ancestor_jtis: [7] },
      { parent_jti: "p", ancestor_jtis: "p" },
    ]) {
      expect(await codeOf(verifier.verify(await accessToken(lineage))), JSON.stringify(lineage)).toBe(
        "ERR_TOKEN_MALFORMED",
      );
    }
    const jobTokensOnly = createAccessTokenVerifier({ ...options, maxDepth: 0 });
    expect(await codeOf(jobTokensOnly.verify(await accessToken()))).toBe("accepted");
    expect(await codeOf(jobTokensOnly.verify(await accessToken({ parent_jti: "r", ancestor_jtis: ["r"] })))).toBe(
      "ERR_TOKEN_TOO_DEEP",
    );
    for (const maxDepth of [-1, 4, 1.5, Number.NaN]) {
      expect(() => createAccessTokenVerifier({ ...options, maxDepth })).toThrow(
        "createAccessTokenVerifier: options.maxDepth must be a whole number from 0 to 3",
      );
    }
  });
});

describe("revocation through introspection", () => {
  it("refuses a revoked token, caches answers briefly, and fails closed when the service cannot answer", async () => {
    let calls = 0;
    let active = true;
    const fetcher = (async (url: string | URL | Request) => {
      calls++;
      expect(String(url)).toBe(`${ISSUER}/introspect`);
      return Response.json({ active });
    }) as typeof fetch;
    let clock = Date.now();
    const verifier = createAccessTokenVerifier({
      ...options,
      introspection: { cacheMs: 10_000 },
      fetch: fetcher,
      now: () => clock,
    });
    const token = await accessToken();
    await verifier.verify(token);
    await verifier.verify(token);
    expect(calls).toBe(1);
    active = false;
    clock += 11_000;
    expect(await codeOf(verifier.verify(token))).toBe("ERR_TOKEN_REVOKED");
    const down = createAccessTokenVerifier({
      ...options,
      introspection: true,
      fetch: (async () => new Response("", { status: 503 })) as typeof fetch,
    });
    expect(await codeOf(down.verify(token))).toBe("ERR_INTROSPECTION_UNAVAILABLE");
  });

  it("never follows a redirect from /introspect: the token stays home and the other host's answer is refused", async () => {
    // Real HTTP on loopback: the service's /introspect redirects to a host that says "active".
    let elsewhere = 0;
    const other = createServer((_request, response) => {
      elsewhere++;
      response.writeHead(200, { "content-type": "application/json" }).end('{"active":true}');
    });
    const service = createServer((_request, response) => {
      const { port } = other.address() as AddressInfo;
      response.writeHead(307, { location: `http://127.0.0.1:${port}/introspect` }).end();
    });
    await Promise.all(
      [other, service].map((server) => new Promise<void>((done) => server.listen(0, "127.0.0.1", done))),
    );
    try {
      const { port } = service.address() as AddressInfo;
      const verifier = createAccessTokenVerifier({
        ...options,
        introspection: true,
        fetch: (input, init) => fetch(String(input).replace(ISSUER, `http://127.0.0.1:${port}`), init),
      });
      const error = await verifier.verify(await accessToken()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: "ERR_INTROSPECTION_UNAVAILABLE",
        message: "introspection failed: the service answered with a redirect (HTTP 307), which is never followed",
      });
      expect(elsewhere).toBe(0);
    } finally {
      for (const server of [other, service]) server.close();
    }
  });
});

describe("keys fetched from the service", () => {
  it("fetches the JWKS once, and again when a new kid appears", async () => {
    const next = await generateKeyPair("ES256", { extractable: true });
    const nextJwk = { ...(await exportJWK(next.publicKey)), kid: "k2", alg: "ES256" };
    let served = [publicJwk];
    const urls: string[] = [];
    const fetcher = (async (url: string | URL | Request) => {
      urls.push(String(url));
      return Response.json({ keys: served });
    }) as typeof fetch;
    const verifier = createAccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      fetch: fetcher,
      jwksCooldownMs: 0,
    });
    await verifier.verify(await accessToken());
    await verifier.verify(await accessToken());
    expect(urls).toEqual([`${ISSUER}/.well-known/jwks.json`]);
    served = [nextJwk, publicJwk];
    const rotated = await new SignJWT({
      iss: ISSUER,
      aud: AUDIENCE,
      exp: Math.floor(Date.now() / 1000) + 60,
      iat: Math.floor(Date.now() / 1000),
      jti: "j",
      scope: "",
      environment: "staging",
      repository: "acme/web",
    })
      .setProtectedHeader({ alg: "ES256", kid: "k2", typ: "at+jwt" })
      .sign(next.privateKey);
    expect(await codeOf(verifier.verify(rotated))).toBe("accepted");
    expect(urls).toHaveLength(2);
    const unreachable = createAccessTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      fetch: (async () => new Response("", { status: 500 })) as typeof fetch,
    });
    expect(await codeOf(unreachable.verify(await accessToken()))).toBe("ERR_KEYS_UNAVAILABLE");
  });
});

describe("the Hono middleware", () => {
  function app(extra: Partial<Parameters<typeof downscopeAuth>[0]> = {}) {
    const hono = new Hono();
    hono.use("/deploy", downscopeAuth({ ...options, ...extra }));
    hono.post("/deploy", (c) => c.json({ ok: true, repository: c.get("downscope").repository }));
    return hono;
  }

  it("lets a good request through with the verified token", async () => {
    const response = await app().request(API, {
      method: "POST",
      headers: { authorization: `Bearer ${await accessToken()}` },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, repository: "acme/web" });
  });

  it("answers with RFC 6750 and RFC 9449 challenges", async () => {
    const missing = await app().request(API, { method: "POST" });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe(
      'Bearer realm="downscope", DPoP algs="ES256 EdDSA Ed25519", realm="downscope"',
    );
    const malformed = await app().request(API, { method: "POST", headers: { authorization: "Basic dXNlcjpwdw==" } });
    expect(malformed.status).toBe(400);
    const scope = await app().request(API, {
      method: "POST",
      headers: { authorization: `Bearer ${await accessToken({ scope: "logs:read" })}` },
    });
    expect(scope.status).toBe(403);
    expect(scope.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(scope.headers.get("www-authenticate")).toContain('scope="deploy:write"');
    expect(await scope.json()).toMatchObject({ error: "insufficient_scope", code: "ERR_INSUFFICIENT_SCOPE" });
    const key = await generateDpopKey();
    const token = await bound(key);
    const noProof = await app().request(API, { method: "POST", headers: { authorization: `DPoP ${token}` } });
    expect(noProof.status).toBe(401);
    expect(noProof.headers.get("www-authenticate")).toMatch(
      /^Bearer realm="downscope", error="invalid_token".*DPoP algs="ES256 EdDSA Ed25519"/,
    );
    const badProof = await app().request(API, {
      method: "POST",
      headers: { authorization: `DPoP ${token}`, dpop: await createDpopProof(key, { method: "POST", url: API }) },
    });
    expect(badProof.status).toBe(401);
    // RFC 9449 §7.1: the DPoP error goes in the DPoP challenge only.
    expect(badProof.headers.get("www-authenticate")).toMatch(
      /^Bearer realm="downscope", DPoP algs="ES256 EdDSA Ed25519", realm="downscope", error="invalid_dpop_proof"/,
    );
    const good = await app().request(API, {
      method: "POST",
      headers: {
        authorization: `DPoP ${token}`,
        dpop: await createDpopProof(key, { method: "POST", url: API, accessToken: token }),
      },
    });
    expect(good.status).toBe(200);
  });

  it("uses the public origin for htu behind a proxy", async () => {
    const key = await generateDpopKey();
    const token = await bound(key);
    const proof = await createDpopProof(key, { method: "POST", url: API, accessToken: token });
    const response = await app({ publicOrigin: "https://deploy.acme.dev" }).request("http://10.0.0.7:8080/deploy", {
      method: "POST",
      headers: { authorization: `DPoP ${token}`, dpop: proof },
    });
    expect(response.status).toBe(200);
  });

  it("validates its options at creation, naming the bad one", () => {
    expect(() => downscopeAuth({ ...options, issuer: "http://downscope.acme.dev" })).toThrow(
      'downscopeAuth: option "issuer" must use https (http only on loopback)',
    );
    expect(() => downscopeAuth({ ...options, issuer: "nope" })).toThrow('option "issuer"');
    expect(() => downscopeAuth({ ...options, audience: "" })).toThrow('option "audience"');
    expect(() => downscopeAuth({ ...options, scopes: ["a b"] })).toThrow('option "scopes"');
    expect(() => downscopeAuth({ ...options, publicOrigin: "deploy" })).toThrow('option "publicOrigin"');
  });
});

describe("what a security review asked of the verifier", () => {
  it.each([
    [
      "audience unset (an unset environment variable)",
      { audience: undefined },
      "options.audience must be a non-empty string (it is required)",
    ],
    ["audience empty", { audience: "" }, "options.audience must be a non-empty string"],
    ["issuer unset", { issuer: undefined }, "options.issuer must be a non-empty string"],
    ["issuer not a URL", { issuer: "downscope" }, "options.issuer must be the downscope service's URL"],
    ["environment empty", { environment: " " }, "options.environment must be a non-empty string"],
    ["scopes not a list", { scopes: "deploy:write" }, "options.scopes must be a list"],
    ["a negative tolerance", { clockToleranceSeconds: -1 }, "options.clockToleranceSeconds must be"],
    ["a replay store without claim", { replayStore: {} }, "options.replayStore must have a claim"],
  ])("refuses to be made with %s, naming the option", (_name, change, message) => {
    const bad = { ...options, ...change } as unknown as VerifierOptions;
    expect(() => createAccessTokenVerifier(bad)).toThrow(message);
    expect(() => verifyAccessToken("x", bad)).toThrow(message);
  });

  it("requires aud in the token", async () => {
    expect(await codeOf(verifyAccessToken(await accessToken({ aud: undefined }), options))).toBe("ERR_TOKEN_AUDIENCE");
  });

  it("refuses new proofs rather than forget live ones when its replay store is full", async () => {
    const { memoryReplayStore } = await import("../../verify/access-token");
    const store = memoryReplayStore(() => 1_000, 2);
    expect(await store.claim("a", 5_000)).toBe(true);
    expect(await store.claim("b", 5_000)).toBe(true);
    expect(() => store.claim("c", 5_000)).toThrow("dpop_replay_store_full");
    expect(await store.claim("a", 5_000)).toBe(false); // a, still live, is still refused
    const later = memoryReplayStore(() => 10_000, 2);
    await later.claim("x", 9_000);
    await later.claim("y", 9_000);
    expect(await later.claim("z", 20_000)).toBe(true); // expired ones make room
  });

  it("takes a shared replay store, so a proof replayed to another replica is refused", async () => {
    const shared = new Map<string, number>();
    const replayStore = {
      claim: (key: string, until: number) => {
        if ((shared.get(key) ?? 0) > Date.now()) return false;
        shared.set(key, until);
        return true;
      },
    };
    const [one, two] = [
      createAccessTokenVerifier({ ...options, replayStore }),
      createAccessTokenVerifier({ ...options, replayStore }),
    ];
    const key = await generateDpopKey();
    const token = await bound(key);
    const proof = await createDpopProof(key, { method: "POST", url: API, accessToken: token });
    const context = { scheme: "DPoP", method: "POST", url: API, dpop: proof };
    expect(await codeOf(one.verify(token, context))).toBe("accepted");
    expect(await codeOf(two.verify(token, context))).toBe("ERR_DPOP_INVALID:dpop_replayed");
  });

  it("applies clockToleranceSeconds to the DPoP proof's iat", async () => {
    const key = await generateDpopKey();
    const token = await bound(key);
    const proof = async () =>
      createDpopProof(key, { method: "POST", url: API, accessToken: token, now: Math.floor(Date.now() / 1000) - 30 });
    const context = async () => ({ scheme: "DPoP", method: "POST", url: API, dpop: await proof() });
    expect(await codeOf(createAccessTokenVerifier(options).verify(token, await context()))).toBe("accepted");
    const strict = createAccessTokenVerifier({ ...options, clockToleranceSeconds: 5 });
    expect(await codeOf(strict.verify(token, await context()))).toBe("ERR_DPOP_INVALID:dpop_stale");
  });

  it("says a proof without iat lacks a claim, and refuses an htu with credentials", async () => {
    const key = await generateDpopKey();
    const token = await bound(key);
    const { importJWK } = await import("jose");
    const sign = async (claims: Record<string, unknown>) =>
      new SignJWT({ jti: crypto.randomUUID(), htm: "POST", htu: API, ...claims })
        .setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: key.publicJwk })
        .sign(await importJWK(key.privateJwk, "ES256"));
    const verifier = createAccessTokenVerifier(options);
    const noIat = await sign({});
    expect(await codeOf(verifier.verify(token, { scheme: "DPoP", method: "POST", url: API, dpop: noIat }))).toBe(
      "ERR_DPOP_INVALID:dpop_missing_claim",
    );
    const withUser = await createDpopProof(key, {
      method: "POST",
      url: "https://user:pw@deploy.acme.dev/deploy",
      accessToken: token,
    });
    expect(await codeOf(verifier.verify(token, { scheme: "DPoP", method: "POST", url: API, dpop: withUser }))).toBe(
      "ERR_DPOP_INVALID:dpop_url_mismatch",
    );
  });
});

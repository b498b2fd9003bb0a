// protocol/dpop-proof.ts
import { base64url, calculateJwkThumbprint, errors, importJWK, jwtVerify } from "jose";
var DPOP_ALGORITHMS = ["ES256", "EdDSA", "Ed25519"];
var MAX_DPOP_PROOF_BYTES = 4 * 1024;
var DPOP_IAT_WINDOW_SECONDS = 60;
var DpopProofRejected = class extends Error {
  constructor(problem) {
    super(problem);
    this.problem = problem;
  }
  problem;
};
var PUBLIC_MEMBERS = { EC: ["kty", "crv", "x", "y"], OKP: ["kty", "crv", "x"] };
var PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];
async function verifyDpopProof(header, expected) {
  const reject = (problem) => {
    throw new DpopProofRejected(problem);
  };
  if (/[,\s]/.test(header.trim())) reject("dpop_multiple_proofs");
  const proof = header.trim();
  const parts = proof.split(".");
  if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) reject("dpop_malformed");
  let protectedHeader;
  try {
    protectedHeader = JSON.parse(new TextDecoder().decode(base64url.decode(parts[0])));
  } catch {
    return reject("dpop_malformed");
  }
  if (protectedHeader === null || typeof protectedHeader !== "object") reject("dpop_malformed");
  if (protectedHeader.typ !== "dpop+jwt") reject("dpop_wrong_type");
  const alg = protectedHeader.alg;
  if (!DPOP_ALGORITHMS.includes(alg)) reject("dpop_alg_not_allowed");
  if (["jku", "x5u", "x5c", "crit"].some((name) => name in protectedHeader)) reject("dpop_bad_key");
  const jwk = publicKeyOf(protectedHeader.jwk, alg) ?? reject("dpop_bad_key");
  const window = expected.iatWindowSeconds ?? DPOP_IAT_WINDOW_SECONDS;
  let payload;
  try {
    const key = await importJWK(jwk, alg);
    ({ payload } = await jwtVerify(proof, key, {
      typ: "dpop+jwt",
      algorithms: [alg],
      requiredClaims: ["jti", "htm", "htu", "iat"],
      // Times are checked below, against our own window.
      currentDate: new Date(expected.now * 1e3),
      clockTolerance: window
    }));
  } catch (error) {
    if (error instanceof errors.JWTClaimValidationFailed && error.reason === "missing") reject("dpop_missing_claim");
    if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) reject("dpop_stale");
    return reject("dpop_bad_signature");
  }
  if (typeof payload.jti !== "string" || payload.jti === "" || payload.jti.length > 256) reject("dpop_malformed");
  if (payload.htm !== expected.method) reject("dpop_method_mismatch");
  const htu = typeof payload.htu === "string" ? normalizeHtu(payload.htu) : void 0;
  if (htu === void 0 || htu !== normalizeHtu(expected.url)) reject("dpop_url_mismatch");
  if (typeof payload.iat !== "number" || Math.abs(expected.now - payload.iat) > window) reject("dpop_stale");
  if (expected.accessToken !== void 0 && payload.ath !== await accessTokenHash(expected.accessToken))
    reject("dpop_ath_mismatch");
  const jkt = await calculateJwkThumbprint(jwk, "sha256");
  if (expected.jkt !== void 0 && jkt !== expected.jkt) reject("dpop_key_mismatch");
  const until = (payload.iat + 2 * window) * 1e3;
  if (!await expected.claimJti(jkt, payload.jti, until)) reject("dpop_replayed");
  return { jkt, jti: payload.jti };
}
function publicKeyOf(value, alg) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return void 0;
  const jwk = value;
  if (PRIVATE_MEMBERS.some((member) => member in jwk)) return void 0;
  const fits = alg === "ES256" && jwk.kty === "EC" && jwk.crv === "P-256" || (alg === "EdDSA" || alg === "Ed25519") && jwk.kty === "OKP" && jwk.crv === "Ed25519";
  if (!fits) return void 0;
  const members = PUBLIC_MEMBERS[jwk.kty];
  if (!members.every((member) => typeof jwk[member] === "string")) return void 0;
  return Object.fromEntries(members.map((member) => [member, jwk[member]]));
}
async function accessTokenHash(accessToken) {
  return base64url.encode(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(accessToken))));
}
function normalizeHtu(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return void 0;
  }
  if (url.username || url.password) return void 0;
  const path = url.pathname.replace(/%[0-9a-fA-F]{2}/g, (encoded) => {
    const char = String.fromCharCode(Number.parseInt(encoded.slice(1), 16));
    return /[A-Za-z0-9\-._~]/.test(char) ? char : encoded.toUpperCase();
  });
  return `${url.protocol}//${url.host}${path}`;
}

// verify/access-token.ts
import { createRemoteJWKSet, customFetch, errors as errors2, jwtVerify as jwtVerify2 } from "jose";

// protocol/token-lineage.ts
var MAX_NARROWING_DEPTH = 3;
function readLineage(claims) {
  const { parent_jti: parent, ancestor_jtis: ancestors } = claims;
  if (parent === void 0 && ancestors === void 0) return { depth: 0, ancestorJtis: [] };
  if (typeof parent !== "string" || !Array.isArray(ancestors) || ancestors.length === 0 || ancestors.length > MAX_NARROWING_DEPTH || !ancestors.every((jti) => typeof jti === "string" && jti !== "" && jti.length <= 256) || ancestors.at(-1) !== parent) {
    return void 0;
  }
  return { depth: ancestors.length, parentJti: parent, ancestorJtis: ancestors };
}

// verify/access-token.ts
var AccessTokenError = class extends Error {
  constructor(code, message, dpopProblem) {
    super(message);
    this.code = code;
    this.dpopProblem = dpopProblem;
  }
  code;
  dpopProblem;
  name = "AccessTokenError";
};
var MAX_REPLAY_ENTRIES = 1e5;
var MAX_INTROSPECTION_ENTRIES = 1e4;
function createAccessTokenVerifier(options) {
  checkVerifierOptions(options);
  const issuer = options.issuer.replace(/\/+$/, "");
  const fetcher = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const tolerance = options.clockToleranceSeconds ?? 30;
  const keys = options.keys ?? remoteKeys(issuer, fetcher, options.jwksCooldownMs ?? 3e4);
  const replayStore = options.replayStore ?? memoryReplayStore(now);
  const dpopWindow = options.clockToleranceSeconds;
  const introspected = /* @__PURE__ */ new Map();
  const introspectionMs = options.introspection === true ? 3e4 : options.introspection ? options.introspection.cacheMs ?? 3e4 : void 0;
  const claimJti = async (jkt, jti, until) => replayStore.claim(`${jkt}:${jti}`, until);
  const isActive = async (token, jti, exp) => {
    const at = now();
    const cached = introspected.get(jti);
    if (cached && cached.until > at) return cached.active;
    let active;
    try {
      const response = await fetcher(`${issuer}/introspect`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token }),
        signal: AbortSignal.timeout(5e3),
        // Never re-send the token to another host, nor trust another host's `{"active": true}`.
        redirect: "manual"
      });
      if (response.status >= 300 && response.status < 400) {
        throw new Error(`the service answered with a redirect (HTTP ${response.status}), which is never followed`);
      }
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      active = (await response.json()).active === true;
    } catch (error) {
      throw new AccessTokenError(
        "ERR_INTROSPECTION_UNAVAILABLE",
        `introspection failed: ${error instanceof Error ? error.message : "unknown"}`
      );
    }
    if (introspected.size >= MAX_INTROSPECTION_ENTRIES) prune(introspected, at, (entry) => entry.until);
    introspected.set(jti, { active, until: Math.min(at + (introspectionMs ?? 0), exp * 1e3) });
    return active;
  };
  return {
    async verify(token, request = {}) {
      if (!token) throw new AccessTokenError("ERR_TOKEN_MISSING", "no access token");
      let claims;
      try {
        ({ payload: claims } = await jwtVerify2(token, keys, {
          issuer,
          audience: options.audience,
          typ: "at+jwt",
          algorithms: ["ES256", "EdDSA", "RS256"],
          clockTolerance: tolerance,
          requiredClaims: ["aud", "exp", "iat", "jti", "scope", "environment", "repository"],
          currentDate: new Date(now())
        }));
      } catch (error) {
        throw fromJoseError(error);
      }
      if (typeof claims.environment !== "string" || typeof claims.scope !== "string" || typeof claims.jti !== "string") {
        throw new AccessTokenError("ERR_TOKEN_MALFORMED", "claims of the wrong type");
      }
      if (options.environment !== void 0 && claims.environment.toLowerCase() !== options.environment.toLowerCase()) {
        throw new AccessTokenError("ERR_TOKEN_ENVIRONMENT", `token is for environment "${claims.environment}"`);
      }
      const lineage = readLineage(claims);
      if (!lineage) throw new AccessTokenError("ERR_TOKEN_MALFORMED", "parent_jti and ancestor_jtis do not agree");
      if (lineage.depth > (options.maxDepth ?? MAX_NARROWING_DEPTH)) {
        throw new AccessTokenError("ERR_TOKEN_TOO_DEEP", `the token was narrowed ${lineage.depth} times`);
      }
      const scopes = claims.scope === "" ? [] : claims.scope.split(" ");
      const missing = [...options.scopes ?? [], ...request.scopes ?? []].filter((scope) => !scopes.includes(scope));
      if (missing.length > 0)
        throw new AccessTokenError("ERR_INSUFFICIENT_SCOPE", `missing scope: ${missing.join(" ")}`);
      const cnf = claims.cnf;
      const jkt = typeof cnf?.jkt === "string" ? cnf.jkt : void 0;
      const scheme = request.scheme?.toLowerCase();
      if (jkt !== void 0) {
        if (scheme !== "dpop" || !request.dpop)
          throw new AccessTokenError("ERR_DPOP_REQUIRED", "this token is DPoP-bound: send it with a DPoP proof");
        if (!request.method || !request.url)
          throw new TypeError("verify: method and url are needed to check a DPoP proof");
        try {
          await verifyDpopProof(request.dpop, {
            method: request.method,
            url: request.url,
            now: Math.floor(now() / 1e3),
            accessToken: token,
            jkt,
            claimJti,
            ...dpopWindow !== void 0 ? { iatWindowSeconds: dpopWindow } : {}
          });
        } catch (error) {
          if (error instanceof DpopProofRejected)
            throw new AccessTokenError("ERR_DPOP_INVALID", `DPoP proof refused: ${error.problem}`, error.problem);
          throw error;
        }
      } else if (scheme === "dpop") {
        throw new AccessTokenError("ERR_DPOP_NOT_BOUND", "a Bearer token was sent with the DPoP scheme");
      }
      if (introspectionMs !== void 0 && !await isActive(token, claims.jti, claims.exp)) {
        throw new AccessTokenError("ERR_TOKEN_REVOKED", "the token was revoked");
      }
      return {
        claims,
        environment: claims.environment,
        scopes,
        repository: claims.repository,
        tokenType: jkt === void 0 ? "Bearer" : "DPoP",
        ...jkt !== void 0 ? { jkt } : {},
        depth: lineage.depth,
        ...lineage.parentJti !== void 0 ? { parentJti: lineage.parentJti } : {},
        ancestorJtis: lineage.ancestorJtis
      };
    }
  };
}
var KeysUnavailable = class extends Error {
};
function remoteKeys(issuer, fetcher, cooldownMs) {
  const remote = createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`), {
    [customFetch]: (url, init) => fetcher(url, init),
    cooldownDuration: cooldownMs,
    cacheMaxAge: 3e5
  });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors2.JWKSNoMatchingKey || error instanceof errors2.JWKSMultipleMatchingKeys) throw error;
      throw new KeysUnavailable(error instanceof Error ? error.message : "unknown");
    }
  };
}
var verifiers = /* @__PURE__ */ new WeakMap();
function verifyAccessToken(token, options) {
  let verifier = verifiers.get(options);
  if (!verifier) {
    verifier = createAccessTokenVerifier(options);
    verifiers.set(options, verifier);
  }
  return verifier.verify(token, options.request);
}
function fromJoseError(error) {
  if (error instanceof errors2.JWTExpired) return new AccessTokenError("ERR_TOKEN_EXPIRED", "the token has expired");
  if (error instanceof errors2.JWTClaimValidationFailed) {
    if (error.claim === "iss") return new AccessTokenError("ERR_TOKEN_ISSUER", "the token is from another issuer");
    if (error.claim === "aud") return new AccessTokenError("ERR_TOKEN_AUDIENCE", "the token is for another audience");
    if (error.claim === "nbf" || error.claim === "iat")
      return new AccessTokenError("ERR_TOKEN_NOT_YET_VALID", "the token is not valid yet");
    if (error.claim === "typ") return new AccessTokenError("ERR_TOKEN_TYPE", "not an access token (typ at+jwt)");
    return new AccessTokenError("ERR_TOKEN_MALFORMED", `claim check failed: ${error.claim}`);
  }
  if (error instanceof KeysUnavailable) {
    return new AccessTokenError("ERR_KEYS_UNAVAILABLE", "the issuer's keys could not be fetched");
  }
  if (error instanceof errors2.JWSSignatureVerificationFailed || error instanceof errors2.JWKSNoMatchingKey) {
    return new AccessTokenError("ERR_TOKEN_SIGNATURE", "the signature does not verify with the issuer's keys");
  }
  if (error instanceof errors2.JOSEAlgNotAllowed)
    return new AccessTokenError("ERR_TOKEN_SIGNATURE", "algorithm not allowed");
  if (error instanceof errors2.JOSEError) return new AccessTokenError("ERR_TOKEN_MALFORMED", "not a valid JWT");
  if (error instanceof TypeError || error instanceof SyntaxError)
    return new AccessTokenError("ERR_TOKEN_MALFORMED", "not a valid JWT");
  return new AccessTokenError("ERR_KEYS_UNAVAILABLE", "the issuer's keys could not be fetched");
}
function prune(map, now, until) {
  for (const [key, value] of map) if (until(value) <= now) map.delete(key);
  for (const key of map.keys()) {
    if (map.size < MAX_INTROSPECTION_ENTRIES / 2) break;
    map.delete(key);
  }
}
function memoryReplayStore(now = Date.now, capacity = MAX_REPLAY_ENTRIES) {
  const seen = /* @__PURE__ */ new Map();
  return {
    claim(key, untilMs) {
      const at = now();
      if ((seen.get(key) ?? 0) > at) return false;
      if (seen.size >= capacity) {
        for (const [old, until] of seen) if (until <= at) seen.delete(old);
        if (seen.size >= capacity) throw new DpopProofRejected("dpop_replay_store_full");
      }
      seen.set(key, untilMs);
      return true;
    }
  };
}
function checkVerifierOptions(options) {
  const fail = (name, what) => {
    throw new TypeError(`createAccessTokenVerifier: options.${name} ${what}`);
  };
  if (options === null || typeof options !== "object") fail("", "must be an object");
  const text = (name, required) => {
    const value = options[name];
    if (value === void 0 && !required) return;
    if (typeof value !== "string" || value.trim() === "") {
      fail(
        name,
        `must be a non-empty string${required ? " (it is required)" : ""}, got ${value === "" ? "an empty string" : typeof value}`
      );
    }
  };
  text("issuer", true);
  try {
    new URL(options.issuer);
  } catch {
    fail("issuer", "must be the downscope service's URL (DOWNSCOPE_ISSUER)");
  }
  text("audience", true);
  text("environment", false);
  if (options.scopes !== void 0 && (!Array.isArray(options.scopes) || options.scopes.some((s) => typeof s !== "string" || s === ""))) {
    fail("scopes", "must be a list of scope strings");
  }
  const depth = options.maxDepth;
  if (depth !== void 0 && (!Number.isInteger(depth) || depth < 0 || depth > MAX_NARROWING_DEPTH)) {
    fail("maxDepth", `must be a whole number from 0 to ${MAX_NARROWING_DEPTH}`);
  }
  const tolerance = options.clockToleranceSeconds;
  if (tolerance !== void 0 && (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > 300)) {
    fail("clockToleranceSeconds", "must be a number of seconds from 0 to 300");
  }
  if (options.replayStore !== void 0 && typeof options.replayStore?.claim !== "function") {
    fail("replayStore", "must have a claim(key, untilMs) method");
  }
}

export {
  DPOP_ALGORITHMS,
  accessTokenHash,
  normalizeHtu,
  AccessTokenError,
  createAccessTokenVerifier,
  verifyAccessToken
};

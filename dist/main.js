import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// action/core.ts
var systemClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
};
var ActionError = class extends Error {
  name = "ActionError";
};

// worker/oidc/compact-jwt.ts
var BASE64URL = /^[A-Za-z0-9_-]+$/;
function decodeCompactJwt(token) {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return void 0;
  const header = decodeJsonObject(parts[0]);
  const payload = decodeJsonObject(parts[1]);
  if (!header || !payload) return void 0;
  return { header, payload };
}
function base64UrlDecode(part) {
  if (part.length % 4 === 1) return void 0;
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
  try {
    const binary = atob(base64 + "=".repeat((4 - base64.length % 4) % 4));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return void 0;
  }
}
function decodeJsonObject(part) {
  const bytes = base64UrlDecode(part);
  if (!bytes) return void 0;
  try {
    const value = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}

// node_modules/jose/dist/webapi/lib/buffer_utils.js
var encoder = new TextEncoder();
var decoder = new TextDecoder();
var strictDecoder = new TextDecoder("utf-8", { fatal: true });
var UINT32_RANGE = 2 ** 32;
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
var NON_ASCII = /[^\x00-\x7f]/;
function encode(string) {
  if (typeof string == "string" && string.length >= 128) {
    if (NON_ASCII.test(string))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string);
  }
  const bytes = new Uint8Array(string.length);
  for (let i = 0; i < string.length; i++) {
    const code = string.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = false) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = false) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary = atob(encoded), bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++)
    bytes[i] = binary.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}

// node_modules/jose/dist/webapi/util/errors.js
var JOSEError = class extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message2, options) {
    super(message2, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
};
var JOSENotSupported = class extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
};
var JWSInvalid = class extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
};
var JWTInvalid = class extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
};
var JWKInvalid = class extends JOSEError {
  static code = "ERR_JWK_INVALID";
  code = "ERR_JWK_INVALID";
};

// node_modules/jose/dist/webapi/util/base64url.js
var base64url_exports = {};
__export(base64url_exports, {
  decode: () => decode,
  encode: () => encode2
});
var invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), true);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode2(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, true);
}

// node_modules/jose/dist/webapi/lib/validate.js
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return false;
        parameters.add(parameter);
      }
  return true;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
var JWS_RECOGNIZED = { __proto__: null, b64: true };
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return true;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}

// node_modules/jose/dist/webapi/lib/key.js
var tag = (key) => key[Symbol.toStringTag];
var jwkMatchesOp = (entry, key, usage) => {
  const { alg } = entry;
  if (key.use !== void 0) {
    const expected = usage === "sign" || usage === "verify" ? "sig" : "enc";
    if (key.use !== expected)
      throw new TypeError(`Invalid key for this operation, its "use" must be "${expected}" when present`);
  }
  if (key.kty === "AKP" && key.alg === void 0)
    throw new TypeError('missing "alg" (Algorithm) Parameter value');
  if (key.alg !== void 0 && key.alg !== alg)
    throw new TypeError(`Invalid key for this operation, its "alg" must be "${alg}" when present`);
  if (Array.isArray(key.key_ops)) {
    const expectedKeyOp = usage === "encrypt" || usage === "decrypt" ? entry.ops?.[usage === "encrypt" ? 0 : 1] : usage;
    if (expectedKeyOp && !key.key_ops.includes(expectedKeyOp))
      throw new TypeError(`Invalid key for this operation, its "key_ops" must include "${expectedKeyOp}" when present`);
  }
};
async function prepareKey(entry, key, usage) {
  const { alg, secret } = entry, requiresPrivateKey = usage === "decrypt" || usage === "sign";
  if (secret && key instanceof Uint8Array)
    return key;
  let normalized, keyObject;
  if (isObject(key)) {
    if (normalized = normalizeJwk(key), typeof normalized.kty != "string")
      throw invalidKeyType(alg, key, secret);
    if (!(secret ? normalized.kty === "oct" && typeof normalized.k == "string" : normalized.kty !== "oct" && (requiresPrivateKey ? normalized.kty === "AKP" && typeof normalized.priv == "string" || typeof normalized.d == "string" : normalized.d === void 0 && normalized.priv === void 0)))
      throw new TypeError(secret ? 'JSON Web Key for symmetric algorithms must have JWK "kty" (Key Type) equal to "oct" and the JWK "k" (Key Value) present' : `JSON Web Key for this operation must be a ${requiresPrivateKey ? "private" : "public"} JWK`);
    if (jwkMatchesOp(entry, normalized, usage), normalized.kty === "oct")
      return decode(normalized.k);
    if (!Object.isFrozen(key)) {
      const { key_ops } = key;
      Array.isArray(key_ops) && Object.freeze(key_ops), Object.freeze(key);
    }
  } else {
    if (!isKeyLike(key))
      throw invalidKeyType(alg, key, secret);
    const expectedType = secret ? "secret" : requiresPrivateKey ? "private" : "public";
    if (key.type !== expectedType && (secret || ["secret", "public", "private"].includes(key.type)))
      throw new TypeError(`${tag(key)} instances must be of type "${expectedType}" for the ${alg} algorithm`);
    if (isCryptoKey(key))
      return key;
    if (keyObject = key, keyObject.type === "secret")
      return keyObject.export();
  }
  cache ||= /* @__PURE__ */ new WeakMap();
  const cacheKey = key;
  let cached = cache.get(cacheKey);
  if (cached?.[alg])
    return cached[alg];
  if (cached || cache.set(cacheKey, cached = {}), keyObject && typeof keyObject.toCryptoKey == "function") {
    const isPublic = keyObject.type === "public", crv = nist[keyObject.asymmetricKeyDetails?.namedCurve], params = entry.resolve?.({ crv, asymmetricKeyType: keyObject.asymmetricKeyType }) ?? entry.subtle;
    return cached[alg] = keyObject.toCryptoKey(params, isPublic, entry.usages[isPublic ? 0 : 1]);
  }
  return normalized ??= keyObject.export({ format: "jwk" }), normalized.alg = alg, cached[alg] = await jwkToKey(entry, normalized);
}
var cache;
var nist = {
  __proto__: null,
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521"
};
var isCryptoKey = (key) => {
  if (key?.[Symbol.toStringTag] === "CryptoKey")
    return true;
  try {
    return key instanceof CryptoKey;
  } catch {
    return false;
  }
};
var isKeyObject = (key) => key?.[Symbol.toStringTag] === "KeyObject";
var isKeyLike = (key) => isCryptoKey(key) || isKeyObject(key);
function message(msg, actual, ...types) {
  if (types.length > 2) {
    const last = types.pop();
    msg += `one of type ${types.join(", ")}, or ${last}.`;
  } else types.length === 2 ? msg += `one of type ${types[0]} or ${types[1]}.` : msg += `of type ${types[0]}.`;
  return actual == null ? msg += ` Received ${actual}` : typeof actual == "function" && actual.name ? msg += ` Received function ${actual.name}` : typeof actual == "object" && actual != null && actual.constructor?.name && (msg += ` Received an instance of ${actual.constructor.name}`), msg;
}
var invalidKeyInput = (actual, ...types) => message("Key must be ", actual, ...types);
function invalidKeyType(alg, actual, secret) {
  const types = ["CryptoKey", "KeyObject", "JSON Web Key"];
  return secret && types.push("Uint8Array"), new TypeError(message(`Key for the ${alg} algorithm must be `, actual, ...types));
}
var unusable = (name, prop = "algorithm.name") => new TypeError(`CryptoKey does not support this operation, its ${prop} must be ${name}`);
function checkUsage(key, usage) {
  if (usage && !key.usages.includes(usage))
    throw new TypeError(`CryptoKey does not support this operation, its usages must include ${usage}.`);
}
function checkModulusLength(alg, key) {
  const { modulusLength } = key.algorithm;
  if (typeof modulusLength != "number" || modulusLength < 2048)
    throw new TypeError(`${alg} requires key modulusLength to be 2048 bits or larger`);
}
function checkCryptoKey(key, expected, usage) {
  const algorithm = key.algorithm;
  if (algorithm.name !== expected.name)
    throw unusable(expected.name);
  if (expected.hash && algorithm.hash?.name !== expected.hash)
    throw unusable(expected.hash, "algorithm.hash");
  if (expected.namedCurve && algorithm.namedCurve !== expected.namedCurve)
    throw unusable(expected.namedCurve, "algorithm.namedCurve");
  if (expected.length !== void 0 && algorithm.length !== expected.length)
    throw unusable(expected.length, "algorithm.length");
  checkUsage(key, usage);
}
function snapshotJwk(jwk) {
  return { __proto__: null, ...jwk };
}
function normalizeJwk(jwk) {
  const normalized = snapshotJwk(jwk);
  if (normalized.ext !== void 0 && typeof normalized.ext != "boolean")
    throw new TypeError('"ext" (Extractable) Parameter must be a boolean');
  if (normalized.key_ops !== void 0) {
    const value = normalized.key_ops, keyOps = Array.isArray(value) ? [...value] : void 0;
    if (!keyOps || keyOps.some((operation) => typeof operation != "string") || new Set(keyOps).size !== keyOps.length)
      throw new TypeError('"key_ops" (Key Operations) Parameter must be an array of unique strings');
    normalized.key_ops = keyOps;
  }
  return normalized;
}
function validateExtractableOption(extractable) {
  if (extractable !== void 0 && typeof extractable != "boolean")
    throw new TypeError('"extractable" option must be a boolean');
  return extractable;
}
async function jwkToKey(entry, jwk, extractable) {
  if (!entry.kty.includes(jwk.kty))
    throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  const algorithm = entry.resolve?.({ kty: jwk.kty, crv: jwk.crv }) ?? entry.subtle, isPrivate = !!(jwk.d || jwk.priv), keyData = { ...jwk, ext: extractable ?? jwk.ext };
  return keyData.kty !== "AKP" && delete keyData.alg, delete keyData.use, crypto.subtle.importKey("jwk", keyData, algorithm, keyData.ext ?? !isPrivate, jwk.key_ops ?? entry.usages[isPrivate ? 1 : 0]);
}
async function rawKey(key, expected, usage, extractable = false) {
  return key instanceof Uint8Array && (key = await crypto.subtle.importKey("raw", key, expected, extractable, [usage])), checkCryptoKey(key, expected, usage), key;
}

// node_modules/jose/dist/webapi/lib/key_descriptor.js
function table(entries) {
  const out = { __proto__: null };
  for (const alg in entries)
    out[alg] = { ...entries[alg], alg };
  return out;
}

// node_modules/jose/dist/webapi/lib/jwe_algorithms.js
var wrap = [
  ["encrypt", "wrapKey"],
  ["decrypt", "unwrapKey"]
];
var derive = [[], ["deriveBits"]];
var none = [[], []];
function rsaes(bits) {
  return {
    kty: ["RSA"],
    mode: "key-encryption",
    subtle: { name: "RSA-OAEP", hash: `SHA-${bits}` },
    usages: wrap,
    ops: ["wrapKey", "unwrapKey"]
  };
}
function ecdh(mode) {
  return {
    kty: ["EC", "OKP"],
    mode,
    subtle: { name: "ECDH" },
    resolve: ({ kty, crv, asymmetricKeyType }) => {
      if (crv === "X25519" || asymmetricKeyType === "x25519")
        return { name: "X25519" };
      if (kty === "OKP")
        throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
      return { name: "ECDH", namedCurve: crv };
    },
    usages: derive,
    ops: [void 0, "deriveBits"]
  };
}
function aeskw(bits, gcm = false) {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: true,
    subtle: { name: gcm ? "AES-GCM" : "AES-KW", length: bits },
    usages: none,
    ops: gcm ? ["encrypt", "decrypt"] : ["wrapKey", "unwrapKey"]
  };
}
function pbes2() {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: true,
    subtle: { name: "PBKDF2" },
    usages: none,
    ops: ["deriveBits", "deriveBits"]
  };
}
var JWE = table({
  dir: {
    kty: ["oct"],
    mode: "direct-encryption",
    secret: true,
    subtle: { name: "AES-GCM" },
    usages: none,
    ops: ["encrypt", "decrypt"]
  },
  "RSA-OAEP": rsaes(1),
  "RSA-OAEP-256": rsaes(256),
  "RSA-OAEP-384": rsaes(384),
  "RSA-OAEP-512": rsaes(512),
  "ECDH-ES": ecdh("direct-key-agreement"),
  "ECDH-ES+A128KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A192KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A256KW": ecdh("key-agreement-with-key-wrapping"),
  A128KW: aeskw(128),
  A192KW: aeskw(192),
  A256KW: aeskw(256),
  A128GCMKW: aeskw(128, true),
  A192GCMKW: aeskw(192, true),
  A256GCMKW: aeskw(256, true),
  "PBES2-HS256+A128KW": pbes2(),
  "PBES2-HS384+A192KW": pbes2(),
  "PBES2-HS512+A256KW": pbes2()
});
var contentOps = ["encrypt", "decrypt"];
function contentEncryption(bits, cbc = false) {
  return {
    kty: ["oct"],
    secret: true,
    subtle: { name: cbc ? "AES-CBC" : "AES-GCM", length: bits },
    usages: none,
    ops: contentOps,
    cekBits: bits,
    ivBits: cbc ? 128 : 96,
    cbc
  };
}
var ENC = table({
  A128GCM: contentEncryption(128),
  A192GCM: contentEncryption(192),
  A256GCM: contentEncryption(256),
  "A128CBC-HS256": contentEncryption(256, true),
  "A192CBC-HS384": contentEncryption(384, true),
  "A256CBC-HS512": contentEncryption(512, true)
});

// node_modules/jose/dist/webapi/lib/jws_algorithms.js
var sig = [["verify"], ["sign"]];
function hmac(bits) {
  const subtle = { name: "HMAC", hash: `SHA-${bits}` };
  return { kty: ["oct"], secret: true, subtle, signing: subtle, usages: sig };
}
function rsa(bits, saltLength) {
  const subtle = { name: saltLength ? "RSA-PSS" : "RSASSA-PKCS1-v1_5", hash: `SHA-${bits}` };
  return {
    kty: ["RSA"],
    subtle,
    signing: saltLength ? { ...subtle, saltLength } : subtle,
    usages: sig,
    minRsaBits: 2048
  };
}
function ecdsa(crv, bits) {
  return {
    kty: ["EC"],
    crv,
    subtle: { name: "ECDSA", namedCurve: crv },
    signing: { name: "ECDSA", hash: `SHA-${bits}` },
    usages: sig
  };
}
function eddsa() {
  const subtle = { name: "Ed25519" };
  return {
    kty: ["OKP"],
    crv: "Ed25519",
    subtle,
    signing: subtle,
    usages: sig
  };
}
function mldsa(parameterSet) {
  const subtle = { name: `ML-DSA-${parameterSet}` };
  return {
    kty: ["AKP"],
    subtle,
    signing: subtle,
    usages: sig
  };
}
var JWS = table({
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
  RS256: rsa(256),
  RS384: rsa(384),
  RS512: rsa(512),
  PS256: rsa(256, 32),
  PS384: rsa(384, 48),
  PS512: rsa(512, 64),
  ES256: ecdsa("P-256", 256),
  ES384: ecdsa("P-384", 384),
  ES512: ecdsa("P-521", 512),
  EdDSA: eddsa(),
  Ed25519: eddsa(),
  "ML-DSA-44": mldsa(44),
  "ML-DSA-65": mldsa(65),
  "ML-DSA-87": mldsa(87)
});
function jwsAlgorithm(alg) {
  const entry = typeof alg == "string" ? JWS[alg] : void 0;
  if (!entry)
    throw new JOSENotSupported(`alg ${alg} is not supported either by JOSE or your javascript runtime`);
  return entry;
}

// node_modules/jose/dist/webapi/lib/jwt_claims_set.js
var epoch = (date) => Math.floor(date.getTime() / 1e3);
var multipliers = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31557600
};
var REGEX = /^(\+|\-)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$/i;
function invalidDuration() {
  throw new TypeError("Invalid time period format");
}
function secs(str) {
  typeof str != "string" && invalidDuration();
  const matched = REGEX.exec(str);
  (!matched || matched[4] && matched[1]) && invalidDuration();
  const value = parseFloat(matched[2]), durationSeconds = Math.round(value * multipliers[matched[3][0].toLowerCase()]);
  return Number.isFinite(durationSeconds) || invalidDuration(), matched[1] === "-" || matched[4]?.toLowerCase() === "ago" ? -durationSeconds : durationSeconds;
}
function validateInput(label, input) {
  if (!Number.isFinite(input))
    throw new TypeError(`Invalid ${label} input`);
  return input;
}
function validateStringClaim(claim, value) {
  if (typeof value != "string")
    throw new TypeError(`"${claim}" claim must be a string`);
}
function validateAudienceClaim(value) {
  if (typeof value != "string" && (!Array.isArray(value) || Array.from(value).some((member) => typeof member != "string")))
    throw new TypeError('"aud" claim must be a string or an array of strings');
}
function numericDate(value, label) {
  return typeof value == "number" ? validateInput(label, value) : value instanceof Date ? validateInput(label, epoch(value)) : epoch(/* @__PURE__ */ new Date()) + secs(value);
}
var producerClaimsSets;
function producerClaimsSet(producer) {
  return producerClaimsSets.get(producer);
}
function jwtClaimsSetBytes(producer) {
  const claimsSet = producerClaimsSet(producer);
  for (const claim of ["iat", "nbf", "exp"]) {
    const value = claimsSet[claim];
    if (typeof value == "number" && !Number.isFinite(value))
      throw new TypeError(`"${claim}" claim must be a finite number`);
  }
  return encoder.encode(JSON.stringify(claimsSet));
}
var JWTClaimsBuilder = class {
  constructor(claimsSet = {}) {
    if (!isObject(claimsSet))
      throw new TypeError("JWT Claims Set MUST be an object");
    (producerClaimsSets ||= /* @__PURE__ */ new WeakMap()).set(this, structuredClone(claimsSet));
  }
  setIssuer(value) {
    return validateStringClaim("iss", value), producerClaimsSet(this).iss = value, this;
  }
  setSubject(value) {
    return validateStringClaim("sub", value), producerClaimsSet(this).sub = value, this;
  }
  setAudience(value) {
    return validateAudienceClaim(value), producerClaimsSet(this).aud = value, this;
  }
  setJti(value) {
    return validateStringClaim("jti", value), producerClaimsSet(this).jti = value, this;
  }
  setNotBefore(value) {
    return producerClaimsSet(this).nbf = numericDate(value, "setNotBefore"), this;
  }
  setExpirationTime(value) {
    return producerClaimsSet(this).exp = numericDate(value, "setExpirationTime"), this;
  }
  setIssuedAt(value) {
    const claimsSet = producerClaimsSet(this);
    return value === void 0 ? claimsSet.iat = epoch(/* @__PURE__ */ new Date()) : typeof value == "string" ? claimsSet.iat = validateInput("setIssuedAt", epoch(/* @__PURE__ */ new Date()) + secs(value)) : claimsSet.iat = numericDate(value, "setIssuedAt"), this;
  }
};

// node_modules/jose/dist/webapi/lib/jws_sign.js
async function createSignature(input, key, rejectUnencoded) {
  let [payload, protectedHeader, unprotectedHeader, crit] = input, encodedProtectedHeader = "";
  if (protectedHeader !== void 0) {
    const normalized = serializeJoseHeader(JWSInvalid, protectedHeader);
    protectedHeader = normalized[0], encodedProtectedHeader = encode2(normalized[1]);
  }
  if (unprotectedHeader !== void 0 && (unprotectedHeader = serializeJoseHeader(JWSInvalid, unprotectedHeader)[0]), !protectedHeader && !unprotectedHeader)
    throw new JWSInvalid("either setProtectedHeader or setUnprotectedHeader must be called before #sign()");
  if (!isDisjoint(protectedHeader, unprotectedHeader))
    throw new JWSInvalid("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...unprotectedHeader };
  validateCritDuplicates(JWSInvalid, protectedHeader);
  const b64 = validateB64(protectedHeader, validateCrit(JWSInvalid, JWS_RECOGNIZED, crit, protectedHeader, joseHeader));
  b64 || rejectUnencoded?.();
  const { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new JWSInvalid('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  const entry = jwsAlgorithm(alg);
  let encodedPayload = "", signingPayload = payload, signingInput;
  if (b64) {
    const encodedPayloadCache = input[4];
    encodedPayloadCache ? (encodedPayload = encodedPayloadCache[0] ??= encode2(payload), signingPayload = encodedPayloadCache[1] ??= encode(encodedPayload)) : (encodedPayload = encode2(payload), signingInput = encoder.encode(`${encodedProtectedHeader}.${encodedPayload}`));
  }
  signingInput ??= concat(encode(encodedProtectedHeader), encode("."), signingPayload);
  const signingKey = await rawKey(await prepareKey(entry, key, "sign"), entry.subtle, "sign");
  entry.minRsaBits && checkModulusLength(entry.alg, signingKey);
  const jws = {
    signature: encode2(new Uint8Array(await crypto.subtle.sign(entry.signing, signingKey, signingInput))),
    payload: encodedPayload
  };
  return protectedHeader && (jws.protected = encodedProtectedHeader), unprotectedHeader && (jws.header = unprotectedHeader), [jws, b64];
}
async function createCompactSignature(payload, protectedHeader, crit, key, rejectUnencoded) {
  const [jws] = await createSignature([payload, protectedHeader, void 0, crit], key, rejectUnencoded);
  return `${jws.protected}.${jws.payload}.${jws.signature}`;
}

// node_modules/jose/dist/webapi/jwt/sign.js
var SignJWT_base = JWTClaimsBuilder;
var SignJWT = class extends SignJWT_base {
  #protectedHeader;
  setProtectedHeader(protectedHeader) {
    return assertNotSet(this.#protectedHeader, "setProtectedHeader"), this.#protectedHeader = protectedHeader, this;
  }
  async sign(key, options) {
    return createCompactSignature(jwtClaimsSetBytes(this), this.#protectedHeader, options?.crit, key, () => {
      throw new JWTInvalid("JWTs MUST NOT use unencoded payload");
    });
  }
};

// node_modules/jose/dist/webapi/lib/key_algorithm.js
var algArgument = '"alg" (Algorithm)';
function unsupportedAlg(source = 'JWK "alg" (Algorithm) Parameter') {
  throw new JOSENotSupported(`Invalid or unsupported ${source} value`);
}
function keyAlgorithm(alg, source) {
  return (typeof alg == "string" ? JWS[alg] ?? JWE[alg] : void 0) ?? unsupportedAlg(source);
}

// node_modules/jose/dist/webapi/key/export.js
async function exportJWK(key) {
  if (isKeyObject(key))
    if (key.type === "secret")
      key = key.export();
    else
      return key.export({ format: "jwk" });
  if (key instanceof Uint8Array)
    return {
      kty: "oct",
      k: encode2(key)
    };
  if (!isCryptoKey(key))
    throw new TypeError(invalidKeyInput(key, "CryptoKey", "KeyObject", "Uint8Array"));
  if (!key.extractable)
    throw new TypeError("non-extractable CryptoKey cannot be exported as a JWK");
  const jwk = await crypto.subtle.exportKey("jwk", key);
  delete jwk.ext, delete jwk.key_ops, delete jwk.use, jwk.kty !== "AKP" && delete jwk.alg;
  for (const parameter of Object.keys(jwk))
    jwk[parameter] === void 0 && delete jwk[parameter];
  return jwk;
}

// node_modules/jose/dist/webapi/jwk/thumbprint.js
var check = (value, description) => {
  if (typeof value != "string" || !value)
    throw new JWKInvalid(`${description} missing or invalid`);
};
async function calculateJwkThumbprint(key, digestAlgorithm) {
  let jwk;
  if (isObject(key)) {
    if (jwk = snapshotJwk(key), typeof jwk.kty != "string")
      throw new TypeError(invalidKeyInput(key, "CryptoKey", "KeyObject", "JSON Web Key"));
  } else if (isKeyLike(key))
    jwk = snapshotJwk(await exportJWK(key));
  else
    throw new TypeError(invalidKeyInput(key, "CryptoKey", "KeyObject", "JSON Web Key"));
  if (digestAlgorithm ??= "sha256", digestAlgorithm !== "sha256" && digestAlgorithm !== "sha384" && digestAlgorithm !== "sha512")
    throw new TypeError('digestAlgorithm must one of "sha256", "sha384", or "sha512"');
  let requiredMembers;
  switch (jwk.kty) {
    case "AKP":
      check(jwk.alg, '"alg" (Algorithm) Parameter'), check(jwk.pub, '"pub" (Public key) Parameter'), requiredMembers = { alg: jwk.alg, kty: jwk.kty, pub: jwk.pub };
      break;
    case "EC":
      check(jwk.crv, '"crv" (Curve) Parameter'), check(jwk.x, '"x" (X Coordinate) Parameter'), check(jwk.y, '"y" (Y Coordinate) Parameter'), requiredMembers = { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
      break;
    case "OKP":
      check(jwk.crv, '"crv" (Subtype of Key Pair) Parameter'), check(jwk.x, '"x" (Public Key) Parameter'), requiredMembers = { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
      break;
    case "RSA":
      check(jwk.e, '"e" (Exponent) Parameter'), check(jwk.n, '"n" (Modulus) Parameter'), requiredMembers = { e: jwk.e, kty: jwk.kty, n: jwk.n };
      break;
    case "oct":
      if (typeof jwk.k != "string")
        throw new JWKInvalid('"k" (Key Value) Parameter missing or invalid');
      requiredMembers = { k: jwk.k, kty: jwk.kty };
      break;
    default:
      throw new JOSENotSupported('"kty" (Key Type) Parameter missing or unsupported');
  }
  const thumbprintInput = encode(JSON.stringify(requiredMembers));
  return encode2(await digest(digestAlgorithm, thumbprintInput));
}

// node_modules/jose/dist/webapi/key/import.js
async function importJWK(jwk, alg, options) {
  if (!isObject(jwk))
    throw new TypeError("JWK must be an object");
  const normalized = normalizeJwk(jwk), extractable = validateExtractableOption(options?.extractable), { alg: jwkAlg } = normalized;
  if (alg ??= jwkAlg, normalized.kty !== "oct" && !alg)
    throw new TypeError('"alg" argument is required when "jwk.alg" is not present');
  switch (normalized.kty) {
    case "oct":
      if (typeof normalized.k != "string")
        throw new TypeError('missing "k" (Key Value) Parameter value');
      return decode(normalized.k);
    case "AKP": {
      if (typeof jwkAlg != "string" || !jwkAlg)
        throw new TypeError('missing "alg" (Algorithm) Parameter value');
      if (alg !== jwkAlg)
        throw new TypeError("JWK alg and alg option value mismatch");
      return jwkToKey(keyAlgorithm(alg), normalized, extractable);
    }
    case "RSA":
    case "EC":
    case "OKP":
      return jwkToKey(keyAlgorithm(alg), normalized, extractable);
    default:
      throw new JOSENotSupported('Unsupported "kty" (Key Type) Parameter value');
  }
}

// node_modules/jose/dist/webapi/key/generate_key_pair.js
function getModulusLengthOption(options) {
  const modulusLength = options?.modulusLength ?? 2048;
  if (typeof modulusLength != "number" || !Number.isInteger(modulusLength) || modulusLength < 2048)
    throw new JOSENotSupported("Invalid or unsupported modulusLength option provided, 2048 bits or larger keys must be used");
  return modulusLength;
}
async function generateKeyPair(alg, options) {
  const extractable = validateExtractableOption(options?.extractable), entry = keyAlgorithm(alg, algArgument);
  entry.secret && unsupportedAlg(algArgument);
  let algorithm;
  if (entry.resolve) {
    const crv = options?.crv ?? "P-256";
    if (!["P-256", "P-384", "P-521", "X25519"].includes(crv))
      throw new JOSENotSupported("Invalid or unsupported crv option provided, supported values are P-256, P-384, P-521, and X25519");
    algorithm = entry.resolve({ crv });
  } else {
    if (entry.crv !== void 0 && options?.crv !== void 0 && options.crv !== entry.crv)
      throw new JOSENotSupported(`Invalid or unsupported crv option provided, the only supported value for ${alg} is ${entry.crv}`);
    algorithm = entry.kty[0] === "RSA" ? {
      ...entry.subtle,
      publicExponent: Uint8Array.of(1, 0, 1),
      modulusLength: getModulusLengthOption(options)
    } : entry.subtle;
  }
  return crypto.subtle.generateKey(algorithm, extractable ?? false, [
    ...entry.usages[1],
    ...entry.usages[0]
  ]);
}

// verify/dpop-proof.ts
var MAX_DPOP_PROOF_BYTES = 4 * 1024;
async function accessTokenHash(accessToken) {
  return base64url_exports.encode(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(accessToken))));
}

// action/dpop.ts
async function generateDpopKey() {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  return {
    privateJwk: { ...await exportJWK(privateKey), alg: "ES256" },
    publicJwk,
    jkt: await calculateJwkThumbprint(publicJwk, "sha256")
  };
}
async function createDpopProof(key, request) {
  const htu = new URL(request.url);
  htu.search = "";
  htu.hash = "";
  const claims = {
    jti: crypto.randomUUID(),
    htm: request.method,
    htu: htu.href,
    iat: request.now ?? Math.floor(Date.now() / 1e3)
  };
  if (request.accessToken !== void 0) claims.ath = await accessTokenHash(request.accessToken);
  const signingKey = await importJWK(key.privateJwk, "ES256");
  return new SignJWT(claims).setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: key.publicJwk }).sign(signingKey);
}

// action/retry.ts
var DEFAULT_RETRY_POLICY = {
  maxAttempts: 5,
  baseDelayMs: 1e3,
  maxDelayMs: 1e4,
  maxRetryAfterMs: 3e4,
  totalBudgetMs: 9e4
};
function backoffDelay(retry, policy, random) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
function parseRetryAfter(value, now) {
  if (value === null || value.trim() === "") return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
async function withRetries(attempt, policy, clock, onRetry) {
  const started = clock.now();
  for (let number = 1; ; number++) {
    const outcome = await attempt(number);
    if ("ok" in outcome) return outcome.ok;
    const jitter = backoffDelay(number - 1, policy, clock.random);
    const delay = outcome.retryAfterMs === void 0 ? jitter : Math.min(policy.maxRetryAfterMs, Math.max(outcome.retryAfterMs, jitter));
    const elapsed = clock.now() - started;
    if (number >= policy.maxAttempts || elapsed + delay > policy.totalBudgetMs) {
      throw new ActionError(
        `Gave up after ${number} attempt${number === 1 ? "" : "s"} in ${Math.round(elapsed / 1e3)}s: ${outcome.transient}.`
      );
    }
    onRetry(outcome.transient, delay, number + 1);
    await clock.sleep(delay);
  }
}

// action/id-token.ts
var PERMISSIONS_HELP = `downscope needs the job's GitHub OIDC token, and this job may not ask for one.
Add this to the job (or to the whole workflow):

  permissions:
    id-token: write
    contents: read

(Setting any permissions replaces the defaults, so list every one the job needs.)
If this run comes from a pull request opened from a fork, GitHub withholds OIDC tokens from it
whatever the permissions say: run deployments on push, on workflow_dispatch, or on
pull_request_target with a rule that names that event, never on code from untrusted forks.`;
function idTokenEndpoint(env) {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) throw new ActionError(PERMISSIONS_HELP);
  return { url, bearer };
}
var TIMEOUT_MS = 15e3;
async function requestIdToken(fetcher, endpoint, audience, now) {
  const url = new URL(endpoint.url);
  url.searchParams.set("audience", audience);
  let response;
  try {
    response = await fetcher(url, {
      headers: { authorization: `Bearer ${endpoint.bearer}`, accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
  } catch (error) {
    return { transient: `the runner's OIDC endpoint could not be reached (${describeError(error)})` };
  }
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    return {
      transient: `the runner refused to issue an OIDC token for now (HTTP ${response.status})`,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now)
    };
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ActionError(
      `The runner refused to issue an OIDC token (HTTP ${response.status}). Check the job's "id-token: write" permission.`
    );
  }
  const body = await response.json().catch(() => void 0);
  if (typeof body?.value !== "string" || body.value === "") {
    return { transient: "the runner's OIDC endpoint answered without a token" };
  }
  return { ok: body.value };
}
function describeError(error) {
  if (error instanceof Error) {
    const cause = error.cause?.code;
    return cause ? `${error.message}: ${cause}` : error.message;
  }
  return "unknown error";
}

// worker/policy/duration.ts
var HARD_MAX_TTL_SECONDS = 3600;
var UNIT_SECONDS = { s: 1, m: 60, h: 3600 };
var DURATION = /^([0-9]{1,6})([smh]?)$/;
function parseDuration(value) {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value > 0 ? value : void 0;
  }
  if (typeof value !== "string") return void 0;
  const match = DURATION.exec(value);
  if (!match) return void 0;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] === "" ? "s" : match[2]];
  return seconds > 0 ? seconds : void 0;
}

// worker/policy/names.ts
var SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/;
var ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// action/inputs.ts
var LOOPBACK = /^(localhost|127(?:\.[0-9]{1,3}){3}|\[::1\])$/;
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
var RESERVED_ENV = /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)|^(PATH|HOME|NODE_OPTIONS|CI)$/;
function readInputs(core) {
  const input = (name) => core.getInput(name).trim();
  const url = parseServiceUrl(input("url"));
  const environment = input("environment") || void 0;
  if (environment !== void 0 && !ENVIRONMENT_NAME.test(environment)) {
    throw new ActionError(
      `Input "environment" must be an environment name (letters, digits, ".", "_", "-"), got "${environment}".`
    );
  }
  const scope = input("scope");
  const scopes = scope === "" ? void 0 : scope.split(/\s+/);
  for (const item of scopes ?? []) {
    if (!SCOPE_TOKEN.test(item)) {
      throw new ActionError(`Input "scope" must be space-separated scopes, and "${item}" is not one.`);
    }
  }
  const ttl = parseTtl(input("ttl"));
  const audience = input("audience") || new URL(url).origin;
  const exportEnv = input("export-env") || void 0;
  if (exportEnv !== void 0 && (!ENV_NAME.test(exportEnv) || RESERVED_ENV.test(exportEnv))) {
    throw new ActionError(
      `Input "export-env" must be an environment variable name of your own (not PATH, GITHUB_*, RUNNER_* \u2026), got "${exportEnv}".`
    );
  }
  return {
    url,
    environment,
    scopes,
    ttl,
    audience,
    dpop: parseBoolean("dpop", input("dpop"), false),
    revoke: parseBoolean("revoke", input("revoke"), true),
    exportEnv
  };
}
function parseServiceUrl(value) {
  if (value === "") throw new ActionError('Input "url" is required: the base URL of your downscope service.');
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ActionError(`Input "url" must be a URL such as https://downscope.example.com, got "${value}".`);
  }
  const secure = url.protocol === "https:" || url.protocol === "http:" && LOOPBACK.test(url.hostname);
  if (!secure) {
    throw new ActionError(`Input "url" must use https (http only for localhost), got "${value}".`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ActionError(`Input "url" must not carry credentials, a query or a fragment, got "${value}".`);
  }
  return url.href.replace(/\/+$/, "");
}
function parseTtl(value) {
  if (value === "") return void 0;
  const seconds = parseDuration(value);
  if (seconds === void 0) {
    throw new ActionError(
      `Input "ttl" must be a duration such as "10m", "90s", "1h" or whole seconds, got "${value}".`
    );
  }
  if (seconds > HARD_MAX_TTL_SECONDS) throw new ActionError(`Input "ttl" must be at most 1h, got "${value}".`);
  return seconds;
}
function parseBoolean(name, value, fallback) {
  if (value === "") return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new ActionError(`Input "${name}" must be true or false, got "${value}".`);
}

// action/report.ts
var IDENTITY = [
  [
    "repository",
    (c) => join(
      c.repository,
      c.repository_id && `id ${c.repository_id}`,
      c.repository_owner_id && `owner id ${c.repository_owner_id}`
    )
  ],
  ["ref", (c) => join(c.ref, c.ref_type)],
  ["environment", (c) => text(c.environment) ?? "(none: the job has no GitHub environment)"],
  ["workflow", (c) => text(c.job_workflow_ref)],
  ["event", (c) => text(c.event_name)],
  ["runner", (c) => text(c.runner_environment)],
  ["actor", (c) => text(c.actor)],
  ["run", (c) => join(c.run_id, c.run_attempt && `attempt ${c.run_attempt}`)]
];
function renderRefusal(status, body, subjectToken) {
  const lines = [
    `downscope refused the token (HTTP ${status} ${body.error}): ${body.error_description ?? "no description"}`
  ];
  if (body.denial) lines.push("", ...renderDenial(body.denial));
  if (body.refused_scopes?.length) {
    lines.push("", `Refused scopes: ${body.refused_scopes.join(" ")}. Ask only for scopes the matching rule grants.`);
  }
  const identity = subjectToken ? renderIdentity(subjectToken) : [];
  if (identity.length > 0) {
    lines.push("", "The job's identity, from its GitHub OIDC token (claims only, not the token):", ...identity);
  }
  return lines.join("\n");
}
function renderDenial(denial) {
  const who = `${denial.repository ?? "this repository"}${denial.repository_id ? ` (id ${denial.repository_id})` : ""}`;
  if (!denial.covered) {
    return [
      `No rule of environment "${denial.environment}" covers ${who}.`,
      "Ask the environment's admins for a rule naming this repository (by repository_id)."
    ];
  }
  const lines = [`Environment "${denial.environment}", rules for ${who}:`];
  for (const rule of denial.rules) {
    lines.push(`  rule "${rule.rule}":`);
    for (const failed of rule.failed) {
      const expected = failed.expected.length > 0 ? failed.expected.join(" or ") : "(not this event)";
      lines.push(`    \u2717 ${failed.condition}: expected ${expected}, got ${failed.actual ?? "(no such claim)"}`);
      if (failed.note) lines.push(`      ${failed.note}`);
    }
  }
  return lines;
}
function renderIdentity(subjectToken) {
  const claims = decodeCompactJwt(subjectToken)?.payload;
  if (!claims) return [];
  const width = Math.max(...IDENTITY.map(([label]) => label.length)) + 2;
  return IDENTITY.flatMap(([label, render]) => {
    const value = render(claims);
    return value === void 0 ? [] : [`  ${label.padEnd(width)}${value}`];
  });
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function join(first, ...details) {
  const head = text(first);
  if (head === void 0) return void 0;
  const rest = details.map(text).filter((detail) => detail !== void 0);
  return rest.length > 0 ? `${head} (${rest.join(", ")})` : head;
}

// action/summary.ts
function jobSummary(facts) {
  const minutes = Math.round(facts.expiresIn / 60);
  const rows = [
    ["environment", facts.environment],
    ["scopes", facts.scope === "" ? "(none)" : facts.scope],
    ["token type", facts.tokenType],
    ["expires", `${facts.expiresAt} (in ${minutes >= 1 ? `${minutes} min` : `${facts.expiresIn} s`})`],
    ["token id", facts.tokenId ?? "(unknown)"]
  ];
  return [
    `### downscope: a token for ${escapeCell(facts.environment)}`,
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([name, value]) => `| ${name} | \`${escapeCell(value)}\` |`),
    ""
  ].join("\n");
}
function escapeCell(value) {
  return value.replace(/[|`\n\r]/g, " ");
}

// action/token-client.ts
var TIMEOUT_MS2 = 3e4;
var TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
var ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
async function exchangeSubjectToken(fetcher, request, subjectToken, now, dpopProof) {
  const form = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE,
    subject_token_type: ID_TOKEN_TYPE,
    subject_token: subjectToken
  });
  if (request.environment) form.set("environment", request.environment);
  if (request.scopes) form.set("scope", request.scopes.join(" "));
  if (request.ttl) form.set("expires_in", String(request.ttl));
  let response;
  try {
    response = await fetcher(`${request.url}/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        ...dpopProof ? { dpop: dpopProof } : {}
      },
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS2)
    });
  } catch (error) {
    return { transient: `${request.url} could not be reached (${describeError(error)})` };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  const body = await response.json().catch(() => void 0);
  if (response.status === 429 || response.status >= 500) {
    const description = typeof body?.error_description === "string" ? `: ${body.error_description}` : "";
    return { transient: `the service answered HTTP ${response.status}${description}`, retryAfterMs };
  }
  if (response.ok && isGranted(body)) return { ok: { granted: body } };
  if (!response.ok && typeof body?.error === "string") {
    return { ok: { refused: body, status: response.status } };
  }
  return {
    ok: {
      refused: { error: "unexpected_response", error_description: `HTTP ${response.status} without a token response` },
      status: response.status
    }
  };
}
function isGranted(body) {
  return typeof body?.access_token === "string" && body.access_token !== "" && typeof body.token_type === "string" && typeof body.expires_in === "number" && typeof body.scope === "string" && typeof body.environment === "string";
}

// action/exchange-step.ts
var STATE = {
  token: "token",
  url: "url",
  expiresAt: "expires-at",
  revoke: "revoke",
  dpopKeyFile: "dpop-key-file"
};
async function runExchangeStep(deps, policy = DEFAULT_RETRY_POLICY) {
  const { core, clock } = deps;
  try {
    const endpoint = idTokenEndpoint(deps.env);
    const inputs = readInputs(core);
    const dpopKey = inputs.dpop ? await generateDpopKey() : void 0;
    if (dpopKey) {
      core.setSecret(JSON.stringify(dpopKey.privateJwk));
      core.setSecret(String(dpopKey.privateJwk.d));
    }
    let lastSubjectToken;
    const outcome = await withRetries(
      async () => {
        const idToken = await requestIdToken(deps.fetch, endpoint, inputs.audience, clock.now());
        if (!("ok" in idToken)) return idToken;
        core.setSecret(idToken.ok);
        lastSubjectToken = idToken.ok;
        const proof = dpopKey ? await createDpopProof(dpopKey, {
          method: "POST",
          url: `${inputs.url}/token`,
          now: Math.floor(clock.now() / 1e3)
        }) : void 0;
        return exchangeSubjectToken(deps.fetch, inputs, idToken.ok, clock.now(), proof);
      },
      policy,
      clock,
      (reason, delayMs, next) => core.warning(`${reason}; retrying in ${(delayMs / 1e3).toFixed(1)}s (attempt ${next})`)
    );
    if ("refused" in outcome) throw new ActionError(renderRefusal(outcome.status, outcome.refused, lastSubjectToken));
    const granted = outcome.granted;
    core.setSecret(granted.access_token);
    if (dpopKey && granted.token_type !== "DPoP") {
      throw new ActionError(
        `Asked for a DPoP-bound token, but the service issued a ${granted.token_type} token: refusing to use it.`
      );
    }
    const claims = decodeCompactJwt(granted.access_token)?.payload;
    const exp = typeof claims?.exp === "number" ? claims.exp * 1e3 : clock.now() + granted.expires_in * 1e3;
    const expiresAt = new Date(exp).toISOString();
    core.setOutput("token", granted.access_token);
    core.setOutput("token-type", granted.token_type);
    core.setOutput("expires-at", expiresAt);
    core.setOutput("expires-in", granted.expires_in);
    core.setOutput("scope", granted.scope);
    core.setOutput("environment", granted.environment);
    if (inputs.exportEnv) core.exportVariable(inputs.exportEnv, granted.access_token);
    if (dpopKey) {
      const key = JSON.stringify(dpopKey.privateJwk);
      core.setOutput("dpop-key", key);
      if (deps.secretFiles) {
        const path = deps.secretFiles.write("dpop-key.jwk", key);
        core.setOutput("dpop-key-file", path);
        core.saveState(STATE.dpopKeyFile, path);
      }
    }
    core.saveState(STATE.token, granted.access_token);
    core.saveState(STATE.url, inputs.url);
    core.saveState(STATE.expiresAt, expiresAt);
    core.saveState(STATE.revoke, String(inputs.revoke));
    const tokenId = typeof claims?.jti === "string" ? claims.jti : void 0;
    core.info(
      `downscope issued a ${granted.token_type} token for "${granted.environment}" (scopes: ${granted.scope || "none"}; expires ${expiresAt}; id ${tokenId ?? "unknown"}).`
    );
    await core.summary.addRaw(
      jobSummary({
        environment: granted.environment,
        scope: granted.scope,
        tokenType: granted.token_type,
        expiresAt,
        expiresIn: granted.expires_in,
        tokenId
      })
    ).write().catch((error) => core.warning(`Could not write the job summary: ${String(error)}`));
  } catch (error) {
    core.setFailed(error instanceof ActionError ? error.message : `downscope failed unexpectedly: ${String(error)}`);
  }
}

// action/runner.ts
import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function command(name, message2) {
  process.stdout.write(`::${name}::${escapeData(message2)}${EOL}`);
}
function fileCommand(env, variable, name, value) {
  const path = env[variable];
  if (!path) return false;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: name or value contains the delimiter ${delimiter}`);
  }
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: "utf8" });
  return true;
}
function runnerCore(env = process.env) {
  let summary = "";
  const writer = {
    addRaw(text2, addEOL = false) {
      summary += addEOL ? `${text2}${EOL}` : text2;
      return writer;
    },
    async write() {
      const path = env.GITHUB_STEP_SUMMARY;
      if (!path) throw new Error("GITHUB_STEP_SUMMARY is not set");
      appendFileSync(path, summary, { encoding: "utf8" });
      summary = "";
      return writer;
    }
  };
  return {
    getInput(name, options) {
      const value = env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "";
      if (options?.required && value === "") throw new Error(`Input required and not supplied: ${name}`);
      return options?.trimWhitespace === false ? value : value.trim();
    },
    setSecret: (secret) => command("add-mask", secret),
    setOutput(name, value) {
      if (!fileCommand(env, "GITHUB_OUTPUT", name, String(value))) {
        process.stdout.write(`${EOL}::set-output name=${name}::${escapeData(String(value))}${EOL}`);
      }
    },
    exportVariable(name, value) {
      env[name] = value;
      if (!fileCommand(env, "GITHUB_ENV", name, value)) command(`set-env name=${name}`, value);
    },
    saveState(name, value) {
      if (!fileCommand(env, "GITHUB_STATE", name, value)) command(`save-state name=${name}`, value);
    },
    getState: (name) => env[`STATE_${name}`] ?? "",
    info: (message2) => process.stdout.write(`${message2}${EOL}`),
    debug: (message2) => command("debug", message2),
    warning: (message2) => command("warning", message2),
    setFailed(message2) {
      process.exitCode = 1;
      command("error", message2);
    },
    summary: writer
  };
}

// action/secret-files.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
function runnerSecretFiles(env = process.env) {
  return {
    write(name, content) {
      const dir = mkdtempSync(join2(env.RUNNER_TEMP || tmpdir(), "downscope-"));
      const path = join2(dir, name);
      writeFileSync(path, content, { mode: 384, flag: "wx" });
      return path;
    },
    remove(path) {
      rmSync(join2(path, ".."), { recursive: true, force: true });
    }
  };
}

// action/main.ts
await runExchangeStep({
  core: runnerCore(),
  fetch: globalThis.fetch,
  env: process.env,
  clock: systemClock,
  secretFiles: runnerSecretFiles()
});

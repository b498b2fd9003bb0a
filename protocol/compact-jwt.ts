/**
 * Strict, unverified decoding of a compact JWS, to route it (which issuer, which key) before
 * any signature work. Nothing read here is trusted until the signature has been checked.
 */

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export interface DecodedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** `undefined` unless the text is exactly three non-empty base64url parts of JSON objects. */
export function decodeCompactJwt(token: string): DecodedJwt | undefined {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return undefined;
  const header = decodeJsonObject(parts[0]);
  const payload = decodeJsonObject(parts[1]);
  if (!header || !payload) return undefined;
  return { header, payload };
}

export function base64UrlDecode(part: string): Uint8Array | undefined {
  // A length of 1 mod 4 cannot come from any byte string.
  if (part.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return undefined;
  }
  // A plain loop: Uint8Array.from(binary, mapFn) goes through an iterator and is several times slower.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  const bytes = base64UrlDecode(part);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

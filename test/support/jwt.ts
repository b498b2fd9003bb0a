/** Hand-made JWTs for hostile-input tests: any header, any payload, any signature bytes. */

export function base64url(input: string | Uint8Array): string {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function encodePart(value: unknown): string {
  return base64url(JSON.stringify(value));
}

/** header.payload.signature with the given signature text (default: 32 bytes of junk). */
export function unsignedJwt(
  header: unknown,
  payload: unknown,
  signature = base64url(new Uint8Array(32).fill(7)),
): string {
  return `${encodePart(header)}.${encodePart(payload)}.${signature}`;
}

export function decodePayload(token: string): Record<string, unknown> {
  const part = token.split(".")[1];
  const binary = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
}

/** Wraps a fetch and counts the requests it sends, by URL. */
export function countingFetch(inner: typeof fetch = (input, init) => fetch(input, init)) {
  const calls: string[] = [];
  const wrapped: typeof fetch = (input, init) => {
    calls.push(input instanceof Request ? input.url : String(input));
    return inner(input, init);
  };
  return { fetch: wrapped, calls };
}

/**
 * Issuer keys, cached per isolate. Fetched only from configured issuers; refreshed when old or
 * when a token names an unknown `kid`, but never more than once per cooldown, so a flood of
 * made-up `kid`s costs one fetch. While the issuer is unreachable, known keys are served for a
 * bounded time after the last successful fetch (default 24 hours), then refused as unavailable;
 * a `kid` unknown while it is unreachable is unavailable too (nobody knows yet whether it is
 * valid), never "invalid"; a `kid` the issuer stops publishing is refused after the next
 * successful fetch.
 */
import { importJWK } from "jose";
import { jwksUriOf } from "../../policy/issuer-keys";
import type { TrustedIssuer } from "../../policy/types";
import { BodyTooLarge, readLimited } from "../http/read-limited";

export interface JwksCacheOptions {
  readonly fetch: typeof fetch;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** Keys older than this are refetched by the next request that needs them (cooldown permitting). */
  readonly refreshAfterMs?: number;
  /** The least time between two fetches of one issuer's keys. */
  readonly cooldownMs?: number;
  /** How long after the last successful fetch known keys are served while the issuer is unreachable. */
  readonly maxStaleMs?: number;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** Called with ids and outcomes only, never key material. */
  readonly log?: (event: Record<string, unknown>) => void;
}

export type KeyLookupError = "unknown_key" | "issuer_unavailable";

export class KeyLookupFailed extends Error {
  constructor(readonly code: KeyLookupError) {
    super(code);
  }
}

interface Entry {
  keys: Map<string, CryptoKey>;
  fetchedAt: number;
  lastAttempt: number;
  /** Whether the last fetch failed: the issuer cannot be reached (or answers nonsense) now. */
  unreachable: boolean;
  inflight?: Promise<void>;
}

export const DEFAULT_MAX_STALE_MS = 24 * 3600_000;

const MAX_KEYS = 50;

export class JwksCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inline = new WeakMap<object, Promise<Map<string, CryptoKey>>>();
  private readonly refreshAfterMs: number;
  private readonly cooldownMs: number;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxStaleMs: number;

  constructor(private readonly options: JwksCacheOptions) {
    this.maxStaleMs = options.maxStaleMs ?? DEFAULT_MAX_STALE_MS;
    this.refreshAfterMs = options.refreshAfterMs ?? 10 * 60_000;
    this.cooldownMs = options.cooldownMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024;
  }

  /**
   * The verification key `kid` of `issuer`, or throws `KeyLookupFailed`. `maxStaleMs` overrides
   * the cache's bound on serving keys while the issuer is unreachable (the service's setting).
   */
  async key(issuer: TrustedIssuer, kid: string, maxStaleMs = this.maxStaleMs): Promise<CryptoKey> {
    if (issuer.jwks) {
      const keys = await this.inlineKeys(issuer.jwks);
      const key = keys.get(kid);
      if (!key) throw new KeyLookupFailed("unknown_key");
      return key;
    }
    const uri = jwksUriOf(issuer);
    const now = this.options.now();
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = { keys: new Map(), fetchedAt: 0, lastAttempt: Number.NEGATIVE_INFINITY, unreachable: false };
      this.entries.set(uri, entry);
    }
    const mayFetch = now - entry.lastAttempt >= this.cooldownMs;
    const stale = now - entry.fetchedAt >= this.refreshAfterMs;
    if (entry.inflight || (mayFetch && (stale || !entry.keys.has(kid)))) {
      await this.refresh(uri, entry);
    }
    const key = entry.keys.get(kid);
    if (entry.unreachable) {
      // Known keys, for a bounded time; an unknown kid may be a new key we cannot fetch yet.
      if (!key || this.options.now() - entry.fetchedAt > maxStaleMs) throw new KeyLookupFailed("issuer_unavailable");
      return key;
    }
    if (key) return key;
    throw new KeyLookupFailed(entry.keys.size === 0 ? "issuer_unavailable" : "unknown_key");
  }

  private refresh(uri: string, entry: Entry): Promise<void> {
    if (!entry.inflight) {
      entry.lastAttempt = this.options.now();
      entry.inflight = this.fetchKeys(uri)
        .then((keys) => {
          entry.keys = keys;
          entry.fetchedAt = this.options.now();
          entry.unreachable = false;
          this.options.log?.({ level: "info", event: "jwks_fetched", jwks_uri: uri, keys: keys.size });
        })
        .catch((error: unknown) => {
          // Keep serving what we had, for a while: an unreachable issuer must not lock out known keys.
          entry.unreachable = true;
          this.options.log?.({
            level: "warn",
            event: "jwks_fetch_failed",
            jwks_uri: uri,
            reason: error instanceof Error ? error.message : "unknown",
            cached_keys: entry.keys.size,
          });
        })
        .finally(() => {
          entry.inflight = undefined;
        });
    }
    return entry.inflight;
  }

  private async fetchKeys(uri: string): Promise<Map<string, CryptoKey>> {
    const response = await this.options.fetch(uri, {
      headers: { accept: "application/json" },
      // Workers have no "error" mode; a redirect is then a non-2xx status, refused below.
      redirect: "manual",
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`status ${response.status}`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(response.body, this.maxBytes);
    } catch (error) {
      throw error instanceof BodyTooLarge ? new Error("response too large") : error;
    }
    const parsed: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const keys = await importRsaKeys(parsed);
    if (keys.size === 0) throw new Error("no usable RS256 keys");
    return keys;
  }

  private inlineKeys(jwks: NonNullable<TrustedIssuer["jwks"]>): Promise<Map<string, CryptoKey>> {
    let keys = this.inline.get(jwks);
    if (!keys) {
      keys = importRsaKeys(jwks);
      this.inline.set(jwks, keys);
    }
    return keys;
  }
}

/** Imports the RS256 signing keys of a JWK set; anything else in it is skipped. */
async function importRsaKeys(jwks: unknown): Promise<Map<string, CryptoKey>> {
  const list = (jwks as { keys?: unknown } | null)?.keys;
  const keys = new Map<string, CryptoKey>();
  if (!Array.isArray(list)) return keys;
  for (const item of list.slice(0, MAX_KEYS)) {
    const jwk = item as Record<string, unknown> | null;
    if (jwk?.kty !== "RSA" || typeof jwk.kid !== "string" || typeof jwk.n !== "string" || typeof jwk.e !== "string") {
      continue;
    }
    if ((jwk.alg !== undefined && jwk.alg !== "RS256") || (jwk.use !== undefined && jwk.use !== "sig")) continue;
    try {
      // Only the public members: whatever else a JWKS carries is not ours to trust.
      const key = await importJWK({ kty: "RSA", n: jwk.n, e: jwk.e }, "RS256");
      keys.set(jwk.kid, key as CryptoKey);
    } catch {
      // A malformed key is skipped, not fatal: the issuer's other keys still verify.
    }
  }
  return keys;
}

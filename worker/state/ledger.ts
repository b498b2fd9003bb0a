/**
 * What the service remembers about tokens, over `TokenState` objects: which subject tokens were
 * exchanged and which minted tokens were revoked. Keys are hashed and spread over a fixed number
 * of objects by their hash, so every fact about one token lives in exactly one object and no
 * object is a hot spot. Any failure of the store is `StateUnavailable`: callers fail closed.
 *
 * Durable Object failures (Cloudflare's "Error handling" for Durable Objects): an overloaded
 * object (`error.overloaded`) is not retried, since more load is the last thing it needs; a
 * retryable one (`error.retryable`, e.g. a reset) is retried once, on a new stub. The subject
 * token's claim is idempotent per exchange (it names its holder), so a retried claim whose first
 * attempt committed still succeeds, while any other presentation of the token fails. Every
 * call is bounded in time.
 */
import { sha256Hex } from "../../protocol/digest";
import type { TokenState } from "./token-state";

/**
 * Fixed: a token's object is found by hash modulo this number, so changing it would, for the
 * ten minutes tokens live, let a token already exchanged in one object be exchanged again in another.
 */
export const STATE_SHARDS = 256;

export class StateUnavailable extends Error {
  override name = "StateUnavailable";
  constructor(
    message: string,
    /** The object said it is overloaded: retrying soon only adds to it. */
    readonly overloaded = false,
  ) {
    super(message);
  }
}

export interface LedgerOptions {
  /** The longest one call to an object may take (default 5 s). */
  readonly timeoutMs?: number;
  /** Told of each retry, for logs and tests. */
  readonly onRetry?: (kind: string, error: unknown) => void;
}

export interface TokenLedger {
  /**
   * True the first time a subject token (by issuer and `jti`) is presented, and for a retry by
   * the same exchange (`exchange`, an id it chose); false for any other presentation.
   */
  claimSubjectToken(issuer: string, jti: string, expiresAt: number, exchange: string): Promise<boolean>;
  /** True the first time a DPoP proof (by its key's thumbprint and `jti`) is presented. */
  claimProofJti(jkt: string, jti: string, until: number): Promise<boolean>;
  revoke(jti: string, expiresAt: number): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
  /** Whether any of these tokens (a token and its ancestors) is revoked; one read per id, at once. */
  anyRevoked(jtis: readonly string[]): Promise<boolean>;
}

export function tokenLedger(namespace: DurableObjectNamespace<TokenState>, options: LedgerOptions = {}): TokenLedger {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const call = async <T>(
    kind: string,
    parts: readonly string[],
    use: (stub: DurableObjectStub<TokenState>, key: string) => Promise<T>,
  ) => {
    const digest = await sha256Hex(`${kind}\n${parts.join("\n")}`);
    const shard = Number.parseInt(digest.slice(0, 4), 16) % STATE_SHARDS;
    const key = `${kind}:${digest}`;
    for (let attempt = 1; ; attempt++) {
      try {
        // A new stub for every attempt: a stub whose object was reset stays broken.
        return await withTimeout(use(namespace.get(namespace.idFromName(`shard-${shard}`)), key), timeoutMs);
      } catch (error) {
        const { retryable, overloaded } = (error ?? {}) as { retryable?: unknown; overloaded?: unknown };
        if (attempt === 1 && retryable === true && overloaded !== true) {
          options.onRetry?.(kind, error);
          continue;
        }
        throw new StateUnavailable(error instanceof Error ? error.message : "state store failed", overloaded === true);
      }
    }
  };
  const isRevoked = (jti: string) => call("revoked", [jti], (stub, key) => stub.has(key) as Promise<boolean>);
  return {
    claimSubjectToken: (issuer, jti, expiresAt, exchange) =>
      call("subject", [issuer, jti], (stub, key) => stub.claim(key, expiresAt, exchange) as Promise<boolean>),
    claimProofJti: (jkt, jti, until) =>
      call("dpop", [jkt, jti], (stub, key) => stub.claim(key, until) as Promise<boolean>),
    revoke: (jti, expiresAt) => call("revoked", [jti], async (stub, key) => void (await stub.claim(key, expiresAt))),
    isRevoked,
    anyRevoked: async (jtis) => (await Promise.all(jtis.map(isRevoked))).includes(true),
  };
}

class StateTimeout extends Error {
  override name = "StateTimeout";
}

/** `promise`, or a `StateTimeout` after `ms`: a hanging object must not hold the exchange. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StateTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => {
    if (timer !== null) clearTimeout(timer);
  });
}

/**
 * What the service remembers about tokens, over `TokenState` objects: which subject tokens were
 * exchanged and which minted tokens were revoked. Keys are hashed and spread over a fixed number
 * of objects by their hash, so every fact about one token lives in exactly one object and no
 * object is a hot spot. Any failure of the store is `StateUnavailable`: callers fail closed.
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
}

export interface TokenLedger {
  /** True the first time a subject token (by issuer and `jti`) is presented; false ever after. */
  claimSubjectToken(issuer: string, jti: string, expiresAt: number): Promise<boolean>;
  /** True the first time a DPoP proof (by its key's thumbprint and `jti`) is presented. */
  claimProofJti(jkt: string, jti: string, until: number): Promise<boolean>;
  revoke(jti: string, expiresAt: number): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
  /** Whether any of these tokens (a token and its ancestors) is revoked; one read per id, at once. */
  anyRevoked(jtis: readonly string[]): Promise<boolean>;
}

export function tokenLedger(namespace: DurableObjectNamespace<TokenState>): TokenLedger {
  const call = async <T>(
    kind: string,
    parts: readonly string[],
    use: (stub: DurableObjectStub<TokenState>, key: string) => Promise<T>,
  ) => {
    const digest = await sha256Hex(`${kind}\n${parts.join("\n")}`);
    const shard = Number.parseInt(digest.slice(0, 4), 16) % STATE_SHARDS;
    const key = `${kind}:${digest}`;
    try {
      return await use(namespace.get(namespace.idFromName(`shard-${shard}`)), key);
    } catch (error) {
      throw new StateUnavailable(error instanceof Error ? error.message : "state store failed");
    }
  };
  const isRevoked = (jti: string) => call("revoked", [jti], (stub, key) => stub.has(key) as Promise<boolean>);
  return {
    claimSubjectToken: (issuer, jti, expiresAt) =>
      call("subject", [issuer, jti], (stub, key) => stub.claim(key, expiresAt) as Promise<boolean>),
    claimProofJti: (jkt, jti, until) =>
      call("dpop", [jkt, jti], (stub, key) => stub.claim(key, until) as Promise<boolean>),
    revoke: (jti, expiresAt) => call("revoked", [jti], async (stub, key) => void (await stub.claim(key, expiresAt))),
    isRevoked,
    anyRevoked: async (jtis) => (await Promise.all(jtis.map(isRevoked))).includes(true),
  };
}

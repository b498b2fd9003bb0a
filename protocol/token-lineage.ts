/**
 * Where a narrowed token comes from (docs/narrowing.md): `parent_jti`, the token it was exchanged for, and
 * `ancestor_jtis`, every token above it, the job's own token first and the parent last. A token
 * minted for a GitHub job has neither (depth 0). Revocation cascades by these ids: whoever
 * checks a token checks its ancestors' too, so the service never has to find a token's children.
 */

/** A job's token may be narrowed, and that token again, at most this many times in all. */
export const MAX_NARROWING_DEPTH = 3;

export interface TokenLineage {
  /** 0 for a job's own token; 1 for a token narrowed from it; at most MAX_NARROWING_DEPTH. */
  readonly depth: number;
  readonly parentJti?: string;
  /** Root first, parent last; empty at depth 0. */
  readonly ancestorJtis: readonly string[];
}

/** The lineage a token's claims state, or `undefined` when they state it inconsistently. */
export function readLineage(claims: Readonly<Record<string, unknown>>): TokenLineage | undefined {
  const { parent_jti: parent, ancestor_jtis: ancestors } = claims;
  if (parent === undefined && ancestors === undefined) return { depth: 0, ancestorJtis: [] };
  if (
    typeof parent !== "string" ||
    !Array.isArray(ancestors) ||
    ancestors.length === 0 ||
    ancestors.length > MAX_NARROWING_DEPTH ||
    !ancestors.every((jti) => typeof jti === "string" && jti !== "" && jti.length <= 256) ||
    ancestors.at(-1) !== parent
  ) {
    return undefined;
  }
  return { depth: ancestors.length, parentJti: parent, ancestorJtis: ancestors as string[] };
}

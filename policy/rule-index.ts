/**
 * Finds the rules that can concern a caller without scanning every rule: by repository id,
 * by exact repository name, by owner for wildcard names, and by owner id for owner-wide rules.
 * Only rules of the token's own issuer are found: names and ids are namespaces per issuer. The
 * rules found are exactly those that "cover" the caller (docs/policy.md): only they can match, and
 * only they may be named in a denial.
 */
import { repositoryMatches } from "./conditions";
import { asciiLower } from "./glob";
import type { Claims, CompiledRule } from "./types";

export interface RuleIndex {
  /** The covering rules, in file order. */
  covering(claims: Claims): CompiledRule[];
}

/** What the index reads of a rule: enough to find it, before (or without) compiling its conditions. */
export type RuleKey = Pick<CompiledRule, "position" | "repositoryId" | "ownerId" | "repository" | "issuers">;

function add(map: Map<string, RuleKey[]>, key: string, rule: RuleKey): void {
  const list = map.get(key);
  if (list) list.push(rule);
  else map.set(key, [rule]);
}

/**
 * An index built on its first use: a fresh isolate with a large pre-validated policy reads the
 * keys of the one environment a request targets, not of every environment.
 */
export function lazyRuleIndex(keys: () => readonly RuleKey[], ruleAt: (position: number) => CompiledRule): RuleIndex {
  let index: RuleIndex | undefined;
  return {
    covering(claims) {
      index ??= buildRuleIndex(keys(), ruleAt);
      return index.covering(claims);
    },
  };
}

/** `ruleAt` gives the compiled rule at a position: compiled on first use for a pre-validated policy. */
export function buildRuleIndex(rules: readonly RuleKey[], ruleAt: (position: number) => CompiledRule): RuleIndex {
  const byRepositoryId = new Map<string, RuleKey[]>();
  const byRepositoryName = new Map<string, RuleKey[]>();
  const byOwnerWithWildcard = new Map<string, RuleKey[]>();
  const byOwnerId = new Map<string, RuleKey[]>();
  for (const rule of rules) {
    if (rule.repositoryId !== undefined) add(byRepositoryId, rule.repositoryId, rule);
    else if (rule.repository?.name.literal) {
      add(byRepositoryName, `${rule.repository.owner}/${asciiLower(rule.repository.name.source)}`, rule);
    } else if (rule.repository) add(byOwnerWithWildcard, rule.repository.owner, rule);
    else if (rule.ownerId !== undefined) add(byOwnerId, rule.ownerId, rule);
  }

  return {
    covering(claims) {
      const id = claims.repository_id;
      const repository = claims.repository;
      const ownerId = claims.repository_owner_id;
      const found: RuleKey[] = [];
      // Issuers are separate namespaces: a rule concerns only tokens of its own issuers.
      const issuer = claims.iss;
      if (typeof issuer !== "string") return [];
      if (typeof id === "string") found.push(...(byRepositoryId.get(id) ?? []));
      if (typeof repository === "string") {
        const lower = asciiLower(repository);
        found.push(...(byRepositoryName.get(lower) ?? []));
        const owner = lower.slice(0, Math.max(0, lower.indexOf("/")));
        for (const rule of byOwnerWithWildcard.get(owner) ?? []) {
          if (rule.repository && repositoryMatches(rule.repository.owner, rule.repository.name, repository)) {
            found.push(rule);
          }
        }
      }
      if (typeof ownerId === "string") found.push(...(byOwnerId.get(ownerId) ?? []));
      return found
        .filter((rule) => rule.issuers.includes(issuer))
        .sort((a, b) => a.position - b.position)
        .map((rule) => ruleAt(rule.position));
    },
  };
}

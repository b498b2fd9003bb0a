/** Advice on a valid policy (docs/policy.md, "Lint"): shown by the CLI and logged when the service loads it. */

import { GITHUB_COM_ISSUER } from "../protocol/names";
import { UNTRUSTED_CODE_EVENTS } from "./conditions";
import { compileGlob, hasWildcard, patternProblem } from "./glob";
import type { Problem } from "./problems";

type Fields = Record<string, unknown>;

/** Branches a pattern that "admits every branch" must match: short, long, nested. */
const BRANCH_PROBES = ["refs/heads/main", "refs/heads/x", "refs/heads/feature/a/b-c"];
/** Branch names without a slash, the shape most branches have (`refs/heads/*` admits them all). */
const FLAT_BRANCH_PROBES = ["refs/heads/main", "refs/heads/x", "refs/heads/fix-login_2.0", "refs/heads/@-_"];

/** "every" (any branch at all), "flat" (every branch without a slash in its name), or undefined. */
function branchesAdmitted(pattern: string): "every" | "flat" | undefined {
  if (patternProblem(pattern)) return undefined;
  const glob = compileGlob(pattern);
  if (BRANCH_PROBES.every((ref) => glob.matches(ref))) return "every";
  return FLAT_BRANCH_PROBES.every((ref) => glob.matches(ref)) ? "flat" : undefined;
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Expects a policy that has passed validation. */
export function lintPolicy(policy: Fields): Problem[] {
  const warnings: Problem[] = [];
  const warn = (path: string, message: string) => warnings.push({ severity: "warning", path, message });
  const environments = (policy.environments ?? {}) as Fields;
  const trustedCount =
    (policy.github_com === false ? 0 : 1) +
    asList(policy.issuers).filter((item) => (item as Fields)?.issuer !== GITHUB_COM_ISSUER).length;
  asList(policy.issuers).forEach((item, index) => {
    const entry = item as Fields;
    if (entry?.issuer !== GITHUB_COM_ISSUER || (entry.jwks_uri === undefined && entry.jwks === undefined)) return;
    // Pinned keys (air-gapped runs, tests) break when GitHub rotates; keys from elsewhere let
    // whoever holds them sign as GitHub for every rule. Either way, a reviewer must see it.
    warn(
      `issuers[${index}].${entry.jwks_uri !== undefined ? "jwks_uri" : "jwks"}`,
      `re-points the keys of GitHub.com's own issuer (${GITHUB_COM_ISSUER}/.well-known/jwks): whoever holds these keys can sign tokens as GitHub for every rule that trusts it; remove it unless you mean to pin them`,
    );
  });
  const audiences = new Map<string, string>();
  for (const [name, environment] of Object.entries(environments)) {
    const audience = String((environment as Fields).audience ?? name);
    const sharedWith = audiences.get(audience);
    if (sharedWith !== undefined) {
      warn(
        `environments.${name}.audience`,
        `shares its audience with "${sharedWith}": a verifier that checks only aud would accept one's tokens for the other (check environment too)`,
      );
    } else audiences.set(audience, name);
    const environmentIssuer = (environment as Fields).issuer;
    const rules = asList((environment as Fields).rules);
    rules.forEach((value, index) => {
      const rule = value as Fields;
      const path = `environments.${name}.rules[${index}]`;
      if (trustedCount > 1 && rule.issuer === undefined && environmentIssuer === undefined) {
        warn(
          path,
          "relies on the default issuer (GitHub.com's) while several are trusted: name its issuer, on the rule or its environment",
        );
      }
      if (rule.repository === undefined && rule.repository_id === undefined) {
        warn(path, "names only an owner (owner_id): every present and future repository of it is allowed");
      }
      if (rule.ref === undefined) {
        warn(path, "no ref condition: every branch and tag passes");
      }
      if (rule.repository_id === undefined) {
        warn(
          path,
          "no repository_id: a repository re-created under the same name would match; pin it with repository_id",
        );
      }
      if (rule.environment === undefined) {
        warn(
          path,
          "no environment condition: jobs outside any GitHub deployment environment (and its protection rules) pass",
        );
      }
      if (rule.runner === "self-hosted") {
        warn(
          `${path}.runner`,
          "self-hosted runners are often shared and long-lived: make sure only trusted jobs reach them",
        );
      }
      if (typeof rule.repository === "string" && hasWildcard(rule.repository)) {
        warn(
          `${path}.repository`,
          "wildcard repository name: every matching repository, present and future, is allowed",
        );
      }
      for (const ref of asList(rule.ref)) {
        const admitted = typeof ref === "string" ? branchesAdmitted(ref) : undefined;
        if (admitted === "every") warn(`${path}.ref`, `"${ref}" admits every branch`);
        if (admitted === "flat") {
          warn(
            `${path}.ref`,
            `"${ref}" admits every branch whose name has no slash (main, any feature branch anyone can push): name the branches`,
          );
        }
      }
      for (const event of asList(rule.event)) {
        if (typeof event === "string" && UNTRUSTED_CODE_EVENTS.has(event)) {
          warn(`${path}.event`, `${event} may run code from a pull request with this repository's identity`);
        }
      }
    });
  }
  return warnings;
}

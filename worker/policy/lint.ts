/** Advice on a valid policy (SPEC §3 "Lint"): shown by the CLI and logged when the service loads it. */
import { UNTRUSTED_CODE_EVENTS } from "./conditions";
import { hasWildcard } from "./glob";
import type { Problem } from "./problems";

type Fields = Record<string, unknown>;

const ANY_REF = new Set(["**", "refs/**"]);

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Expects a policy that has passed validation. */
export function lintPolicy(policy: Fields): Problem[] {
  const warnings: Problem[] = [];
  const warn = (path: string, message: string) => warnings.push({ severity: "warning", path, message });
  const environments = (policy.environments ?? {}) as Fields;
  for (const [name, environment] of Object.entries(environments)) {
    const rules = asList((environment as Fields).rules);
    rules.forEach((value, index) => {
      const rule = value as Fields;
      const path = `environments.${name}.rules[${index}]`;
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
        if (typeof ref === "string" && ANY_REF.has(ref)) warn(`${path}.ref`, `"${ref}" matches every branch and tag`);
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

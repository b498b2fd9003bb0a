// Policies of any size for benchmarks and scale tests: `rules` rules over up to 20 environments
// and many owners and repositories, each rule as fully written as a real one. Rule i admits
// `largePolicyClaims(i)`: repository org<i mod 997>/repo<i>, id i+1, on main, to env<i mod 20>.

/**
 * The policy as YAML text; `issuers` (a list of `{ issuer, jwks }`) is prepended when given.
 * With `unlintedEvery: n`, every n-th rule leaves out its `environment` condition, as real
 * policies do, so that it draws a lint warning (and still admits the same claims).
 */
export function largePolicyText(rules, { issuers, unlintedEvery } = {}) {
  const environments = Math.min(20, rules);
  const lines = ["version: 1"];
  if (issuers) lines.push(`issuers: ${JSON.stringify(issuers)}`);
  lines.push("environments:");
  for (let e = 0; e < environments; e++) {
    lines.push(`  env${e}:`, "    scopes: [deploy:write, logs:read]", "    rules:");
    for (let i = e; i < rules; i += environments) {
      const environment = unlintedEvery && i % unlintedEvery === 0 ? "" : ` environment: env${e},`;
      lines.push(
        `      - {name: r${i}, repository: org${i % 997}/repo${i}, repository_id: ${i + 1}, owner_id: ${(i % 997) + 1}, ref: [refs/heads/main, refs/heads/release/*],${environment} event: [push, workflow_dispatch]}`,
      );
    }
  }
  return lines.join("\n");
}

/** The claims that rule `i` of a policy of `rules` rules admits (merge into githubClaims). */
export function largePolicyClaims(i, rules) {
  const environment = `env${i % Math.min(20, rules)}`;
  return {
    repository: `org${i % 997}/repo${i}`,
    repository_owner: `org${i % 997}`,
    repository_id: String(i + 1),
    repository_owner_id: String((i % 997) + 1),
    environment,
  };
}

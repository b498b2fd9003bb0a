/**
 * The benchmarks that need no workerd: policy scale (compile once, then decide many times) and
 * key fetching under a flood of unknown `kid`s. Bundled by run.mjs and run in Node, with the
 * service's own modules.
 */
import { importJWK, SignJWT } from "jose";
import { diffPolicies } from "../policy/diff";
import { evaluatePolicy } from "../policy/evaluate";
import { compilePolicy } from "../policy/policy-text";
import { diffBudget } from "../policy/work-budget";
import { generateIssuerKey, githubClaims } from "../scripts/fake-github.mjs";
import { largePolicyClaims, largePolicyText } from "../scripts/large-policy.mjs";
import { trustedIssuers } from "../worker/oidc/issuers";
import { JwksCache } from "../worker/oidc/jwks-cache";
import { SubjectTokenRejected, verifySubjectToken } from "../worker/oidc/verify-subject-token";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function policyScale(sizes: readonly number[], decisions: number) {
  return sizes.map((rules) => {
    const text = largePolicyText(rules);
    const started = performance.now();
    const compiled = compilePolicy(text);
    const compileMs = performance.now() - started;
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems.slice(0, 3)));
    const claims = Array.from({ length: 512 }, (_, k) => githubClaims(largePolicyClaims((k * 7919) % rules, rules)));
    const samples: number[] = [];
    let allowed = 0;
    for (let round = 0; round < 5; round++) {
      const t0 = performance.now();
      for (let d = 0; d < decisions; d++) {
        const c = claims[d % claims.length];
        if (evaluatePolicy(compiled.policy, c, {}).allowed) allowed++;
      }
      samples.push(((performance.now() - t0) * 1000) / decisions);
    }
    return {
      rules,
      bytes: text.length,
      compileMs,
      decisionMicros: median(samples),
      spread: [Math.min(...samples), Math.max(...samples)],
      allowedShare: allowed / (decisions * 5),
    };
  });
}

/** A flood of tokens naming unknown kids, over `minutes` of simulated time: how many JWKS fetches. */
export async function kidFlood(requests: number, minutes: number) {
  const github = await generateIssuerKey();
  let fetches = 0;
  let clock = Date.now();
  const cache = new JwksCache({
    fetch: async () => {
      fetches++;
      return Response.json({ keys: [github.publicJwk] });
    },
    now: () => clock,
  });
  const key = await importJWK(github.privateJwk, "RS256");
  const context = () => ({
    trusted: trustedIssuers({ issuers: [], githubCom: true }),
    audience: "https://downscope.example.com",
    selfIssuer: "https://downscope.example.com",
    keys: cache,
    now: Math.floor(clock / 1000),
  });
  const step = (minutes * 60_000) / requests;
  let refused = 0;
  for (let i = 0; i < requests; i++) {
    const token = await new SignJWT(githubClaims({ aud: "https://downscope.example.com" }, Math.floor(clock / 1000)))
      .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: `made-up-${i}` })
      .sign(key);
    try {
      await verifySubjectToken(token, context());
    } catch (error) {
      if (error instanceof SubjectTokenRejected) refused++;
    }
    clock += step;
  }
  return { requests, minutes, fetches, refused, cooldownSeconds: 60 };
}

/**
 * `policy diff` at scale (issue 18): two policies of `rules` rules, every seventh rule's ref
 * widened, read and validated as the CLI reads them (YAML), then compared. Reading and diffing
 * are timed apart: the YAML library is most of it.
 */
export function policyDiffScale(rules: number) {
  const base = largePolicyText(rules);
  let changed = 0;
  const head = base.replace(/ref: \[refs\/heads\/main, refs\/heads\/release\/\*\]/g, (match) =>
    changed++ % 7 === 0 ? "ref: refs/heads/**" : match,
  );
  const started = performance.now();
  const before = compilePolicy(base);
  const after = compilePolicy(head);
  const read = performance.now() - started;
  if (!before.ok || !after.ok) throw new Error("the generated policies do not validate");
  const diffStarted = performance.now();
  const budget = diffBudget(rules * 2);
  const diff = diffPolicies(before.value as Record<string, unknown>, after.value as Record<string, unknown>, {
    budget,
    compiled: { base: before.policy, head: after.policy },
  });
  return {
    rules,
    readMs: read,
    diffMs: performance.now() - diffStarted,
    changes: diff.changes.length,
    budgetShare: budget.used / budget.limit,
  };
}

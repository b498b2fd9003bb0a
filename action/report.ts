/**
 * What the workflow's author reads when a token is refused: the service's reason, its
 * explanation laid out condition by condition, and the job's identity as its OIDC token states
 * it (the non-secret claims only; never the token).
 */
import { decodeCompactJwt } from "../protocol/compact-jwt";
import { shown } from "../protocol/printable";
import type { Denial, RefusalBody } from "./token-client";

/** The claims worth showing to explain a decision, in reading order. */
const IDENTITY: readonly [label: string, render: (c: Record<string, unknown>) => string | undefined][] = [
  [
    "repository",
    (c) =>
      join(
        c.repository,
        c.repository_id && `id ${c.repository_id}`,
        c.repository_owner_id && `owner id ${c.repository_owner_id}`,
      ),
  ],
  ["ref", (c) => join(c.ref, c.ref_type)],
  ["environment", (c) => text(c.environment) ?? "(none: the job has no GitHub environment)"],
  ["workflow", (c) => text(c.job_workflow_ref)],
  ["event", (c) => text(c.event_name)],
  ["runner", (c) => text(c.runner_environment)],
  ["actor", (c) => text(c.actor)],
  ["run", (c) => join(c.run_id, c.run_attempt && `attempt ${c.run_attempt}`)],
];

/** `narrowing`: the subject was a downscope token the step meant to narrow, not the job's GitHub token. */
export function renderRefusal(
  status: number,
  body: RefusalBody,
  subjectToken: string | undefined,
  narrowing = false,
): string {
  const lines = [
    `downscope refused the token (HTTP ${status} ${body.error}): ${body.error_description ?? "no description"}`,
  ];
  if (body.denial) lines.push("", ...renderDenial(body.denial));
  if (body.refused_scopes?.length) {
    lines.push("", `Refused scopes: ${body.refused_scopes.join(" ")}. Ask only for scopes the matching rule grants.`);
  }
  const identity = subjectToken ? renderIdentity(subjectToken) : [];
  if (identity.length > 0) {
    const source = narrowing
      ? "The identity of the token in narrow-from (claims only, not the token):"
      : "The job's identity, from its GitHub OIDC token (claims only, not the token):";
    lines.push("", source, ...identity);
  }
  // Every line holds text the service or the token chose: none may repaint the log or issue a command.
  return lines.map(shown).join("\n");
}

export function renderDenial(denial: Denial): string[] {
  const who = `${denial.repository ?? "this repository"}${denial.repository_id ? ` (id ${denial.repository_id})` : ""}`;
  if (!denial.covered) {
    return [
      `No rule of environment "${denial.environment}" covers ${who}.`,
      "Ask the environment's admins for a rule naming this repository (by repository_id).",
    ];
  }
  const lines = [`Environment "${denial.environment}", rules for ${who}:`];
  for (const rule of denial.rules) {
    lines.push(`  rule "${rule.rule}":`);
    for (const failed of rule.failed) {
      const expected = failed.expected.length > 0 ? failed.expected.join(" or ") : "(not this event)";
      lines.push(`    ✗ ${failed.condition}: expected ${expected}, got ${failed.actual ?? "(no such claim)"}`);
      if (failed.note) lines.push(`      ${failed.note}`);
    }
  }
  return lines;
}

export function renderIdentity(subjectToken: string): string[] {
  const claims = decodeCompactJwt(subjectToken)?.payload;
  if (!claims) return [];
  const width = Math.max(...IDENTITY.map(([label]) => label.length)) + 2;
  return IDENTITY.flatMap(([label, render]) => {
    const value = render(claims);
    return value === undefined ? [] : [`  ${label.padEnd(width)}${value}`];
  });
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function join(first: unknown, ...details: unknown[]): string | undefined {
  const head = text(first);
  if (head === undefined) return undefined;
  const rest = details.map(text).filter((detail) => detail !== undefined);
  return rest.length > 0 ? `${head} (${rest.join(", ")})` : head;
}

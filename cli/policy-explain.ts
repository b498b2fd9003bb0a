/**
 * `downscope policy explain FILE --claims FILE|-`: the decision the service would take for these
 * claims, rule by rule, with every condition's expected and actual value. Same code as the
 * service: compilePolicy, then evaluatePolicy; nothing is re-implemented here.
 */
import { subjectClaimsAcceptable } from "../policy/claims";
import { type AccessRequest, type Decision, evaluatePolicy, evaluateRule, findEnvironment } from "../policy/evaluate";
import { describeOidcToken } from "../policy/kinds/oidc";
import { compilePolicy } from "../policy/policy-text";
import { formatProblem } from "../policy/problems";
import type { Claims, CompiledPolicy, ConditionResult } from "../policy/types";
import { formatDuration } from "../protocol/duration";
import { readClaimsInput } from "./claims-input";
import { CliError, type CliIo, painter, readInput, shown } from "./io";
import { accessRequest } from "./request-options";

export interface ExplainOptions {
  readonly claims: string;
  readonly environment?: string;
  readonly scope?: string;
  readonly ttl?: string;
  readonly json?: boolean;
}

export function loadPolicy(io: CliIo, file: string): CompiledPolicy {
  const result = compilePolicy(readInput(io, file, "the policy"));
  if (!result.ok) {
    throw new CliError(
      `${file} is not a valid policy (run \`downscope policy check ${file}\`):\n${result.problems.map(formatProblem).join("\n")}`,
      1,
    );
  }
  return result.policy;
}

/** Every rule of the target environment, evaluated; `covers` marks those the service looks at. */
export function explainRules(policy: CompiledPolicy, claims: Claims, request: AccessRequest) {
  const target = request.environment ?? (typeof claims.environment === "string" ? claims.environment : undefined);
  const environment = target === undefined ? undefined : findEnvironment(policy, target);
  if (!environment) return [];
  const covering = new Set(environment.index.covering(claims));
  return Array.from({ length: environment.ruleCount }, (_, position) => environment.rule(position)).map((rule) => ({
    ...evaluateRule(rule, claims),
    covers: covering.has(rule),
  }));
}

export function describeDecision(decision: Decision): string {
  if (decision.allowed) {
    const what = decision.environment.oidc
      ? "an OIDC token"
      : decision.environment.github
        ? `a GitHub token with ${decision.scopes.join(" ")} for ${decision.repositories?.join(", ")}`
        : `scopes ${decision.scopes.join(" ") || "(none)"}`;
    return `ALLOW by rule "${decision.rule.label}": ${what}, lifetime ${formatDuration(decision.ttl)} (${decision.ttl} s)`;
  }
  const refused = decision.refusedScopes ? ` (refused: ${decision.refusedScopes.join(" ")})` : "";
  return `DENY ${decision.error} (${decision.reason})${refused}`;
}

export function policyExplain(io: CliIo, file: string, options: ExplainOptions): number {
  const policy = loadPolicy(io, file);
  const input = readClaimsInput(io, options.claims);
  const request = accessRequest(options, "option");
  const decision = evaluatePolicy(policy, input.claims, request);
  const rules = explainRules(policy, input.claims, request);
  const acceptable = subjectClaimsAcceptable(input.claims);
  const notes = [
    ...(input.fromToken
      ? [
          "The claims come from a JWT that was decoded, not verified: its signature, issuer, audience and times were not checked.",
        ]
      : []),
    ...(acceptable
      ? []
      : [
          "The service would refuse these claims before any rule: jti, repository, repository_id and repository_owner_id must be strings (ids as digits), and the other claims it reads strings when present.",
        ]),
  ];

  if (options.json) {
    io.out(
      JSON.stringify(
        {
          decision: decision.allowed
            ? {
                allowed: true,
                environment: decision.environment.name,
                kind: decision.environment.kind,
                rule: decision.rule.label,
                ttl: decision.ttl,
                ...(decision.environment.oidc
                  ? {
                      audience: decision.environment.audience,
                      subject: decision.environment.oidc.subject,
                      algorithm: decision.environment.oidc.algorithm,
                      aws_session_tags: decision.environment.oidc.awsSessionTags,
                    }
                  : {
                      scopes: decision.scopes,
                      dpop: decision.environment.dpop,
                      narrowing: decision.environment.narrowing,
                    }),
              }
            : {
                allowed: false,
                error: decision.error,
                reason: decision.reason,
                ...(decision.refusedScopes ? { refused_scopes: decision.refusedScopes } : {}),
              },
          rules: rules.map((rule) => ({
            rule: rule.rule.label,
            covers: rule.covers,
            matched: rule.matched,
            conditions: rule.conditions,
          })),
          notes,
        },
        null,
        2,
      ),
    );
    return decision.allowed ? 0 : 1;
  }

  const paint = painter(io);
  const target = request.environment ?? input.claims.environment;
  io.out(
    shown(
      `Policy ${file}, environment ${target === undefined ? "(none requested, and the claims name none)" : `"${String(target)}"`}${request.environment ? " (from --environment)" : " (from the claims)"}, issuer ${String(input.claims.iss)}`,
    ),
  );
  for (const note of notes) io.out(paint("yellow", `note: ${note}`));
  const covering = rules.filter((rule) => rule.covers);
  if (rules.length > 0 && covering.length === 0)
    io.out(
      paint(
        "dim",
        "No rule of this environment concerns this repository of this issuer (by repository_id, name or owner_id).",
      ),
    );
  for (const rule of covering) {
    io.out("");
    io.out(
      `${rule.matched ? paint("green", "✓") : paint("red", "✗")} rule ${rule.rule.position + 1} "${shown(rule.rule.label)}" ${rule.matched ? "matches" : "does not match"}`,
    );
    const width = Math.max(...rule.conditions.map((condition) => condition.condition.length));
    for (const condition of rule.conditions) io.out(`    ${conditionLine(condition, width, paint)}`);
  }
  const others = rules.length - covering.length;
  if (others > 0)
    io.out(
      paint(
        "dim",
        `(${others} other rule${others === 1 ? "" : "s"} of this environment concern${others === 1 ? "s" : ""} other repositories)`,
      ),
    );
  io.out("");
  io.out(
    `Decision: ${decision.allowed ? paint("green", describeDecision(decision)) : paint("red", describeDecision(decision))}`,
  );
  if (decision.allowed && decision.environment.github) {
    const { app, owner } = decision.environment.github;
    io.out(
      `The token: a GitHub App installation token of app "${app.name}" on ${owner}, for GitHub's hour; the action's post step revokes it`,
    );
  } else if (decision.allowed && decision.environment.oidc) {
    const { audience, oidc } = decision.environment;
    io.out(`The token: ${describeOidcToken({ audience, ...oidc })}; not revocable (no cloud asks downscope)`);
  } else if (decision.allowed) {
    const { dpop, narrowing } = decision.environment;
    io.out(
      `The token: DPoP ${dpop}; narrowing ${narrowing} (${narrowing === "allowed" ? "its holder may exchange it for a narrower token for a sub-task" : "it cannot be exchanged for a narrower token"})`,
    );
  }
  return decision.allowed ? 0 : 1;
}

function conditionLine(condition: ConditionResult, width: number, paint: ReturnType<typeof painter>): string {
  const mark = condition.held ? paint("green", "✓") : paint("red", "✗");
  const expected = condition.expected.length > 0 ? condition.expected.join(" | ") : "(no condition)";
  const line = `${mark} ${shown(condition.condition.padEnd(width))}  expected ${shown(expected)}  actual ${shown(condition.actual ?? "(absent)")}`;
  return condition.note ? `${line}\n      ${paint("yellow", condition.note)}` : line;
}

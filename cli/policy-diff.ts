/**
 * `downscope policy diff BASE HEAD`: what a policy change does to access, for a pull request's
 * reviewer (issue 18). Both sides are checked first: an invalid head is an error naming it; an
 * invalid base is reported, then the head is compared with "no policy".
 */
import { diffPolicies, type PolicyDiff } from "../policy/diff";
import { compilePolicy } from "../policy/policy-text";
import { formatProblem } from "../policy/problems";
import { CliError, type CliIo, painter, readInput, shown } from "./io";

export interface DiffOptions {
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly failOnWidening?: boolean;
}

export function policyDiff(io: CliIo, baseFile: string, headFile: string, options: DiffOptions): number {
  const head = compilePolicy(readInput(io, headFile, "the head policy"));
  if (!head.ok) {
    throw new CliError(
      `the head policy ${headFile} is invalid (run \`downscope policy check ${headFile}\`):\n${head.problems.map(formatProblem).map(shown).join("\n")}`,
      1,
    );
  }
  const base = compilePolicy(readInput(io, baseFile, "the base policy"));
  const notes = base.ok
    ? []
    : [
        `the base policy ${baseFile} is invalid (${base.problems.length} problem${base.problems.length === 1 ? "" : "s"}, first: ${base.problems.slice(0, 1).map(formatProblem).join("")}): comparing with no policy`,
      ];
  const diff = diffPolicies(
    base.ok ? (base.value as Record<string, unknown>) : undefined,
    head.value as Record<string, unknown>,
  );

  if (options.json) io.out(JSON.stringify({ base: baseFile, head: headFile, notes, ...diff }, null, 2));
  else if (options.markdown) io.out(markdown(diff, notes));
  else {
    const paint = painter(io);
    for (const note of notes) io.out(paint("yellow", `note: ${shown(note)}`));
    for (const change of diff.changes) {
      const color = change.effect === "narrows" || change.effect === "label only" ? "green" : "red";
      io.out(`${paint(color, change.effect.toUpperCase().padEnd(10))} ${paint("bold", shown(change.path))}`);
      for (const reason of change.reasons) io.out(`           ${shown(reason)}`);
    }
    io.out(summary(diff));
  }
  return options.failOnWidening && diff.widens ? 1 : 0;
}

function summary(diff: PolicyDiff): string {
  if (diff.changes.length === 0) return "No change to what the policy grants.";
  const count = (effect: string) => diff.changes.filter((change) => change.effect === effect).length;
  return `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}: ${count("widens")} widen, ${count("narrows")} narrow, ${count("changes")} both, ${count("label only")} label only.`;
}

/** For a pull-request comment: every piece of policy text escaped for Markdown and HTML. */
function markdown(diff: PolicyDiff, notes: readonly string[]): string {
  const cell = (text: string) => shown(text).replace(/[\\`*_{}[\]<>|#]/g, (ch) => `\\${ch}`);
  const icon = { widens: "🔓 widens", narrows: "🔒 narrows", changes: "⚠️ changes", "label only": "🏷️ label only" };
  const lines = ["### downscope policy diff", "", summary(diff), ""];
  for (const note of notes) lines.push(`> ${cell(note)}`, "");
  if (diff.changes.length > 0) {
    lines.push("| effect | where | why |", "|---|---|---|");
    for (const change of diff.changes) {
      lines.push(`| ${icon[change.effect]} | ${cell(change.path)} | ${change.reasons.map(cell).join("<br>")} |`);
    }
  }
  return lines.join("\n");
}

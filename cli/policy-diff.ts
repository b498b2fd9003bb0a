/**
 * `downscope policy diff BASE HEAD`: what a policy change does to access, for a pull request's
 * reviewer (issue 18). Both sides are checked first: an invalid head is an error naming it; an
 * invalid base is reported, then the head is compared with "no policy". The policy-review
 * action compares the same way and posts the same Markdown.
 */
import { diffPolicies, type PolicyDiff, WIDENING_EFFECTS } from "../policy/diff";
import { compilePolicy } from "../policy/policy-text";
import { formatProblem } from "../policy/problems";
import { CliError, type CliIo, painter, readInput, shown } from "./io";

export interface DiffOptions {
  readonly json?: boolean;
  readonly markdown?: boolean;
  readonly failOnWidening?: boolean;
}

export interface PolicyComparison {
  readonly diff: PolicyDiff;
  /** What the reader must know first, e.g. that the base was invalid and so compared as no policy. */
  readonly notes: readonly string[];
}

/**
 * Compares two policy texts, each named as the reader knows it. A base `text` of undefined means
 * there is no base policy (a new file); `compiled` spares compiling a head already checked.
 * Throws `CliError` when the head is invalid.
 */
export function comparePolicyTexts(
  base: { readonly name: string; readonly text: string | undefined },
  head: { readonly name: string; readonly text: string; readonly compiled?: ReturnType<typeof compilePolicy> },
): PolicyComparison {
  const after = head.compiled ?? compilePolicy(head.text);
  if (!after.ok) {
    throw new CliError(
      `the head policy ${head.name} is invalid (run \`downscope policy check ${head.name}\`):\n${after.problems.map(formatProblem).map(shown).join("\n")}`,
      1,
    );
  }
  const before = base.text === undefined ? undefined : compilePolicy(base.text);
  const notes =
    before === undefined
      ? [`there is no base policy ${base.name}: comparing with no policy`]
      : before.ok
        ? []
        : [
            `the base policy ${base.name} is invalid (${before.problems.length} problem${before.problems.length === 1 ? "" : "s"}, first: ${before.problems.slice(0, 1).map(formatProblem).join("")}): comparing with no policy`,
          ];
  const diff = diffPolicies(
    before?.ok ? (before.value as Record<string, unknown>) : undefined,
    after.value as Record<string, unknown>,
    { compiled: { base: before?.ok ? before.policy : undefined, head: after.policy } },
  );
  return { diff, notes };
}

export function policyDiff(io: CliIo, baseFile: string, headFile: string, options: DiffOptions): number {
  const headText = readInput(io, headFile, "the head policy");
  const { diff, notes } = comparePolicyTexts(
    { name: baseFile, text: readInput(io, baseFile, "the base policy") },
    { name: headFile, text: headText },
  );

  if (options.json) io.out(JSON.stringify({ base: baseFile, head: headFile, notes, ...diff }, null, 2));
  else if (options.markdown) io.out(diffMarkdown(diff, notes));
  else for (const line of diffText(diff, notes, painter(io))) io.out(line);
  return options.failOnWidening && diff.widens ? 1 : 0;
}

/** The diff for a terminal or a log, one change per paragraph; policy text made printable. */
export function diffText(
  diff: PolicyDiff,
  notes: readonly string[],
  paint: ReturnType<typeof painter> = (_, text) => text,
): string[] {
  const lines = notes.map((note) => paint("yellow", `note: ${shown(note)}`));
  for (const change of diff.changes) {
    const color = WIDENING_EFFECTS.has(change.effect) ? "red" : "green";
    lines.push(`${paint(color, change.effect.toUpperCase().padEnd(10))} ${paint("bold", shown(change.path))}`);
    for (const reason of change.reasons) lines.push(`           ${shown(reason)}`);
  }
  lines.push(diffSummary(diff));
  return lines;
}

export function diffSummary(diff: PolicyDiff): string {
  if (diff.changes.length === 0) return "No change to what the policy grants.";
  const count = (effect: string) => diff.changes.filter((change) => change.effect === effect).length;
  const undecided = count("undecided");
  return `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}: ${count("widens")} widen, ${count("narrows")} narrow, ${count("changes")} both, ${count("label only")} label only${undecided > 0 ? `, ${undecided} undecided (counted as widening)` : ""}.`;
}

/**
 * Policy text in Markdown and HTML: escaped, so a rule name can neither format nor inject, and
 * neither mention anyone (`@team`) nor become a link (`https://…`, `www.…`): a zero-width space
 * after `@` and inside `://` and `www.` keeps GitHub from reading them.
 */
export const markdownText = (text: string) =>
  shown(text)
    .replace(/[\\`*_{}[\]<>|#!~&]/g, (ch) => `\\${ch}`)
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200b")
    .replaceAll("://", ":\u200b//")
    .replace(/\b(www)\./gi, "$1\u200b.");

/**
 * For a pull-request comment: every piece of policy text escaped for Markdown and HTML. With
 * `maxLength`, rows that would not fit are left out and counted, widenings first to be kept
 * (GitHub refuses a comment over 65,536 characters).
 */
export function diffMarkdown(diff: PolicyDiff, notes: readonly string[], maxLength = Number.POSITIVE_INFINITY): string {
  const icon = {
    widens: "🔓 widens",
    narrows: "🔒 narrows",
    changes: "⚠️ changes",
    "label only": "🏷️ label only",
    undecided: "❓ undecided",
  };
  const lines = ["### downscope policy diff", "", diffSummary(diff), ""];
  for (const note of notes) lines.push(`> ${markdownText(note)}`, "");
  if (diff.changes.length === 0) return lines.join("\n");
  lines.push("| effect | where | why |", "|---|---|---|");
  const rank = { widens: 0, undecided: 1, changes: 2, narrows: 3, "label only": 4 };
  const ordered = [...diff.changes].sort((a, b) => rank[a.effect] - rank[b.effect]);
  const rows = ordered.map(
    (change) =>
      `| ${icon[change.effect]} | ${markdownText(change.path)} | ${change.reasons.map(markdownText).join("<br>")} |`,
  );
  const omitted = (n: number) =>
    `\n\n… and ${n} more change${n === 1 ? "" : "s"} not shown here: run \`downscope policy diff\` for all of them.`;
  const whole = [...lines, ...rows].join("\n");
  if (whole.length <= maxLength) return whole;
  // Room for the "and N more" line, whose count has at most 6 digits.
  let length = lines.join("\n").length + omitted(999_999).length;
  let kept = 0;
  while (kept < rows.length && length + 1 + rows[kept].length <= maxLength) length += 1 + rows[kept++].length;
  return [...lines, ...rows.slice(0, kept)].join("\n") + omitted(rows.length - kept);
}

/** `downscope policy report FILE`: who can obtain what, per environment, for audits and reviewers (issue 18). */
import { compilePolicy } from "../policy/policy-text";
import { formatProblem } from "../policy/problems";
import { reportPolicy } from "../policy/report";
import { CliError, type CliIo, painter, readInput, shown } from "./io";

export function policyReport(io: CliIo, file: string, options: { readonly json?: boolean }): number {
  const result = compilePolicy(readInput(io, file, "the policy"));
  if (!result.ok) {
    throw new CliError(
      `${file} is not a valid policy (run \`downscope policy check ${file}\`):\n${result.problems.map(formatProblem).map(shown).join("\n")}`,
      1,
    );
  }
  const report = reportPolicy(result.value as Record<string, unknown>, result.warnings);
  if (options.json) {
    io.out(JSON.stringify({ file, environments: report }, null, 2));
    return 0;
  }
  const paint = painter(io);
  for (const environment of report) {
    io.out(paint("bold", shown(`Environment "${environment.environment}" (tokens for ${environment.audience})`)));
    for (const warning of environment.warnings) io.out(paint("yellow", `  warning: ${shown(warning)}`));
    for (const rule of environment.rules) {
      io.out(`  rule "${shown(rule.rule)}" admits:`);
      const width = Math.max(...Object.keys(rule.admits).map((key) => key.length));
      for (const [key, values] of Object.entries(rule.admits))
        io.out(`    ${key.padEnd(width)}  ${shown(values.join(" | "))}`);
      io.out(
        rule.grants.token
          ? `    and grants ${shown(rule.grants.token)}, for at most ${rule.grants.max_ttl}`
          : `    and grants ${shown(rule.grants.scopes.join(" ") || "(no scope)")}, for at most ${rule.grants.max_ttl}, DPoP ${rule.grants.dpop}, narrowing ${rule.grants.narrowing}`,
      );
      for (const warning of rule.warnings) io.out(paint("yellow", `    warning: ${shown(warning)}`));
    }
    io.out("");
  }
  return 0;
}

/**
 * Policy text (YAML 1.2, or JSON) → compiled policy, with every problem placed on its line:
 * what the CLI reads. The Worker never parses YAML (docs/operating.md): it is handed JSON values, so
 * this module, and the YAML parser with it, stays out of its bundle.
 */
import { type CompileResult, compilePolicyValue } from "./compile";
import { readPolicyDocument } from "./document";

/** The result carries the value read, so `policy build` writes exactly what was validated. */
export function compilePolicy(text: string): CompileResult & { readonly value?: unknown } {
  const read = readPolicyDocument(text);
  if (!read.ok) return { ok: false, problems: read.problems };
  return { ...compilePolicyValue(read.document.value, { document: read.document }), value: read.document.value };
}

/**
 * Untrusted text made safe to print: the claims of an unverified token, rule and case names,
 * strings a service sent back. In a terminal or an Actions log a control character is an
 * instruction (repaint a line, start a new one); the runner reads `::error::`-style workflow
 * commands and, anywhere in a line, the legacy `##[add-mask]` form (actions/runner,
 * ActionCommand.cs); and bidirectional or zero-width characters make a reader see other text
 * than what is there. Printed through `shown`, none of that can happen.
 */

/** C0 and C1 controls, DEL and the Unicode line separators. Refused in names, escaped on output. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/**
 * Bidirectional overrides and isolates, zero-width and invisible format characters: what makes
 * a reader see other text than what is there. Refused in names, escaped on output.
 */
export const INVISIBLE_CHARACTER = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const ESCAPED = new RegExp(`${CONTROL_CHARACTER.source.slice(0, -1)}${INVISIBLE_CHARACTER.source.slice(1)}`, "g");

/**
 * Control and invisible characters as `\u001b`-style escapes; `::` and `##[` broken with a
 * zero-width space (added after the escaping, so it is the only one left).
 */
export function shown(text: string): string {
  return text
    .replace(ESCAPED, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replaceAll("::", ":\u200b:")
    .replaceAll("##[", "#\u200b#[");
}

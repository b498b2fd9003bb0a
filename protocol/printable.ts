/**
 * Untrusted text made safe to print: the claims of an unverified token, rule and case names,
 * strings a service sent back. In a terminal or an Actions log a control character is an
 * instruction (repaint a line, start a new one) and a line that starts with `::` is a workflow
 * command (`::error::`, `::add-mask::`); printed through `shown`, neither can happen.
 */

/** C0 and C1 controls, DEL and the Unicode line separators. Refused in names, escaped on output. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, "g");

/** Control characters as `\u001b`-style escapes, and `::` broken with a zero-width space. */
export function shown(text: string): string {
  return text
    .replace(CONTROL_CHARACTERS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replaceAll("::", ":\u200b:");
}

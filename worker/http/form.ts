/**
 * Reading an `application/x-www-form-urlencoded` body: size-limited however it arrives, and strict
 * about repeats (a parameter given twice is an error, never "first wins" or "last wins"), but for
 * `audience`, which RFC 8693 §2.1 lets repeat (then all naming one target), and `resource`, whose
 * distinct values are kept in order: one audience for most environments, the repositories for a
 * `github` one. A parameter sent empty is treated as omitted (RFC 6749 §3.2).
 */
import { invalidRequest, OAuthError } from "./errors";
import { BodyTooLarge, readRequestText } from "./read-limited";

export const MAX_BODY_BYTES = 64 * 1024;
/** The form's parameters, and every distinct `resource` value in order. */
export type TokenForm = ReadonlyMap<string, string> & { readonly resources: readonly string[] };

export async function readForm(request: Request): Promise<TokenForm> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") throw invalidRequest("wrong_content_type");
  let text: string;
  try {
    text = await readRequestText(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) throw invalidRequest("body_too_large", 413);
    throw invalidRequest("malformed_body");
  }
  const form = new Map<string, string>();
  const resources: string[] = [];
  for (const [name, value] of new URLSearchParams(text)) {
    if (value === "") continue;
    if (name === "resource") {
      if (!resources.includes(value)) resources.push(value);
      continue;
    }
    const earlier = form.get(name);
    if (earlier !== undefined) {
      if (name !== "audience") throw invalidRequest("repeated_parameter");
      if (earlier !== value) throw new OAuthError(400, "invalid_target", "multiple_targets");
    }
    form.set(name, value);
  }
  return Object.assign(form, { resources });
}

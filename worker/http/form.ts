/**
 * Reading an `application/x-www-form-urlencoded` body: size-limited however it arrives, and strict
 * about repeats (a parameter given twice is an error, never "first wins" or "last wins").
 */
import { invalidRequest } from "./errors";
import { BodyTooLarge, readRequestText } from "./read-limited";

export const MAX_BODY_BYTES = 64 * 1024;

export async function readForm(request: Request): Promise<ReadonlyMap<string, string>> {
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
  for (const [name, value] of new URLSearchParams(text)) {
    if (form.has(name)) throw invalidRequest("repeated_parameter");
    form.set(name, value);
  }
  return form;
}

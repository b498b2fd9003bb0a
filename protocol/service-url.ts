/**
 * A downscope service's base URL as clients take it (the action's `url` input, the CLI's
 * `--url`): https, or http on loopback only (local runs), with no credentials, query or
 * fragment, and no trailing slash.
 */
const LOOPBACK = /^(localhost|127(?:\.[0-9]{1,3}){3}|\[::1\])$/;

export type ServiceUrl =
  | { readonly ok: true; readonly url: string }
  | { readonly ok: false; readonly problem: "not_a_url" | "insecure" | "extras" };

export function parseServiceUrl(value: string): ServiceUrl {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: "not_a_url" };
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.test(url.hostname));
  if (!secure) return { ok: false, problem: "insecure" };
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: "extras" };
  return { ok: true, url: url.href.replace(/\/+$/, "") };
}

/** The request half of `explain` and `test`: environment, scopes and lifetime, as the service reads them. */

import type { AccessRequest } from "../policy/evaluate";
import { HARD_MAX_TTL_SECONDS, parseDuration } from "../protocol/duration";
import { CliError } from "./io";

export function accessRequest(
  options: { environment?: unknown; scope?: unknown; ttl?: unknown },
  where: string,
): AccessRequest {
  const request: { environment?: string; scopes?: string[]; ttl?: number } = {};
  if (options.environment !== undefined) {
    if (typeof options.environment !== "string" || options.environment === "") {
      throw new CliError(`${where}: environment must be a name`);
    }
    request.environment = options.environment;
  }
  if (options.scope !== undefined) {
    const scopes = Array.isArray(options.scope)
      ? options.scope
      : typeof options.scope === "string"
        ? options.scope.split(/\s+/)
        : undefined;
    if (!scopes?.every((scope) => typeof scope === "string" && scope !== "")) {
      throw new CliError(`${where}: scope must be space-separated scopes or a list`);
    }
    request.scopes = scopes;
  }
  if (options.ttl !== undefined) {
    const seconds = parseDuration(options.ttl);
    if (seconds === undefined || seconds > HARD_MAX_TTL_SECONDS) {
      throw new CliError(`${where}: ttl must be a duration up to 1h, such as "10m" or 600`);
    }
    request.ttl = seconds;
  }
  return request;
}

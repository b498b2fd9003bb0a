/** Claims as an admin has them: a JSON object, or a GitHub token (decoded, never verified). */
import { decodeCompactJwt } from "../protocol/compact-jwt";
import { GITHUB_COM_ISSUER } from "../protocol/names";
import { CliError, type CliIo, readInput } from "./io";

export interface ClaimsInput {
  readonly claims: Record<string, unknown>;
  /** True when the input was a JWT: its signature was not checked, and the output says so. */
  readonly fromToken: boolean;
}

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * `--claims FILE` (or `-`): a file holding claims or a token. A token given in place of the file
 * name is refused without being echoed: on a command line every process on the machine sees it.
 */
export function readClaimsInput(io: CliIo, path: string): ClaimsInput {
  if (COMPACT_JWT.test(path) && path.length > 64) {
    throw new CliError(
      "--claims takes a file holding the claims or a token, or - for standard input, and was given what looks like a token itself; pipe it instead (… | downscope policy explain POLICY --claims -): a token on the command line is visible to every process on the machine",
    );
  }
  return parseClaimsInput(readInput(io, path, "the claims"), path === "-" ? "standard input" : path);
}

function parseClaimsInput(text: string, source: string): ClaimsInput {
  const trimmed = text.trim();
  if (COMPACT_JWT.test(trimmed)) {
    const decoded = decodeCompactJwt(trimmed.endsWith(".") ? `${trimmed}AA` : trimmed);
    if (!decoded) throw new CliError(`${source} looks like a JWT but does not decode`);
    return { claims: withIssuer({ ...decoded.payload }), fromToken: true };
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new CliError(`${source} is neither a JSON object of claims nor a JWT`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new CliError(`${source} must be a JSON object of claims`);
  }
  return { claims: withIssuer(value as Record<string, unknown>), fromToken: false };
}

/** Rules match within an issuer (`iss`); claims written without one are GitHub.com's. */
export function withIssuer(claims: Record<string, unknown>): Record<string, unknown> {
  return claims.iss === undefined ? { ...claims, iss: GITHUB_COM_ISSUER } : claims;
}

/** `downscope token decode TOKEN`: header and claims, and when it expires. Never verifies, and says so. */
import { decodeCompactJwt } from "../protocol/compact-jwt";
import { CliError, type CliIo, painter, readInput, shown } from "./io";

export function tokenDecode(io: CliIo, token: string, options: { json?: boolean }): number {
  const text = (token === "-" ? readInput(io, "-", "the token") : token).trim();
  const decoded = decodeCompactJwt(text);
  if (!decoded) throw new CliError("not a JWT: expected three base64url parts (header.payload.signature)", 1);
  const now = Math.floor(io.now() / 1000);
  const exp = typeof decoded.payload.exp === "number" ? decoded.payload.exp : undefined;
  const expiry =
    exp === undefined
      ? "no exp claim"
      : exp > now
        ? `expires in ${human(exp - now)} (${iso(exp)})`
        : `expired ${human(now - exp)} ago (${iso(exp)})`;
  if (options.json) {
    io.out(JSON.stringify({ verified: false, header: decoded.header, claims: decoded.payload, expiry }, null, 2));
    return 0;
  }
  const paint = painter(io);
  io.out(paint("yellow", "Decoded only: the signature was NOT verified. Do not trust these claims."));
  // Line by line: JSON already escapes control characters, but not `::` or U+2028.
  const block = (value: unknown) => JSON.stringify(value, null, 2).split("\n").map(shown).join("\n");
  io.out(`${paint("bold", "header")} ${block(decoded.header)}`);
  io.out(`${paint("bold", "claims")} ${block(decoded.payload)}`);
  io.out(expiry);
  return 0;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

function human(seconds: number): string {
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

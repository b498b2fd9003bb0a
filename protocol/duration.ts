/** Policy durations: whole seconds (`600`, `"600"`) or a number with one unit (`90s`, `10m`, `1h`). */

export const HARD_MAX_TTL_SECONDS = 3600;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };
const DURATION = /^([0-9]{1,6})([smh]?)$/;

/** Seconds, or `undefined` when the value is not a well-formed positive duration. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  }
  if (typeof value !== "string") return undefined;
  const match = DURATION.exec(value);
  if (!match) return undefined;
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] === "" ? "s" : match[2]];
  return seconds > 0 ? seconds : undefined;
}

/** `600` → `10m`, for explanations. */
export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

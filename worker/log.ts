/**
 * Structured log lines: each record is logged as an object, which Workers Logs (observability in
 * wrangler.jsonc) indexes field by field. Callers pass ids, decisions and reasons: never a
 * token, a proof, a key or a header value.
 */
export type LogRecord = Readonly<Record<string, unknown>>;
export type Logger = (record: LogRecord) => void;

export const consoleLogger: Logger = (record) => {
  if (record.level === "error" || record.level === "warn") console.error(record);
  else console.log(record);
};

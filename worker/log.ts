/**
 * Structured log lines, one JSON object each. Callers pass ids, decisions and reasons: never a
 * token, a proof, a key or a header value.
 */
export type LogRecord = Readonly<Record<string, unknown>>;
export type Logger = (record: LogRecord) => void;

export const consoleLogger: Logger = (record) => {
  const line = JSON.stringify(record);
  if (record.level === "error" || record.level === "warn") console.error(line);
  else console.log(line);
};

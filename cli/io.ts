/** What the CLI touches outside itself, passed in so every command runs in tests without a terminal. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { styleText } from "node:util";

export { shown } from "../protocol/printable";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
  /** Writes a file, making its folder if needed. */
  writeFile(path: string, text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Colours on: stdout is a terminal and NO_COLOR is not set. */
  readonly color: boolean;
  /** Milliseconds since the epoch. */
  now(): number;
  /** For the commands that call a service (`token narrow`). */
  readonly fetch: typeof fetch;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    readFile: (path) => readFileSync(path, "utf8"),
    readStdin: () => readFileSync(0, "utf8"),
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
    env: process.env,
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    now: () => Date.now(),
    fetch: (input, init) => fetch(input, init),
  };
}

type Style = "red" | "green" | "yellow" | "dim" | "bold" | "cyan";

/** `paint("red", text)` when colours are on; the text unchanged otherwise. */
export function painter(io: Pick<CliIo, "color">): (style: Style, text: string) => string {
  return (style, text) => (io.color ? styleText(style, text, { validateStream: false }) : text);
}

/** A failure the user can fix: printed as is, with the exit code given. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Reads a file argument, `-` meaning standard input. */
export function readInput(io: CliIo, path: string, what: string): string {
  try {
    return path === "-" ? io.readStdin() : io.readFile(path);
  } catch (error) {
    if (error instanceof CliError) throw error; // the reader's own refusal says more

    const code = (error as { code?: string }).code;
    throw new CliError(
      `cannot read ${what} ${path === "-" ? "from standard input" : `"${path}"`}${code ? ` (${code})` : ""}`,
    );
  }
}

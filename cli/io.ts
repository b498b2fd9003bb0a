/** What the CLI touches outside itself, passed in so every command runs in tests without a terminal. */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { styleText } from "node:util";

export { shown } from "../protocol/printable";

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
  /** Writes a file, making its folder if needed. */
  writeFile(path: string, text: string): void;
  /** Writes a file only its owner can read or write (mode 0600), replacing one that exists. */
  writeSecretFile(path: string, text: string): void;
  /** Whether `path` lies in a git work tree and git would track it (it is not ignored). */
  gitWouldTrack(path: string): boolean;
  /** Whether stdout is a terminal (a secret printed there is on screen, not in a pipe). */
  readonly stdoutIsTerminal: boolean;
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
    readStdin: readAllStdin,
    writeFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    },
    writeSecretFile: (path, text) => {
      mkdirSync(dirname(path), { recursive: true });
      // An existing file keeps its mode on write: narrow it first, so the secret is never readable.
      if (existsSync(path)) chmodSync(path, 0o600);
      writeFileSync(path, text, { mode: 0o600 });
    },
    gitWouldTrack,
    stdoutIsTerminal: process.stdout.isTTY === true,
    env: process.env,
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    now: () => Date.now(),
    fetch: (input, init) => fetch(input, init),
  };
}

/** The most standard input may hold: claims, keys and tokens are a few KiB. */
const MAX_STDIN_BYTES = 1024 * 1024;

/**
 * All of standard input. readFileSync(0) fails with EAGAIN when the pipe is non-blocking, which
 * it is whenever another Node process writes into it (`./dev token | downscope policy explain
 * --claims -`: the writer's stdout and this stdin share one pipe, and Node makes its end
 * non-blocking): so read in a loop, waiting a moment whenever nothing has arrived yet.
 */
function readAllStdin(): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(64 * 1024);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let total = 0;
  for (;;) {
    let read: number;
    try {
      read = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (code === "EOF") break;
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > MAX_STDIN_BYTES) throw new CliError(`standard input holds more than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(Buffer.from(buffer.subarray(0, read)));
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Asks git itself (ignore rules, nested repositories, global excludes). Outside a work tree, or
 * without git, nothing would be tracked.
 */
function gitWouldTrack(path: string): boolean {
  const file = resolve(path);
  let dir = dirname(file);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  const git = (args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "ignore" });
  try {
    git(["rev-parse", "--is-inside-work-tree"]);
  } catch {
    return false;
  }
  try {
    git(["check-ignore", "-q", "--", file]);
    return false; // ignored
  } catch (error) {
    // 1: not ignored (or already tracked); anything else: git could not tell, so assume it would.
    return (error as { status?: number }).status !== 0;
  }
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

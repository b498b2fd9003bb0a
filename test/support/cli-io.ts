/** A `CliIo` over an in-memory file system, recording what the CLI prints. */
import { readFileSync } from "node:fs";
import type { CliIo } from "../../cli/io";
import { runCli } from "../../cli/program";

export async function cli(
  args: string[],
  files: Record<string, string> = {},
  options: {
    env?: Record<string, string>;
    stdin?: string;
    color?: boolean;
    written?: Record<string, string>;
    /** The network, for commands that call a service; by default every request fails. */
    fetch?: typeof fetch;
    /** Paths git would track (for `keys … --out`); none by default. */
    gitTracks?: (path: string) => boolean;
    /** stdout is a terminal; false (a pipe) by default. */
    terminal?: boolean;
    /** Files written as secrets (mode 0600) land here too, by path. */
    secrets?: Set<string>;
  } = {},
) {
  let out = "";
  let err = "";
  // What the command writes lands here (pass your own record to read it afterwards).
  const written = options.written ?? {};
  const io: CliIo = {
    out: (text) => {
      out += text.endsWith("\n") ? text : `${text}\n`;
    },
    err: (text) => {
      err += text.endsWith("\n") ? text : `${text}\n`;
    },
    readFile: (path) => {
      if (path in written) return written[path];
      if (path in files) return files[path];
      if (path.startsWith("examples/")) return readFileSync(path, "utf8");
      throw Object.assign(new Error("no such file"), { code: "ENOENT" });
    },
    readStdin: () => options.stdin ?? "",
    writeFile: (path, text) => {
      written[path] = text;
    },
    writeSecretFile: (path, text) => {
      written[path] = text;
      options.secrets?.add(path);
    },
    gitWouldTrack: options.gitTracks ?? (() => false),
    stdoutIsTerminal: options.terminal ?? false,
    env: options.env ?? {},
    color: options.color ?? false,
    now: () => Date.parse("2026-11-24T10:00:00Z"),
    fetch:
      options.fetch ??
      (async (input) => {
        throw new TypeError(`no network in tests: ${String(input)}`);
      }),
  };
  const code = await runCli(args, io);
  return { code, out, err };
}

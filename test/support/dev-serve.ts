/**
 * `./dev serve` as a user runs it, in a scratch copy of the repository, waited for until its
 * /healthz answers. Offline: were ./dev to think the copy needs an install, it fails rather than
 * fetches.
 */
import { type ChildProcess, spawn } from "node:child_process";

export interface DevServe {
  readonly process: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  log(): string;
}

export const devEnv = (port: number) => ({
  ...process.env,
  PORT: String(port),
  WRANGLER_SEND_METRICS: "false",
  NO_COLOR: "1",
  npm_config_offline: "true",
});

export async function startDevServe(cwd: string, port: number, args: readonly string[] = []): Promise<DevServe> {
  const serve = spawn("./dev", ["serve", ...args], { cwd, env: devEnv(port), stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  serve.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  serve.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (serve.exitCode !== null) throw new Error(`./dev serve exited ${serve.exitCode}:\n${log}`);
    const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return { process: serve, log: () => log };
    if (Date.now() > deadline) throw new Error(`./dev serve did not answer in 90 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Stops it as Ctrl-C would (./dev stops its whole process group), and waits until it has. */
export async function stopDevServe(serve: DevServe | undefined): Promise<void> {
  const child = serve?.process;
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  await exited;
}

/** Owner-only files in the runner's temporary folder, for secrets later steps read (the DPoP key), and reading them back. */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SecretFiles } from "./core";

export function runnerSecretFiles(env: NodeJS.ProcessEnv = process.env): SecretFiles {
  return {
    write(name, content) {
      // A fresh 0700 folder, then a 0600 file: nobody else on a shared runner can read it.
      const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), "downscope-"));
      const path = join(dir, name);
      writeFileSync(path, content, { mode: 0o600, flag: "wx" });
      return path;
    },
    read(path) {
      // A JWK is well under 1 KiB: anything much larger is not the file meant.
      if (statSync(path).size > 16 * 1024) throw new Error("larger than 16 KiB");
      return readFileSync(path, "utf8");
    },
    remove(path) {
      rmSync(join(path, ".."), { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the repository's tracked files (as they are in the working tree, so uncommitted
 * changes are tested too) in a temporary folder, with the installed node_modules linked in:
 * a tree like a fresh clone after `./dev setup`, where a test may run README commands that
 * write untracked files (.dev/, .dev.vars, .wrangler/) without touching the developer's own.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export interface ScratchCopy {
  readonly dir: string;
  remove(): void;
}

export function scratchCopy(): ScratchCopy {
  const root = resolve(".");
  const dir = join(mkdtempSync(join(tmpdir(), "downscope-copy-")), "project");
  const files = execFileSync("git", ["ls-files", "-z", "--cached"], { encoding: "utf8" })
    .split("\0")
    .filter((file) => file && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    // Timestamps kept: ./dev compares package-lock.json with the install's own stamp.
    cpSync(join(root, file), join(dir, file), { preserveTimestamps: true });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove: () => rmSync(dirname(dir), { recursive: true, force: true }) };
}

/**
 * A copy of the repository's files (tracked, and untracked but not ignored, as they are in the
 * working tree, so uncommitted changes are tested too) in a temporary folder, with the installed node_modules linked in:
 * a tree like a fresh clone after `./dev setup`, where a test may run README commands that
 * write untracked files (.dev/, .dev.vars, .wrangler/) without touching the developer's own.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export interface ScratchCopy {
  readonly dir: string;
  remove(): void;
}

export function scratchCopy(): ScratchCopy {
  const root = resolve(".");
  const dir = join(mkdtempSync(join(tmpdir(), "downscope-copy-")), "project");
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    encoding: "utf8",
  })
    .split("\0")
    .filter((file) => file && existsSync(join(root, file)));
  for (const file of files) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    // Timestamps kept: ./dev compares package-lock.json with the install's own stamp.
    cpSync(join(root, file), join(dir, file), { preserveTimestamps: true });
  }
  // node_modules is a folder of its own holding links to the installed packages, never a link to
  // the folder itself (an install in the copy must not reach the real one), with a fresh install
  // stamp so that ./dev in the copy sees it installed.
  const modules = join(dir, "node_modules");
  mkdirSync(modules);
  for (const entry of readdirSync(join(root, "node_modules"))) {
    if (entry === ".package-lock.json") copyFileSync(join(root, "node_modules", entry), join(modules, entry));
    else symlinkSync(join(root, "node_modules", entry), join(modules, entry));
  }
  return { dir, remove: () => rmSync(dirname(dir), { recursive: true, force: true }) };
}

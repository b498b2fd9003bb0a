/**
 * Reads a file of the checkout for the review, refusing anything whose real path leaves it: a
 * pull request can check in a symbolic link to a file elsewhere on the runner, whose values
 * would then surface in annotations and comments.
 */
import { readFileSync, realpathSync } from "node:fs";
import { resolve, sep } from "node:path";
import { CliError, shown } from "../cli/io";

export function readWorkspaceFile(workspace: string, path: string): string {
  const root = realpathSync(workspace);
  // realpath throws ENOENT for a missing file, which the caller reports as unreadable.
  const real = realpathSync(resolve(root, path));
  if (!real.startsWith(root + sep)) {
    throw new CliError(
      `"${shown(path)}" leads outside the repository (a symbolic link?): only files of the checkout are read`,
      1,
    );
  }
  return readFileSync(real, "utf8");
}

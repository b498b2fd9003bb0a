// The notes of one release, taken from CHANGELOG.md: the body of its `## X.Y.Z` section. The
// release workflow publishes them and refuses a version whose section is missing, empty, or
// still marked unreleased, so no release goes out undocumented.
//   node scripts/release-notes.mjs 1.2.3 > notes.md
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export class ReleaseNotesError extends Error {}

const VERSION = /^(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})\.(0|[1-9][0-9]{0,5})$/;

/** The section's body for `version`, trimmed; throws ReleaseNotesError saying what to fix. */
export function releaseNotes(changelog, version) {
  if (!VERSION.test(version)) {
    throw new ReleaseNotesError(`the version must be X.Y.Z (digits, no leading zeros), got ${JSON.stringify(version)}`);
  }
  const lines = changelog.split(/\r?\n/);
  const headings = lines.flatMap((line, index) => (line.startsWith("## ") ? [index] : []));
  const start = headings.find((index) => {
    const [word] = lines[index].slice(3).trim().split(/\s+/);
    return word === version;
  });
  if (start === undefined) {
    throw new ReleaseNotesError(`CHANGELOG.md has no "## ${version}" section: add one that says what changed`);
  }
  if (/unreleased/i.test(lines[start])) {
    throw new ReleaseNotesError(
      `CHANGELOG.md still marks ${version} as unreleased: date it ("## ${version} - YYYY-MM-DD") and commit`,
    );
  }
  const end = headings.find((index) => index > start) ?? lines.length;
  const body = lines
    .slice(start + 1, end)
    .join("\n")
    .trim();
  if (body === "") throw new ReleaseNotesError(`CHANGELOG.md's "## ${version}" section is empty`);
  return `${body}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const changelog = readFileSync(fileURLToPath(new URL("../CHANGELOG.md", import.meta.url)), "utf8");
    process.stdout.write(releaseNotes(changelog, process.argv[2] ?? ""));
  } catch (error) {
    if (!(error instanceof ReleaseNotesError)) throw error;
    process.stderr.write(`release-notes: ${error.message}\n`);
    process.exit(1);
  }
}

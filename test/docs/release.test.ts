/**
 * Releases are documented before they exist: the release workflow takes its notes from
 * CHANGELOG.md (scripts/release-notes.mjs), publishes the npm package with provenance and
 * attaches the packed package to the GitHub release.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ReleaseNotesError, releaseNotes } from "../../scripts/release-notes.mjs";

const CHANGELOG = `# Changelog

Intro.

## 1.1.0 (unreleased)

- Something new.

## 1.0.10 - 2026-12-20

- A fix.

## 1.0.1 - 2026-12-10

### The action

- Retries honour Retry-After.

## 1.0.0 - 2026-12-04

The first release.
`;

describe("release notes from CHANGELOG.md", () => {
  it("are the body of the version's own section, up to the next", () => {
    expect(releaseNotes(CHANGELOG, "1.0.1")).toBe("### The action\n\n- Retries honour Retry-After.\n");
    expect(releaseNotes(CHANGELOG, "1.0.0")).toBe("The first release.\n");
    // 1.0.1 is not a prefix match for 1.0.10, nor the reverse.
    expect(releaseNotes(CHANGELOG, "1.0.10")).toBe("- A fix.\n");
  });

  it("refuse a version that is missing, unreleased, empty or not X.Y.Z, saying what to do", () => {
    const refusal = (changelog: string, version: string) => {
      try {
        releaseNotes(changelog, version);
      } catch (error) {
        expect(error).toBeInstanceOf(ReleaseNotesError);
        return (error as Error).message;
      }
      throw new Error("no refusal");
    };
    expect(refusal(CHANGELOG, "2.0.0")).toBe('CHANGELOG.md has no "## 2.0.0" section: add one that says what changed');
    expect(refusal(CHANGELOG, "1.1.0")).toMatch(/still marks 1\.1\.0 as unreleased: date it/);
    expect(refusal("## 3.0.0 - 2027-01-01\n\n\n## 2.0.0\nx\n", "3.0.0")).toMatch(/section is empty/);
    for (const version of ["v1.0.0", "1.0", "01.0.0", "1.0.0-rc.1", "1.0.0\n## 1.0.1", "", "1.0.*"]) {
      expect(refusal(CHANGELOG, version), version).toMatch(/must be X\.Y\.Z/);
    }
  });

  it("exist for the project's own first release, which is still marked unreleased", () => {
    const changelog = readFileSync("CHANGELOG.md", "utf8");
    const version = JSON.parse(readFileSync("package.json", "utf8")).version as string;
    expect(changelog).toMatch(/^## 1\.0\.0 /m);
    expect(() => releaseNotes(changelog, "1.0.0")).toThrow(/unreleased/);
    // The command the workflow runs: exit 1 with the reason on stderr, nothing on stdout.
    let failed: { status?: number; stdout?: Buffer; stderr?: Buffer } = {};
    try {
      execFileSync(process.execPath, ["scripts/release-notes.mjs", version], { stdio: "pipe" });
    } catch (error) {
      failed = error as typeof failed;
    }
    expect(failed.status).toBe(1);
    expect(String(failed.stdout)).toBe("");
    expect(String(failed.stderr)).toMatch(/^release-notes: /);
  });
});

describe("the release workflow", () => {
  const workflow = parse(readFileSync(".github/workflows/release.yml", "utf8"));
  const steps = workflow.jobs.release.steps as { name?: string; run?: string; env?: Record<string, string> }[];
  const script = steps.map((step) => step.run ?? "").join("\n");

  it("takes its notes from CHANGELOG.md and checks package.json's version before anything else", () => {
    const notes = steps.findIndex((step) => step.run?.includes("scripts/release-notes.mjs"));
    const tests = steps.findIndex((step) => step.run === "./dev test");
    const tag = steps.findIndex((step) => step.run?.includes("git tag -a"));
    expect(notes).toBeGreaterThan(-1);
    expect(notes).toBeLessThan(tests);
    expect(tests).toBeLessThan(tag);
    expect(steps[notes]?.run).toContain('require("./package.json").version');
    expect(script).toContain('--notes-file "$RUNNER_TEMP/notes.md"');
  });

  it("publishes the packed package with provenance and attaches it to the release", () => {
    expect(workflow.permissions).toEqual({ contents: "write", "id-token": "write" });
    expect(script).toMatch(/npm pack --pack-destination "\$RUNNER_TEMP"/);
    expect(script).toMatch(/npm publish "\$RUNNER_TEMP\/downscope-\$VERSION\.tgz" --provenance --access public/);
    expect(script).toMatch(/gh release create "v\$VERSION" "\$RUNNER_TEMP\/downscope-\$VERSION\.tgz"/);
    // The token reaches npm through a file in the runner's temp directory, never the command line.
    expect(script).not.toMatch(/npm publish[^\n]*NODE_AUTH_TOKEN/);
  });
});

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";

it("the demo (./dev demo) runs the whole story and ends by itself", async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ["scripts/demo.mjs"], {
    env: { ...process.env, NO_COLOR: "1" },
    timeout: 90_000,
  });
  expect(stdout).toContain("✓ staging accepts it: 200");
  expect(stdout).toContain("✓ production refuses it: 401");
  expect(stdout).toContain("✗ ref: expected refs/heads/main or refs/heads/release/*, got refs/heads/feature/x");
  expect(stdout).toContain("The demo ran as expected. Everything it started has stopped.");
  expect(stdout).not.toContain("\x1b[");
});

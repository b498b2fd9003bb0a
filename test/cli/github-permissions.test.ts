/** policy/kinds/github-permissions.ts is GitHub's own table: what the generator prints from @octokit/openapi-types. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { githubPermissionsModule } from "../../scripts/github-permissions.mjs";

it("has not drifted from GitHub's OpenAPI description (npm run github-permissions regenerates it)", () => {
  expect(readFileSync("policy/kinds/github-permissions.ts", "utf8")).toBe(githubPermissionsModule());
});

/**
 * docs/policy-reference.md is generated from schema/policy.schema.json, which is generated from
 * policy/schema.ts: a stale page fails here, with the command that refreshes it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { policyReference, REFERENCE_PATH, SCHEMA_PATH } from "../../scripts/policy-reference.mjs";

const schema = JSON.parse(readFileSync(SCHEMA_PATH, "utf8"));

describe("the generated policy reference", () => {
  it("is what `npm run schema` writes from the current schema (run it and commit when this fails)", () => {
    expect(readFileSync(REFERENCE_PATH, "utf8")).toBe(policyReference(schema));
  });

  it("lists every key the schema allows, at every level", () => {
    const page = policyReference(schema);
    const environment = schema.properties.environments.additionalProperties;
    const keys = [
      ...Object.keys(schema.properties),
      ...Object.keys(schema.properties.issuers.items.properties),
      ...Object.keys(schema.properties.github_apps.additionalProperties.properties),
      ...Object.keys(environment.properties).filter((key) => key !== "permissions"),
      ...Object.keys(environment.properties.rules.items.properties),
      ...Object.keys(environment.properties.permissions.properties),
    ];
    for (const key of keys) expect(page).toContain(`| \`${key}\` |`);
  });

  it("changes with the schema: a new key or a new limit shows", () => {
    const changed = structuredClone(schema);
    changed.properties.environments.additionalProperties.properties.rules.items.properties.job = {
      description: "A new condition.",
      type: "string",
      maxLength: 99,
    };
    expect(policyReference(changed)).toContain("| `job` |  | string | at most 99 characters | A new condition. |");
  });

  it("keeps prose and patterns readable in Markdown tables", () => {
    const page = policyReference(schema);
    expect(page).toContain("environment:&lt;name&gt;"); // not an HTML tag that vanishes
    expect(page).toContain("localhost\\|127"); // a pipe inside a pattern does not split the cell
  });
});

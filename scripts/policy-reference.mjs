// Writes docs/policy-reference.md, the policy language's reference, from
// schema/policy.schema.json (itself generated from policy/schema.ts, the validator's own
// source), so the page, the schema and the validator cannot drift apart.
// `npm run schema` runs it; `node scripts/policy-reference.mjs --check` exits 1 when the page is
// stale (the test suite does the same).
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const SCHEMA_PATH = `${ROOT}schema/policy.schema.json`;
export const REFERENCE_PATH = `${ROOT}docs/policy-reference.md`;

/** The page for a schema: one table per kind of object, in the order a policy nests them. */
export function policyReference(schema) {
  const environment = schema.properties.environments.additionalProperties;
  const rule = environment.properties.rules.items;
  const { permissions, ...environmentKeys } = environment.properties;
  const sections = [
    ["The policy file", "The top level of a policy (YAML or JSON).", schema],
    ["`issuers[]`: a trusted issuer", prose(schema.properties.issuers.description), schema.properties.issuers.items],
    [
      "`github_apps.<name>`: a GitHub App",
      prose(schema.properties.github_apps.description),
      schema.properties.github_apps.additionalProperties,
    ],
    [
      "`environments.<name>`: a target environment",
      "What a job may ask for by name. Keys marked *oidc only* or *github only* belong to that `kind`; the others, unless said, to every kind.",
      { ...environment, properties: environmentKeys },
    ],
    ["`environments.<name>.rules[]`: a rule", prose(environment.properties.rules.description), rule],
  ];
  const lines = [
    "# Policy reference",
    "",
    "<!-- Generated from schema/policy.schema.json by `npm run schema` (scripts/policy-reference.mjs); do not edit. -->",
    "",
    "Every key a policy may hold, with its type, limits and meaning, generated from the JSON Schema that",
    "`downscope policy check` validates against ([schema/policy.schema.json](../schema/policy.schema.json)).",
    "How to write a policy, test it and review changes to it: [the policy guide](policy.md).",
    "",
    "A key not listed here is refused. Durations are seconds (`600`) or a number with `s`, `m` or `h` (`10m`).",
    "Globs: `*` matches within one path segment, `**` across segments, `?` one character.",
    "",
  ];
  for (const [title, intro, node] of sections) {
    lines.push(`## ${title}`, "", intro, "", "| key | required | type | limits | meaning |", "|---|---|---|---|---|");
    const required = new Set(node.required ?? []);
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      lines.push(
        `| \`${key}\` | ${required.has(key) ? "yes" : ""} | ${cell(typeOf(value))} | ${cell(limitsOf(value))} | ${cell(prose(value.description ?? ""))} |`,
      );
    }
    if (node.propertyNames?.pattern) {
      lines.push("", `Names match \`${node.propertyNames.pattern}\`.`);
    }
    lines.push("");
  }
  lines.push(
    "## `permissions`: GitHub permissions (github only)",
    "",
    prose(permissions.description),
    "",
    "| permission | levels |",
    "|---|---|",
    ...Object.entries(permissions.properties).map(([name, value]) => `| \`${name}\` | ${value.enum.join(", ")} |`),
    "",
  );
  return `${lines.join("\n").trimEnd()}\n`;
}

function typeOf(node) {
  if (node.const !== undefined) return `always \`${JSON.stringify(node.const)}\``;
  if (node.enum) return `one of ${node.enum.map((value) => `\`${value}\``).join(", ")}`;
  if (node.oneOf) return node.oneOf.map(typeOf).join(" or ");
  if (node.type === "array") return `list of ${plural(typeOf(node.items ?? {}))}`;
  if (node.type === "object") {
    if (typeof node.additionalProperties === "object") return `map of names to ${typeOf(node.additionalProperties)}`;
    return node.title ? `${node.title} (below)` : "object";
  }
  return node.type ?? "any";
}

const plural = (type) => type.replace(/^(string|integer|boolean|object)\b/, "$1s");

/** "1–3", "at most 3" or "at least 1": the bounds a schema gives. */
function range(min, max, unit) {
  if (min !== undefined && max !== undefined) return `${min}–${max}${unit}`;
  if (min === 1 && unit === " items") return "not empty";
  return min !== undefined ? `at least ${min}${unit}` : `at most ${max}${unit}`;
}

function limitsOf(node) {
  const limits = [];
  const add = (text) => limits.push(text);
  for (const variant of node.oneOf ?? [node]) {
    const inner = variant.type === "array" ? (variant.items ?? {}) : variant;
    if (inner.pattern) add(`\`${inner.pattern}\``);
    if (inner.minLength !== undefined || inner.maxLength !== undefined) {
      add(range(inner.minLength, inner.maxLength, " characters"));
    }
    if (inner.minimum !== undefined || inner.maximum !== undefined) {
      add(range(inner.minimum, inner.maximum, ""));
    }
    if (variant.type === "array" && (variant.minItems !== undefined || variant.maxItems !== undefined)) {
      add(range(variant.minItems, variant.maxItems, " items"));
    }
    if (variant.uniqueItems) add("no repeats");
    if (variant.minProperties !== undefined || variant.maxProperties !== undefined) {
      add(range(variant.minProperties, variant.maxProperties, " entries"));
    }
  }
  return [...new Set(limits)].join("; ");
}

/** Schema prose as Markdown text: `<name>` would otherwise be read as an HTML tag and vanish. */
function prose(text) {
  return String(text).replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** A table cell: pipes escaped, no line breaks. */
function cell(text) {
  return String(text)
    .replaceAll("|", "\\|")
    .replace(/\s*\n\s*/g, " ");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const page = policyReference(JSON.parse(readFileSync(SCHEMA_PATH, "utf8")));
  if (process.argv.includes("--check")) {
    if (readFileSync(REFERENCE_PATH, "utf8") !== page) {
      process.stderr.write("docs/policy-reference.md is stale: run `npm run schema` and commit it\n");
      process.exit(1);
    }
  } else writeFileSync(REFERENCE_PATH, page);
}

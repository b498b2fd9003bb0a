/**
 * The policy's JSON Schema, generated from the definitions validation uses (policy/schema.ts),
 * for editors (`# yaml-language-server: $schema=...`). A test fails when schema/ drifts from this.
 * Validation stays the authority: some checks (scopes within the environment's, durations up to
 * 1h across fields) span fields and are not expressible here.
 */
import { MAX_PATTERN_LENGTH } from "../policy/glob";
import { GITHUB_PERMISSIONS } from "../policy/kinds/github-permissions";
import { type FieldKind, type ObjectDefinition, POLICY, RESERVED_CLAIMS } from "../policy/schema";
import { ENVIRONMENT_NAME, SCOPE_TOKEN } from "../protocol/names";

type Schema = Record<string, unknown>;

const pattern = (prefix?: string): Schema => ({
  type: "string",
  minLength: 1,
  maxLength: MAX_PATTERN_LENGTH,
  pattern: prefix ? `^${prefix.replace(/[/.]/g, "\\$&")}[\\x20-\\x7e]*$` : "^[\\x20-\\x7e]+$",
});

function kindSchema(kind: FieldKind): Schema {
  switch (kind.type) {
    case "version":
      return { const: 1 };
    case "url":
      return {
        type: "string",
        format: "uri",
        pattern: kind.loopback ? "^(https://|http://(localhost|127\\.0\\.0\\.1|\\[::1\\])[:/])" : "^https://",
        maxLength: 512,
      };
    case "text":
      return { type: "string", minLength: 1, maxLength: kind.maxLength };
    case "patterns":
      return { oneOf: [pattern(kind.prefix), { type: "array", minItems: 1, items: pattern(kind.prefix) }] };
    case "repository":
      return { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._*?-]+$" };
    case "id":
      return {
        oneOf: [
          { type: "integer", minimum: 1 },
          { type: "string", pattern: "^[1-9][0-9]{0,19}$" },
        ],
      };
    case "enum":
      return { enum: [...kind.values] };
    case "duration":
      return {
        oneOf: [
          { type: "integer", minimum: 1, maximum: 3600 },
          { type: "string", pattern: "^[0-9]{1,6}[smh]?$" },
        ],
      };
    case "scopes":
      return { type: "array", uniqueItems: true, items: { type: "string", pattern: SCOPE_TOKEN.source } };
    case "claims":
      return {
        type: "object",
        propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$", not: { enum: [...RESERVED_CLAIMS] } },
        additionalProperties: kindSchema({ type: "patterns" }),
      };
    case "jwks":
      return {
        type: "object",
        additionalProperties: false,
        required: ["keys"],
        properties: {
          keys: {
            type: "array",
            minItems: 1,
            maxItems: 20,
            items: { type: "object", required: ["kty", "n", "e", "kid"] },
          },
        },
      };
    case "issuers":
      return {
        oneOf: [kindSchema({ type: "url" }), { type: "array", minItems: 1, items: kindSchema({ type: "url" }) }],
      };
    case "boolean":
      return { type: "boolean" };
    case "names":
      return { type: "array", uniqueItems: true, items: { enum: [...kind.values] } };
    case "strings":
      return {
        type: "array",
        minItems: 1,
        maxItems: 500,
        items: { type: "string", pattern: "^[A-Za-z0-9._-]{1,100}$" },
      };
    case "permissions":
      return {
        type: "object",
        minProperties: 1,
        additionalProperties: false,
        properties: Object.fromEntries(
          Object.entries(GITHUB_PERMISSIONS).map(([name, levels]) => [name, { enum: [...levels] }]),
        ),
      };
    case "list":
      return { type: "array", items: objectSchema(kind.of) };
    case "map":
      return {
        type: "object",
        minProperties: 1,
        propertyNames: { pattern: ENVIRONMENT_NAME.source },
        additionalProperties: objectSchema(kind.of),
      };
  }
}

function objectSchema(definition: ObjectDefinition): Schema {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  for (const [name, field] of Object.entries(definition.fields)) {
    properties[name] = { description: field.description, ...kindSchema(field.kind) };
    if (field.required) required.push(name);
  }
  return {
    type: "object",
    title: definition.title,
    additionalProperties: false,
    ...(required.length ? { required } : {}),
    properties,
  };
}

export function policyJsonSchema(): Schema {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://github.com/downscope/downscope/schema/policy.schema.json",
    description: "A downscope policy, version 1. Generated from policy/schema.ts by `npm run schema`; do not edit.",
    ...objectSchema(POLICY),
  };
}

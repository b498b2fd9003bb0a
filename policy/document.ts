/**
 * Reads policy text (YAML 1.2, or JSON, which is YAML) into plain values, safely:
 * one document, no tags, no directives, no duplicate keys, bounded aliases and depth, and
 * maps built without prototypes so a `__proto__` key is only ever data (and is refused).
 * Every key and item keeps its position, so problems can name a line and column.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseAllDocuments, type Scalar } from "yaml";
import type { Problem } from "./problems";

export const MAX_DEPTH = 32;
/** Nodes reachable only through aliases; bounds "billion laughs" expansion. */
export const MAX_ALIASED_NODES = 10_000;
/** Keys that name an object's own machinery in JavaScript: refused wherever a policy can hold a key. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface PolicyDocument {
  readonly value: unknown;
  /** Where a path (as `Problem.path` spells it) is written, when it is. */
  locate(path: string): Position | undefined;
}

export type DocumentResult =
  | { readonly ok: true; readonly document: PolicyDocument }
  | { readonly ok: false; readonly problems: Problem[] };

export function readPolicyDocument(text: string): DocumentResult {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const fail = (message: string, offset?: number, path = ""): DocumentResult => ({
    ok: false,
    problems: [{ severity: "error", path, message, ...(offset === undefined ? {} : at(offset)) }],
  });

  if (text.trim() === "") return fail("the policy is empty");
  const docs = parseAllDocuments(text, {
    version: "1.2",
    schema: "core",
    uniqueKeys: true,
    merge: false,
    strict: true,
    prettyErrors: false,
    lineCounter,
  });
  if (!Array.isArray(docs) || docs.length === 0) return fail("the policy is empty");
  if (docs.length > 1) return fail("the policy must be a single YAML document", docs[1].range[0]);
  const doc = docs[0];
  const firstError = doc.errors[0];
  if (firstError) return fail(yamlMessage(firstError.message), firstError.pos[0]);
  // A `%YAML 1.1` directive would bring back `yes`/`no` booleans and other 1.1 surprises.
  const directive = text.search(/^%/m);
  if (directive >= 0) return fail("YAML directives (%YAML, %TAG) are not allowed", directive);

  // Offsets, turned into lines and columns only when a problem asks: most keys are never located.
  const offsets = new Map<string, number>();
  let aliasedNodes = 0;

  const build = (node: unknown, path: string, depth: number, viaAlias: boolean): unknown => {
    if (depth > MAX_DEPTH) throw new DocumentError(`nested deeper than ${MAX_DEPTH} levels`, node, path);
    if (viaAlias && ++aliasedNodes > MAX_ALIASED_NODES) {
      throw new DocumentError(`aliases expand to more than ${MAX_ALIASED_NODES} nodes`, node, path);
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) throw new DocumentError("unknown alias", node, path);
      return build(target, path, depth, true);
    }
    const tag = (node as { tag?: string } | null)?.tag;
    if (tag !== undefined) throw new DocumentError(`tags such as ${tag} are not allowed`, node, path);
    if (isScalar(node)) return scalarValue(node, text);
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const itemPath = `${path}[${index}]`;
        remember(offsets, itemPath, item);
        return build(item, itemPath, depth + 1, viaAlias);
      });
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null);
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key) || (typeof key.value !== "string" && typeof key.value !== "number")) {
          throw new DocumentError("keys must be plain strings", key ?? node, path);
        }
        const name = String(key.value);
        const keyPath = path === "" ? name : `${path}.${name}`;
        if (RESERVED_KEYS.has(name)) throw new DocumentError(`"${name}" is a reserved key`, key, keyPath);
        remember(offsets, keyPath, key);
        out[name] = build(pair.value, keyPath, depth + 1, viaAlias);
      }
      return out;
    }
    if (node === null || node === undefined) return null;
    throw new DocumentError("unsupported YAML node", node, path);
  };

  try {
    const value = build(doc.contents, "", 0, false);
    const locate = (path: string) => {
      const offset = offsets.get(path);
      return offset === undefined ? undefined : at(offset);
    };
    return { ok: true, document: { value, locate } };
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    const offset = (error.node as { range?: [number, number, number] } | null)?.range?.[0];
    return fail(error.message, offset, error.path);
  }
}

class DocumentError extends Error {
  constructor(
    message: string,
    readonly node: unknown,
    readonly path: string,
  ) {
    super(message);
  }
}

function remember(offsets: Map<string, number>, path: string, node: unknown): void {
  const range = (node as Node | null)?.range;
  if (range) offsets.set(path, range[0]);
}

/** The yaml library's messages end with a source excerpt; the position is reported separately. */
function yamlMessage(message: string): string {
  const firstLine = message.split("\n")[0] ?? message;
  return firstLine.replace(/ at line \d+, column \d+:?$/, "");
}

/**
 * A number only as plain decimal digits: YAML's core schema also reads `0x1E240`, `0o17`, `1e5`
 * and `12.0` as numbers, which would turn into another id than the one the admin meant to
 * write. Those stay text, as written, and validation refuses them where a number belongs.
 */
function scalarValue(node: Scalar, text: string): unknown {
  if (typeof node.value !== "number") return node.value;
  // The scalar as written (its range), without asking the parser to keep every source token.
  const source = node.range ? text.slice(node.range[0], node.range[1]).trim() : undefined;
  return source === undefined || /^-?(?:0|[1-9][0-9]*)$/.test(source) ? node.value : source;
}

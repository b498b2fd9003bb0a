/**
 * The project's own docs stand alone: every relative link and anchor in README.md, CHANGELOG.md
 * and docs/ resolves (anchors as GitHub renders headings, by github-slugger), and nothing in the
 * repository points at a document outside it.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import GithubSlugger from "github-slugger";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";

const markdown = new MarkdownIt({ html: true });
const pages = ["README.md", "CHANGELOG.md", ...readdirSync("docs").map((name) => `docs/${name}`)].filter((path) =>
  path.endsWith(".md"),
);

/** The links of a page (not those inside code), with the anchors its headings make. */
function readPage(path: string): { links: string[]; anchors: Set<string> } {
  const tokens = markdown.parse(readFileSync(path, "utf8"), {});
  const slugger = new GithubSlugger();
  const links: string[] = [];
  const anchors = new Set<string>();
  tokens.forEach((token, index) => {
    if (token.type === "heading_open") {
      const text = (tokens[index + 1]?.children ?? [])
        .filter((child) => child.type === "text" || child.type === "code_inline")
        .map((child) => child.content)
        .join("");
      anchors.add(slugger.slug(text));
    }
    for (const child of token.children ?? []) {
      if (child.type === "link_open") links.push(child.attrGet("href") ?? "");
    }
  });
  return { links, anchors };
}

const read = new Map<string, ReturnType<typeof readPage>>();
const pageAt = (path: string) => {
  if (!read.has(path)) read.set(path, readPage(path));
  return read.get(path) as ReturnType<typeof readPage>;
};

describe("the docs' links", () => {
  it.each(pages)("every relative link and anchor in %s resolves", (page) => {
    const broken: string[] = [];
    for (const href of pageAt(page).links) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // https:, mailto: — not ours to check offline
      const [path, anchor] = href.split("#", 2) as [string, string | undefined];
      const target = path === "" ? page : normalize(join(dirname(page), decodeURIComponent(path)));
      if (!existsSync(target)) {
        broken.push(`${href}: no ${target}`);
        continue;
      }
      if (anchor === undefined) continue;
      if (!target.endsWith(".md") || statSync(target).isDirectory()) {
        broken.push(`${href}: an anchor into a file that is not Markdown`);
      } else if (!pageAt(target).anchors.has(anchor)) {
        broken.push(`${href}: ${target} has no heading #${anchor}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("finds the links it checks (a parser that saw none would pass everything)", () => {
    expect(pageAt("README.md").links.filter((href) => href.startsWith("docs/")).length).toBeGreaterThan(5);
    expect(pageAt("README.md").anchors.size).toBeGreaterThan(3);
  });

  it("catches a broken link and a broken anchor", () => {
    const slugger = new GithubSlugger();
    expect(slugger.slug("The token service's API")).toBe("the-token-services-api");
    expect(existsSync("docs/no-such-page.md")).toBe(false);
    expect(pageAt("README.md").anchors.has("no-such-heading")).toBe(false);
  });
});

describe("no reference to a document outside the repository", () => {
  it("no tracked file cites the contract we were given (its sections mean nothing to a reader)", () => {
    // Spelled in pieces, so that this file does not cite it either and needs no exception.
    const citation = new RegExp(["SPEC \u00a7", "SPEC\\.md", "\\.\\./shared/"].join("|"));
    expect(citation.test(["SPEC", "\u00a7 4"].join(" "))).toBe(true);
    const files = execFileSync("git", ["ls-files", "-z"]).toString().split("\0").filter(Boolean);
    const citing = files.filter((file) => {
      if (!existsSync(file) || statSync(file).isDirectory()) return false;
      return citation.test(readFileSync(file, "utf8"));
    });
    expect(citing).toEqual([]);
  });
});

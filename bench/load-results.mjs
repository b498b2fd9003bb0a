// Where `npm run load` writes its figures: a section of its own at the end of bench/RESULTS.md,
// which `npm run bench` keeps when it rewrites the rest.
import { readFileSync, writeFileSync } from "node:fs";

export const LOAD_HEADING = "## Load and faults (`npm run load`)";

/** Replaces the load section with `rows` (`{ figure, value, detail, target }`) and notes. */
export function writeLoadSection(rows, header, notes) {
  let text = "";
  try {
    text = readFileSync("bench/RESULTS.md", "utf8");
  } catch {}
  const at = text.indexOf(LOAD_HEADING);
  const before = (at < 0 ? text : text.slice(0, at)).trimEnd();
  const section = [
    LOAD_HEADING,
    "",
    ...header,
    "",
    "| figure | value | detail | target |",
    "|---|---|---|---|",
    ...rows.map((row) => `| ${row.figure} | ${row.value} | ${row.detail ?? ""} | ${row.target ?? ""} |`),
    "",
    ...notes,
    "",
  ];
  writeFileSync("bench/RESULTS.md", `${before}\n\n${section.join("\n")}`);
}

// Memory of the workerd processes a benchmark started, from /proc (Linux only; elsewhere the
// figures are left out). Shared by `npm run bench` and `npm run load`.
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** The workerd processes that are children of this one. */
export function workerdChildren() {
  const pids = [];
  if (!existsSync("/proc")) return pids;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      if (/^Name:\s+workerd$/m.test(status) && new RegExp(`^PPid:\\s+${process.pid}$`, "m").test(status))
        pids.push(Number(entry));
    } catch {}
  }
  return pids;
}

/** A process's resident memory in KiB. */
export const rssKb = (pid) =>
  Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN);

/** An `ActionCore` that records every call in order, for tests of the action's steps. */
import type { ActionCore, Clock, SummaryWriter } from "../../action/core";

export type CoreCall = [method: string, ...args: unknown[]];

export function fakeCore(inputs: Record<string, string>, state: Record<string, string> = {}) {
  const calls: CoreCall[] = [];
  let summary = "";
  const writer: SummaryWriter = {
    addRaw(text) {
      summary += text;
      return writer;
    },
    async write() {
      calls.push(["summary", summary]);
      return writer;
    },
  };
  const core: ActionCore = {
    getInput: (name) => inputs[name] ?? "",
    setSecret: (secret) => calls.push(["setSecret", secret]),
    setOutput: (name, value) => calls.push(["setOutput", name, value]),
    exportVariable: (name, value) => calls.push(["exportVariable", name, value]),
    saveState: (name, value) => calls.push(["saveState", name, value]),
    getState: (name) => state[name] ?? "",
    info: (message) => calls.push(["info", message]),
    debug: (message) => calls.push(["debug", message]),
    warning: (message) => calls.push(["warning", message]),
    setFailed: (message) => calls.push(["setFailed", message]),
    summary: writer,
  };
  const of = (method: string) => calls.filter((call) => call[0] === method).map((call) => call.slice(1));
  return { core, calls, of };
}

export function instantClock(start = Date.parse("2026-11-24T10:00:00Z")): Clock & { slept: number[] } {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
    random: () => 0.5,
    slept,
  };
}

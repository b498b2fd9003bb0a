#!/usr/bin/env node
// The `downscope` command's entry point: only wiring. The commands are in program.ts.
import { processIo } from "./io";
import { runCli } from "./program";

process.exitCode = await runCli(process.argv.slice(2), processIo());

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  restoreLaunchEnv
} from "./chunks/chunk-7KS2UEHU.mjs";
import "./chunks/chunk-4WZSK4NS.mjs";

// src/cli/main.ts
restoreLaunchEnv();
if (process.argv[2] === "mcp" && process.argv.length === 3) {
  const { serveMcpStdio } = await import("./chunks/stdio-TKDYIPIV.mjs");
  await serveMcpStdio();
} else {
  const { runProgram } = await import("./chunks/program-AAHYFNG5.mjs");
  await runProgram(process.argv);
}

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));

// src/cli/main.ts
if (process.argv[2] === "mcp" && process.argv.length === 3) {
  const { serveMcpStdio } = await import("./chunks/stdio-O745IDHQ.mjs");
  await serveMcpStdio();
} else {
  const { runProgram } = await import("./chunks/program-3ATZRTEX.mjs");
  await runProgram(process.argv);
}

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));

// src/core/config/relpath.ts
function relPathProblem(p, what) {
  if (p.length === 0) return "must not be empty";
  if (/[\x00-\x1f\x7f]/.test(p)) return "must not contain control characters";
  if (p.includes("\\")) return 'use "/" as the separator';
  if (p.startsWith("/") || /^[A-Za-z]:/.test(p)) return "must be relative to the repository root, not absolute";
  const parts = p.split("/").filter((s) => s !== "" && s !== ".");
  if (parts.includes("..")) return 'must stay inside the repository (no "..")';
  if (parts.length === 0) return `must name a ${what} inside the repository, not the repository root`;
  if (parts[0] === ".git") return "must not be inside .git";
  return void 0;
}

export {
  relPathProblem
};

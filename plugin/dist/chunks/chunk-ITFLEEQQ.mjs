#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  isSlug,
  slugify
} from "./chunk-B475TGAI.mjs";

// src/hooks/lib/claude-worktree.ts
var CLAUDE_NAME_RE = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;
var ADHOC_TITLE_PREFIX = "Claude Code worktree";
function taskIdFor(name) {
  return isSlug(name) ? name : slugify(name);
}

export {
  CLAUDE_NAME_RE,
  ADHOC_TITLE_PREFIX,
  taskIdFor
};

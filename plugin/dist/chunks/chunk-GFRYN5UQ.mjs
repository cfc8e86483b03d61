#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  mcpOwner
} from "./chunk-ONL4JA75.mjs";

// src/hooks/lib/owner.ts
function sessionOwner(sid) {
  return mcpOwner({ CLAUDE_SESSION_ID: sid, CLAUDE_CODE_SESSION_ID: sid });
}

export {
  sessionOwner
};

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  NOTICES_DOC,
  claimNoticeIn
} from "../../chunks/chunk-XASTUKNA.mjs";
import "../../chunks/chunk-EFR7W7QO.mjs";
import {
  StateStore
} from "../../chunks/chunk-566HZB6Q.mjs";
import "../../chunks/chunk-ZLPZGQGU.mjs";
import "../../chunks/chunk-UE4A2DQB.mjs";
import "../../chunks/chunk-PCFNT4JQ.mjs";
import "../../chunks/chunk-X4JLKMGK.mjs";
import "../../chunks/chunk-PMXN3EG4.mjs";
import "../../chunks/chunk-XNIKMWZT.mjs";
import "../../chunks/chunk-DDI77WQF.mjs";
import "../../chunks/chunk-OBLF3P63.mjs";
import "../../chunks/chunk-4WZSK4NS.mjs";

// src/hooks/heavy/notice.ts
async function claimNotice(stateDir, task, id) {
  const store = await StateStore.open(stateDir);
  return store.transact(async (tx) => {
    const n = claimNoticeIn(tx.get(NOTICES_DOC), task, id, (/* @__PURE__ */ new Date()).toISOString());
    return n ? { ...n } : void 0;
  });
}
export {
  claimNotice
};

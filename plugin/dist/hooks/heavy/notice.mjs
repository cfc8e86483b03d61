#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  NOTICES_DOC,
  claimNoticeIn
} from "../../chunks/chunk-KOIFUBQW.mjs";
import {
  StateStore
} from "../../chunks/chunk-TDUKKOBQ.mjs";
import "../../chunks/chunk-DAS6JYMY.mjs";
import "../../chunks/chunk-G3LQSMZE.mjs";
import "../../chunks/chunk-EVZWTNHO.mjs";
import "../../chunks/chunk-G23BEX64.mjs";
import "../../chunks/chunk-XNIKMWZT.mjs";
import "../../chunks/chunk-IIFEABOA.mjs";
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

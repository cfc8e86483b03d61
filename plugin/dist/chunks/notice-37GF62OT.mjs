#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  NOTICES_DOC,
  claimNoticeIn
} from "./chunk-4KZB4S46.mjs";
import {
  StateStore
} from "./chunk-DTZGG44N.mjs";
import "./chunk-HOVPYJYW.mjs";
import "./chunk-7T3ZRSQ6.mjs";
import "./chunk-LIEEZQE5.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";

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

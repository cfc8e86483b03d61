#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  NOTICES_DOC,
  claimNoticeIn
} from "./chunk-FQQHPK7I.mjs";
import {
  StateStore
} from "./chunk-WW7CR2J7.mjs";
import "./chunk-HOVPYJYW.mjs";
import "./chunk-KCQ2UJ6A.mjs";
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

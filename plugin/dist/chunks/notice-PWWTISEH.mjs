#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  NOTICES_DOC,
  claimNoticeIn
} from "./chunk-OGVBAODR.mjs";
import {
  StateStore
} from "./chunk-52USVQ3E.mjs";
import "./chunk-YIOGP5OK.mjs";
import "./chunk-BLGZ45JF.mjs";
import "./chunk-HOVPYJYW.mjs";
import "./chunk-IC7YTGSH.mjs";
import "./chunk-CXNZ4SOU.mjs";
import "./chunk-5JH7MFI6.mjs";
import "./chunk-7RWYVW2G.mjs";
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

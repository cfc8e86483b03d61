#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  sessionOwner
} from "./chunk-3V2NFGLS.mjs";
import {
  renewClaims
} from "./chunk-LOXFRWKM.mjs";
import "./chunk-PVTTY4LC.mjs";
import "./chunk-3K7QMPJY.mjs";
import {
  StateStore
} from "./chunk-52USVQ3E.mjs";
import "./chunk-YIOGP5OK.mjs";
import "./chunk-BLGZ45JF.mjs";
import "./chunk-4VNXBQ3W.mjs";
import "./chunk-HOVPYJYW.mjs";
import {
  renewOwner
} from "./chunk-CR6GQYF6.mjs";
import "./chunk-Q2MEEI3Y.mjs";
import "./chunk-OUP5FXRK.mjs";
import "./chunk-IC7YTGSH.mjs";
import "./chunk-JPJMJVFU.mjs";
import "./chunk-CXNZ4SOU.mjs";
import "./chunk-5JH7MFI6.mjs";
import "./chunk-7RWYVW2G.mjs";
import "./chunk-3EVUSF4T.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";

// src/hooks/heavy/renew.ts
async function renewLaneClaims(stateDir, task, sid) {
  const store = await StateStore.open(stateDir);
  const r = await renewClaims(store, `task:${task}`);
  const owner = sid ? await renewOwner(store, sessionOwner(sid)) : false;
  return { claims: r.claims, wrote: r.wrote || owner };
}
export {
  renewLaneClaims
};

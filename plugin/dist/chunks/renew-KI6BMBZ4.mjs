#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  sessionOwner
} from "./chunk-R4FJTQ6I.mjs";
import {
  renewClaims
} from "./chunk-3UEZECNY.mjs";
import "./chunk-OTMKMIOM.mjs";
import "./chunk-R53OTRXF.mjs";
import {
  StateStore
} from "./chunk-K43ZTQRF.mjs";
import "./chunk-4VNXBQ3W.mjs";
import {
  renewOwner
} from "./chunk-DHEFD45C.mjs";
import "./chunk-2VWK2TVK.mjs";
import "./chunk-R64DABHD.mjs";
import "./chunk-LPRMXJFI.mjs";
import "./chunk-DRMYFPW3.mjs";
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

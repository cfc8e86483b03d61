#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  renewClaims
} from "./chunk-NLPC232T.mjs";
import {
  sessionOwner
} from "./chunk-KX2LJZLB.mjs";
import "./chunk-MWYGL7GG.mjs";
import "./chunk-SC5JVWLO.mjs";
import {
  StateStore
} from "./chunk-BGBBGY2U.mjs";
import "./chunk-4VNXBQ3W.mjs";
import {
  renewOwner
} from "./chunk-BHICWWQZ.mjs";
import "./chunk-RLBCOSO5.mjs";
import "./chunk-UBJP2TOX.mjs";
import "./chunk-N2X7TN7L.mjs";
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

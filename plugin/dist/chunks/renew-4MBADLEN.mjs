#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  sessionOwner
} from "./chunk-JZBDBPL2.mjs";
import {
  renewClaims
} from "./chunk-7MNPRMZ5.mjs";
import "./chunk-YGTNXJ77.mjs";
import "./chunk-FJCA4HXL.mjs";
import {
  StateStore
} from "./chunk-72VJBNNS.mjs";
import "./chunk-VDVTRPRZ.mjs";
import "./chunk-IKZ4EBL2.mjs";
import "./chunk-4VNXBQ3W.mjs";
import "./chunk-HOVPYJYW.mjs";
import {
  renewOwner
} from "./chunk-K5AD2CRG.mjs";
import "./chunk-MRXW3PKH.mjs";
import "./chunk-UI6VUMIJ.mjs";
import "./chunk-HFTIRN2K.mjs";
import "./chunk-JPJMJVFU.mjs";
import "./chunk-F626SNLD.mjs";
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

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  sessionOwner
} from "./chunk-4T7MWMMN.mjs";
import {
  renewClaims
} from "./chunk-DE7GQWAQ.mjs";
import "./chunk-AZCRZGH3.mjs";
import "./chunk-6KRRJA5V.mjs";
import {
  StateStore
} from "./chunk-S5SKPDNJ.mjs";
import "./chunk-BRWXEBZ3.mjs";
import "./chunk-4VNXBQ3W.mjs";
import "./chunk-HOVPYJYW.mjs";
import {
  renewOwner
} from "./chunk-QIPYZTUZ.mjs";
import "./chunk-VHO3BWLE.mjs";
import "./chunk-AN3DX4EQ.mjs";
import "./chunk-C5TT3CTO.mjs";
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

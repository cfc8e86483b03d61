#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  renewClaims
} from "./chunk-HREBFVFV.mjs";
import "./chunk-5PRR2DMC.mjs";
import {
  StateStore
} from "./chunk-TGF4WI42.mjs";
import "./chunk-4VNXBQ3W.mjs";
import "./chunk-FC2A3AOD.mjs";
import "./chunk-GSYLAAW2.mjs";
import "./chunk-SU5VJPY7.mjs";
import "./chunk-4OAWNEMU.mjs";

// src/hooks/heavy/renew.ts
async function renewLaneClaims(stateDir, task) {
  const store = await StateStore.open(stateDir);
  const r = await renewClaims(store, `task:${task}`);
  return { claims: r.claims, wrote: r.wrote };
}
export {
  renewLaneClaims
};

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  renewClaims
} from "./chunk-5VAPZAAV.mjs";
import "./chunk-UIHTQZ35.mjs";
import {
  StateStore
} from "./chunk-P2UPWNC3.mjs";
import "./chunk-4VNXBQ3W.mjs";
import "./chunk-YMTOC647.mjs";
import "./chunk-GSYLAAW2.mjs";
import "./chunk-HJMLCJJU.mjs";
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

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  RemoteStore,
  STATE_PREFIX,
  assertRemoteDocName
} from "./chunk-PCLLWFIQ.mjs";
import {
  mirrorRef
} from "./chunk-2U67RZHV.mjs";
import "./chunk-Q62EWIYE.mjs";
import "./chunk-AAYR2TCU.mjs";
import "./chunk-5IGYGQZY.mjs";
import "./chunk-4CKTFQOR.mjs";
import "./chunk-EFR7W7QO.mjs";
import "./chunk-ZLPZGQGU.mjs";
import "./chunk-PCFNT4JQ.mjs";
import "./chunk-PMXN3EG4.mjs";
import "./chunk-XNIKMWZT.mjs";
import "./chunk-OBLF3P63.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  RemoteStore,
  STATE_PREFIX,
  assertRemoteDocName,
  mirrorRef
};

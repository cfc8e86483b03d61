#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  readNoteFile,
  writeNote
} from "./chunk-X45R65UC.mjs";
import "./chunk-QVBTIUQL.mjs";
import "./chunk-PYZQGBDB.mjs";
import "./chunk-YFNGQKDO.mjs";
import "./chunk-7JRWJCHC.mjs";
import "./chunk-K5DJXVQN.mjs";
import "./chunk-K2H7HNW2.mjs";
import "./chunk-DTMKN5XL.mjs";
import "./chunk-V47YI7EL.mjs";
import "./chunk-5IGYGQZY.mjs";
import "./chunk-TKZFUNKZ.mjs";
import "./chunk-4CKTFQOR.mjs";
import "./chunk-EFR7W7QO.mjs";
import "./chunk-UE4A2DQB.mjs";
import "./chunk-PCFNT4JQ.mjs";
import "./chunk-X4JLKMGK.mjs";
import "./chunk-PMXN3EG4.mjs";
import "./chunk-XNIKMWZT.mjs";
import "./chunk-DDI77WQF.mjs";
import "./chunk-OBLF3P63.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  readNoteFile,
  writeNote
};

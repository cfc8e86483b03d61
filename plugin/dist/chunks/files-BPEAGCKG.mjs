#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  readNoteFile,
  writeNote
} from "./chunk-F6OJVFGH.mjs";
import "./chunk-7I32N5GO.mjs";
import "./chunk-XDBV2D5S.mjs";
import "./chunk-YFNGQKDO.mjs";
import "./chunk-RNGUGICK.mjs";
import "./chunk-SEDKT3YB.mjs";
import "./chunk-33IM2RXV.mjs";
import "./chunk-7YO2VVDH.mjs";
import "./chunk-V47YI7EL.mjs";
import "./chunk-TKZFUNKZ.mjs";
import "./chunk-G3LQSMZE.mjs";
import "./chunk-EVZWTNHO.mjs";
import "./chunk-G23BEX64.mjs";
import "./chunk-XNIKMWZT.mjs";
import "./chunk-IIFEABOA.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  readNoteFile,
  writeNote
};

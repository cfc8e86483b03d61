#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  parseNote
} from "./chunk-7I32N5GO.mjs";
import "./chunk-YFNGQKDO.mjs";
import "./chunk-SEDKT3YB.mjs";
import "./chunk-33IM2RXV.mjs";
import "./chunk-G23BEX64.mjs";
import "./chunk-XNIKMWZT.mjs";
import "./chunk-IIFEABOA.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  parseNote
};

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  parseNote
} from "./chunk-KJWAQU7Z.mjs";
import "./chunk-YFNGQKDO.mjs";
import "./chunk-L3QRKGJO.mjs";
import "./chunk-SQIH7RSX.mjs";
import "./chunk-NAZ6GJEQ.mjs";
import "./chunk-XNIKMWZT.mjs";
import "./chunk-IIFEABOA.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  parseNote
};

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
import {
  renderNote
} from "./chunk-XDBV2D5S.mjs";
import "./chunk-YFNGQKDO.mjs";
import "./chunk-33IM2RXV.mjs";
import "./chunk-G23BEX64.mjs";
import "./chunk-XNIKMWZT.mjs";
import "./chunk-IIFEABOA.mjs";
import "./chunk-4WZSK4NS.mjs";
export {
  renderNote
};

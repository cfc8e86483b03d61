#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  renderNote
} from "./chunk-DVMOCOCF.mjs";
import "./chunk-B4RRO5TO.mjs";
import "./chunk-GYJ3GKLR.mjs";
import "./chunk-HOVPYJYW.mjs";
import "./chunk-5JH7MFI6.mjs";
import "./chunk-7RWYVW2G.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";
export {
  renderNote
};

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  renderNote
} from "./chunk-VUBDBMAH.mjs";
import "./chunk-WWEOJSFG.mjs";
import "./chunk-MGXXTUCH.mjs";
import "./chunk-HOVPYJYW.mjs";
import "./chunk-5JH7MFI6.mjs";
import "./chunk-7RWYVW2G.mjs";
import "./chunk-B475TGAI.mjs";
import "./chunk-4OAWNEMU.mjs";
export {
  renderNote
};

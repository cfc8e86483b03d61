#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  redact,
  require_dist
} from "./chunk-UBA6PG2O.mjs";
import {
  removeLane
} from "./chunk-OJGZBV5Q.mjs";
import {
  adminDirFor,
  assessLane,
  describeCommits,
  describeDirty,
  diskUsage,
  haveProc,
  listWorktrees,
  processesIn,
  recoverOrphans,
  teardownLane,
  withGitLock
} from "./chunk-OVDKHLKH.mjs";
import {
  CLAIMS_DOC,
  emptyClaims,
  releaseOwnerInTx
} from "./chunk-5PRR2DMC.mjs";
import {
  PLAN_LIMITS,
  TASKS_DOC,
  buildPlan,
  countByStatus,
  emptyTasks,
  readPlan,
  setStatus,
  storePlan
} from "./chunk-EQIKYZIM.mjs";
import {
  CONFIG_FILE,
  MAX_CONFIG_BYTES,
  aheadBehind,
  commitTimeMs,
  git,
  gitOut,
  isAncestor,
  isInside,
  isSha,
  killProcessGroup,
  lanesDir,
  loadConfig,
  loadConfigAtCommit,
  parseConfig,
  refSha,
  resolveCommit,
  resolveRepo,
  resolveTarget,
  runCommand,
  statusPorcelain
} from "./chunk-JQMRMKBB.mjs";
import {
  failpoint,
  lockOwner,
  tryLock
} from "./chunk-TGF4WI42.mjs";
import {
  goneReason
} from "./chunk-FC2A3AOD.mjs";
import {
  hostName,
  pidAlive
} from "./chunk-GSYLAAW2.mjs";
import {
  LANES_DOC,
  emptyLanes,
  laneRef,
  taskOwner
} from "./chunk-N53VYYAD.mjs";
import {
  LanesError,
  assertSlug,
  errorMessage,
  isLanesError,
  log,
  slugify
} from "./chunk-SU5VJPY7.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-4OAWNEMU.mjs";

// node_modules/ms/index.js
var require_ms = __commonJS({
  "node_modules/ms/index.js"(exports, module) {
    var s = 1e3;
    var m2 = s * 60;
    var h3 = m2 * 60;
    var d2 = h3 * 24;
    var w2 = d2 * 7;
    var y2 = d2 * 365.25;
    module.exports = function(val, options) {
      options = options || {};
      var type = typeof val;
      if (type === "string" && val.length > 0) {
        return parse(val);
      } else if (type === "number" && isFinite(val)) {
        return options.long ? fmtLong(val) : fmtShort(val);
      }
      throw new Error(
        "val is not a non-empty string or a valid number. val=" + JSON.stringify(val)
      );
    };
    function parse(str) {
      str = String(str);
      if (str.length > 100) {
        return;
      }
      var match = /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(
        str
      );
      if (!match) {
        return;
      }
      var n = parseFloat(match[1]);
      var type = (match[2] || "ms").toLowerCase();
      switch (type) {
        case "years":
        case "year":
        case "yrs":
        case "yr":
        case "y":
          return n * y2;
        case "weeks":
        case "week":
        case "w":
          return n * w2;
        case "days":
        case "day":
        case "d":
          return n * d2;
        case "hours":
        case "hour":
        case "hrs":
        case "hr":
        case "h":
          return n * h3;
        case "minutes":
        case "minute":
        case "mins":
        case "min":
        case "m":
          return n * m2;
        case "seconds":
        case "second":
        case "secs":
        case "sec":
        case "s":
          return n * s;
        case "milliseconds":
        case "millisecond":
        case "msecs":
        case "msec":
        case "ms":
          return n;
        default:
          return void 0;
      }
    }
    function fmtShort(ms2) {
      var msAbs = Math.abs(ms2);
      if (msAbs >= d2) {
        return Math.round(ms2 / d2) + "d";
      }
      if (msAbs >= h3) {
        return Math.round(ms2 / h3) + "h";
      }
      if (msAbs >= m2) {
        return Math.round(ms2 / m2) + "m";
      }
      if (msAbs >= s) {
        return Math.round(ms2 / s) + "s";
      }
      return ms2 + "ms";
    }
    function fmtLong(ms2) {
      var msAbs = Math.abs(ms2);
      if (msAbs >= d2) {
        return plural(ms2, msAbs, d2, "day");
      }
      if (msAbs >= h3) {
        return plural(ms2, msAbs, h3, "hour");
      }
      if (msAbs >= m2) {
        return plural(ms2, msAbs, m2, "minute");
      }
      if (msAbs >= s) {
        return plural(ms2, msAbs, s, "second");
      }
      return ms2 + " ms";
    }
    function plural(ms2, msAbs, n, name) {
      var isPlural = msAbs >= n * 1.5;
      return Math.round(ms2 / n) + " " + name + (isPlural ? "s" : "");
    }
  }
});

// node_modules/debug/src/common.js
var require_common = __commonJS({
  "node_modules/debug/src/common.js"(exports, module) {
    function setup(env) {
      createDebug.debug = createDebug;
      createDebug.default = createDebug;
      createDebug.coerce = coerce;
      createDebug.disable = disable;
      createDebug.enable = enable;
      createDebug.enabled = enabled;
      createDebug.humanize = require_ms();
      createDebug.destroy = destroy;
      Object.keys(env).forEach((key) => {
        createDebug[key] = env[key];
      });
      createDebug.names = [];
      createDebug.skips = [];
      createDebug.formatters = {};
      function selectColor(namespace) {
        let hash = 0;
        for (let i = 0; i < namespace.length; i++) {
          hash = (hash << 5) - hash + namespace.charCodeAt(i);
          hash |= 0;
        }
        return createDebug.colors[Math.abs(hash) % createDebug.colors.length];
      }
      createDebug.selectColor = selectColor;
      function createDebug(namespace) {
        let prevTime;
        let enableOverride = null;
        let namespacesCache;
        let enabledCache;
        function debug(...args) {
          if (!debug.enabled) {
            return;
          }
          const self = debug;
          const curr = Number(/* @__PURE__ */ new Date());
          const ms2 = curr - (prevTime || curr);
          self.diff = ms2;
          self.prev = prevTime;
          self.curr = curr;
          prevTime = curr;
          args[0] = createDebug.coerce(args[0]);
          if (typeof args[0] !== "string") {
            args.unshift("%O");
          }
          let index = 0;
          args[0] = args[0].replace(/%([a-zA-Z%])/g, (match, format) => {
            if (match === "%%") {
              return "%";
            }
            index++;
            const formatter = createDebug.formatters[format];
            if (typeof formatter === "function") {
              const val = args[index];
              match = formatter.call(self, val);
              args.splice(index, 1);
              index--;
            }
            return match;
          });
          createDebug.formatArgs.call(self, args);
          const logFn = self.log || createDebug.log;
          logFn.apply(self, args);
        }
        debug.namespace = namespace;
        debug.useColors = createDebug.useColors();
        debug.color = createDebug.selectColor(namespace);
        debug.extend = extend;
        debug.destroy = createDebug.destroy;
        Object.defineProperty(debug, "enabled", {
          enumerable: true,
          configurable: false,
          get: () => {
            if (enableOverride !== null) {
              return enableOverride;
            }
            if (namespacesCache !== createDebug.namespaces) {
              namespacesCache = createDebug.namespaces;
              enabledCache = createDebug.enabled(namespace);
            }
            return enabledCache;
          },
          set: (v2) => {
            enableOverride = v2;
          }
        });
        if (typeof createDebug.init === "function") {
          createDebug.init(debug);
        }
        return debug;
      }
      function extend(namespace, delimiter) {
        const newDebug = createDebug(this.namespace + (typeof delimiter === "undefined" ? ":" : delimiter) + namespace);
        newDebug.log = this.log;
        return newDebug;
      }
      function enable(namespaces) {
        createDebug.save(namespaces);
        createDebug.namespaces = namespaces;
        createDebug.names = [];
        createDebug.skips = [];
        const split = (typeof namespaces === "string" ? namespaces : "").trim().replace(/\s+/g, ",").split(",").filter(Boolean);
        for (const ns2 of split) {
          if (ns2[0] === "-") {
            createDebug.skips.push(ns2.slice(1));
          } else {
            createDebug.names.push(ns2);
          }
        }
      }
      function matchesTemplate(search, template) {
        let searchIndex = 0;
        let templateIndex = 0;
        let starIndex = -1;
        let matchIndex = 0;
        while (searchIndex < search.length) {
          if (templateIndex < template.length && (template[templateIndex] === search[searchIndex] || template[templateIndex] === "*")) {
            if (template[templateIndex] === "*") {
              starIndex = templateIndex;
              matchIndex = searchIndex;
              templateIndex++;
            } else {
              searchIndex++;
              templateIndex++;
            }
          } else if (starIndex !== -1) {
            templateIndex = starIndex + 1;
            matchIndex++;
            searchIndex = matchIndex;
          } else {
            return false;
          }
        }
        while (templateIndex < template.length && template[templateIndex] === "*") {
          templateIndex++;
        }
        return templateIndex === template.length;
      }
      function disable() {
        const namespaces = [
          ...createDebug.names,
          ...createDebug.skips.map((namespace) => "-" + namespace)
        ].join(",");
        createDebug.enable("");
        return namespaces;
      }
      function enabled(name) {
        for (const skip of createDebug.skips) {
          if (matchesTemplate(name, skip)) {
            return false;
          }
        }
        for (const ns2 of createDebug.names) {
          if (matchesTemplate(name, ns2)) {
            return true;
          }
        }
        return false;
      }
      function coerce(val) {
        if (val instanceof Error) {
          return val.stack || val.message;
        }
        return val;
      }
      function destroy() {
        console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
      }
      createDebug.enable(createDebug.load());
      return createDebug;
    }
    module.exports = setup;
  }
});

// node_modules/debug/src/browser.js
var require_browser = __commonJS({
  "node_modules/debug/src/browser.js"(exports, module) {
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.storage = localstorage();
    exports.destroy = /* @__PURE__ */ (() => {
      let warned = false;
      return () => {
        if (!warned) {
          warned = true;
          console.warn("Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`.");
        }
      };
    })();
    exports.colors = [
      "#0000CC",
      "#0000FF",
      "#0033CC",
      "#0033FF",
      "#0066CC",
      "#0066FF",
      "#0099CC",
      "#0099FF",
      "#00CC00",
      "#00CC33",
      "#00CC66",
      "#00CC99",
      "#00CCCC",
      "#00CCFF",
      "#3300CC",
      "#3300FF",
      "#3333CC",
      "#3333FF",
      "#3366CC",
      "#3366FF",
      "#3399CC",
      "#3399FF",
      "#33CC00",
      "#33CC33",
      "#33CC66",
      "#33CC99",
      "#33CCCC",
      "#33CCFF",
      "#6600CC",
      "#6600FF",
      "#6633CC",
      "#6633FF",
      "#66CC00",
      "#66CC33",
      "#9900CC",
      "#9900FF",
      "#9933CC",
      "#9933FF",
      "#99CC00",
      "#99CC33",
      "#CC0000",
      "#CC0033",
      "#CC0066",
      "#CC0099",
      "#CC00CC",
      "#CC00FF",
      "#CC3300",
      "#CC3333",
      "#CC3366",
      "#CC3399",
      "#CC33CC",
      "#CC33FF",
      "#CC6600",
      "#CC6633",
      "#CC9900",
      "#CC9933",
      "#CCCC00",
      "#CCCC33",
      "#FF0000",
      "#FF0033",
      "#FF0066",
      "#FF0099",
      "#FF00CC",
      "#FF00FF",
      "#FF3300",
      "#FF3333",
      "#FF3366",
      "#FF3399",
      "#FF33CC",
      "#FF33FF",
      "#FF6600",
      "#FF6633",
      "#FF9900",
      "#FF9933",
      "#FFCC00",
      "#FFCC33"
    ];
    function useColors() {
      if (typeof window !== "undefined" && window.process && (window.process.type === "renderer" || window.process.__nwjs)) {
        return true;
      }
      if (typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/(edge|trident)\/(\d+)/)) {
        return false;
      }
      let m2;
      return typeof document !== "undefined" && document.documentElement && document.documentElement.style && document.documentElement.style.WebkitAppearance || // Is firebug? http://stackoverflow.com/a/398120/376773
      typeof window !== "undefined" && window.console && (window.console.firebug || window.console.exception && window.console.table) || // Is firefox >= v31?
      // https://developer.mozilla.org/en-US/docs/Tools/Web_Console#Styling_messages
      typeof navigator !== "undefined" && navigator.userAgent && (m2 = navigator.userAgent.toLowerCase().match(/firefox\/(\d+)/)) && parseInt(m2[1], 10) >= 31 || // Double check webkit in userAgent just in case we are in a worker
      typeof navigator !== "undefined" && navigator.userAgent && navigator.userAgent.toLowerCase().match(/applewebkit\/(\d+)/);
    }
    function formatArgs(args) {
      args[0] = (this.useColors ? "%c" : "") + this.namespace + (this.useColors ? " %c" : " ") + args[0] + (this.useColors ? "%c " : " ") + "+" + module.exports.humanize(this.diff);
      if (!this.useColors) {
        return;
      }
      const c3 = "color: " + this.color;
      args.splice(1, 0, c3, "color: inherit");
      let index = 0;
      let lastC = 0;
      args[0].replace(/%[a-zA-Z%]/g, (match) => {
        if (match === "%%") {
          return;
        }
        index++;
        if (match === "%c") {
          lastC = index;
        }
      });
      args.splice(lastC, 0, c3);
    }
    exports.log = console.debug || console.log || (() => {
    });
    function save(namespaces) {
      try {
        if (namespaces) {
          exports.storage.setItem("debug", namespaces);
        } else {
          exports.storage.removeItem("debug");
        }
      } catch (error) {
      }
    }
    function load() {
      let r2;
      try {
        r2 = exports.storage.getItem("debug") || exports.storage.getItem("DEBUG");
      } catch (error) {
      }
      if (!r2 && typeof process !== "undefined" && "env" in process) {
        r2 = process.env.DEBUG;
      }
      return r2;
    }
    function localstorage() {
      try {
        return localStorage;
      } catch (error) {
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.j = function(v2) {
      try {
        return JSON.stringify(v2);
      } catch (error) {
        return "[UnexpectedJSONParseError]: " + error.message;
      }
    };
  }
});

// node_modules/debug/src/node.js
var require_node = __commonJS({
  "node_modules/debug/src/node.js"(exports, module) {
    var tty = __require("tty");
    var util = __require("util");
    exports.init = init;
    exports.log = log2;
    exports.formatArgs = formatArgs;
    exports.save = save;
    exports.load = load;
    exports.useColors = useColors;
    exports.destroy = util.deprecate(
      () => {
      },
      "Instance method `debug.destroy()` is deprecated and no longer does anything. It will be removed in the next major version of `debug`."
    );
    exports.colors = [6, 2, 3, 4, 5, 1];
    try {
      const supportsColor = __require("supports-color");
      if (supportsColor && (supportsColor.stderr || supportsColor).level >= 2) {
        exports.colors = [
          20,
          21,
          26,
          27,
          32,
          33,
          38,
          39,
          40,
          41,
          42,
          43,
          44,
          45,
          56,
          57,
          62,
          63,
          68,
          69,
          74,
          75,
          76,
          77,
          78,
          79,
          80,
          81,
          92,
          93,
          98,
          99,
          112,
          113,
          128,
          129,
          134,
          135,
          148,
          149,
          160,
          161,
          162,
          163,
          164,
          165,
          166,
          167,
          168,
          169,
          170,
          171,
          172,
          173,
          178,
          179,
          184,
          185,
          196,
          197,
          198,
          199,
          200,
          201,
          202,
          203,
          204,
          205,
          206,
          207,
          208,
          209,
          214,
          215,
          220,
          221
        ];
      }
    } catch (error) {
    }
    exports.inspectOpts = Object.keys(process.env).filter((key) => {
      return /^debug_/i.test(key);
    }).reduce((obj, key) => {
      const prop = key.substring(6).toLowerCase().replace(/_([a-z])/g, (_3, k2) => {
        return k2.toUpperCase();
      });
      let val = process.env[key];
      if (/^(yes|on|true|enabled)$/i.test(val)) {
        val = true;
      } else if (/^(no|off|false|disabled)$/i.test(val)) {
        val = false;
      } else if (val === "null") {
        val = null;
      } else {
        val = Number(val);
      }
      obj[prop] = val;
      return obj;
    }, {});
    function useColors() {
      return "colors" in exports.inspectOpts ? Boolean(exports.inspectOpts.colors) : tty.isatty(process.stderr.fd);
    }
    function formatArgs(args) {
      const { namespace: name, useColors: useColors2 } = this;
      if (useColors2) {
        const c3 = this.color;
        const colorCode = "\x1B[3" + (c3 < 8 ? c3 : "8;5;" + c3);
        const prefix = `  ${colorCode};1m${name} \x1B[0m`;
        args[0] = prefix + args[0].split("\n").join("\n" + prefix);
        args.push(colorCode + "m+" + module.exports.humanize(this.diff) + "\x1B[0m");
      } else {
        args[0] = getDate() + name + " " + args[0];
      }
    }
    function getDate() {
      if (exports.inspectOpts.hideDate) {
        return "";
      }
      return (/* @__PURE__ */ new Date()).toISOString() + " ";
    }
    function log2(...args) {
      return process.stderr.write(util.formatWithOptions(exports.inspectOpts, ...args) + "\n");
    }
    function save(namespaces) {
      if (namespaces) {
        process.env.DEBUG = namespaces;
      } else {
        delete process.env.DEBUG;
      }
    }
    function load() {
      return process.env.DEBUG;
    }
    function init(debug) {
      debug.inspectOpts = {};
      const keys = Object.keys(exports.inspectOpts);
      for (let i = 0; i < keys.length; i++) {
        debug.inspectOpts[keys[i]] = exports.inspectOpts[keys[i]];
      }
    }
    module.exports = require_common()(exports);
    var { formatters } = module.exports;
    formatters.o = function(v2) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v2, this.inspectOpts).split("\n").map((str) => str.trim()).join(" ");
    };
    formatters.O = function(v2) {
      this.inspectOpts.colors = this.useColors;
      return util.inspect(v2, this.inspectOpts);
    };
  }
});

// node_modules/debug/src/index.js
var require_src = __commonJS({
  "node_modules/debug/src/index.js"(exports, module) {
    if (typeof process === "undefined" || process.type === "renderer" || process.browser === true || process.__nwjs) {
      module.exports = require_browser();
    } else {
      module.exports = require_node();
    }
  }
});

// node_modules/@kwsites/file-exists/dist/src/index.js
var require_src2 = __commonJS({
  "node_modules/@kwsites/file-exists/dist/src/index.js"(exports) {
    "use strict";
    var __importDefault = exports && exports.__importDefault || function(mod) {
      return mod && mod.__esModule ? mod : { "default": mod };
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    var fs_1 = __require("fs");
    var debug_1 = __importDefault(require_src());
    var log2 = debug_1.default("@kwsites/file-exists");
    function check(path12, isFile, isDirectory) {
      log2(`checking %s`, path12);
      try {
        const stat = fs_1.statSync(path12);
        if (stat.isFile() && isFile) {
          log2(`[OK] path represents a file`);
          return true;
        }
        if (stat.isDirectory() && isDirectory) {
          log2(`[OK] path represents a directory`);
          return true;
        }
        log2(`[FAIL] path represents something other than a file or directory`);
        return false;
      } catch (e) {
        if (e.code === "ENOENT") {
          log2(`[FAIL] path is not accessible: %o`, e);
          return false;
        }
        log2(`[FATAL] %o`, e);
        throw e;
      }
    }
    function exists(path12, type = exports.READABLE) {
      return check(path12, (type & exports.FILE) > 0, (type & exports.FOLDER) > 0);
    }
    exports.exists = exists;
    exports.FILE = 1;
    exports.FOLDER = 2;
    exports.READABLE = exports.FILE + exports.FOLDER;
  }
});

// node_modules/@kwsites/file-exists/dist/index.js
var require_dist2 = __commonJS({
  "node_modules/@kwsites/file-exists/dist/index.js"(exports) {
    "use strict";
    function __export(m2) {
      for (var p2 in m2) if (!exports.hasOwnProperty(p2)) exports[p2] = m2[p2];
    }
    Object.defineProperty(exports, "__esModule", { value: true });
    __export(require_src2());
  }
});

// node_modules/@kwsites/promise-deferred/dist/index.js
var require_dist3 = __commonJS({
  "node_modules/@kwsites/promise-deferred/dist/index.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.createDeferred = exports.deferred = void 0;
    function deferred() {
      let done;
      let fail2;
      let status2 = "pending";
      const promise = new Promise((_done, _fail) => {
        done = _done;
        fail2 = _fail;
      });
      return {
        promise,
        done(result2) {
          if (status2 === "pending") {
            status2 = "resolved";
            done(result2);
          }
        },
        fail(error) {
          if (status2 === "pending") {
            status2 = "rejected";
            fail2(error);
          }
        },
        get fulfilled() {
          return status2 !== "pending";
        },
        get status() {
          return status2;
        }
      };
    }
    exports.deferred = deferred;
    exports.createDeferred = deferred;
    exports.default = deferred;
  }
});

// src/version.ts
var VERSION = "0.1.0";

// src/core/merge/model.ts
var MERGE_DOC = "merge-queue";
var MERGE_OP = "merge.process";
var STRATEGIES = ["merge", "squash", "rebase"];
var ENTRY_STATES = ["queued", "integrating", "gating", "landing", "landed", "failed", "cancelled"];
var PROCESSING = ["integrating", "gating", "landing"];
var ACTIVE = ["queued", ...PROCESSING];
var emptyQueue = () => ({ seq: 0, entries: [], recent: [], lane_conflicts: {} });
var HISTORY_KEEP = 200;
var RECENT_KEEP = 20;
function queueOf(doc) {
  if (!Array.isArray(doc.entries)) doc.entries = [];
  if (!Array.isArray(doc.recent)) doc.recent = [];
  if (typeof doc.lane_conflicts !== "object" || doc.lane_conflicts === null) doc.lane_conflicts = {};
  if (!Number.isSafeInteger(doc.seq)) doc.seq = doc.entries.reduce((m2, e) => Math.max(m2, e.seq), 0);
  return doc;
}
function isActive(e) {
  return ACTIVE.includes(e.state);
}
function activeEntry(doc, task) {
  return doc.entries.find((e) => e.task === task && isActive(e));
}
function trimHistory(doc) {
  const finished = doc.entries.filter((e) => !isActive(e));
  if (finished.length <= HISTORY_KEEP) return;
  const drop = new Set(finished.sort((a, b3) => a.seq - b3.seq).slice(0, finished.length - HISTORY_KEEP).map((e) => e.id));
  doc.entries = doc.entries.filter((e) => !drop.has(e.id));
}
function recordOutcome(doc, ok) {
  doc.recent.push(ok);
  if (doc.recent.length > RECENT_KEEP) doc.recent.splice(0, doc.recent.length - RECENT_KEEP);
}
function effectiveBatchSize(configured, recent) {
  if (configured <= 1 || recent.length < 10) return Math.max(1, configured);
  const rate = recent.filter((ok) => !ok).length / recent.length;
  if (rate >= 0.2) return 1;
  if (rate >= 0.1) return Math.min(configured, 4);
  return configured;
}
function nowIso() {
  return (/* @__PURE__ */ new Date()).toISOString();
}
function msSince(iso) {
  return iso ? Math.max(0, Date.now() - Date.parse(iso)) : void 0;
}
function capText(s, max = 4e3) {
  return s.length > max ? `...${s.slice(-(max - 3))}` : s;
}

// src/core/merge/git.ts
import fs2 from "node:fs";
import path from "node:path";

// node_modules/@simple-git/args-pathspec/dist/index.mjs
var t = /* @__PURE__ */ new WeakMap();
function c(...n) {
  const e = new String(n);
  return t.set(e, n), e;
}
function r(n) {
  return n instanceof String && t.has(n);
}
function o(n) {
  return t.get(n) ?? [];
}

// node_modules/simple-git/dist/index.mjs
var import_file_exists = __toESM(require_dist2(), 1);
var import_debug = __toESM(require_src(), 1);
var import_promise_deferred = __toESM(require_dist3(), 1);
import { spawn as ve } from "node:child_process";
import { normalize as Se } from "node:path";

// node_modules/@simple-git/argv-parser/dist/index.mjs
function* x(e, n) {
  const t2 = n === "global";
  for (const o2 of e)
    o2.isGlobal === t2 && (yield o2);
}
var P = /* @__PURE__ */ new Set([
  "--add",
  "--edit",
  "--remove-section",
  "--rename-section",
  "--replace-all",
  "--unset",
  "--unset-all",
  "-e"
]);
var S = /* @__PURE__ */ new Set([
  "--get",
  "--get-all",
  "--get-color",
  "--get-colorbool",
  "--get-regexp",
  "--get-urlmatch",
  "--list",
  "-l"
]);
var E = /* @__PURE__ */ new Set([
  "edit",
  "remove-section",
  "rename-section",
  "set",
  "unset"
]);
var F = /* @__PURE__ */ new Set(["get", "get-color", "get-colorbool", "list"]);
function A(e, n) {
  for (const { name: o2 } of x(e, "task")) {
    if (P.has(o2))
      return w(true, n);
    if (S.has(o2))
      return w(false, n);
  }
  const t2 = n.at(0)?.toLowerCase();
  return t2 === void 0 ? null : E.has(t2) ? w(true, n.slice(1)) : F.has(t2) ? w(false, n.slice(1)) : n.length === 1 ? w(false, n) : w(true, n);
}
function w(e = false, n = []) {
  const t2 = n.at(0)?.toLowerCase();
  return t2 === void 0 ? null : {
    isWrite: e,
    isRead: !e,
    key: t2,
    value: n.at(1)
  };
}
function O(e, n) {
  return n.isWrite && n.value !== void 0 ? { key: n.key, value: n.value, scope: e } : { key: n.key, scope: e };
}
function G(e) {
  const n = e?.indexOf("=") || -1;
  return !e || n < 0 ? null : {
    key: e.slice(0, n).trim().toLowerCase(),
    value: e.slice(n + 1)
  };
}
function M(e) {
  for (const { name: n } of x(e, "task"))
    switch (n) {
      case "--global":
        return "global";
      case "--system":
        return "system";
      case "--worktree":
        return "worktree";
      case "--local":
        return "local";
      case "--file":
      case "-f":
        return "file";
    }
  return "local";
}
function N({ name: e }) {
  if (e === "-c" || e === "--config")
    return "inline";
  if (e === "--config-env")
    return "env";
}
function* $(e) {
  for (const n of e) {
    const t2 = N(n), o2 = t2 && G(n.value);
    o2 && (yield {
      ...o2,
      scope: t2
    });
  }
}
function D(e, n, t2) {
  const o2 = {
    read: [],
    write: [...$(n)]
  };
  return e === "config" && L(
    o2,
    M(n),
    A(n, t2)
  ), o2;
}
function L(e, n, t2) {
  if (t2 === null)
    return;
  const o2 = O(n, t2);
  t2.isWrite ? e.write.push(o2) : e.read.push(o2);
}
var C = {
  short: /* @__PURE__ */ new Map([
    ["c", true]
    //  -c <k=v>    set config key for this invocation
  ])
};
var I = {
  short: new Map([
    ["C", true],
    //  -C <path>   change working directory
    ["P", false],
    // -P          no pager (alias for --no-pager)
    ["h", false],
    // -h          help
    ["p", false],
    // -p          paginate
    ["v", false],
    // -v          version
    ...C.short.entries()
  ]),
  long: /* @__PURE__ */ new Set([
    "attr-source",
    "config-env",
    "exec-path",
    "git-dir",
    "list-cmds",
    "namespace",
    "super-prefix",
    "work-tree"
  ])
};
var R = {
  clone: {
    short: /* @__PURE__ */ new Map([
      ["b", true],
      // -b <branch>
      ["j", true],
      // -j <n>          parallel jobs
      ["l", false],
      // -l local
      ["n", false],
      // -n no-checkout
      ["o", true],
      // -o <name>       remote name
      ["q", false],
      // -q quiet
      ["s", false],
      // -s shared
      ["u", true]
      // -u <upload-pack>
    ]),
    long: /* @__PURE__ */ new Set(["branch", "config", "jobs", "origin", "upload-pack", "u", "template"])
  },
  commit: {
    short: /* @__PURE__ */ new Map([
      ["C", true],
      // -C <commit>  reuse message
      ["F", true],
      // -F <file>    read message from file
      ["c", true],
      // -c <commit>  reedit message
      ["m", true],
      // -m <msg>
      ["t", true]
      // -t <template>
    ]),
    long: /* @__PURE__ */ new Set(["file", "message", "reedit-message", "reuse-message", "template"])
  },
  config: {
    short: /* @__PURE__ */ new Map([
      ["e", false],
      // -e  open editor
      ["f", true],
      //  -f <file>
      ["l", false]
      // -l  list
    ]),
    long: /* @__PURE__ */ new Set(["blob", "comment", "default", "file", "type", "value"])
  },
  fetch: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["upload-pack"])
  },
  init: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["template"])
  },
  pull: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["upload-pack"])
  },
  push: {
    short: /* @__PURE__ */ new Map(),
    long: /* @__PURE__ */ new Set(["exec", "receive-pack"])
  },
  rebase: {
    short: /* @__PURE__ */ new Map([
      ["X", true],
      // -X <option>   strategy option
      ["f", false],
      // -f force-rebase
      ["i", false],
      // -i interactive
      ["k", false],
      // -k keep-base
      ["m", false],
      // -m merge
      ["n", false],
      // -n no-stat
      ["q", false],
      // -q quiet
      ["r", false],
      // -r rebase-merges
      ["s", true],
      // -s <strategy>
      ["v", false],
      // -v verbose
      ["x", true]
      // -x <cmd>      exec
    ]),
    long: /* @__PURE__ */ new Set(["exec", "onto", "strategy", "strategy-option"])
  }
};
var T = { short: /* @__PURE__ */ new Map(), long: /* @__PURE__ */ new Set() };
function B(e) {
  const n = R[e ?? ""] ?? T;
  return {
    short: new Map([...C.short.entries(), ...n.short.entries()]),
    long: n.long
  };
}
function b(e, n = I) {
  if (e.startsWith("--")) {
    const t2 = e.indexOf("=");
    if (t2 > 2)
      return [{ name: e.slice(0, t2), value: e.slice(t2 + 1), needsNext: false }];
    const o2 = e.slice(2);
    return [{ name: e, needsNext: n.long.has(o2) }];
  }
  if (e.length === 2) {
    const t2 = e.charAt(1), o2 = n.short.get(t2);
    return [{ name: e, needsNext: o2 === true }];
  }
  return j(e, n.short);
}
function j(e, n) {
  const t2 = e.slice(1).split(""), o2 = [];
  for (let a = 0; a < t2.length; a++) {
    const s = t2[a], r2 = n.get(s);
    if (r2 === void 0)
      return [{ name: e, needsNext: false }];
    if (r2) {
      const i = t2.slice(a + 1).join("");
      if (i && ![...i].every((m2) => n.has(m2)))
        return o2.push({ name: `-${s}`, value: i, needsNext: false }), o2;
    }
    o2.push({ name: `-${s}`, needsNext: r2 });
  }
  return o2;
}
function W(e, n = []) {
  let t2 = 0;
  for (; t2 < e.length; ) {
    const o2 = String(e[t2]);
    if (!o2.startsWith("-") || o2.length < 2) break;
    const a = b(o2);
    let s = t2 + 1;
    for (const r2 of a) {
      const i = {
        name: r2.name,
        value: r2.value,
        absorbedNext: false,
        isGlobal: true
      };
      r2.needsNext && i.value === void 0 && s < e.length && (i.value = String(e[s]), i.absorbedNext = true, s++), n.push(i);
    }
    t2 = s;
  }
  return { flags: n, taskIndex: t2 };
}
function V(e, n, t2 = []) {
  const o2 = B(n), a = [], s = [];
  let r2 = 0;
  for (; r2 < e.length; ) {
    const i = e[r2];
    if (r(i)) {
      s.push(...o(i)), r2++;
      continue;
    }
    const p2 = String(i);
    if (p2 === "--") {
      for (let d2 = r2 + 1; d2 < e.length; d2++) {
        const g2 = e[d2];
        r(g2) ? s.push(...o(g2)) : s.push(String(g2));
      }
      break;
    }
    if (!p2.startsWith("-") || p2.length < 2) {
      a.push(p2), r2++;
      continue;
    }
    const m2 = b(p2, o2);
    let u2 = r2 + 1;
    for (const d2 of m2) {
      const g2 = {
        name: d2.name,
        value: d2.value,
        absorbedNext: false,
        isGlobal: false
      };
      d2.needsNext && g2.value === void 0 && u2 < e.length && !r(e[u2]) && (g2.value = String(e[u2]), g2.absorbedNext = true, u2++), t2.push(g2);
    }
    r2 = u2;
  }
  return { flags: t2, positionals: a, pathspecs: s };
}
function* q({
  write: e
}) {
  for (const n of e)
    for (const t2 of K) {
      const o2 = t2(n.key);
      o2 && (yield o2);
    }
}
function f(e, n, t2 = String(e)) {
  const o2 = typeof e == "string" ? new RegExp(`\\s*${e.toLowerCase()}`) : e;
  return function(s) {
    if (o2.test(s))
      return {
        category: n,
        message: `Configuring ${t2} is not permitted without enabling ${n}`
      };
  };
}
function l(e, n) {
  const t2 = new RegExp(`\\s*${e.toLowerCase().replace(/\./g, "(..+)?.")}`);
  return f(t2, n, e);
}
var K = [
  f("alias", "allowUnsafeAlias"),
  f("core.askPass", "allowUnsafeAskPass"),
  f("core.editor", "allowUnsafeEditor"),
  f("core.fsmonitor", "allowUnsafeFsMonitor"),
  f("core.gitProxy", "allowUnsafeGitProxy"),
  f("core.hooksPath", "allowUnsafeHooksPath"),
  f("core.pager", "allowUnsafePager"),
  f("core.sshCommand", "allowUnsafeSshCommand"),
  l("credential.helper", "allowUnsafeCredentialHelper"),
  l("diff.command", "allowUnsafeDiffExternal"),
  f("diff.external", "allowUnsafeDiffExternal"),
  l("difftool.cmd", "allowUnsafeDiffExternal"),
  l("diff.textconv", "allowUnsafeDiffTextConv"),
  l("filter.clean", "allowUnsafeFilter"),
  l("filter.process", "allowUnsafeFilter"),
  l("filter.smudge", "allowUnsafeFilter"),
  l("gpg.program", "allowUnsafeGpgProgram"),
  f("include.path", "allowUnsafeInclude"),
  l("includeIf", "allowUnsafeInclude"),
  f("init.templateDir", "allowUnsafeTemplateDir"),
  l("pager.", "allowUnsafePager"),
  l("merge.driver", "allowUnsafeMergeDriver"),
  l("mergetool.path", "allowUnsafeMergeDriver"),
  l("mergetool.cmd", "allowUnsafeMergeDriver"),
  l("protocol.allow", "allowUnsafeProtocolOverride"),
  l("remote.receivepack", "allowUnsafePack"),
  l("remote.uploadpack", "allowUnsafePack"),
  f("uploadpack.packObjectsHook", "allowUnsafePack"),
  f("sequence.editor", "allowUnsafeEditor"),
  l("submodule.update", "allowUnsafeSubmodule"),
  l("tar.command", "allowUnsafeCommandBinaries"),
  l("trailer.cmd", "allowUnsafeCommandBinaries"),
  l("trailer.command", "allowUnsafeCommandBinaries"),
  l("url.insteadOf", "allowUnsafeUrlRewrite")
];
function* H(e, n) {
  for (const t2 of n)
    for (const o2 of X) {
      const a = o2(e, t2);
      a && (yield a);
    }
}
function c2(e, n, t2, { name: o2 = String(n), globalOnly: a = false, withValue: s = false } = {}) {
  const r2 = typeof n == "string" ? new RegExp(`\\s*${n.toLowerCase()}`) : n, i = `Use of ${e ? `${e} with option ` : ""}${o2} is not permitted without enabling ${t2}`;
  return function(m2, u2) {
    if (!(e && m2 !== e) && !(a && !u2.isGlobal) && !(s && u2.value === void 0) && r2.test(u2.name))
      return {
        category: t2,
        message: i
      };
  };
}
var h = { globalOnly: true, withValue: true };
var X = [
  c2(null, /--(upload|receive)-pack/, "allowUnsafePack", {
    name: "--upload-pack or --receive-pack"
  }),
  c2("clone", /^-\w*u/, "allowUnsafePack"),
  c2("clone", "--u", "allowUnsafePack"),
  c2("push", /^--exec$/, "allowUnsafePack", { name: "--exec" }),
  // `git` accepts unambiguous abbreviations of long options, so `--ex` and `--exe` are `--exec`
  c2("rebase", /^(-x|--ex(ec?)?)$/, "allowUnsafeExec", { name: "-x or --exec" }),
  c2(null, "--template", "allowUnsafeTemplateDir"),
  c2(null, "--exec-path", "allowUnsafeExec", h),
  // `git` reads the configuration of whichever repository these name, so the
  // directory alone is enough to deliver config the argv guards never see
  c2(null, "--git-dir", "allowUnsafeConfigPaths", h),
  c2(null, "--work-tree", "allowUnsafeConfigPaths", h),
  c2(null, /^-C$/, "allowUnsafeConfigPaths", { ...h, name: "-C" })
];
function k(e, n, t2) {
  return [...H(e, n), ...q(t2)];
}
function Y(...e) {
  const { flags: n, taskIndex: t2 } = W(e), o2 = t2 < e.length ? String(e[t2]).toLowerCase() : null, a = o2 !== null ? e.slice(t2 + 1) : [], { positionals: s, pathspecs: r2 } = V(a, o2, n), i = D(o2, n, s);
  return {
    task: o2,
    flags: n.map(J),
    paths: r2,
    config: i,
    vulnerabilities: z(k(o2, n, i))
  };
}
function z(e) {
  return Object.defineProperty(e, "vulnerabilities", {
    value: e
  });
}
function J({ value: e, name: n }) {
  return e !== void 0 ? { name: n, value: e } : { name: n };
}
var y = {
  editor: "allowUnsafeEditor",
  git_askpass: "allowUnsafeAskPass",
  git_config_global: "allowUnsafeConfigPaths",
  git_config_system: "allowUnsafeConfigPaths",
  git_config_count: "allowUnsafeConfigEnvCount",
  git_config_parameters: "allowUnsafeConfigEnvCount",
  git_config: "allowUnsafeConfigPaths",
  git_editor: "allowUnsafeEditor",
  git_exec_path: "allowUnsafeExec",
  git_external_diff: "allowUnsafeDiffExternal",
  git_pager: "allowUnsafePager",
  git_proxy_command: "allowUnsafeGitProxy",
  git_template_dir: "allowUnsafeTemplateDir",
  git_sequence_editor: "allowUnsafeEditor",
  git_ssh: "allowUnsafeSshCommand",
  git_ssh_command: "allowUnsafeSshCommand",
  pager: "allowUnsafePager",
  prefix: "allowUnsafeConfigPaths",
  ssh_askpass: "allowUnsafeAskPass",
  visual: "allowUnsafeEditor"
};
function* Q(e) {
  const n = parseInt(e.git_config_count ?? "0", 10);
  for (let t2 = 0; t2 < n; t2++) {
    const o2 = e[`git_config_key_${t2}`], a = e[`git_config_value_${t2}`];
    o2 !== void 0 && (yield { key: o2.toLowerCase().trim(), value: a, scope: "env" });
  }
}
function* Z(e) {
  for (const n of Object.keys(e))
    if (_(n)) {
      const t2 = y[n];
      yield {
        category: t2,
        message: `Use of "${n.toUpperCase()}" is not permitted without enabling ${t2}`
      };
    }
}
function _(e) {
  return Object.hasOwn(y, e);
}
function ee(e) {
  const n = {};
  for (const [t2, o2] of Object.entries(e)) {
    const a = t2.toLowerCase().trim();
    (_(a) || a.startsWith("git")) && (n[a] = String(o2));
  }
  return n;
}
function ne(e) {
  const n = ee(e), t2 = {
    read: [],
    write: [...Q(n)]
  }, o2 = [
    ...Z(n),
    ...k(null, [], t2)
  ];
  return {
    config: t2,
    vulnerabilities: o2
  };
}
function oe(e, n) {
  return [...Y(...e).vulnerabilities, ...ne(n).vulnerabilities];
}

// node_modules/simple-git/dist/index.mjs
import { EventEmitter as Ce } from "node:events";
var O2 = class extends Error {
  constructor(e, n) {
    super(n), this.task = e, Object.setPrototypeOf(this, new.target.prototype);
  }
};
var Ae = class extends O2 {
  constructor(e, n) {
    super(void 0, n), this.config = e;
  }
};
var A2 = class extends O2 {
  constructor(e, n, r2) {
    super(e, r2), this.task = e, this.plugin = n, Object.setPrototypeOf(this, new.target.prototype);
  }
};
var at = class extends O2 {
  constructor(e, n) {
    super(void 0, n || String(e)), this.git = e;
  }
};
var xe = class extends O2 {
  constructor(e) {
    super(void 0, e);
  }
};
var I2 = "\0";
var W2 = () => {
};
function Ne(t2) {
  return typeof t2 != "function" ? W2 : t2;
}
function $e(t2) {
  return typeof t2 == "function" && t2 !== W2;
}
function Pe(t2, e) {
  const n = t2.indexOf(e);
  return n <= 0 ? [t2, ""] : [t2.substr(0, n), t2.substr(n + 1)];
}
function Me(t2, e = 0) {
  return Dt(t2) && t2.length > e ? t2[e] : void 0;
}
function N2(t2, e = 0) {
  if (Dt(t2) && t2.length > e)
    return t2[t2.length - 1 - e];
}
function Dt(t2) {
  return Bt(t2);
}
function H2(t2 = "", e = true, n = `
`) {
  return t2.split(n).reduce((r2, s) => {
    const o2 = e ? s.trim() : s;
    return o2 && r2.push(o2), r2;
  }, []);
}
function ut(t2, e) {
  return H2(t2, true).map((n) => e(n));
}
function Lt(t2) {
  return (0, import_file_exists.exists)(t2, import_file_exists.FOLDER);
}
function S2(t2, e) {
  return Array.isArray(t2) ? t2.includes(e) || t2.push(e) : t2.add(e), e;
}
function De(t2, e) {
  return Array.isArray(t2) && !t2.includes(e) && t2.push(e), t2;
}
function ct(t2, e) {
  if (Array.isArray(t2)) {
    const n = t2.indexOf(e);
    n >= 0 && t2.splice(n, 1);
  } else
    t2.delete(e);
  return e;
}
var ft = Object.prototype.toString.call.bind(Object.prototype.toString);
function v(t2) {
  return Array.isArray(t2) ? t2 : [t2];
}
function jt(t2) {
  return t2.replace(/[\s-]+(.)/g, (e, n) => n.toUpperCase());
}
function L2(t2) {
  return v(t2).map((e) => e instanceof String ? e : String(e));
}
function p(t2, e = 0) {
  if (t2 == null)
    return e;
  const n = parseInt(t2, 10);
  return Number.isNaN(n) ? e : n;
}
function U(t2, e) {
  const n = [];
  for (let r2 = 0, s = t2.length; r2 < s; r2++)
    n.push(e, t2[r2]);
  return n;
}
function F2(t2) {
  return (Array.isArray(t2) ? Buffer.concat(t2) : t2).toString("utf-8");
}
function Le(t2) {
  return t2 ? Buffer.isBuffer(t2) ? t2.length : Buffer.byteLength(t2) : 0;
}
function je(t2, e) {
  const n = {};
  return e.forEach((r2) => {
    t2[r2] !== void 0 && (n[r2] = t2[r2]);
  }), n;
}
function wt(t2 = 0) {
  return new Promise((e) => setTimeout(e, t2));
}
function bt(t2) {
  if (t2 !== false)
    return t2;
}
function d(t2, e, n) {
  return e(t2) ? t2 : arguments.length > 2 ? n : void 0;
}
var K2 = (t2) => Array.isArray(t2);
function st(t2, e) {
  const n = r(t2) ? "string" : typeof t2;
  return /number|string|boolean/.test(n) && (!e || !e.includes(n));
}
var m = (t2) => typeof t2 == "string" || r(t2);
var Be = (t2) => m(t2) || Buffer.isBuffer(t2);
var G2 = (t2) => m(t2) || Array.isArray(t2) && t2.every(m);
function lt(t2) {
  return !!t2 && ft(t2) === "[object Object]";
}
function Ie(t2) {
  return typeof t2 == "function";
}
var Bt = (t2) => t2 == null || "number|boolean|function".includes(typeof t2) ? false : typeof t2.length == "number";
var V2 = /* @__PURE__ */ ((t2) => (t2[t2.SUCCESS = 0] = "SUCCESS", t2[t2.ERROR = 1] = "ERROR", t2[t2.NOT_FOUND = -2] = "NOT_FOUND", t2[t2.UNCLEAN = 128] = "UNCLEAN", t2))(V2 || {});
var z2 = class _z {
  constructor(e, n) {
    this.stdOut = e, this.stdErr = n;
  }
  asStrings() {
    return new _z(this.stdOut.toString("utf8"), this.stdErr.toString("utf8"));
  }
};
function Ue() {
  throw new Error("LineParser:useMatches not implemented");
}
var l2 = class {
  constructor(e, n) {
    this.matches = [], this.useMatches = Ue, this.parse = (r2, s) => (this.resetMatches(), this._regExp.every((o2, i) => this.addMatch(o2, i, r2(i))) ? this.useMatches(s, this.prepareMatches()) !== false : false), this._regExp = Array.isArray(e) ? e : [e], n && (this.useMatches = n);
  }
  resetMatches() {
    this.matches.length = 0;
  }
  prepareMatches() {
    return this.matches;
  }
  addMatch(e, n, r2) {
    const s = r2 && e.exec(r2);
    return s && this.pushMatch(n, s), !!s;
  }
  pushMatch(e, n) {
    this.matches.push(...n.slice(1));
  }
};
var x2 = class extends l2 {
  addMatch(e, n, r2) {
    return /^remote:\s/.test(String(r2)) && super.addMatch(e, n, r2);
  }
  pushMatch(e, n) {
    (e > 0 || n.length > 1) && super.pushMatch(e, n);
  }
};
var Fe = {
  binary: "git",
  maxConcurrentProcesses: 5,
  config: [],
  trimmed: false
};
function Ge(...t2) {
  const e = process.cwd(), n = Object.assign(
    { baseDir: e, ...Fe },
    ...t2.filter((r2) => typeof r2 == "object" && r2)
  );
  return n.baseDir = n.baseDir || e, n.trimmed = n.trimmed === true, n;
}
function It(t2, e = []) {
  return lt(t2) ? Object.keys(t2).reduce((n, r2) => {
    const s = t2[r2];
    if (r(s))
      n.push(s);
    else if (st(s, ["boolean"]))
      n.push(r2 + "=" + s);
    else if (Array.isArray(s))
      for (const o2 of s)
        st(o2, ["string", "number"]) || n.push(r2 + "=" + o2);
    else
      n.push(r2);
    return n;
  }, e) : e;
}
function h2(t2, e = 0, n = false) {
  const r2 = [];
  for (let s = 0, o2 = e < 0 ? t2.length : e; s < o2; s++)
    "string|number".includes(typeof t2[s]) && r2.push(String(t2[s]));
  return It(ht(t2), r2), n || r2.push(...ze(t2)), r2;
}
function ze(t2) {
  const e = typeof N2(t2) == "function";
  return L2(d(N2(t2, e ? 1 : 0), K2, []));
}
function ht(t2) {
  const e = Ie(N2(t2));
  return d(N2(t2, e ? 1 : 0), lt);
}
function u(t2, e = true) {
  const n = Ne(N2(t2));
  return e || $e(n) ? n : void 0;
}
function Tt(t2, e) {
  return t2(e.stdOut, e.stdErr);
}
function E2(t2, e, n, r2 = true) {
  return v(n).forEach((s) => {
    for (let o2 = H2(s, r2), i = 0, a = o2.length; i < a; i++) {
      const c3 = (y2 = 0) => {
        if (!(i + y2 >= a))
          return o2[i + y2];
      };
      e.some(({ parse: y2 }) => y2(c3, t2));
    }
  }), t2;
}
var mt = ({ exitCode: t2 }, e, n, r2) => {
  if (t2 === V2.UNCLEAN && Ve(e))
    return n(Buffer.from("false"));
  r2(e);
};
var Ut = (t2) => t2.trim() === "true";
function We(t2) {
  switch (t2) {
    case "bare":
      return Ke();
    case "root":
      return He();
  }
  return {
    commands: ["rev-parse", "--is-inside-work-tree"],
    format: "utf-8",
    onError: mt,
    parser: Ut
  };
}
function He() {
  return {
    commands: ["rev-parse", "--git-dir"],
    format: "utf-8",
    onError: mt,
    parser(e) {
      return /^\.(git)?$/.test(e.trim());
    }
  };
}
function Ke() {
  return {
    commands: ["rev-parse", "--is-bare-repository"],
    format: "utf-8",
    onError: mt,
    parser: Ut
  };
}
function Ve(t2) {
  return /(Not a git repository|Kein Git-Repository)/i.test(String(t2));
}
var Xe = class {
  constructor(e) {
    this.paths = [], this.files = [], this.folders = [], this.dryRun = e;
  }
};
var Ye = /^[a-z]+\s*/i;
var Qe = /^[a-z]+\s+[a-z]+\s*/i;
var Je = /\/$/;
function Ze(t2, e) {
  const n = new Xe(t2), r2 = t2 ? Qe : Ye;
  return H2(e).forEach((s) => {
    const o2 = s.replace(r2, "");
    n.paths.push(o2), (Je.test(o2) ? n.folders : n.files).push(o2);
  }), n;
}
var Ft = [];
function tn(t2) {
  return {
    commands: Ft,
    format: "empty",
    parser: t2
  };
}
function b2(t2) {
  return {
    commands: Ft,
    format: "empty",
    parser() {
      throw typeof t2 == "string" ? new xe(t2) : t2;
    }
  };
}
function g(t2, e = false) {
  return {
    commands: t2,
    format: "utf-8",
    parser(n) {
      return e ? String(n).trim() : n;
    }
  };
}
function Gt(t2) {
  return {
    commands: t2,
    format: "buffer",
    parser(e) {
      return e;
    }
  };
}
function en(t2) {
  return t2.format === "buffer";
}
function kt(t2) {
  return t2.format === "empty" || !t2.commands.length;
}
var nn = "Git clean interactive mode is not supported";
var rn = 'Git clean mode parameter ("n" or "f") is required';
var sn = "Git clean unknown option found in: ";
var zt = /* @__PURE__ */ ((t2) => (t2.DRY_RUN = "n", t2.FORCE = "f", t2.IGNORED_INCLUDED = "x", t2.IGNORED_ONLY = "X", t2.EXCLUDING = "e", t2.QUIET = "q", t2.RECURSIVE = "d", t2))(zt || {});
var qt = /* @__PURE__ */ new Set([
  "i",
  ...L2(Object.values(zt))
]);
function on(t2, e) {
  const { cleanMode: n, options: r2, valid: s } = cn(t2);
  return n ? s.options ? (r2.push(...e), r2.some(hn) ? b2(nn) : an(n, r2)) : b2(sn + JSON.stringify(t2)) : b2(rn);
}
function an(t2, e) {
  return {
    commands: ["clean", `-${t2}`, ...e],
    format: "utf-8",
    parser(r2) {
      return Ze(t2 === "n", r2);
    }
  };
}
function un(t2) {
  return Array.isArray(t2) && t2.every((e) => qt.has(e));
}
function cn(t2) {
  let e, n = [], r2 = { cleanMode: false, options: true };
  return t2.replace(/[^a-z]i/g, "").split("").forEach((s) => {
    fn(s) ? (e = s, r2.cleanMode = true) : r2.options = r2.options && ln(n[n.length] = `-${s}`);
  }), {
    cleanMode: e,
    options: n,
    valid: r2
  };
}
function fn(t2) {
  return t2 === "f" || t2 === "n";
}
function ln(t2) {
  return /^-[a-z]$/i.test(t2) && qt.has(t2.charAt(1));
}
function hn(t2) {
  return /^-[^\-]/.test(t2) ? t2.indexOf("i") > 0 : t2 === "--interactive";
}
var mn = class {
  constructor() {
    this.files = [], this.values = /* @__PURE__ */ Object.create(null);
  }
  get all() {
    return this._all || (this._all = this.files.reduce((e, n) => Object.assign(e, this.values[n]), {})), this._all;
  }
  addFile(e) {
    if (!(e in this.values)) {
      const n = N2(this.files);
      this.values[e] = n ? Object.create(this.values[n]) : {}, this.files.push(e);
    }
    return this.values[e];
  }
  addValue(e, n, r2) {
    const s = this.addFile(e);
    Object.hasOwn(s, n) ? Array.isArray(s[n]) ? s[n].push(r2) : s[n] = [s[n], r2] : s[n] = r2, this._all = void 0;
  }
};
function pn(t2) {
  const e = new mn();
  for (const n of Wt(t2))
    e.addValue(n.file, String(n.key), n.value);
  return e;
}
function dn(t2, e) {
  let n = null;
  const r2 = [], s = /* @__PURE__ */ new Map();
  for (const o2 of Wt(t2, e))
    o2.key === e && (r2.push(n = o2.value), s.has(o2.file) || s.set(o2.file, []), s.get(o2.file).push(n));
  return {
    key: e,
    paths: Array.from(s.keys()),
    scopes: s,
    value: n,
    values: r2
  };
}
function gn(t2) {
  return t2.replace(/^(file):/, "");
}
function* Wt(t2, e = null) {
  const n = t2.split("\0");
  for (let r2 = 0, s = n.length - 1; r2 < s; ) {
    const o2 = gn(n[r2++]);
    let i = n[r2++], a = e;
    if (i.includes(`
`)) {
      const c3 = Pe(i, `
`);
      a = c3[0], i = c3[1];
    }
    yield { file: o2, key: a, value: i };
  }
}
var Ht = /* @__PURE__ */ ((t2) => (t2.system = "system", t2.global = "global", t2.local = "local", t2.worktree = "worktree", t2))(Ht || {});
function Y2(t2, e) {
  return typeof t2 == "string" && Object.hasOwn(Ht, t2) ? t2 : e;
}
function yn(t2, e, n, r2) {
  const s = ["config", `--${r2}`];
  return n && s.push("--add"), s.push(t2, e), {
    commands: s,
    format: "utf-8",
    parser(o2) {
      return o2;
    }
  };
}
function wn(t2, e) {
  const n = ["config", "--null", "--show-origin", "--get-all", t2];
  return e && n.splice(1, 0, `--${e}`), {
    commands: n,
    format: "utf-8",
    parser(r2) {
      return dn(r2, t2);
    }
  };
}
function bn(t2) {
  const e = ["config", "--list", "--show-origin", "--null"];
  return t2 && e.push(`--${t2}`), {
    commands: e,
    format: "utf-8",
    parser(n) {
      return pn(n);
    }
  };
}
function Tn() {
  return {
    addConfig(t2, e, ...n) {
      return this._runTask(
        yn(
          t2,
          e,
          n[0] === true,
          Y2(
            n[1],
            "local"
            /* local */
          )
        ),
        u(arguments)
      );
    },
    getConfig(t2, e) {
      return this._runTask(
        wn(t2, Y2(e, void 0)),
        u(arguments)
      );
    },
    listConfig(...t2) {
      return this._runTask(
        bn(Y2(t2[0], void 0)),
        u(arguments)
      );
    }
  };
}
var Kt = /* @__PURE__ */ ((t2) => (t2.ADDED = "A", t2.COPIED = "C", t2.DELETED = "D", t2.MODIFIED = "M", t2.RENAMED = "R", t2.CHANGED = "T", t2.UNMERGED = "U", t2.UNKNOWN = "X", t2.BROKEN = "B", t2))(Kt || {});
var kn = new Set(Object.values(Kt));
function _n(t2) {
  return kn.has(t2);
}
var _t;
var vn = ["-h"];
var j2 = /* @__PURE__ */ Symbol("grepQuery");
var En = class {
  constructor() {
    this[_t] = [];
  }
  *[(_t = j2, Symbol.iterator)]() {
    for (const e of this[j2])
      yield e;
  }
  and(...e) {
    return e.length && this[j2].push("--and", "(", ...U(e, "-e"), ")"), this;
  }
  param(...e) {
    return this[j2].push(...U(e, "-e")), this;
  }
};
function Sn(...t2) {
  return new En().param(...t2);
}
function Rn(t2) {
  const e = /* @__PURE__ */ new Set(), n = {};
  return ut(t2, (r2) => {
    const [s, o2, i] = r2.split(I2);
    e.add(s), (n[s] = n[s] || []).push({
      line: p(o2),
      path: s,
      preview: i
    });
  }), {
    paths: e,
    results: n
  };
}
function On() {
  return {
    grep(t2) {
      const e = u(arguments), n = h2(arguments);
      for (const s of vn)
        if (n.includes(s))
          return this._runTask(
            b2(`git.grep: use of "${s}" is not supported.`),
            e
          );
      typeof t2 == "string" && (t2 = Sn().param(t2));
      const r2 = ["grep", "--null", "-n", "--full-name", ...n, ...t2];
      return this._runTask(
        {
          commands: r2,
          format: "utf-8",
          parser(s) {
            return Rn(s);
          }
        },
        e
      );
    }
  };
}
var Vt = /* @__PURE__ */ ((t2) => (t2.MIXED = "mixed", t2.SOFT = "soft", t2.HARD = "hard", t2.MERGE = "merge", t2.KEEP = "keep", t2))(Vt || {});
var Cn = L2(Object.values(Vt));
function An(t2, e) {
  const n = ["reset"];
  return Xt(t2) && n.push(`--${t2}`), n.push(...e), g(n);
}
function xn(t2) {
  if (Xt(t2))
    return t2;
  switch (typeof t2) {
    case "string":
    case "undefined":
      return "soft";
  }
}
function Xt(t2) {
  return typeof t2 == "string" && Cn.includes(t2);
}
import_debug.default.formatters.L = (t2) => String(Bt(t2) ? t2.length : "-");
import_debug.default.formatters.B = (t2) => Buffer.isBuffer(t2) ? t2.toString("utf8") : ft(t2);
function Nn() {
  return (0, import_debug.default)("simple-git");
}
function vt(t2, e, n) {
  return !e || !String(e).replace(/\s*/, "") ? n ? (r2, ...s) => {
    t2(r2, ...s), n(r2, ...s);
  } : t2 : (r2, ...s) => {
    t2(`%s ${r2}`, e, ...s), n && n(r2, ...s);
  };
}
function $n(t2, e, { namespace: n }) {
  if (typeof t2 == "string")
    return t2;
  const r2 = e && e.namespace || "";
  return r2.startsWith(n) ? r2.substr(n.length + 1) : r2 || n;
}
function $2(t2, e, n, r2 = Nn()) {
  const s = t2 && `[${t2}]` || "", o2 = [], i = typeof e == "string" ? r2.extend(e) : e, a = $n(d(e, m), i, r2);
  return y2(n);
  function c3(w2, T2) {
    return S2(
      o2,
      $2(t2, a.replace(/^[^:]+/, w2), T2, r2)
    );
  }
  function y2(w2) {
    const T2 = w2 && `[${w2}]` || "", k2 = i && vt(i, T2) || W2, C2 = vt(r2, `${s} ${T2}`, k2);
    return Object.assign(i ? k2 : C2, {
      label: t2,
      sibling: c3,
      info: C2,
      step: y2
    });
  }
}
var M2 = class M3 {
  constructor(e = "GitExecutor") {
    this.logLabel = e, this._queue = /* @__PURE__ */ new Map();
  }
  withProgress(e) {
    return this._queue.get(e);
  }
  createProgress(e) {
    const n = M3.getName(e.commands[0]), r2 = $2(this.logLabel, n);
    return {
      task: e,
      logger: r2,
      name: n
    };
  }
  push(e) {
    const n = this.createProgress(e);
    return n.logger("Adding task to the queue, commands = %o", e.commands), this._queue.set(e, n), n;
  }
  fatal(e) {
    for (const [n, { logger: r2 }] of Array.from(this._queue.entries()))
      n === e.task ? (r2.info("Failed %o", e), r2(
        "Fatal exception, any as-yet un-started tasks run through this executor will not be attempted"
      )) : r2.info(
        "A fatal exception occurred in a previous task, the queue has been purged: %o",
        e.message
      ), this.complete(n);
    if (this._queue.size !== 0)
      throw new Error(`Queue size should be zero after fatal: ${this._queue.size}`);
  }
  complete(e) {
    this.withProgress(e) && this._queue.delete(e);
  }
  attempt(e) {
    const n = this.withProgress(e);
    if (!n)
      throw new O2(void 0, "TasksPendingQueue: attempt called for an unknown task");
    return n.logger("Starting task"), n;
  }
  static getName(e = "empty") {
    return `task:${e}:${++M3.counter}`;
  }
};
M2.counter = 0;
var ot = M2;
var Pn = class {
  constructor(e, n, r2) {
    this._executor = e, this._scheduler = n, this._plugins = r2, this._chain = Promise.resolve(), this._queue = new ot();
  }
  get cwd() {
    return this._cwd || this._executor.cwd;
  }
  set cwd(e) {
    this._cwd = e;
  }
  get env() {
    return this._executor.env;
  }
  get outputHandler() {
    return this._executor.outputHandler;
  }
  chain() {
    return this;
  }
  push(e) {
    return this._queue.push(e), this._chain = this._chain.then(() => this.attemptTask(e));
  }
  async attemptTask(e) {
    const n = await this._scheduler.next(), r2 = () => this._queue.complete(e);
    try {
      const { logger: s } = this._queue.attempt(e);
      return await (kt(e) ? this.attemptEmptyTask(e, s) : this.attemptRemoteTask(e, s));
    } catch (s) {
      throw this.onFatalException(e, s);
    } finally {
      r2(), n();
    }
  }
  onFatalException(e, n) {
    const r2 = n instanceof O2 ? Object.assign(n, { task: e }) : new O2(e, n && String(n));
    return this._chain = Promise.resolve(), this._queue.fatal(r2), r2;
  }
  async attemptRemoteTask(e, n) {
    const r2 = this._plugins.exec("spawn.binary", "", this.taskContext(e, e.commands)), s = this._plugins.exec(
      "spawn.args",
      [...e.commands],
      this.taskContext(e, e.commands)
    ), o2 = await this.gitResponse(
      e,
      r2,
      s,
      this.outputHandler,
      n.step("SPAWN")
    ), i = await this.handleTaskData(e, s, o2, n.step("HANDLE"));
    return n("passing response to task's parser as a %s", e.format), en(e) ? Tt(e.parser, i) : Tt(e.parser, i.asStrings());
  }
  async attemptEmptyTask(e, n) {
    return n("empty task bypassing child process to call to task's parser"), e.parser(this);
  }
  handleTaskData(e, n, r2, s) {
    const { exitCode: o2, rejection: i, stdOut: a, stdErr: c3 } = r2;
    return new Promise((y2, w2) => {
      s("Preparing to handle process response exitCode=%d stdOut=", o2);
      const { error: T2 } = this._plugins.exec(
        "task.error",
        { error: i },
        {
          ...this.taskContext(e, n),
          ...r2
        }
      );
      if (T2 && e.onError)
        return s.info("exitCode=%s handling with custom error handler"), e.onError(
          r2,
          T2,
          (k2) => {
            s.info("custom error handler treated as success"), s("custom error returned a %s", ft(k2)), y2(
              new z2(
                Array.isArray(k2) ? Buffer.concat(k2) : k2,
                Buffer.concat(c3)
              )
            );
          },
          w2
        );
      if (T2)
        return s.info(
          "handling as error: exitCode=%s stdErr=%s rejection=%o",
          o2,
          c3.length,
          i
        ), w2(T2);
      s.info("retrieving task output complete"), y2(new z2(Buffer.concat(a), Buffer.concat(c3)));
    });
  }
  async gitResponse(e, n, r2, s, o2) {
    const i = o2.sibling("output"), a = this._plugins.exec(
      "spawn.options",
      {
        cwd: this.cwd,
        env: this.env,
        windowsHide: true
      },
      this.taskContext(e, e.commands)
    );
    return new Promise((c3) => {
      const y2 = [], w2 = [];
      o2.info("%s %o", n, r2), o2("%O", a);
      let T2 = this._beforeSpawn(e, r2);
      if (T2)
        return c3({
          stdOut: y2,
          stdErr: w2,
          exitCode: 9901,
          rejection: T2
        });
      this._plugins.exec("spawn.before", void 0, {
        ...this.taskContext(e, r2),
        kill(C2) {
          T2 = C2 || T2;
        }
      });
      const k2 = ve(n, r2, a);
      k2.stdout.on(
        "data",
        Et(y2, "stdOut", o2, i.step("stdOut"))
      ), k2.stderr.on(
        "data",
        Et(w2, "stdErr", o2, i.step("stdErr"))
      ), k2.on("error", Mn(w2, o2)), s && (o2("Passing child process stdOut/stdErr to custom outputHandler"), s(n, k2.stdout, k2.stderr, [...r2])), this._plugins.exec("spawn.after", void 0, {
        ...this.taskContext(e, r2),
        spawned: k2,
        close(C2, Te) {
          c3({
            stdOut: y2,
            stdErr: w2,
            exitCode: C2,
            rejection: T2 || Te
          });
        },
        kill(C2) {
          k2.killed || (T2 = C2, k2.kill("SIGINT"));
        }
      });
    });
  }
  _beforeSpawn(e, n) {
    let r2;
    return this._plugins.exec("spawn.before", void 0, {
      ...this.taskContext(e, n),
      kill(s) {
        r2 = s || r2;
      }
    }), r2;
  }
  taskContext(e, n) {
    return {
      method: String(Me(e.commands) || ""),
      commands: n,
      env: { ...this.env },
      input: kt(e) ? void 0 : e.input
    };
  }
};
function Mn(t2, e) {
  return (n) => {
    e("[ERROR] child process exception %o", n), t2.push(Buffer.from(String(n.stack), "ascii"));
  };
}
function Et(t2, e, n, r2) {
  return (s) => {
    n("%s received %L bytes", e, s), r2("%B", s), t2.push(s);
  };
}
var Dn = class {
  constructor(e, n, r2) {
    this.cwd = e, this._scheduler = n, this._plugins = r2, this._chain = this.chain();
  }
  chain() {
    return new Pn(this, this._scheduler, this._plugins);
  }
  push(e) {
    return this._chain.push(e);
  }
};
function Ln(t2, e, n = W2) {
  const r2 = (o2) => {
    n(null, o2);
  }, s = (o2) => {
    o2?.task === t2 && n(o2, void 0);
  };
  e.then(r2, s);
}
function St(t2, e) {
  return tn((n) => {
    if (!Lt(t2))
      throw new Error(`Git.cwd: cannot change to non-directory "${t2}"`);
    return (e || n).cwd = t2;
  });
}
function Q2(t2) {
  const e = ["checkout", ...t2];
  return e[1] === "-b" && e.includes("-B") && (e[1] = ct(e, "-B")), g(e);
}
function jn() {
  return {
    checkout() {
      return this._runTask(
        Q2(h2(arguments, 1)),
        u(arguments)
      );
    },
    checkoutBranch(t2, e) {
      return this._runTask(
        Q2(["-b", t2, e, ...h2(arguments)]),
        u(arguments)
      );
    },
    checkoutLocalBranch(t2) {
      return this._runTask(
        Q2(["-b", t2, ...h2(arguments)]),
        u(arguments)
      );
    }
  };
}
var Yt = (t2, e, n) => {
  const r2 = ["clone", ...n];
  return m(t2) && r2.push(c(t2)), m(e) && r2.push(c(e)), g(r2);
};
var Bn = (t2, e, n) => (S2(n, "--mirror"), Yt(t2, e, n));
function Rt(t2, e, n, ...r2) {
  return m(n) ? e(n, d(r2[0], m), h2(arguments)) : b2(`git.${t2}() requires a string 'repoPath'`);
}
function In() {
  return {
    clone(t2, ...e) {
      return this._runTask(
        Rt("clone", Yt, d(t2, m), ...e),
        u(arguments)
      );
    },
    mirror(t2, ...e) {
      return this._runTask(
        Rt("mirror", Bn, d(t2, m), ...e),
        u(arguments)
      );
    }
  };
}
var Un = [
  new l2(/^\[([^\s]+)( \([^)]+\))? ([^\]]+)/, (t2, [e, n, r2]) => {
    t2.branch = e, t2.commit = r2, t2.root = !!n;
  }),
  new l2(/\s*Author:\s(.+)/i, (t2, [e]) => {
    const n = e.split("<"), r2 = n.pop();
    !r2 || !r2.includes("@") || (t2.author = {
      email: r2.substr(0, r2.length - 1),
      name: n.join("<").trim()
    });
  }),
  new l2(
    /(\d+)[^,]*(?:,\s*(\d+)[^,]*)(?:,\s*(\d+))/g,
    (t2, [e, n, r2]) => {
      t2.summary.changes = parseInt(e, 10) || 0, t2.summary.insertions = parseInt(n, 10) || 0, t2.summary.deletions = parseInt(r2, 10) || 0;
    }
  ),
  new l2(
    /^(\d+)[^,]*(?:,\s*(\d+)[^(]+\(([+-]))?/,
    (t2, [e, n, r2]) => {
      t2.summary.changes = parseInt(e, 10) || 0;
      const s = parseInt(n, 10) || 0;
      r2 === "-" ? t2.summary.deletions = s : r2 === "+" && (t2.summary.insertions = s);
    }
  )
];
function Fn(t2) {
  return E2({
    author: null,
    branch: "",
    commit: "",
    root: false,
    summary: {
      changes: 0,
      insertions: 0,
      deletions: 0
    }
  }, Un, t2);
}
function Gn(t2, e, n) {
  return {
    commands: [
      "-c",
      "core.abbrev=40",
      "commit",
      ...U(t2, "-m"),
      ...e,
      ...n
    ],
    format: "utf-8",
    parser: Fn
  };
}
function zn() {
  return {
    commit(e, ...n) {
      const r2 = u(arguments), s = t2(e) || Gn(
        v(e),
        v(d(n[0], G2, [])),
        [
          ...L2(d(n[1], K2, [])),
          ...h2(arguments, 0, true)
        ]
      );
      return this._runTask(s, r2);
    }
  };
  function t2(e) {
    return !G2(e) && b2(
      "git.commit: requires the commit message to be supplied as a string/string[]"
    );
  }
}
function qn() {
  return {
    count: 0,
    garbage: 0,
    inPack: 0,
    packs: 0,
    prunePackable: 0,
    size: 0,
    sizeGarbage: 0,
    sizePack: 0
  };
}
var Wn = new l2(
  /([a-z-]+): (\d+)$/,
  (t2, [e, n]) => {
    const r2 = jt(e);
    Object.hasOwn(t2, r2) && (t2[r2] = p(n));
  }
);
function Hn() {
  return {
    countObjects() {
      return this._runTask({
        commands: ["count-objects", "--verbose"],
        format: "utf-8",
        parser(t2) {
          return E2(qn(), [Wn], t2);
        }
      });
    }
  };
}
function Kn() {
  return {
    firstCommit() {
      return this._runTask(
        g(["rev-list", "--max-parents=0", "HEAD"], true),
        u(arguments)
      );
    }
  };
}
function Vn(t2, e) {
  const n = ["hash-object", t2];
  return e && n.push("-w"), g(n, true);
}
var J2 = class {
  constructor(e, n, r2, s) {
    this.bare = e, this.path = n, this.existing = r2, this.gitDir = s;
  }
};
var Xn = /^Init.+ repository in (.+)$/;
var Yn = /^Rein.+ in (.+)$/;
function Qn(t2, e, n) {
  const r2 = String(n).trim();
  let s;
  if (s = Xn.exec(r2))
    return new J2(t2, e, false, s[1]);
  if (s = Yn.exec(r2))
    return new J2(t2, e, true, s[1]);
  let o2 = "";
  const i = r2.split(" ");
  for (; i.length; )
    if (i.shift() === "in") {
      o2 = i.join(" ");
      break;
    }
  return new J2(t2, e, /^re/i.test(r2), o2);
}
var Qt = "--bare";
function Jn(t2) {
  return t2.includes(Qt);
}
function Zn(t2 = false, e, n) {
  const r2 = ["init", ...n];
  return t2 && !Jn(r2) && r2.splice(1, 0, Qt), {
    commands: r2,
    format: "utf-8",
    parser(s) {
      return Qn(r2.includes("--bare"), e, s);
    }
  };
}
function tr(t2) {
  return t2 === void 0 ? b2("interpretTrailers called without input content") : {
    format: "utf-8",
    parser(e) {
      return Object.fromEntries(
        ut(e, (n) => {
          const r2 = n.indexOf(":");
          return [
            jt(n.substring(0, r2).toLowerCase()),
            n.substring(r2 + 2).trim()
          ];
        })
      );
    },
    commands: ["interpret-trailers", "--parse"],
    input: t2
  };
}
function er() {
  return {
    interpretTrailers(t2) {
      return this._runTask(
        tr(d(t2, Be)),
        u(arguments)
      );
    }
  };
}
var R2 = /* @__PURE__ */ ((t2) => (t2.NONE = "", t2.STAT = "--stat", t2.NUM_STAT = "--numstat", t2.NAME_ONLY = "--name-only", t2.NAME_STATUS = "--name-status", t2))(R2 || {});
var Jt = /^--(stat|numstat|name-only|name-status)(=|$)/;
function pt(t2) {
  for (let e = 0; e < t2.length; e++) {
    const n = Jt.exec(t2[e]);
    if (n)
      return `--${n[1]}`;
  }
  return "";
}
function nr(t2) {
  return Jt.test(t2);
}
var rr = class {
  constructor() {
    this.changed = 0, this.deletions = 0, this.insertions = 0, this.files = [];
  }
};
var Ot = [
  new l2(
    /^(.+)\s+\|\s+(\d+)(\s+[+\-]+)?$/,
    (t2, [e, n, r2 = ""]) => {
      t2.files.push({
        file: e.trim(),
        changes: p(n),
        insertions: r2.replace(/[^+]/g, "").length,
        deletions: r2.replace(/[^-]/g, "").length,
        binary: false
      });
    }
  ),
  new l2(
    /^(.+) \|\s+Bin ([0-9.]+) -> ([0-9.]+) ([a-z]+)/,
    (t2, [e, n, r2]) => {
      t2.files.push({
        file: e.trim(),
        before: p(n),
        after: p(r2),
        binary: true
      });
    }
  ),
  new l2(/^(.+)\s+\|\s+Bin\s*$/, (t2, [e]) => {
    t2.files.push({
      file: e.trim(),
      before: 0,
      after: 0,
      binary: true
    });
  }),
  new l2(
    /(\d+) files? changed\s*((?:, \d+ [^,]+){0,2})/,
    (t2, [e, n]) => {
      const r2 = /(\d+) i/.exec(n), s = /(\d+) d/.exec(n);
      t2.changed = p(e), t2.insertions = p(r2?.[1]), t2.deletions = p(s?.[1]);
    }
  )
];
var sr = [
  new l2(
    /(\d+)\t(\d+)\t(.+)$/,
    (t2, [e, n, r2]) => {
      const s = p(e), o2 = p(n);
      t2.changed++, t2.insertions += s, t2.deletions += o2, t2.files.push({
        file: r2,
        changes: s + o2,
        insertions: s,
        deletions: o2,
        binary: false
      });
    }
  ),
  new l2(/-\t-\t(.+)$/, (t2, [e]) => {
    t2.changed++, t2.files.push({
      file: e,
      after: 0,
      before: 0,
      binary: true
    });
  })
];
var or = [
  new l2(/(.+)$/, (t2, [e]) => {
    t2.changed++, t2.files.push({
      file: e,
      changes: 0,
      insertions: 0,
      deletions: 0,
      binary: false
    });
  })
];
var ir = [
  new l2(
    /([ACDMRTUXB])([0-9]{0,3})\t(.[^\t]*)(\t(.[^\t]*))?$/,
    (t2, [e, n, r2, s, o2]) => {
      t2.changed++, t2.files.push({
        file: o2 ?? r2,
        changes: 0,
        insertions: 0,
        deletions: 0,
        binary: false,
        status: bt(_n(e) && e),
        from: bt(!!o2 && r2 !== o2 && r2),
        similarity: p(n)
      });
    }
  )
];
var ar = {
  [R2.NONE]: Ot,
  [R2.STAT]: Ot,
  [R2.NUM_STAT]: sr,
  [R2.NAME_STATUS]: ir,
  [R2.NAME_ONLY]: or
};
function Zt(t2 = R2.NONE) {
  const e = ar[t2];
  return (n) => E2(new rr(), e, n, false);
}
var te = "\xF2\xF2\xF2\xF2\xF2\xF2 ";
var ee2 = " \xF2\xF2";
var ne2 = " \xF2 ";
var ur = ["hash", "date", "message", "refs", "author_name", "author_email"];
function cr(t2, e) {
  return e.reduce(
    (n, r2, s) => (n[r2] = t2[s] || "", n),
    /* @__PURE__ */ Object.create({ diff: null })
  );
}
function re(t2 = ne2, e = ur, n = R2.NONE) {
  const r2 = Zt(n);
  return function(s) {
    const o2 = H2(
      s.trim(),
      false,
      te
    ).map(function(i) {
      const a = i.split(ee2), c3 = cr(a[0].split(t2), e);
      return a.length > 1 && a[1].trim() && (c3.diff = r2(a[1])), c3;
    });
    return {
      all: o2,
      latest: o2.length && o2[0] || null,
      total: o2.length
    };
  };
}
function fr(t2) {
  let e = pt(t2);
  const n = ["diff"];
  return e === R2.NONE && (e = R2.STAT, n.push("--stat=4096")), n.push(...t2), dt(n) || {
    commands: n,
    format: "utf-8",
    parser: Zt(e)
  };
}
function dt(t2) {
  const e = t2.filter(nr);
  if (e.length > 1)
    return b2(
      `Summary flags are mutually exclusive - pick one of ${e.join(",")}`
    );
  if (e.length && t2.includes("-z"))
    return b2(
      `Summary flag ${e} parsing is not compatible with null termination option '-z'`
    );
}
var se = /* @__PURE__ */ ((t2) => (t2[t2["--pretty"] = 0] = "--pretty", t2[t2["max-count"] = 1] = "max-count", t2[t2.maxCount = 2] = "maxCount", t2[t2.n = 3] = "n", t2[t2.file = 4] = "file", t2[t2.format = 5] = "format", t2[t2.from = 6] = "from", t2[t2.to = 7] = "to", t2[t2.splitter = 8] = "splitter", t2[t2.symmetric = 9] = "symmetric", t2[t2.mailMap = 10] = "mailMap", t2[t2.multiLine = 11] = "multiLine", t2[t2.strictDate = 12] = "strictDate", t2))(se || {});
function lr(t2, e) {
  const n = [], r2 = [];
  return Object.keys(t2).forEach((s) => {
    n.push(s), r2.push(String(t2[s]));
  }), [n, r2.join(e)];
}
function hr(t2) {
  return Object.keys(t2).reduce((e, n) => (n in se || (e[n] = t2[n]), e), {});
}
function oe2(t2 = {}, e = []) {
  const n = d(t2.splitter, m, ne2), r2 = lt(t2.format) ? t2.format : {
    hash: "%H",
    date: t2.strictDate === false ? "%ai" : "%aI",
    message: "%s",
    refs: "%D",
    body: t2.multiLine ? "%B" : "%b",
    author_name: t2.mailMap !== false ? "%aN" : "%an",
    author_email: t2.mailMap !== false ? "%aE" : "%ae"
  }, [s, o2] = lr(r2, n), i = [], a = [
    `--pretty=format:${te}${o2}${ee2}`,
    ...e
  ], c3 = t2.n || t2["max-count"] || t2.maxCount;
  if (c3 && a.push(`--max-count=${c3}`), t2.from || t2.to) {
    const y2 = t2.symmetric !== false ? "..." : "..";
    i.push(`${t2.from || ""}${y2}${t2.to || ""}`);
  }
  return m(t2.file) && a.push("--follow", c(t2.file)), It(hr(t2), a), {
    fields: s,
    splitter: n,
    commands: [...a, ...i]
  };
}
function mr(t2, e, n) {
  const r2 = re(t2, e, pt(n));
  return {
    commands: ["log", ...n],
    format: "utf-8",
    parser: r2
  };
}
function pr() {
  return {
    log(...n) {
      const r2 = u(arguments), s = oe2(
        ht(arguments),
        L2(d(arguments[0], K2, []))
      ), o2 = e(...n) || dt(s.commands) || t2(s);
      return this._runTask(o2, r2);
    }
  };
  function t2(n) {
    return mr(n.splitter, n.fields, n.commands);
  }
  function e(n, r2) {
    return m(n) && m(r2) && b2(
      "git.log(string, string) should be replaced with git.log({ from: string, to: string })"
    );
  }
}
var Z2 = class {
  constructor(e, n = null, r2) {
    this.reason = e, this.file = n, this.meta = r2;
  }
  toString() {
    return `${this.file}:${this.reason}`;
  }
};
var dr = class {
  constructor() {
    this.conflicts = [], this.merges = [], this.result = "success";
  }
  get failed() {
    return this.conflicts.length > 0;
  }
  get reason() {
    return this.result;
  }
  toString() {
    return this.conflicts.length ? `CONFLICTS: ${this.conflicts.join(", ")}` : "OK";
  }
};
var ie = class {
  constructor() {
    this.remoteMessages = {
      all: []
    }, this.created = [], this.deleted = [], this.files = [], this.deletions = {}, this.insertions = {}, this.summary = {
      changes: 0,
      deletions: 0,
      insertions: 0
    };
  }
};
var gr = class {
  constructor() {
    this.remote = "", this.hash = {
      local: "",
      remote: ""
    }, this.branch = {
      local: "",
      remote: ""
    }, this.message = "";
  }
  toString() {
    return this.message;
  }
};
function tt(t2) {
  return t2.objects = t2.objects || {
    compressing: 0,
    counting: 0,
    enumerating: 0,
    packReused: 0,
    reused: { count: 0, delta: 0 },
    total: { count: 0, delta: 0 }
  };
}
function Ct(t2) {
  const e = /^\s*(\d+)/.exec(t2), n = /delta (\d+)/i.exec(t2);
  return {
    count: p(e && e[1] || "0"),
    delta: p(n && n[1] || "0")
  };
}
var yr = [
  new x2(
    /^remote:\s*(enumerating|counting|compressing) objects: (\d+),/i,
    (t2, [e, n]) => {
      const r2 = e.toLowerCase(), s = tt(t2.remoteMessages);
      Object.assign(s, { [r2]: p(n) });
    }
  ),
  new x2(
    /^remote:\s*(enumerating|counting|compressing) objects: \d+% \(\d+\/(\d+)\),/i,
    (t2, [e, n]) => {
      const r2 = e.toLowerCase(), s = tt(t2.remoteMessages);
      Object.assign(s, { [r2]: p(n) });
    }
  ),
  new x2(
    /total ([^,]+), reused ([^,]+), pack-reused (\d+)/i,
    (t2, [e, n, r2]) => {
      const s = tt(t2.remoteMessages);
      s.total = Ct(e), s.reused = Ct(n), s.packReused = p(r2);
    }
  )
];
var wr = [
  new x2(/^remote:\s*(.+)$/, (t2, [e]) => (t2.remoteMessages.all.push(e.trim()), false)),
  ...yr,
  new x2(
    [/create a (?:pull|merge) request/i, /\s(https?:\/\/\S+)$/],
    (t2, [e]) => {
      t2.remoteMessages.pullRequestUrl = e;
    }
  ),
  new x2(
    [/found (\d+) vulnerabilities.+\(([^)]+)\)/i, /\s(https?:\/\/\S+)$/],
    (t2, [e, n, r2]) => {
      t2.remoteMessages.vulnerabilities = {
        count: p(e),
        summary: n,
        url: r2
      };
    }
  )
];
function ae(t2, e) {
  return E2({ remoteMessages: new br() }, wr, e);
}
var br = class {
  constructor() {
    this.all = [];
  }
};
var Tr = /^\s*(.+?)\s+\|\s+\d+\s*(\+*)(-*)/;
var kr = /(\d+)\D+((\d+)\D+\(\+\))?(\D+(\d+)\D+\(-\))?/;
var _r = /^(create|delete) mode \d+ (.+)/;
var vr = [
  new l2(Tr, (t2, [e, n, r2]) => {
    t2.files.push(e), n && (t2.insertions[e] = n.length), r2 && (t2.deletions[e] = r2.length);
  }),
  new l2(kr, (t2, [e, , n, , r2]) => n !== void 0 || r2 !== void 0 ? (t2.summary.changes = +e || 0, t2.summary.insertions = +n || 0, t2.summary.deletions = +r2 || 0, true) : false),
  new l2(_r, (t2, [e, n]) => {
    S2(t2.files, n), S2(e === "create" ? t2.created : t2.deleted, n);
  })
];
var Er = [
  new l2(/^from\s(.+)$/i, (t2, [e]) => {
    t2.remote = e;
  }),
  new l2(/^fatal:\s(.+)$/, (t2, [e]) => {
    t2.message = e;
  }),
  new l2(
    /([a-z0-9]+)\.\.([a-z0-9]+)\s+(\S+)\s+->\s+(\S+)$/,
    (t2, [e, n, r2, s]) => {
      t2.branch.local = r2, t2.hash.local = e, t2.branch.remote = s, t2.hash.remote = n;
    }
  )
];
var Sr = (t2, e) => E2(new ie(), vr, [t2, e]);
var ue = (t2, e) => Object.assign(
  new ie(),
  Sr(t2, e),
  ae(t2, e)
);
function Rr(t2, e) {
  const n = E2(new gr(), Er, [t2, e]);
  return n.message && n;
}
var Or = [
  new l2(/^Auto-merging\s+(.+)$/, (t2, [e]) => {
    t2.merges.push(e);
  }),
  new l2(/^CONFLICT\s+\((.+)\): Merge conflict in (.+)$/, (t2, [e, n]) => {
    t2.conflicts.push(new Z2(e, n));
  }),
  new l2(
    /^CONFLICT\s+\((.+\/delete)\): (.+) deleted in (.+) and/,
    (t2, [e, n, r2]) => {
      t2.conflicts.push(new Z2(e, n, { deleteRef: r2 }));
    }
  ),
  new l2(/^CONFLICT\s+\((.+)\):/, (t2, [e]) => {
    t2.conflicts.push(new Z2(e, null));
  }),
  new l2(/^Automatic merge failed;\s+(.+)$/, (t2, [e]) => {
    t2.result = e;
  })
];
var Cr = (t2, e) => Object.assign(Ar(t2), ue(t2, e));
var Ar = (t2) => E2(new dr(), Or, t2);
function At(t2) {
  return t2.length ? {
    commands: ["merge", ...t2],
    format: "utf-8",
    parser(e, n) {
      const r2 = Cr(e, n);
      if (r2.failed)
        throw new at(r2);
      return r2;
    }
  } : b2("Git.merge requires at least one option");
}
function xr(t2, e, n) {
  const r2 = n.includes("deleted"), s = n.includes("tag") || /^refs\/tags/.test(t2), o2 = !n.includes("new");
  return {
    deleted: r2,
    tag: s,
    branch: !s,
    new: !o2,
    alreadyUpdated: o2,
    local: t2,
    remote: e
  };
}
var Nr = [
  new l2(/^Pushing to (.+)$/, (t2, [e]) => {
    t2.repo = e;
  }),
  new l2(/^updating local tracking ref '(.+)'/, (t2, [e]) => {
    t2.ref = {
      ...t2.ref || {},
      local: e
    };
  }),
  new l2(/^[=*-]\s+([^:]+):(\S+)\s+\[(.+)]$/, (t2, [e, n, r2]) => {
    t2.pushed.push(xr(e, n, r2));
  }),
  new l2(
    /^Branch '([^']+)' set up to track remote branch '([^']+)' from '([^']+)'/,
    (t2, [e, n, r2]) => {
      t2.branch = {
        ...t2.branch || {},
        local: e,
        remote: n,
        remoteName: r2
      };
    }
  ),
  new l2(
    /^([^:]+):(\S+)\s+([a-z0-9]+)\.\.([a-z0-9]+)$/,
    (t2, [e, n, r2, s]) => {
      t2.update = {
        head: {
          local: e,
          remote: n
        },
        hash: {
          from: r2,
          to: s
        }
      };
    }
  )
];
var $r = (t2, e) => {
  const n = Pr(t2, e), r2 = ae(t2, e);
  return {
    ...n,
    ...r2
  };
};
var Pr = (t2, e) => E2({ pushed: [] }, Nr, [t2, e]);
function Mr(t2 = {}, e) {
  return S2(e, "--tags"), ce(t2, e);
}
function ce(t2 = {}, e) {
  const n = ["push", ...e];
  return t2.branch && n.splice(1, 0, t2.branch), t2.remote && n.splice(1, 0, t2.remote), ct(n, "-v"), S2(n, "--verbose"), S2(n, "--porcelain"), {
    commands: n,
    format: "utf-8",
    parser: $r
  };
}
function Dr() {
  return {
    showBuffer() {
      const t2 = ["show", ...h2(arguments, 1)];
      return t2.includes("--binary") || t2.splice(1, 0, "--binary"), this._runTask(
        Gt(t2),
        u(arguments)
      );
    },
    show() {
      const t2 = ["show", ...h2(arguments, 1)];
      return this._runTask(
        g(t2),
        u(arguments)
      );
    }
  };
}
var Lr = /^(.+)\0(.+)$/;
var jr = class {
  constructor(e, n, r2) {
    if (this.path = e, this.index = n, this.working_dir = r2, n === "R" || r2 === "R") {
      const s = Lr.exec(e) || [null, e, e];
      this.from = s[2] || "", this.path = s[1] || "";
    }
  }
};
var Br = class {
  constructor() {
    this.not_added = [], this.conflicted = [], this.created = [], this.deleted = [], this.ignored = void 0, this.modified = [], this.renamed = [], this.files = [], this.staged = [], this.ahead = 0, this.behind = 0, this.current = null, this.tracking = null, this.detached = false, this.isClean = () => !this.files.length;
  }
};
function xt(t2) {
  const [e, n] = t2.split(I2);
  return {
    from: n || e,
    to: e
  };
}
function _2(t2, e, n) {
  return [`${t2}${e}`, n];
}
function et(t2, ...e) {
  return e.map((n) => _2(t2, n, (r2, s) => r2.conflicted.push(s)));
}
var Ir = new Map([
  _2(
    " ",
    "A",
    (t2, e) => t2.created.push(e)
  ),
  _2(
    " ",
    "D",
    (t2, e) => t2.deleted.push(e)
  ),
  _2(
    " ",
    "M",
    (t2, e) => t2.modified.push(e)
  ),
  _2("A", " ", (t2, e) => {
    t2.created.push(e), t2.staged.push(e);
  }),
  _2("A", "M", (t2, e) => {
    t2.created.push(e), t2.staged.push(e), t2.modified.push(e);
  }),
  _2("D", " ", (t2, e) => {
    t2.deleted.push(e), t2.staged.push(e);
  }),
  _2("M", " ", (t2, e) => {
    t2.modified.push(e), t2.staged.push(e);
  }),
  _2("M", "M", (t2, e) => {
    t2.modified.push(e), t2.staged.push(e);
  }),
  _2("R", " ", (t2, e) => {
    t2.renamed.push(xt(e));
  }),
  _2("R", "M", (t2, e) => {
    const n = xt(e);
    t2.renamed.push(n), t2.modified.push(n.to);
  }),
  _2("!", "!", (t2, e) => {
    (t2.ignored = t2.ignored || []).push(e);
  }),
  _2(
    "?",
    "?",
    (t2, e) => t2.not_added.push(e)
  ),
  ...et(
    "A",
    "A",
    "U"
    /* UNMERGED */
  ),
  ...et(
    "D",
    "D",
    "U"
    /* UNMERGED */
  ),
  ...et(
    "U",
    "A",
    "D",
    "U"
    /* UNMERGED */
  ),
  [
    "##",
    (t2, e) => {
      const n = /ahead (\d+)/, r2 = /behind (\d+)/, s = /^(.+?(?=(?:\.{3}|\s|$)))/, o2 = /\.{3}(\S*)/, i = /\son\s(\S+?)(?=\.{3}|$)/;
      let a = n.exec(e);
      t2.ahead = a && +a[1] || 0, a = r2.exec(e), t2.behind = a && +a[1] || 0, a = s.exec(e), t2.current = d(a?.[1], m, null), a = o2.exec(e), t2.tracking = d(a?.[1], m, null), a = i.exec(e), a && (t2.current = d(a?.[1], m, t2.current)), t2.detached = /\(no branch\)/.test(e);
    }
  ]
]);
var Ur = function(t2) {
  const e = t2.split(I2), n = new Br();
  for (let r2 = 0, s = e.length; r2 < s; ) {
    let o2 = e[r2++].trim();
    o2 && (o2.charAt(0) === "R" && (o2 += I2 + (e[r2++] || "")), Fr(n, o2));
  }
  return n;
};
function Fr(t2, e) {
  const n = e.trim();
  switch (" ") {
    case n.charAt(2):
      return r2(n.charAt(0), n.charAt(1), n.slice(3));
    case n.charAt(1):
      return r2(" ", n.charAt(0), n.slice(2));
    default:
      return;
  }
  function r2(s, o2, i) {
    const a = `${s}${o2}`, c3 = Ir.get(a);
    c3 && c3(t2, i), a !== "##" && a !== "!!" && t2.files.push(new jr(i, s, o2));
  }
}
var Gr = ["--null", "-z"];
function zr(t2) {
  return {
    format: "utf-8",
    commands: [
      "status",
      "--porcelain",
      "-b",
      "-u",
      "--null",
      ...t2.filter((n) => !Gr.includes(n))
    ],
    parser(n) {
      return Ur(n);
    }
  };
}
var fe = "installed=false";
function q2(t2 = 0, e = 0, n = 0, r2 = "", s = true) {
  return Object.defineProperty(
    {
      major: t2,
      minor: e,
      patch: n,
      agent: r2,
      installed: s
    },
    "toString",
    {
      value() {
        return `${this.major}.${this.minor}.${this.patch}`;
      },
      configurable: false,
      enumerable: false
    }
  );
}
function qr() {
  return q2(0, 0, 0, "", false);
}
function Wr() {
  return {
    version() {
      return this._runTask({
        commands: ["--version"],
        format: "utf-8",
        parser: Kr,
        onError(t2, e, n, r2) {
          if (t2.exitCode === V2.NOT_FOUND)
            return n(Buffer.from(fe));
          r2(e);
        }
      });
    }
  };
}
var Hr = [
  new l2(
    /version (\d+)\.(\d+)\.(\d+)(?:\s*\((.+)\))?/,
    (t2, [e, n, r2, s = ""]) => {
      Object.assign(
        t2,
        q2(p(e), p(n), p(r2), s)
      );
    }
  ),
  new l2(
    /version (\d+)\.(\d+)\.(\D+)(.+)?$/,
    (t2, [e, n, r2, s = ""]) => {
      Object.assign(t2, q2(p(e), p(n), r2, s));
    }
  )
];
function Kr(t2) {
  return t2 === fe ? qr() : E2(q2(0, 0, 0, t2), Hr, t2);
}
var le = class {
  constructor(e) {
    this._executor = e;
  }
  _runTask(e, n) {
    const r2 = this._executor.chain(), s = r2.push(e);
    return n && Ln(e, s, n), Object.create(this, {
      then: { value: s.then.bind(s) },
      catch: { value: s.catch.bind(s) },
      _executor: { value: r2 }
    });
  }
  add(e) {
    return this._runTask(
      g(["add", ...v(e)]),
      u(arguments)
    );
  }
  cwd(e) {
    const n = u(arguments);
    return typeof e == "string" ? this._runTask(St(e, this._executor), n) : typeof e?.path == "string" ? this._runTask(
      St(
        e.path,
        e.root && this._executor || void 0
      ),
      n
    ) : this._runTask(
      b2("Git.cwd: workingDirectory must be supplied as a string"),
      n
    );
  }
  hashObject(e, n) {
    return this._runTask(
      Vn(e, n === true),
      u(arguments)
    );
  }
  init(e) {
    return this._runTask(
      Zn(e === true, this._executor.cwd, h2(arguments)),
      u(arguments)
    );
  }
  merge() {
    return this._runTask(
      At(h2(arguments)),
      u(arguments)
    );
  }
  mergeFromTo(e, n) {
    return m(e) && m(n) ? this._runTask(
      At([e, n, ...h2(arguments)]),
      u(arguments, false)
    ) : this._runTask(
      b2(
        "Git.mergeFromTo requires that the 'remote' and 'branch' arguments are supplied as strings"
      )
    );
  }
  outputHandler(e) {
    return this._executor.outputHandler = e, this;
  }
  push() {
    const e = ce(
      {
        remote: d(arguments[0], m),
        branch: d(arguments[1], m)
      },
      h2(arguments)
    );
    return this._runTask(e, u(arguments));
  }
  stash() {
    return this._runTask(
      g(["stash", ...h2(arguments)]),
      u(arguments)
    );
  }
  status() {
    return this._runTask(
      zr(h2(arguments)),
      u(arguments)
    );
  }
};
Object.assign(
  le.prototype,
  jn(),
  In(),
  zn(),
  Tn(),
  Hn(),
  Kn(),
  On(),
  er(),
  pr(),
  Dr(),
  Wr()
);
var Vr = /* @__PURE__ */ (() => {
  let t2 = 0;
  return () => {
    t2++;
    const { promise: e, done: n } = (0, import_promise_deferred.createDeferred)();
    return {
      promise: e,
      done: n,
      id: t2
    };
  };
})();
var Xr = class {
  constructor(e = 2) {
    this.concurrency = e, this.logger = $2("", "scheduler"), this.pending = [], this.running = [], this.logger("Constructed, concurrency=%s", e);
  }
  schedule() {
    if (!this.pending.length || this.running.length >= this.concurrency) {
      this.logger(
        "Schedule attempt ignored, pending=%s running=%s concurrency=%s",
        this.pending.length,
        this.running.length,
        this.concurrency
      );
      return;
    }
    const e = S2(this.running, this.pending.shift());
    this.logger("Attempting id=%s", e.id), e.done(() => {
      this.logger("Completing id=", e.id), ct(this.running, e), this.schedule();
    });
  }
  next() {
    const { promise: e, id: n } = S2(this.pending, Vr());
    return this.logger("Scheduling id=%s", n), this.schedule(), e;
  }
};
function Yr(t2, e) {
  return g(["apply", ...e, ...t2]);
}
var he = /* @__PURE__ */ ((t2) => (t2.CURRENT = "*", t2.LINKED = "+", t2))(he || {});
var Qr = class {
  constructor() {
    this.all = [], this.branches = {}, this.current = "", this.detached = false;
  }
  push(e, n, r2, s, o2) {
    e === "*" && (this.detached = n, this.current = r2), this.all.push(r2), this.branches[r2] = {
      current: e === "*",
      linkedWorkTree: e === "+",
      name: r2,
      commit: s,
      label: o2
    };
  }
};
var Jr = [
  new l2(
    /^([*+]\s)?\((?:HEAD )?detached (?:from|at) (\S+)\)\s+([a-z0-9]+)\s(.*)$/,
    (t2, [e, n, r2, s]) => {
      t2.push(Nt(e), true, n, r2, s);
    }
  ),
  new l2(
    /^([*+]\s)?(\S+)\s+([a-z0-9]+)\s?(.*)$/s,
    (t2, [e, n, r2, s]) => {
      t2.push(Nt(e), false, n, r2, s);
    }
  )
];
var Zr = new l2(/^(\S+)$/s, (t2, [e]) => {
  t2.push(he.CURRENT, false, e, "", "");
});
function Nt(t2) {
  return t2 ? t2.charAt(0) : "";
}
function me(t2, e = false) {
  return E2(
    new Qr(),
    e ? [Zr] : Jr,
    t2
  );
}
var ts = class {
  constructor() {
    this.all = [], this.branches = {}, this.errors = [];
  }
  get success() {
    return !this.errors.length;
  }
};
function es(t2, e) {
  return {
    branch: t2,
    hash: e,
    success: true
  };
}
function ns(t2) {
  return {
    branch: t2,
    hash: null,
    success: false
  };
}
var rs = /(\S+)\s+\(\S+\s([^)]+)\)/;
var pe = /^error[^']+'([^']+)'/m;
var ss = [
  new l2(rs, (t2, [e, n]) => {
    const r2 = es(e, n);
    t2.all.push(r2), t2.branches[e] = r2;
  }),
  new l2(pe, (t2, [e]) => {
    const n = ns(e);
    t2.errors.push(n), t2.all.push(n), t2.branches[e] = n;
  })
];
var gt = (t2, e) => E2(new ts(), ss, [t2, e]);
function de(t2, e) {
  return e === V2.ERROR && pe.test(t2);
}
function os(t2) {
  const e = ["-d", "-D", "--delete"];
  return t2.some((n) => e.includes(n));
}
function is(t2) {
  const e = os(t2), n = t2.includes("--show-current"), r2 = ["branch", ...t2];
  return r2.length === 1 && r2.push("-a"), r2.includes("-v") || r2.splice(1, 0, "-v"), {
    format: "utf-8",
    commands: r2,
    parser(s, o2) {
      return e ? gt(s, o2).all[0] : me(s, n);
    }
  };
}
function as() {
  return {
    format: "utf-8",
    commands: ["branch", "-v"],
    parser(t2) {
      return me(t2);
    }
  };
}
function us(t2, e = false) {
  return {
    format: "utf-8",
    commands: ["branch", "-v", e ? "-D" : "-d", ...t2],
    parser(n, r2) {
      return gt(n, r2);
    },
    onError({ exitCode: n, stdOut: r2 }, s, o2, i) {
      if (!de(String(s), n))
        return i(s);
      o2(r2);
    }
  };
}
function cs(t2, e = false) {
  const n = {
    format: "utf-8",
    commands: ["branch", "-v", e ? "-D" : "-d", t2],
    parser(r2, s) {
      return gt(r2, s).branches[t2];
    },
    onError({ exitCode: r2, stdErr: s, stdOut: o2 }, i, a, c3) {
      if (!de(String(i), r2))
        return c3(i);
      throw new at(
        n.parser(F2(o2), F2(s)),
        String(i)
      );
    }
  };
  return n;
}
function fs(t2) {
  return {
    commands: ["check-ignore", ...t2],
    format: "utf-8",
    parser: ls
  };
}
function ls(t2) {
  return t2.split(/\n/g).map(hs).filter(Boolean);
}
function hs(t2) {
  const e = t2.trim().replace(/^["']|["']$/g, "");
  return e && Se(e);
}
var ms = [
  new l2(/From (.+)$/, (t2, [e]) => {
    t2.remote = e;
  }),
  new l2(/\* \[new branch]\s+(\S+)\s*-> (.+)$/, (t2, [e, n]) => {
    t2.branches.push({
      name: e,
      tracking: n
    });
  }),
  new l2(/\* \[new tag]\s+(\S+)\s*-> (.+)$/, (t2, [e, n]) => {
    t2.tags.push({
      name: e,
      tracking: n
    });
  }),
  new l2(/- \[deleted]\s+\S+\s*-> (.+)$/, (t2, [e]) => {
    t2.deleted.push({
      tracking: e
    });
  }),
  new l2(
    /\s*([^.]+)\.\.(\S+)\s+(\S+)\s*-> (.+)$/,
    (t2, [e, n, r2, s]) => {
      t2.updated.push({
        name: r2,
        tracking: s,
        to: n,
        from: e
      });
    }
  )
];
function ps(t2, e) {
  return E2({
    raw: t2,
    remote: null,
    branches: [],
    tags: [],
    updated: [],
    deleted: []
  }, ms, [t2, e]);
}
function ds(t2) {
  return /^--upload-pack(=|$)/.test(t2);
}
function gs(t2, e, n) {
  const r2 = ["fetch", ...n];
  return t2 && e && r2.push(t2, e), r2.find(ds) ? b2("git.fetch: potential exploit argument blocked.") : {
    commands: r2,
    format: "utf-8",
    parser: ps
  };
}
var ys = [
  new l2(/^Renaming (.+) to (.+)$/, (t2, [e, n]) => {
    t2.moves.push({ from: e, to: n });
  })
];
function ws(t2) {
  return E2({ moves: [] }, ys, t2);
}
function bs(t2, e) {
  return {
    commands: ["mv", "-v", ...v(t2), e],
    format: "utf-8",
    parser: ws
  };
}
function Ts(t2, e, n) {
  const r2 = ["pull", ...n];
  return t2 && e && r2.splice(1, 0, t2, e), {
    commands: r2,
    format: "utf-8",
    parser(s, o2) {
      return ue(s, o2);
    },
    onError(s, o2, i, a) {
      const c3 = Rr(
        F2(s.stdOut),
        F2(s.stdErr)
      );
      if (c3)
        return a(new at(c3));
      a(o2);
    }
  };
}
function ks(t2) {
  const e = {};
  return ge(t2, ([n]) => e[n] = { name: n }), Object.values(e);
}
function _s(t2) {
  const e = {};
  return ge(t2, ([n, r2, s]) => {
    Object.hasOwn(e, n) || (e[n] = {
      name: n,
      refs: { fetch: "", push: "" }
    }), s && r2 && (e[n].refs[s.replace(/[^a-z]/g, "")] = r2);
  }), Object.values(e);
}
function ge(t2, e) {
  ut(t2, (n) => e(n.split(/\s+/)));
}
function vs(t2, e, n) {
  return g(["remote", "add", ...n, t2, e]);
}
function Es(t2) {
  const e = ["remote"];
  return t2 && e.push("-v"), {
    commands: e,
    format: "utf-8",
    parser: t2 ? _s : ks
  };
}
function Ss(t2) {
  const e = [...t2];
  return e[0] !== "ls-remote" && e.unshift("ls-remote"), g(e);
}
function Rs(t2) {
  const e = [...t2];
  return e[0] !== "remote" && e.unshift("remote"), g(e);
}
function Os(t2) {
  return g(["remote", "remove", t2]);
}
function Cs(t2 = {}, e) {
  const n = oe2(t2), r2 = ["stash", "list", ...n.commands, ...e], s = re(
    n.splitter,
    n.fields,
    pt(r2)
  );
  return dt(r2) || {
    commands: r2,
    format: "utf-8",
    parser: s
  };
}
function As(t2, e) {
  return X2(["add", t2, e]);
}
function xs(t2) {
  return X2(["init", ...t2]);
}
function X2(t2) {
  const e = [...t2];
  return e[0] !== "submodule" && e.unshift("submodule"), g(e);
}
function Ns(t2) {
  return X2(["update", ...t2]);
}
var $s = class {
  constructor(e, n) {
    this.all = e, this.latest = n;
  }
};
var Ps = function(t2, e = false) {
  const n = t2.split(`
`).map(Ds).filter(Boolean);
  e || n.sort(function(s, o2) {
    const i = s.split("."), a = o2.split(".");
    if (i.length === 1 || a.length === 1)
      return Ms(B2(i[0]), B2(a[0]));
    for (let c3 = 0, y2 = Math.max(i.length, a.length); c3 < y2; c3++) {
      const w2 = ye(B2(i[c3]), B2(a[c3]));
      if (w2)
        return w2;
    }
    return 0;
  });
  const r2 = e ? n[0] : [...n].reverse().find((s) => s.indexOf(".") >= 0);
  return new $s(n, r2);
};
function Ms(t2, e) {
  const n = Number.isNaN(t2), r2 = Number.isNaN(e);
  return n !== r2 ? n ? 1 : -1 : n ? ye(t2, e) : 0;
}
function ye(t2, e) {
  return t2 === e ? 0 : t2 > e ? 1 : -1;
}
function Ds(t2) {
  return t2.trim();
}
function B2(t2) {
  return typeof t2 == "string" && parseInt(t2.replace(/^\D+/g, ""), 10) || 0;
}
function Ls(t2 = []) {
  const e = t2.some((n) => /^--sort=/.test(n));
  return {
    format: "utf-8",
    commands: ["tag", "-l", ...t2],
    parser(n) {
      return Ps(n, e);
    }
  };
}
function js(t2) {
  return {
    format: "utf-8",
    commands: ["tag", t2],
    parser() {
      return { name: t2 };
    }
  };
}
function Bs(t2, e) {
  return {
    format: "utf-8",
    commands: ["tag", "-a", "-m", e, t2],
    parser() {
      return { name: t2 };
    }
  };
}
function f2(t2, e) {
  this._plugins = e, this._executor = new Dn(
    t2.baseDir,
    new Xr(t2.maxConcurrentProcesses),
    e
  ), this._trimmed = t2.trimmed;
}
(f2.prototype = Object.create(le.prototype)).constructor = f2;
f2.prototype.customBinary = function(t2) {
  return this._plugins.reconfigure("binary", t2), this;
};
f2.prototype.env = function(t2, e) {
  return arguments.length === 1 && typeof t2 == "object" ? this._executor.env = t2 : (this._executor.env = this._executor.env || {})[t2] = e, this;
};
f2.prototype.stashList = function(t2) {
  return this._runTask(
    Cs(
      ht(arguments) || {},
      K2(t2) && t2 || []
    ),
    u(arguments)
  );
};
f2.prototype.mv = function(t2, e) {
  return this._runTask(bs(t2, e), u(arguments));
};
f2.prototype.checkoutLatestTag = function(t2) {
  var e = this;
  return this.pull(function() {
    e.tags(function(n, r2) {
      e.checkout(r2.latest, t2);
    });
  });
};
f2.prototype.pull = function(t2, e, n, r2) {
  return this._runTask(
    Ts(
      d(t2, m),
      d(e, m),
      h2(arguments)
    ),
    u(arguments)
  );
};
f2.prototype.fetch = function(t2, e) {
  return this._runTask(
    gs(
      d(t2, m),
      d(e, m),
      h2(arguments)
    ),
    u(arguments)
  );
};
f2.prototype.tags = function(t2, e) {
  return this._runTask(
    Ls(h2(arguments)),
    u(arguments)
  );
};
f2.prototype.rebase = function() {
  return this._runTask(
    g(["rebase", ...h2(arguments)]),
    u(arguments)
  );
};
f2.prototype.reset = function(t2) {
  return this._runTask(
    An(xn(t2), h2(arguments)),
    u(arguments)
  );
};
f2.prototype.revert = function(t2) {
  const e = u(arguments);
  return typeof t2 != "string" ? this._runTask(b2("Commit must be a string"), e) : this._runTask(
    g(["revert", ...h2(arguments, 0, true), t2]),
    e
  );
};
f2.prototype.addTag = function(t2) {
  const e = typeof t2 == "string" ? js(t2) : b2("Git.addTag requires a tag name");
  return this._runTask(e, u(arguments));
};
f2.prototype.addAnnotatedTag = function(t2, e) {
  return this._runTask(
    Bs(t2, e),
    u(arguments)
  );
};
f2.prototype.deleteLocalBranch = function(t2, e, n) {
  return this._runTask(
    cs(t2, typeof e == "boolean" ? e : false),
    u(arguments)
  );
};
f2.prototype.deleteLocalBranches = function(t2, e, n) {
  return this._runTask(
    us(t2, typeof e == "boolean" ? e : false),
    u(arguments)
  );
};
f2.prototype.branch = function(t2, e) {
  return this._runTask(
    is(h2(arguments)),
    u(arguments)
  );
};
f2.prototype.branchLocal = function(t2) {
  return this._runTask(as(), u(arguments));
};
f2.prototype.raw = function(t2) {
  const e = !Array.isArray(t2), n = [].slice.call(e ? arguments : t2, 0);
  for (let s = 0; s < n.length && e; s++)
    if (!st(n[s])) {
      n.splice(s, n.length - s);
      break;
    }
  n.push(...h2(arguments, 0, true));
  var r2 = u(arguments);
  return n.length ? this._runTask(g(n, this._trimmed), r2) : this._runTask(
    b2("Raw: must supply one or more command to execute"),
    r2
  );
};
f2.prototype.submoduleAdd = function(t2, e, n) {
  return this._runTask(As(t2, e), u(arguments));
};
f2.prototype.submoduleUpdate = function(t2, e) {
  return this._runTask(
    Ns(h2(arguments, true)),
    u(arguments)
  );
};
f2.prototype.submoduleInit = function(t2, e) {
  return this._runTask(
    xs(h2(arguments, true)),
    u(arguments)
  );
};
f2.prototype.subModule = function(t2, e) {
  return this._runTask(
    X2(h2(arguments)),
    u(arguments)
  );
};
f2.prototype.listRemote = function() {
  return this._runTask(
    Ss(h2(arguments)),
    u(arguments)
  );
};
f2.prototype.addRemote = function(t2, e, n) {
  return this._runTask(
    vs(t2, e, h2(arguments)),
    u(arguments)
  );
};
f2.prototype.removeRemote = function(t2, e) {
  return this._runTask(Os(t2), u(arguments));
};
f2.prototype.getRemotes = function(t2, e) {
  return this._runTask(Es(t2 === true), u(arguments));
};
f2.prototype.remote = function(t2, e) {
  return this._runTask(
    Rs(h2(arguments)),
    u(arguments)
  );
};
f2.prototype.tag = function(t2, e) {
  const n = h2(arguments);
  return n[0] !== "tag" && n.unshift("tag"), this._runTask(g(n), u(arguments));
};
f2.prototype.updateServerInfo = function(t2) {
  return this._runTask(
    g(["update-server-info"]),
    u(arguments)
  );
};
f2.prototype.pushTags = function(t2, e) {
  const n = Mr(
    { remote: d(t2, m) },
    h2(arguments)
  );
  return this._runTask(n, u(arguments));
};
f2.prototype.rm = function(t2) {
  return this._runTask(
    g(["rm", "-f", ...v(t2)]),
    u(arguments)
  );
};
f2.prototype.rmKeepLocal = function(t2) {
  return this._runTask(
    g(["rm", "--cached", ...v(t2)]),
    u(arguments)
  );
};
f2.prototype.catFile = function(t2, e) {
  return this._catFile("utf-8", arguments);
};
f2.prototype.binaryCatFile = function() {
  return this._catFile("buffer", arguments);
};
f2.prototype._catFile = function(t2, e) {
  var n = u(e), r2 = ["cat-file"], s = e[0];
  if (typeof s == "string")
    return this._runTask(
      b2("Git.catFile: options must be supplied as an array of strings"),
      n
    );
  Array.isArray(s) && r2.push.apply(r2, s);
  const o2 = t2 === "buffer" ? Gt(r2) : g(r2);
  return this._runTask(o2, n);
};
f2.prototype.diff = function(t2, e) {
  const n = m(t2) ? b2(
    "git.diff: supplying options as a single string is no longer supported, switch to an array of strings"
  ) : g(["diff", ...h2(arguments)]);
  return this._runTask(n, u(arguments));
};
f2.prototype.diffSummary = function() {
  return this._runTask(
    fr(h2(arguments, 1)),
    u(arguments)
  );
};
f2.prototype.applyPatch = function(t2) {
  const e = G2(t2) ? Yr(v(t2), h2([].slice.call(arguments, 1))) : b2(
    "git.applyPatch requires one or more string patches as the first argument"
  );
  return this._runTask(e, u(arguments));
};
f2.prototype.revparse = function() {
  const t2 = ["rev-parse", ...h2(arguments, true)];
  return this._runTask(
    g(t2, true),
    u(arguments)
  );
};
f2.prototype.clean = function(t2, e, n) {
  const r2 = un(t2), s = r2 && t2.join("") || d(t2, m) || "", o2 = h2([].slice.call(arguments, r2 ? 1 : 0));
  return this._runTask(
    on(s, o2),
    u(arguments)
  );
};
f2.prototype.exec = function(t2) {
  const e = {
    commands: [],
    format: "utf-8",
    parser() {
      typeof t2 == "function" && t2();
    }
  };
  return this._runTask(e);
};
f2.prototype.checkIgnore = function(t2, e) {
  return this._runTask(
    fs(v(d(t2, G2, []))),
    u(arguments)
  );
};
f2.prototype.checkIsRepo = function(t2, e) {
  return this._runTask(
    We(d(t2, m)),
    u(arguments)
  );
};
function Is(t2) {
  return t2 ? [{
    type: "spawn.before",
    action(r2, s) {
      t2.aborted && s.kill(new A2(void 0, "abort", "Abort already signaled"));
    }
  }, {
    type: "spawn.after",
    action(r2, s) {
      function o2() {
        s.kill(new A2(void 0, "abort", "Abort signal received"));
      }
      t2.addEventListener("abort", o2), s.spawned.on("close", () => t2.removeEventListener("abort", o2));
    }
  }] : void 0;
}
var Us = $2("", "plugin:allowEnvironment");
function Fs(t2, e = false) {
  const n = new Set(t2.map((r2) => r2.toLowerCase().trim()));
  return {
    type: "spawn.options",
    action(r2, s) {
      const o2 = { ...r2.env ?? process.env }, i = new Set(
        Object.keys(s.env).map((a) => a.toLowerCase().trim())
      );
      for (const a of Object.keys(o2)) {
        const c3 = a.toLowerCase().trim();
        if (!(!Gs(c3) || n.has(c3))) {
          if (i.has(c3))
            throw new A2(
              void 0,
              "allowEnvironment",
              `Use of "${a}" is blocked by the environment guard - add it to the allowEnvironment option to permit it`
            );
          Us("removing ambient guarded environment variable %s", a), delete o2[a];
        }
      }
      return {
        ...r2,
        env: {
          ...o2,
          GIT_TEST_DISALLOW_ABBREVIATED_OPTIONS: String(!e)
        }
      };
    }
  };
}
function Gs(t2) {
  const e = t2.toLowerCase().trim();
  return e.startsWith("git_") || _(e);
}
function zs(t2 = {}) {
  return {
    type: "spawn.args",
    action(e, { env: n }) {
      for (const r2 of oe(e, n))
        if (t2[r2.category] !== true)
          throw new A2(void 0, "unsafe", r2.message);
      return e;
    }
  };
}
function qs(t2) {
  const e = U(t2, "-c");
  return {
    type: "spawn.args",
    action(n) {
      return [...e, ...n];
    }
  };
}
var $t = (0, import_promise_deferred.deferred)().promise;
function Ws({
  onClose: t2 = true,
  onExit: e = 50
} = {}) {
  function n() {
    let s = -1;
    const o2 = {
      close: (0, import_promise_deferred.deferred)(),
      closeTimeout: (0, import_promise_deferred.deferred)(),
      exit: (0, import_promise_deferred.deferred)(),
      exitTimeout: (0, import_promise_deferred.deferred)()
    }, i = Promise.race([
      t2 === false ? $t : o2.closeTimeout.promise,
      e === false ? $t : o2.exitTimeout.promise
    ]);
    return r2(t2, o2.close, o2.closeTimeout), r2(e, o2.exit, o2.exitTimeout), {
      close(a) {
        s = a, o2.close.done();
      },
      exit(a) {
        s = a, o2.exit.done();
      },
      get exitCode() {
        return s;
      },
      result: i
    };
  }
  function r2(s, o2, i) {
    s !== false && (s === true ? o2.promise : o2.promise.then(() => wt(s))).then(i.done);
  }
  return {
    type: "spawn.after",
    async action(s, { spawned: o2, close: i }) {
      const a = n();
      let c3 = true, y2 = () => {
        c3 = false;
      };
      o2.stdout?.on("data", y2), o2.stderr?.on("data", y2), o2.on("error", y2), o2.on("close", (w2) => a.close(w2)), o2.on("exit", (w2) => a.exit(w2));
      try {
        await a.result, c3 && await wt(50), i(a.exitCode);
      } catch (w2) {
        i(a.exitCode, w2);
      }
    }
  };
}
var we = $2("", "plugin:binary");
var Hs = "Invalid value supplied for custom binary, requires a single string or an array containing either one or two strings";
var Ks = "Invalid value supplied for custom binary, restricted characters must be removed or supply the unsafe.allowUnsafeCustomBinary option";
function Vs(t2) {
  return !t2 || !/^([a-z]:)?([a-z0-9/.\\_~-]+)$/i.test(t2);
}
function Pt(t2, e) {
  if (t2.length < 1 || t2.length > 2)
    throw new A2(void 0, "binary", Hs);
  if (t2.some(Vs))
    if (e)
      we("permitted unsafe binary %o", t2);
    else
      throw new A2(void 0, "binary", Ks);
  const [r2, s] = t2;
  return {
    binary: r2,
    prefix: s
  };
}
function Xs(t2, e = ["git"], n = false) {
  let r2 = Pt(v(e), n);
  t2.on("binary", (s) => {
    r2 = Pt(v(s), n), we.info("reconfiguring %o", r2);
  }), t2.append("spawn.binary", () => r2.binary), t2.append("spawn.args", (s) => r2.prefix ? [r2.prefix, ...s] : s);
}
var be = {
  DISALLOWED_ABBREVIATED: {
    text: "disallowed abbreviated or ambiguous option",
    solution: "Unambiguous abbreviated options blocked with unsafe.allowAbbreviatedOptions setting: {message}"
  },
  UNKNOWN: {
    text: "~ unknown ~",
    solution: void 0
  }
};
function Ys(t2) {
  if (!t2)
    return "UNKNOWN";
  for (const [e, { text: n }] of Object.entries(be))
    if (t2.startsWith(`fatal: ${n}`))
      return e;
  return "UNKNOWN";
}
var Qs = class extends O2 {
  constructor(e = "") {
    const n = Ys(e);
    super(void 0, be[n].solution?.replace("{message}", e) ?? e), this.reason = n;
  }
};
function Js(t2) {
  return !!(t2.exitCode && t2.stdErr.length);
}
function Zs(t2) {
  return Buffer.concat([...t2.stdOut, ...t2.stdErr]);
}
function to(t2 = false, e = Js, n = Zs) {
  return (r2, s) => !t2 && r2 || !e(s) ? r2 : n(s);
}
function eo(t2, e) {
  return t2 === 128 && e.startsWith("fatal:") ? new Qs(e) : new O2(void 0, e);
}
function Mt(t2) {
  return {
    type: "task.error",
    action(e, n) {
      const r2 = t2(e.error, {
        stdErr: n.stdErr,
        stdOut: n.stdOut,
        exitCode: n.exitCode
      });
      return Buffer.isBuffer(r2) ? {
        error: eo(n.exitCode, r2.toString("utf-8"))
      } : {
        error: r2
      };
    }
  };
}
var nt = $2("", "plugin:input");
function no(t2) {
  return {
    type: "spawn.after",
    action(e, { commands: n, input: r2, spawned: { stdin: s } }) {
      if (!s)
        return;
      const o2 = t2?.([...n]) ?? r2;
      if (!o2)
        return nt("generated zero length content, not writing to stdin");
      nt("writing %s bytes to stdin", Le(o2)), s.on("error", (i) => {
        i.code !== "EPIPE" && nt("[ERROR] stdin error %o", i);
      }), s.end(o2);
    }
  };
}
var ro = class {
  constructor() {
    this.plugins = /* @__PURE__ */ new Set(), this.events = new Ce();
  }
  on(e, n) {
    this.events.on(e, n);
  }
  reconfigure(e, n) {
    this.events.emit(e, n);
  }
  append(e, n) {
    const r2 = S2(this.plugins, { type: e, action: n });
    return () => this.plugins.delete(r2);
  }
  add(e) {
    const n = [];
    return v(e).forEach(
      (r2) => {
        r2 && this.plugins.add(S2(n, r2));
      }
    ), () => {
      n.forEach((r2) => {
        this.plugins.delete(r2);
      });
    };
  }
  exec(e, n, r2) {
    let s = n;
    const o2 = Object.freeze(Object.create(r2));
    for (const i of this.plugins)
      i.type === e && (s = i.action(s, o2));
    return s;
  }
};
function so(t2) {
  const e = "--progress", n = ["checkout", "clone", "fetch", "pull", "push"];
  return [{
    type: "spawn.args",
    action(o2, i) {
      return n.includes(i.method) ? De(o2, e) : o2;
    }
  }, {
    type: "spawn.after",
    action(o2, i) {
      i.commands.includes(e) && i.spawned.stderr?.on("data", (a) => {
        const c3 = /^([\s\S]+?):\s*(\d+)% \((\d+)\/(\d+)\)/.exec(a.toString("utf8"));
        c3 && t2({
          method: i.method,
          stage: oo(c3[1]),
          progress: p(c3[2]),
          processed: p(c3[3]),
          total: p(c3[4])
        });
      });
    }
  }];
}
function oo(t2) {
  return String(t2.toLowerCase().split(" ", 1)) || "unknown";
}
function io(t2) {
  const e = je(t2, ["uid", "gid"]);
  return {
    type: "spawn.options",
    action(n) {
      return { ...e, ...n };
    }
  };
}
function ao() {
  return {
    type: "spawn.args",
    action(t2) {
      const e = [];
      let n;
      function r2(s) {
        (n = n || []).push(...s);
      }
      for (let s = 0; s < t2.length; s++) {
        const o2 = t2[s];
        if (r(o2)) {
          r2(o(o2));
          continue;
        }
        if (o2 === "--") {
          r2(
            t2.slice(s + 1).flatMap((i) => r(i) && o(i) || i)
          );
          break;
        }
        e.push(o2);
      }
      return n ? [...e, "--", ...n.map(String)] : e;
    }
  };
}
function uo({
  block: t2,
  stdErr: e = true,
  stdOut: n = true
}) {
  if (t2 > 0)
    return {
      type: "spawn.after",
      action(r2, s) {
        let o2;
        function i() {
          o2 && clearTimeout(o2), o2 = setTimeout(c3, t2);
        }
        function a() {
          s.spawned.stdout?.off("data", i), s.spawned.stderr?.off("data", i), s.spawned.off("exit", a), s.spawned.off("close", a), o2 && clearTimeout(o2);
        }
        function c3() {
          a(), s.kill(new A2(void 0, "timeout", "block timeout reached"));
        }
        n && s.spawned.stdout?.on("data", i), e && s.spawned.stderr?.on("data", i), s.spawned.on("exit", a), s.spawned.on("close", a), i();
      }
    };
}
var wo = (t2, e) => {
  const n = new ro(), r2 = Ge(
    t2 && (typeof t2 == "string" ? { baseDir: t2 } : t2) || {},
    e
  );
  if (!Lt(r2.baseDir))
    throw new Ae(
      r2,
      "Cannot use simple-git on a directory that does not exist"
    );
  return Array.isArray(r2.config) && n.add(qs(r2.config)), n.add(zs(r2.unsafe)), n.add(Ws(r2.completion)), r2.abort && n.add(Is(r2.abort)), r2.progress && n.add(so(r2.progress)), r2.timeout && n.add(uo(r2.timeout)), r2.spawnOptions && n.add(io(r2.spawnOptions)), n.add(ao()), n.add(no(r2.input)), n.add(Mt(to(true))), r2.errors && n.add(Mt(r2.errors)), Xs(n, r2.binary, r2.unsafe?.allowUnsafeCustomBinary), n.add(
    Fs(r2.allowEnvironment ?? [], r2.unsafe?.allowAbbreviatedOptions)
  ), new f2(r2, n);
};

// src/git/version.ts
var MIN_GIT = [2, 38];
var cached;
function gitVersion() {
  cached ??= wo().version().then((v2) => ({ major: v2.major, minor: v2.minor, patch: typeof v2.patch === "number" ? v2.patch : 0, installed: v2.installed })).catch((e) => ({ major: 0, minor: 0, patch: 0, installed: false, error: e instanceof Error ? e.message : String(e) }));
  return cached;
}
function atLeast(v2, min = MIN_GIT) {
  return v2.installed && (v2.major > min[0] || v2.major === min[0] && v2.minor >= min[1]);
}
function showVersion(v2) {
  return v2.installed ? `${v2.major}.${v2.minor}.${v2.patch}` : "not installed";
}

// src/core/merge/git.ts
var SAFE = ["-c", "core.hooksPath=/dev/null", "-c", "gc.auto=0"];
var versionChecked;
function assertMergeTreeGit(cwd) {
  versionChecked ??= (async () => {
    const v2 = await gitVersion();
    const [maj, min] = MIN_GIT;
    if (!atLeast(v2)) {
      throw new LanesError("UNSUPPORTED", `The merge queue needs git >= ${maj}.${min} for \`git merge-tree --write-tree\`; this is git ${showVersion(v2)}.`, {
        hint: `Upgrade git to ${maj}.${min} or newer (lanes doctor checks it).`
      });
    }
  })().catch((e) => {
    versionChecked = void 0;
    throw e;
  });
  return versionChecked;
}
async function mergeCheck(cwd, a, b3) {
  const r2 = await git(cwd, ["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", a, b3], { okCodes: [1] });
  const parts = r2.stdout.split("\0");
  const tree = parts[0] ?? "";
  if (r2.exitCode === 0 && isSha(tree)) return { clean: true, tree };
  const files = [];
  for (const p2 of parts.slice(1)) {
    if (p2 === "") break;
    files.push(p2);
  }
  return { clean: false, files: [...new Set(files)] };
}
async function mergeCheckMany(cwd, pairs) {
  if (pairs.length === 0) return [];
  const input = pairs.map(([a, b3]) => `${a} ${b3}
`).join("");
  const out = (await git(cwd, ["merge-tree", "--stdin", "--name-only", "--no-messages"], { input, readOnly: true })).stdout;
  const parts = out.split("\0");
  const results = [];
  let i = 0;
  while (results.length < pairs.length && i < parts.length) {
    const status2 = parts[i++];
    i++;
    const files = [];
    while (i < parts.length && parts[i] !== "") files.push(parts[i++]);
    i++;
    results.push(status2 === "1" ? [] : [...new Set(files)]);
  }
  while (results.length < pairs.length) results.push([]);
  return results;
}
async function authorOf(cwd, commit) {
  const [name = "", email = "", date = ""] = (await gitOut(cwd, ["log", "-1", "--format=%an%x00%ae%x00%aI", commit, "--"], { readOnly: true })).split("\0");
  return { name, email, date };
}
var identityEnv;
function committerEnv(cwd) {
  const p2 = identityEnv ?? git(cwd, ["var", "GIT_COMMITTER_IDENT"], { readOnly: true, okCodes: [128] }).then(
    (r2) => r2.exitCode === 0 ? {} : { GIT_COMMITTER_NAME: "Lanes", GIT_COMMITTER_EMAIL: "lanes@localhost", GIT_AUTHOR_NAME: "Lanes", GIT_AUTHOR_EMAIL: "lanes@localhost" }
  );
  identityEnv = p2;
  return p2;
}
async function commitTree(cwd, tree, parents, message, author) {
  const env = { ...await committerEnv(cwd) };
  if (author?.name) Object.assign(env, { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email, GIT_AUTHOR_DATE: author.date });
  const args = [...SAFE, "commit-tree", tree, ...parents.flatMap((p2) => ["-p", p2]), "-F", "-"];
  const sha = await gitOut(cwd, args, { env, input: message });
  if (!isSha(sha)) throw new LanesError("GIT", `git commit-tree printed ${JSON.stringify(sha.slice(0, 80))}, not a commit id.`, { hint: "Run `git fsck` and retry." });
  return sha;
}
async function subjects(cwd, base, tip, limit = 20) {
  const out = await gitOut(cwd, ["log", `--max-count=${limit}`, "--format=%s", tip, `^${base}`, "--"], { readOnly: true });
  return out ? out.split("\n") : [];
}
async function isMergeCommit(cwd, commit) {
  const r2 = await git(cwd, ["rev-parse", "--verify", "--quiet", `${commit}^2`], { readOnly: true, okCodes: [1, 128] });
  return r2.exitCode === 0;
}
async function operationInProgress(worktree) {
  const gitDir = await gitOut(worktree, ["rev-parse", "--absolute-git-dir"], { readOnly: true });
  const probes = [
    ["rebase-merge", "a rebase"],
    ["rebase-apply", "a rebase (or git am)"],
    ["MERGE_HEAD", "a merge"],
    ["CHERRY_PICK_HEAD", "a cherry-pick"],
    ["REVERT_HEAD", "a revert"],
    ["BISECT_LOG", "a bisect"]
  ];
  for (const [file, what] of probes) if (fs2.existsSync(path.join(gitDir, file))) return what;
  return void 0;
}
async function unmergedFiles(worktree) {
  const out = await gitOut(worktree, ["diff", "--name-only", "--diff-filter=U", "-z"], { okCodes: [1, 128] });
  return [...new Set(out.split("\0").filter(Boolean))];
}
function integrationRoot(repo) {
  return path.join(repo.stateDir, "integration");
}
async function addIntegrationWorktree(repo, dir, commit) {
  fs2.mkdirSync(path.dirname(dir), { recursive: true, mode: 448 });
  await git(repo.mainRoot, [...SAFE, "-c", "checkout.workers=0", "worktree", "add", "--quiet", "--detach", "--", dir, commit]);
}
async function resetIntegration(dir, commit) {
  await git(dir, [...SAFE, "checkout", "--quiet", "--force", "--detach", commit]);
  await git(dir, ["clean", "-ffdq"]);
}
async function removeIntegrationWorktree(repo, dir) {
  const root = integrationRoot(repo);
  const rel = path.relative(root, dir);
  if (rel === "" || rel.startsWith("..") || path.isAbsolute(rel)) {
    throw new LanesError("INTERNAL", `Refusing to remove ${dir}: not an integration worktree under ${root}.`);
  }
  await git(repo.mainRoot, ["worktree", "remove", "--force", "--force", "--", dir], { okCodes: [128] });
  if (fs2.existsSync(dir)) fs2.rmSync(dir, { recursive: true, force: true });
  const admin = path.join(repo.commonDir, "worktrees");
  for (const name of fs2.existsSync(admin) ? fs2.readdirSync(admin) : []) {
    try {
      if (fs2.readFileSync(path.join(admin, name, "gitdir"), "utf8").trim() === path.join(dir, ".git")) {
        fs2.rmSync(path.join(admin, name), { recursive: true, force: true });
      }
    } catch {
    }
  }
}
async function rebaseOnto(dir, base, tip) {
  await resetIntegration(dir, tip);
  const env = await committerEnv(dir);
  const r2 = await git(dir, [...SAFE, "rebase", "--quiet", "--no-autostash", "--no-fork-point", "--no-update-refs", base], { env, okCodes: [1, 128] });
  if (r2.exitCode === 0) return { ok: true, commit: await gitOut(dir, ["rev-parse", "HEAD"]) };
  const files = await unmergedFiles(dir);
  await git(dir, ["rebase", "--abort"], { okCodes: [1, 128] });
  return { ok: false, files, message: (r2.stderr || r2.stdout).trim().slice(-2e3) };
}
async function revertOnto(dir, base, undo, message) {
  await resetIntegration(dir, base);
  const env = await committerEnv(dir);
  const merge = await isMergeCommit(dir, undo.landed_as);
  const range = !merge && undo.landed_from && undo.landed_from !== undo.landed_as ? `${undo.landed_from}..${undo.landed_as}` : undo.landed_as;
  const r2 = await git(dir, [...SAFE, "revert", "--no-edit", "--no-commit", ...merge ? ["-m", "1"] : [], range], { env, okCodes: [1, 128] });
  if (r2.exitCode !== 0) {
    const files = await unmergedFiles(dir);
    await git(dir, ["revert", "--abort"], { okCodes: [1, 128] });
    await resetIntegration(dir, base);
    return { ok: false, files, message: (r2.stderr || r2.stdout).trim().slice(-2e3) };
  }
  const staged = await git(dir, ["diff", "--cached", "--quiet"], { okCodes: [1] });
  if (staged.exitCode === 0) {
    await git(dir, ["revert", "--quit"], { okCodes: [1, 128] });
    return { ok: false, files: [], message: "the revert changes nothing: the landing is already undone on the target" };
  }
  await git(dir, [...SAFE, "commit", "--quiet", "--no-verify", "-F", "-"], { env, input: message });
  await git(dir, ["revert", "--quit"], { okCodes: [1, 128] });
  return { ok: true, commit: await gitOut(dir, ["rev-parse", "HEAD"]) };
}

// src/core/merge/after.ts
function queueIn(tx) {
  return queueOf(tx.get(MERGE_DOC, emptyQueue));
}
function markLandedInTx(tx, landed, target, extra) {
  const doc = queueIn(tx);
  const tasks = tx.get(TASKS_DOC, emptyTasks);
  const moved = [];
  for (const l3 of landed) {
    const e = doc.entries.find((x3) => x3.id === l3.entry);
    if (!e || e.state === "landed") continue;
    e.state = "landed";
    e.landed_as = l3.commit;
    e.landed_from = l3.base;
    e.finished_at = nowIso();
    if (extra.unchecked) e.unchecked = true;
    delete e.last_error;
    delete e.cancel_requested;
    e.timings = { ...e.timings, ...extra.gates_ms !== void 0 ? { gates_ms: extra.gates_ms } : {}, ...extra.land_ms !== void 0 ? { land_ms: extra.land_ms } : {} };
    const total = msSince(e.started_at);
    if (total !== void 0) e.timings.total_ms = total;
    recordOutcome(doc, true);
    moved.push(e);
    const t2 = tasks[e.task];
    if (e.kind === "revert") {
      if (t2) {
        delete t2.landed_as;
        delete t2.owner;
        setStatus(t2, "planned", { note: capText(`Landing ${e.revert_of?.landed_as.slice(0, 12) ?? ""} was reverted on ${target} by ${l3.commit.slice(0, 12)}; the task is open again.`) });
      }
    } else {
      if (t2) {
        t2.landed_as = l3.commit;
        setStatus(t2, "done", { note: `landed as ${l3.commit} on ${target}${extra.unchecked ? " (no gates configured: nothing was checked)" : ""}` });
      }
      releaseOwnerInTx(tx, taskOwner(e.task));
      delete doc.lane_conflicts[e.task];
    }
  }
  trimHistory(doc);
  return moved;
}
function markFailedInTx(tx, entryId, message, failure, opts = {}) {
  const doc = queueIn(tx);
  const e = doc.entries.find((x3) => x3.id === entryId);
  if (!e || e.state === "landed" || e.state === "failed" || e.state === "cancelled") return void 0;
  e.state = "failed";
  e.finished_at = nowIso();
  e.last_error = capText(message, 8e3);
  e.failure = failure;
  delete e.cancel_requested;
  if (opts.gated) recordOutcome(doc, false);
  const tasks = tx.get(TASKS_DOC, emptyTasks);
  const t2 = tasks[e.task];
  if (t2) {
    if (e.kind === "revert") setStatus(t2, t2.status, { note: capText(`The revert of ${e.task} did not land: ${message}`) });
    else if (t2.status !== "done") setStatus(t2, "in_progress", { note: capText(`merge failed: ${message}`) });
  }
  trimHistory(doc);
  return e;
}
function requeueInTx(tx, ids, why) {
  const doc = queueIn(tx);
  for (const id of ids) {
    const e = doc.entries.find((x3) => x3.id === id);
    if (!e || !["integrating", "gating", "landing"].includes(e.state)) continue;
    if (e.cancel_requested) {
      e.state = "cancelled";
      e.finished_at = nowIso();
      delete e.cancel_requested;
      continue;
    }
    e.state = "queued";
    if (why) e.last_error = why;
  }
}
async function recheckInFlight(lanes, target, targetSha, landedTasks) {
  const landedTask = landedTasks.join(", ");
  const root = lanes.repo.mainRoot;
  const out = await gitOut(root, ["for-each-ref", "--format=%(refname:lstrip=3)%00%(objectname)", "refs/heads/lanes/"], { readOnly: true });
  const tasks = (await lanes.store.read(TASKS_DOC, emptyTasks)).data;
  const queue = queueOf((await lanes.store.read(MERGE_DOC, emptyQueue)).data);
  const lanesInFlight = out.split("\n").filter(Boolean).map((l3) => l3.split("\0")).filter(([task]) => !landedTasks.includes(task) && tasks[task]?.status !== "done");
  if (!lanesInFlight.length) return [];
  const results = await mergeCheckMany(root, lanesInFlight.map(([, sha]) => [targetSha, sha]));
  const found = [];
  const fresh = [];
  lanesInFlight.forEach(([task], i) => {
    const files = results[i] ?? [];
    if (!files.length) return;
    found.push({ task, files });
    const prev = queue.lane_conflicts[task];
    if (!prev || prev.files.join("\0") !== files.join("\0")) fresh.push({ task, files });
  });
  const cleared = Object.keys(queue.lane_conflicts).filter((t2) => !found.some((f3) => f3.task === t2));
  if (fresh.length || cleared.length) {
    await lanes.store.transact(async (tx) => {
      const doc = queueIn(tx);
      for (const t2 of cleared) delete doc.lane_conflicts[t2];
      for (const c3 of fresh) {
        doc.lane_conflicts[c3.task] = { target: targetSha, files: c3.files };
        const note = `After ${landedTask} landed, this lane conflicts with ${target} in: ${c3.files.join(", ")}. Merge ${target} into the lane and resolve them before queueing (again).`;
        const t2 = tx.get(TASKS_DOC, emptyTasks)[c3.task];
        if (t2 && t2.status !== "done") setStatus(t2, t2.status, { note: capText(note) });
        const e = doc.entries.find((x3) => x3.task === c3.task && x3.state === "queued");
        if (e) e.conflicts = [...(e.conflicts ?? []).filter((x3) => x3.with !== "target"), { with: "target", files: c3.files }];
      }
    });
    for (const c3 of fresh) await lanes.store.appendEvent("merge.conflict", { task: c3.task, with: target, files: c3.files, after: landedTask });
  }
  return fresh;
}
async function recheckSafely(lanes, target, targetSha, landedTasks) {
  try {
    return { warnings: [], conflicts: await recheckInFlight(lanes, target, targetSha, landedTasks) };
  } catch (e) {
    return { warnings: [`could not re-check the lanes in flight: ${errorMessage(e)}`], conflicts: [] };
  }
}
async function removeLandedLanes(lanes, landed) {
  const warnings = [];
  for (const e of landed) {
    if (e.kind !== "land") continue;
    const w2 = await removeLandedLane(lanes, e.task);
    if (w2) warnings.push(w2);
  }
  return warnings;
}
async function cleanupAfterLanding(lanes, target, targetSha, landed, removeLanes) {
  const r2 = await recheckSafely(lanes, target, targetSha, landed.map((e) => e.task));
  if (removeLanes) r2.warnings.push(...await removeLandedLanes(lanes, landed));
  return r2;
}
async function removeLandedLane(lanes, task) {
  try {
    await removeLane(lanes, { task_id: task });
    return void 0;
  } catch (e) {
    if (isLanesError(e, "NOT_FOUND")) return void 0;
    const msg = `the lane of ${task} was kept: ${errorMessage(e)}`;
    log.warn(msg);
    return msg;
  }
}

// src/core/merge/order.ts
function dependenciesOf(plan, task) {
  return plan?.tasks.find((t2) => t2.id === task)?.depends_on ?? [];
}
function pickBatch(doc, plan, tasks, max) {
  const queued = doc.entries.filter((e) => e.state === "queued" && !e.cancel_requested).sort((a, b3) => a.seq - b3.seq);
  const batch = [];
  const waiting = [];
  const ahead = /* @__PURE__ */ new Set();
  for (const e of queued) {
    const deps = e.kind === "revert" ? [] : dependenciesOf(plan, e.task);
    const on2 = deps.filter((d2) => tasks[d2]?.status !== "done" && !ahead.has(d2));
    if (on2.length) {
      waiting.push({ entry: e, on: on2 });
      continue;
    }
    if (batch.length < max) {
      batch.push(e);
      ahead.add(e.task);
    }
  }
  return { batch, waiting };
}
function positions(doc) {
  const out = /* @__PURE__ */ new Map();
  const order = doc.entries.filter((e) => e.state !== "landed" && e.state !== "failed" && e.state !== "cancelled").sort((a, b3) => a.seq - b3.seq);
  order.forEach((e, i) => out.set(e.id, i + 1));
  return out;
}

// src/core/merge/status.ts
function entryView(e, opts = {}) {
  const v2 = { id: e.id, task: e.task, kind: e.kind, state: e.state, target: e.target, strategy: e.strategy, tip: e.tip, queued_at: e.queued_at, attempts: e.attempts };
  if (opts.position !== void 0) v2.position = opts.position;
  if (e.started_at) v2.started_at = e.started_at;
  if (e.finished_at) v2.finished_at = e.finished_at;
  const waited = e.state === "queued" ? msSince(e.queued_at) : e.timings?.wait_ms;
  if (waited !== void 0) v2.waited_ms = waited;
  if (e.timings) v2.timings = e.timings;
  if (e.last_error) v2.last_error = e.last_error;
  if (e.landed_as) v2.landed_as = e.landed_as;
  if (e.unchecked) v2.unchecked = true;
  if (e.conflicts?.length) v2.conflicts = e.conflicts;
  if (e.cancel_requested) v2.cancel_requested = true;
  if (opts.waiting_for?.length) v2.waiting_for = opts.waiting_for;
  return v2;
}
async function mergeStatus(lanes, opts = {}) {
  const target = (await lanes.config()).target;
  const [q3, { plan, tasks }, targetSha] = await Promise.all([
    lanes.store.read(MERGE_DOC, emptyQueue),
    readPlan(lanes.store),
    refSha(lanes.repo.mainRoot, `refs/heads/${target}`)
  ]);
  const doc = queueOf(q3.data);
  const pos = positions(doc);
  const view = (e) => {
    const on2 = e.state === "queued" && e.kind === "land" ? dependenciesOf(plan, e.task).filter((d2) => tasks[d2]?.status !== "done") : [];
    return entryView(e, { position: pos.get(e.id), waiting_for: on2 });
  };
  const match = (e) => opts.task === void 0 || e.task === opts.task;
  const active = doc.entries.filter((e) => pos.has(e.id) && match(e)).sort((a, b3) => a.seq - b3.seq);
  const finished = doc.entries.filter((e) => !pos.has(e.id) && match(e)).sort((a, b3) => b3.seq - a.seq).slice(0, opts.recent ?? 10);
  const owner = lockOwner(lanes.repo.stateDir, "queue");
  const running = owner !== void 0 && (owner.host !== hostName() || pidAlive(owner.pid));
  const fails = doc.recent.filter((ok) => !ok).length;
  return {
    target,
    ...targetSha ? { target_sha: targetSha } : {},
    processor: running ? { running, pid: owner.pid, host: owner.host, since: owner.since } : { running: false },
    interrupted: !running && active.some((e) => PROCESSING.includes(e.state)),
    queue: active.map(view),
    recent: finished.map(view),
    recent_failure_rate: doc.recent.length ? Math.round(fails / doc.recent.length * 100) / 100 : 0
  };
}
async function cancelMerge(lanes, taskId) {
  const task = assertSlug(taskId);
  const out = await lanes.store.transact(async (tx) => {
    const doc = queueIn(tx);
    const e = activeEntry(doc, task);
    if (!e) {
      const last = doc.entries.filter((x3) => x3.task === task).sort((a, b3) => b3.seq - a.seq)[0];
      throw new LanesError("NOT_FOUND", `Task ${task} has nothing in the merge queue${last ? ` (its last entry ${last.id} is ${last.state})` : ""}.`, {
        hint: last?.state === "landed" ? `It already landed as ${last.landed_as?.slice(0, 12)}; undo that with \`lanes merge revert ${task}\`.` : "merge_status lists the queue."
      });
    }
    if (e.state === "queued") {
      e.state = "cancelled";
      e.finished_at = nowIso();
      return { e: { ...e }, cancelled: true };
    }
    e.cancel_requested = true;
    return { e: { ...e }, cancelled: false };
  });
  await lanes.store.appendEvent("merge.cancel", { task, entry: out.e.id, immediate: out.cancelled });
  return {
    entry: entryView(out.e),
    cancelled: out.cancelled,
    pending: !out.cancelled
  };
}
async function queueRevert(lanes, taskId, opts = {}) {
  const task = assertSlug(taskId);
  const root = lanes.repo.mainRoot;
  await assertMergeTreeGit(root);
  const target = (await lanes.config()).target;
  const targetSha = await refSha(root, `refs/heads/${target}`);
  const [{ tasks }, q3] = await Promise.all([readPlan(lanes.store), lanes.store.read(MERGE_DOC, emptyQueue)]);
  const doc = queueOf(q3.data);
  const landedEntry = doc.entries.filter((e) => e.task === task && e.kind === "land" && e.state === "landed").sort((a, b3) => b3.seq - a.seq)[0];
  const landedAs = tasks[task]?.landed_as ?? landedEntry?.landed_as;
  if (!landedAs) {
    throw new LanesError("NOT_FOUND", `Task ${task} has no landing to revert.`, { hint: "merge_status lists what landed; only a landed task can be reverted." });
  }
  if (!targetSha || !await isAncestor(root, landedAs, targetSha)) {
    throw new LanesError("CONFLICT", `The landing of ${task} (${landedAs.slice(0, 12)}) is not on ${target}.`, { hint: "It may already be reverted or the target was reset; nothing to undo." });
  }
  const landedFrom = landedEntry?.landed_as === landedAs ? landedEntry.landed_from : void 0;
  if (landedFrom !== void 0 && landedFrom === landedAs) {
    throw new LanesError("CONFLICT", `Task ${task} made no commit of its own when it landed: its changes were already on ${target}.`, {
      hint: "There is no landing commit to revert; undo those changes with a new task instead."
    });
  }
  const out = await lanes.store.transact(async (tx) => {
    const d2 = queueIn(tx);
    const again = activeEntry(d2, task);
    if (again) {
      if (again.kind !== "revert") {
        throw new LanesError("CONFLICT", `Task ${task} has an entry in the merge queue (${again.id}, ${again.state}).`, { hint: `Cancel it first (lanes merge cancel ${task}).` });
      }
      return { e: { ...again }, already: true };
    }
    d2.seq += 1;
    const e = {
      id: `m${d2.seq}`,
      seq: d2.seq,
      task,
      kind: "revert",
      ref: `refs/heads/${target}`,
      tip: landedAs,
      strategy: "merge",
      target,
      state: "queued",
      queued_at: nowIso(),
      attempts: 0,
      revert_of: { landed_as: landedAs, ...landedFrom ? { landed_from: landedFrom } : {} },
      ...opts.requested_by ? { requested_by: opts.requested_by } : {}
    };
    d2.entries.push(e);
    return { e: { ...e }, already: false };
  });
  if (!out.already) await lanes.store.appendEvent("merge.revert_queued", { task, entry: out.e.id, landed_as: landedAs });
  return { entry: entryView(out.e), already_queued: out.already };
}

// src/core/merge/enqueue.ts
async function queueMerge(lanes, input) {
  const task = assertSlug(input.task_id);
  const { repo, store } = lanes;
  const root = repo.mainRoot;
  await assertMergeTreeGit(root);
  const target = (await lanes.config()).target;
  const targetSha = await refSha(root, `refs/heads/${target}`);
  if (!targetSha) {
    throw new LanesError("NOT_FOUND", `The target branch ${target} does not exist.`, { hint: 'Create it (or set "target" in .lanes/config.json), then queue again.' });
  }
  const ref = laneRef(task);
  const tip = await refSha(root, ref);
  if (!tip) {
    throw new LanesError("NOT_FOUND", `Task ${task} has no lane (no branch lanes/${task}).`, { hint: "Start the task with start_task, commit the work in its lane, then queue it." });
  }
  const { plan, tasks } = await readPlan(store);
  const state = tasks[task];
  if (state?.status === "done") {
    throw new LanesError("CONFLICT", `Task ${task} is already done${state.landed_as ? ` (landed as ${state.landed_as.slice(0, 12)})` : ""}.`, {
      hint: "Nothing to land. Add a follow-up task with add_task for further work."
    });
  }
  const current = queueOf((await store.read(MERGE_DOC, emptyQueue)).data);
  const existing = activeEntry(current, task);
  if (existing && existing.state !== "queued") return result(current, existing, true, existing.conflicts ?? [], plan, tasks, ["It is being processed right now; its queued commit is what lands."]);
  await assertLaneReady(lanes, task, ref);
  const ahead = Number(await gitOut(root, ["rev-list", "--count", tip, `^${targetSha}`], { readOnly: true }));
  if (ahead === 0) {
    throw new LanesError("INVALID_INPUT", `The lane of ${task} has no commits that are not already on ${target}.`, {
      hint: "Commit the work in the lane first (git commit), then queue it."
    });
  }
  const strategy = input.strategy ?? (await loadConfigAtCommit(root, targetSha, { repo })).merge.strategy;
  const conflicts = await checkConflicts(lanes, task, tip, targetSha, current, tasks);
  const out = await store.transact(async (tx) => {
    const doc = queueIn(tx);
    const again = activeEntry(doc, task);
    if (again) {
      if (again.state === "queued") {
        again.tip = tip;
        if (input.strategy) again.strategy = input.strategy;
        again.conflicts = conflicts;
      }
      return { entry: { ...again }, already: true, doc };
    }
    doc.seq += 1;
    const entry = {
      id: `m${doc.seq}`,
      seq: doc.seq,
      task,
      kind: "land",
      ref,
      tip,
      strategy,
      target,
      state: "queued",
      queued_at: nowIso(),
      attempts: 0,
      conflicts,
      ...input.requested_by ? { requested_by: input.requested_by } : {}
    };
    doc.entries.push(entry);
    return { entry: { ...entry }, already: false, doc: structuredClone(doc) };
  });
  if (!out.already) await store.appendEvent("merge.queued", { task, entry: out.entry.id, tip, strategy, conflicts: conflicts.length });
  return result(out.doc, out.entry, out.already, conflicts, plan, tasks, []);
}
function result(doc, entry, already, conflicts, plan, tasks, warnings) {
  const waiting = dependenciesOf(plan, entry.task).filter((d2) => tasks[d2]?.status !== "done");
  const w2 = [...warnings];
  if (conflicts.some((c3) => c3.with === "target")) w2.push(`It conflicts with ${entry.target} as it is now: merge ${entry.target} into the lane and resolve the conflicts, or it will fail when processed.`);
  const position = positions(doc).get(entry.id) ?? 0;
  return { entry: entryView(entry, { position, waiting_for: waiting }), position, already_queued: already, conflicts, waiting_for: waiting, warnings: w2 };
}
async function assertLaneReady(lanes, task, ref) {
  const recorded = (await lanes.store.read(LANES_DOC, emptyLanes)).data[task]?.path;
  const wt2 = (await listWorktrees(lanes.repo.mainRoot)).find((w2) => w2.branch === ref || recorded !== void 0 && w2.path === recorded);
  if (!wt2) return;
  const op = await operationInProgress(wt2.path);
  if (op) {
    throw new LanesError("UNSAFE", `The lane of ${task} (${wt2.path}) has ${op} in progress.`, {
      hint: "Finish it (e.g. git rebase --continue, git merge --continue) or abort it in the lane, commit, then queue again.",
      details: { path: wt2.path, operation: op }
    });
  }
  const dirty = await statusPorcelain(wt2.path);
  if (dirty.length) {
    throw new LanesError("UNSAFE", `The lane of ${task} (${wt2.path}) has uncommitted work:
${describeDirty(dirty)}`, {
      hint: "Commit it (or discard what should not land), then queue again. Only committed work lands.",
      details: { path: wt2.path, files: dirty.map((d2) => d2.path) }
    });
  }
}
async function checkConflicts(lanes, task, tip, targetSha, doc, tasks) {
  const root = lanes.repo.mainRoot;
  const others = /* @__PURE__ */ new Map();
  for (const e of doc.entries) if (e.task !== task && e.kind === "land" && ["queued", "integrating", "gating", "landing"].includes(e.state)) others.set(e.task, e.tip);
  const refs = await gitOut(root, ["for-each-ref", "--format=%(refname:lstrip=3)%00%(objectname)", "refs/heads/lanes/"], { readOnly: true });
  for (const line of refs.split("\n").filter(Boolean)) {
    const [t2 = "", sha = ""] = line.split("\0");
    if (t2 && t2 !== task && !others.has(t2) && tasks[t2]?.status === "in_progress") others.set(t2, sha);
  }
  const names = ["target", ...others.keys()];
  const pairs = [[targetSha, tip], ...[...others.values()].map((sha) => [sha, tip])];
  const files = await mergeCheckMany(root, pairs);
  return names.flatMap((name, i) => files[i]?.length ? [{ with: name, files: files[i] }] : []);
}

// src/core/merge/batch.ts
import path3 from "node:path";

// src/core/merge/gates.ts
var MAX_OUTPUT = 256 * 1024;
var TAIL_CHARS = 4e3;
async function runGates(gates, cwd, ctx) {
  const t0 = performance.now();
  const runs = [];
  for (const g2 of gates) {
    const r2 = await runCommand(g2.command, {
      cwd,
      env: { ...ctx.env, ...g2.env },
      timeoutMs: g2.timeout_seconds * 1e3,
      maxOutputBytes: MAX_OUTPUT,
      ...ctx.onSpawn ? { onSpawn: ctx.onSpawn } : {}
    });
    const ok = !r2.timedOut && r2.exitCode === 0 && !r2.error;
    const run = { name: g2.name, ok, exit_code: r2.exitCode, timed_out: r2.timedOut, ms: r2.durationMs };
    if (r2.signal) run.signal = r2.signal;
    runs.push(run);
    if (!ok) {
      const why = r2.timedOut ? `timed out after ${g2.timeout_seconds} s (its process group was killed)` : r2.error ? `could not start (${r2.error})` : r2.signal ? `was killed by ${r2.signal}` : `exited with code ${r2.exitCode}`;
      const clean = redact(r2.output);
      const tail = clean.length > TAIL_CHARS ? `...${clean.slice(-TAIL_CHARS)}` : clean;
      const failed = { gate: g2.name, why, output_tail: tail, ...r2.error ? { unrunnable: true } : {} };
      return { ok: false, runs, ms: Math.round(performance.now() - t0), failed };
    }
  }
  return { ok: true, runs, ms: Math.round(performance.now() - t0) };
}

// src/core/merge/land.ts
import fs3 from "node:fs";
import path2 from "node:path";
async function targetCheckout(repo, target) {
  const want = `ref: refs/heads/${target}`;
  const head = (dir) => {
    try {
      return fs3.readFileSync(path2.join(dir, "HEAD"), "utf8").trim();
    } catch {
      return void 0;
    }
  };
  if (head(repo.commonDir) === want && repo.mainRoot !== repo.commonDir) return repo.mainRoot;
  const admin = path2.join(repo.commonDir, "worktrees");
  let names = [];
  try {
    names = fs3.readdirSync(admin);
  } catch {
    return void 0;
  }
  for (const n of names) {
    if (head(path2.join(admin, n)) !== want) continue;
    try {
      const gitdir = fs3.readFileSync(path2.join(admin, n, "gitdir"), "utf8").trim();
      const wt2 = path2.dirname(gitdir);
      if (fs3.existsSync(wt2)) return wt2;
    } catch {
    }
  }
  return void 0;
}
async function assertCheckoutClean(worktree, target) {
  const op = await operationInProgress(worktree);
  const changed = (await statusPorcelain(worktree)).filter((e) => e.code !== "??");
  if (!op && changed.length === 0) return;
  const files = changed.slice(0, 10).map((e) => e.path);
  const what = op ? `${op} in progress` : `uncommitted changes (${files.join(", ")}${changed.length > 10 ? ", ..." : ""})`;
  throw new LanesError("UNSAFE", `The target branch ${target} is checked out in ${worktree} with ${what}; nothing landed and nothing there was touched.`, {
    hint: `Commit, stash or discard those changes in ${worktree} (or check out another branch there), then run the merge queue again (lanes merge run). Lanes never stashes your edits.`,
    details: { worktree, files, operation: op }
  });
}
async function advanceTarget(repo, target, oldSha, newSha, message) {
  const ref = `refs/heads/${target}`;
  return withGitLock(repo, `merge queue: ${message}`, async () => {
    const wt2 = await targetCheckout(repo, target);
    if (!wt2) {
      const r3 = await git(repo.mainRoot, ["update-ref", "-m", message, ref, newSha, oldSha], { okCodes: [1, 128] });
      if (r3.exitCode === 0) return { ok: true };
      return { ok: false, moved: await refSha(repo.mainRoot, ref) };
    }
    const cur = await refSha(repo.mainRoot, ref);
    if (cur !== oldSha) return { ok: false, moved: cur };
    await assertCheckoutClean(wt2, target);
    const r2 = await git(wt2, [...SAFE, "merge", "--ff-only", "--quiet", "--no-edit", newSha], {
      okCodes: [1, 128],
      env: { GIT_REFLOG_ACTION: message }
    });
    const after = await refSha(repo.mainRoot, ref);
    if (after === newSha) return { ok: true, checkout: wt2 };
    if (after !== oldSha) return { ok: false, moved: after };
    throw new LanesError("UNSAFE", `Could not fast-forward ${target} in its checkout ${wt2}: ${(r2.stderr || r2.stdout).trim().replace(/^(error|fatal): /gm, "")}`, {
      hint: `Nothing landed and nothing in ${wt2} was touched. Move the files git names out of the way (or commit them), then run the merge queue again.`,
      details: { worktree: wt2 }
    });
  });
}

// src/core/merge/recover.ts
import fs4 from "node:fs";

// src/core/merge/target.ts
var OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
async function readTargetTip(repo, target) {
  const ref = `refs/heads/${target}`;
  const input = `${ref}
${ref}^{tree}
${ref}:${CONFIG_FILE}
`;
  const out = (await git(repo.mainRoot, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], { input, readOnly: true })).stdout;
  const [commit = "", tree = "", config = ""] = out.split("\n");
  const [sha = "", ct2 = ""] = commit.split(" ");
  const [treeOid = "", tt2 = ""] = tree.split(" ");
  if (!OID.test(sha) || ct2 !== "commit" || !OID.test(treeOid) || tt2 !== "tree") return void 0;
  const [blob = "", bt2 = ""] = config.split(" ");
  const tip = { sha, tree: treeOid };
  if (OID.test(blob) && bt2 === "blob") tip.configBlob = blob;
  else if (!config.endsWith(" missing")) tip.configBlob = "unusual";
  return tip;
}
var byCommit = /* @__PURE__ */ new Map();
var byBlob = /* @__PURE__ */ new Map();
function remember(map, key, make) {
  let p2 = map.get(key);
  if (!p2) {
    if (map.size > 64) map.clear();
    p2 = make();
    p2.catch(() => map.delete(key));
    map.set(key, p2);
  }
  return p2;
}
function configForTip(repo, tip, target) {
  return remember(
    byCommit,
    `${repo.commonDir}\0${target}\0${tip.sha}`,
    () => tip.configBlob === "unusual" ? loadConfigAtCommit(repo.mainRoot, tip.sha, { repo }) : configOfBlob(repo, tip.sha, tip.configBlob, target)
  );
}
function configAt(repo, commit, target) {
  return remember(byCommit, `${repo.commonDir}\0${target}\0${commit}`, async () => {
    const entry = (await gitOut(repo.mainRoot, ["ls-tree", "--full-tree", "-l", commit, "--", CONFIG_FILE], { readOnly: true })).trim();
    if (entry === "") return configOfBlob(repo, commit, void 0, target);
    const [mode, type, oid, size] = entry.split(/\s+/);
    const plain = type === "blob" && (mode === "100644" || mode === "100755") && Number(size) <= MAX_CONFIG_BYTES && oid !== void 0;
    return plain ? configOfBlob(repo, commit, oid, target) : loadConfigAtCommit(repo.mainRoot, commit, { repo });
  });
}
function configOfBlob(repo, commit, blob, target) {
  return remember(byBlob, `${repo.commonDir}\0${target}\0${blob ?? "none"}`, async () => {
    if (!blob) return parseConfig({}, `${target}:${CONFIG_FILE}`, { defaultTarget: target });
    const r2 = await git(repo.mainRoot, ["cat-file", "blob", blob], { readOnly: true });
    if (Buffer.byteLength(r2.stdout) > MAX_CONFIG_BYTES) return loadConfigAtCommit(repo.mainRoot, commit, { repo });
    let json;
    try {
      json = JSON.parse(r2.stdout.charCodeAt(0) === 65279 ? r2.stdout.slice(1) : r2.stdout);
    } catch {
      return loadConfigAtCommit(repo.mainRoot, commit, { repo });
    }
    return parseConfig(json, `${target}:${CONFIG_FILE}`, { defaultTarget: target });
  });
}

// src/core/merge/recover.ts
async function settleRecord(lanes, rec) {
  const d2 = rec.data;
  if (d2.pgid) killGateGroup(lanes, d2.pgid);
  const step = d2.phase ?? rec.step;
  const rep = { journal: rec.id, step, outcome: "retried", landed: [], requeued: [] };
  let landed = [];
  if (d2.new && d2.landing?.length) {
    const now = await refSha(lanes.repo.mainRoot, `refs/heads/${d2.target}`);
    if (now && (now === d2.new || await isAncestor(lanes.repo.mainRoot, d2.new, now))) landed = d2.landing;
  }
  let moved = [];
  await lanes.store.transact(async (tx) => {
    if (landed.length) {
      moved = markLandedInTx(tx, landed, d2.target, { unchecked: d2.unchecked === true });
      rep.landed = landed.map((l3) => l3.entry);
      rep.outcome = "rolled-forward";
    }
    const doc = queueIn(tx);
    rep.requeued = d2.entries.filter((id) => PROCESSING.includes(doc.entries.find((e) => e.id === id)?.state ?? "queued"));
    requeueInTx(tx, d2.entries, rep.outcome === "rolled-forward" ? void 0 : `retried after an interrupted ${step} step`);
  });
  if (landed.length && d2.new) {
    const q3 = queueOf((await lanes.store.read(MERGE_DOC, emptyQueue)).data);
    const entries = moved.length ? moved : q3.entries.filter((e) => landed.some((l3) => l3.entry === e.id));
    const cfg = await configAt(lanes.repo, d2.old ?? d2.new, d2.target);
    rep.warnings = (await cleanupAfterLanding(lanes, d2.target, d2.new, entries, cfg.merge.remove_lane_after_landing)).warnings;
  }
  return rep;
}
function killGateGroup(lanes, pgid) {
  const root = integrationRoot(lanes.repo);
  if (!haveProc()) {
    killProcessGroup(pgid);
    return;
  }
  const inside = processesIn(root);
  const members = inside.filter((pid) => pgroupOf(pid) === pgid);
  if (members.length) killProcessGroup(pgid);
  for (const pid of inside) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
    }
  }
}
function pgroupOf(pid) {
  try {
    const stat = fs4.readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(rest[2]);
  } catch {
    return void 0;
  }
}
async function recoverMerges(lanes) {
  const { store } = lanes;
  const reports = [];
  for (const rec of (await store.journal.orphans()).filter((r2) => r2.op === MERGE_OP)) {
    const entry = await store.journal.adopt(rec);
    try {
      const rep = await settleRecord(lanes, { id: rec.id, step: rec.step, data: rec.data });
      reports.push(rep);
      await entry.done();
      log.warn(`recovered an interrupted merge (${rep.step}): ${rep.outcome}${rep.landed.length ? `, landed ${rep.landed.join(", ")}` : ""}`);
      await store.appendEvent("merge.recovered", { step: rep.step, outcome: rep.outcome, landed: rep.landed, requeued: rep.requeued });
    } catch (e) {
      reports.push({ journal: rec.id, step: rec.step, outcome: "failed", landed: [], requeued: [], error: errorMessage(e) });
      log.error(`could not recover merge record ${rec.id}`, errorMessage(e));
    }
  }
  const stuck = queueOf((await store.read(MERGE_DOC, emptyQueue)).data).entries.filter((e) => PROCESSING.includes(e.state));
  if (stuck.length) {
    const ids = await store.transact(async (tx) => {
      const mine = queueIn(tx).entries.filter((e) => PROCESSING.includes(e.state)).map((e) => e.id);
      requeueInTx(tx, mine, "retried after an interrupted run");
      return mine;
    });
    if (ids.length) {
      reports.push({ journal: "-", step: "integrate", outcome: "retried", landed: [], requeued: ids });
      await store.appendEvent("merge.recovered", { step: "integrate", outcome: "retried", requeued: ids });
    }
  }
  await removeLeftoverWorktrees(lanes);
  return reports;
}
async function removeLeftoverWorktrees(lanes) {
  const root = integrationRoot(lanes.repo);
  let names;
  try {
    names = fs4.readdirSync(root);
  } catch {
    return;
  }
  if (!names.length) return;
  await withGitLock(lanes.repo, "merge queue: remove leftover integration worktrees", async () => {
    for (const n of names) {
      const dir = `${root}/${n}`;
      if (isInside(root, dir)) await removeIntegrationWorktree(lanes.repo, dir);
    }
  });
}

// src/core/merge/batch.ts
var Integrator = class {
  constructor(lanes, target, plan, onProgress = () => {
  }) {
    this.lanes = lanes;
    this.target = target;
    this.plan = plan;
    this.onProgress = onProgress;
  }
  lanes;
  target;
  plan;
  onProgress;
  dir;
  get repo() {
    return this.lanes.repo;
  }
  /** The private integration worktree (detached HEAD), made on first need. */
  async worktree(at2) {
    if (this.dir) return this.dir;
    const dir = path3.join(integrationRoot(this.repo), `${Date.now().toString(36)}-${process.pid}`);
    await withGitLock(this.repo, "merge queue: add integration worktree", () => addIntegrationWorktree(this.repo, dir, at2));
    this.dir = dir;
    return dir;
  }
  async dispose() {
    const dir = this.dir;
    if (!dir) return;
    this.dir = void 0;
    await withGitLock(this.repo, "merge queue: remove integration worktree", () => removeIntegrationWorktree(this.repo, dir));
  }
  title(task) {
    return this.plan?.tasks.find((t2) => t2.id === task)?.title ?? task;
  }
  /**
   * Integrates entries one on top of the other from `old`. Conflicts fail an entry when they are
   * with the target itself (`base === old`); otherwise the entry is deferred.
   */
  async integrate(old, oldTree, entries) {
    const links = [];
    const conflicted = [];
    const deferred = [];
    const noop = [];
    let base = old;
    let baseTree = oldTree;
    for (const e of entries) {
      const onTarget = base === old;
      let r2;
      try {
        r2 = await this.integrateOne(e, base, baseTree, onTarget);
      } catch (err) {
        if (!isLanesError(err, "GIT")) throw err;
        r2 = { conflict: { files: [], message: `git could not integrate lanes/${e.task}: ${err.message}` } };
      }
      if ("conflict" in r2) {
        if (onTarget) conflicted.push({ e, ...r2.conflict });
        else deferred.push(e);
      } else if (r2.commit === base) {
        if (onTarget) noop.push({ entry: e.id, task: e.task, commit: base, base });
        else deferred.push(e);
      } else {
        links.push({ entry: e.id, task: e.task, commit: r2.commit, base });
        base = r2.commit;
        baseTree = r2.tree ?? await gitOut(this.repo.mainRoot, ["rev-parse", `${base}^{tree}`], { readOnly: true });
      }
    }
    return { links, conflicted, deferred, noop };
  }
  /** One entry onto `base`, with its strategy: a commit, or the conflict. */
  async integrateOne(e, base, baseTree, onTarget) {
    const root = this.repo.mainRoot;
    if (e.kind === "revert") {
      const undo = e.revert_of;
      const dir = await this.worktree(base);
      const msg2 = `Revert "${this.title(e.task)}" (${e.task})

This undoes the landing of lanes/${e.task} as ${undo.landed_as}, through the Lanes merge queue (entry ${e.id}).
`;
      const r2 = await revertOnto(dir, base, undo, msg2);
      return r2.ok ? { commit: r2.commit } : { conflict: { files: r2.files, message: r2.message } };
    }
    if (e.strategy === "rebase") {
      const dir = await this.worktree(base);
      const r2 = await rebaseOnto(dir, base, e.tip);
      return r2.ok ? { commit: r2.commit } : { conflict: { files: r2.files, message: `rebasing lanes/${e.task} onto ${onTarget ? this.target : "the batch"} conflicts in: ${r2.files.join(", ") || r2.message}` } };
    }
    const mc = await mergeCheck(root, base, e.tip);
    if (!mc.clean) {
      return { conflict: { files: mc.files, message: `merging lanes/${e.task} into ${onTarget ? this.target : "the batch"} conflicts in: ${mc.files.join(", ") || "(see git merge-tree)"}` } };
    }
    if (mc.tree === baseTree) return { commit: base };
    if (e.strategy === "merge") {
      return { commit: await commitTree(root, mc.tree, [base, e.tip], `Merge lanes/${e.task}: ${this.title(e.task)}

Landed by the Lanes merge queue (entry ${e.id}).
`), tree: mc.tree };
    }
    const body = (await subjects(root, base, e.tip)).map((x3) => `* ${x3}`).join("\n");
    const msg = `${this.title(e.task)} (${e.task})

Squash of lanes/${e.task}, landed by the Lanes merge queue (entry ${e.id}):
${body}
`;
    return { commit: await commitTree(root, mc.tree, [base], msg, await authorOf(root, e.tip)), tree: mc.tree };
  }
  /**
   * Runs one batch. `entries` are already marked integrating (ours). Returns 'moved' when the
   * target moved under us (the entries are back in the queue, to be integrated again).
   */
  async runBatch(entries, report, start) {
    const data = { target: this.target, entries: entries.map((e) => e.id), old: start.sha };
    const journal = new BatchJournal(this.lanes.store, data);
    try {
      const outcome = await this.steps(journal, entries, report, start);
      await journal.done();
      return outcome;
    } catch (e) {
      try {
        await settleRecord(this.lanes, journal.snapshot());
        await journal.done();
      } catch {
      }
      throw e;
    }
  }
  async steps(journal, entries, report, start) {
    const { store } = this.lanes;
    const old = start.sha;
    const cfg = await configAt(this.repo, old, this.target);
    const t0 = performance.now();
    const integ = await this.integrate(old, start.tree, entries);
    const integrateMs = Math.round(performance.now() - t0);
    const gates = cfg.gates;
    const record = integ.conflicted.length || integ.deferred.length || integ.noop.length || gates.length;
    if (record) await store.transact(async (tx) => {
      const doc = queueIn(tx);
      for (const c3 of integ.conflicted) {
        const next = c3.e.kind === "revert" ? `Later changes on ${this.target} touch the same lines: revert it by hand (git revert) in a new task.` : `Merge ${this.target} into the lane, resolve the conflicts, commit, and queue it again.`;
        markFailedInTx(tx, c3.e.id, `${c3.message}
${next}`, { kind: "conflict", files: c3.files });
      }
      requeueInTx(tx, integ.deferred.map((e) => e.id), "conflicts with another entry of its batch; tried alone next");
      if (integ.noop.length) markLandedInTx(tx, integ.noop, this.target, { unchecked: false });
      for (const l3 of integ.links) {
        const e = doc.entries.find((x3) => x3.id === l3.entry);
        if (!e) continue;
        e.state = gates.length ? "gating" : "landing";
        e.timings = { ...e.timings, integrate_ms: integrateMs };
      }
    });
    for (const c3 of integ.conflicted) {
      report.failed.push({ task: c3.e.task, entry: c3.e.id, kind: "conflict", message: c3.message, files: c3.files });
      await store.appendEvent("merge.failed", { task: c3.e.task, entry: c3.e.id, kind: "conflict", files: c3.files });
      this.onProgress(`${c3.e.task}: conflicts with ${this.target} (${c3.files.join(", ")})`);
    }
    report.requeued.push(...integ.deferred.map((e) => e.task));
    for (const n of integ.noop) report.landed.push({ task: n.task, entry: n.entry, commit: n.commit, unchecked: false });
    const links = integ.links;
    if (!links.length) return "done";
    await failpoint("merge.after-integrate");
    if (!gates.length) {
      report.warnings.push(`No gates are configured in .lanes/config.json on ${this.target}: ${links.map((l3) => l3.task).join(", ")} landed without any check.`);
      return this.land(journal, links, old, { unchecked: true }, report);
    }
    await this.flushRecheck(report);
    const dir = await this.worktree(old);
    let lo = 0;
    let hi = links.length;
    let cur = old;
    const test = async (n) => {
      const at2 = links[n - 1];
      await journal.step("gates", { testing: at2.commit, pgid: void 0 });
      await resetIntegration(dir, at2.commit);
      this.onProgress(`gates on ${links.slice(lo, n).map((l3) => l3.task).join(", ")}`);
      report.gate_runs++;
      return runGates(gates, dir, {
        env: { LANES_MERGE: "1", LANES_TARGET: this.target, LANES_TASKS: links.slice(0, n).map((l3) => l3.task).join(","), LANES_CANDIDATE: at2.commit },
        onSpawn: async (pgid) => {
          await journal.step("gates", { pgid });
          await failpoint("merge.during-gates");
        }
      });
    };
    const unrunnable = (g2) => {
      if (g2.failed?.unrunnable) {
        throw new LanesError("CONFIG", `Gate "${g2.failed.gate}" ${g2.failed.why}.`, {
          hint: `Fix gates in .lanes/config.json on ${this.target} (each an argv array of a program on PATH); the entries kept their places in the queue.`
        });
      }
      return g2;
    };
    let r2 = unrunnable(await test(hi));
    if (r2.ok) return this.land(journal, links, cur, { unchecked: false, gates_ms: r2.ms }, report);
    let red = r2;
    while (hi - lo > 1) {
      const mid = lo + hi >> 1;
      r2 = unrunnable(await test(mid));
      if (r2.ok) {
        const out = await this.land(journal, links.slice(lo, mid), cur, { unchecked: false, gates_ms: r2.ms }, report, links.slice(mid));
        if (out !== "done") return out;
        cur = links[mid - 1].commit;
        lo = mid;
      } else {
        hi = mid;
        red = r2;
      }
    }
    const culprit = links[hi - 1];
    const f3 = red.failed;
    const message = `gate "${f3.gate}" ${f3.why} on ${culprit.task} integrated onto ${this.target}.
${f3.output_tail.trim() ? `Output (tail):
${f3.output_tail.trimEnd()}` : "(no output)"}`;
    const rest = links.slice(hi);
    await store.transact(async (tx) => {
      markFailedInTx(tx, culprit.entry, message, { kind: "gate", gate: f3.gate, output_tail: f3.output_tail }, { gated: true });
      const e = queueIn(tx).entries.find((x3) => x3.id === culprit.entry);
      if (e) e.gates = red.runs;
      requeueInTx(tx, rest.map((l3) => l3.entry), `integrated again without ${culprit.task}, whose gate failed`);
    });
    report.failed.push({ task: culprit.task, entry: culprit.entry, kind: "gate", message, gate: f3.gate });
    report.requeued.push(...rest.map((l3) => l3.task));
    await store.appendEvent("merge.failed", { task: culprit.task, entry: culprit.entry, kind: "gate", gate: f3.gate });
    this.onProgress(`${culprit.task}: gate ${f3.gate} ${f3.why}`);
    return "done";
  }
  /**
   * Lands `seg` (a run of the chain starting right on `cur`) by compare-and-swap. `after` are the
   * chain's later links, put back in the queue if this landing cannot happen.
   */
  async land(journal, seg, cur, extra, report, after = []) {
    const { store } = this.lanes;
    const last = seg[seg.length - 1];
    const all = [...seg, ...after];
    const q3 = queueOf((await store.read(MERGE_DOC, emptyQueue)).data);
    const cancelled = all.filter((l3) => q3.entries.find((e) => e.id === l3.entry)?.cancel_requested);
    if (cancelled.length) {
      await store.transact(async (tx) => requeueInTx(tx, all.map((l3) => l3.entry)));
      report.cancelled.push(...cancelled.map((l3) => l3.task));
      report.requeued.push(...all.filter((l3) => !cancelled.includes(l3)).map((l3) => l3.task));
      return "cancelled";
    }
    const landing = seg.map((l3) => ({ entry: l3.entry, commit: l3.commit, base: l3.base }));
    await journal.step("land", { old: cur, new: last.commit, landing, unchecked: extra.unchecked, pgid: void 0 });
    await failpoint("merge.before-land");
    const t0 = performance.now();
    const message = `lanes: land ${seg.map((l3) => l3.task).join(", ")}`;
    const r2 = await advanceTarget(this.repo, this.target, cur, last.commit, message);
    const landMs = Math.round(performance.now() - t0);
    if (!r2.ok) {
      await store.transact(async (tx) => requeueInTx(tx, all.map((l3) => l3.entry), `${this.target} moved while it was being integrated; integrated again`));
      report.requeued.push(...all.map((l3) => l3.task));
      this.onProgress(`${this.target} moved meanwhile; integrating again`);
      return "moved";
    }
    await failpoint("merge.after-land");
    let moved = [];
    await store.transact(async (tx) => {
      moved = markLandedInTx(tx, landing, this.target, { unchecked: extra.unchecked, land_ms: landMs, ...extra.gates_ms !== void 0 ? { gates_ms: extra.gates_ms } : {} });
    });
    for (const l3 of seg) {
      report.landed.push({ task: l3.task, entry: l3.entry, commit: l3.commit, unchecked: extra.unchecked });
      await store.appendEvent("merge.landed", { task: l3.task, entry: l3.entry, commit: l3.commit, target: this.target, unchecked: extra.unchecked });
    }
    this.onProgress(`landed ${seg.map((l3) => l3.task).join(", ")} on ${this.target} as ${last.commit.slice(0, 12)}`);
    const cfg = await configAt(this.repo, cur, this.target);
    if (cfg.merge.remove_lane_after_landing) report.warnings.push(...await removeLandedLanes(this.lanes, moved));
    this.pending = { sha: last.commit, tasks: [...this.pending?.tasks ?? [], ...moved.map((e) => e.task)] };
    if (cfg.gates.length) await this.flushRecheck(report);
    return "done";
  }
  pending;
  /** Runs the re-check of the lanes in flight owed by the landings so far. */
  async flushRecheck(report) {
    const p2 = this.pending;
    if (!p2) return;
    this.pending = void 0;
    const r2 = await recheckSafely(this.lanes, this.target, p2.sha, p2.tasks);
    report.warnings.push(...r2.warnings);
    report.conflicts.push(...r2.conflicts);
  }
};
var BatchJournal = class {
  constructor(store, data) {
    this.store = store;
    this.data = { ...data };
  }
  store;
  entry;
  data;
  async step(phase, patch = {}) {
    this.data = { ...this.data, ...patch, phase };
    if (!this.entry) this.entry = await this.store.journal.begin(MERGE_OP, this.data);
    else await this.entry.step(phase, { ...patch, phase });
  }
  snapshot() {
    return { id: this.entry?.id ?? "-", step: this.data.phase ?? "integrate", data: this.data };
  }
  async done() {
    await this.entry?.done();
    this.entry = void 0;
  }
};
function newReport() {
  return { landed: [], failed: [], requeued: [], cancelled: [], gate_runs: 0, warnings: [], conflicts: [] };
}
async function claimEntries(lanes, ids) {
  return lanes.store.transact(async (tx) => {
    const doc = queueIn(tx);
    const out = [];
    for (const id of ids) {
      const e = doc.entries.find((x3) => x3.id === id);
      if (!e || e.state !== "queued" || e.cancel_requested) continue;
      e.state = "integrating";
      e.attempts += 1;
      const first = e.started_at === void 0;
      e.started_at ??= nowIso();
      if (first) e.timings = { ...e.timings, wait_ms: msSince(e.queued_at) ?? 0 };
      out.push({ ...e });
    }
    return out;
  });
}

// src/core/merge/process.ts
var MAX_MOVES = 5;
var QUEUE_LOCK = "queue";
async function takeQueueLock(lanes, staleMs) {
  const deadline = Date.now() + staleMs + 3e3;
  for (; ; ) {
    const r2 = await tryLock(lanes.repo.stateDir, QUEUE_LOCK, { purpose: "merge queue processor", staleMs, deadlineMs: staleMs + 1e3 });
    if ("release" in r2) return r2;
    const h3 = r2.holder;
    const dead = h3 !== void 0 && h3.host === hostName() && !pidAlive(h3.pid);
    if (!dead || Date.now() > deadline) {
      const who = h3 ? `pid ${h3.pid} on ${h3.host} since ${h3.since}` : "another process";
      throw new LanesError("BUSY", `The merge queue is busy: held by ${who}.`, {
        hint: "Another processor is working through the queue and will land your entry too; watch merge_status. Run it again only if that processor is gone.",
        details: { holder: h3 }
      });
    }
    await new Promise((res) => setTimeout(res, 100));
  }
}
async function processMergeQueue(lanes, opts = {}) {
  const root = lanes.repo.mainRoot;
  await assertMergeTreeGit(root);
  const target = (await lanes.config()).target;
  const lock = await takeQueueLock(lanes, opts.lockStaleMs ?? 3e3);
  const result2 = { ...newReport(), target, batches: 0, recovered: [], waiting: [], remaining: 0 };
  try {
    result2.recovered = await recoverMerges(lanes);
    for (const r2 of result2.recovered) result2.warnings.push(...r2.warnings ?? []);
    const { plan } = await readPlan(lanes.store);
    const integrator = new Integrator(lanes, target, plan, opts.onProgress);
    let moves = 0;
    try {
      for (; ; ) {
        if (lock.held.compromised) {
          throw new LanesError("BUSY", "This processor lost the merge queue lock (its event loop stalled?); stopping.", { hint: "Run the merge queue again." });
        }
        if (opts.maxBatches !== void 0 && result2.batches >= opts.maxBatches) break;
        const tip = await readTargetTip(lanes.repo, target);
        if (!tip) throw new LanesError("NOT_FOUND", `The target branch ${target} does not exist.`, { hint: 'Create it (or fix "target" in .lanes/config.json), then run the queue again.' });
        const [{ plan: p2, tasks }, q3] = await Promise.all([readPlan(lanes.store), lanes.store.read(MERGE_DOC, emptyQueue)]);
        const doc = queueOf(q3.data);
        const cfg = await configForTip(lanes.repo, tip, target);
        const { batch, waiting } = pickBatch(doc, p2, tasks, effectiveBatchSize(cfg.merge.batch_size, doc.recent));
        result2.waiting = waiting.map((w2) => ({ task: w2.entry.task, entry: w2.entry.id, on: w2.on }));
        if (!batch.length) break;
        if (cfg.gates.length) {
          const wt2 = await targetCheckout(lanes.repo, target);
          if (wt2) await assertCheckoutClean(wt2, target);
        }
        const mine = await claimEntries(lanes, batch.map((e) => e.id));
        if (!mine.length) continue;
        result2.batches++;
        const outcome = await integrator.runBatch(mine, result2, tip);
        moves = outcome === "moved" ? moves + 1 : 0;
        if (moves >= MAX_MOVES) {
          throw new LanesError("BUSY", `${target} moved ${MAX_MOVES} times in a row while entries were being integrated; stopping.`, {
            hint: "Something keeps committing to the target. Let it settle, then run the merge queue again; the entries kept their places."
          });
        }
      }
    } finally {
      await integrator.flushRecheck(result2);
      await integrator.dispose();
    }
    const after = queueOf((await lanes.store.read(MERGE_DOC, emptyQueue)).data);
    result2.remaining = after.entries.filter((e) => e.state === "queued").length;
    return result2;
  } finally {
    await lock.release();
  }
}

// src/core/status.ts
import fs6 from "node:fs";
import path5 from "node:path";

// src/system/resources.ts
import fs5 from "node:fs";
import os2 from "node:os";
import path4 from "node:path";
var MB = 1024 * 1024;
var cache = /* @__PURE__ */ new Map();
async function readResources(p2, opts = {}) {
  const siTimeoutMs = opts.siTimeoutMs ?? 1500;
  const maxAgeMs = opts.maxAgeMs ?? 2e3;
  const key = `${path4.resolve(p2)}\0${siTimeoutMs}`;
  const now = Date.now();
  for (const [k2, v2] of cache) if (now - v2.at > 6e4) cache.delete(k2);
  const hit = cache.get(key);
  if (hit && now - hit.at <= maxAgeMs) return hit.value;
  const value = measure(path4.resolve(p2), siTimeoutMs);
  cache.set(key, { at: now, value });
  return value;
}
async function measure(p2, siTimeoutMs) {
  const t0 = performance.now();
  const win = process.platform === "win32";
  const si = siTimeoutMs > 0 ? withTimeout(import("./lib-VVZUBHAL.mjs").then((m2) => m2.default), siTimeoutMs) : Promise.resolve(void 0);
  const deadline = Date.now() + siTimeoutMs;
  const siCall = (f3) => si.then((s) => s ? withTimeout(f3(s), Math.max(0, deadline - Date.now())) : void 0);
  const [siMem, siLoad, disk] = await Promise.all([
    siCall((s) => s.mem()),
    win ? siCall((s) => s.currentLoad()) : Promise.resolve(void 0),
    diskOf(p2)
  ]);
  const cg = process.platform === "linux" ? readCgroupLimits() : {};
  let cpus = Math.max(1, os2.availableParallelism());
  let cpuSource = "os";
  if (cg.cpus !== void 0 && cg.cpus < cpus) [cpus, cpuSource] = [cg.cpus, "cgroup"];
  let load1 = os2.loadavg()[0] ?? 0;
  let loadSource = "os";
  if (win) {
    const pct = siLoad?.currentLoad;
    [load1, loadSource] = typeof pct === "number" && Number.isFinite(pct) ? [pct / 100 * cpus, "systeminformation"] : [0, "unavailable"];
  }
  let memSource = "os";
  let memTotal = os2.totalmem();
  let memAvail = os2.freemem();
  if (siMem && siMem.total > 0 && Number.isFinite(siMem.available) && siMem.available > 0) {
    [memTotal, memAvail, memSource] = [siMem.total, siMem.available, "systeminformation"];
  }
  if (cg.memLimit !== void 0 && cg.memLimit < memTotal) {
    memTotal = cg.memLimit;
    memSource = "cgroup";
  }
  if (cg.memAvailable !== void 0 && cg.memAvailable < memAvail) {
    memAvail = cg.memAvailable;
    memSource = "cgroup";
  }
  return {
    cpus,
    load1: round2(load1),
    load_per_cpu: round2(load1 / cpus),
    mem_total_mb: Math.floor(memTotal / MB),
    mem_available_mb: Math.floor(Math.min(memAvail, memTotal) / MB),
    disk_free_mb: disk.free,
    disk_total_mb: disk.total,
    disk_path: disk.path,
    sources: { cpus: cpuSource, load: loadSource, memory: memSource, disk: disk.source },
    took_ms: Math.round(performance.now() - t0)
  };
}
async function diskOf(p2) {
  for (let dir = p2; ; dir = path4.dirname(dir)) {
    try {
      const s = await fs5.promises.statfs(dir);
      return { free: Math.floor(s.bavail * s.bsize / MB), total: Math.floor(s.blocks * s.bsize / MB), path: dir, source: "statfs" };
    } catch {
      if (path4.dirname(dir) === dir) return { free: 0, total: 0, path: p2, source: "unavailable" };
    }
  }
}
function withTimeout(p2, ms2) {
  return new Promise((resolve) => {
    const t2 = setTimeout(() => resolve(void 0), ms2);
    t2.unref();
    p2.then(
      (v2) => (clearTimeout(t2), resolve(v2)),
      () => (clearTimeout(t2), resolve(void 0))
    );
  });
}
function round2(n) {
  return Math.round(n * 100) / 100;
}
function readCgroupLimits(read = readText, root = "/sys/fs/cgroup") {
  const out = {};
  const self = read("/proc/self/cgroup") ?? "";
  const unlimited = (n) => !Number.isFinite(n) || n <= 0 || n >= 2 ** 60;
  const minInto = (k2, v2) => {
    out[k2] = Math.min(out[k2] ?? Infinity, v2);
  };
  for (const line of self.split("\n")) {
    const m2 = /^\d+:([^:]*):(.*)$/.exec(line.trim());
    if (!m2) continue;
    const [controllers, rel] = [m2[1].split(","), m2[2]];
    const v2 = controllers.length === 1 && controllers[0] === "";
    const mems = v2 ? root : controllers.includes("memory") ? path4.join(root, "memory") : void 0;
    const cpus = v2 ? root : controllers.includes("cpu") ? path4.join(root, controllers.join(",")) : void 0;
    for (const dir of ancestors(rel)) {
      if (mems) {
        const limitText = read(path4.join(mems, dir, v2 ? "memory.max" : "memory.limit_in_bytes"))?.trim();
        const limit = limitText === void 0 || limitText === "max" ? NaN : Number(limitText);
        if (!unlimited(limit)) {
          minInto("memLimit", limit);
          const usage = Number(read(path4.join(mems, dir, v2 ? "memory.current" : "memory.usage_in_bytes"))?.trim());
          const stat = read(path4.join(mems, dir, "memory.stat")) ?? "";
          const inactive = Number(new RegExp(`^${v2 ? "" : "total_"}inactive_file (\\d+)$`, "m").exec(stat)?.[1] ?? 0);
          if (Number.isFinite(usage)) minInto("memAvailable", Math.max(0, limit - Math.max(0, usage - inactive)));
        }
      }
      if (cpus) {
        let quota = NaN;
        let period = NaN;
        if (v2) {
          const [q3, per] = (read(path4.join(cpus, dir, "cpu.max")) ?? "").trim().split(/\s+/);
          [quota, period] = [q3 === "max" ? NaN : Number(q3), Number(per)];
        } else {
          quota = Number(read(path4.join(cpus, dir, "cpu.cfs_quota_us"))?.trim());
          period = Number(read(path4.join(cpus, dir, "cpu.cfs_period_us"))?.trim());
        }
        if (quota > 0 && period > 0) minInto("cpus", Math.max(1, Math.ceil(quota / period)));
      }
    }
  }
  return out;
}
function ancestors(rel) {
  const parts = rel.split("/").filter(Boolean);
  return parts.map((_3, i) => `/${parts.slice(0, parts.length - i).join("/")}`).concat("/");
}
function readText(file) {
  try {
    return fs5.readFileSync(file, "utf8");
  } catch {
    return void 0;
  }
}

// src/core/status.ts
var RUNS_DOC = "runs";
async function status(lanes, opts = {}) {
  const t0 = performance.now();
  const problems = [];
  const guard2 = (what, p2, fallback) => p2.catch((e) => {
    problems.push(`${what}: ${errorMessage(e).split("\n")[0]}`);
    return fallback;
  });
  const root = lanes.repo.mainRoot;
  const cfg = await lanes.config();
  const target = guard2("target", refSha(root, `refs/heads/${cfg.target}`), void 0);
  const [{ plan, tasks }, laneList, claims, merge, run, resources, events, targetSha] = await Promise.all([
    guard2("plan", readPlan(lanes.store), { plan: null, tasks: {} }),
    guard2("lanes", readLanes(lanes, cfg.worktrees.dir, target), []),
    guard2("claims", readClaims(lanes), []),
    guard2("merge queue", readMerge(lanes, opts.recentMerges ?? 5), { processor: { running: false }, queue: [], recent: [], recent_failure_rate: 0 }),
    guard2("run", readRunSummary(lanes), null),
    readResources(root),
    guard2("events", lanes.store.readEvents({ limit: opts.events ?? 10 }), []),
    target
  ]);
  for (const l3 of laneList) if (l3.task_id && tasks[l3.task_id]) l3.task_status = tasks[l3.task_id].status;
  return {
    repo: root,
    generated_at: (/* @__PURE__ */ new Date()).toISOString(),
    took_ms: Math.round(performance.now() - t0),
    target: cfg.target,
    ...targetSha ? { target_sha: targetSha } : {},
    plan: plan && summarizePlan(plan, tasks),
    lanes: laneList,
    claims,
    merge,
    run,
    resources,
    recent_events: events.map(briefEvent),
    problems
  };
}
function summarizePlan(plan, tasks) {
  const def = new Map(plan.tasks.map((t2) => [t2.id, t2]));
  const by = countByStatus(plan, tasks);
  const waves = plan.waves.map((ids, i) => {
    const list = ids.map((id) => {
      const d2 = def.get(id);
      const s = tasks[id];
      const b3 = { id, title: d2?.title ?? id, status: s?.status ?? "planned", wave: i + 1, depends_on: d2?.depends_on ?? [], estimate: d2?.estimate ?? 1 };
      if (s?.owner) b3.owner = s.owner;
      if (s?.note) b3.note = s.note.length > 200 ? `${s.note.slice(0, 199)}\u2026` : s.note;
      if (s?.started_at) b3.started_at = s.started_at;
      if (s?.finished_at) b3.finished_at = s.finished_at;
      if (s?.landed_as) b3.landed_as = s.landed_as;
      return b3;
    });
    return { wave: i + 1, done: list.filter((t2) => t2.status === "done").length, tasks: list };
  });
  return {
    tasks: plan.tasks.length,
    by_status: by,
    progress: plan.tasks.length ? Math.round(by.done / plan.tasks.length * 1e3) / 1e3 : 0,
    waves,
    conflicts: plan.conflicts.map((c3) => ({ a: c3.a, b: c3.b, files: c3.files })),
    critical_path: plan.critical_path,
    parallelism: plan.parallelism,
    speedup: plan.speedup
  };
}
async function readLanes(lanes, relDir, target) {
  const root = lanes.repo.mainRoot;
  const [doc, worktrees, tips, targetSha] = await Promise.all([lanes.store.read(LANES_DOC, emptyLanes), listWorktrees(root), laneTips(root), target]);
  const admins = adminDirs(lanes.repo.commonDir);
  const byPath = new Map(worktrees.map((w2) => [w2.path, w2]));
  const now = Date.now();
  const records = Object.values(doc.data).sort((a, b3) => a.task.localeCompare(b3.task));
  const views = records.map((rec) => {
    const v2 = { kind: "lane", task_id: rec.task, state: rec.state, owner: rec.owner, branch: rec.branch, path: rec.path, missing: !fs6.existsSync(rec.path), dirty_count: 0, untracked_count: 0, created_at: rec.created_at };
    const age = now - Date.parse(rec.created_at);
    if (Number.isFinite(age)) v2.age_s = Math.max(0, Math.round(age / 1e3));
    if (rec.problem) v2.problem = rec.problem;
    if (!v2.missing && !byPath.has(rec.path)) v2.problem ??= "not registered as a git worktree";
    return v2;
  });
  let dir;
  try {
    dir = lanesDir(lanes.repo, relDir);
  } catch {
    dir = void 0;
  }
  const known = new Set(records.map((r2) => r2.path));
  for (const w2 of worktrees) {
    if (!dir || known.has(w2.path) || w2.path === dir || !isInside(dir, w2.path)) continue;
    const v2 = { kind: "foreign", path: w2.path, missing: !fs6.existsSync(w2.path), dirty_count: 0, untracked_count: 0 };
    if (w2.branch) v2.branch = w2.branch.replace(/^refs\/heads\//, "");
    views.push(v2);
  }
  await mapLimit(views, 8, (v2) => describeLane(v2, byPath.get(v2.path), tips, admins.get(v2.path), root, targetSha));
  return views;
}
async function describeLane(v2, wt2, tips, admin, root, targetSha) {
  const tip = v2.branch ? tips.get(v2.branch) : void 0;
  const sha = tip?.sha ?? wt2?.head;
  let last = tip?.time ?? 0;
  const jobs = [];
  if (!v2.missing) {
    jobs.push(
      statusPorcelain(v2.path, { collapseUntracked: true }).then((st2) => {
        v2.dirty_count = st2.length;
        v2.untracked_count = st2.filter((e) => e.code === "??").length;
        for (const e of st2.slice(0, 50)) last = Math.max(last, mtime(path5.join(v2.path, e.path)));
      })
    );
  }
  if (sha && targetSha) jobs.push(aheadBehindCached(root, sha, targetSha).then((ab) => void Object.assign(v2, ab)));
  const results = await Promise.allSettled(jobs);
  const failed = results.find((r2) => r2.status === "rejected");
  if (failed && !v2.problem) v2.problem = `git: ${errorMessage(failed.reason).split("\n")[0]}`;
  if (admin) last = Math.max(last, mtime(path5.join(admin, "index")));
  if (last > 0) v2.last_activity = new Date(last).toISOString();
}
var abCache = /* @__PURE__ */ new Map();
async function aheadBehindCached(root, tip, target) {
  const key = `${root}\0${tip}\0${target}`;
  const hit = abCache.get(key);
  if (hit) return { ...hit };
  const ab = await aheadBehind(root, tip, target);
  if (abCache.size >= 2e3) abCache.clear();
  abCache.set(key, ab);
  return { ...ab };
}
async function laneTips(root) {
  const out = (await git(root, ["for-each-ref", "--format=%(refname:short)%00%(objectname)%00%(committerdate:unix)", "refs/heads/lanes/"], { readOnly: true })).stdout;
  const tips = /* @__PURE__ */ new Map();
  for (const line of out.split("\n")) {
    const [name, sha, time] = line.split("\0");
    if (name && sha) tips.set(name, { sha, time: Number(time) * 1e3 || 0 });
  }
  return tips;
}
function adminDirs(commonDir) {
  const out = /* @__PURE__ */ new Map();
  const base = path5.join(commonDir, "worktrees");
  let names = [];
  try {
    names = fs6.readdirSync(base);
  } catch {
    return out;
  }
  for (const n of names) {
    try {
      const gitdir = fs6.readFileSync(path5.join(base, n, "gitdir"), "utf8").trim();
      out.set(path5.dirname(gitdir), path5.join(base, n));
    } catch {
    }
  }
  return out;
}
function mtime(p2) {
  try {
    return fs6.statSync(p2).mtimeMs;
  } catch {
    return 0;
  }
}
async function readClaims(lanes) {
  const doc = (await lanes.store.read(CLAIMS_DOC, emptyClaims)).data;
  const now = Date.now();
  const alive = /* @__PURE__ */ new Map();
  return (Array.isArray(doc.claims) ? doc.claims : []).filter((c3) => c3 && typeof c3.owner === "string" && typeof c3.pattern === "string" && goneReason(c3, now, alive) === void 0).map((c3) => {
    const s = { owner: c3.owner, pattern: c3.pattern, mode: c3.mode, expires_at: c3.expires_at };
    if (c3.task) s.task = c3.task;
    if (c3.pid !== void 0) s.pid = c3.pid;
    return s;
  }).sort((a, b3) => a.owner.localeCompare(b3.owner) || a.pattern.localeCompare(b3.pattern));
}
async function readMerge(lanes, recent) {
  const m2 = await mergeStatus(lanes, { recent });
  const brief = (e) => {
    const { id, task, kind, state, queued_at, attempts, position, started_at, finished_at, waited_ms, last_error, landed_as, waiting_for, conflicts } = e;
    const b3 = { id, task, kind, state, queued_at, attempts };
    Object.assign(b3, defined({ position, started_at, finished_at, waited_ms, landed_as, waiting_for }));
    if (last_error) b3.last_error = last_error.length > 300 ? `${last_error.slice(0, 299)}\u2026` : last_error;
    if (conflicts?.length) b3.conflicts = conflicts.length;
    return b3;
  };
  const p2 = m2.processor;
  return {
    processor: p2.running ? defined({ running: true, pid: p2.pid, since: p2.since }) : { running: false },
    queue: m2.queue.map(brief),
    recent: m2.recent.map(brief),
    recent_failure_rate: m2.recent_failure_rate
  };
}
async function readRunSummary(lanes) {
  const obj = (v2) => v2 && typeof v2 === "object" && !Array.isArray(v2) ? v2 : void 0;
  const str = (v2) => typeof v2 === "string" ? v2 : void 0;
  const d2 = obj((await lanes.store.read(RUNS_DOC, () => null)).data);
  if (!d2 || !Array.isArray(d2.runs)) return null;
  const runs = d2.runs.map(obj).filter((r2) => !!r2 && typeof (r2.status ?? r2.state) === "string");
  const startOf = (r2) => str(r2.created_at) ?? str(r2.started_at) ?? "";
  const run = runs.find((r2) => typeof d2.current === "string" && r2.id === d2.current) ?? runs.sort((x3, y2) => startOf(y2).localeCompare(startOf(x3)))[0];
  if (!run) return null;
  const out = { state: str(run.status) ?? str(run.state), tasks: {}, items: [] };
  const segs = Array.isArray(run.segments) ? run.segments.map(obj).filter((g2) => g2 !== void 0) : [];
  const lastEnd = str(segs[segs.length - 1]?.ended_at) ?? str(run.updated_at);
  Object.assign(out, defined({ id: str(run.id), started_at: startOf(run) || void 0, finished_at: out.state !== "running" ? lastEnd : void 0, agent: str(obj(run.agent)?.name) }));
  if (typeof run.parallelism === "number") out.parallelism = run.parallelism;
  for (const [key, raw] of Object.entries(obj(run.tasks) ?? {})) {
    const t2 = obj(raw);
    const state = str(t2?.state);
    if (!t2 || !state) continue;
    out.tasks[state] = (out.tasks[state] ?? 0) + 1;
    const attempts = Array.isArray(t2.attempts) ? t2.attempts : [];
    const item = { task: str(t2.id) ?? key, state, attempts: attempts.length };
    const since = str(obj(attempts[attempts.length - 1])?.started_at) ?? str(t2.started_at);
    if (since) item.since = since;
    const reason = str(t2.reason);
    if (reason) item.reason = reason.length > 200 ? `${reason.slice(0, 199)}\u2026` : reason;
    if (out.items.length < 500) out.items.push(item);
  }
  return out;
}
function briefEvent(e) {
  const { ts: ts2, type, pid: _pid, task, ...rest } = e;
  const text = Object.entries(rest).filter(([, v2]) => v2 !== void 0 && v2 !== null).map(([k2, v2]) => `${k2}=${typeof v2 === "string" ? v2.replace(/\b([0-9a-f]{10})[0-9a-f]{30}(?:[0-9a-f]{24})?\b/g, "$1") : JSON.stringify(v2)}`).join(" ");
  const b3 = { ts: ts2, type, text: text.length > 240 ? `${text.slice(0, 239)}\u2026` : text };
  if (typeof task === "string") b3.task = task;
  return b3;
}
function defined(o2) {
  return Object.fromEntries(Object.entries(o2).filter(([, v2]) => v2 !== void 0));
}
async function mapLimit(items, limit, fn2) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn2(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// src/core/planning.ts
import path8 from "node:path";

// src/core/parallelism.ts
import fs7 from "node:fs";
import path6 from "node:path";
var AGENTS_PER_IDLE_CPU = 2;
function recommendParallelism(res, cfg, opts = {}) {
  const r2 = cfg.resources;
  const limits = [];
  const why = /* @__PURE__ */ new Map();
  const add = (by, value, text) => {
    limits.push({ by, value: Math.max(0, Math.floor(value)) });
    why.set(by, text);
  };
  add("max_parallel", cfg.max_parallel, `max_parallel is ${cfg.max_parallel} in .lanes/config.json`);
  if (opts.width !== void 0) add("plan_width", opts.width, `the plan's widest wave has ${opts.width} task${opts.width === 1 ? "" : "s"}`);
  if (r2.memory_per_agent_mb > 0) {
    const spare = res.mem_available_mb - r2.min_free_memory_mb;
    const v2 = spare / r2.memory_per_agent_mb;
    add("memory", v2, `memory: ${res.mem_available_mb} MB available, ${r2.min_free_memory_mb} MB kept free, ${r2.memory_per_agent_mb} MB per agent \u2192 ${Math.max(0, Math.floor(v2))}`);
  }
  if (res.sources?.disk !== "unavailable") {
    const perLane = r2.disk_per_lane_mb > 0 ? r2.disk_per_lane_mb : opts.lane_disk_mb;
    const spare = res.disk_free_mb - r2.min_free_disk_mb;
    if (perLane !== void 0 && perLane > 0) {
      const v2 = spare / perLane;
      add("disk", v2, `disk: ${res.disk_free_mb} MB free, ${r2.min_free_disk_mb} MB kept free, ${perLane} MB per lane \u2192 ${Math.max(0, Math.floor(v2))}`);
    } else if (spare < 0) {
      add("disk", 0, `disk: ${res.disk_free_mb} MB free is below the ${r2.min_free_disk_mb} MB floor`);
    }
  }
  const pressure = Math.max(1, 2 * Math.max(0, res.load_per_cpu) / r2.max_load_per_cpu);
  const cpu = Math.max(1, Math.floor(AGENTS_PER_IDLE_CPU * res.cpus / pressure));
  add("cpu", cpu, `cpu: ${res.cpus} CPU${res.cpus === 1 ? "" : "s"} at load ${res.load_per_cpu} per CPU (busy at ${r2.max_load_per_cpu}) \u2192 ${cpu}`);
  const min = Math.min(...limits.map((l3) => l3.value));
  const parallelism = Math.max(1, min);
  const binding = limits.filter((l3) => l3.value === min).map((l3) => why.get(l3.by));
  let reason = `${parallelism} at once, limited by ${binding.join("; and ")}`;
  if (min < 1) reason += ". Below the floor, so only 1 lane runs; free some resources or lower the floors in .lanes/config.json";
  return { parallelism, limits, reason };
}
var SAMPLE_LIMIT = 5e4;
async function estimateLaneDiskMb(repoDir, opts = {}) {
  const top = await gitOut(repoDir, ["rev-parse", "--show-toplevel"], { readOnly: true });
  const out = (await git(top, ["ls-files", "-z", "--cached"], { readOnly: true })).stdout;
  const files = out.split("\0").filter(Boolean);
  if (files.length === 0) return 1;
  const stride = Math.max(1, files.length / (opts.sampleLimit ?? SAMPLE_LIMIT));
  const sample = [];
  for (let i = 0; i < files.length; i += stride) sample.push(files[Math.floor(i)]);
  let bytes = 0;
  for (let i = 0; i < sample.length; i += 1e3) {
    for (const f3 of sample.slice(i, i + 1e3)) {
      const st2 = fs7.lstatSync(path6.join(top, f3), { throwIfNoEntry: false });
      if (!st2 || !st2.isFile() && !st2.isSymbolicLink()) continue;
      bytes += st2.blocks > 0 ? st2.blocks * 512 : Math.ceil(st2.size / 4096) * 4096;
    }
    await new Promise((r2) => setImmediate(r2));
  }
  const indexBytes = files.reduce((n, f3) => n + 72 + f3.length, 0);
  const total = bytes * files.length / sample.length + indexBytes;
  return Math.max(1, Math.ceil(total / (1024 * 1024)));
}

// src/core/plan/sources.ts
var import_yaml = __toESM(require_dist(), 1);
import fs8 from "node:fs/promises";
import path7 from "node:path";

// src/core/plan/roadmap.ts
var HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
var PRIORITY = /^priority\s+#?(\d+)\s*(?:[:.)\-\u2013\u2014]\s*)?(.*)$/i;
var META = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(status|depends on|depends|dependencies|files|estimate)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.*?)\s*$/i;
var BULLET = /^\s*[-*+]\s+(.+?)\s*$/;
var PLANNED = /^(planned|todo|to do|not started|pending|ready)\b/;
function fail(file, line, msg, hint) {
  return new LanesError("INVALID_INPUT", `${file}:${line}: ${msg}`, { hint, details: { file, line } });
}
function sections(text) {
  const out = [];
  let cur;
  let fence = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const delimiter = /^\s*(```|~~~)/.test(raw);
    if (delimiter) fence = !fence;
    const h3 = fence ? null : HEADING.exec(raw);
    if (h3) {
      const level = h3[1].length;
      if (cur && level <= cur.level) cur = void 0;
      const p2 = PRIORITY.exec(h3[2]);
      if (p2) {
        cur = { n: Number(p2[1]), title: p2[2].trim(), line: i + 1, level, body: [] };
        out.push(cur);
        return;
      }
    }
    cur?.body.push({ text: raw, line: i + 1, fenced: fence || delimiter });
  });
  return out;
}
var unmark = (s) => s.replace(/[`*_]/g, "").trim();
function hours(value, file, line) {
  const m2 = /^~?\s*(\d+(?:\.\d+)?)\s*(h|hrs?|hours?|m|mins?|minutes?|d|days?)?\.?$/i.exec(unmark(value));
  if (!m2) throw fail(file, line, `cannot read the estimate "${value}"`, 'Write the estimate in hours, e.g. "Estimate: 3h", "90m" or "1.5 hours".');
  const x3 = Number(m2[1]);
  const unit = (m2[2] ?? "h").toLowerCase();
  return unit.startsWith("m") ? x3 / 60 : unit.startsWith("d") ? x3 * 8 : x3;
}
function fileItems(value) {
  const ticked = [...value.matchAll(/`([^`]+)`/g)].map((m2) => m2[1].trim());
  if (ticked.length) return ticked;
  return value.split(",").map(unmark).filter(Boolean);
}
function parseRoadmap(text, file) {
  const all = sections(text);
  if (all.length === 0) {
    throw new LanesError("INVALID_INPUT", `${file}: no "### PRIORITY N: Title" sections found.`, {
      hint: 'Give each piece of work a heading like "### PRIORITY 1: Add login" with a "Status: Planned" line under it.'
    });
  }
  const byN = /* @__PURE__ */ new Map();
  for (const s of all) {
    const prev = byN.get(s.n);
    if (prev) throw fail(file, s.line, `PRIORITY ${s.n} is used twice (also line ${prev.line})`, "Give each section its own priority number.");
    byN.set(s.n, s);
  }
  const status2 = /* @__PURE__ */ new Map();
  for (const s of all) {
    const line = s.body.find((b3) => !b3.fenced && META.exec(b3.text)?.[1]?.toLowerCase() === "status");
    const value = line ? unmark(META.exec(line.text)[2]) : "";
    status2.set(s.n, value.toLowerCase().replace(/^[^a-z]+/, ""));
  }
  const planned = all.filter((s) => PLANNED.test(status2.get(s.n) ?? ""));
  if (planned.length === 0) {
    const seen = [...new Set(all.map((s) => status2.get(s.n) || "no status"))].join(", ");
    throw new LanesError("INVALID_INPUT", `${file}: no section is Planned (statuses found: ${seen}).`, {
      hint: 'Mark the sections to do with a "Status: Planned" line.'
    });
  }
  const idOf = (s) => {
    const prefix = `p${s.n}-`;
    return prefix + slugify(s.title || `priority ${s.n}`, 63 - prefix.length);
  };
  return planned.map((s) => {
    const task = { id: idOf(s), title: (s.title || `Priority ${s.n}`).slice(0, PLAN_LIMITS.maxTitle) };
    const desc = [];
    const deps = [];
    const files = [];
    let fileList = "no";
    for (const b3 of s.body) {
      if (b3.fenced) {
        desc.push(b3.text);
        fileList = "no";
        continue;
      }
      const bullet = BULLET.exec(b3.text);
      if (fileList !== "no" && bullet && !META.test(b3.text)) {
        files.push(...fileItems(bullet[1]));
        fileList = "list";
        continue;
      }
      if (!(fileList === "await" && b3.text.trim() === "")) fileList = "no";
      const m2 = META.exec(b3.text);
      if (!m2) {
        desc.push(b3.text);
        continue;
      }
      const key = m2[1].toLowerCase();
      const value = m2[2];
      if (key === "files") {
        files.push(...fileItems(value));
        fileList = value === "" ? "await" : "no";
      } else if (key === "estimate") task.estimate = hours(value, file, b3.line);
      else if (key !== "status") deps.push(...dependencies(value, byN, status2, idOf, file, b3.line));
    }
    const description = desc.join("\n").trim();
    if (description) task.description = description.slice(0, PLAN_LIMITS.maxDescription);
    if (deps.length) task.depends_on = [...new Set(deps)];
    if (files.length) task.files = files;
    return task;
  });
}
function dependencies(value, byN, status2, idOf, file, line) {
  const out = [];
  for (const raw of value.split(/,|;|\band\b/i)) {
    const item = unmark(raw);
    if (!item || /^(none|nothing|n\/a|-)$/i.test(item)) continue;
    const ref = /^(?:priority|p)\s*#?(\d+)$/i.exec(item);
    if (!ref) {
      out.push(item);
      continue;
    }
    const target = byN.get(Number(ref[1]));
    if (!target) throw fail(file, line, `"${item}" names no PRIORITY section`, 'Depend on an existing "PRIORITY N" or on a task id.');
    if (PLANNED.test(status2.get(target.n) ?? "")) out.push(idOf(target));
  }
  return out;
}

// src/core/plan/sources.ts
async function loadTasksSource(file) {
  const text = await readSource(file);
  const ext = path7.extname(file).toLowerCase();
  if (ext === ".md" || ext === ".markdown") return parseRoadmap(text, file);
  const json = ext === ".json" || ext !== ".yaml" && ext !== ".yml" && /^\s*[[{]/.test(text);
  return taskList(json ? parseJson(text, file) : parseYamlText(text, file), file);
}
async function readSource(file) {
  let stat;
  try {
    stat = await fs8.stat(file);
  } catch (e) {
    if (e.code === "ENOENT") {
      throw new LanesError("NOT_FOUND", `Tasks file not found: ${file}`, {
        hint: "Pass the path of a tasks .yaml/.json file or a ROADMAP.md, relative to the current directory."
      });
    }
    throw new LanesError("INVALID_INPUT", `Cannot read tasks file ${file}: ${e.message}`, { cause: e });
  }
  if (!stat.isFile()) {
    throw new LanesError("INVALID_INPUT", `Not a file: ${file}`, { hint: "Pass a tasks .yaml/.json file or a ROADMAP.md." });
  }
  if (stat.size > PLAN_LIMITS.maxSourceBytes) {
    throw new LanesError("INVALID_INPUT", `Tasks file ${file} is ${stat.size} bytes, more than the ${PLAN_LIMITS.maxSourceBytes} allowed.`, {
      hint: "Split the plan, or move long descriptions out of the tasks file."
    });
  }
  return (await fs8.readFile(file, "utf8")).replace(/^\uFEFF/, "");
}
function syntaxError(file, kind, line, col, reason) {
  const where = line === void 0 ? file : `${file}:${line}${col === void 0 ? "" : `:${col}`}`;
  return new LanesError("INVALID_INPUT", `${where}: invalid ${kind}: ${reason}`, {
    hint: `Fix the ${kind} syntax${line === void 0 ? "" : ` at line ${line}`} and try again.`,
    details: { file, ...line === void 0 ? {} : { line }, ...col === void 0 ? {} : { column: col } }
  });
}
function parseJson(text, file) {
  try {
    return JSON.parse(text);
  } catch (e) {
    const reason = e.message.replace(/,? "[\s\S]*" is not valid JSON$/, "").replace(/ in JSON at position \d+.*$/, "");
    const at2 = jsonErrorOffset(text);
    const before = text.slice(0, at2);
    const line = before.split("\n").length;
    return throwIt(syntaxError(file, "JSON", line, at2 - before.lastIndexOf("\n"), reason));
  }
}
var SCALAR = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
function jsonErrorOffset(text) {
  let i = 0;
  const ws2 = () => {
    while (i < text.length && " 	\n\r".includes(text[i])) i++;
  };
  const fail2 = () => {
    throw i;
  };
  const value = (depth) => {
    ws2();
    const c3 = text[i];
    if (depth > 512) fail2();
    if (c3 === "{" || c3 === "[") {
      const close = c3 === "{" ? "}" : "]";
      i++;
      ws2();
      if (text[i] === close) return void i++;
      for (; ; ) {
        if (c3 === "{") {
          ws2();
          if (text[i] !== '"') fail2();
          value(depth + 1);
          ws2();
          if (text[i] !== ":") fail2();
          i++;
        }
        value(depth + 1);
        ws2();
        if (text[i] === ",") i++;
        else if (text[i] === close) return void i++;
        else fail2();
      }
    }
    SCALAR.lastIndex = i;
    if (!SCALAR.test(text)) fail2();
    i = SCALAR.lastIndex;
  };
  try {
    value(0);
    ws2();
    if (i < text.length) fail2();
  } catch (at2) {
    if (typeof at2 === "number") return at2;
    throw at2;
  }
  return i;
}
function parseYamlText(text, file) {
  try {
    return (0, import_yaml.parse)(text);
  } catch (e) {
    if (e instanceof import_yaml.YAMLParseError) {
      const pos = e.linePos?.[0];
      return throwIt(syntaxError(file, "YAML", pos?.line, pos?.col, e.message.split(" at line ")[0] ?? e.message));
    }
    return throwIt(syntaxError(file, "YAML", void 0, void 0, e.message));
  }
}
function throwIt(e) {
  throw e;
}
function taskList(doc, file) {
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === "object" && Array.isArray(doc.tasks)) return doc.tasks;
  throw new LanesError("INVALID_INPUT", `${file}: expected a list of tasks or an object with a "tasks" list.`, {
    hint: "Write `tasks:` followed by entries like `- id: api-auth` / `title: Add login` / `files: [src/api/**]`."
  });
}

// src/core/planning.ts
async function planWork(lanes, input, cwd) {
  if (input.tasks === void 0 === (input.source === void 0)) {
    throw new LanesError("INVALID_INPUT", "Give either `tasks` (a list) or `source` (a path to a tasks file or ROADMAP.md), not both or neither.", {
      hint: 'Example: { "tasks": [{ "id": "api", "title": "Build the API", "files": ["src/api/**"] }] }'
    });
  }
  let tasks = input.tasks;
  let source;
  if (input.source !== void 0) {
    source = path8.resolve(cwd, input.source);
    tasks = await loadTasksSource(source);
  }
  const cfg = await lanes.config();
  const draft = buildPlan(tasks, { parallelism: cfg.max_parallel });
  const width = Math.max(1, ...draft.waves.map((w2) => w2.length));
  const resources = await readResources(lanes.repo.mainRoot);
  const rec = recommendParallelism(resources, cfg, { width });
  const plan = await storePlan(lanes.store, tasks, {
    parallelism: rec.parallelism,
    ...source ? { source: path8.relative(lanes.repo.mainRoot, source) || source } : {},
    ...input.replace ? { replace: true } : {}
  });
  return {
    plan,
    recommended_parallelism: rec.parallelism,
    parallelism_reason: rec.reason,
    limits: rec.limits,
    resources,
    at_max_parallel: {
      parallelism: Math.min(cfg.max_parallel, width),
      parallel_hours: draft.parallel_hours,
      speedup: draft.speedup
    }
  };
}

// src/render/plan.ts
function renderPlan(plan, tasks) {
  const lines = [];
  const status2 = (id) => tasks?.[id] ? ` [${tasks[id].status}]` : "";
  lines.push(`Plan: ${plan.tasks.length} tasks in ${plan.waves.length} waves${plan.source ? ` (from ${plan.source})` : ""}`);
  plan.waves.forEach((w2, i) => lines.push(`  wave ${i + 1}: ${w2.map((id) => id + status2(id)).join(", ")}`));
  if (plan.conflicts.length) {
    lines.push(`Conflicts (never run together): ${plan.conflicts.length}`);
    for (const c3 of plan.conflicts.slice(0, 20)) lines.push(`  ${c3.a} <-> ${c3.b}: ${c3.files.join("; ")}`);
    if (plan.conflicts.length > 20) lines.push(`  ... ${plan.conflicts.length - 20} more`);
  } else {
    lines.push("Conflicts: none (every pair of tasks touches disjoint files)");
  }
  lines.push(`Critical path: ${plan.critical_path.join(" -> ")} (${plan.critical_path_hours} h)`);
  lines.push(
    `Sequential ${plan.sequential_hours} h; parallel ${plan.parallel_hours} h at parallelism ${plan.parallelism} (lower bound ${plan.lower_bound_hours} h); speedup ${plan.speedup}x`
  );
  for (const w2 of plan.warnings ?? []) lines.push(`Warning: ${w2}`);
  return lines.join("\n");
}
function renderPlanWork(r2) {
  const lines = [renderPlan(r2.plan), `Recommended parallelism: ${r2.recommended_parallelism} (${r2.parallelism_reason})`];
  const m2 = r2.at_max_parallel;
  if (m2.parallelism > r2.recommended_parallelism) {
    lines.push(`With ${m2.parallelism} lanes (when the machine allows): ${m2.parallel_hours} h, speedup ${m2.speedup}x`);
  }
  return lines.join("\n");
}

// src/core/lanes/cleanup.ts
import path9 from "node:path";
async function cleanupLanes(lanes) {
  const recovered = await recoverOrphans(lanes);
  const out = { removed: [], kept: [], freed_bytes: 0, recovered: recovered.length };
  const doc = (await lanes.store.read(LANES_DOC, emptyLanes)).data;
  const { tasks } = await readPlan(lanes.store);
  for (const lane of Object.values(doc).sort((x3, y2) => x3.task.localeCompare(y2.task))) {
    const keep = (reason) => out.kept.push({ task_id: lane.task, path: lane.path, reason });
    if (lane.state === "starting") {
      keep(`still being started by ${lane.owner}`);
      continue;
    }
    try {
      const t2 = tasks[lane.task];
      const a = await assessLane(lanes, lane, t2);
      if (a.unlanded.length) {
        keep(`${a.unlanded.length}${a.unlanded.length >= 20 ? "+" : ""} commit(s) not landed on ${lane.target}${a.exists ? "" : " (directory missing; recreate it with `git worktree add " + lane.path + " " + lane.branch + "`)"}:
${describeCommits(a.unlanded)}`);
        continue;
      }
      if (a.exists && a.dirty.length) {
        keep(`${a.dirty.length} uncommitted file(s), e.g. ${a.dirty[0].path}`);
        continue;
      }
      const stale = !a.exists;
      if (!stale && t2?.status === "in_progress" && !t2.landed_as) {
        keep(`task in progress (owner ${t2.owner ?? lane.owner})`);
        continue;
      }
      const size = a.exists ? await diskUsage(lane.path) : 0;
      await teardownLane(lanes, lane, a);
      const reason = stale ? "stale record: directory missing, nothing unlanded" : lane.state === "broken" ? "broken lane with nothing to lose" : `finished (${a.landedBy === "no-commits" ? "no commits" : "landed"}) and clean`;
      out.removed.push({ task_id: lane.task, path: lane.path, reason, freed_bytes: size });
      out.freed_bytes += size;
    } catch (e) {
      keep(errorMessage(e));
    }
  }
  const cfg = await lanes.config();
  const dir = lanesDir(lanes.repo, cfg.worktrees.dir);
  const known = new Set(Object.values(doc).map((l3) => l3.path));
  for (const w2 of await listWorktrees(lanes.repo.mainRoot)) {
    if (known.has(w2.path) || !isInside(dir, w2.path) || w2.path === dir) continue;
    out.kept.push({ path: w2.path, reason: `not a lane (no Lanes record)${w2.branch ? ` on ${w2.branch.replace(/^refs\/heads\//, "")}` : ""}; Lanes leaves it alone \u2014 remove it with git worktree remove if it is unneeded` });
  }
  out.kept.sort((x3, y2) => path9.basename(x3.path).localeCompare(path9.basename(y2.path)));
  return out;
}

// src/core/lanes/list.ts
import fs9 from "node:fs";
import path10 from "node:path";
var MAX_DIRTY = 50;
async function listLanes(lanes, opts = {}) {
  if (opts.recover !== false) await recoverOrphans(lanes);
  const cfg = await lanes.config();
  const root = lanes.repo.mainRoot;
  const [doc, { tasks }, worktrees, targetSha] = await Promise.all([
    lanes.store.read(LANES_DOC, emptyLanes),
    readPlan(lanes.store),
    listWorktrees(root),
    resolveCommit(root, cfg.target)
  ]);
  const byPath = new Map(worktrees.map((w2) => [w2.path, w2]));
  const records = Object.values(doc.data).sort((a, b3) => a.task.localeCompare(b3.task));
  const views = await mapLimit2(records, 4, async (rec) => {
    const wt2 = byPath.get(rec.path);
    const v2 = { task_id: rec.task, kind: "lane", state: rec.state, owner: rec.owner, path: rec.path, branch: rec.branch, base: rec.base, missing: !fs9.existsSync(rec.path), dirty: [], dirty_count: 0, untracked_count: 0 };
    const ts2 = tasks[rec.task]?.status;
    if (ts2) v2.task_status = ts2;
    if (rec.problem) v2.problem = rec.problem;
    if (wt2?.locked !== void 0) v2.locked = wt2.locked;
    if (wt2?.prunable !== void 0) v2.prunable = wt2.prunable;
    await describe(lanes, v2, `refs/heads/${rec.branch}`, targetSha, rec.base);
    return v2;
  });
  let dir;
  try {
    dir = lanesDir(lanes.repo, cfg.worktrees.dir);
  } catch {
    dir = void 0;
  }
  const known = new Set(records.map((r2) => r2.path));
  const foreign = worktrees.filter((w2) => dir && !known.has(w2.path) && isInside(dir, w2.path) && w2.path !== dir);
  const foreignViews = await mapLimit2(foreign, 4, async (w2) => {
    const v2 = { kind: "foreign", path: w2.path, missing: !fs9.existsSync(w2.path), dirty: [], dirty_count: 0, untracked_count: 0 };
    if (w2.branch) v2.branch = w2.branch.replace(/^refs\/heads\//, "");
    if (w2.locked !== void 0) v2.locked = w2.locked;
    if (w2.prunable !== void 0) v2.prunable = w2.prunable;
    await describe(lanes, v2, w2.branch ?? w2.head ?? "HEAD", targetSha, void 0);
    return v2;
  });
  const out = { target: cfg.target, lanes: [...views, ...foreignViews] };
  if (targetSha) out.target_sha = targetSha;
  return out;
}
async function describe(lanes, v2, ref, targetSha, base) {
  const root = lanes.repo.mainRoot;
  const tip = await resolveCommit(root, ref).catch(() => void 0);
  if (tip) v2.head = tip;
  const jobs = [];
  if (!v2.missing) {
    jobs.push(
      statusPorcelain(v2.path, { collapseUntracked: true }).then(
        (st2) => {
          v2.dirty_count = st2.length;
          v2.untracked_count = st2.filter((e) => e.code === "??").length;
          v2.dirty = st2.slice(0, MAX_DIRTY).map((e) => `${e.code.trim()} ${e.path}`);
        },
        (e) => {
          v2.problem = v2.problem ?? `git status failed: ${e.message.split("\n")[0]}`;
        }
      )
    );
  }
  if (tip && targetSha) {
    jobs.push(aheadBehind(root, tip, targetSha).then((ab) => Object.assign(v2, ab)));
  }
  if (base && targetSha) {
    jobs.push(
      git(root, ["rev-list", "--count", `${base}..${targetSha}`], { readOnly: true }).then((r2) => {
        v2.base_behind_target = Number.parseInt(r2.stdout.trim(), 10) || 0;
      })
    );
  }
  let last = 0;
  if (tip) jobs.push(commitTimeMs(root, tip).then((t2) => last = Math.max(last, t2)));
  const admin = adminDirFor(lanes.repo.commonDir, v2.path);
  if (admin) {
    try {
      last = Math.max(last, fs9.statSync(path10.join(admin, "index")).mtimeMs);
    } catch {
    }
  }
  await Promise.all(jobs.map((j3) => j3.catch(() => void 0)));
  if (last > 0) v2.last_activity = new Date(last).toISOString();
}
async function mapLimit2(items, limit, fn2) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn2(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

// src/core/merge/render.ts
var short = (sha) => sha ? sha.slice(0, 12) : "-";
function secs(ms2) {
  if (ms2 === void 0) return "-";
  return ms2 < 1e3 ? `${ms2} ms` : `${(ms2 / 1e3).toFixed(1)} s`;
}
function renderQueued(r2) {
  const lines = [
    r2.already_queued ? `${r2.entry.task} was already queued (entry ${r2.entry.id}, ${r2.entry.state}, position ${r2.position}).` : `Queued ${r2.entry.task} (entry ${r2.entry.id}, ${r2.entry.strategy}, position ${r2.position}, tip ${short(r2.entry.tip)}).`
  ];
  for (const c3 of r2.conflicts) lines.push(`Likely conflict with ${c3.with === "target" ? r2.entry.target : `lane ${c3.with}`}: ${c3.files.join(", ")}`);
  if (r2.waiting_for.length) lines.push(`Waits for ${r2.waiting_for.join(", ")} to land first.`);
  lines.push(...r2.warnings);
  lines.push("Run process_merge_queue (lanes merge run) to land it.");
  return lines.join("\n");
}
function entryLine(e) {
  const parts = [`${e.position !== void 0 ? `${e.position}. ` : ""}${e.task}`, e.kind === "revert" ? "revert" : e.strategy, e.state];
  if (e.landed_as) parts.push(`as ${short(e.landed_as)}${e.unchecked ? " (unchecked: no gates)" : ""}`);
  if (e.waiting_for) parts.push(`waits for ${e.waiting_for.join(", ")}`);
  if (e.cancel_requested) parts.push("cancel requested");
  if (e.state === "queued" && e.waited_ms !== void 0) parts.push(`queued ${secs(e.waited_ms)}`);
  if (e.timings?.total_ms !== void 0) parts.push(`took ${secs(e.timings.total_ms)}`);
  let line = parts.join("  ");
  if (e.conflicts?.length) line += `
     likely conflicts: ${e.conflicts.map((c3) => `${c3.with}: ${c3.files.join(", ")}`).join("; ")}`;
  if (e.last_error && e.state !== "landed") line += `
     last error: ${e.last_error.split("\n")[0]}`;
  return line;
}
function renderStatus(s) {
  const lines = [
    `Target ${s.target} at ${short(s.target_sha)}; processor ${s.processor.running ? `running (pid ${s.processor.pid} since ${s.processor.since})` : "idle"}.`
  ];
  if (s.interrupted) lines.push("A processor was interrupted mid-way; the next run (lanes merge run) finishes or retries its entries.");
  lines.push(s.queue.length ? `Queue (${s.queue.length}):` : "The queue is empty.");
  for (const e of s.queue) lines.push(`  ${entryLine(e)}`);
  if (s.recent.length) {
    lines.push("Recent:");
    for (const e of s.recent) lines.push(`  ${entryLine(e)}`);
  }
  return lines.join("\n");
}
function renderProcessed(r2) {
  const lines = [];
  for (const rec of r2.recovered) lines.push(`Recovered an interrupted run (${rec.step}): ${rec.outcome}${rec.landed.length ? `, finished landing ${rec.landed.join(", ")}` : ""}.`);
  for (const l3 of r2.landed) lines.push(`Landed ${l3.task} on ${r2.target} as ${short(l3.commit)}${l3.unchecked ? " (no gates configured: nothing was checked)" : ""}.`);
  for (const f3 of r2.failed) lines.push(`Failed ${f3.task} (${f3.kind}): ${f3.message}`);
  for (const c3 of r2.cancelled) lines.push(`Cancelled ${c3}.`);
  for (const c3 of r2.conflicts) lines.push(`Lane ${c3.task} now conflicts with ${r2.target} in: ${c3.files.join(", ")} (recorded on the task).`);
  for (const w2 of r2.waiting) lines.push(`Waiting: ${w2.task} until ${w2.on.join(", ")} land${w2.on.length === 1 ? "s" : ""}.`);
  for (const w2 of [...new Set(r2.warnings)]) lines.push(`Warning: ${w2}`);
  if (!r2.landed.length && !r2.failed.length && !r2.cancelled.length) lines.push("Nothing to land.");
  lines.push(`${r2.batches} batch${r2.batches === 1 ? "" : "es"}, ${r2.gate_runs} gate run${r2.gate_runs === 1 ? "" : "s"}; ${r2.remaining} entr${r2.remaining === 1 ? "y" : "ies"} still queued.`);
  return lines.join("\n");
}

// src/core/doctor.ts
import fs10 from "node:fs";
import path11 from "node:path";
function gitVersionCheck(v2) {
  const need = `${MIN_GIT[0]}.${MIN_GIT[1]}`;
  if (!v2.installed) {
    return { name: "git", ok: false, level: "error", detail: `git is not installed or could not be run${v2.error ? ` (${v2.error})` : ""}`, fix: `Install git >= ${need}.` };
  }
  if (atLeast(v2)) return { name: "git", ok: true, level: "info", detail: `git ${showVersion(v2)}` };
  return {
    name: "git",
    ok: false,
    level: "error",
    detail: `git ${v2.major}.${v2.minor} is too old: Lanes needs git >= ${need} for git merge-tree --write-tree`,
    fix: `Upgrade git to ${need} or newer.`
  };
}
async function checkResources(cwd, opts = {}) {
  const resourcesP = readResources(cwd, opts);
  const [gitCheck, repoOrErr] = await Promise.all([
    guard("git", async () => gitVersionCheck(await gitVersion())),
    resolveRepo(cwd).catch((e) => e)
  ]);
  const checks = [gitCheck];
  let cfg;
  let laneDiskMb;
  if (repoOrErr instanceof Error || !repoOrErr) {
    const e = repoOrErr;
    checks.push({
      name: "repository",
      ok: false,
      level: "error",
      detail: isLanesError(e) ? e.message : errorMessage(e),
      fix: isLanesError(e) && e.hint ? e.hint : "Run Lanes from inside a git repository."
    });
  } else {
    const repo = repoOrErr;
    checks.push({ name: "repository", ok: true, level: "info", detail: repo.mainRoot });
    checks.push(
      repo.hasCommits ? { name: "commits", ok: true, level: "info", detail: "HEAD has a commit" } : {
        name: "commits",
        ok: false,
        level: "error",
        detail: "the repository has no commits yet, so there is nothing to branch lanes from",
        fix: 'Make a first commit, e.g. git commit --allow-empty -m "initial commit".'
      }
    );
    let configCheck;
    [cfg, configCheck] = await loadConfigChecked(repo);
    checks.push(configCheck);
    const config = cfg;
    const more = await Promise.all([
      repo.hasCommits ? guard("target", () => targetCheck(repo, config.target)) : void 0,
      guard("main worktree", () => cleanCheck(repo)),
      guard("state dir", () => stateDirCheck(repo)),
      guard("worktrees dir", () => worktreesDirCheck(repo, config)),
      repo.hasCommits && config.resources.disk_per_lane_mb === 0 ? estimateLaneDiskMb(repo.worktreeRoot).catch(() => void 0) : void 0
    ]);
    laneDiskMb = more.pop();
    for (const c3 of more) if (c3) checks.push(c3);
  }
  cfg ??= parseConfig({}, "defaults");
  const resources = await resourcesP;
  checks.push(...resourceChecks(resources, cfg, laneDiskMb));
  const parallelism = recommendParallelism(resources, cfg, laneDiskMb === void 0 ? {} : { lane_disk_mb: laneDiskMb });
  return { ok: checks.every((c3) => c3.ok || c3.level !== "error"), checks, resources, parallelism };
}
async function guard(name, f3) {
  try {
    return await f3();
  } catch (e) {
    return { name, ok: false, level: "error", detail: errorMessage(e), fix: isLanesError(e) ? e.hint : void 0 };
  }
}
async function loadConfigChecked(repo) {
  try {
    const cfg = await loadConfig(repo.worktreeRoot, { repo });
    return [cfg, { name: "config", ok: true, level: "info", detail: `valid (target branch ${cfg.target})` }];
  } catch (e) {
    const target = await resolveTarget(repo).catch(() => "main");
    return [
      parseConfig({}, "defaults", { defaultTarget: target }),
      { name: "config", ok: false, level: "error", detail: isLanesError(e) ? e.message : errorMessage(e), fix: isLanesError(e) ? e.hint : void 0 }
    ];
  }
}
async function targetCheck(repo, target) {
  const r2 = await git(repo.worktreeRoot, ["rev-parse", "--verify", "--quiet", `refs/heads/${target}^{commit}`], { readOnly: true, okCodes: [1, 128] });
  if (r2.exitCode === 0) return { name: "target", ok: true, level: "info", detail: `branch ${target} at ${r2.stdout.trim().slice(0, 12)}` };
  return {
    name: "target",
    ok: false,
    level: "error",
    detail: `the target branch ${target} does not exist`,
    fix: `Create it (git branch ${target}) or set "target" in .lanes/config.json to the branch lanes should land on.`
  };
}
async function cleanCheck(repo) {
  const out = (await git(repo.mainRoot, ["status", "--porcelain", "-z", "--untracked-files=no"], { readOnly: true })).stdout;
  const files = [];
  const parts = out.split("\0");
  for (let i = 0; i < parts.length; i++) {
    const e = parts[i];
    if (e.length < 4) continue;
    files.push(e.slice(3));
    if (e[0] === "R" || e[0] === "C") i++;
  }
  if (files.length === 0) return { name: "main worktree", ok: true, level: "info", detail: "clean" };
  const shown = files.slice(0, 10).join(", ") + (files.length > 10 ? `, and ${files.length - 10} more` : "");
  return {
    name: "main worktree",
    ok: false,
    level: "warn",
    detail: `${files.length} uncommitted change${files.length === 1 ? "" : "s"} in ${repo.mainRoot}: ${shown}`,
    fix: "Commit or stash them: Lanes will not advance a checked-out target branch over uncommitted changes."
  };
}
async function stateDirCheck(repo) {
  const name = "state dir";
  let st2;
  try {
    st2 = await fs10.promises.lstat(repo.stateDir);
  } catch (e) {
    if (e.code === "ENOENT") return { name, ok: true, level: "info", detail: `${repo.stateDir} (created on first use)` };
    throw e;
  }
  if (st2.isSymbolicLink()) {
    return {
      name,
      ok: false,
      level: "error",
      detail: `${repo.stateDir} is a symlink; Lanes refuses to keep its state through one`,
      fix: `Remove the symlink (rm ${repo.stateDir}); Lanes recreates the directory.`
    };
  }
  if (!st2.isDirectory()) {
    return { name, ok: false, level: "error", detail: `${repo.stateDir} is not a directory`, fix: `Move ${repo.stateDir} out of the way.` };
  }
  return { name, ok: true, level: "info", detail: repo.stateDir };
}
async function worktreesDirCheck(repo, cfg) {
  const name = "worktrees dir";
  const root = fs10.realpathSync(repo.mainRoot);
  const want = path11.join(root, cfg.worktrees.dir);
  let existing = want;
  while (!fs10.lstatSync(existing, { throwIfNoEntry: false }) && existing !== root) existing = path11.dirname(existing);
  let real;
  try {
    real = await fs10.promises.realpath(existing);
  } catch {
    return {
      name,
      ok: false,
      level: "error",
      detail: `${path11.relative(root, existing)} is a dangling symlink`,
      fix: "Replace it with a real directory inside the repository."
    };
  }
  if (real === root || real.startsWith(root + path11.sep)) return { name, ok: true, level: "info", detail: want };
  return {
    name,
    ok: false,
    level: "error",
    detail: `${path11.relative(root, existing) || existing} resolves to ${real}, outside the repository`,
    fix: `Replace the symlink with a real directory, or set "worktrees.dir" in .lanes/config.json to a path inside the repository.`
  };
}
function resourceChecks(res, cfg, laneDiskMb) {
  const r2 = cfg.resources;
  const out = [];
  const cpuDetail = `${res.cpus} CPU${res.cpus === 1 ? "" : "s"}, load ${res.load1} (${res.load_per_cpu} per CPU)`;
  out.push(
    res.load_per_cpu > r2.max_load_per_cpu ? {
      name: "cpu",
      ok: false,
      level: "warn",
      detail: `${cpuDetail}, above the ${r2.max_load_per_cpu} per CPU limit`,
      fix: "Wait for other work to finish, or raise resources.max_load_per_cpu in .lanes/config.json."
    } : { name: "cpu", ok: true, level: "info", detail: cpuDetail }
  );
  const need = r2.min_free_memory_mb + r2.memory_per_agent_mb;
  const memDetail = `${res.mem_available_mb} MB available of ${res.mem_total_mb} MB`;
  out.push(
    res.mem_available_mb < need ? {
      name: "memory",
      ok: false,
      level: "warn",
      detail: `${memDetail}: less than one agent (${r2.memory_per_agent_mb} MB) above the ${r2.min_free_memory_mb} MB floor`,
      fix: "Close other programs, or lower resources.min_free_memory_mb / memory_per_agent_mb in .lanes/config.json."
    } : { name: "memory", ok: true, level: "info", detail: memDetail }
  );
  const lane = r2.disk_per_lane_mb || laneDiskMb;
  const diskDetail = `${res.disk_free_mb} MB free of ${res.disk_total_mb} MB at ${res.disk_path}${lane ? `; a lane needs about ${lane} MB` : ""}`;
  if (res.sources.disk === "unavailable") {
    out.push({ name: "disk", ok: false, level: "warn", detail: `could not measure free disk space at ${res.disk_path}` });
  } else if (res.disk_free_mb < r2.min_free_disk_mb) {
    out.push({
      name: "disk",
      ok: false,
      level: "error",
      detail: `${diskDetail}: below the ${r2.min_free_disk_mb} MB floor`,
      fix: "Free disk space, or lower resources.min_free_disk_mb in .lanes/config.json."
    });
  } else if (lane && res.disk_free_mb < r2.min_free_disk_mb + lane) {
    out.push({ name: "disk", ok: false, level: "warn", detail: `${diskDetail}: not enough for one more lane above the ${r2.min_free_disk_mb} MB floor`, fix: "Free disk space." });
  } else {
    out.push({ name: "disk", ok: true, level: "info", detail: diskDetail });
  }
  return out;
}

// src/render/doctor.ts
function renderDoctor(d2) {
  const lines = d2.checks.map((c3) => `${c3.ok ? "ok  " : c3.level === "error" ? "FAIL" : "warn"} ${c3.name}: ${c3.detail}${!c3.ok && c3.fix ? `
     fix: ${c3.fix}` : ""}`);
  lines.push(`Recommended parallelism: ${d2.parallelism.parallelism} (${d2.parallelism.reason})`);
  lines.push(d2.ok ? "Lanes can run here." : "Lanes cannot run here until the failed checks are fixed.");
  return lines.join("\n");
}

// src/render/status.ts
var MARK = { planned: ".", in_progress: ">", done: "+", blocked: "!", failed: "x" };
var COLOR = { planned: 90, in_progress: 36, done: 32, blocked: 33, failed: 31 };
function renderStatus2(s, opts = {}) {
  const now = opts.now ?? Date.now();
  const paint = (code, t2) => opts.color && code ? `\x1B[${code}m${t2}\x1B[0m` : t2;
  const bold = (t2) => opts.color ? `\x1B[1m${t2}\x1B[0m` : t2;
  const ago = (iso) => iso ? `${dur(now - Date.parse(iso))} ago` : "-";
  const lines = [];
  const at2 = s.target_sha ? ` @ ${s.target_sha.slice(0, 8)}` : " (no commits)";
  lines.push(`${bold("Lanes status")} for ${s.repo}  (target ${s.target}${at2})  ${clock(s.generated_at)}, took ${s.took_ms} ms`);
  if (!s.plan) lines.push(`${bold("Plan")}: none yet (lanes plan <tasks file>)`);
  else {
    const p2 = s.plan;
    const b3 = p2.by_status;
    const counts = ["done", "in_progress", "planned", "blocked", "failed"].map((k2) => paint(b3[k2] ? COLOR[k2] : void 0, `${b3[k2]} ${k2.replace("_", " ")}`));
    lines.push(`${bold("Plan")}: ${p2.tasks} tasks ${bar(p2.progress, 20)} ${Math.round(p2.progress * 100)}%  ${counts.join(", ")}  (parallelism ${p2.parallelism}, predicted speedup ${p2.speedup}x)`);
    for (const w2 of p2.waves) {
      const items = w2.tasks.map((t2) => paint(COLOR[t2.status], `${MARK[t2.status] ?? "?"}${t2.id}${t2.status === "in_progress" && t2.owner ? `@${t2.owner}` : ""}`));
      lines.push(`  wave ${w2.wave}  ${w2.done}/${w2.tasks.length}  ${items.join("  ")}`);
    }
    lines.push(`  (+ done  > in progress  . planned  ! blocked  x failed)${p2.conflicts.length ? `  ${p2.conflicts.length} conflicting pair${p2.conflicts.length === 1 ? "" : "s"} never run together` : ""}`);
  }
  if (s.run) {
    const r3 = s.run;
    const counts = Object.entries(r3.tasks).map(([k2, n]) => `${n} ${k2}`).join(", ");
    const when = r3.state !== "running" && r3.finished_at ? `(stopped ${ago(r3.finished_at)})` : r3.started_at ? `since ${clock(r3.started_at)} (${ago(r3.started_at)})` : "";
    const with_ = [r3.parallelism ? `parallelism ${r3.parallelism}` : "", r3.agent ? `agent ${r3.agent}` : ""].filter(Boolean).join(", ");
    lines.push(`${bold("Run")}${r3.id ? ` ${r3.id}` : ""}: ${r3.state} ${when}${with_ ? `, ${with_}` : ""}${counts ? `: ${counts}` : ""}`);
    const busy = r3.items.filter((i) => i.state === "running" || i.state === "retry" || i.state === "starting");
    if (busy.length) lines.push(`  working: ${busy.map((i) => `${i.task} (${i.state}${i.attempts > 1 ? `, attempt ${i.attempts}` : ""}${i.since ? `, ${dur(now - Date.parse(i.since))}` : ""})`).join("  ")}`);
    for (const i of r3.items.filter((x3) => x3.state === "blocked" && x3.reason).slice(0, 5)) lines.push(paint(33, `  blocked ${i.task}: ${i.reason}`));
  }
  lines.push(`${bold("Lanes")}: ${s.lanes.length ? s.lanes.length : "none"}`);
  if (s.lanes.length) {
    const rows = s.lanes.map((l3) => laneRow(l3, now));
    lines.push(...table(["TASK", "LANE", "TASK STATE", "DIRTY", "AHEAD/BEHIND", "AGE", "ACTIVE", "OWNER"], rows).map((l3) => `  ${l3}`));
    for (const l3 of s.lanes) if (l3.problem) lines.push(paint(33, `  ! ${l3.task_id ?? l3.path}: ${l3.problem}`));
  }
  const owners = new Set(s.claims.map((c3) => c3.owner)).size;
  lines.push(`${bold("Claims")}: ${s.claims.length ? `${s.claims.length} (${owners} owner${owners === 1 ? "" : "s"})` : "none"}`);
  const shown = s.claims.slice(0, 12);
  lines.push(...table(["OWNER", "MODE", "PATTERN", "UNTIL"], shown.map((c3) => [c3.owner, c3.mode, c3.pattern, clock(c3.expires_at)])).map((l3) => `  ${l3}`).slice(shown.length ? 0 : 1));
  if (s.claims.length > shown.length) lines.push(`  ... and ${s.claims.length - shown.length} more (lanes claims)`);
  const m2 = s.merge;
  const proc = m2.processor.running ? `processor running (pid ${m2.processor.pid ?? "?"}${m2.processor.since ? `, since ${clock(m2.processor.since)}` : ""})` : "no processor running";
  lines.push(`${bold("Merge queue")}: ${m2.queue.length ? `${m2.queue.length} waiting` : "empty"}, ${proc}${m2.recent.length ? `, recent failure rate ${Math.round(m2.recent_failure_rate * 100)}%` : ""}`);
  for (const e of m2.queue) lines.push(`  ${e.position ?? "-"}. ${e.task}  ${paint(e.state === "queued" ? void 0 : 36, e.state)}${queueNote(e)}`);
  if (m2.recent.length) {
    lines.push(`  recent: ${m2.recent.map((e) => paint(e.state === "landed" ? 32 : e.state === "failed" ? 31 : 90, `${e.task} ${e.state}${e.landed_as ? ` ${e.landed_as.slice(0, 8)}` : ""}`)).join("  ")}`);
    const failed = m2.recent.find((e) => e.state === "failed" && e.last_error);
    if (failed) lines.push(paint(31, `  last failure (${failed.task}): ${failed.last_error.split("\n")[0]}`));
  }
  const r2 = s.resources;
  lines.push(`${bold("Resources")}: ${r2.cpus} CPUs, load ${r2.load1.toFixed(2)}; memory ${r2.mem_available_mb} MB available of ${r2.mem_total_mb}; disk ${r2.disk_free_mb} MB free`);
  if (s.recent_events.length) {
    lines.push(bold("Recent events:"));
    for (const e of s.recent_events.slice().reverse()) lines.push(`  ${clock(e.ts)} ${e.type}${e.task ? ` ${e.task}` : ""}${e.text ? ` ${e.text}` : ""}`);
  }
  for (const p2 of s.problems) lines.push(paint(33, `! could not read ${p2}`));
  return (opts.width ? lines.map((l3) => clip(l3, opts.width)) : lines).join("\n");
}
function laneRow(l3, now) {
  const ab = l3.ahead === void 0 ? "-" : `${l3.ahead}/${l3.behind ?? 0}`;
  const dirty = l3.missing ? l3.state === "starting" ? "-" : "missing" : l3.dirty_count ? `${l3.dirty_count}${l3.untracked_count ? ` (${l3.untracked_count} new)` : ""}` : "clean";
  const name = l3.kind === "foreign" ? `(${l3.branch ?? l3.path})` : l3.task_id ?? "?";
  return [
    name,
    l3.kind === "foreign" ? "foreign" : l3.state ?? "-",
    l3.task_status?.replace("_", " ") ?? "-",
    dirty,
    ab,
    l3.age_s === void 0 ? "-" : dur(l3.age_s * 1e3),
    l3.last_activity ? `${dur(now - Date.parse(l3.last_activity))} ago` : "-",
    l3.owner ?? "-"
  ];
}
function queueNote(e) {
  const parts = [];
  if (e.waited_ms !== void 0 && e.state === "queued") parts.push(`waited ${dur(e.waited_ms)}`);
  if (e.attempts > 1) parts.push(`attempt ${e.attempts}`);
  if (e.waiting_for?.length) parts.push(`waits for ${e.waiting_for.join(", ")}`);
  if (e.conflicts) parts.push(`${e.conflicts} likely conflict${e.conflicts === 1 ? "" : "s"}`);
  if (e.kind === "revert") parts.push("revert");
  return parts.length ? `  (${parts.join("; ")})` : "";
}
function table(head, rows) {
  const w2 = head.map((h3, i) => Math.max(h3.length, ...rows.map((r2) => (r2[i] ?? "").length)));
  const line = (r2) => r2.map((c3, i) => i === r2.length - 1 ? c3 : c3.padEnd(w2[i])).join("  ").trimEnd();
  return [line(head), ...rows.map(line)];
}
function bar(frac, n) {
  const full = Math.round(Math.min(1, Math.max(0, frac)) * n);
  return `[${"#".repeat(full)}${"-".repeat(n - full)}]`;
}
function dur(ms2) {
  const s = Math.max(0, Math.round(ms2 / 1e3));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h${String(Math.floor(s % 3600 / 60)).padStart(2, "0")}m`;
  return `${Math.floor(s / 86400)}d${Math.floor(s % 86400 / 3600)}h`;
}
function clock(iso) {
  const d2 = new Date(iso);
  if (Number.isNaN(d2.getTime())) return iso;
  return [d2.getHours(), d2.getMinutes(), d2.getSeconds()].map((n) => String(n).padStart(2, "0")).join(":");
}
function clip(line, width) {
  const visible = line.replace(/\x1b\[[0-9;]*m/g, "");
  if (visible.length <= width) return line;
  let out = "";
  let cols = 0;
  for (let i = 0; i < line.length && cols < width - 1; i++) {
    const esc = line[i] === "\x1B" ? /^\x1b\[[0-9;]*m/.exec(line.slice(i)) : null;
    if (esc) {
      out += esc[0];
      i += esc[0].length - 1;
      continue;
    }
    out += line[i];
    cols++;
  }
  return `${out}\u2026${visible.length !== line.length ? "\x1B[0m" : ""}`;
}

export {
  VERSION,
  readResources,
  operationInProgress,
  MERGE_DOC,
  STRATEGIES,
  ENTRY_STATES,
  emptyQueue,
  queueOf,
  mergeStatus,
  cancelMerge,
  queueRevert,
  queueMerge,
  processMergeQueue,
  status,
  recommendParallelism,
  planWork,
  renderPlan,
  renderPlanWork,
  cleanupLanes,
  listLanes,
  renderQueued,
  renderStatus,
  renderProcessed,
  checkResources,
  renderDoctor,
  renderStatus2
};

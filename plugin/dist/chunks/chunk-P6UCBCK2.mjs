#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs = require("node:fs");
var path = require("node:path");
var fs2 = require("node:fs");
var path2 = require("node:path");
var fs6 = require("node:fs");
var fs3 = require("node:fs");
var path3 = require("node:path");
var fs5 = require("node:fs");
var fs4 = require("node:fs");
var fs7 = require("node:fs");
var path4 = require("node:path");
var crypto = require("node:crypto");
var fs8 = require("node:fs");
import {
  logReclaimed
} from "./chunk-WBPZ3C4H.mjs";
import {
  fetchWork
} from "./chunk-QRLVTEHX.mjs";
import {
  ignoredAmong,
  ignoredFilesUnder,
  ignoredMatching,
  untrackedMatching
} from "./chunk-CSEEOK7H.mjs";
import {
  CLAIMS_DOC,
  claimInTx,
  conflictError,
  conflictsFor,
  parseClaimRequest,
  reclaimDoc,
  releaseOwnerInTx,
  releasePortsInTx,
  sane
} from "./chunk-UU23BLVG.mjs";
import {
  isPlainScope
} from "./chunk-ALOFWVRK.mjs";
import {
  branchTip,
  branchTipFiles,
  refExistsFiles,
  worktreeHeadCommit
} from "./chunk-5ICCUVIX.mjs";
import {
  OWNERS_DOC,
  TASKS_DOC,
  applyTaskUpdate,
  assertAuthority,
  describeLiveness,
  ownerLiveness,
  readOwners,
  readPlan,
  requirePlan,
  requireTask,
  setStatus,
  touchOwnerInTx
} from "./chunk-6TI4QRGQ.mjs";
import {
  killProcessGroup,
  runCommand
} from "./chunk-PR5W4QLA.mjs";
import {
  ZERO_SHA,
  commitsLostWith,
  contentLanded,
  createRef,
  deleteRefCas,
  independentCommits,
  isAncestor,
  presentCommits,
  refSha,
  reflogCommits,
  resolveCommit,
  revInputProblem,
  snapshotWorktree,
  stashCreate,
  statusPorcelain
} from "./chunk-AAYR2TCU.mjs";
import {
  lanePathFor,
  lanesDir,
  realpathOrUndefined
} from "./chunk-DTMKN5XL.mjs";
import {
  filesAt,
  git
} from "./chunk-5IGYGQZY.mjs";
import {
  LANES_DOC,
  REMOVE_OP,
  START_OP,
  archiveRef,
  assertOwner,
  assertTaskId,
  backupRef,
  laneBranch,
  laneRef,
  lockReason,
  taskOwner
} from "./chunk-ONL4JA75.mjs";
import {
  isInside
} from "./chunk-TKZFUNKZ.mjs";
import {
  safeText
} from "./chunk-EFR7W7QO.mjs";
import {
  holdsLock,
  withLock
} from "./chunk-566HZB6Q.mjs";
import {
  act
} from "./chunk-UE4A2DQB.mjs";
import {
  failpoint,
  pidAlive,
  writeFileAtomic
} from "./chunk-PCFNT4JQ.mjs";
import {
  log
} from "./chunk-XNIKMWZT.mjs";
import {
  LanesError,
  errorMessage
} from "./chunk-OBLF3P63.mjs";
import {
  __commonJS,
  __toESM
} from "./chunk-4WZSK4NS.mjs";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path5, { windows } = {}) => {
      const segs = path5.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/git/worktree.ts
var HALF_MADE_ADMIN = /failed to read .*worktrees\/[^/]+\/(commondir|gitdir)|worktrees\/[^/]+\/(commondir|gitdir).*(No such file|invalid)/i;
async function worktreeListing(cwd) {
  for (let attempt = 1; ; attempt++) {
    const r = await git(cwd, ["worktree", "list", "--porcelain", "-z"], { readOnly: true, okCodes: [128] });
    if (r.exitCode === 0) return r.stdout;
    if (attempt >= 8 || !HALF_MADE_ADMIN.test(r.stderr)) {
      return (await git(cwd, ["worktree", "list", "--porcelain", "-z"], { readOnly: true })).stdout;
    }
    await new Promise((res) => setTimeout(res, 5 * attempt));
  }
}
async function listWorktrees(cwd) {
  const out = await worktreeListing(cwd);
  const list = [];
  let cur;
  for (const field of out.split("\0")) {
    if (field === "") {
      if (cur) list.push(cur);
      cur = void 0;
      continue;
    }
    const sp = field.indexOf(" ");
    const key = sp < 0 ? field : field.slice(0, sp);
    const val = sp < 0 ? "" : field.slice(sp + 1);
    if (key === "worktree") {
      if (cur) list.push(cur);
      cur = { path: val, detached: false, bare: false };
      continue;
    }
    if (!cur) continue;
    if (key === "HEAD") cur.head = val;
    else if (key === "branch") cur.branch = val;
    else if (key === "detached") cur.detached = true;
    else if (key === "bare") cur.bare = true;
    else if (key === "locked") cur.locked = val;
    else if (key === "prunable") cur.prunable = val;
  }
  if (cur) list.push(cur);
  return list;
}
async function checkoutSettings(cwd, commonDir) {
  const r = await git(cwd, ["config", "--get-regexp", "^(checkout\\.workers|core\\.hookspath)$"], { readOnly: true, okCodes: [1] });
  const keys = new Set(
    r.stdout.split("\n").map((l) => l.split(" ")[0]?.toLowerCase()).filter(Boolean)
  );
  let hook = keys.has("core.hookspath");
  if (!hook) {
    try {
      fs.accessSync(path.join(commonDir, "hooks", "post-checkout"), fs.constants.X_OK);
      hook = true;
    } catch {
      hook = false;
    }
  }
  return { configArgs: keys.has("checkout.workers") ? [] : ["-c", "checkout.workers=0"], postCheckoutHook: hook };
}
async function addWorktree(cwd, o) {
  await git(cwd, [
    ...o.configArgs ?? [],
    "worktree",
    "add",
    "--quiet",
    "--lock",
    "--reason",
    o.lockReason,
    "--no-track",
    ...o.noCheckout ? ["--no-checkout"] : [],
    "-b",
    o.branch,
    "--",
    o.path,
    o.commit
  ]);
}
async function addPlainWorktree(cwd, o) {
  await git(cwd, ["worktree", "add", "--quiet", "--no-track", "-b", o.branch, "--", o.path, o.commit]);
}
async function checkoutWorktree(worktree, commit, settings = {}) {
  await git(worktree, [...settings.configArgs ?? [], "reset", "--hard", "--quiet", "--no-recurse-submodules"]);
  if (settings.postCheckoutHook !== false)
    await git(worktree, ["hook", "run", "--ignore-missing", "post-checkout", "--", ZERO_SHA, commit, "1"]);
}
async function removeWorktree(cwd, worktree, opts = {}) {
  const r = await git(cwd, ["worktree", "remove", ...opts.force ? ["--force"] : [], "--", worktree], { okCodes: [128, 1] });
  if (r.exitCode === 0) return { ok: true };
  return { ok: false, reason: (r.stderr.trim() || r.stdout.trim()).replace(/^fatal: /, "") };
}
async function forceRemoveWorktree(cwd, worktree) {
  await git(cwd, ["worktree", "remove", "--force", "--force", "--", worktree], { okCodes: [128] });
}
async function lockWorktree(cwd, worktree, reason) {
  await git(cwd, ["worktree", "lock", "--reason", reason, "--", worktree], { okCodes: [128] });
}
async function unlockWorktree(cwd, worktree) {
  await git(cwd, ["worktree", "unlock", "--", worktree], { okCodes: [128] });
}
function adminDirFor(commonDir, worktree) {
  const root = path.join(commonDir, "worktrees");
  let names;
  try {
    names = fs.readdirSync(root);
  } catch {
    return void 0;
  }
  const want = path.join(path.resolve(worktree), ".git");
  for (const name of names) {
    const dir = path.join(root, name);
    try {
      if (fs.readFileSync(path.join(dir, "gitdir"), "utf8").trim() === want) return dir;
    } catch {
    }
  }
  return void 0;
}
function removeAdminEntry(commonDir, worktree) {
  if (fs.existsSync(worktree)) {
    throw new LanesError("UNSAFE", `Refusing to drop git's record of ${worktree}: the directory still exists.`, {
      hint: "Remove the worktree with `git worktree remove` (or `lanes remove`) instead."
    });
  }
  const dir = adminDirFor(commonDir, worktree);
  if (!dir) return false;
  const root = path.join(commonDir, "worktrees");
  if (path.dirname(dir) !== root || fs.lstatSync(dir).isSymbolicLink()) {
    throw new LanesError("UNSAFE", `Unexpected worktree admin directory ${dir}.`, {
      hint: "Inspect it by hand; Lanes removes only plain entries under <git dir>/worktrees."
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
  try {
    fs.rmdirSync(root);
  } catch {
  }
  return true;
}
function worktreeHeadRef(adminDir) {
  return `worktrees/${path.basename(adminDir)}/HEAD`;
}
function worktreeHeadBranch(adminDir) {
  try {
    const m = /^ref: (refs\/\S+)\s*$/.exec(fs.readFileSync(path.join(adminDir, "HEAD"), "utf8"));
    return m?.[1];
  } catch {
    return void 0;
  }
}
function worktreeLockReason(adminDir) {
  let text;
  try {
    text = fs.readFileSync(path.join(adminDir, "locked"), "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
  return text.replace(/\r?\n$/, "");
}
function worktreeOperation(adminDir) {
  const probes = [
    ["rebase-merge", "a rebase"],
    ["rebase-apply", "a rebase (or git am)"],
    ["MERGE_HEAD", "a merge"],
    ["CHERRY_PICK_HEAD", "a cherry-pick"],
    ["REVERT_HEAD", "a revert"],
    ["BISECT_LOG", "a bisect"]
  ];
  for (const [file, what] of probes) if (fs.existsSync(path.join(adminDir, file))) return what;
  return void 0;
}

// src/core/lanes/gitlock.ts
function withGitLock(repo, purpose, fn) {
  if (holdsLock(repo.stateDir, "git")) return fn();
  return withLock(repo.stateDir, "git", () => fn(), { purpose });
}
function ensureExcluded(repo, relDir) {
  const line = `/${relDir.split("/").filter((s) => s !== "" && s !== ".").join("/")}/`;
  addExcludes(repo, [line], "Lanes worktrees (one per task)");
}
function excludeSetupOutputs(repo, untracked) {
  const lines = untracked.filter((p) => !/[*?[\]\\!#]|^\s|\s$/.test(p)).map((p) => `/${p}`);
  addExcludes(repo, lines, 'Lanes: made by the setup commands (.lanes/config.json "setup")');
  return lines;
}
function addExcludes(repo, lines, comment) {
  const file = path2.join(repo.commonDir, "info", "exclude");
  let text = "";
  try {
    text = fs2.readFileSync(file, "utf8");
  } catch {
    fs2.mkdirSync(path2.dirname(file), { recursive: true });
  }
  const have = new Set(text.split("\n").map((l) => l.trim()));
  const add = lines.filter((l) => !have.has(l));
  if (add.length === 0) return;
  const sep = text === "" || text.endsWith("\n") ? "" : "\n";
  writeFileAtomic(file, `${text}${sep}# ${comment}
${add.join("\n")}
`, 420);
}

// src/core/lanes/recover.ts

// src/core/lanes/probe.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
function procCwd(pid) {
  try {
    return fs3.readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return void 0;
  }
}
function haveProc() {
  return fs3.existsSync("/proc/self/cwd");
}
function processesIn(dir) {
  if (!haveProc()) return [];
  const out = [];
  let names;
  try {
    names = fs3.readdirSync("/proc");
  } catch {
    return [];
  }
  for (const n of names) {
    if (!/^\d+$/.test(n)) continue;
    const pid = Number(n);
    if (pid === process.pid) continue;
    const cwd = procCwd(pid);
    if (cwd && isInside(dir, cwd.replace(/ \(deleted\)$/, ""))) out.push(pid);
  }
  return out;
}
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function settleCheckout(commonDir, worktree, maxMs = 3e4) {
  const admin = adminDirFor(commonDir, worktree);
  if (!admin) return { complete: false };
  const lock = path3.join(admin, "index.lock");
  const end = Date.now() + maxMs;
  while (fs3.existsSync(lock) && Date.now() < end) {
    if (haveProc() && processesIn(worktree).length === 0) break;
    await sleep(50);
  }
  return { admin, complete: fs3.existsSync(path3.join(admin, "index")) && !fs3.existsSync(lock) };
}
async function diskUsage(dir) {
  let total = 0;
  const walk = async (d) => {
    let entries;
    try {
      entries = await fs3.promises.readdir(d, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries.map(async (e) => {
        const p = path3.join(d, e.name);
        try {
          const st = await fs3.promises.lstat(p);
          total += st.blocks !== void 0 ? st.blocks * 512 : st.size;
          if (e.isDirectory()) await walk(p);
        } catch {
        }
      })
    );
  };
  await walk(dir);
  return total;
}
function disposableMatcher(patterns) {
  const anyPart = patterns.filter((p) => !p.replace(/\/$/, "").includes("/")).map((p) => p.replace(/\/$/, ""));
  const rooted = patterns.filter((p) => p.replace(/\/$/, "").includes("/")).map((p) => p.replace(/^\//, "").replace(/\/$/, ""));
  const part = anyPart.length ? (0, import_picomatch.default)(anyPart, { dot: true }) : () => false;
  const lead = rooted.length ? (0, import_picomatch.default)(rooted, { dot: true }) : () => false;
  return (rel) => {
    const parts = rel.replace(/\/$/, "").split("/");
    for (let i = 0; i < parts.length; i++) {
      if (part(parts[i])) return true;
      if (lead(parts.slice(0, i + 1).join("/"))) return true;
    }
    return false;
  };
}
var MTIME_SLACK_MS = 1e3;
function untouchedCopy(lane, mainRoot, rel, readyAt) {
  const mine2 = path3.join(lane, rel);
  const theirs = path3.join(mainRoot, rel);
  try {
    const a = fs3.lstatSync(mine2);
    if (readyAt && a.mtimeMs < Date.parse(readyAt) - MTIME_SLACK_MS) return true;
    const b = fs3.lstatSync(theirs);
    if (a.isSymbolicLink() || b.isSymbolicLink())
      return a.isSymbolicLink() && b.isSymbolicLink() && fs3.readlinkSync(mine2) === fs3.readlinkSync(theirs);
    if (!a.isFile() || !b.isFile() || a.size !== b.size) return false;
    return fs3.readFileSync(mine2).equals(fs3.readFileSync(theirs));
  } catch {
    return false;
  }
}
async function ignoredAtRisk(lane, mainRoot, o) {
  const disposable = disposableMatcher(o.disposable);
  const included = new Set(o.included ?? []);
  const entries = await ignoredMatching(lane);
  const paths = [];
  const judge = (rel) => {
    if (disposable(rel)) return;
    if (included.has(rel) && untouchedCopy(lane, mainRoot, rel, o.readyAt)) return;
    paths.push(rel);
  };
  for (const rel of entries) {
    if (rel.endsWith("/") && !disposable(rel) && [...included].some((i) => i.startsWith(rel))) {
      for (const f of await ignoredFilesUnder(lane, rel)) judge(f);
      continue;
    }
    judge(rel);
  }
  return { paths: paths.sort() };
}

// src/core/lanes/teardown.ts

// src/core/lanes/assess.ts
var LIST_LIMIT = 20;
async function assessLane(project, lane, task) {
  const root = project.repo.mainRoot;
  const exists = fs4.existsSync(lane.path);
  const admin = adminDirFor(project.repo.commonDir, lane.path);
  const headRef = admin ? worktreeHeadRef(admin) : void 0;
  const dropping = laneRef(lane.task);
  const commonDir = project.repo.commonDir;
  const [tip, head, targetSha, dirty, reflogged, ignored] = await Promise.all([
    branchTip(root, commonDir, laneBranch(lane.task)),
    admin ? worktreeHeadCommit(root, commonDir, admin) : Promise.resolve(void 0),
    targetTip(root, commonDir, lane.target).catch(() => void 0),
    exists ? statusPorcelain(lane.path).catch(() => []) : Promise.resolve([]),
    Promise.all([reflogCommits(root, dropping), headRef ? reflogCommits(root, headRef) : []]),
    exists ? ignoredFiles(project, lane) : Promise.resolve([])
  ]);
  const locked = admin ? worktreeLockReason(admin) : void 0;
  const a = { exists, dirty, unlanded: [], reflogOnly: [], ignored: [] };
  if (tip) a.tip = tip;
  if (head) a.head = head;
  const hb = admin ? worktreeHeadBranch(admin) : void 0;
  if (hb) a.headBranch = hb;
  if (targetSha) a.targetSha = targetSha;
  const landedAs = task?.landed_as && targetSha ? await landingCommit(root, task.landed_as, targetSha) : void 0;
  const landed = async (t) => t === lane.base || targetSha !== void 0 && await isAncestor(root, t, targetSha) || landedAs !== void 0 && await contentLanded(root, t, landedAs) !== false;
  if (!tip) a.landedBy = "no-branch";
  else if (tip === lane.base) a.landedBy = "no-commits";
  else if (targetSha && await isAncestor(root, tip, targetSha)) a.landedBy = "ancestor";
  else if (landedAs && await contentLanded(root, tip, landedAs) !== false) a.landedBy = "landed_as";
  const live = [...new Set([tip, head].filter((t) => t !== void 0))];
  const open = [];
  const closed = [];
  for (const t of live) ((t === tip ? a.landedBy !== void 0 : await landed(t)) ? closed : open).push(t);
  const not = [...targetSha ? [targetSha] : [], lane.base, ...closed];
  if (open.length) a.unlanded = await commitsLostWith(root, open, { not, dropping, limit: LIST_LIMIT });
  const logged = await presentCommits(root, reflogged.flat());
  const candidates = [...new Set(logged)].filter((c) => !live.includes(c));
  if (candidates.length) {
    const lost = new Set((await commitsLostWith(root, candidates, { not: [...not, ...open], dropping, limit: 1e4 })).map((c) => c.sha));
    const tips = await independentCommits(
      root,
      candidates.filter((c) => lost.has(c))
    );
    for (const t of tips) if (!landedAs || await contentLanded(root, t, landedAs) !== true) a.reflogOnly.push(t);
  }
  if (locked !== void 0 && locked !== lockReason(lane.task)) {
    a.blocked = `it is locked in git by someone else (${locked ? `reason: ${safeText(locked)}` : "no reason given"})`;
  } else if (admin && exists) {
    const op = worktreeOperation(admin);
    if (op) a.blocked = `${op} is in progress in it`;
  }
  a.ignored = ignored;
  return a;
}
async function ignoredFiles(project, lane) {
  const cfg = await project.config();
  const r = await ignoredAtRisk(lane.path, project.repo.mainRoot, {
    disposable: cfg.worktrees.disposable_ignored,
    included: lane.included ?? [],
    ...lane.ready_at ? { readyAt: lane.ready_at } : {}
  });
  return r.paths;
}
async function targetTip(root, commonDir, target) {
  return branchTipFiles(commonDir, target) ?? resolveCommit(root, target);
}
async function landingCommit(root, landedAs, targetSha) {
  const sha = await resolveCommit(root, landedAs).catch(() => void 0);
  return sha && await isAncestor(root, sha, targetSha) ? sha : void 0;
}
function describeDirty(dirty, max = 20) {
  const lines = dirty.slice(0, max).map((e) => `  ${e.code === "??" ? "untracked" : `changed (${e.code.trim()})`}: ${safeText(e.path)}`);
  if (dirty.length > max) lines.push(`  ... and ${dirty.length - max} more`);
  return lines.join("\n");
}
function describeCommits(commits) {
  const lines = commits.map((c) => `  ${c.short} ${safeText(c.subject)}`);
  if (commits.length >= LIST_LIMIT) lines.push("  ... and possibly more");
  return lines.join("\n");
}
function describeIgnored(paths, max = 20) {
  const lines = paths.slice(0, max).map((p) => `  ignored: ${safeText(p)}`);
  if (paths.length > max) lines.push(`  ... and ${paths.length - max} more`);
  return lines.join("\n");
}
function whereCommits(lane, a) {
  if (!a.head || a.head === a.tip) return "";
  if (!a.headBranch) return ` (the worktree's HEAD is detached at ${a.head.slice(0, 12)})`;
  if (a.headBranch !== laneRef(lane.task))
    return ` (the worktree is on ${safeText(a.headBranch.replace(/^refs\/heads\//, ""))}, not ${lane.branch})`;
  return "";
}
function refusalParts(lane, a) {
  const parts = [];
  if (a.blocked) parts.push(a.blocked);
  if (a.dirty.length) parts.push(`it has ${a.dirty.length} uncommitted file${a.dirty.length === 1 ? "" : "s"}:
${describeDirty(a.dirty)}`);
  if (a.unlanded.length)
    parts.push(
      `it has commits not landed on ${lane.target} and kept by no other ref${whereCommits(lane, a)}:
${describeCommits(a.unlanded)}`
    );
  if (a.ignored.length)
    parts.push(
      `it has ${a.ignored.length} ignored file${a.ignored.length === 1 ? "" : "s"} that removal would delete:
${describeIgnored(a.ignored)}`
    );
  return parts;
}
function refusal(lane, a) {
  const parts = refusalParts(lane, a);
  if (!parts.length) return void 0;
  const todo = [];
  if (a.blocked?.includes("in progress")) todo.push("finish or abort the git operation in the lane (e.g. git rebase --continue / --abort)");
  if (a.blocked?.includes("locked")) todo.push(`unlock it (git worktree unlock ${lane.path}) if whoever locked it agrees`);
  if (a.dirty.length || a.unlanded.length)
    todo.push(
      `commit and land the work (${act("queue_merge", { task_id: lane.task })}), or keep a commit with \`git branch <name> <sha>\``
    );
  if (a.ignored.length)
    todo.push(
      "move the ignored files you need out of the lane (or add cache patterns to worktrees.disposable_ignored in .lanes/config.json)"
    );
  return new LanesError("UNSAFE", `Refusing to remove the lane of ${lane.task} (${lane.path}): ${parts.join("\nand ")}`, {
    hint: `${todo.join("; ")}. Or ${act("force_remove", { task_id: lane.task })}, which keeps a backup ref of the commits, the uncommitted changes and these ignored files.`,
    details: { dirty: a.dirty, unlanded: a.unlanded, ignored: a.ignored, ...a.blocked ? { blocked: a.blocked } : {} }
  });
}

// src/core/lanes/teardown.ts
function planTeardown(lane, a, opts = {}) {
  const base = backupRef(lane.task, /* @__PURE__ */ new Date());
  const refs = a.reflogOnly.map((_, i) => `${base}-reflog-${i + 1}`);
  if (opts.force) {
    if (a.tip && a.tip !== lane.base) refs.push(base);
    if (a.head && a.head !== a.tip && a.head !== lane.base) refs.push(`${base}-head`);
    if (a.exists && a.dirty.length) refs.push(`${base}-stash`);
    if (a.exists && (a.dirty.some((e) => e.code === "??") || a.ignored.length)) refs.push(`${base}-worktree`);
  } else if (a.landedBy === "landed_as" && a.tip) refs.push(archiveRef(lane.task));
  const notes = [`would release the claims of task:${lane.task} and drop its lane record`];
  if (a.reflogOnly.length) notes.unshift(`would keep ${a.reflogOnly.length} commit(s) only the reflogs still reach under backup refs`);
  return {
    removed_worktree: true,
    deleted_branch: a.tip !== void 0,
    backup_refs: refs,
    notes,
    released_claims: 0,
    released_ports: [],
    dry_run: true
  };
}
async function teardownLane(project, lane, a, opts = {}) {
  const { repo, store } = project;
  const root = repo.mainRoot;
  const out = {
    removed_worktree: false,
    deleted_branch: false,
    backup_refs: [],
    notes: [],
    released_claims: 0,
    released_ports: []
  };
  const data = {
    task: lane.task,
    token: lane.token,
    path: lane.path,
    ...a.tip ? { tip: a.tip } : {},
    force: opts.force === true
  };
  const entry = await store.journal.begin(REMOVE_OP, data);
  await failpoint("lanes.remove.after-journal");
  try {
    await withGitLock(repo, `remove lane ${lane.task}`, async () => {
      const admin = adminDirFor(repo.commonDir, lane.path);
      const [tip, head] = await Promise.all([
        branchTip(root, repo.commonDir, laneBranch(lane.task)),
        admin ? worktreeHeadCommit(root, repo.commonDir, admin) : void 0
      ]);
      const registered = admin !== void 0;
      const locked = admin ? worktreeLockReason(admin) : void 0;
      if (tip !== a.tip || head !== a.head) {
        const what = tip !== a.tip ? `branch moved (now ${tip?.slice(0, 12) ?? "gone"})` : `worktree's HEAD moved (now ${head?.slice(0, 12) ?? "gone"})`;
        throw new LanesError("CONFLICT", `The ${what} while the lane of ${lane.task} was being removed.`, {
          hint: `Nothing was removed. Look at ${act("list_lanes")} and try again.`
        });
      }
      const saver = backupSaver(project, lane, out, opts.force ? "before forced removal" : "before removal");
      for (const [i, sha] of a.reflogOnly.entries()) {
        await saver.save(`-reflog-${i + 1}`, sha);
      }
      if (a.reflogOnly.length) {
        out.notes.push(
          `${a.reflogOnly.length === 1 ? "a commit" : `${a.reflogOnly.length} lines of commits`} only the reflogs of ${lane.branch} and its worktree still reached (dropped by a reset or amend) kept under ${out.backup_refs.join(", ")}`
        );
      }
      if (opts.force) await forcedBackup(saver, lane, a, out);
      else if (a.landedBy === "landed_as" && a.tip) {
        const ref = archiveRef(lane.task);
        if (await createRef(root, ref, a.tip, `lanes: original commits of squash-landed ${lane.task}`)) out.backup_refs.push(ref);
      }
      if (fs5.existsSync(lane.path)) {
        if (!registered || locked !== void 0) await unlockWorktree(root, lane.path);
        await failpoint("lanes.remove.after-unlock");
        const r = await removeWorktree(root, lane.path, { force: opts.force === true });
        if (!r.ok) {
          if (registered) await lockWorktree(root, lane.path, locked || lockReason(lane.task));
          throw new LanesError("UNSAFE", `git refused to remove ${lane.path}: ${r.reason}`, {
            hint: "Nothing was removed and the lane is locked again. Commit or discard the changes git names, then try again."
          });
        }
        out.removed_worktree = true;
      } else if (registered) {
        out.removed_worktree = removeAdminEntry(repo.commonDir, lane.path);
      }
      await entry.step("worktree-removed");
      await failpoint("lanes.remove.after-worktree");
      if (a.tip) {
        out.deleted_branch = await deleteRefCas(root, laneRef(lane.task), a.tip);
        if (!out.deleted_branch) out.branch_kept = `${lane.branch} moved after it was checked; kept`;
      }
    });
  } catch (e) {
    await entry.done();
    throw e;
  }
  await failpoint("lanes.remove.before-state");
  try {
    await store.transact(async (tx) => {
      const r = dropLaneInTx(tx, lane.task, lane.token, `lane removed${opts.force ? " (forced)" : ""}`);
      out.released_claims = r.claims;
      out.released_ports = r.ports;
      if (r.task_status) out.task_status = r.task_status;
    });
  } catch (e) {
    entry.abandon();
    throw e;
  }
  await entry.done();
  await store.appendEvent("lane.removed", {
    task: lane.task,
    forced: opts.force === true,
    backup_refs: out.backup_refs,
    deleted_branch: out.deleted_branch
  });
  return out;
}
function backupSaver(project, lane, out, why) {
  const base = backupRef(lane.task, /* @__PURE__ */ new Date());
  return {
    base,
    async save(suffix, sha) {
      const name = `${base}${suffix}`;
      if (!await createRef(project.repo.mainRoot, name, sha, `lanes: backup of ${lane.task} ${why}`)) {
        throw new LanesError("GIT", `Could not create the backup ref ${name}.`, {
          hint: "Nothing was removed. Check the repository (git fsck), then try again."
        });
      }
      out.backup_refs.push(name);
    }
  };
}
async function forcedBackup(saver, lane, a, out) {
  if (a.tip && a.tip !== lane.base) await saver.save("", a.tip);
  if (a.head && a.head !== a.tip && a.head !== lane.base) await saver.save("-head", a.head);
  if (a.exists && a.dirty.length) {
    const stash = await stashCreate(lane.path, `lanes: uncommitted changes of ${lane.task}`);
    if (stash) await saver.save("-stash", stash);
  }
  if (a.exists && (a.dirty.some((e) => e.code === "??") || a.ignored.length)) {
    const snap = await snapshotWorktree(
      lane.path,
      `lanes: working tree of ${lane.task} with untracked${a.ignored.length ? " and ignored" : ""} files`,
      { ignored: a.ignored }
    );
    if (snap) await saver.save("-worktree", snap);
  }
  if (a.ignored.length)
    out.notes.push(
      `${a.ignored.length} ignored path(s) (${a.ignored.slice(0, 5).join(", ")}${a.ignored.length > 5 ? ", ..." : ""}) kept in ${saver.base}-worktree`
    );
}
function dropLaneInTx(tx, task, token, note) {
  const claims = releaseOwnerInTx(tx, taskOwner(task));
  const ports = releasePortsInTx(tx, taskOwner(task));
  const doc = tx.get(LANES_DOC);
  if (doc[task]?.token === token) delete doc[task];
  const t = tx.get(TASKS_DOC)[task];
  if (t && t.status === "in_progress") {
    delete t.owner;
    setStatus(t, "planned", { note });
  }
  return { claims, ports, ...t ? { task_status: t.status } : {} };
}

// src/core/lanes/recover.ts
var START_STEPS = ["begin", "claim", "worktree", "setup", "scope", "ready"];
function reached(step, which) {
  return START_STEPS.indexOf(step) >= START_STEPS.indexOf(which);
}
async function rollbackStart(project, d, step) {
  const { repo } = project;
  const rep = { task: d.task, op: START_OP, outcome: "rolled_back", removed_worktree: false, deleted_branch: false };
  const keep = (why) => {
    rep.kept = rep.kept ? `${rep.kept}; ${why}` : why;
  };
  const lane = (await project.store.read(LANES_DOC)).data[d.task];
  const ours = lane?.token === d.token;
  if (reached(step, "worktree")) {
    try {
      await withGitLock(repo, `roll back start of ${d.task}`, async () => {
        if (d.setup_pgid) stopSetup(d.setup_pgid, d.path);
        const registered = (await listWorktrees(repo.mainRoot)).find((w) => w.path === d.path);
        const exists = fs6.existsSync(d.path);
        let gone = !registered && !exists;
        if (registered && !exists) {
          gone = removeAdminEntry(repo.commonDir, d.path);
          rep.removed_worktree = gone;
        } else if (registered) {
          const co = await settleCheckout(repo.commonDir, d.path);
          if (!co.complete) {
            await unlockWorktree(repo.mainRoot, d.path);
            const r = await removeWorktree(repo.mainRoot, d.path, { force: true });
            if (!r.ok) {
              await lockWorktree(repo.mainRoot, d.path, lockReason(d.task));
              keep(`git refused to remove the unfinished checkout: ${r.reason}`);
            }
            gone = rep.removed_worktree = r.ok;
          } else {
            const work = await workIn(d.path, d.base);
            if (work) {
              keep(`${d.path} has changes beyond what setup copied (${work}); kept for you to inspect`);
            } else {
              await unlockWorktree(repo.mainRoot, d.path);
              const r = await removeWorktree(repo.mainRoot, d.path);
              if (!r.ok) {
                await lockWorktree(repo.mainRoot, d.path, lockReason(d.task));
                keep(`git refused to remove it: ${r.reason}`);
              }
              gone = rep.removed_worktree = r.ok;
            }
          }
        } else if (exists) {
          try {
            fs6.rmdirSync(d.path);
            gone = true;
          } catch {
            keep(`${d.path} exists, is not a git worktree and is not empty`);
          }
        }
        if (gone) {
          const tip = await refSha(repo.mainRoot, laneRef(d.task));
          if (tip === d.base) rep.deleted_branch = await deleteRefCas(repo.mainRoot, laneRef(d.task), d.base);
          else if (tip && ours) keep(`branch ${d.branch} moved to ${tip.slice(0, 12)} (not the recorded base); kept`);
        }
      });
    } catch (e) {
      keep(`rollback stopped: ${errorMessage(e)}`);
      rep.error = errorMessage(e);
    }
  }
  if (!ours) {
    if (!rep.removed_worktree && !rep.deleted_branch && !rep.kept) rep.outcome = "nothing";
    else if (rep.kept) rep.outcome = "kept";
    return rep;
  }
  await project.store.transact(async (tx) => {
    const doc = tx.get(LANES_DOC);
    const rec = doc[d.task];
    if (rec?.token !== d.token) return;
    releaseOwnerInTx(tx, taskOwner(d.task));
    releasePortsInTx(tx, taskOwner(d.task));
    const t = tx.get(TASKS_DOC)[d.task];
    if (t && t.status === "in_progress" && t.owner === d.owner && !rec.resumed) {
      delete t.owner;
      setStatus(t, "planned", { note: rep.kept ? `start rolled back; lane kept: ${rep.kept}` : "start rolled back" });
    }
    if (rep.kept) {
      rec.state = "broken";
      rec.problem = rep.kept;
    } else {
      delete doc[d.task];
    }
  });
  if (rep.kept) rep.outcome = "kept";
  await project.store.appendEvent("lane.rolled_back", { task: d.task, kept: rep.kept });
  return rep;
}
async function workIn(worktree, base) {
  const head = await refSha(worktree, "HEAD");
  if (head && head !== base) return `HEAD is at ${head.slice(0, 12)}, not the base`;
  const st = await statusPorcelain(worktree);
  if (st.length === 0) return void 0;
  const shown = st.slice(0, 5).map((e) => `${e.code.trim()} ${e.path}`).join(", ");
  return `${st.length} changed or untracked file${st.length === 1 ? "" : "s"}: ${shown}${st.length > 5 ? ", ..." : ""}`;
}
function stopSetup(pgid, lane) {
  if (!pidAlive(pgid)) return;
  const cwd = procCwd(pgid);
  if (!cwd || !isInside(lane, cwd.replace(/ \(deleted\)$/, ""))) return;
  killProcessGroup(pgid, "SIGKILL");
}
async function finishRemove(project, d) {
  const { repo } = project;
  const rep = { task: d.task, op: REMOVE_OP, outcome: "finished", removed_worktree: false, deleted_branch: false };
  const stillThere = await withGitLock(repo, `finish removal of ${d.task}`, async () => {
    const registered = (await listWorktrees(repo.mainRoot)).find((w) => w.path === d.path);
    if (fs6.existsSync(d.path)) {
      if (registered) await lockWorktree(repo.mainRoot, d.path, lockReason(d.task));
      return true;
    }
    if (registered) rep.removed_worktree = removeAdminEntry(repo.commonDir, d.path);
    if (d.tip) rep.deleted_branch = await deleteRefCas(repo.mainRoot, laneRef(d.task), d.tip);
    return false;
  });
  if (stillThere) {
    rep.outcome = "nothing";
    return rep;
  }
  await project.store.transact(async (tx) => {
    if (tx.get(LANES_DOC)[d.task]?.token !== d.token) return;
    dropLaneInTx(tx, d.task, d.token, "lane removed (finished after a crash)");
  });
  return rep;
}
async function recoverOrphans(project) {
  const ours = (r) => r.op === START_OP || r.op === REMOVE_OP;
  if (!(await project.store.journal.orphans()).some(ours)) return [];
  return withGitLock(project.repo, "recover interrupted lanes operations", async () => {
    const reports = [];
    for (const rec of (await project.store.journal.orphans()).filter(ours)) {
      const entry = await project.store.journal.adopt(rec);
      try {
        const rep = rec.op === START_OP ? await recoverStart(project, rec) : await finishRemove(project, rec.data);
        reports.push(rep);
        await entry.done();
        if (rep.outcome !== "nothing")
          log.warn(`recovered an interrupted ${rec.op} of ${rep.task}: ${rep.outcome}${rep.kept ? ` (${rep.kept})` : ""}`);
      } catch (e) {
        entry.abandon();
        log.error(`could not recover ${rec.op} ${rec.id}`, errorMessage(e));
        reports.push({
          task: String(rec.data.task),
          op: rec.op,
          outcome: "failed",
          removed_worktree: false,
          deleted_branch: false,
          error: errorMessage(e),
          ...e instanceof LanesError ? { code: e.code } : {}
        });
      }
    }
    return reports;
  });
}
async function recoverBeforeStart(project, task) {
  const failed = (await recoverOrphans(project)).find((r) => r.op === START_OP && r.task === task && r.outcome === "failed");
  if (!failed) return;
  const offline = failed.code === "OFFLINE";
  throw new LanesError(
    offline ? "OFFLINE" : "CONFLICT",
    `An earlier start of task "${task}" was cut short and could not be rolled back yet: ${failed.error ?? "unknown error"}`,
    {
      hint: offline ? "It is rolled back by the next lanes command once the remote answers; start the task again then." : `Look at ${act("list_lanes")} and run ${act("cleanup_lanes")}, then start the task again.`
    }
  );
}
async function recoverStart(project, rec) {
  const d = rec.data;
  const lane = (await project.store.read(LANES_DOC)).data[d.task];
  if (lane?.token === d.token && lane.state === "ready") {
    return { task: d.task, op: START_OP, outcome: "finished", removed_worktree: false, deleted_branch: false };
  }
  return rollbackStart(project, d, rec.step);
}

// src/core/lanes/remove.ts
async function removeLane(project, input) {
  const task = assertTaskId(input.task_id);
  if (!input.dryRun) await recoverOrphans(project);
  const doc = (await project.store.read(LANES_DOC)).data;
  const lane = Object.hasOwn(doc, task) ? doc[task] : void 0;
  if (!lane) {
    throw new LanesError("NOT_FOUND", `There is no lane for task "${task}".`, {
      hint: `${act("list_lanes")} shows the lanes (and any foreign worktrees, which Lanes does not remove).`
    });
  }
  if (lane.state === "starting") {
    throw new LanesError("CONFLICT", `The lane of ${task} is still being started by ${lane.owner}.`, {
      hint: `Wait for ${act("start_lane", { task_id: task })} to finish (or fail), then try again.`
    });
  }
  const [{ tasks }, owners] = await Promise.all([readPlan(project.store), readOwners(project.store)]);
  const state = Object.hasOwn(tasks, task) ? tasks[task] : void 0;
  if (input.actor !== void 0 && state?.status !== "done") {
    assertAuthority(owners, {
      actor: assertOwner(input.actor),
      holder: lane.owner,
      what: `The lane of task "${task}"`,
      task,
      ...input.force ? { force: true } : {}
    });
  }
  const a = await assessLane(project, lane, state);
  const refused = refusal(lane, a);
  if (refused && !input.force) throw refused;
  const r = input.dryRun ? planTeardown(lane, a, { force: input.force === true }) : await teardownLane(project, lane, a, { force: input.force === true });
  return { task_id: task, path: lane.path, branch: lane.branch, landed_by: refused ? "forced" : a.landedBy ?? "no-commits", ...r };
}

// src/core/lanes/include.ts
var MAX_PATTERN_BYTES = 256 * 1024;
var PARALLEL = 8;
var { O_RDONLY, O_NOFOLLOW, O_WRONLY, O_CREAT, O_EXCL } = fs7.constants;
async function includedFiles(mainRoot, includeFile) {
  const file = path4.join(mainRoot, includeFile);
  let st;
  try {
    st = fs7.lstatSync(file);
  } catch {
    return { files: [] };
  }
  if (!st.isFile()) return { files: [], problem: `${includeFile} is not a regular file (a symlink?); it was not read` };
  if (st.size > MAX_PATTERN_BYTES)
    return { files: [], problem: `${includeFile} is larger than ${MAX_PATTERN_BYTES} bytes; it was not read` };
  const text = fs7.readFileSync(file, "utf8");
  if (!text.split("\n").some((l) => l.trim() !== "" && !l.startsWith("#"))) return { files: [] };
  const matched = await untrackedMatching(mainRoot, file);
  if (matched.length === 0) return { files: [] };
  const ignored = await ignoredAmong(mainRoot, matched);
  return { files: [...new Set(ignored)].sort() };
}
async function copyIncluded(mainRoot, lane, includeFile) {
  const out = { copied: [], skipped: [], bytes: 0 };
  const { files, problem } = await includedFiles(mainRoot, includeFile);
  if (problem) out.skipped.push({ path: includeFile, reason: problem });
  if (files.length === 0) return out;
  const root = fs7.realpathSync(mainRoot);
  const laneReal = fs7.realpathSync(lane);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const rel = files[next++];
      try {
        const r = await copyOne(root, laneReal, rel);
        if (typeof r === "number") {
          out.copied.push(rel);
          out.bytes += r;
        } else {
          out.skipped.push({ path: rel, reason: r.skipped });
        }
      } catch (e) {
        out.skipped.push({ path: rel, reason: e.message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, files.length) }, worker));
  out.copied.sort();
  return out;
}
async function copyOne(root, lane, rel) {
  if (path4.isAbsolute(rel) || rel.split("/").includes("..")) return { skipped: "not a plain relative path" };
  const src = path4.join(root, rel);
  const dst = path4.join(lane, rel);
  if (realpathOrUndefined(path4.dirname(src)) !== path4.dirname(src)) return { skipped: "a directory on its path is a symlink" };
  const st = await fs7.promises.lstat(src);
  if (!await mkdirsNoFollow(lane, path4.dirname(rel))) return { skipped: "a directory on its path in the lane is a symlink or a file" };
  if (st.isSymbolicLink()) {
    const real = realpathOrUndefined(src);
    if (real === void 0 || !isInside(root, real) || isInside(path4.join(root, ".git"), real)) {
      return { skipped: "symlink leading outside the repository (not followed)" };
    }
    await fs7.promises.symlink(await fs7.promises.readlink(src), dst);
    return 0;
  }
  if (!st.isFile()) return { skipped: "not a regular file" };
  const from = await fs7.promises.open(src, O_RDONLY | O_NOFOLLOW);
  try {
    const fst = await from.stat();
    if (!fst.isFile()) return { skipped: "not a regular file" };
    const to = await fs7.promises.open(dst, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, fst.mode & 511);
    try {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, Math.max(1, fst.size)));
      let total = 0;
      for (; ; ) {
        const { bytesRead } = await from.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        let off = 0;
        while (off < bytesRead) off += (await to.write(buf, off, bytesRead - off)).bytesWritten;
        total += bytesRead;
      }
      await to.chmod(fst.mode & 511);
      return total;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
async function mkdirsNoFollow(base, rel) {
  let cur = base;
  for (const part of rel.split("/")) {
    if (part === "" || part === ".") continue;
    cur = path4.join(cur, part);
    let st;
    try {
      st = await fs7.promises.lstat(cur);
    } catch {
      try {
        await fs7.promises.mkdir(cur);
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
      }
      st = await fs7.promises.lstat(cur);
    }
    if (!st.isDirectory()) return false;
  }
  return true;
}

// src/core/lanes/start.ts

// src/core/lanes/setup.ts
var MESSAGE_TAIL = 2e3;
async function runSetup(commands, cwd, opts = {}) {
  const results = [];
  for (const [i, cmd] of commands.entries()) {
    const r = await runSetupCommand(cmd, cwd, opts);
    results.push(r);
    if (!r.ok) {
      const why = r.timed_out ? `timed out after ${cmd.timeout_seconds} s (its process group was killed)` : r.signal ? `was killed by ${r.signal}` : `exited with code ${r.exit_code}`;
      const tail = r.output_tail.length > MESSAGE_TAIL ? `...${r.output_tail.slice(-MESSAGE_TAIL)}` : r.output_tail;
      throw new LanesError(
        "CONFIG",
        `Setup command "${cmd.name}" (${cmd.command.join(" ")}) ${why}.${tail.trim() ? `
Output (tail):
${tail.trimEnd()}` : ""}`,
        {
          hint: `Fix setup[${i}] in .lanes/config.json or what it depends on, then start the task again.`,
          details: { setup: results }
        }
      );
    }
  }
  return results;
}
async function runSetupCommand(cmd, cwd, opts = {}) {
  const r = await runCommand(cmd.command, {
    cwd,
    env: { ...opts.env, ...cmd.env },
    timeoutMs: cmd.timeout_seconds * 1e3,
    maxOutputBytes: opts.maxOutput ?? 64 * 1024,
    ...opts.onSpawn ? { onSpawn: (pid) => opts.onSpawn(cmd.name, pid) } : {}
  });
  const out = {
    name: cmd.name,
    ok: !r.timedOut && r.exitCode === 0 && !r.error,
    timed_out: r.timedOut,
    ms: r.durationMs,
    output_tail: r.output
  };
  if (r.exitCode !== null) out.exit_code = r.exitCode;
  if (r.signal) out.signal = r.signal;
  return out;
}
async function excludeWhatSetupMade(repo, lane, copied) {
  const made = (await statusPorcelain(lane, { collapseUntracked: true })).filter((e) => e.code === "??" && !copied.includes(e.path)).map((e) => e.path);
  if (made.length === 0) return [];
  const added = await withGitLock(repo, "exclude what setup made", async () => excludeSetupOutputs(repo, made));
  if (added.length) log.info(`excluded what setup made in the lane (in .git/info/exclude): ${added.join(" ")}`);
  return added;
}

// src/core/lanes/owned.ts
function mine(doc, task, token) {
  const rec = doc[task];
  if (rec?.token !== token) {
    throw new LanesError("CONFLICT", `The lane record of ${task} was changed by another process while starting.`, {
      hint: `Look at ${act("list_lanes")}, then start the task again if needed.`
    });
  }
  return rec;
}
async function resumeLane(project, rec, files, o) {
  const { store } = project;
  const out = { reclaimed: [] };
  const claims = await store.transact(async (tx) => {
    const cur = mine(tx.get(LANES_DOC), rec.task, rec.token);
    const t = tx.get(TASKS_DOC)[rec.task];
    if (t?.status !== "in_progress" || t.owner !== o.owner)
      applyTaskUpdate(tx, { id: rec.task, status: "in_progress", owner: o.owner, note: `resumed in lane ${rec.branch}` });
    touchOwnerInTx(tx, { owner: o.owner, ttl_seconds: o.ttl, ...o.pid !== void 0 ? { pid: o.pid } : {} });
    if (files.length) {
      cur.claims = claimInTx(
        tx,
        {
          owner: taskOwner(rec.task),
          task: rec.task,
          paths: files,
          mode: "exclusive",
          ttl_seconds: o.ttl,
          reason: `scope of task ${rec.task}`
        },
        out
      ).map((c) => c.pattern);
    }
    return cur.claims ?? [];
  });
  await logReclaimed(store, out.reclaimed);
  await store.appendEvent("lane.resumed", { task: rec.task, owner: o.owner, path: rec.path });
  return { ...resultOf(rec, true), claims };
}
function resultOf(rec, existing) {
  return {
    task_id: rec.task,
    owner: rec.owner,
    path: rec.path,
    branch: rec.branch,
    base: rec.base,
    base_ref: rec.base_ref,
    target: rec.target,
    claims: rec.claims ?? [],
    included: rec.included ?? [],
    include_skipped: [],
    setup: [],
    existing,
    resumed: existing
  };
}
function laneExists(rec, owners) {
  if (rec.state === "starting") {
    return new LanesError("CONFLICT", `Task "${rec.task}" is already started by ${rec.owner} (its lane is still being set up).`, {
      hint: `Pick another task with ${act("next_tasks")}, or wait and look at ${act("list_lanes")}.`
    });
  }
  if (rec.state === "broken") {
    return new LanesError("CONFLICT", `Task "${rec.task}" has a broken lane at ${rec.path}: ${rec.problem ?? "unknown problem"}.`, {
      hint: `Inspect it, then remove it (\`lanes remove ${rec.task}\`, or --force to keep a backup ref of its work) and start again.`
    });
  }
  const l = ownerLiveness(owners, rec.owner);
  return new LanesError("CONFLICT", `Task "${rec.task}" is already started by ${describeLiveness(l)} (lane ${rec.path}).`, {
    hint: l.live ? `Pick another task with ${act("next_tasks")}, or ask that owner to release it. The same owner starting it again gets the lane back (set LANES_OWNER, or pass owner).` : `Its owner is gone: take it over with ${act("take_task", { task_id: rec.task })}, which keeps the lane, its commits and its notes.`,
    details: { holder: rec.owner, live: l.live, ...l.expires_at ? { expires_at: l.expires_at } : {} }
  });
}

// src/core/lanes/start-checks.ts
async function assertBranchFree(project, task) {
  if (refExistsFiles(project.repo.commonDir, laneRef(task)) === false) return;
  const tip = await refSha(project.repo.mainRoot, laneRef(task));
  if (tip) {
    throw new LanesError("CONFLICT", `A branch ${laneBranch(task)} already exists (at ${tip.slice(0, 12)}).`, {
      hint: `It may hold earlier work for this task: land it, rename it (git branch -m ${laneBranch(task)} <new name>) or delete it once it is safe, then start the task again.`
    });
  }
}
async function noBase(project, rev, explicit) {
  if (!await resolveCommit(project.repo.mainRoot, "HEAD") && !explicit) {
    return new LanesError("NOT_A_REPO", `The repository ${project.repo.mainRoot} has no commits yet.`, {
      hint: 'Commit something first (git commit --allow-empty -m "initial"); lanes branch off a commit.'
    });
  }
  return explicit ? new LanesError("INVALID_INPUT", `Base ${JSON.stringify(rev)} does not name a commit.`, {
    hint: "Pass an existing branch, tag or commit id (a single revision, not a range)."
  }) : new LanesError("INVALID_INPUT", `The target branch "${rev}" does not exist.`, {
    hint: 'Pass base explicitly, or set "target" in .lanes/config.json to an existing branch.'
  });
}
async function preflightScope(project, task, files, ttl, filePaths) {
  const req = parseClaimRequest({ owner: taskOwner(task), task, paths: files, file_paths: filePaths, mode: "exclusive", ttl_seconds: ttl });
  if (project.store.shared) return;
  const doc = (await project.store.read(CLAIMS_DOC)).data;
  if (!Array.isArray(doc.claims)) return;
  doc.claims = doc.claims.filter(sane);
  reclaimDoc(doc);
  const conflicts = conflictsFor(doc.claims, req.id.owner, req.patterns, req.mode, req.files);
  if (conflicts.length) throw conflictError(conflicts, req.mode);
}
function withRollback(e, report) {
  if (!report.kept && !report.error) return e;
  const note = report.error ? `Rolling back also failed: ${report.error}.` : `The half-made lane was kept: ${report.kept}.`;
  if (e instanceof LanesError) {
    return new LanesError(e.code, `${e.message}
${note}`, {
      hint: e.hint ?? `See ${act("list_lanes")}.`,
      details: { ...e.details, rollback: report },
      cause: e.cause
    });
  }
  return new LanesError("INTERNAL", `${errorMessage(e)}
${note}`, {
    hint: `See ${act("list_lanes")}.`,
    cause: e,
    details: { rollback: report }
  });
}

// src/core/lanes/start.ts
async function startLane(project, input) {
  const task = assertTaskId(input.task_id);
  const owner = assertOwner(input.owner);
  if (input.base !== void 0) {
    const problem = revInputProblem(input.base);
    if (problem)
      throw new LanesError("INVALID_INPUT", `Invalid base ${JSON.stringify(input.base.slice(0, 80))}: it ${problem}.`, {
        hint: "Pass a branch name, tag or commit id, or leave base out to start from the target branch."
      });
  }
  await recoverBeforeStart(project, task);
  const { repo, store } = project;
  const cfg = await project.config();
  const { plan } = await readPlan(store);
  const def = requireTask(requirePlan(plan), task);
  const lanesNow = (await store.read(LANES_DOC)).data;
  const existing = Object.hasOwn(lanesNow, task) ? lanesNow[task] : void 0;
  const ttl = cfg.claims.default_ttl_seconds;
  if (existing) {
    if (existing.state === "ready" && existing.owner === owner && fs8.existsSync(existing.path))
      return resumeLane(project, existing, def.files, { owner, ttl, pid: input.pid });
    throw laneExists(existing, await readOwners(store));
  }
  const baseRef = input.base ?? cfg.target;
  const dir = lanesDir(repo, cfg.worktrees.dir);
  const path5 = lanePathFor(dir, task);
  const branch = laneBranch(task);
  const [base, , checkout] = await Promise.all([
    branchTipFiles(repo.commonDir, baseRef) ?? resolveCommit(repo.mainRoot, baseRef),
    assertBranchFree(project, task),
    checkoutSettings(repo.mainRoot, repo.commonDir)
  ]);
  if (!base) throw await noBase(project, baseRef, input.base !== void 0);
  const from = input.base === void 0 && await fetchWork(project, task).catch(() => void 0) || base;
  if (adminDirFor(repo.commonDir, path5)) {
    throw new LanesError("CONFLICT", `git already has a worktree registered at ${path5} (its directory is missing or empty).`, {
      hint: `Run ${act("cleanup_lanes")} to clear stale lanes, then start the task again.`
    });
  }
  const filePaths = [...await filesAt(repo.mainRoot, base, def.files.filter(isPlainScope))];
  if (def.files.length) await preflightScope(project, task, def.files, ttl, filePaths);
  const token = crypto.randomUUID();
  const data = { task, owner, token, path: path5, branch, base, base_ref: baseRef, target: cfg.target };
  const entry = await store.journal.begin(START_OP, data);
  const fail = async (e) => {
    let report;
    try {
      report = await rollbackStart(project, entry.record.data, entry.record.step);
    } catch (re) {
      report = { task, op: START_OP, outcome: "failed", removed_worktree: false, deleted_branch: false, error: errorMessage(re) };
    }
    if (report.outcome !== "failed") await entry.done();
    else entry.abandon();
    throw withRollback(e, report);
  };
  try {
    await store.transact(async (tx) => {
      const doc = tx.get(LANES_DOC);
      const before = tx.get(TASKS_DOC)[task];
      const resumed = before?.status === "in_progress" && before.owner === owner;
      applyTaskUpdate(tx, { id: task, status: "in_progress", owner, note: `lane ${branch}` });
      const other = Object.hasOwn(doc, task) ? doc[task] : void 0;
      if (other) throw laneExists(other, tx.get(OWNERS_DOC));
      touchOwnerInTx(tx, { owner, ttl_seconds: ttl, ...input.pid !== void 0 ? { pid: input.pid } : {} });
      const rec = {
        task,
        owner,
        branch,
        path: path5,
        base,
        base_ref: baseRef,
        target: cfg.target,
        state: "starting",
        token,
        created_at: (/* @__PURE__ */ new Date()).toISOString()
      };
      if (resumed) rec.resumed = true;
      doc[task] = rec;
    });
  } catch (e) {
    return fail(e);
  }
  try {
    await failpoint("lanes.start.after-claim");
    await entry.step("worktree");
    await withGitLock(repo, `start_lane ${task}`, async () => {
      ensureExcluded(repo, cfg.worktrees.dir);
      if (lanesDir(repo, cfg.worktrees.dir, { create: true }) !== dir) {
        throw new LanesError("UNSAFE", `The lanes directory changed while starting ${task}.`, {
          hint: "Check what replaced it, then start the task again."
        });
      }
      lanePathFor(dir, task);
      await assertBranchFree(project, task);
      await addWorktree(repo.mainRoot, { path: path5, branch, commit: from, lockReason: lockReason(task), noCheckout: true });
    });
    await failpoint("lanes.start.before-checkout");
    await checkoutWorktree(path5, from, await whileOthersStart(project, task, checkout));
    await failpoint("lanes.start.after-worktree");
    if (cfg.setup.length) await entry.step("setup");
    const inc = await copyIncluded(repo.mainRoot, path5, cfg.worktrees.include_file);
    let fired = false;
    const during = async () => {
      if (fired) return;
      fired = true;
      await failpoint("lanes.start.during-setup");
    };
    const setup = await runSetup(cfg.setup, path5, {
      env: { LANES_TASK: task, LANES_WORKTREE: path5, LANES_MAIN_ROOT: repo.mainRoot, LANES_BASE: base },
      // Recorded so a recovery can stop a command a crashed start left running.
      onSpawn: async (name, pid) => {
        await entry.step("setup", { setup_pgid: pid, setup_name: name });
        await during();
      }
    });
    await during();
    if (cfg.setup.length) await excludeWhatSetupMade(repo, path5, inc.copied);
    await entry.step("scope");
    const claims = await store.transact(async (tx) => {
      const rec = mine(tx.get(LANES_DOC), task, token);
      const held = def.files.length ? claimInTx(tx, {
        owner: taskOwner(task),
        task,
        paths: def.files,
        file_paths: filePaths,
        mode: "exclusive",
        ttl_seconds: ttl,
        reason: `scope of task ${task}`
      }).map((c) => c.pattern) : [];
      rec.claims = held;
      rec.included = inc.copied;
      return held;
    });
    await failpoint("lanes.start.before-ready");
    await entry.step("ready");
    const ready = await store.transact(async (tx) => {
      const rec = mine(tx.get(LANES_DOC), task, token);
      rec.state = "ready";
      rec.ready_at = (/* @__PURE__ */ new Date()).toISOString();
      return { ...rec };
    });
    await entry.done();
    await store.appendEvent("lane.started", { task, owner, branch, base, path: path5, claims: claims.length, included: inc.copied.length });
    return {
      ...resultOf(ready, false),
      claims,
      include_skipped: inc.skipped,
      setup: setup.map((s) => ({ name: s.name, ms: s.ms }))
    };
  } catch (e) {
    return fail(e);
  }
}
async function whileOthersStart(project, task, settings) {
  if (settings.configArgs.length === 0) return settings;
  const lanes = (await project.store.read(LANES_DOC)).data;
  const others = Object.values(lanes).some((l) => l.task !== task && l.state === "starting");
  return others ? { ...settings, configArgs: [] } : settings;
}

export {
  listWorktrees,
  addPlainWorktree,
  removeWorktree,
  forceRemoveWorktree,
  adminDirFor,
  removeAdminEntry,
  worktreeOperation,
  withGitLock,
  haveProc,
  processesIn,
  diskUsage,
  LIST_LIMIT,
  assessLane,
  describeDirty,
  describeCommits,
  describeIgnored,
  planTeardown,
  teardownLane,
  recoverOrphans,
  removeLane,
  copyIncluded,
  startLane
};

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs10 = require("node:fs");
var path7 = require("node:path");
var fs = require("node:fs");
var path = require("node:path");
var fs5 = require("node:fs");
var path4 = require("node:path");
var { AsyncLocalStorage } = require("node:async_hooks");
var fs4 = require("node:fs");
var path3 = require("node:path");
var fs2 = require("node:fs");
var fs3 = require("node:fs");
var path2 = require("node:path");
var fs6 = require("node:fs");
var path5 = require("node:path");
var fs8 = require("node:fs");
var path6 = require("node:path");
var fs7 = require("node:fs");
var fs9 = require("node:fs");
import {
  ensurePrivateDir
} from "./chunk-ZLPZGQGU.mjs";
import {
  TEMP_RE,
  failpoint,
  failpointSync,
  fsyncDir,
  hasOrphanTemps,
  hostName,
  pidAlive,
  rmQuiet,
  sweepTempFiles,
  writeFileAtomic,
  writeTempFile
} from "./chunk-PCFNT4JQ.mjs";
import {
  assertDocName,
  diskVersion,
  docFile,
  docText,
  loadDoc,
  nullProtoDeep,
  quarantine
} from "./chunk-X4JLKMGK.mjs";
import {
  randomHex,
  sha256Hex
} from "./chunk-PMXN3EG4.mjs";
import {
  log
} from "./chunk-XNIKMWZT.mjs";
import {
  assertSlug,
  isSlug
} from "./chunk-DDI77WQF.mjs";
import {
  LanesError
} from "./chunk-OBLF3P63.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-4WZSK4NS.mjs";

// lanes-fs:graceful-fs
var require_graceful_fs = __commonJS({
  "lanes-fs:graceful-fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

// node_modules/retry/lib/retry_operation.js
var require_retry_operation = __commonJS({
  "node_modules/retry/lib/retry_operation.js"(exports, module) {
    function RetryOperation(timeouts, options) {
      if (typeof options === "boolean") {
        options = { forever: options };
      }
      this._originalTimeouts = JSON.parse(JSON.stringify(timeouts));
      this._timeouts = timeouts;
      this._options = options || {};
      this._maxRetryTime = options && options.maxRetryTime || Infinity;
      this._fn = null;
      this._errors = [];
      this._attempts = 1;
      this._operationTimeout = null;
      this._operationTimeoutCb = null;
      this._timeout = null;
      this._operationStart = null;
      if (this._options.forever) {
        this._cachedTimeouts = this._timeouts.slice(0);
      }
    }
    module.exports = RetryOperation;
    RetryOperation.prototype.reset = function() {
      this._attempts = 1;
      this._timeouts = this._originalTimeouts;
    };
    RetryOperation.prototype.stop = function() {
      if (this._timeout) {
        clearTimeout(this._timeout);
      }
      this._timeouts = [];
      this._cachedTimeouts = null;
    };
    RetryOperation.prototype.retry = function(err) {
      if (this._timeout) {
        clearTimeout(this._timeout);
      }
      if (!err) {
        return false;
      }
      var currentTime = (/* @__PURE__ */ new Date()).getTime();
      if (err && currentTime - this._operationStart >= this._maxRetryTime) {
        this._errors.unshift(new Error("RetryOperation timeout occurred"));
        return false;
      }
      this._errors.push(err);
      var timeout = this._timeouts.shift();
      if (timeout === void 0) {
        if (this._cachedTimeouts) {
          this._errors.splice(this._errors.length - 1, this._errors.length);
          this._timeouts = this._cachedTimeouts.slice(0);
          timeout = this._timeouts.shift();
        } else {
          return false;
        }
      }
      var self = this;
      var timer = setTimeout(function() {
        self._attempts++;
        if (self._operationTimeoutCb) {
          self._timeout = setTimeout(function() {
            self._operationTimeoutCb(self._attempts);
          }, self._operationTimeout);
          if (self._options.unref) {
            self._timeout.unref();
          }
        }
        self._fn(self._attempts);
      }, timeout);
      if (this._options.unref) {
        timer.unref();
      }
      return true;
    };
    RetryOperation.prototype.attempt = function(fn, timeoutOps) {
      this._fn = fn;
      if (timeoutOps) {
        if (timeoutOps.timeout) {
          this._operationTimeout = timeoutOps.timeout;
        }
        if (timeoutOps.cb) {
          this._operationTimeoutCb = timeoutOps.cb;
        }
      }
      var self = this;
      if (this._operationTimeoutCb) {
        this._timeout = setTimeout(function() {
          self._operationTimeoutCb();
        }, self._operationTimeout);
      }
      this._operationStart = (/* @__PURE__ */ new Date()).getTime();
      this._fn(this._attempts);
    };
    RetryOperation.prototype.try = function(fn) {
      console.log("Using RetryOperation.try() is deprecated");
      this.attempt(fn);
    };
    RetryOperation.prototype.start = function(fn) {
      console.log("Using RetryOperation.start() is deprecated");
      this.attempt(fn);
    };
    RetryOperation.prototype.start = RetryOperation.prototype.try;
    RetryOperation.prototype.errors = function() {
      return this._errors;
    };
    RetryOperation.prototype.attempts = function() {
      return this._attempts;
    };
    RetryOperation.prototype.mainError = function() {
      if (this._errors.length === 0) {
        return null;
      }
      var counts = {};
      var mainError = null;
      var mainErrorCount = 0;
      for (var i = 0; i < this._errors.length; i++) {
        var error = this._errors[i];
        var message = error.message;
        var count = (counts[message] || 0) + 1;
        counts[message] = count;
        if (count >= mainErrorCount) {
          mainError = error;
          mainErrorCount = count;
        }
      }
      return mainError;
    };
  }
});

// node_modules/retry/lib/retry.js
var require_retry = __commonJS({
  "node_modules/retry/lib/retry.js"(exports) {
    var RetryOperation = require_retry_operation();
    exports.operation = function(options) {
      var timeouts = exports.timeouts(options);
      return new RetryOperation(timeouts, {
        forever: options && options.forever,
        unref: options && options.unref,
        maxRetryTime: options && options.maxRetryTime
      });
    };
    exports.timeouts = function(options) {
      if (options instanceof Array) {
        return [].concat(options);
      }
      var opts = {
        retries: 10,
        factor: 2,
        minTimeout: 1 * 1e3,
        maxTimeout: Infinity,
        randomize: false
      };
      for (var key in options) {
        opts[key] = options[key];
      }
      if (opts.minTimeout > opts.maxTimeout) {
        throw new Error("minTimeout is greater than maxTimeout");
      }
      var timeouts = [];
      for (var i = 0; i < opts.retries; i++) {
        timeouts.push(this.createTimeout(i, opts));
      }
      if (options && options.forever && !timeouts.length) {
        timeouts.push(this.createTimeout(i, opts));
      }
      timeouts.sort(function(a, b) {
        return a - b;
      });
      return timeouts;
    };
    exports.createTimeout = function(attempt2, opts) {
      var random = opts.randomize ? Math.random() + 1 : 1;
      var timeout = Math.round(random * opts.minTimeout * Math.pow(opts.factor, attempt2));
      timeout = Math.min(timeout, opts.maxTimeout);
      return timeout;
    };
    exports.wrap = function(obj, options, methods) {
      if (options instanceof Array) {
        methods = options;
        options = null;
      }
      if (!methods) {
        methods = [];
        for (var key in obj) {
          if (typeof obj[key] === "function") {
            methods.push(key);
          }
        }
      }
      for (var i = 0; i < methods.length; i++) {
        var method = methods[i];
        var original = obj[method];
        obj[method] = function retryWrapper(original2) {
          var op = exports.operation(options);
          var args = Array.prototype.slice.call(arguments, 1);
          var callback = args.pop();
          args.push(function(err) {
            if (op.retry(err)) {
              return;
            }
            if (err) {
              arguments[0] = op.mainError();
            }
            callback.apply(this, arguments);
          });
          op.attempt(function() {
            original2.apply(obj, args);
          });
        }.bind(obj, original);
        obj[method].options = options;
      }
    };
  }
});

// node_modules/retry/index.js
var require_retry2 = __commonJS({
  "node_modules/retry/index.js"(exports, module) {
    module.exports = require_retry();
  }
});

// lanes-assert:assert
var require_assert = __commonJS({
  "lanes-assert:assert"(exports) {
    exports.equal = function equal(actual, expected, message) {
      if (actual != expected) throw new Error(message);
    };
  }
});

// node_modules/proper-lockfile/node_modules/signal-exit/signals.js
var require_signals = __commonJS({
  "node_modules/proper-lockfile/node_modules/signal-exit/signals.js"(exports, module) {
    module.exports = [
      "SIGABRT",
      "SIGALRM",
      "SIGHUP",
      "SIGINT",
      "SIGTERM"
    ];
    if (process.platform !== "win32") {
      module.exports.push(
        "SIGVTALRM",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGUSR2",
        "SIGTRAP",
        "SIGSYS",
        "SIGQUIT",
        "SIGIOT"
        // should detect profiler and enable/disable accordingly.
        // see #21
        // 'SIGPROF'
      );
    }
    if (process.platform === "linux") {
      module.exports.push(
        "SIGIO",
        "SIGPOLL",
        "SIGPWR",
        "SIGSTKFLT",
        "SIGUNUSED"
      );
    }
  }
});

// node_modules/proper-lockfile/node_modules/signal-exit/index.js
var require_signal_exit = __commonJS({
  "node_modules/proper-lockfile/node_modules/signal-exit/index.js"(exports, module) {
    var process2 = global.process;
    var processOk = function(process3) {
      return process3 && typeof process3 === "object" && typeof process3.removeListener === "function" && typeof process3.emit === "function" && typeof process3.reallyExit === "function" && typeof process3.listeners === "function" && typeof process3.kill === "function" && typeof process3.pid === "number" && typeof process3.on === "function";
    };
    if (!processOk(process2)) {
      module.exports = function() {
        return function() {
        };
      };
    } else {
      assert = require_assert();
      signals = require_signals();
      isWin = /^win/i.test(process2.platform);
      EE = __require("events");
      if (typeof EE !== "function") {
        EE = EE.EventEmitter;
      }
      if (process2.__signal_exit_emitter__) {
        emitter = process2.__signal_exit_emitter__;
      } else {
        emitter = process2.__signal_exit_emitter__ = new EE();
        emitter.count = 0;
        emitter.emitted = {};
      }
      if (!emitter.infinite) {
        emitter.setMaxListeners(Infinity);
        emitter.infinite = true;
      }
      module.exports = function(cb, opts) {
        if (!processOk(global.process)) {
          return function() {
          };
        }
        assert.equal(typeof cb, "function", "a callback must be provided for exit handler");
        if (loaded === false) {
          load();
        }
        var ev = "exit";
        if (opts && opts.alwaysLast) {
          ev = "afterexit";
        }
        var remove = function() {
          emitter.removeListener(ev, cb);
          if (emitter.listeners("exit").length === 0 && emitter.listeners("afterexit").length === 0) {
            unload();
          }
        };
        emitter.on(ev, cb);
        return remove;
      };
      unload = function unload2() {
        if (!loaded || !processOk(global.process)) {
          return;
        }
        loaded = false;
        signals.forEach(function(sig) {
          try {
            process2.removeListener(sig, sigListeners[sig]);
          } catch (er) {
          }
        });
        process2.emit = originalProcessEmit;
        process2.reallyExit = originalProcessReallyExit;
        emitter.count -= 1;
      };
      module.exports.unload = unload;
      emit = function emit2(event, code, signal) {
        if (emitter.emitted[event]) {
          return;
        }
        emitter.emitted[event] = true;
        emitter.emit(event, code, signal);
      };
      sigListeners = {};
      signals.forEach(function(sig) {
        sigListeners[sig] = function listener() {
          if (!processOk(global.process)) {
            return;
          }
          var listeners = process2.listeners(sig);
          if (listeners.length === emitter.count) {
            unload();
            emit("exit", null, sig);
            emit("afterexit", null, sig);
            if (isWin && sig === "SIGHUP") {
              sig = "SIGINT";
            }
            process2.kill(process2.pid, sig);
          }
        };
      });
      module.exports.signals = function() {
        return signals;
      };
      loaded = false;
      load = function load2() {
        if (loaded || !processOk(global.process)) {
          return;
        }
        loaded = true;
        emitter.count += 1;
        signals = signals.filter(function(sig) {
          try {
            process2.on(sig, sigListeners[sig]);
            return true;
          } catch (er) {
            return false;
          }
        });
        process2.emit = processEmit;
        process2.reallyExit = processReallyExit;
      };
      module.exports.load = load;
      originalProcessReallyExit = process2.reallyExit;
      processReallyExit = function processReallyExit2(code) {
        if (!processOk(global.process)) {
          return;
        }
        process2.exitCode = code || /* istanbul ignore next */
        0;
        emit("exit", process2.exitCode, null);
        emit("afterexit", process2.exitCode, null);
        originalProcessReallyExit.call(process2, process2.exitCode);
      };
      originalProcessEmit = process2.emit;
      processEmit = function processEmit2(ev, arg) {
        if (ev === "exit" && processOk(global.process)) {
          if (arg !== void 0) {
            process2.exitCode = arg;
          }
          var ret = originalProcessEmit.apply(this, arguments);
          emit("exit", process2.exitCode, null);
          emit("afterexit", process2.exitCode, null);
          return ret;
        } else {
          return originalProcessEmit.apply(this, arguments);
        }
      };
    }
    var assert;
    var signals;
    var isWin;
    var EE;
    var emitter;
    var unload;
    var emit;
    var sigListeners;
    var loaded;
    var load;
    var originalProcessReallyExit;
    var processReallyExit;
    var originalProcessEmit;
    var processEmit;
  }
});

// node_modules/proper-lockfile/lib/mtime-precision.js
var require_mtime_precision = __commonJS({
  "node_modules/proper-lockfile/lib/mtime-precision.js"(exports, module) {
    "use strict";
    var cacheSymbol = /* @__PURE__ */ Symbol();
    function probe(file, fs11, callback) {
      const cachedPrecision = fs11[cacheSymbol];
      if (cachedPrecision) {
        return fs11.stat(file, (err, stat) => {
          if (err) {
            return callback(err);
          }
          callback(null, stat.mtime, cachedPrecision);
        });
      }
      const mtime = new Date(Math.ceil(Date.now() / 1e3) * 1e3 + 5);
      fs11.utimes(file, mtime, mtime, (err) => {
        if (err) {
          return callback(err);
        }
        fs11.stat(file, (err2, stat) => {
          if (err2) {
            return callback(err2);
          }
          const precision = stat.mtime.getTime() % 1e3 === 0 ? "s" : "ms";
          Object.defineProperty(fs11, cacheSymbol, { value: precision });
          callback(null, stat.mtime, precision);
        });
      });
    }
    function getMtime(precision) {
      let now = Date.now();
      if (precision === "s") {
        now = Math.ceil(now / 1e3) * 1e3;
      }
      return new Date(now);
    }
    module.exports.probe = probe;
    module.exports.getMtime = getMtime;
  }
});

// node_modules/proper-lockfile/lib/lockfile.js
var require_lockfile = __commonJS({
  "node_modules/proper-lockfile/lib/lockfile.js"(exports, module) {
    "use strict";
    var path8 = __require("path");
    var fs11 = require_graceful_fs();
    var retry = require_retry2();
    var onExit = require_signal_exit();
    var mtimePrecision = require_mtime_precision();
    var locks = {};
    function getLockFile(file, options) {
      return options.lockfilePath || `${file}.lock`;
    }
    function resolveCanonicalPath(file, options, callback) {
      if (!options.realpath) {
        return callback(null, path8.resolve(file));
      }
      options.fs.realpath(file, callback);
    }
    function acquireLock(file, options, callback) {
      const lockfilePath = getLockFile(file, options);
      options.fs.mkdir(lockfilePath, (err) => {
        if (!err) {
          return mtimePrecision.probe(lockfilePath, options.fs, (err2, mtime, mtimePrecision2) => {
            if (err2) {
              options.fs.rmdir(lockfilePath, () => {
              });
              return callback(err2);
            }
            callback(null, mtime, mtimePrecision2);
          });
        }
        if (err.code !== "EEXIST") {
          return callback(err);
        }
        if (options.stale <= 0) {
          return callback(Object.assign(new Error("Lock file is already being held"), { code: "ELOCKED", file }));
        }
        options.fs.stat(lockfilePath, (err2, stat) => {
          if (err2) {
            if (err2.code === "ENOENT") {
              return acquireLock(file, { ...options, stale: 0 }, callback);
            }
            return callback(err2);
          }
          if (!isLockStale(stat, options)) {
            return callback(Object.assign(new Error("Lock file is already being held"), { code: "ELOCKED", file }));
          }
          removeLock(file, options, (err3) => {
            if (err3) {
              return callback(err3);
            }
            acquireLock(file, { ...options, stale: 0 }, callback);
          });
        });
      });
    }
    function isLockStale(stat, options) {
      return stat.mtime.getTime() < Date.now() - options.stale;
    }
    function removeLock(file, options, callback) {
      options.fs.rmdir(getLockFile(file, options), (err) => {
        if (err && err.code !== "ENOENT") {
          return callback(err);
        }
        callback();
      });
    }
    function updateLock(file, options) {
      const lock2 = locks[file];
      if (lock2.updateTimeout) {
        return;
      }
      lock2.updateDelay = lock2.updateDelay || options.update;
      lock2.updateTimeout = setTimeout(() => {
        lock2.updateTimeout = null;
        options.fs.stat(lock2.lockfilePath, (err, stat) => {
          const isOverThreshold = lock2.lastUpdate + options.stale < Date.now();
          if (err) {
            if (err.code === "ENOENT" || isOverThreshold) {
              return setLockAsCompromised(file, lock2, Object.assign(err, { code: "ECOMPROMISED" }));
            }
            lock2.updateDelay = 1e3;
            return updateLock(file, options);
          }
          const isMtimeOurs = lock2.mtime.getTime() === stat.mtime.getTime();
          if (!isMtimeOurs) {
            return setLockAsCompromised(
              file,
              lock2,
              Object.assign(
                new Error("Unable to update lock within the stale threshold"),
                { code: "ECOMPROMISED" }
              )
            );
          }
          const mtime = mtimePrecision.getMtime(lock2.mtimePrecision);
          options.fs.utimes(lock2.lockfilePath, mtime, mtime, (err2) => {
            const isOverThreshold2 = lock2.lastUpdate + options.stale < Date.now();
            if (lock2.released) {
              return;
            }
            if (err2) {
              if (err2.code === "ENOENT" || isOverThreshold2) {
                return setLockAsCompromised(file, lock2, Object.assign(err2, { code: "ECOMPROMISED" }));
              }
              lock2.updateDelay = 1e3;
              return updateLock(file, options);
            }
            lock2.mtime = mtime;
            lock2.lastUpdate = Date.now();
            lock2.updateDelay = null;
            updateLock(file, options);
          });
        });
      }, lock2.updateDelay);
      if (lock2.updateTimeout.unref) {
        lock2.updateTimeout.unref();
      }
    }
    function setLockAsCompromised(file, lock2, err) {
      lock2.released = true;
      if (lock2.updateTimeout) {
        clearTimeout(lock2.updateTimeout);
      }
      if (locks[file] === lock2) {
        delete locks[file];
      }
      lock2.options.onCompromised(err);
    }
    function lock(file, options, callback) {
      options = {
        stale: 1e4,
        update: null,
        realpath: true,
        retries: 0,
        fs: fs11,
        onCompromised: (err) => {
          throw err;
        },
        ...options
      };
      options.retries = options.retries || 0;
      options.retries = typeof options.retries === "number" ? { retries: options.retries } : options.retries;
      options.stale = Math.max(options.stale || 0, 2e3);
      options.update = options.update == null ? options.stale / 2 : options.update || 0;
      options.update = Math.max(Math.min(options.update, options.stale / 2), 1e3);
      resolveCanonicalPath(file, options, (err, file2) => {
        if (err) {
          return callback(err);
        }
        const operation = retry.operation(options.retries);
        operation.attempt(() => {
          acquireLock(file2, options, (err2, mtime, mtimePrecision2) => {
            if (operation.retry(err2)) {
              return;
            }
            if (err2) {
              return callback(operation.mainError());
            }
            const lock2 = locks[file2] = {
              lockfilePath: getLockFile(file2, options),
              mtime,
              mtimePrecision: mtimePrecision2,
              options,
              lastUpdate: Date.now()
            };
            updateLock(file2, options);
            callback(null, (releasedCallback) => {
              if (lock2.released) {
                return releasedCallback && releasedCallback(Object.assign(new Error("Lock is already released"), { code: "ERELEASED" }));
              }
              unlock(file2, { ...options, realpath: false }, releasedCallback);
            });
          });
        });
      });
    }
    function unlock(file, options, callback) {
      options = {
        fs: fs11,
        realpath: true,
        ...options
      };
      resolveCanonicalPath(file, options, (err, file2) => {
        if (err) {
          return callback(err);
        }
        const lock2 = locks[file2];
        if (!lock2) {
          return callback(Object.assign(new Error("Lock is not acquired/owned by you"), { code: "ENOTACQUIRED" }));
        }
        lock2.updateTimeout && clearTimeout(lock2.updateTimeout);
        lock2.released = true;
        delete locks[file2];
        removeLock(file2, options, callback);
      });
    }
    function check(file, options, callback) {
      options = {
        stale: 1e4,
        realpath: true,
        fs: fs11,
        ...options
      };
      options.stale = Math.max(options.stale || 0, 2e3);
      resolveCanonicalPath(file, options, (err, file2) => {
        if (err) {
          return callback(err);
        }
        options.fs.stat(getLockFile(file2, options), (err2, stat) => {
          if (err2) {
            return err2.code === "ENOENT" ? callback(null, false) : callback(err2);
          }
          return callback(null, !isLockStale(stat, options));
        });
      });
    }
    function getLocks() {
      return locks;
    }
    onExit(() => {
      for (const file in locks) {
        const options = locks[file].options;
        try {
          options.fs.rmdirSync(getLockFile(file, options));
        } catch (e) {
        }
      }
    });
    module.exports.lock = lock;
    module.exports.unlock = unlock;
    module.exports.check = check;
    module.exports.getLocks = getLocks;
  }
});

// node_modules/proper-lockfile/lib/adapter.js
var require_adapter = __commonJS({
  "node_modules/proper-lockfile/lib/adapter.js"(exports, module) {
    "use strict";
    var fs11 = require_graceful_fs();
    function createSyncFs(fs12) {
      const methods = ["mkdir", "realpath", "stat", "rmdir", "utimes"];
      const newFs = { ...fs12 };
      methods.forEach((method) => {
        newFs[method] = (...args) => {
          const callback = args.pop();
          let ret;
          try {
            ret = fs12[`${method}Sync`](...args);
          } catch (err) {
            return callback(err);
          }
          callback(null, ret);
        };
      });
      return newFs;
    }
    function toPromise(method) {
      return (...args) => new Promise((resolve, reject) => {
        args.push((err, result) => {
          if (err) {
            reject(err);
          } else {
            resolve(result);
          }
        });
        method(...args);
      });
    }
    function toSync(method) {
      return (...args) => {
        let err;
        let result;
        args.push((_err, _result) => {
          err = _err;
          result = _result;
        });
        method(...args);
        if (err) {
          throw err;
        }
        return result;
      };
    }
    function toSyncOptions(options) {
      options = { ...options };
      options.fs = createSyncFs(options.fs || fs11);
      if (typeof options.retries === "number" && options.retries > 0 || options.retries && typeof options.retries.retries === "number" && options.retries.retries > 0) {
        throw Object.assign(new Error("Cannot use retries with the sync api"), { code: "ESYNC" });
      }
      return options;
    }
    module.exports = {
      toPromise,
      toSync,
      toSyncOptions
    };
  }
});

// node_modules/proper-lockfile/index.js
var require_proper_lockfile = __commonJS({
  "node_modules/proper-lockfile/index.js"(exports, module) {
    "use strict";
    var lockfile2 = require_lockfile();
    var { toPromise, toSync, toSyncOptions } = require_adapter();
    async function lock(file, options) {
      const release = await toPromise(lockfile2.lock)(file, options);
      return toPromise(release);
    }
    function lockSync(file, options) {
      const release = toSync(lockfile2.lock)(file, toSyncOptions(options));
      return toSync(release);
    }
    function unlock(file, options) {
      return toPromise(lockfile2.unlock)(file, options);
    }
    function unlockSync(file, options) {
      return toSync(lockfile2.unlock)(file, toSyncOptions(options));
    }
    function check(file, options) {
      return toPromise(lockfile2.check)(file, options);
    }
    function checkSync(file, options) {
      return toSync(lockfile2.check)(file, toSyncOptions(options));
    }
    module.exports = lock;
    module.exports.lock = lock;
    module.exports.unlock = unlock;
    module.exports.lockSync = lockSync;
    module.exports.unlockSync = unlockSync;
    module.exports.check = check;
    module.exports.checkSync = checkSync;
  }
});

// src/state/store.ts

// src/state/commit.ts
var REDO_FILE = "commit.json";
function commitGroup(dir, docs, fence) {
  const renames = [];
  try {
    for (const d of docs) {
      renames.push({ tmp: path.basename(writeTempFile(docFile(dir, d.doc), d.text)), doc: d.doc, version: d.version });
    }
    const rec = { pid: process.pid, at: (/* @__PURE__ */ new Date()).toISOString(), renames };
    writeFileAtomic(path.join(dir, REDO_FILE), `${JSON.stringify(rec)}
`, 384, { beforeRename: fence });
  } catch (e) {
    for (const r of renames) rmQuiet(path.join(dir, r.tmp));
    throw e;
  }
  failpointSync("state.commit.after-record");
  apply(dir, renames);
}
function apply(dir, renames) {
  renames.forEach((r, i) => {
    const target = docFile(dir, r.doc);
    try {
      fs.renameSync(path.join(dir, r.tmp), target);
    } catch (e) {
      if (e.code !== "ENOENT") throw e;
      const now = loadDoc(target);
      if (!now || !now.ok || now.version < r.version) {
        log.error(`redo record: staged ${r.tmp} for "${r.doc}" v${r.version} is missing and ${target} is older`);
      }
    }
    if (i === 0) failpointSync("state.commit.mid-rename");
  });
  fsyncDir(dir);
  rmQuiet(path.join(dir, REDO_FILE));
}
function rollForward(dir) {
  const file = path.join(dir, REDO_FILE);
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return false;
    throw e;
  }
  const rec = parseRecord(text);
  if (!rec) {
    const q = `${file}.corrupt-${Date.now()}`;
    fs.renameSync(file, q);
    log.error(`unreadable redo record moved aside to ${q}; documents it named may be stale`);
    return false;
  }
  log.warn(`finishing a multi-document commit interrupted in pid ${rec.pid} (${rec.renames.map((r) => r.doc).join(", ")})`);
  apply(dir, rec.renames);
  return true;
}
function pendingTemps(dir) {
  try {
    const rec = parseRecord(fs.readFileSync(path.join(dir, REDO_FILE), "utf8"));
    return new Set(rec?.renames.map((r) => r.tmp));
  } catch {
    return /* @__PURE__ */ new Set();
  }
}
function parseRecord(text) {
  try {
    const rec = JSON.parse(text);
    if (!Array.isArray(rec.renames)) return void 0;
    const ok = rec.renames.every(
      (r) => isSlug(r.doc) && TEMP_RE.test(r.tmp) && r.tmp.startsWith(`.${r.doc}.json.`) && !r.tmp.includes("/") && Number.isSafeInteger(r.version)
    );
    return ok ? rec : void 0;
  } catch {
    return void 0;
  }
}

// src/state/events.ts

// src/state/lock.ts
var import_proper_lockfile = __toESM(require_proper_lockfile(), 1);

// src/state/lease.ts
var MIN_STALE_MS = 2e3;
var LEASE_MARGIN_MS = 250;
var Lease = class {
  constructor(name, lockPath, ownerPath) {
    this.name = name;
    this.lockPath = lockPath;
    this.ownerPath = ownerPath;
  }
  name;
  lockPath;
  ownerPath;
  compromised = false;
  holding = false;
  released = false;
  /** mtime (ms) we last gave the lock directory, and the one an in-flight refresh is setting. */
  mtime = 0;
  pendingMtime;
  token = randomHex(8);
  markCompromised(why) {
    if (this.compromised || this.released) return;
    this.compromised = true;
    log.warn(`lost the "${this.name}" lock (${this.lockPath}): ${why}; writes under it will be refused`);
  }
  /**
   * Synchronous ownership check: the lock directory still carries an mtime we gave it (the last
   * one, or one a refresh in flight has just set). Returns that mtime, or undefined when lost.
   */
  stillOurs() {
    if (this.compromised) return void 0;
    let m;
    try {
      m = fs2.statSync(this.lockPath).mtime.getTime();
    } catch {
      this.markCompromised("its lock directory is gone");
      return void 0;
    }
    if (m !== this.mtime && m !== this.pendingMtime) {
      this.markCompromised("another process took it over (our event loop stalled past stale?)");
      return void 0;
    }
    return m;
  }
  assertHeld() {
    if (this.released) throw new LanesError("INTERNAL", `The "${this.name}" lock was used after release.`);
    const mtime = this.stillOurs();
    if (mtime === void 0) {
      throw new LanesError("STALE_WRITE", `Refused to write: the "${this.name}" lock was lost to another process.`, {
        hint: "Nothing was written. Another Lanes process has changed the state since; run the command again.",
        details: { lock: this.name }
      });
    }
    const left = mtime + MIN_STALE_MS - Date.now();
    if (left < LEASE_MARGIN_MS) {
      throw new LanesError(
        "STALE_WRITE",
        `Refused to write: the "${this.name}" lock was not refreshed in time (event loop stalled ${-left + MIN_STALE_MS} ms).`,
        {
          hint: "Nothing was written. Another process may take the lock over at any moment; run the command again.",
          details: { lock: this.name }
        }
      );
    }
  }
  /**
   * The fs proper-lockfile uses: records the mtimes it sets; never removes a lost lock. Its calls
   * run synchronously (the callback before returning): each is one small syscall, and through
   * libuv's thread pool every one cost an event-loop round trip, about 1 ms per lock and release
   * together, all of it while holding the lock or keeping a waiter from it.
   */
  fs() {
    const skipRemove = () => this.holding && this.stillOurs() === void 0;
    const call = (cb, f) => {
      let v;
      try {
        v = f();
      } catch (e) {
        cb(e);
        return;
      }
      cb(null, v);
    };
    return {
      mkdir: (p, cb) => call(cb, () => void fs2.mkdirSync(p)),
      stat: (p, cb) => call(cb, () => fs2.statSync(p)),
      realpath: (p, cb) => call(cb, () => fs2.realpathSync(p)),
      utimes: (p, a, m, cb) => {
        this.pendingMtime = m.getTime();
        call(
          (err) => {
            if (!err) this.mtime = m.getTime();
            this.pendingMtime = void 0;
            cb(err);
          },
          () => fs2.utimesSync(p, a, m)
        );
      },
      // Releasing (or exiting) after losing the lock must not delete the new holder's directory:
      // proper-lockfile's unlock removes it without checking whose it is.
      rmdir: (p, cb) => call(cb, () => skipRemove() ? void 0 : fs2.rmdirSync(p)),
      rmdirSync: (p) => skipRemove() ? void 0 : fs2.rmdirSync(p)
    };
  }
};

// src/state/queue.ts
var HEAD_POLL_MS = 10;
var POLL_MIN_MS = 1;
var POLL_MAX_MS = 10;
var PATIENCE_MS = 100;
var BARGE_MS = 5;
var FOREIGN_TICKET_MS = 12e4;
var ALIVE_CACHE_MS = 500;
var TICKET_RE = /^\.([a-z0-9-]+)\.wait\.(\d{20})\.(\d+)\.([0-9a-f]{8})\.([0-9a-f]{6})$/;
var hostTagCache;
function hostTag() {
  hostTagCache ??= sha256Hex(hostName()).slice(0, 8);
  return hostTagCache;
}
var aliveCache = /* @__PURE__ */ new Map();
function aliveCached(pid, now) {
  if (pid === process.pid) return true;
  const c = aliveCache.get(pid);
  if (c && now - c.at < ALIVE_CACHE_MS) return c.alive;
  const alive = pidAlive(pid);
  if (aliveCache.size > 1e3) aliveCache.clear();
  aliveCache.set(pid, { alive, at: now });
  return alive;
}
var LockQueue = class {
  constructor(dir, name, staleMs) {
    this.dir = dir;
    this.name = name;
    this.staleMs = staleMs;
    this.prefix = ticketPrefix(name);
  }
  dir;
  name;
  staleMs;
  ticket;
  watcher;
  watching = false;
  woken;
  signalled = false;
  pollMs = POLL_MIN_MS;
  prefix;
  get joined() {
    return this.ticket !== void 0;
  }
  /**
   * True when this waiter may try the lock now: no earlier live ticket is queued; or, before
   * joining, the first waiter has queued for less than BARGE_MS (a process that is running may take
   * a free lock rather than wait for a sleeping one to be scheduled, but never overtakes a waiter for
   * long); or the first waiter has not moved for PATIENCE_MS (stalled, or on another host).
   */
  mayTry() {
    const now = Date.now();
    const head = earliestLive(this.dir, this.prefix, now, this.ticket);
    this.first = head === void 0;
    if (head === void 0) return true;
    if (!this.joined) return waitedMs(head) < BARGE_MS;
    const free = this.takeable(now);
    if (head !== this.head || !free) {
      this.head = head;
      this.headSince = free ? now : void 0;
      return false;
    }
    this.headSince ??= now;
    return now - this.headSince >= PATIENCE_MS;
  }
  /** After mayTry(): whether no live ticket came before ours. */
  first = false;
  head;
  headSince;
  /** The lock directory is gone, or silent past stale (the first waiter should have broken it). */
  takeable(now) {
    try {
      return fs3.statSync(path2.join(this.dir, `${this.name}.lock`)).mtimeMs < now - this.staleMs;
    } catch {
      return true;
    }
  }
  /** Queues a ticket and starts watching; the caller looks once more before its first wait. */
  join() {
    if (this.ticket) return;
    const stamp = String(process.hrtime.bigint()).padStart(20, "0");
    const name = `${this.prefix}${stamp}.${process.pid}.${hostTag()}.${randomHex(3)}`;
    fs3.writeFileSync(path2.join(this.dir, name), "", { flag: "wx", mode: 384 });
    this.ticket = name;
    try {
      this.watcher = fs3.watch(path2.join(this.dir, name), { persistent: false }, () => this.wake());
      this.watcher.on("error", () => this.unwatch());
      this.watching = true;
    } catch {
      this.watching = false;
    }
  }
  /** Waits for a releaser to ring our ticket (or a timer), never past `until` (epoch ms). */
  async wait(until, first) {
    const left = until - Date.now();
    if (left <= 0) return;
    let ms;
    if (this.watching) ms = first ? HEAD_POLL_MS : PATIENCE_MS;
    else {
      ms = this.pollMs * (1 + Math.random());
      this.pollMs = Math.min(POLL_MAX_MS, this.pollMs * 1.5);
    }
    if (this.signalled) {
      this.signalled = false;
      return;
    }
    await new Promise((resolve) => {
      const t = setTimeout(done, Math.min(left, ms));
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.woken = done;
    });
    this.woken = void 0;
    this.signalled = false;
  }
  leave() {
    this.unwatch();
    if (this.ticket) {
      try {
        fs3.unlinkSync(path2.join(this.dir, this.ticket));
      } catch {
      }
      this.ticket = void 0;
    }
  }
  wake() {
    if (this.woken) this.woken();
    else this.signalled = true;
  }
  unwatch() {
    this.watcher?.close();
    this.watcher = void 0;
    this.watching = false;
  }
};
function waitedMs(ticket) {
  const m = TICKET_RE.exec(ticket);
  if (!m || m[4] !== hostTag()) return Infinity;
  return Number(process.hrtime.bigint() - BigInt(m[2])) / 1e6;
}
function ticketPrefix(name) {
  return `.${name}.wait.`;
}
function earliestLive(dir, prefix, now, before) {
  let names;
  try {
    names = fs3.readdirSync(dir);
  } catch {
    return void 0;
  }
  const queued = names.filter((n) => n.startsWith(prefix) && (before === void 0 || n < before)).sort();
  for (const n of queued) {
    const m = TICKET_RE.exec(n);
    if (m && live(dir, n, Number(m[3]), m[4], now)) return n;
  }
  return void 0;
}
function live(dir, name, pid, host, now) {
  const file = path2.join(dir, name);
  if (host !== hostTag()) {
    try {
      return now - fs3.lstatSync(file).mtimeMs < FOREIGN_TICKET_MS;
    } catch {
      return false;
    }
  }
  if (aliveCached(pid, now)) return true;
  try {
    fs3.unlinkSync(file);
  } catch {
  }
  return false;
}
function ringNext(dir, name) {
  const next = earliestLive(dir, ticketPrefix(name), Date.now());
  if (next === void 0) return;
  try {
    const t = /* @__PURE__ */ new Date();
    fs3.utimesSync(path2.join(dir, next), t, t);
  } catch {
  }
}

// src/state/lock.ts
var REFRESH_MS = 1e3;
var held = new AsyncLocalStorage();
function lockPathFor(stateDir, name) {
  return path3.join(stateDir, `${name}.lock`);
}
function holdsLock(stateDir, name) {
  return held.getStore()?.has(lockPathFor(path3.resolve(stateDir), name)) ?? false;
}
function lockOwner(stateDir, name) {
  try {
    const o = JSON.parse(fs4.readFileSync(path3.join(stateDir, `${name}.owner.json`), "utf8"));
    if (typeof o.pid !== "number") return void 0;
    const owner = { pid: o.pid, host: String(o.host), since: String(o.since) };
    if (typeof o.purpose === "string") owner.purpose = o.purpose;
    return owner;
  } catch {
    return void 0;
  }
}
async function acquire(stateDir, name, opts, wait) {
  assertSlug(name, "lock name");
  const dir = path3.resolve(stateDir);
  const stale = Math.max(opts.staleMs ?? 5e3, MIN_STALE_MS);
  const deadlineMs = opts.deadlineMs ?? 3e4;
  if (!(deadlineMs > stale)) {
    throw new LanesError("INVALID_INPUT", `Lock deadline ${deadlineMs} ms must be longer than stale ${stale} ms.`, {
      hint: "Otherwise a crashed holder could never be taken over before giving up (docs/safety.md rule 11)."
    });
  }
  const lease = new Lease(name, lockPathFor(dir, name), path3.join(dir, `${name}.owner.json`));
  if (held.getStore()?.has(lease.lockPath)) {
    throw new LanesError("INTERNAL", `Re-entrant take of the "${name}" lock would wait for itself.`);
  }
  const end = Date.now() + deadlineMs;
  const queue = wait ? new LockQueue(dir, name, stale) : void 0;
  let release;
  try {
    for (; ; ) {
      if (!queue || queue.mayTry()) {
        const got = await attempt(dir, name, lease, stale);
        if (got) {
          release = got;
          break;
        }
        if (!queue) return void 0;
      }
      if (Date.now() >= end) throw busy(dir, name, deadlineMs, stale);
      if (!queue.joined) queue.join();
      else await queue.wait(end, queue.first);
    }
  } finally {
    queue?.leave();
  }
  lease.holding = true;
  try {
    lease.mtime = fs4.statSync(lease.lockPath).mtime.getTime();
    noteTakeover(dir, name);
    const note = { pid: process.pid, host: hostName(), since: (/* @__PURE__ */ new Date()).toISOString(), token: lease.token };
    if (opts.purpose) note.purpose = opts.purpose;
    writeFileAtomic(lease.ownerPath, `${JSON.stringify(note)}
`, 384, { durable: false });
  } catch (e) {
    await release().catch(() => {
    });
    throw e;
  }
  await failpoint("lock.held");
  return { held: lease, release: () => releaseLease(lease, release) };
}
async function attempt(dir, name, lease, stale) {
  try {
    return await import_proper_lockfile.default.lock(path3.join(dir, name), {
      stale,
      update: REFRESH_MS,
      realpath: false,
      lockfilePath: lease.lockPath,
      fs: lease.fs(),
      // Waiting is ours (LockQueue): proper-lockfile's own retries sleep on a random back-off.
      retries: 0,
      // Never throw here: this runs from a timer and would kill the process (rule 10).
      onCompromised: (err) => lease.markCompromised(err.message)
    });
  } catch (e) {
    if (e.code === "ELOCKED") return void 0;
    throw new LanesError("INTERNAL", `Could not take the "${name}" lock in ${dir}: ${e.message}`, { cause: e });
  }
}
function noteTakeover(dir, name) {
  const prev = lockOwner(dir, name);
  if (!prev) return;
  const dead = prev.host === hostName() && !pidAlive(prev.pid);
  const msg = `took over the "${name}" lock last held by pid ${prev.pid} on ${prev.host} since ${prev.since}`;
  if (dead) log.warn(`${msg} (that process died holding it)`);
  else log.debug(msg);
}
async function releaseLease(lease, release) {
  if (lease.released) return;
  if (lease.stillOurs() !== void 0) {
    try {
      const o = JSON.parse(fs4.readFileSync(lease.ownerPath, "utf8"));
      if (o.token === lease.token) rmQuiet(lease.ownerPath);
    } catch {
    }
  }
  try {
    await release();
  } catch (e) {
    if (e.code !== "ERELEASED") log.warn(`releasing the "${lease.name}" lock failed`, String(e));
  }
  lease.released = true;
  ringNext(path3.dirname(lease.lockPath), lease.name);
}
function busy(dir, name, waitedMs2, stale) {
  const o = lockOwner(dir, name);
  const who = o ? `pid ${o.pid} on ${o.host} since ${o.since}${o.purpose ? ` (${o.purpose})` : ""}` : "an unknown process";
  return new LanesError(
    "BUSY",
    `The "${name}" lock in ${dir} is busy: held by ${who}; gave up after ${Math.round(waitedMs2 / 100) / 10} s.`,
    {
      hint: `Another Lanes process is changing shared state; retry shortly. A holder that died is taken over automatically after ${stale / 1e3} s.`,
      details: { lock: name, holder: o }
    }
  );
}
async function withLock(stateDir, name, fn, opts = {}) {
  const got = await acquire(stateDir, name, opts, true);
  const lease = got.held;
  const inner = new Set(held.getStore() ?? []).add(lease.lockPath);
  try {
    return await held.run(inner, () => fn(lease));
  } finally {
    await got.release();
  }
}
async function tryLock(stateDir, name, opts = {}) {
  const got = await acquire(stateDir, name, opts, false);
  return got ?? { holder: lockOwner(path3.resolve(stateDir), name) };
}

// src/state/events.ts
var EVENTS_FILE = "events.jsonl";
var EVENTS_OLD_FILE = "events.1.jsonl";
var ROTATE_BYTES = 8 * 1024 * 1024;
async function appendEvent(dir, type, fields, lockOpts = {}) {
  if (typeof type !== "string" || type.length === 0) throw new LanesError("INVALID_INPUT", "An event needs a type.");
  const { ts: _ts, type: _type, pid: _pid, ...rest } = fields;
  const line = Buffer.from(`${JSON.stringify({ ts: (/* @__PURE__ */ new Date()).toISOString(), type, pid: process.pid, ...rest })}
`);
  const file = path4.join(dir, EVENTS_FILE);
  let fd = fs5.openSync(file, "a", 384);
  try {
    if (fs5.fstatSync(fd).size >= ROTATE_BYTES) {
      fs5.closeSync(fd);
      fd = -1;
      await rotate(dir, lockOpts);
      fd = fs5.openSync(file, "a", 384);
    }
    const n = fs5.writeSync(fd, line);
    if (n < line.length) fs5.writeSync(fd, line, n, line.length - n);
  } finally {
    if (fd >= 0) fs5.closeSync(fd);
  }
}
async function rotate(dir, lockOpts) {
  const file = path4.join(dir, EVENTS_FILE);
  await withLock(
    dir,
    "events",
    async () => {
      const size = fs5.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      if (size >= ROTATE_BYTES) fs5.renameSync(file, path4.join(dir, EVENTS_OLD_FILE));
    },
    { ...lockOpts, purpose: "rotate events" }
  );
}
async function readEvents(dir, opts = {}) {
  const { limit, since } = opts;
  let events = parseFile(path4.join(dir, EVENTS_FILE));
  const enough = limit !== void 0 && countSince(events, since) >= limit;
  const first = events[0];
  const olderNeeded = !enough && (since === void 0 || first === void 0 || first.ts >= since);
  if (olderNeeded) events = parseFile(path4.join(dir, EVENTS_OLD_FILE)).concat(events);
  if (since !== void 0) events = events.filter((e) => e.ts >= since);
  if (limit !== void 0) events = limit <= 0 ? [] : events.slice(-limit);
  return events;
}
function countSince(events, since) {
  return since === void 0 ? events.length : events.filter((e) => e.ts >= since).length;
}
function parseFile(file) {
  let text;
  try {
    text = fs5.readFileSync(file, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw e;
  }
  const lines = text.split("\n");
  const out = [];
  lines.forEach((line, i) => {
    if (!line) return;
    try {
      const e = JSON.parse(line);
      if (e && typeof e.ts === "string" && typeof e.type === "string") out.push(e);
    } catch {
      if (i < lines.length - 1 && !(i === lines.length - 2 && lines[i + 1] === ""))
        log.warn(`skipped an unparseable line ${i + 1} of ${file}`);
    }
  });
  return out;
}

// src/state/journal.ts
var working = /* @__PURE__ */ new Set();
var ID_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
var Journal = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  async begin(op, data) {
    fs6.mkdirSync(this.dir, { recursive: true, mode: 448 });
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const id = `${Date.now().toString(36)}-${process.pid}-${randomHex(3)}`;
    const rec = {
      id,
      op,
      pid: process.pid,
      host: hostName(),
      startedAt: now,
      updatedAt: now,
      step: "begin",
      data: { ...data }
    };
    this.write(rec);
    working.add(id);
    return new Entry(this, rec);
  }
  /**
   * Takes over an orphan to roll it forward or back: the record is rewritten with our pid, so it
   * stops being an orphan while we work on it. Hold the lock that guards the operation meanwhile,
   * so two recovering processes cannot adopt the same record.
   */
  async adopt(record) {
    const rec = { ...record, pid: process.pid, host: hostName(), updatedAt: (/* @__PURE__ */ new Date()).toISOString() };
    this.write(rec);
    working.add(rec.id);
    return new Entry(this, rec);
  }
  /** Every record, oldest first. An unparseable one is moved aside and reported, never dropped silently. */
  async list() {
    let names;
    try {
      names = fs6.readdirSync(this.dir);
    } catch (e) {
      if (e.code === "ENOENT") return [];
      throw e;
    }
    const out = [];
    for (const name of names) {
      if (!name.endsWith(".json") || TEMP_RE.test(name)) continue;
      const file = path5.join(this.dir, name);
      let text;
      try {
        text = fs6.readFileSync(file, "utf8");
      } catch {
        continue;
      }
      const rec = parseRecord2(text);
      if (rec) out.push(rec);
      else quarantineRecord(file);
    }
    return out.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  }
  /**
   * Records nobody works on: their process is gone from this host (it crashed midway), or it is
   * this process and it abandoned them (or an earlier process that had this pid wrote them).
   */
  async orphans() {
    const host = hostName();
    return (await this.list()).filter((r) => r.host === host && (r.pid === process.pid ? !working.has(r.id) : !pidAlive(r.pid)));
  }
  /** @internal */
  file(id) {
    return path5.join(this.dir, `${id}.json`);
  }
  /** @internal */
  write(rec) {
    writeFileAtomic(this.file(rec.id), `${JSON.stringify(rec)}
`);
  }
};
var Entry = class {
  constructor(journal, rec) {
    this.journal = journal;
    this.rec = rec;
  }
  journal;
  rec;
  get id() {
    return this.rec.id;
  }
  get record() {
    return this.rec;
  }
  async step(name, patch = {}) {
    const next = { ...this.rec, step: name, updatedAt: (/* @__PURE__ */ new Date()).toISOString(), data: { ...this.rec.data, ...patch } };
    this.journal.write(next);
    this.rec = next;
  }
  async done() {
    try {
      fs6.unlinkSync(this.journal.file(this.rec.id));
    } catch (e) {
      if (e.code !== "ENOENT") throw e;
    }
    fsyncDir(this.journal.dir);
    working.delete(this.rec.id);
  }
  abandon() {
    working.delete(this.rec.id);
  }
};
function parseRecord2(text) {
  try {
    const r = JSON.parse(text);
    const ok = typeof r === "object" && r !== null && typeof r.id === "string" && ID_RE.test(r.id) && typeof r.op === "string" && Number.isSafeInteger(r.pid) && typeof r.host === "string" && typeof r.step === "string" && typeof r.startedAt === "string" && typeof r.data === "object" && r.data !== null;
    return ok ? r : void 0;
  } catch {
    return void 0;
  }
}
function quarantineRecord(file) {
  const q = `${file}.corrupt-${Date.now()}`;
  try {
    fs6.renameSync(file, q);
    log.error(`journal record ${file} is unreadable; moved aside to ${q}. Check the operation it described by hand.`);
  } catch {
  }
}

// src/state/shared.ts

// src/state/seen.ts
var GRACE_MS = 5e3;
var book;
function loadBook(file) {
  if (book?.file === file) return;
  let seen = /* @__PURE__ */ new Map();
  try {
    seen = new Map(JSON.parse(fs7.readFileSync(file, "utf8")));
  } catch {
  }
  book = { file, seen, dirty: false };
}
function isLease(v) {
  const r = v;
  return typeof r.owner === "string" && typeof r.host === "string" && typeof r.expires_at === "string";
}
var tokenOf = (r) => `${r.host}\0${r.owner}\0${r.expires_at}`;
function ttlMsOf(r) {
  if (typeof r.ttl_seconds === "number" && r.ttl_seconds > 0) return r.ttl_seconds * 1e3;
  const from = typeof r.renewed_at === "string" ? r.renewed_at : typeof r.leased_at === "string" ? r.leased_at : void 0;
  const d = from ? Date.parse(r.expires_at) - Date.parse(from) : NaN;
  return Number.isFinite(d) && d > 0 ? d : 7 * 864e5;
}
function firstSeen(token, now) {
  const b = book;
  let t = b.seen.get(token);
  if (t === void 0) {
    b.seen.set(token, t = now);
    b.dirty = true;
  }
  return t;
}
function leaseEnd(r, now = Date.now()) {
  const written = Date.parse(r.expires_at);
  if (!book || !isLease(r) || r.host === hostName()) return written;
  return firstSeen(tokenOf(r), now) + ttlMsOf(r) + GRACE_MS;
}
function observeLeases(value, now = Date.now()) {
  if (!book) return;
  const walk = (v, depth) => {
    if (v === null || typeof v !== "object" || depth > 6) return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    if (isLease(v) && v.host !== hostName()) firstSeen(tokenOf(v), now);
    for (const x of Object.values(v)) walk(x, depth + 1);
  };
  walk(value, 0);
}
function saveBook(keep) {
  const b = book;
  if (!b || !b.dirty) return;
  const old = Date.now() - 7 * 864e5;
  for (const [k, t] of b.seen) if (t < old || keep && !keep(k)) b.seen.delete(k);
  try {
    writeFileAtomic(b.file, JSON.stringify([...b.seen]) + "\n", 384, { durable: false });
    b.dirty = false;
  } catch {
  }
}

// src/state/shared.ts
var SHARED_DOCS = Object.freeze(["plan", "tasks", "owners", "claims", "ports", "merge-queue", "processor"]);
function markerFile(stateDir) {
  return path6.join(stateDir, "remote", "enabled.json");
}
function readRemoteSetting(stateDir) {
  let text;
  try {
    text = fs8.readFileSync(markerFile(stateDir), "utf8");
  } catch {
    return void 0;
  }
  try {
    const s = JSON.parse(text);
    if (typeof s.remote === "string" && s.remote !== "") return { remote: s.remote, enabled_at: Number(s.enabled_at) || 0 };
  } catch {
  }
  throw new LanesError("STATE_CORRUPT", `${markerFile(stateDir)} is not a remote setting Lanes wrote.`, {
    hint: "Run lanes remote enable <remote> again (or lanes remote disable to work locally)."
  });
}
function writeRemoteSetting(stateDir, root, setting) {
  const file = markerFile(stateDir);
  if (!setting) {
    fs8.rmSync(file, { force: true });
    return;
  }
  ensurePrivateDir(path6.dirname(file), root);
  writeFileAtomic(file, JSON.stringify(setting) + "\n", 384);
}
async function sharedBackend(stateDir, cwd) {
  const setting = readRemoteSetting(stateDir);
  if (!setting) return void 0;
  loadBook(path6.join(stateDir, "remote", "seen.json"));
  const { RemoteStore } = await import("./store-DKLNV4TN.mjs");
  const remote = new RemoteStore({ cwd, remote: setting.remote, machine: hostName(), env: process.env });
  return { remote, setting, docs: new Set(SHARED_DOCS) };
}

// src/state/shared-tx.ts
async function sharedTransact(store, shared, lock, fn, opts) {
  let local = /* @__PURE__ */ new Map();
  const watch = opts.watch ?? [];
  const r = await shared.remote.transact(
    [...shared.docs],
    async (rtx) => {
      local = /* @__PURE__ */ new Map();
      const copies = /* @__PURE__ */ new Map();
      const tx = {
        lock,
        get: (def) => {
          const name = assertDocName(def.name);
          if (shared.docs.has(name)) {
            let c = copies.get(name);
            if (!c) {
              const raw = rtx.get(name, () => null);
              observeLeases(raw);
              const data = raw === null ? nullProtoDeep(def.empty()) : def.normalize(nullProtoDeep(structuredClone(raw)));
              c = { data, before: JSON.stringify(data) };
              copies.set(name, c);
            }
            return c.data;
          }
          let d = local.get(name);
          if (!d) {
            const cur = store.loadLocked(def);
            d = { version: cur.version, data: cur.data, before: JSON.stringify(cur.data) };
            local.set(name, d);
          }
          return d.data;
        },
        remote: { ref: (n) => rtx.ref(n), pushRef: (ref, expect, next) => rtx.pushRef(ref, expect, next) }
      };
      const result = await fn(tx);
      for (const [name, c] of copies) if (JSON.stringify(c.data) !== c.before) rtx.set(name, c.data);
      return result;
    },
    watch.length ? { watch } : { optimistic: true }
  );
  const staged = [];
  for (const [doc, d] of local) {
    const now = JSON.stringify(d.data);
    if (now !== d.before) staged.push({ doc, version: d.version + 1, text: docText(d.version + 1, now) });
  }
  cacheShared(store, r.docs, staged);
  store.writeStaged(lock, staged);
  saveBook();
  return r.result;
}
async function refreshShared(store, shared, lock) {
  const read = await shared.remote.readDocs([...shared.docs]);
  for (const d of read.docs.values()) observeLeases(d.data);
  const staged = [];
  cacheShared(store, read.docs, staged);
  store.writeStaged(lock, staged);
  saveBook();
  return read.at;
}
function cacheShared(store, docs, staged) {
  for (const [doc, d] of docs) {
    const file = docFile(store.dir, doc);
    if (!d.exists) {
      fs9.rmSync(file, { force: true });
      continue;
    }
    const text = JSON.stringify(d.data);
    const cur = loadDoc(file);
    if (cur?.ok && JSON.stringify(cur.data) === text) continue;
    const version = diskVersion(file) + 1;
    staged.push({ doc, version, text: docText(version, text) });
  }
}

// src/state/store.ts
var REFRESH_MS2 = 3e3;
var StateStore = class _StateStore {
  constructor(dir, opts) {
    this.dir = dir;
    this.lockOpts = { staleMs: opts.staleMs, deadlineMs: opts.deadlineMs, purpose: opts.purpose };
    this.journal = new Journal(path7.join(dir, "journal"));
  }
  dir;
  journal;
  lockOpts;
  /** Shared state on the team's remote, when this clone has it enabled. */
  shared;
  static async open(stateDir, opts = {}) {
    const dir = path7.resolve(stateDir);
    ensurePrivateDir(dir, opts.root);
    const store = new _StateStore(dir, opts);
    store.shared = await sharedBackend(dir, path7.dirname(dir));
    const journalDir = store.journal.dir;
    if (fs10.existsSync(path7.join(dir, REDO_FILE)) || hasOrphanTemps(dir) || hasOrphanTemps(journalDir)) {
      await store.locked(async () => {
        sweepTempFiles(dir, pendingTemps(dir));
        sweepTempFiles(journalDir);
      });
    }
    return store;
  }
  /**
   * The 'state' lock; every acquisition first finishes a commit a crashed process left behind.
   * A single-document write renames under the lock and fsyncs the directory after releasing it
   * (`renamed`), before returning: the write is durable when reported, the lock is not held for
   * the second flush, and a later writer's own directory fsync covers this rename anyway.
   */
  async locked(fn) {
    let dirty = false;
    try {
      return await withLock(
        this.dir,
        "state",
        async (lock) => {
          rollForward(this.dir);
          return fn(lock, () => dirty = true);
        },
        this.lockOpts
      );
    } finally {
      if (dirty) fsyncDir(this.dir);
    }
  }
  /**
   * A lock-free snapshot of the document, normalised. A shared document (state on a remote) is
   * this clone's cache of it, read from the remote first when this process has not read the
   * remote in the last few seconds (so every command starts from the remote's state, whatever
   * another process read before it); while the remote cannot be reached, the cache as it is.
   */
  async read(doc) {
    if (this.shared?.docs.has(doc.name) && !holdsLock(this.dir, "state")) await this.freshen();
    const file = docFile(this.dir, assertDocName(doc.name));
    const r = loadDoc(file);
    if (r === void 0) return { version: 0, data: nullProtoDeep(doc.empty()) };
    if (r.ok) return { version: r.version, data: doc.normalize(r.data) };
    if (holdsLock(this.dir, "state")) throw quarantine(file, r.reason);
    return this.locked(async () => this.loadLocked(doc));
  }
  /** Read under the lock; a corrupt file is quarantined and the error thrown. */
  loadLocked(doc) {
    const file = docFile(this.dir, doc.name);
    const r = loadDoc(file);
    if (r === void 0) return { version: 0, data: nullProtoDeep(doc.empty()) };
    if (!r.ok) throw quarantine(file, r.reason);
    return { version: r.version, data: doc.normalize(r.data) };
  }
  async update(doc, fn) {
    const name = assertDocName(doc.name);
    if (this.shared?.docs.has(name)) return this.transact(async (tx) => fn(tx.get(doc)));
    return this.locked(async (lock, renamed) => {
      const cur = this.loadLocked(doc);
      const before = JSON.stringify(cur.data);
      const result = await fn(cur.data);
      const after = JSON.stringify(cur.data);
      if (after !== before) {
        writeFileAtomic(docFile(this.dir, name), docText(cur.version + 1, after), 384, {
          beforeRename: () => this.fence(lock, [[name, cur.version]]),
          syncDir: false
        });
        renamed();
      }
      return result;
    });
  }
  async transact(fn, opts = {}) {
    const shared = this.shared;
    if (shared) return this.locked(async (lock) => sharedTransact(this, shared, lock, fn, opts));
    return this.locked(async (lock, renamed) => {
      const docs = /* @__PURE__ */ new Map();
      const tx = {
        lock,
        get: (doc) => {
          const name = assertDocName(doc.name);
          let d = docs.get(name);
          if (!d) {
            const cur = this.loadLocked(doc);
            d = { version: cur.version, data: cur.data, before: JSON.stringify(cur.data) };
            docs.set(name, d);
          }
          return d.data;
        }
      };
      const result = await fn(tx);
      const changed = [];
      for (const [doc, d] of docs) {
        const now = JSON.stringify(d.data);
        if (now !== d.before) changed.push({ doc, version: d.version + 1, text: docText(d.version + 1, now) });
      }
      this.writeStaged(lock, changed, renamed);
      return result;
    });
  }
  /**
   * Read the shared documents from the remote into this clone's cache (OFFLINE when it cannot be
   * reached). Undefined without shared state; else when the view was read (this clone's clock).
   */
  async refresh() {
    const shared = this.shared;
    if (!shared) return void 0;
    const at = await this.locked(async (lock) => refreshShared(this, shared, lock));
    this.readAt = performance.now();
    return at;
  }
  freshening;
  /** When this process last read the remote (or found it unreachable): its own monotonic clock. */
  readAt;
  freshen() {
    if (this.readAt !== void 0 && performance.now() - this.readAt < REFRESH_MS2) return Promise.resolve();
    this.freshening ??= this.refresh().then(
      () => void 0,
      (e) => {
        if (!(e instanceof LanesError && e.code === "OFFLINE")) throw e;
        this.readAt = performance.now();
      }
    ).finally(() => this.freshening = void 0);
    return this.freshening;
  }
  /** Writes staged documents as one group (a single one by itself), fenced on their versions. */
  writeStaged(lock, changed, renamed) {
    const fence = () => this.fence(
      lock,
      changed.map((c) => [c.doc, c.version - 1])
    );
    const only = changed.length === 1 ? changed[0] : void 0;
    if (only) {
      writeFileAtomic(docFile(this.dir, only.doc), only.text, 384, { beforeRename: fence, syncDir: !renamed });
      renamed?.();
    } else if (changed.length > 1) this.commitOrFinish(changed, fence);
  }
  commitOrFinish(changed, fence) {
    try {
      commitGroup(this.dir, changed, fence);
    } catch (e) {
      try {
        rollForward(this.dir);
      } catch {
      }
      throw e;
    }
  }
  /** Fencing (rule 10): the lock is still ours and nobody wrote these documents since we read them. */
  fence(lock, docs) {
    lock.assertHeld();
    for (const [doc, read] of docs) {
      const now = diskVersion(docFile(this.dir, doc));
      if (now !== read) {
        throw new LanesError(
          "STALE_WRITE",
          `Refused to write "${doc}": it is at version ${now} on disk, but this change was based on version ${read}.`,
          {
            hint: "Nothing was written. Another process changed the state meanwhile; run the command again.",
            details: { doc, read, onDisk: now }
          }
        );
      }
    }
  }
  appendEvent(type, fields = {}) {
    return appendEvent(this.dir, type, fields, this.lockOpts);
  }
  readEvents(opts = {}) {
    return readEvents(this.dir, opts);
  }
};

export {
  loadBook,
  leaseEnd,
  SHARED_DOCS,
  readRemoteSetting,
  writeRemoteSetting,
  sharedBackend,
  holdsLock,
  lockOwner,
  withLock,
  tryLock,
  StateStore
};

#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = __lanesRequire(import.meta.url);
import {
  assertDocName,
  diskVersion,
  docFile,
  docText,
  hostName,
  loadDoc,
  log,
  nullProtoDeep,
  pidAlive,
  quarantine
} from "./chunk-KCQ2UJ6A.mjs";
import {
  LanesError,
  assertSlug,
  isSlug
} from "./chunk-B475TGAI.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-4OAWNEMU.mjs";

// node_modules/graceful-fs/polyfills.js
var require_polyfills = __commonJS({
  "node_modules/graceful-fs/polyfills.js"(exports, module) {
    var constants = __require("constants");
    var origCwd = process.cwd;
    var cwd = null;
    var platform = process.env.GRACEFUL_FS_PLATFORM || process.platform;
    process.cwd = function() {
      if (!cwd)
        cwd = origCwd.call(process);
      return cwd;
    };
    try {
      process.cwd();
    } catch (er) {
    }
    if (typeof process.chdir === "function") {
      chdir = process.chdir;
      process.chdir = function(d) {
        cwd = null;
        chdir.call(process, d);
      };
      if (Object.setPrototypeOf) Object.setPrototypeOf(process.chdir, chdir);
    }
    var chdir;
    module.exports = patch;
    function patch(fs9) {
      if (constants.hasOwnProperty("O_SYMLINK") && process.version.match(/^v0\.6\.[0-2]|^v0\.5\./)) {
        patchLchmod(fs9);
      }
      if (!fs9.lutimes) {
        patchLutimes(fs9);
      }
      fs9.chown = chownFix(fs9.chown);
      fs9.fchown = chownFix(fs9.fchown);
      fs9.lchown = chownFix(fs9.lchown);
      fs9.chmod = chmodFix(fs9.chmod);
      fs9.fchmod = chmodFix(fs9.fchmod);
      fs9.lchmod = chmodFix(fs9.lchmod);
      fs9.chownSync = chownFixSync(fs9.chownSync);
      fs9.fchownSync = chownFixSync(fs9.fchownSync);
      fs9.lchownSync = chownFixSync(fs9.lchownSync);
      fs9.chmodSync = chmodFixSync(fs9.chmodSync);
      fs9.fchmodSync = chmodFixSync(fs9.fchmodSync);
      fs9.lchmodSync = chmodFixSync(fs9.lchmodSync);
      fs9.stat = statFix(fs9.stat);
      fs9.fstat = statFix(fs9.fstat);
      fs9.lstat = statFix(fs9.lstat);
      fs9.statSync = statFixSync(fs9.statSync);
      fs9.fstatSync = statFixSync(fs9.fstatSync);
      fs9.lstatSync = statFixSync(fs9.lstatSync);
      if (fs9.chmod && !fs9.lchmod) {
        fs9.lchmod = function(path8, mode, cb) {
          if (cb) process.nextTick(cb);
        };
        fs9.lchmodSync = function() {
        };
      }
      if (fs9.chown && !fs9.lchown) {
        fs9.lchown = function(path8, uid, gid, cb) {
          if (cb) process.nextTick(cb);
        };
        fs9.lchownSync = function() {
        };
      }
      if (platform === "win32") {
        fs9.rename = typeof fs9.rename !== "function" ? fs9.rename : (function(fs$rename) {
          function rename(from, to, cb) {
            var start = Date.now();
            var backoff = 0;
            fs$rename(from, to, function CB(er) {
              if (er && (er.code === "EACCES" || er.code === "EPERM" || er.code === "EBUSY") && Date.now() - start < 6e4) {
                setTimeout(function() {
                  fs9.stat(to, function(stater, st) {
                    if (stater && stater.code === "ENOENT")
                      fs$rename(from, to, CB);
                    else
                      cb(er);
                  });
                }, backoff);
                if (backoff < 100)
                  backoff += 10;
                return;
              }
              if (cb) cb(er);
            });
          }
          if (Object.setPrototypeOf) Object.setPrototypeOf(rename, fs$rename);
          return rename;
        })(fs9.rename);
      }
      fs9.read = typeof fs9.read !== "function" ? fs9.read : (function(fs$read) {
        function read(fd, buffer, offset, length, position, callback_) {
          var callback;
          if (callback_ && typeof callback_ === "function") {
            var eagCounter = 0;
            callback = function(er, _, __) {
              if (er && er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                return fs$read.call(fs9, fd, buffer, offset, length, position, callback);
              }
              callback_.apply(this, arguments);
            };
          }
          return fs$read.call(fs9, fd, buffer, offset, length, position, callback);
        }
        if (Object.setPrototypeOf) Object.setPrototypeOf(read, fs$read);
        return read;
      })(fs9.read);
      fs9.readSync = typeof fs9.readSync !== "function" ? fs9.readSync : /* @__PURE__ */ (function(fs$readSync) {
        return function(fd, buffer, offset, length, position) {
          var eagCounter = 0;
          while (true) {
            try {
              return fs$readSync.call(fs9, fd, buffer, offset, length, position);
            } catch (er) {
              if (er.code === "EAGAIN" && eagCounter < 10) {
                eagCounter++;
                continue;
              }
              throw er;
            }
          }
        };
      })(fs9.readSync);
      function patchLchmod(fs10) {
        fs10.lchmod = function(path8, mode, callback) {
          fs10.open(
            path8,
            constants.O_WRONLY | constants.O_SYMLINK,
            mode,
            function(err, fd) {
              if (err) {
                if (callback) callback(err);
                return;
              }
              fs10.fchmod(fd, mode, function(err2) {
                fs10.close(fd, function(err22) {
                  if (callback) callback(err2 || err22);
                });
              });
            }
          );
        };
        fs10.lchmodSync = function(path8, mode) {
          var fd = fs10.openSync(path8, constants.O_WRONLY | constants.O_SYMLINK, mode);
          var threw = true;
          var ret;
          try {
            ret = fs10.fchmodSync(fd, mode);
            threw = false;
          } finally {
            if (threw) {
              try {
                fs10.closeSync(fd);
              } catch (er) {
              }
            } else {
              fs10.closeSync(fd);
            }
          }
          return ret;
        };
      }
      function patchLutimes(fs10) {
        if (constants.hasOwnProperty("O_SYMLINK") && fs10.futimes) {
          fs10.lutimes = function(path8, at, mt, cb) {
            fs10.open(path8, constants.O_SYMLINK, function(er, fd) {
              if (er) {
                if (cb) cb(er);
                return;
              }
              fs10.futimes(fd, at, mt, function(er2) {
                fs10.close(fd, function(er22) {
                  if (cb) cb(er2 || er22);
                });
              });
            });
          };
          fs10.lutimesSync = function(path8, at, mt) {
            var fd = fs10.openSync(path8, constants.O_SYMLINK);
            var ret;
            var threw = true;
            try {
              ret = fs10.futimesSync(fd, at, mt);
              threw = false;
            } finally {
              if (threw) {
                try {
                  fs10.closeSync(fd);
                } catch (er) {
                }
              } else {
                fs10.closeSync(fd);
              }
            }
            return ret;
          };
        } else if (fs10.futimes) {
          fs10.lutimes = function(_a, _b, _c, cb) {
            if (cb) process.nextTick(cb);
          };
          fs10.lutimesSync = function() {
          };
        }
      }
      function chmodFix(orig) {
        if (!orig) return orig;
        return function(target, mode, cb) {
          return orig.call(fs9, target, mode, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chmodFixSync(orig) {
        if (!orig) return orig;
        return function(target, mode) {
          try {
            return orig.call(fs9, target, mode);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function chownFix(orig) {
        if (!orig) return orig;
        return function(target, uid, gid, cb) {
          return orig.call(fs9, target, uid, gid, function(er) {
            if (chownErOk(er)) er = null;
            if (cb) cb.apply(this, arguments);
          });
        };
      }
      function chownFixSync(orig) {
        if (!orig) return orig;
        return function(target, uid, gid) {
          try {
            return orig.call(fs9, target, uid, gid);
          } catch (er) {
            if (!chownErOk(er)) throw er;
          }
        };
      }
      function statFix(orig) {
        if (!orig) return orig;
        return function(target, options, cb) {
          if (typeof options === "function") {
            cb = options;
            options = null;
          }
          function callback(er, stats) {
            if (stats) {
              if (stats.uid < 0) stats.uid += 4294967296;
              if (stats.gid < 0) stats.gid += 4294967296;
            }
            if (cb) cb.apply(this, arguments);
          }
          return options ? orig.call(fs9, target, options, callback) : orig.call(fs9, target, callback);
        };
      }
      function statFixSync(orig) {
        if (!orig) return orig;
        return function(target, options) {
          var stats = options ? orig.call(fs9, target, options) : orig.call(fs9, target);
          if (stats) {
            if (stats.uid < 0) stats.uid += 4294967296;
            if (stats.gid < 0) stats.gid += 4294967296;
          }
          return stats;
        };
      }
      function chownErOk(er) {
        if (!er)
          return true;
        if (er.code === "ENOSYS")
          return true;
        var nonroot = !process.getuid || process.getuid() !== 0;
        if (nonroot) {
          if (er.code === "EINVAL" || er.code === "EPERM")
            return true;
        }
        return false;
      }
    }
  }
});

// node_modules/graceful-fs/legacy-streams.js
var require_legacy_streams = __commonJS({
  "node_modules/graceful-fs/legacy-streams.js"(exports, module) {
    var Stream = __require("stream").Stream;
    module.exports = legacy;
    function legacy(fs9) {
      return {
        ReadStream,
        WriteStream
      };
      function ReadStream(path8, options) {
        if (!(this instanceof ReadStream)) return new ReadStream(path8, options);
        Stream.call(this);
        var self = this;
        this.path = path8;
        this.fd = null;
        this.readable = true;
        this.paused = false;
        this.flags = "r";
        this.mode = 438;
        this.bufferSize = 64 * 1024;
        options = options || {};
        var keys = Object.keys(options);
        for (var index = 0, length = keys.length; index < length; index++) {
          var key = keys[index];
          this[key] = options[key];
        }
        if (this.encoding) this.setEncoding(this.encoding);
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.end === void 0) {
            this.end = Infinity;
          } else if ("number" !== typeof this.end) {
            throw TypeError("end must be a Number");
          }
          if (this.start > this.end) {
            throw new Error("start must be <= end");
          }
          this.pos = this.start;
        }
        if (this.fd !== null) {
          process.nextTick(function() {
            self._read();
          });
          return;
        }
        fs9.open(this.path, this.flags, this.mode, function(err, fd) {
          if (err) {
            self.emit("error", err);
            self.readable = false;
            return;
          }
          self.fd = fd;
          self.emit("open", fd);
          self._read();
        });
      }
      function WriteStream(path8, options) {
        if (!(this instanceof WriteStream)) return new WriteStream(path8, options);
        Stream.call(this);
        this.path = path8;
        this.fd = null;
        this.writable = true;
        this.flags = "w";
        this.encoding = "binary";
        this.mode = 438;
        this.bytesWritten = 0;
        options = options || {};
        var keys = Object.keys(options);
        for (var index = 0, length = keys.length; index < length; index++) {
          var key = keys[index];
          this[key] = options[key];
        }
        if (this.start !== void 0) {
          if ("number" !== typeof this.start) {
            throw TypeError("start must be a Number");
          }
          if (this.start < 0) {
            throw new Error("start must be >= zero");
          }
          this.pos = this.start;
        }
        this.busy = false;
        this._queue = [];
        if (this.fd === null) {
          this._open = fs9.open;
          this._queue.push([this._open, this.path, this.flags, this.mode, void 0]);
          this.flush();
        }
      }
    }
  }
});

// node_modules/graceful-fs/clone.js
var require_clone = __commonJS({
  "node_modules/graceful-fs/clone.js"(exports, module) {
    "use strict";
    module.exports = clone;
    var getPrototypeOf = Object.getPrototypeOf || function(obj) {
      return obj.__proto__;
    };
    function clone(obj) {
      if (obj === null || typeof obj !== "object")
        return obj;
      if (obj instanceof Object)
        var copy = { __proto__: getPrototypeOf(obj) };
      else
        var copy = /* @__PURE__ */ Object.create(null);
      Object.getOwnPropertyNames(obj).forEach(function(key) {
        Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(obj, key));
      });
      return copy;
    }
  }
});

// node_modules/graceful-fs/graceful-fs.js
var require_graceful_fs = __commonJS({
  "node_modules/graceful-fs/graceful-fs.js"(exports, module) {
    var fs9 = __require("fs");
    var polyfills = require_polyfills();
    var legacy = require_legacy_streams();
    var clone = require_clone();
    var util = __require("util");
    var gracefulQueue;
    var previousSymbol;
    if (typeof Symbol === "function" && typeof Symbol.for === "function") {
      gracefulQueue = /* @__PURE__ */ Symbol.for("graceful-fs.queue");
      previousSymbol = /* @__PURE__ */ Symbol.for("graceful-fs.previous");
    } else {
      gracefulQueue = "___graceful-fs.queue";
      previousSymbol = "___graceful-fs.previous";
    }
    function noop() {
    }
    function publishQueue(context, queue2) {
      Object.defineProperty(context, gracefulQueue, {
        get: function() {
          return queue2;
        }
      });
    }
    var debug = noop;
    if (util.debuglog)
      debug = util.debuglog("gfs4");
    else if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || ""))
      debug = function() {
        var m = util.format.apply(util, arguments);
        m = "GFS4: " + m.split(/\n/).join("\nGFS4: ");
        console.error(m);
      };
    if (!fs9[gracefulQueue]) {
      queue = global[gracefulQueue] || [];
      publishQueue(fs9, queue);
      fs9.close = (function(fs$close) {
        function close(fd, cb) {
          return fs$close.call(fs9, fd, function(err) {
            if (!err) {
              resetQueue();
            }
            if (typeof cb === "function")
              cb.apply(this, arguments);
          });
        }
        Object.defineProperty(close, previousSymbol, {
          value: fs$close
        });
        return close;
      })(fs9.close);
      fs9.closeSync = (function(fs$closeSync) {
        function closeSync(fd) {
          fs$closeSync.apply(fs9, arguments);
          resetQueue();
        }
        Object.defineProperty(closeSync, previousSymbol, {
          value: fs$closeSync
        });
        return closeSync;
      })(fs9.closeSync);
      if (/\bgfs4\b/i.test(process.env.NODE_DEBUG || "")) {
        process.on("exit", function() {
          debug(fs9[gracefulQueue]);
          __require("assert").equal(fs9[gracefulQueue].length, 0);
        });
      }
    }
    var queue;
    if (!global[gracefulQueue]) {
      publishQueue(global, fs9[gracefulQueue]);
    }
    module.exports = patch(clone(fs9));
    if (process.env.TEST_GRACEFUL_FS_GLOBAL_PATCH && !fs9.__patched) {
      module.exports = patch(fs9);
      fs9.__patched = true;
    }
    function patch(fs10) {
      polyfills(fs10);
      fs10.gracefulify = patch;
      fs10.createReadStream = createReadStream;
      fs10.createWriteStream = createWriteStream;
      var fs$readFile = fs10.readFile;
      fs10.readFile = readFile;
      function readFile(path8, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$readFile(path8, options, cb);
        function go$readFile(path9, options2, cb2, startTime) {
          return fs$readFile(path9, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$readFile, [path9, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$writeFile = fs10.writeFile;
      fs10.writeFile = writeFile;
      function writeFile(path8, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$writeFile(path8, data, options, cb);
        function go$writeFile(path9, data2, options2, cb2, startTime) {
          return fs$writeFile(path9, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$writeFile, [path9, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$appendFile = fs10.appendFile;
      if (fs$appendFile)
        fs10.appendFile = appendFile;
      function appendFile(path8, data, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        return go$appendFile(path8, data, options, cb);
        function go$appendFile(path9, data2, options2, cb2, startTime) {
          return fs$appendFile(path9, data2, options2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$appendFile, [path9, data2, options2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$copyFile = fs10.copyFile;
      if (fs$copyFile)
        fs10.copyFile = copyFile;
      function copyFile(src, dest, flags, cb) {
        if (typeof flags === "function") {
          cb = flags;
          flags = 0;
        }
        return go$copyFile(src, dest, flags, cb);
        function go$copyFile(src2, dest2, flags2, cb2, startTime) {
          return fs$copyFile(src2, dest2, flags2, function(err) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$copyFile, [src2, dest2, flags2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      var fs$readdir = fs10.readdir;
      fs10.readdir = readdir;
      var noReaddirOptionVersions = /^v[0-5]\./;
      function readdir(path8, options, cb) {
        if (typeof options === "function")
          cb = options, options = null;
        var go$readdir = noReaddirOptionVersions.test(process.version) ? function go$readdir2(path9, options2, cb2, startTime) {
          return fs$readdir(path9, fs$readdirCallback(
            path9,
            options2,
            cb2,
            startTime
          ));
        } : function go$readdir2(path9, options2, cb2, startTime) {
          return fs$readdir(path9, options2, fs$readdirCallback(
            path9,
            options2,
            cb2,
            startTime
          ));
        };
        return go$readdir(path8, options, cb);
        function fs$readdirCallback(path9, options2, cb2, startTime) {
          return function(err, files) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([
                go$readdir,
                [path9, options2, cb2],
                err,
                startTime || Date.now(),
                Date.now()
              ]);
            else {
              if (files && files.sort)
                files.sort();
              if (typeof cb2 === "function")
                cb2.call(this, err, files);
            }
          };
        }
      }
      if (process.version.substr(0, 4) === "v0.8") {
        var legStreams = legacy(fs10);
        ReadStream = legStreams.ReadStream;
        WriteStream = legStreams.WriteStream;
      }
      var fs$ReadStream = fs10.ReadStream;
      if (fs$ReadStream) {
        ReadStream.prototype = Object.create(fs$ReadStream.prototype);
        ReadStream.prototype.open = ReadStream$open;
      }
      var fs$WriteStream = fs10.WriteStream;
      if (fs$WriteStream) {
        WriteStream.prototype = Object.create(fs$WriteStream.prototype);
        WriteStream.prototype.open = WriteStream$open;
      }
      Object.defineProperty(fs10, "ReadStream", {
        get: function() {
          return ReadStream;
        },
        set: function(val) {
          ReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      Object.defineProperty(fs10, "WriteStream", {
        get: function() {
          return WriteStream;
        },
        set: function(val) {
          WriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileReadStream = ReadStream;
      Object.defineProperty(fs10, "FileReadStream", {
        get: function() {
          return FileReadStream;
        },
        set: function(val) {
          FileReadStream = val;
        },
        enumerable: true,
        configurable: true
      });
      var FileWriteStream = WriteStream;
      Object.defineProperty(fs10, "FileWriteStream", {
        get: function() {
          return FileWriteStream;
        },
        set: function(val) {
          FileWriteStream = val;
        },
        enumerable: true,
        configurable: true
      });
      function ReadStream(path8, options) {
        if (this instanceof ReadStream)
          return fs$ReadStream.apply(this, arguments), this;
        else
          return ReadStream.apply(Object.create(ReadStream.prototype), arguments);
      }
      function ReadStream$open() {
        var that = this;
        open(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            if (that.autoClose)
              that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
            that.read();
          }
        });
      }
      function WriteStream(path8, options) {
        if (this instanceof WriteStream)
          return fs$WriteStream.apply(this, arguments), this;
        else
          return WriteStream.apply(Object.create(WriteStream.prototype), arguments);
      }
      function WriteStream$open() {
        var that = this;
        open(that.path, that.flags, that.mode, function(err, fd) {
          if (err) {
            that.destroy();
            that.emit("error", err);
          } else {
            that.fd = fd;
            that.emit("open", fd);
          }
        });
      }
      function createReadStream(path8, options) {
        return new fs10.ReadStream(path8, options);
      }
      function createWriteStream(path8, options) {
        return new fs10.WriteStream(path8, options);
      }
      var fs$open = fs10.open;
      fs10.open = open;
      function open(path8, flags, mode, cb) {
        if (typeof mode === "function")
          cb = mode, mode = null;
        return go$open(path8, flags, mode, cb);
        function go$open(path9, flags2, mode2, cb2, startTime) {
          return fs$open(path9, flags2, mode2, function(err, fd) {
            if (err && (err.code === "EMFILE" || err.code === "ENFILE"))
              enqueue([go$open, [path9, flags2, mode2, cb2], err, startTime || Date.now(), Date.now()]);
            else {
              if (typeof cb2 === "function")
                cb2.apply(this, arguments);
            }
          });
        }
      }
      return fs10;
    }
    function enqueue(elem) {
      debug("ENQUEUE", elem[0].name, elem[1]);
      fs9[gracefulQueue].push(elem);
      retry();
    }
    var retryTimer;
    function resetQueue() {
      var now = Date.now();
      for (var i = 0; i < fs9[gracefulQueue].length; ++i) {
        if (fs9[gracefulQueue][i].length > 2) {
          fs9[gracefulQueue][i][3] = now;
          fs9[gracefulQueue][i][4] = now;
        }
      }
      retry();
    }
    function retry() {
      clearTimeout(retryTimer);
      retryTimer = void 0;
      if (fs9[gracefulQueue].length === 0)
        return;
      var elem = fs9[gracefulQueue].shift();
      var fn = elem[0];
      var args = elem[1];
      var err = elem[2];
      var startTime = elem[3];
      var lastTime = elem[4];
      if (startTime === void 0) {
        debug("RETRY", fn.name, args);
        fn.apply(null, args);
      } else if (Date.now() - startTime >= 6e4) {
        debug("TIMEOUT", fn.name, args);
        var cb = args.pop();
        if (typeof cb === "function")
          cb.call(null, err);
      } else {
        var sinceAttempt = Date.now() - lastTime;
        var sinceStart = Math.max(lastTime - startTime, 1);
        var desiredDelay = Math.min(sinceStart * 1.2, 100);
        if (sinceAttempt >= desiredDelay) {
          debug("RETRY", fn.name, args);
          fn.apply(null, args.concat([startTime]));
        } else {
          fs9[gracefulQueue].push(elem);
        }
      }
      if (retryTimer === void 0) {
        retryTimer = setTimeout(retry, 0);
      }
    }
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
    exports.createTimeout = function(attempt, opts) {
      var random = opts.randomize ? Math.random() + 1 : 1;
      var timeout = Math.round(random * opts.minTimeout * Math.pow(opts.factor, attempt));
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
      assert = __require("assert");
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
    function probe(file, fs9, callback) {
      const cachedPrecision = fs9[cacheSymbol];
      if (cachedPrecision) {
        return fs9.stat(file, (err, stat) => {
          if (err) {
            return callback(err);
          }
          callback(null, stat.mtime, cachedPrecision);
        });
      }
      const mtime = new Date(Math.ceil(Date.now() / 1e3) * 1e3 + 5);
      fs9.utimes(file, mtime, mtime, (err) => {
        if (err) {
          return callback(err);
        }
        fs9.stat(file, (err2, stat) => {
          if (err2) {
            return callback(err2);
          }
          const precision = stat.mtime.getTime() % 1e3 === 0 ? "s" : "ms";
          Object.defineProperty(fs9, cacheSymbol, { value: precision });
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
    var fs9 = require_graceful_fs();
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
        fs: fs9,
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
        fs: fs9,
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
        fs: fs9,
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
    var fs9 = require_graceful_fs();
    function createSyncFs(fs10) {
      const methods = ["mkdir", "realpath", "stat", "rmdir", "utimes"];
      const newFs = { ...fs10 };
      methods.forEach((method) => {
        newFs[method] = (...args) => {
          const callback = args.pop();
          let ret;
          try {
            ret = fs10[`${method}Sync`](...args);
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
      options.fs = createSyncFs(options.fs || fs9);
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
import fs8 from "node:fs";
import path7 from "node:path";

// src/state/atomic.ts
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// src/util/failpoint.ts
var parsed;
var parsedFrom;
function points() {
  const raw = process.env.LANES_FAILPOINT ?? "";
  if (parsed && parsedFrom === raw) return parsed;
  parsed = /* @__PURE__ */ new Map();
  parsedFrom = raw;
  for (const item of raw.split(",")) {
    const t = item.trim();
    if (!t) continue;
    const i = t.indexOf(":");
    parsed.set(i < 0 ? t : t.slice(0, i), i < 0 ? "kill" : t.slice(i + 1));
  }
  return parsed;
}
async function failpoint(name) {
  if (!process.env.LANES_FAILPOINT) return;
  const action = points().get(name);
  if (action === void 0) return;
  if (action === "kill") {
    process.kill(process.pid, "SIGKILL");
    await new Promise(() => {
    });
  }
  if (action === "exit") process.exit(99);
  if (action === "throw") throw new LanesError("INTERNAL", `failpoint ${name} fired`);
  if (action.startsWith("sleep:")) {
    await new Promise((r) => setTimeout(r, Number(action.slice(6)) || 0));
  }
}
function failpointSync(name) {
  if (!process.env.LANES_FAILPOINT) return;
  const action = points().get(name);
  if (action === void 0) return;
  if (action === "kill") {
    process.kill(process.pid, "SIGKILL");
    const sab = new Int32Array(new SharedArrayBuffer(4));
    for (; ; ) Atomics.wait(sab, 0, 0, 1e3);
  }
  if (action === "exit") process.exit(99);
  if (action === "throw") throw new LanesError("INTERNAL", `failpoint ${name} fired`);
}

// src/state/atomic.ts
var TEMP_RE = /^\.(.+)\.(\d+)\.([0-9a-f]+)\.tmp$/;
var ORPHAN_AGE_MS = 60 * 60 * 1e3;
function tempPathFor(file) {
  const rand = crypto.randomBytes(6).toString("hex");
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${rand}.tmp`);
}
function writeTempFile(file, data, mode = 384, durable = true) {
  const tmp = tempPathFor(file);
  const buf = typeof data === "string" ? Buffer.from(data) : data;
  const fd = fs.openSync(tmp, "wx", mode);
  try {
    fs.fchmodSync(fd, mode);
    let off = 0;
    while (off < buf.length) off += fs.writeSync(fd, buf, off, buf.length - off);
    if (durable) fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    rmQuiet(tmp);
    throw e;
  }
  fs.closeSync(fd);
  return tmp;
}
function writeFileAtomic(file, data, mode = 384, opts = {}) {
  const durable = opts.durable !== false;
  const tmp = writeTempFile(file, data, mode, durable);
  try {
    opts.beforeRename?.();
    if (durable) failpointSync("state.before-rename");
    fs.renameSync(tmp, file);
  } catch (e) {
    rmQuiet(tmp);
    throw e;
  }
  if (durable) fsyncDir(path.dirname(file));
}
function fsyncDir(dir) {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } catch (e) {
    const code = e.code;
    if (code !== "EINVAL" && code !== "EISDIR") throw e;
  } finally {
    fs.closeSync(fd);
  }
}
function rmQuiet(file) {
  try {
    fs.unlinkSync(file);
  } catch {
  }
}
function sweepTempFiles(dir, keep) {
  let names;
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    if (e.code === "ENOENT") return 0;
    throw e;
  }
  let removed = 0;
  for (const name of names) {
    const m = TEMP_RE.exec(name);
    if (!m || keep?.has(name)) continue;
    const p = path.join(dir, name);
    if (pidAlive(Number(m[2])) && !isOld(p)) continue;
    try {
      fs.unlinkSync(p);
      removed++;
      log.debug(`removed orphan temp file ${p}`);
    } catch (e) {
      if (e.code !== "ENOENT") log.warn(`could not remove orphan temp file ${p}`, String(e));
    }
  }
  return removed;
}
function hasOrphanTemps(dir) {
  let names;
  try {
    names = fs.readdirSync(dir);
  } catch {
    return false;
  }
  return names.some((n) => {
    const m = TEMP_RE.exec(n);
    return m !== null && (!pidAlive(Number(m[2])) || isOld(path.join(dir, n)));
  });
}
function isOld(p) {
  try {
    return Date.now() - fs.lstatSync(p).mtimeMs > ORPHAN_AGE_MS;
  } catch {
    return false;
  }
}

// src/state/commit.ts
import fs2 from "node:fs";
import path2 from "node:path";
var REDO_FILE = "commit.json";
function commitGroup(dir, docs, fence) {
  const renames = [];
  try {
    for (const d of docs) {
      renames.push({ tmp: path2.basename(writeTempFile(docFile(dir, d.doc), d.text)), doc: d.doc, version: d.version });
    }
    const rec = { pid: process.pid, at: (/* @__PURE__ */ new Date()).toISOString(), renames };
    writeFileAtomic(path2.join(dir, REDO_FILE), `${JSON.stringify(rec)}
`, 384, { beforeRename: fence });
  } catch (e) {
    for (const r of renames) rmQuiet(path2.join(dir, r.tmp));
    throw e;
  }
  failpointSync("state.commit.after-record");
  apply(dir, renames);
}
function apply(dir, renames) {
  renames.forEach((r, i) => {
    const target = docFile(dir, r.doc);
    try {
      fs2.renameSync(path2.join(dir, r.tmp), target);
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
  rmQuiet(path2.join(dir, REDO_FILE));
}
function rollForward(dir) {
  const file = path2.join(dir, REDO_FILE);
  let text;
  try {
    text = fs2.readFileSync(file, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return false;
    throw e;
  }
  const rec = parseRecord(text);
  if (!rec) {
    const q = `${file}.corrupt-${Date.now()}`;
    fs2.renameSync(file, q);
    log.error(`unreadable redo record moved aside to ${q}; documents it named may be stale`);
    return false;
  }
  log.warn(`finishing a multi-document commit interrupted in pid ${rec.pid} (${rec.renames.map((r) => r.doc).join(", ")})`);
  apply(dir, rec.renames);
  return true;
}
function pendingTemps(dir) {
  try {
    const rec = parseRecord(fs2.readFileSync(path2.join(dir, REDO_FILE), "utf8"));
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
import fs5 from "node:fs";
import path4 from "node:path";

// src/state/lock.ts
var import_proper_lockfile = __toESM(require_proper_lockfile(), 1);
import { AsyncLocalStorage } from "node:async_hooks";
import fs4 from "node:fs";
import path3 from "node:path";

// src/state/lease.ts
import crypto2 from "node:crypto";
import fs3 from "node:fs";
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
  token = crypto2.randomBytes(8).toString("hex");
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
      m = fs3.statSync(this.lockPath).mtime.getTime();
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
  /** The fs proper-lockfile uses: records the mtimes it sets; never removes a lost lock. */
  fs() {
    const skipRemove = () => this.holding && this.stillOurs() === void 0;
    return {
      mkdir: fs3.mkdir,
      stat: fs3.stat,
      realpath: fs3.realpath,
      utimes: (p, a, m, cb) => {
        this.pendingMtime = m.getTime();
        fs3.utimes(p, a, m, (err) => {
          if (!err) this.mtime = m.getTime();
          this.pendingMtime = void 0;
          cb(err);
        });
      },
      // Releasing (or exiting) after losing the lock must not delete the new holder's directory:
      // proper-lockfile's unlock removes it without checking whose it is.
      rmdir: (p, cb) => skipRemove() ? cb(null) : fs3.rmdir(p, cb),
      rmdirSync: (p) => skipRemove() ? void 0 : fs3.rmdirSync(p)
    };
  }
};

// src/state/lock.ts
var REFRESH_MS = 1e3;
var RETRIES = { retries: 300, factor: 1.2, minTimeout: 1, maxTimeout: 20, randomize: true };
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
  let release;
  for (; ; ) {
    try {
      release = await import_proper_lockfile.default.lock(path3.join(dir, name), {
        stale,
        update: REFRESH_MS,
        realpath: false,
        lockfilePath: lease.lockPath,
        fs: lease.fs(),
        retries: wait ? { ...RETRIES, maxRetryTime: Math.max(0, end - Date.now()) } : 0,
        // Never throw here: this runs from a timer and would kill the process (rule 10).
        onCompromised: (err) => lease.markCompromised(err.message)
      });
      break;
    } catch (e) {
      const code = e.code;
      const timedOut = e instanceof Error && e.message.includes("RetryOperation timeout");
      if (code !== "ELOCKED" && !timedOut) {
        throw new LanesError("INTERNAL", `Could not take the "${name}" lock in ${dir}: ${e.message}`, { cause: e });
      }
      if (!wait) return void 0;
      if (Date.now() >= end) throw busy(dir, name, deadlineMs, stale);
    }
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
}
function busy(dir, name, waitedMs, stale) {
  const o = lockOwner(dir, name);
  const who = o ? `pid ${o.pid} on ${o.host} since ${o.since}${o.purpose ? ` (${o.purpose})` : ""}` : "an unknown process";
  return new LanesError(
    "BUSY",
    `The "${name}" lock in ${dir} is busy: held by ${who}; gave up after ${Math.round(waitedMs / 100) / 10} s.`,
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
import crypto3 from "node:crypto";
import fs6 from "node:fs";
import path5 from "node:path";
var ID_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
var Journal = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  async begin(op, data) {
    fs6.mkdirSync(this.dir, { recursive: true, mode: 448 });
    const now = (/* @__PURE__ */ new Date()).toISOString();
    const id = `${Date.now().toString(36)}-${process.pid}-${crypto3.randomBytes(3).toString("hex")}`;
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
  /** Records whose process is gone from this host: operations that crashed midway. */
  async orphans() {
    return (await this.list()).filter((r) => r.host === hostName() && !pidAlive(r.pid));
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

// src/state/safedir.ts
import fs7 from "node:fs";
import path6 from "node:path";
function ensurePrivateDir(dir, root) {
  const top = path6.resolve(root ?? path6.dirname(dir));
  const rel = path6.relative(top, dir);
  if (rel === "" || rel.startsWith("..") || path6.isAbsolute(rel)) {
    throw new LanesError("INVALID_INPUT", `State directory ${dir} is not inside ${top}.`);
  }
  fs7.mkdirSync(top, { recursive: true, mode: 448 });
  let cur = top;
  for (const part of rel.split(path6.sep)) {
    cur = path6.join(cur, part);
    let st = lstatOrUndefined(cur);
    if (!st) {
      try {
        fs7.mkdirSync(cur, { mode: 448 });
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
      }
      st = fs7.lstatSync(cur);
    }
    if (st.isSymbolicLink()) {
      throw new LanesError("UNSAFE", `Refusing to use state directory ${dir}: ${cur} is a symbolic link (to ${readLink(cur)}).`, {
        hint: `Lanes keeps its state in a real, private directory so it cannot be redirected elsewhere. Remove the link (rm ${cur}) and Lanes recreates the directory on the next command.`,
        details: { dir, link: cur }
      });
    }
    if (!st.isDirectory()) {
      throw new LanesError("UNSAFE", `Refusing to use state directory ${dir}: ${cur} is not a directory.`, {
        hint: `Move ${cur} out of the way and run the command again.`,
        details: { dir, path: cur }
      });
    }
  }
  const mode = fs7.statSync(dir).mode & 511;
  if (mode & 63) fs7.chmodSync(dir, 448);
}
function lstatOrUndefined(p) {
  try {
    return fs7.lstatSync(p);
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw e;
  }
}
function readLink(p) {
  try {
    return fs7.readlinkSync(p);
  } catch {
    return "?";
  }
}

// src/state/store.ts
var StateStore = class _StateStore {
  constructor(dir, opts) {
    this.dir = dir;
    this.lockOpts = { staleMs: opts.staleMs, deadlineMs: opts.deadlineMs, purpose: opts.purpose };
    this.journal = new Journal(path7.join(dir, "journal"));
  }
  dir;
  journal;
  lockOpts;
  static async open(stateDir, opts = {}) {
    const dir = path7.resolve(stateDir);
    ensurePrivateDir(dir, opts.root);
    const store = new _StateStore(dir, opts);
    const journalDir = store.journal.dir;
    if (fs8.existsSync(path7.join(dir, REDO_FILE)) || hasOrphanTemps(dir) || hasOrphanTemps(journalDir)) {
      await store.locked(async () => {
        sweepTempFiles(dir, pendingTemps(dir));
        sweepTempFiles(journalDir);
      });
    }
    return store;
  }
  /** The 'state' lock; every acquisition first finishes a commit a crashed process left behind. */
  locked(fn) {
    return withLock(
      this.dir,
      "state",
      async (lock) => {
        rollForward(this.dir);
        return fn(lock);
      },
      this.lockOpts
    );
  }
  /** A lock-free snapshot of the document, normalised. */
  async read(doc) {
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
    return this.locked(async (lock) => {
      const cur = this.loadLocked(doc);
      const before = JSON.stringify(cur.data);
      const result = await fn(cur.data);
      const after = JSON.stringify(cur.data);
      if (after !== before) {
        writeFileAtomic(docFile(this.dir, name), docText(cur.version + 1, after), 384, {
          beforeRename: () => this.fence(lock, [[name, cur.version]])
        });
      }
      return result;
    });
  }
  async transact(fn) {
    return this.locked(async (lock) => {
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
      const fence = () => this.fence(
        lock,
        changed.map((c) => [c.doc, c.version - 1])
      );
      const only = changed.length === 1 ? changed[0] : void 0;
      if (only) {
        writeFileAtomic(docFile(this.dir, only.doc), only.text, 384, { beforeRename: fence });
      } else if (changed.length > 1) {
        this.commitOrFinish(changed, fence);
      }
      return result;
    });
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
  failpoint,
  writeFileAtomic,
  holdsLock,
  lockOwner,
  withLock,
  tryLock,
  ensurePrivateDir,
  StateStore
};

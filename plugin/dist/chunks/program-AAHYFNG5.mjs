#!/usr/bin/env node
import { createRequire as __lanesRequire } from 'node:module';
const require = (globalThis.__lanes_require ??= __lanesRequire(import.meta.url));
var fs14 = require("node:fs");
var path10 = require("node:path");
var fs = require("node:fs");
var path = require("node:path");
var crypto = require("node:crypto");
var http = require("node:http");
var fs2 = require("node:fs");
var fs9 = require("node:fs");
var os = require("node:os");
var path6 = require("node:path");
var path5 = require("node:path");
var fs6 = require("node:fs");
var fs3 = require("node:fs");
var path2 = require("node:path");
var fs4 = require("node:fs");
var path3 = require("node:path");
var fs5 = require("node:fs");
var path4 = require("node:path");
var fs7 = require("node:fs");
var fs8 = require("node:fs");
var readline = require("node:readline/promises");
var fs10 = require("node:fs");
var path7 = require("node:path");
var fs11 = require("node:fs");
var path8 = require("node:path");
var fs12 = require("node:fs");
var path9 = require("node:path");
var fs13 = require("node:fs");
import {
  COMMON_LIMIT_PATTERNS,
  LimitGate,
  LimitWatch,
  MERGE_DOC,
  NEEDS_FIX_SGR,
  PROCESSING,
  STRATEGIES,
  VERSION,
  activeEntry,
  approveMerge,
  cancelMerge,
  checkResources,
  cleanupLanes,
  clockMs,
  colorEnabled,
  configForTip,
  effectiveBatchSize,
  emptyQueue,
  firstLine,
  getSession,
  isoClock,
  listGateLogs,
  listLanes,
  listSessions,
  logSession,
  logsDir,
  mergeCheck,
  mergeStatus,
  operationInProgress,
  paintState,
  pauseText,
  pickBatch,
  planWork,
  processMergeQueue,
  queueMerge,
  queueOf,
  queueRevert,
  readGateLog,
  readResources,
  readTargetTip,
  readyTasks,
  recommendParallelism,
  remoteBrief,
  removeLandedLane,
  renderDoctor,
  renderEnabled,
  renderLogList,
  renderPlan,
  renderPlanWork,
  renderProcessed,
  renderQueued,
  renderRemoteBrief,
  renderStatus,
  renderStatus2,
  sgr,
  sgr2,
  status,
  syncRemote,
  table,
  takeTask,
  toldText
} from "./chunk-MATFNZU4.mjs";
import {
  RemoteStore
} from "./chunk-PCLLWFIQ.mjs";
import "./chunk-2U67RZHV.mjs";
import "./chunk-D6KORC43.mjs";
import "./chunk-X45R65UC.mjs";
import "./chunk-QVBTIUQL.mjs";
import "./chunk-PYZQGBDB.mjs";
import "./chunk-YFNGQKDO.mjs";
import {
  AGENT_PLACEHOLDERS,
  AGENT_PRESETS,
  configJsonSchemaText
} from "./chunk-HNNOWZCP.mjs";
import "./chunk-6O67LTXW.mjs";
import {
  removeLane,
  startLane
} from "./chunk-P6UCBCK2.mjs";
import {
  caMovedAside,
  restoreLaunchEnv
} from "./chunk-7KS2UEHU.mjs";
import {
  claimFiles,
  listClaims,
  offerClaimService,
  releaseFiles,
  renewClaims
} from "./chunk-WBPZ3C4H.mjs";
import {
  formatPreviousNextSteps,
  previousNextSteps,
  startSession
} from "./chunk-KIH6SQKZ.mjs";
import "./chunk-XASTUKNA.mjs";
import {
  remoteUrl
} from "./chunk-QRLVTEHX.mjs";
import {
  lsRemote
} from "./chunk-Q62EWIYE.mjs";
import {
  INTERRUPTED_NOTE,
  LIMITED_NOTE,
  RUNS_DOC,
  UsageMeter,
  agentMs,
  countCommits,
  countedAttempts,
  dollars,
  endSession,
  findRun,
  laneMs,
  newRunId,
  nowIso,
  priceTable,
  runOwner,
  sumUsage,
  taskMs,
  trimRuns,
  usageText,
  wallMs
} from "./chunk-T2TNQ7XT.mjs";
import "./chunk-CSEEOK7H.mjs";
import {
  leasePort,
  releasePorts
} from "./chunk-UU23BLVG.mjs";
import "./chunk-ALOFWVRK.mjs";
import {
  branchTip
} from "./chunk-5ICCUVIX.mjs";
import {
  TASK_STATUSES,
  addTask,
  describeLiveness,
  ownerLiveness,
  readOwners,
  readPlan,
  releaseOwner,
  requirePlan,
  requireTask,
  touchOwner,
  updateTask
} from "./chunk-6TI4QRGQ.mjs";
import {
  checkProtocol,
  formatChecklist,
  sessionKey
} from "./chunk-QKAPH3UL.mjs";
import "./chunk-7JRWJCHC.mjs";
import "./chunk-K5DJXVQN.mjs";
import {
  END_STATUSES,
  ENTRY_KINDS,
  SESSION_TYPES
} from "./chunk-K2H7HNW2.mjs";
import {
  killGroupsMarked,
  openProject,
  releaseGroup,
  spawnGroup,
  stopGroup
} from "./chunk-PR5W4QLA.mjs";
import {
  resolveRepo
} from "./chunk-ESYJGOAB.mjs";
import {
  refSha,
  statusPorcelain
} from "./chunk-AAYR2TCU.mjs";
import "./chunk-DTMKN5XL.mjs";
import {
  relPathProblem
} from "./chunk-V47YI7EL.mjs";
import {
  git,
  gitOut
} from "./chunk-5IGYGQZY.mjs";
import {
  LANES_DOC,
  assertTaskId,
  cliOwner,
  describeOwner,
  describeUntil,
  laneBranch,
  taskOwner
} from "./chunk-ONL4JA75.mjs";
import "./chunk-TKZFUNKZ.mjs";
import {
  childProcess
} from "./chunk-4CKTFQOR.mjs";
import {
  safeBlock,
  safeText
} from "./chunk-EFR7W7QO.mjs";
import {
  SHARED_DOCS,
  readRemoteSetting,
  sharedBackend,
  writeRemoteSetting
} from "./chunk-566HZB6Q.mjs";
import "./chunk-ZLPZGQGU.mjs";
import {
  act,
  speak,
  speakAll
} from "./chunk-UE4A2DQB.mjs";
import {
  failpoint,
  hostName,
  pidAlive,
  writeFileAtomic
} from "./chunk-PCFNT4JQ.mjs";
import {
  docFile,
  loadDoc,
  nullProtoDeep,
  own
} from "./chunk-X4JLKMGK.mjs";
import "./chunk-PMXN3EG4.mjs";
import {
  log
} from "./chunk-XNIKMWZT.mjs";
import {
  assertSlug
} from "./chunk-DDI77WQF.mjs";
import {
  LanesError,
  errorMessage,
  isLanesError
} from "./chunk-OBLF3P63.mjs";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-4WZSK4NS.mjs";

// node_modules/commander/lib/error.js
var require_error = __commonJS({
  "node_modules/commander/lib/error.js"(exports) {
    var CommanderError2 = class extends Error {
      /**
       * Constructs the CommanderError class
       * @param {number} exitCode suggested exit code which could be used with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       */
      constructor(exitCode, code, message) {
        super(message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
        this.code = code;
        this.exitCode = exitCode;
        this.nestedError = void 0;
      }
    };
    var InvalidArgumentError2 = class extends CommanderError2 {
      /**
       * Constructs the InvalidArgumentError class
       * @param {string} [message] explanation of why argument is invalid
       */
      constructor(message) {
        super(1, "commander.invalidArgument", message);
        Error.captureStackTrace(this, this.constructor);
        this.name = this.constructor.name;
      }
    };
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
  }
});

// node_modules/commander/lib/argument.js
var require_argument = __commonJS({
  "node_modules/commander/lib/argument.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Argument2 = class {
      /**
       * Initialize a new command argument with the given name and description.
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @param {string} name
       * @param {string} [description]
       */
      constructor(name, description) {
        this.description = description || "";
        this.variadic = false;
        this.parseArg = void 0;
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.argChoices = void 0;
        switch (name[0]) {
          case "<":
            this.required = true;
            this._name = name.slice(1, -1);
            break;
          case "[":
            this.required = false;
            this._name = name.slice(1, -1);
            break;
          default:
            this.required = true;
            this._name = name;
            break;
        }
        if (this._name.endsWith("...")) {
          this.variadic = true;
          this._name = this._name.slice(0, -3);
        }
      }
      /**
       * Return argument name.
       *
       * @return {string}
       */
      name() {
        return this._name;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Argument}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Set the custom handler for processing CLI command arguments into argument values.
       *
       * @param {Function} [fn]
       * @return {Argument}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Only allow argument value to be one of choices.
       *
       * @param {string[]} values
       * @return {Argument}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Make argument required.
       *
       * @returns {Argument}
       */
      argRequired() {
        this.required = true;
        return this;
      }
      /**
       * Make argument optional.
       *
       * @returns {Argument}
       */
      argOptional() {
        this.required = false;
        return this;
      }
    };
    function humanReadableArgName(arg) {
      const nameOutput = arg.name() + (arg.variadic === true ? "..." : "");
      return arg.required ? "<" + nameOutput + ">" : "[" + nameOutput + "]";
    }
    exports.Argument = Argument2;
    exports.humanReadableArgName = humanReadableArgName;
  }
});

// node_modules/commander/lib/help.js
var require_help = __commonJS({
  "node_modules/commander/lib/help.js"(exports) {
    var { humanReadableArgName } = require_argument();
    var Help2 = class {
      constructor() {
        this.helpWidth = void 0;
        this.minWidthToWrap = 40;
        this.sortSubcommands = false;
        this.sortOptions = false;
        this.showGlobalOptions = false;
      }
      /**
       * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
       * and just before calling `formatHelp()`.
       *
       * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
       *
       * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
       */
      prepareContext(contextOptions) {
        this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
      }
      /**
       * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
       *
       * @param {Command} cmd
       * @returns {Command[]}
       */
      visibleCommands(cmd) {
        const visibleCommands = cmd.commands.filter((cmd2) => !cmd2._hidden);
        const helpCommand = cmd._getHelpCommand();
        if (helpCommand && !helpCommand._hidden) {
          visibleCommands.push(helpCommand);
        }
        if (this.sortSubcommands) {
          visibleCommands.sort((a, b) => {
            return a.name().localeCompare(b.name());
          });
        }
        return visibleCommands;
      }
      /**
       * Compare options for sort.
       *
       * @param {Option} a
       * @param {Option} b
       * @returns {number}
       */
      compareOptions(a, b) {
        const getSortKey = (option) => {
          return option.short ? option.short.replace(/^-/, "") : option.long.replace(/^--/, "");
        };
        return getSortKey(a).localeCompare(getSortKey(b));
      }
      /**
       * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleOptions(cmd) {
        const visibleOptions = cmd.options.filter((option) => !option.hidden);
        const helpOption = cmd._getHelpOption();
        if (helpOption && !helpOption.hidden) {
          const removeShort = helpOption.short && cmd._findOption(helpOption.short);
          const removeLong = helpOption.long && cmd._findOption(helpOption.long);
          if (!removeShort && !removeLong) {
            visibleOptions.push(helpOption);
          } else if (helpOption.long && !removeLong) {
            visibleOptions.push(
              cmd.createOption(helpOption.long, helpOption.description)
            );
          } else if (helpOption.short && !removeShort) {
            visibleOptions.push(
              cmd.createOption(helpOption.short, helpOption.description)
            );
          }
        }
        if (this.sortOptions) {
          visibleOptions.sort(this.compareOptions);
        }
        return visibleOptions;
      }
      /**
       * Get an array of the visible global options. (Not including help.)
       *
       * @param {Command} cmd
       * @returns {Option[]}
       */
      visibleGlobalOptions(cmd) {
        if (!this.showGlobalOptions) return [];
        const globalOptions = [];
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          const visibleOptions = ancestorCmd.options.filter(
            (option) => !option.hidden
          );
          globalOptions.push(...visibleOptions);
        }
        if (this.sortOptions) {
          globalOptions.sort(this.compareOptions);
        }
        return globalOptions;
      }
      /**
       * Get an array of the arguments if any have a description.
       *
       * @param {Command} cmd
       * @returns {Argument[]}
       */
      visibleArguments(cmd) {
        if (cmd._argsDescription) {
          cmd.registeredArguments.forEach((argument) => {
            argument.description = argument.description || cmd._argsDescription[argument.name()] || "";
          });
        }
        if (cmd.registeredArguments.find((argument) => argument.description)) {
          return cmd.registeredArguments;
        }
        return [];
      }
      /**
       * Get the command term to show in the list of subcommands.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandTerm(cmd) {
        const args = cmd.registeredArguments.map((arg) => humanReadableArgName(arg)).join(" ");
        return cmd._name + (cmd._aliases[0] ? "|" + cmd._aliases[0] : "") + (cmd.options.length ? " [options]" : "") + // simplistic check for non-help option
        (args ? " " + args : "");
      }
      /**
       * Get the option term to show in the list of options.
       *
       * @param {Option} option
       * @returns {string}
       */
      optionTerm(option) {
        return option.flags;
      }
      /**
       * Get the argument term to show in the list of arguments.
       *
       * @param {Argument} argument
       * @returns {string}
       */
      argumentTerm(argument) {
        return argument.name();
      }
      /**
       * Get the longest command term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestSubcommandTermLength(cmd, helper) {
        return helper.visibleCommands(cmd).reduce((max, command) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleSubcommandTerm(helper.subcommandTerm(command))
            )
          );
        }, 0);
      }
      /**
       * Get the longest option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestOptionTermLength(cmd, helper) {
        return helper.visibleOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest global option term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestGlobalOptionTermLength(cmd, helper) {
        return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
          return Math.max(
            max,
            this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option)))
          );
        }, 0);
      }
      /**
       * Get the longest argument term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      longestArgumentTermLength(cmd, helper) {
        return helper.visibleArguments(cmd).reduce((max, argument) => {
          return Math.max(
            max,
            this.displayWidth(
              helper.styleArgumentTerm(helper.argumentTerm(argument))
            )
          );
        }, 0);
      }
      /**
       * Get the command usage to be displayed at the top of the built-in help.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandUsage(cmd) {
        let cmdName = cmd._name;
        if (cmd._aliases[0]) {
          cmdName = cmdName + "|" + cmd._aliases[0];
        }
        let ancestorCmdNames = "";
        for (let ancestorCmd = cmd.parent; ancestorCmd; ancestorCmd = ancestorCmd.parent) {
          ancestorCmdNames = ancestorCmd.name() + " " + ancestorCmdNames;
        }
        return ancestorCmdNames + cmdName + " " + cmd.usage();
      }
      /**
       * Get the description for the command.
       *
       * @param {Command} cmd
       * @returns {string}
       */
      commandDescription(cmd) {
        return cmd.description();
      }
      /**
       * Get the subcommand summary to show in the list of subcommands.
       * (Fallback to description for backwards compatibility.)
       *
       * @param {Command} cmd
       * @returns {string}
       */
      subcommandDescription(cmd) {
        return cmd.summary() || cmd.description();
      }
      /**
       * Get the option description to show in the list of options.
       *
       * @param {Option} option
       * @return {string}
       */
      optionDescription(option) {
        const extraInfo = [];
        if (option.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (option.defaultValue !== void 0) {
          const showDefault = option.required || option.optional || option.isBoolean() && typeof option.defaultValue === "boolean";
          if (showDefault) {
            extraInfo.push(
              `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`
            );
          }
        }
        if (option.presetArg !== void 0 && option.optional) {
          extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
        }
        if (option.envVar !== void 0) {
          extraInfo.push(`env: ${option.envVar}`);
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (option.description) {
            return `${option.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return option.description;
      }
      /**
       * Get the argument description to show in the list of arguments.
       *
       * @param {Argument} argument
       * @return {string}
       */
      argumentDescription(argument) {
        const extraInfo = [];
        if (argument.argChoices) {
          extraInfo.push(
            // use stringify to match the display of the default value
            `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(", ")}`
          );
        }
        if (argument.defaultValue !== void 0) {
          extraInfo.push(
            `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`
          );
        }
        if (extraInfo.length > 0) {
          const extraDescription = `(${extraInfo.join(", ")})`;
          if (argument.description) {
            return `${argument.description} ${extraDescription}`;
          }
          return extraDescription;
        }
        return argument.description;
      }
      /**
       * Format a list of items, given a heading and an array of formatted items.
       *
       * @param {string} heading
       * @param {string[]} items
       * @param {Help} helper
       * @returns string[]
       */
      formatItemList(heading, items, helper) {
        if (items.length === 0) return [];
        return [helper.styleTitle(heading), ...items, ""];
      }
      /**
       * Group items by their help group heading.
       *
       * @param {Command[] | Option[]} unsortedItems
       * @param {Command[] | Option[]} visibleItems
       * @param {Function} getGroup
       * @returns {Map<string, Command[] | Option[]>}
       */
      groupItems(unsortedItems, visibleItems, getGroup) {
        const result = /* @__PURE__ */ new Map();
        unsortedItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) result.set(group, []);
        });
        visibleItems.forEach((item) => {
          const group = getGroup(item);
          if (!result.has(group)) {
            result.set(group, []);
          }
          result.get(group).push(item);
        });
        return result;
      }
      /**
       * Generate the built-in help text.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {string}
       */
      formatHelp(cmd, helper) {
        const termWidth = helper.padWidth(cmd, helper);
        const helpWidth = helper.helpWidth ?? 80;
        function callFormatItem(term, description) {
          return helper.formatItem(term, termWidth, description, helper);
        }
        let output = [
          `${helper.styleTitle("Usage:")} ${helper.styleUsage(helper.commandUsage(cmd))}`,
          ""
        ];
        const commandDescription = helper.commandDescription(cmd);
        if (commandDescription.length > 0) {
          output = output.concat([
            helper.boxWrap(
              helper.styleCommandDescription(commandDescription),
              helpWidth
            ),
            ""
          ]);
        }
        const argumentList = helper.visibleArguments(cmd).map((argument) => {
          return callFormatItem(
            helper.styleArgumentTerm(helper.argumentTerm(argument)),
            helper.styleArgumentDescription(helper.argumentDescription(argument))
          );
        });
        output = output.concat(
          this.formatItemList("Arguments:", argumentList, helper)
        );
        const optionGroups = this.groupItems(
          cmd.options,
          helper.visibleOptions(cmd),
          (option) => option.helpGroupHeading ?? "Options:"
        );
        optionGroups.forEach((options, group) => {
          const optionList = options.map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(this.formatItemList(group, optionList, helper));
        });
        if (helper.showGlobalOptions) {
          const globalOptionList = helper.visibleGlobalOptions(cmd).map((option) => {
            return callFormatItem(
              helper.styleOptionTerm(helper.optionTerm(option)),
              helper.styleOptionDescription(helper.optionDescription(option))
            );
          });
          output = output.concat(
            this.formatItemList("Global Options:", globalOptionList, helper)
          );
        }
        const commandGroups = this.groupItems(
          cmd.commands,
          helper.visibleCommands(cmd),
          (sub) => sub.helpGroup() || "Commands:"
        );
        commandGroups.forEach((commands, group) => {
          const commandList = commands.map((sub) => {
            return callFormatItem(
              helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
              helper.styleSubcommandDescription(helper.subcommandDescription(sub))
            );
          });
          output = output.concat(this.formatItemList(group, commandList, helper));
        });
        return output.join("\n");
      }
      /**
       * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
       *
       * @param {string} str
       * @returns {number}
       */
      displayWidth(str) {
        return stripColor(str).length;
      }
      /**
       * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
       *
       * @param {string} str
       * @returns {string}
       */
      styleTitle(str) {
        return str;
      }
      styleUsage(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word === "[command]") return this.styleSubcommandText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleCommandText(word);
        }).join(" ");
      }
      styleCommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleOptionDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleSubcommandDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleArgumentDescription(str) {
        return this.styleDescriptionText(str);
      }
      styleDescriptionText(str) {
        return str;
      }
      styleOptionTerm(str) {
        return this.styleOptionText(str);
      }
      styleSubcommandTerm(str) {
        return str.split(" ").map((word) => {
          if (word === "[options]") return this.styleOptionText(word);
          if (word[0] === "[" || word[0] === "<")
            return this.styleArgumentText(word);
          return this.styleSubcommandText(word);
        }).join(" ");
      }
      styleArgumentTerm(str) {
        return this.styleArgumentText(str);
      }
      styleOptionText(str) {
        return str;
      }
      styleArgumentText(str) {
        return str;
      }
      styleSubcommandText(str) {
        return str;
      }
      styleCommandText(str) {
        return str;
      }
      /**
       * Calculate the pad width from the maximum term length.
       *
       * @param {Command} cmd
       * @param {Help} helper
       * @returns {number}
       */
      padWidth(cmd, helper) {
        return Math.max(
          helper.longestOptionTermLength(cmd, helper),
          helper.longestGlobalOptionTermLength(cmd, helper),
          helper.longestSubcommandTermLength(cmd, helper),
          helper.longestArgumentTermLength(cmd, helper)
        );
      }
      /**
       * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
       *
       * @param {string} str
       * @returns {boolean}
       */
      preformatted(str) {
        return /\n[^\S\r\n]/.test(str);
      }
      /**
       * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
       *
       * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
       *   TTT  DDD DDDD
       *        DD DDD
       *
       * @param {string} term
       * @param {number} termWidth
       * @param {string} description
       * @param {Help} helper
       * @returns {string}
       */
      formatItem(term, termWidth, description, helper) {
        const itemIndent = 2;
        const itemIndentStr = " ".repeat(itemIndent);
        if (!description) return itemIndentStr + term;
        const paddedTerm = term.padEnd(
          termWidth + term.length - helper.displayWidth(term)
        );
        const spacerWidth = 2;
        const helpWidth = this.helpWidth ?? 80;
        const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
        let formattedDescription;
        if (remainingWidth < this.minWidthToWrap || helper.preformatted(description)) {
          formattedDescription = description;
        } else {
          const wrappedDescription = helper.boxWrap(description, remainingWidth);
          formattedDescription = wrappedDescription.replace(
            /\n/g,
            "\n" + " ".repeat(termWidth + spacerWidth)
          );
        }
        return itemIndentStr + paddedTerm + " ".repeat(spacerWidth) + formattedDescription.replace(/\n/g, `
${itemIndentStr}`);
      }
      /**
       * Wrap a string at whitespace, preserving existing line breaks.
       * Wrapping is skipped if the width is less than `minWidthToWrap`.
       *
       * @param {string} str
       * @param {number} width
       * @returns {string}
       */
      boxWrap(str, width) {
        if (width < this.minWidthToWrap) return str;
        const rawLines = str.split(/\r\n|\n/);
        const chunkPattern = /[\s]*[^\s]+/g;
        const wrappedLines = [];
        rawLines.forEach((line) => {
          const chunks = line.match(chunkPattern);
          if (chunks === null) {
            wrappedLines.push("");
            return;
          }
          let sumChunks = [chunks.shift()];
          let sumWidth = this.displayWidth(sumChunks[0]);
          chunks.forEach((chunk) => {
            const visibleWidth = this.displayWidth(chunk);
            if (sumWidth + visibleWidth <= width) {
              sumChunks.push(chunk);
              sumWidth += visibleWidth;
              return;
            }
            wrappedLines.push(sumChunks.join(""));
            const nextChunk = chunk.trimStart();
            sumChunks = [nextChunk];
            sumWidth = this.displayWidth(nextChunk);
          });
          wrappedLines.push(sumChunks.join(""));
        });
        return wrappedLines.join("\n");
      }
    };
    function stripColor(str) {
      const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
      return str.replace(sgrPattern, "");
    }
    exports.Help = Help2;
    exports.stripColor = stripColor;
  }
});

// node_modules/commander/lib/option.js
var require_option = __commonJS({
  "node_modules/commander/lib/option.js"(exports) {
    var { InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var Option2 = class {
      /**
       * Initialize a new `Option` with the given `flags` and `description`.
       *
       * @param {string} flags
       * @param {string} [description]
       */
      constructor(flags, description) {
        this.flags = flags;
        this.description = description || "";
        this.required = flags.includes("<");
        this.optional = flags.includes("[");
        this.variadic = /\w\.\.\.[>\]]$/.test(flags);
        this.mandatory = false;
        const optionFlags = splitOptionFlags(flags);
        this.short = optionFlags.shortFlag;
        this.long = optionFlags.longFlag;
        this.negate = false;
        if (this.long) {
          this.negate = this.long.startsWith("--no-");
        }
        this.defaultValue = void 0;
        this.defaultValueDescription = void 0;
        this.presetArg = void 0;
        this.envVar = void 0;
        this.parseArg = void 0;
        this.hidden = false;
        this.argChoices = void 0;
        this.conflictsWith = [];
        this.implied = void 0;
        this.helpGroupHeading = void 0;
      }
      /**
       * Set the default value, and optionally supply the description to be displayed in the help.
       *
       * @param {*} value
       * @param {string} [description]
       * @return {Option}
       */
      default(value, description) {
        this.defaultValue = value;
        this.defaultValueDescription = description;
        return this;
      }
      /**
       * Preset to use when option used without option-argument, especially optional but also boolean and negated.
       * The custom processing (parseArg) is called.
       *
       * @example
       * new Option('--color').default('GREYSCALE').preset('RGB');
       * new Option('--donate [amount]').preset('20').argParser(parseFloat);
       *
       * @param {*} arg
       * @return {Option}
       */
      preset(arg) {
        this.presetArg = arg;
        return this;
      }
      /**
       * Add option name(s) that conflict with this option.
       * An error will be displayed if conflicting options are found during parsing.
       *
       * @example
       * new Option('--rgb').conflicts('cmyk');
       * new Option('--js').conflicts(['ts', 'jsx']);
       *
       * @param {(string | string[])} names
       * @return {Option}
       */
      conflicts(names) {
        this.conflictsWith = this.conflictsWith.concat(names);
        return this;
      }
      /**
       * Specify implied option values for when this option is set and the implied options are not.
       *
       * The custom processing (parseArg) is not called on the implied values.
       *
       * @example
       * program
       *   .addOption(new Option('--log', 'write logging information to file'))
       *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
       *
       * @param {object} impliedOptionValues
       * @return {Option}
       */
      implies(impliedOptionValues) {
        let newImplied = impliedOptionValues;
        if (typeof impliedOptionValues === "string") {
          newImplied = { [impliedOptionValues]: true };
        }
        this.implied = Object.assign(this.implied || {}, newImplied);
        return this;
      }
      /**
       * Set environment variable to check for option value.
       *
       * An environment variable is only used if when processed the current option value is
       * undefined, or the source of the current value is 'default' or 'config' or 'env'.
       *
       * @param {string} name
       * @return {Option}
       */
      env(name) {
        this.envVar = name;
        return this;
      }
      /**
       * Set the custom handler for processing CLI option arguments into option values.
       *
       * @param {Function} [fn]
       * @return {Option}
       */
      argParser(fn) {
        this.parseArg = fn;
        return this;
      }
      /**
       * Whether the option is mandatory and must have a value after parsing.
       *
       * @param {boolean} [mandatory=true]
       * @return {Option}
       */
      makeOptionMandatory(mandatory = true) {
        this.mandatory = !!mandatory;
        return this;
      }
      /**
       * Hide option in help.
       *
       * @param {boolean} [hide=true]
       * @return {Option}
       */
      hideHelp(hide = true) {
        this.hidden = !!hide;
        return this;
      }
      /**
       * @package
       */
      _collectValue(value, previous) {
        if (previous === this.defaultValue || !Array.isArray(previous)) {
          return [value];
        }
        previous.push(value);
        return previous;
      }
      /**
       * Only allow option value to be one of choices.
       *
       * @param {string[]} values
       * @return {Option}
       */
      choices(values) {
        this.argChoices = values.slice();
        this.parseArg = (arg, previous) => {
          if (!this.argChoices.includes(arg)) {
            throw new InvalidArgumentError2(
              `Allowed choices are ${this.argChoices.join(", ")}.`
            );
          }
          if (this.variadic) {
            return this._collectValue(arg, previous);
          }
          return arg;
        };
        return this;
      }
      /**
       * Return option name.
       *
       * @return {string}
       */
      name() {
        if (this.long) {
          return this.long.replace(/^--/, "");
        }
        return this.short.replace(/^-/, "");
      }
      /**
       * Return option name, in a camelcase format that can be used
       * as an object attribute key.
       *
       * @return {string}
       */
      attributeName() {
        if (this.negate) {
          return camelcase(this.name().replace(/^no-/, ""));
        }
        return camelcase(this.name());
      }
      /**
       * Set the help group heading.
       *
       * @param {string} heading
       * @return {Option}
       */
      helpGroup(heading) {
        this.helpGroupHeading = heading;
        return this;
      }
      /**
       * Check if `arg` matches the short or long flag.
       *
       * @param {string} arg
       * @return {boolean}
       * @package
       */
      is(arg) {
        return this.short === arg || this.long === arg;
      }
      /**
       * Return whether a boolean option.
       *
       * Options are one of boolean, negated, required argument, or optional argument.
       *
       * @return {boolean}
       * @package
       */
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    };
    var DualOptions = class {
      /**
       * @param {Option[]} options
       */
      constructor(options) {
        this.positiveOptions = /* @__PURE__ */ new Map();
        this.negativeOptions = /* @__PURE__ */ new Map();
        this.dualOptions = /* @__PURE__ */ new Set();
        options.forEach((option) => {
          if (option.negate) {
            this.negativeOptions.set(option.attributeName(), option);
          } else {
            this.positiveOptions.set(option.attributeName(), option);
          }
        });
        this.negativeOptions.forEach((value, key) => {
          if (this.positiveOptions.has(key)) {
            this.dualOptions.add(key);
          }
        });
      }
      /**
       * Did the value come from the option, and not from possible matching dual option?
       *
       * @param {*} value
       * @param {Option} option
       * @returns {boolean}
       */
      valueFromOption(value, option) {
        const optionKey = option.attributeName();
        if (!this.dualOptions.has(optionKey)) return true;
        const preset = this.negativeOptions.get(optionKey).presetArg;
        const negativeValue = preset !== void 0 ? preset : false;
        return option.negate === (negativeValue === value);
      }
    };
    function camelcase(str) {
      return str.split("-").reduce((str2, word) => {
        return str2 + word[0].toUpperCase() + word.slice(1);
      });
    }
    function splitOptionFlags(flags) {
      let shortFlag;
      let longFlag;
      const shortFlagExp = /^-[^-]$/;
      const longFlagExp = /^--[^-]/;
      const flagParts = flags.split(/[ |,]+/).concat("guard");
      if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
      if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
      if (!shortFlag && shortFlagExp.test(flagParts[0]))
        shortFlag = flagParts.shift();
      if (!shortFlag && longFlagExp.test(flagParts[0])) {
        shortFlag = longFlag;
        longFlag = flagParts.shift();
      }
      if (flagParts[0].startsWith("-")) {
        const unsupportedFlag = flagParts[0];
        const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
        if (/^-[^-][^-]/.test(unsupportedFlag))
          throw new Error(
            `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`
          );
        if (shortFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many short flags`);
        if (longFlagExp.test(unsupportedFlag))
          throw new Error(`${baseError}
- too many long flags`);
        throw new Error(`${baseError}
- unrecognised flag format`);
      }
      if (shortFlag === void 0 && longFlag === void 0)
        throw new Error(
          `option creation failed due to no flags found in '${flags}'.`
        );
      return { shortFlag, longFlag };
    }
    exports.Option = Option2;
    exports.DualOptions = DualOptions;
  }
});

// node_modules/commander/lib/suggestSimilar.js
var require_suggestSimilar = __commonJS({
  "node_modules/commander/lib/suggestSimilar.js"(exports) {
    var maxDistance = 3;
    function editDistance(a, b) {
      if (Math.abs(a.length - b.length) > maxDistance)
        return Math.max(a.length, b.length);
      const d = [];
      for (let i = 0; i <= a.length; i++) {
        d[i] = [i];
      }
      for (let j = 0; j <= b.length; j++) {
        d[0][j] = j;
      }
      for (let j = 1; j <= b.length; j++) {
        for (let i = 1; i <= a.length; i++) {
          let cost = 1;
          if (a[i - 1] === b[j - 1]) {
            cost = 0;
          } else {
            cost = 1;
          }
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            // deletion
            d[i][j - 1] + 1,
            // insertion
            d[i - 1][j - 1] + cost
            // substitution
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
          }
        }
      }
      return d[a.length][b.length];
    }
    function suggestSimilar(word, candidates) {
      if (!candidates || candidates.length === 0) return "";
      candidates = Array.from(new Set(candidates));
      const searchingOptions = word.startsWith("--");
      if (searchingOptions) {
        word = word.slice(2);
        candidates = candidates.map((candidate) => candidate.slice(2));
      }
      let similar = [];
      let bestDistance = maxDistance;
      const minSimilarity = 0.4;
      candidates.forEach((candidate) => {
        if (candidate.length <= 1) return;
        const distance = editDistance(word, candidate);
        const length = Math.max(word.length, candidate.length);
        const similarity = (length - distance) / length;
        if (similarity > minSimilarity) {
          if (distance < bestDistance) {
            bestDistance = distance;
            similar = [candidate];
          } else if (distance === bestDistance) {
            similar.push(candidate);
          }
        }
      });
      similar.sort((a, b) => a.localeCompare(b));
      if (searchingOptions) {
        similar = similar.map((candidate) => `--${candidate}`);
      }
      if (similar.length > 1) {
        return `
(Did you mean one of ${similar.join(", ")}?)`;
      }
      if (similar.length === 1) {
        return `
(Did you mean ${similar[0]}?)`;
      }
      return "";
    }
    exports.suggestSimilar = suggestSimilar;
  }
});

// node_modules/commander/lib/command.js
var require_command = __commonJS({
  "node_modules/commander/lib/command.js"(exports) {
    var EventEmitter = __require("node:events").EventEmitter;
    var childProcess2 = __require("node:child_process");
    var path11 = __require("node:path");
    var fs15 = __require("node:fs");
    var process2 = __require("node:process");
    var { Argument: Argument2, humanReadableArgName } = require_argument();
    var { CommanderError: CommanderError2 } = require_error();
    var { Help: Help2, stripColor } = require_help();
    var { Option: Option2, DualOptions } = require_option();
    var { suggestSimilar } = require_suggestSimilar();
    var Command2 = class _Command extends EventEmitter {
      /**
       * Initialize a new `Command`.
       *
       * @param {string} [name]
       */
      constructor(name) {
        super();
        this.commands = [];
        this.options = [];
        this.parent = null;
        this._allowUnknownOption = false;
        this._allowExcessArguments = false;
        this.registeredArguments = [];
        this._args = this.registeredArguments;
        this.args = [];
        this.rawArgs = [];
        this.processedArgs = [];
        this._scriptPath = null;
        this._name = name || "";
        this._optionValues = {};
        this._optionValueSources = {};
        this._storeOptionsAsProperties = false;
        this._actionHandler = null;
        this._executableHandler = false;
        this._executableFile = null;
        this._executableDir = null;
        this._defaultCommandName = null;
        this._exitCallback = null;
        this._aliases = [];
        this._combineFlagAndOptionalValue = true;
        this._description = "";
        this._summary = "";
        this._argsDescription = void 0;
        this._enablePositionalOptions = false;
        this._passThroughOptions = false;
        this._lifeCycleHooks = {};
        this._showHelpAfterError = false;
        this._showSuggestionAfterError = true;
        this._savedState = null;
        this._outputConfiguration = {
          writeOut: (str) => process2.stdout.write(str),
          writeErr: (str) => process2.stderr.write(str),
          outputError: (str, write) => write(str),
          getOutHelpWidth: () => process2.stdout.isTTY ? process2.stdout.columns : void 0,
          getErrHelpWidth: () => process2.stderr.isTTY ? process2.stderr.columns : void 0,
          getOutHasColors: () => useColor() ?? (process2.stdout.isTTY && process2.stdout.hasColors?.()),
          getErrHasColors: () => useColor() ?? (process2.stderr.isTTY && process2.stderr.hasColors?.()),
          stripColor: (str) => stripColor(str)
        };
        this._hidden = false;
        this._helpOption = void 0;
        this._addImplicitHelpCommand = void 0;
        this._helpCommand = void 0;
        this._helpConfiguration = {};
        this._helpGroupHeading = void 0;
        this._defaultCommandGroup = void 0;
        this._defaultOptionGroup = void 0;
      }
      /**
       * Copy settings that are useful to have in common across root command and subcommands.
       *
       * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
       *
       * @param {Command} sourceCommand
       * @return {Command} `this` command for chaining
       */
      copyInheritedSettings(sourceCommand) {
        this._outputConfiguration = sourceCommand._outputConfiguration;
        this._helpOption = sourceCommand._helpOption;
        this._helpCommand = sourceCommand._helpCommand;
        this._helpConfiguration = sourceCommand._helpConfiguration;
        this._exitCallback = sourceCommand._exitCallback;
        this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
        this._combineFlagAndOptionalValue = sourceCommand._combineFlagAndOptionalValue;
        this._allowExcessArguments = sourceCommand._allowExcessArguments;
        this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
        this._showHelpAfterError = sourceCommand._showHelpAfterError;
        this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;
        return this;
      }
      /**
       * @returns {Command[]}
       * @private
       */
      _getCommandAndAncestors() {
        const result = [];
        for (let command = this; command; command = command.parent) {
          result.push(command);
        }
        return result;
      }
      /**
       * Define a command.
       *
       * There are two styles of command: pay attention to where to put the description.
       *
       * @example
       * // Command implemented using action handler (description is supplied separately to `.command`)
       * program
       *   .command('clone <source> [destination]')
       *   .description('clone a repository into a newly created directory')
       *   .action((source, destination) => {
       *     console.log('clone command called');
       *   });
       *
       * // Command implemented using separate executable file (description is second parameter to `.command`)
       * program
       *   .command('start <service>', 'start named service')
       *   .command('stop [service]', 'stop named service, or all if no name supplied');
       *
       * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
       * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
       * @param {object} [execOpts] - configuration options (for executable)
       * @return {Command} returns new command for action handler, or `this` for executable command
       */
      command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
        let desc = actionOptsOrExecDesc;
        let opts = execOpts;
        if (typeof desc === "object" && desc !== null) {
          opts = desc;
          desc = null;
        }
        opts = opts || {};
        const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const cmd = this.createCommand(name);
        if (desc) {
          cmd.description(desc);
          cmd._executableHandler = true;
        }
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        cmd._hidden = !!(opts.noHelp || opts.hidden);
        cmd._executableFile = opts.executableFile || null;
        if (args) cmd.arguments(args);
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd.copyInheritedSettings(this);
        if (desc) return this;
        return cmd;
      }
      /**
       * Factory routine to create a new unattached command.
       *
       * See .command() for creating an attached subcommand, which uses this routine to
       * create the command. You can override createCommand to customise subcommands.
       *
       * @param {string} [name]
       * @return {Command} new command
       */
      createCommand(name) {
        return new _Command(name);
      }
      /**
       * You can customise the help with a subclass of Help by overriding createHelp,
       * or by overriding Help properties using configureHelp().
       *
       * @return {Help}
       */
      createHelp() {
        return Object.assign(new Help2(), this.configureHelp());
      }
      /**
       * You can customise the help by overriding Help properties using configureHelp(),
       * or with a subclass of Help by overriding createHelp().
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureHelp(configuration) {
        if (configuration === void 0) return this._helpConfiguration;
        this._helpConfiguration = configuration;
        return this;
      }
      /**
       * The default output goes to stdout and stderr. You can customise this for special
       * applications. You can also customise the display of errors by overriding outputError.
       *
       * The configuration properties are all functions:
       *
       *     // change how output being written, defaults to stdout and stderr
       *     writeOut(str)
       *     writeErr(str)
       *     // change how output being written for errors, defaults to writeErr
       *     outputError(str, write) // used for displaying errors and not used for displaying help
       *     // specify width for wrapping help
       *     getOutHelpWidth()
       *     getErrHelpWidth()
       *     // color support, currently only used with Help
       *     getOutHasColors()
       *     getErrHasColors()
       *     stripColor() // used to remove ANSI escape codes if output does not have colors
       *
       * @param {object} [configuration] - configuration options
       * @return {(Command | object)} `this` command for chaining, or stored configuration
       */
      configureOutput(configuration) {
        if (configuration === void 0) return this._outputConfiguration;
        this._outputConfiguration = {
          ...this._outputConfiguration,
          ...configuration
        };
        return this;
      }
      /**
       * Display the help or a custom message after an error occurs.
       *
       * @param {(boolean|string)} [displayHelp]
       * @return {Command} `this` command for chaining
       */
      showHelpAfterError(displayHelp = true) {
        if (typeof displayHelp !== "string") displayHelp = !!displayHelp;
        this._showHelpAfterError = displayHelp;
        return this;
      }
      /**
       * Display suggestion of similar commands for unknown commands, or options for unknown options.
       *
       * @param {boolean} [displaySuggestion]
       * @return {Command} `this` command for chaining
       */
      showSuggestionAfterError(displaySuggestion = true) {
        this._showSuggestionAfterError = !!displaySuggestion;
        return this;
      }
      /**
       * Add a prepared subcommand.
       *
       * See .command() for creating an attached subcommand which inherits settings from its parent.
       *
       * @param {Command} cmd - new subcommand
       * @param {object} [opts] - configuration options
       * @return {Command} `this` command for chaining
       */
      addCommand(cmd, opts) {
        if (!cmd._name) {
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        }
        opts = opts || {};
        if (opts.isDefault) this._defaultCommandName = cmd._name;
        if (opts.noHelp || opts.hidden) cmd._hidden = true;
        this._registerCommand(cmd);
        cmd.parent = this;
        cmd._checkForBrokenPassThrough();
        return this;
      }
      /**
       * Factory routine to create a new unattached argument.
       *
       * See .argument() for creating an attached argument, which uses this routine to
       * create the argument. You can override createArgument to return a custom argument.
       *
       * @param {string} name
       * @param {string} [description]
       * @return {Argument} new argument
       */
      createArgument(name, description) {
        return new Argument2(name, description);
      }
      /**
       * Define argument syntax for command.
       *
       * The default is that the argument is required, and you can explicitly
       * indicate this with <> around the name. Put [] around the name for an optional argument.
       *
       * @example
       * program.argument('<input-file>');
       * program.argument('[output-file]');
       *
       * @param {string} name
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom argument processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      argument(name, description, parseArg, defaultValue) {
        const argument = this.createArgument(name, description);
        if (typeof parseArg === "function") {
          argument.default(defaultValue).argParser(parseArg);
        } else {
          argument.default(parseArg);
        }
        this.addArgument(argument);
        return this;
      }
      /**
       * Define argument syntax for command, adding multiple at once (without descriptions).
       *
       * See also .argument().
       *
       * @example
       * program.arguments('<cmd> [env]');
       *
       * @param {string} names
       * @return {Command} `this` command for chaining
       */
      arguments(names) {
        names.trim().split(/ +/).forEach((detail) => {
          this.argument(detail);
        });
        return this;
      }
      /**
       * Define argument syntax for command, adding a prepared argument.
       *
       * @param {Argument} argument
       * @return {Command} `this` command for chaining
       */
      addArgument(argument) {
        const previousArgument = this.registeredArguments.slice(-1)[0];
        if (previousArgument?.variadic) {
          throw new Error(
            `only the last argument can be variadic '${previousArgument.name()}'`
          );
        }
        if (argument.required && argument.defaultValue !== void 0 && argument.parseArg === void 0) {
          throw new Error(
            `a default value for a required argument is never used: '${argument.name()}'`
          );
        }
        this.registeredArguments.push(argument);
        return this;
      }
      /**
       * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
       *
       * @example
       *    program.helpCommand('help [cmd]');
       *    program.helpCommand('help [cmd]', 'show help');
       *    program.helpCommand(false); // suppress default help command
       *    program.helpCommand(true); // add help command even if no subcommands
       *
       * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
       * @param {string} [description] - custom description
       * @return {Command} `this` command for chaining
       */
      helpCommand(enableOrNameAndArgs, description) {
        if (typeof enableOrNameAndArgs === "boolean") {
          this._addImplicitHelpCommand = enableOrNameAndArgs;
          if (enableOrNameAndArgs && this._defaultCommandGroup) {
            this._initCommandGroup(this._getHelpCommand());
          }
          return this;
        }
        const nameAndArgs = enableOrNameAndArgs ?? "help [command]";
        const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
        const helpDescription = description ?? "display help for command";
        const helpCommand = this.createCommand(helpName);
        helpCommand.helpOption(false);
        if (helpArgs) helpCommand.arguments(helpArgs);
        if (helpDescription) helpCommand.description(helpDescription);
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Add prepared custom help command.
       *
       * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
       * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
       * @return {Command} `this` command for chaining
       */
      addHelpCommand(helpCommand, deprecatedDescription) {
        if (typeof helpCommand !== "object") {
          this.helpCommand(helpCommand, deprecatedDescription);
          return this;
        }
        this._addImplicitHelpCommand = true;
        this._helpCommand = helpCommand;
        this._initCommandGroup(helpCommand);
        return this;
      }
      /**
       * Lazy create help command.
       *
       * @return {(Command|null)}
       * @package
       */
      _getHelpCommand() {
        const hasImplicitHelpCommand = this._addImplicitHelpCommand ?? (this.commands.length && !this._actionHandler && !this._findCommand("help"));
        if (hasImplicitHelpCommand) {
          if (this._helpCommand === void 0) {
            this.helpCommand(void 0, void 0);
          }
          return this._helpCommand;
        }
        return null;
      }
      /**
       * Add hook for life cycle event.
       *
       * @param {string} event
       * @param {Function} listener
       * @return {Command} `this` command for chaining
       */
      hook(event, listener) {
        const allowedValues = ["preSubcommand", "preAction", "postAction"];
        if (!allowedValues.includes(event)) {
          throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        if (this._lifeCycleHooks[event]) {
          this._lifeCycleHooks[event].push(listener);
        } else {
          this._lifeCycleHooks[event] = [listener];
        }
        return this;
      }
      /**
       * Register callback to use as replacement for calling process.exit.
       *
       * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
       * @return {Command} `this` command for chaining
       */
      exitOverride(fn) {
        if (fn) {
          this._exitCallback = fn;
        } else {
          this._exitCallback = (err) => {
            if (err.code !== "commander.executeSubCommandAsync") {
              throw err;
            } else {
            }
          };
        }
        return this;
      }
      /**
       * Call process.exit, and _exitCallback if defined.
       *
       * @param {number} exitCode exit code for using with process.exit
       * @param {string} code an id string representing the error
       * @param {string} message human-readable description of the error
       * @return never
       * @private
       */
      _exit(exitCode, code, message) {
        if (this._exitCallback) {
          this._exitCallback(new CommanderError2(exitCode, code, message));
        }
        process2.exit(exitCode);
      }
      /**
       * Register callback `fn` for the command.
       *
       * @example
       * program
       *   .command('serve')
       *   .description('start service')
       *   .action(function() {
       *      // do work here
       *   });
       *
       * @param {Function} fn
       * @return {Command} `this` command for chaining
       */
      action(fn) {
        const listener = (args) => {
          const expectedArgsCount = this.registeredArguments.length;
          const actionArgs = args.slice(0, expectedArgsCount);
          if (this._storeOptionsAsProperties) {
            actionArgs[expectedArgsCount] = this;
          } else {
            actionArgs[expectedArgsCount] = this.opts();
          }
          actionArgs.push(this);
          return fn.apply(this, actionArgs);
        };
        this._actionHandler = listener;
        return this;
      }
      /**
       * Factory routine to create a new unattached option.
       *
       * See .option() for creating an attached option, which uses this routine to
       * create the option. You can override createOption to return a custom option.
       *
       * @param {string} flags
       * @param {string} [description]
       * @return {Option} new option
       */
      createOption(flags, description) {
        return new Option2(flags, description);
      }
      /**
       * Wrap parseArgs to catch 'commander.invalidArgument'.
       *
       * @param {(Option | Argument)} target
       * @param {string} value
       * @param {*} previous
       * @param {string} invalidArgumentMessage
       * @private
       */
      _callParseArg(target, value, previous, invalidArgumentMessage) {
        try {
          return target.parseArg(value, previous);
        } catch (err) {
          if (err.code === "commander.invalidArgument") {
            const message = `${invalidArgumentMessage} ${err.message}`;
            this.error(message, { exitCode: err.exitCode, code: err.code });
          }
          throw err;
        }
      }
      /**
       * Check for option flag conflicts.
       * Register option if no conflicts found, or throw on conflict.
       *
       * @param {Option} option
       * @private
       */
      _registerOption(option) {
        const matchingOption = option.short && this._findOption(option.short) || option.long && this._findOption(option.long);
        if (matchingOption) {
          const matchingFlag = option.long && this._findOption(option.long) ? option.long : option.short;
          throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
        }
        this._initOptionGroup(option);
        this.options.push(option);
      }
      /**
       * Check for command name and alias conflicts with existing commands.
       * Register command if no conflicts found, or throw on conflict.
       *
       * @param {Command} command
       * @private
       */
      _registerCommand(command) {
        const knownBy = (cmd) => {
          return [cmd.name()].concat(cmd.aliases());
        };
        const alreadyUsed = knownBy(command).find(
          (name) => this._findCommand(name)
        );
        if (alreadyUsed) {
          const existingCmd = knownBy(this._findCommand(alreadyUsed)).join("|");
          const newCmd = knownBy(command).join("|");
          throw new Error(
            `cannot add command '${newCmd}' as already have command '${existingCmd}'`
          );
        }
        this._initCommandGroup(command);
        this.commands.push(command);
      }
      /**
       * Add an option.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addOption(option) {
        this._registerOption(option);
        const oname = option.name();
        const name = option.attributeName();
        if (option.negate) {
          const positiveLongFlag = option.long.replace(/^--no-/, "--");
          if (!this._findOption(positiveLongFlag)) {
            this.setOptionValueWithSource(
              name,
              option.defaultValue === void 0 ? true : option.defaultValue,
              "default"
            );
          }
        } else if (option.defaultValue !== void 0) {
          this.setOptionValueWithSource(name, option.defaultValue, "default");
        }
        const handleOptionValue = (val, invalidValueMessage, valueSource) => {
          if (val == null && option.presetArg !== void 0) {
            val = option.presetArg;
          }
          const oldValue = this.getOptionValue(name);
          if (val !== null && option.parseArg) {
            val = this._callParseArg(option, val, oldValue, invalidValueMessage);
          } else if (val !== null && option.variadic) {
            val = option._collectValue(val, oldValue);
          }
          if (val == null) {
            if (option.negate) {
              val = false;
            } else if (option.isBoolean() || option.optional) {
              val = true;
            } else {
              val = "";
            }
          }
          this.setOptionValueWithSource(name, val, valueSource);
        };
        this.on("option:" + oname, (val) => {
          const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
          handleOptionValue(val, invalidValueMessage, "cli");
        });
        if (option.envVar) {
          this.on("optionEnv:" + oname, (val) => {
            const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
            handleOptionValue(val, invalidValueMessage, "env");
          });
        }
        return this;
      }
      /**
       * Internal implementation shared by .option() and .requiredOption()
       *
       * @return {Command} `this` command for chaining
       * @private
       */
      _optionEx(config, flags, description, fn, defaultValue) {
        if (typeof flags === "object" && flags instanceof Option2) {
          throw new Error(
            "To add an Option object use addOption() instead of option() or requiredOption()"
          );
        }
        const option = this.createOption(flags, description);
        option.makeOptionMandatory(!!config.mandatory);
        if (typeof fn === "function") {
          option.default(defaultValue).argParser(fn);
        } else if (fn instanceof RegExp) {
          const regex = fn;
          fn = (val, def) => {
            const m = regex.exec(val);
            return m ? m[0] : def;
          };
          option.default(defaultValue).argParser(fn);
        } else {
          option.default(fn);
        }
        return this.addOption(option);
      }
      /**
       * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
       * option-argument is indicated by `<>` and an optional option-argument by `[]`.
       *
       * See the README for more details, and see also addOption() and requiredOption().
       *
       * @example
       * program
       *     .option('-p, --pepper', 'add pepper')
       *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
       *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
       *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      option(flags, description, parseArg, defaultValue) {
        return this._optionEx({}, flags, description, parseArg, defaultValue);
      }
      /**
       * Add a required option which must have a value after parsing. This usually means
       * the option must be specified on the command line. (Otherwise the same as .option().)
       *
       * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
       *
       * @param {string} flags
       * @param {string} [description]
       * @param {(Function|*)} [parseArg] - custom option processing function or default value
       * @param {*} [defaultValue]
       * @return {Command} `this` command for chaining
       */
      requiredOption(flags, description, parseArg, defaultValue) {
        return this._optionEx(
          { mandatory: true },
          flags,
          description,
          parseArg,
          defaultValue
        );
      }
      /**
       * Alter parsing of short flags with optional values.
       *
       * @example
       * // for `.option('-f,--flag [value]'):
       * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
       * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
       *
       * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
       * @return {Command} `this` command for chaining
       */
      combineFlagAndOptionalValue(combine = true) {
        this._combineFlagAndOptionalValue = !!combine;
        return this;
      }
      /**
       * Allow unknown options on the command line.
       *
       * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
       * @return {Command} `this` command for chaining
       */
      allowUnknownOption(allowUnknown = true) {
        this._allowUnknownOption = !!allowUnknown;
        return this;
      }
      /**
       * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
       *
       * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
       * @return {Command} `this` command for chaining
       */
      allowExcessArguments(allowExcess = true) {
        this._allowExcessArguments = !!allowExcess;
        return this;
      }
      /**
       * Enable positional options. Positional means global options are specified before subcommands which lets
       * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
       * The default behaviour is non-positional and global options may appear anywhere on the command line.
       *
       * @param {boolean} [positional]
       * @return {Command} `this` command for chaining
       */
      enablePositionalOptions(positional = true) {
        this._enablePositionalOptions = !!positional;
        return this;
      }
      /**
       * Pass through options that come after command-arguments rather than treat them as command-options,
       * so actual command-options come before command-arguments. Turning this on for a subcommand requires
       * positional options to have been enabled on the program (parent commands).
       * The default behaviour is non-positional and options may appear before or after command-arguments.
       *
       * @param {boolean} [passThrough] for unknown options.
       * @return {Command} `this` command for chaining
       */
      passThroughOptions(passThrough = true) {
        this._passThroughOptions = !!passThrough;
        this._checkForBrokenPassThrough();
        return this;
      }
      /**
       * @private
       */
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions) {
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`
          );
        }
      }
      /**
       * Whether to store option values as properties on command object,
       * or store separately (specify false). In both cases the option values can be accessed using .opts().
       *
       * @param {boolean} [storeAsProperties=true]
       * @return {Command} `this` command for chaining
       */
      storeOptionsAsProperties(storeAsProperties = true) {
        if (this.options.length) {
          throw new Error("call .storeOptionsAsProperties() before adding options");
        }
        if (Object.keys(this._optionValues).length) {
          throw new Error(
            "call .storeOptionsAsProperties() before setting option values"
          );
        }
        this._storeOptionsAsProperties = !!storeAsProperties;
        return this;
      }
      /**
       * Retrieve option value.
       *
       * @param {string} key
       * @return {object} value
       */
      getOptionValue(key) {
        if (this._storeOptionsAsProperties) {
          return this[key];
        }
        return this._optionValues[key];
      }
      /**
       * Store option value.
       *
       * @param {string} key
       * @param {object} value
       * @return {Command} `this` command for chaining
       */
      setOptionValue(key, value) {
        return this.setOptionValueWithSource(key, value, void 0);
      }
      /**
       * Store option value and where the value came from.
       *
       * @param {string} key
       * @param {object} value
       * @param {string} source - expected values are default/config/env/cli/implied
       * @return {Command} `this` command for chaining
       */
      setOptionValueWithSource(key, value, source) {
        if (this._storeOptionsAsProperties) {
          this[key] = value;
        } else {
          this._optionValues[key] = value;
        }
        this._optionValueSources[key] = source;
        return this;
      }
      /**
       * Get source of option value.
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSource(key) {
        return this._optionValueSources[key];
      }
      /**
       * Get source of option value. See also .optsWithGlobals().
       * Expected values are default | config | env | cli | implied
       *
       * @param {string} key
       * @return {string}
       */
      getOptionValueSourceWithGlobals(key) {
        let source;
        this._getCommandAndAncestors().forEach((cmd) => {
          if (cmd.getOptionValueSource(key) !== void 0) {
            source = cmd.getOptionValueSource(key);
          }
        });
        return source;
      }
      /**
       * Get user arguments from implied or explicit arguments.
       * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
       *
       * @private
       */
      _prepareUserArgs(argv, parseOptions) {
        if (argv !== void 0 && !Array.isArray(argv)) {
          throw new Error("first parameter to parse must be array or undefined");
        }
        parseOptions = parseOptions || {};
        if (argv === void 0 && parseOptions.from === void 0) {
          if (process2.versions?.electron) {
            parseOptions.from = "electron";
          }
          const execArgv = process2.execArgv ?? [];
          if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
            parseOptions.from = "eval";
          }
        }
        if (argv === void 0) {
          argv = process2.argv;
        }
        this.rawArgs = argv.slice();
        let userArgs;
        switch (parseOptions.from) {
          case void 0:
          case "node":
            this._scriptPath = argv[1];
            userArgs = argv.slice(2);
            break;
          case "electron":
            if (process2.defaultApp) {
              this._scriptPath = argv[1];
              userArgs = argv.slice(2);
            } else {
              userArgs = argv.slice(1);
            }
            break;
          case "user":
            userArgs = argv.slice(0);
            break;
          case "eval":
            userArgs = argv.slice(1);
            break;
          default:
            throw new Error(
              `unexpected parse option { from: '${parseOptions.from}' }`
            );
        }
        if (!this._name && this._scriptPath)
          this.nameFromFilename(this._scriptPath);
        this._name = this._name || "program";
        return userArgs;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Use parseAsync instead of parse if any of your action handlers are async.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * program.parse(); // parse process.argv and auto-detect electron and special node flags
       * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
       * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv] - optional, defaults to process.argv
       * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
       * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
       * @return {Command} `this` command for chaining
       */
      parse(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        this._parseCommand([], userArgs);
        return this;
      }
      /**
       * Parse `argv`, setting options and invoking commands when defined.
       *
       * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
       *
       * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
       * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
       * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
       * - `'user'`: just user arguments
       *
       * @example
       * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
       * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
       * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
       *
       * @param {string[]} [argv]
       * @param {object} [parseOptions]
       * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
       * @return {Promise}
       */
      async parseAsync(argv, parseOptions) {
        this._prepareForParse();
        const userArgs = this._prepareUserArgs(argv, parseOptions);
        await this._parseCommand([], userArgs);
        return this;
      }
      _prepareForParse() {
        if (this._savedState === null) {
          this.saveStateBeforeParse();
        } else {
          this.restoreStateBeforeParse();
        }
      }
      /**
       * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state saved.
       */
      saveStateBeforeParse() {
        this._savedState = {
          // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
          _name: this._name,
          // option values before parse have default values (including false for negated options)
          // shallow clones
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources }
        };
      }
      /**
       * Restore state before parse for calls after the first.
       * Not usually called directly, but available for subclasses to save their custom state.
       *
       * This is called in a lazy way. Only commands used in parsing chain will have state restored.
       */
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        this._name = this._savedState._name;
        this._scriptPath = null;
        this.rawArgs = [];
        this._optionValues = { ...this._savedState._optionValues };
        this._optionValueSources = { ...this._savedState._optionValueSources };
        this.args = [];
        this.processedArgs = [];
      }
      /**
       * Throw if expected executable is missing. Add lots of help for author.
       *
       * @param {string} executableFile
       * @param {string} executableDir
       * @param {string} subcommandName
       */
      _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
        if (fs15.existsSync(executableFile)) return;
        const executableDirMessage = executableDir ? `searched for local subcommand relative to directory '${executableDir}'` : "no directory for search for local subcommand, use .executableDir() to supply a custom directory";
        const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
        throw new Error(executableMissing);
      }
      /**
       * Execute a sub-command executable.
       *
       * @private
       */
      _executeSubCommand(subcommand, args) {
        args = args.slice();
        let launchWithNode = false;
        const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
        function findFile(baseDir, baseName) {
          const localBin = path11.resolve(baseDir, baseName);
          if (fs15.existsSync(localBin)) return localBin;
          if (sourceExt.includes(path11.extname(baseName))) return void 0;
          const foundExt = sourceExt.find(
            (ext) => fs15.existsSync(`${localBin}${ext}`)
          );
          if (foundExt) return `${localBin}${foundExt}`;
          return void 0;
        }
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        let executableFile = subcommand._executableFile || `${this._name}-${subcommand._name}`;
        let executableDir = this._executableDir || "";
        if (this._scriptPath) {
          let resolvedScriptPath;
          try {
            resolvedScriptPath = fs15.realpathSync(this._scriptPath);
          } catch {
            resolvedScriptPath = this._scriptPath;
          }
          executableDir = path11.resolve(
            path11.dirname(resolvedScriptPath),
            executableDir
          );
        }
        if (executableDir) {
          let localFile = findFile(executableDir, executableFile);
          if (!localFile && !subcommand._executableFile && this._scriptPath) {
            const legacyName = path11.basename(
              this._scriptPath,
              path11.extname(this._scriptPath)
            );
            if (legacyName !== this._name) {
              localFile = findFile(
                executableDir,
                `${legacyName}-${subcommand._name}`
              );
            }
          }
          executableFile = localFile || executableFile;
        }
        launchWithNode = sourceExt.includes(path11.extname(executableFile));
        let proc;
        if (process2.platform !== "win32") {
          if (launchWithNode) {
            args.unshift(executableFile);
            args = incrementNodeInspectorPort(process2.execArgv).concat(args);
            proc = childProcess2.spawn(process2.argv[0], args, { stdio: "inherit" });
          } else {
            proc = childProcess2.spawn(executableFile, args, { stdio: "inherit" });
          }
        } else {
          this._checkForMissingExecutable(
            executableFile,
            executableDir,
            subcommand._name
          );
          args.unshift(executableFile);
          args = incrementNodeInspectorPort(process2.execArgv).concat(args);
          proc = childProcess2.spawn(process2.execPath, args, { stdio: "inherit" });
        }
        if (!proc.killed) {
          const signals = ["SIGUSR1", "SIGUSR2", "SIGTERM", "SIGINT", "SIGHUP"];
          signals.forEach((signal) => {
            process2.on(signal, () => {
              if (proc.killed === false && proc.exitCode === null) {
                proc.kill(signal);
              }
            });
          });
        }
        const exitCallback = this._exitCallback;
        proc.on("close", (code) => {
          code = code ?? 1;
          if (!exitCallback) {
            process2.exit(code);
          } else {
            exitCallback(
              new CommanderError2(
                code,
                "commander.executeSubCommandAsync",
                "(close)"
              )
            );
          }
        });
        proc.on("error", (err) => {
          if (err.code === "ENOENT") {
            this._checkForMissingExecutable(
              executableFile,
              executableDir,
              subcommand._name
            );
          } else if (err.code === "EACCES") {
            throw new Error(`'${executableFile}' not executable`);
          }
          if (!exitCallback) {
            process2.exit(1);
          } else {
            const wrappedError = new CommanderError2(
              1,
              "commander.executeSubCommandAsync",
              "(error)"
            );
            wrappedError.nestedError = err;
            exitCallback(wrappedError);
          }
        });
        this.runningCommand = proc;
      }
      /**
       * @private
       */
      _dispatchSubcommand(commandName, operands, unknown) {
        const subCommand = this._findCommand(commandName);
        if (!subCommand) this.help({ error: true });
        subCommand._prepareForParse();
        let promiseChain;
        promiseChain = this._chainOrCallSubCommandHook(
          promiseChain,
          subCommand,
          "preSubcommand"
        );
        promiseChain = this._chainOrCall(promiseChain, () => {
          if (subCommand._executableHandler) {
            this._executeSubCommand(subCommand, operands.concat(unknown));
          } else {
            return subCommand._parseCommand(operands, unknown);
          }
        });
        return promiseChain;
      }
      /**
       * Invoke help directly if possible, or dispatch if necessary.
       * e.g. help foo
       *
       * @private
       */
      _dispatchHelpCommand(subcommandName) {
        if (!subcommandName) {
          this.help();
        }
        const subCommand = this._findCommand(subcommandName);
        if (subCommand && !subCommand._executableHandler) {
          subCommand.help();
        }
        return this._dispatchSubcommand(
          subcommandName,
          [],
          [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? "--help"]
        );
      }
      /**
       * Check this.args against expected this.registeredArguments.
       *
       * @private
       */
      _checkNumberOfArguments() {
        this.registeredArguments.forEach((arg, i) => {
          if (arg.required && this.args[i] == null) {
            this.missingArgument(arg.name());
          }
        });
        if (this.registeredArguments.length > 0 && this.registeredArguments[this.registeredArguments.length - 1].variadic) {
          return;
        }
        if (this.args.length > this.registeredArguments.length) {
          this._excessArguments(this.args);
        }
      }
      /**
       * Process this.args using this.registeredArguments and save as this.processedArgs!
       *
       * @private
       */
      _processArguments() {
        const myParseArg = (argument, value, previous) => {
          let parsedValue = value;
          if (value !== null && argument.parseArg) {
            const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
            parsedValue = this._callParseArg(
              argument,
              value,
              previous,
              invalidValueMessage
            );
          }
          return parsedValue;
        };
        this._checkNumberOfArguments();
        const processedArgs = [];
        this.registeredArguments.forEach((declaredArg, index) => {
          let value = declaredArg.defaultValue;
          if (declaredArg.variadic) {
            if (index < this.args.length) {
              value = this.args.slice(index);
              if (declaredArg.parseArg) {
                value = value.reduce((processed, v) => {
                  return myParseArg(declaredArg, v, processed);
                }, declaredArg.defaultValue);
              }
            } else if (value === void 0) {
              value = [];
            }
          } else if (index < this.args.length) {
            value = this.args[index];
            if (declaredArg.parseArg) {
              value = myParseArg(declaredArg, value, declaredArg.defaultValue);
            }
          }
          processedArgs[index] = value;
        });
        this.processedArgs = processedArgs;
      }
      /**
       * Once we have a promise we chain, but call synchronously until then.
       *
       * @param {(Promise|undefined)} promise
       * @param {Function} fn
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCall(promise, fn) {
        if (promise?.then && typeof promise.then === "function") {
          return promise.then(() => fn());
        }
        return fn();
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallHooks(promise, event) {
        let result = promise;
        const hooks = [];
        this._getCommandAndAncestors().reverse().filter((cmd) => cmd._lifeCycleHooks[event] !== void 0).forEach((hookedCommand) => {
          hookedCommand._lifeCycleHooks[event].forEach((callback) => {
            hooks.push({ hookedCommand, callback });
          });
        });
        if (event === "postAction") {
          hooks.reverse();
        }
        hooks.forEach((hookDetail) => {
          result = this._chainOrCall(result, () => {
            return hookDetail.callback(hookDetail.hookedCommand, this);
          });
        });
        return result;
      }
      /**
       *
       * @param {(Promise|undefined)} promise
       * @param {Command} subCommand
       * @param {string} event
       * @return {(Promise|undefined)}
       * @private
       */
      _chainOrCallSubCommandHook(promise, subCommand, event) {
        let result = promise;
        if (this._lifeCycleHooks[event] !== void 0) {
          this._lifeCycleHooks[event].forEach((hook) => {
            result = this._chainOrCall(result, () => {
              return hook(this, subCommand);
            });
          });
        }
        return result;
      }
      /**
       * Process arguments in context of this command.
       * Returns action result, in case it is a promise.
       *
       * @private
       */
      _parseCommand(operands, unknown) {
        const parsed = this.parseOptions(unknown);
        this._parseOptionsEnv();
        this._parseOptionsImplied();
        operands = operands.concat(parsed.operands);
        unknown = parsed.unknown;
        this.args = operands.concat(unknown);
        if (operands && this._findCommand(operands[0])) {
          return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
        }
        if (this._getHelpCommand() && operands[0] === this._getHelpCommand().name()) {
          return this._dispatchHelpCommand(operands[1]);
        }
        if (this._defaultCommandName) {
          this._outputHelpIfRequested(unknown);
          return this._dispatchSubcommand(
            this._defaultCommandName,
            operands,
            unknown
          );
        }
        if (this.commands.length && this.args.length === 0 && !this._actionHandler && !this._defaultCommandName) {
          this.help({ error: true });
        }
        this._outputHelpIfRequested(parsed.unknown);
        this._checkForMissingMandatoryOptions();
        this._checkForConflictingOptions();
        const checkForUnknownOptions = () => {
          if (parsed.unknown.length > 0) {
            this.unknownOption(parsed.unknown[0]);
          }
        };
        const commandEvent = `command:${this.name()}`;
        if (this._actionHandler) {
          checkForUnknownOptions();
          this._processArguments();
          let promiseChain;
          promiseChain = this._chainOrCallHooks(promiseChain, "preAction");
          promiseChain = this._chainOrCall(
            promiseChain,
            () => this._actionHandler(this.processedArgs)
          );
          if (this.parent) {
            promiseChain = this._chainOrCall(promiseChain, () => {
              this.parent.emit(commandEvent, operands, unknown);
            });
          }
          promiseChain = this._chainOrCallHooks(promiseChain, "postAction");
          return promiseChain;
        }
        if (this.parent?.listenerCount(commandEvent)) {
          checkForUnknownOptions();
          this._processArguments();
          this.parent.emit(commandEvent, operands, unknown);
        } else if (operands.length) {
          if (this._findCommand("*")) {
            return this._dispatchSubcommand("*", operands, unknown);
          }
          if (this.listenerCount("command:*")) {
            this.emit("command:*", operands, unknown);
          } else if (this.commands.length) {
            this.unknownCommand();
          } else {
            checkForUnknownOptions();
            this._processArguments();
          }
        } else if (this.commands.length) {
          checkForUnknownOptions();
          this.help({ error: true });
        } else {
          checkForUnknownOptions();
          this._processArguments();
        }
      }
      /**
       * Find matching command.
       *
       * @private
       * @return {Command | undefined}
       */
      _findCommand(name) {
        if (!name) return void 0;
        return this.commands.find(
          (cmd) => cmd._name === name || cmd._aliases.includes(name)
        );
      }
      /**
       * Return an option matching `arg` if any.
       *
       * @param {string} arg
       * @return {Option}
       * @package
       */
      _findOption(arg) {
        return this.options.find((option) => option.is(arg));
      }
      /**
       * Display an error message if a mandatory option does not have a value.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd.options.forEach((anOption) => {
            if (anOption.mandatory && cmd.getOptionValue(anOption.attributeName()) === void 0) {
              cmd.missingMandatoryOptionValue(anOption);
            }
          });
        });
      }
      /**
       * Display an error message if conflicting options are used together in this.
       *
       * @private
       */
      _checkForConflictingLocalOptions() {
        const definedNonDefaultOptions = this.options.filter((option) => {
          const optionKey = option.attributeName();
          if (this.getOptionValue(optionKey) === void 0) {
            return false;
          }
          return this.getOptionValueSource(optionKey) !== "default";
        });
        const optionsWithConflicting = definedNonDefaultOptions.filter(
          (option) => option.conflictsWith.length > 0
        );
        optionsWithConflicting.forEach((option) => {
          const conflictingAndDefined = definedNonDefaultOptions.find(
            (defined) => option.conflictsWith.includes(defined.attributeName())
          );
          if (conflictingAndDefined) {
            this._conflictingOption(option, conflictingAndDefined);
          }
        });
      }
      /**
       * Display an error message if conflicting options are used together.
       * Called after checking for help flags in leaf subcommand.
       *
       * @private
       */
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((cmd) => {
          cmd._checkForConflictingLocalOptions();
        });
      }
      /**
       * Parse options from `argv` removing known options,
       * and return argv split into operands and unknown arguments.
       *
       * Side effects: modifies command by storing options. Does not reset state if called again.
       *
       * Examples:
       *
       *     argv => operands, unknown
       *     --known kkk op => [op], []
       *     op --known kkk => [op], []
       *     sub --unknown uuu op => [sub], [--unknown uuu op]
       *     sub -- --unknown uuu op => [sub --unknown uuu op], []
       *
       * @param {string[]} args
       * @return {{operands: string[], unknown: string[]}}
       */
      parseOptions(args) {
        const operands = [];
        const unknown = [];
        let dest = operands;
        function maybeOption(arg) {
          return arg.length > 1 && arg[0] === "-";
        }
        const negativeNumberArg = (arg) => {
          if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
          return !this._getCommandAndAncestors().some(
            (cmd) => cmd.options.map((opt) => opt.short).some((short) => /^-\d$/.test(short))
          );
        };
        let activeVariadicOption = null;
        let activeGroup = null;
        let i = 0;
        while (i < args.length || activeGroup) {
          const arg = activeGroup ?? args[i++];
          activeGroup = null;
          if (arg === "--") {
            if (dest === unknown) dest.push(arg);
            dest.push(...args.slice(i));
            break;
          }
          if (activeVariadicOption && (!maybeOption(arg) || negativeNumberArg(arg))) {
            this.emit(`option:${activeVariadicOption.name()}`, arg);
            continue;
          }
          activeVariadicOption = null;
          if (maybeOption(arg)) {
            const option = this._findOption(arg);
            if (option) {
              if (option.required) {
                const value = args[i++];
                if (value === void 0) this.optionMissingArgument(option);
                this.emit(`option:${option.name()}`, value);
              } else if (option.optional) {
                let value = null;
                if (i < args.length && (!maybeOption(args[i]) || negativeNumberArg(args[i]))) {
                  value = args[i++];
                }
                this.emit(`option:${option.name()}`, value);
              } else {
                this.emit(`option:${option.name()}`);
              }
              activeVariadicOption = option.variadic ? option : null;
              continue;
            }
          }
          if (arg.length > 2 && arg[0] === "-" && arg[1] !== "-") {
            const option = this._findOption(`-${arg[1]}`);
            if (option) {
              if (option.required || option.optional && this._combineFlagAndOptionalValue) {
                this.emit(`option:${option.name()}`, arg.slice(2));
              } else {
                this.emit(`option:${option.name()}`);
                activeGroup = `-${arg.slice(2)}`;
              }
              continue;
            }
          }
          if (/^--[^=]+=/.test(arg)) {
            const index = arg.indexOf("=");
            const option = this._findOption(arg.slice(0, index));
            if (option && (option.required || option.optional)) {
              this.emit(`option:${option.name()}`, arg.slice(index + 1));
              continue;
            }
          }
          if (dest === operands && maybeOption(arg) && !(this.commands.length === 0 && negativeNumberArg(arg))) {
            dest = unknown;
          }
          if ((this._enablePositionalOptions || this._passThroughOptions) && operands.length === 0 && unknown.length === 0) {
            if (this._findCommand(arg)) {
              operands.push(arg);
              unknown.push(...args.slice(i));
              break;
            } else if (this._getHelpCommand() && arg === this._getHelpCommand().name()) {
              operands.push(arg, ...args.slice(i));
              break;
            } else if (this._defaultCommandName) {
              unknown.push(arg, ...args.slice(i));
              break;
            }
          }
          if (this._passThroughOptions) {
            dest.push(arg, ...args.slice(i));
            break;
          }
          dest.push(arg);
        }
        return { operands, unknown };
      }
      /**
       * Return an object containing local option values as key-value pairs.
       *
       * @return {object}
       */
      opts() {
        if (this._storeOptionsAsProperties) {
          const result = {};
          const len = this.options.length;
          for (let i = 0; i < len; i++) {
            const key = this.options[i].attributeName();
            result[key] = key === this._versionOptionName ? this._version : this[key];
          }
          return result;
        }
        return this._optionValues;
      }
      /**
       * Return an object containing merged local and global option values as key-value pairs.
       *
       * @return {object}
       */
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce(
          (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
          {}
        );
      }
      /**
       * Display error message and exit (or call exitOverride).
       *
       * @param {string} message
       * @param {object} [errorOptions]
       * @param {string} [errorOptions.code] - an id string representing the error
       * @param {number} [errorOptions.exitCode] - used with process.exit
       */
      error(message, errorOptions) {
        this._outputConfiguration.outputError(
          `${message}
`,
          this._outputConfiguration.writeErr
        );
        if (typeof this._showHelpAfterError === "string") {
          this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`);
        } else if (this._showHelpAfterError) {
          this._outputConfiguration.writeErr("\n");
          this.outputHelp({ error: true });
        }
        const config = errorOptions || {};
        const exitCode = config.exitCode || 1;
        const code = config.code || "commander.error";
        this._exit(exitCode, code, message);
      }
      /**
       * Apply any option related environment variables, if option does
       * not have a value from cli or client code.
       *
       * @private
       */
      _parseOptionsEnv() {
        this.options.forEach((option) => {
          if (option.envVar && option.envVar in process2.env) {
            const optionKey = option.attributeName();
            if (this.getOptionValue(optionKey) === void 0 || ["default", "config", "env"].includes(
              this.getOptionValueSource(optionKey)
            )) {
              if (option.required || option.optional) {
                this.emit(`optionEnv:${option.name()}`, process2.env[option.envVar]);
              } else {
                this.emit(`optionEnv:${option.name()}`);
              }
            }
          }
        });
      }
      /**
       * Apply any implied option values, if option is undefined or default value.
       *
       * @private
       */
      _parseOptionsImplied() {
        const dualHelper = new DualOptions(this.options);
        const hasCustomOptionValue = (optionKey) => {
          return this.getOptionValue(optionKey) !== void 0 && !["default", "implied"].includes(this.getOptionValueSource(optionKey));
        };
        this.options.filter(
          (option) => option.implied !== void 0 && hasCustomOptionValue(option.attributeName()) && dualHelper.valueFromOption(
            this.getOptionValue(option.attributeName()),
            option
          )
        ).forEach((option) => {
          Object.keys(option.implied).filter((impliedKey) => !hasCustomOptionValue(impliedKey)).forEach((impliedKey) => {
            this.setOptionValueWithSource(
              impliedKey,
              option.implied[impliedKey],
              "implied"
            );
          });
        });
      }
      /**
       * Argument `name` is missing.
       *
       * @param {string} name
       * @private
       */
      missingArgument(name) {
        const message = `error: missing required argument '${name}'`;
        this.error(message, { code: "commander.missingArgument" });
      }
      /**
       * `Option` is missing an argument.
       *
       * @param {Option} option
       * @private
       */
      optionMissingArgument(option) {
        const message = `error: option '${option.flags}' argument missing`;
        this.error(message, { code: "commander.optionMissingArgument" });
      }
      /**
       * `Option` does not have a value, and is a mandatory option.
       *
       * @param {Option} option
       * @private
       */
      missingMandatoryOptionValue(option) {
        const message = `error: required option '${option.flags}' not specified`;
        this.error(message, { code: "commander.missingMandatoryOptionValue" });
      }
      /**
       * `Option` conflicts with another option.
       *
       * @param {Option} option
       * @param {Option} conflictingOption
       * @private
       */
      _conflictingOption(option, conflictingOption) {
        const findBestOptionFromValue = (option2) => {
          const optionKey = option2.attributeName();
          const optionValue = this.getOptionValue(optionKey);
          const negativeOption = this.options.find(
            (target) => target.negate && optionKey === target.attributeName()
          );
          const positiveOption = this.options.find(
            (target) => !target.negate && optionKey === target.attributeName()
          );
          if (negativeOption && (negativeOption.presetArg === void 0 && optionValue === false || negativeOption.presetArg !== void 0 && optionValue === negativeOption.presetArg)) {
            return negativeOption;
          }
          return positiveOption || option2;
        };
        const getErrorMessage = (option2) => {
          const bestOption = findBestOptionFromValue(option2);
          const optionKey = bestOption.attributeName();
          const source = this.getOptionValueSource(optionKey);
          if (source === "env") {
            return `environment variable '${bestOption.envVar}'`;
          }
          return `option '${bestOption.flags}'`;
        };
        const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
        this.error(message, { code: "commander.conflictingOption" });
      }
      /**
       * Unknown option `flag`.
       *
       * @param {string} flag
       * @private
       */
      unknownOption(flag) {
        if (this._allowUnknownOption) return;
        let suggestion = "";
        if (flag.startsWith("--") && this._showSuggestionAfterError) {
          let candidateFlags = [];
          let command = this;
          do {
            const moreFlags = command.createHelp().visibleOptions(command).filter((option) => option.long).map((option) => option.long);
            candidateFlags = candidateFlags.concat(moreFlags);
            command = command.parent;
          } while (command && !command._enablePositionalOptions);
          suggestion = suggestSimilar(flag, candidateFlags);
        }
        const message = `error: unknown option '${flag}'${suggestion}`;
        this.error(message, { code: "commander.unknownOption" });
      }
      /**
       * Excess arguments, more than expected.
       *
       * @param {string[]} receivedArgs
       * @private
       */
      _excessArguments(receivedArgs) {
        if (this._allowExcessArguments) return;
        const expected = this.registeredArguments.length;
        const s = expected === 1 ? "" : "s";
        const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
        const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
        this.error(message, { code: "commander.excessArguments" });
      }
      /**
       * Unknown command.
       *
       * @private
       */
      unknownCommand() {
        const unknownName = this.args[0];
        let suggestion = "";
        if (this._showSuggestionAfterError) {
          const candidateNames = [];
          this.createHelp().visibleCommands(this).forEach((command) => {
            candidateNames.push(command.name());
            if (command.alias()) candidateNames.push(command.alias());
          });
          suggestion = suggestSimilar(unknownName, candidateNames);
        }
        const message = `error: unknown command '${unknownName}'${suggestion}`;
        this.error(message, { code: "commander.unknownCommand" });
      }
      /**
       * Get or set the program version.
       *
       * This method auto-registers the "-V, --version" option which will print the version number.
       *
       * You can optionally supply the flags and description to override the defaults.
       *
       * @param {string} [str]
       * @param {string} [flags]
       * @param {string} [description]
       * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
       */
      version(str, flags, description) {
        if (str === void 0) return this._version;
        this._version = str;
        flags = flags || "-V, --version";
        description = description || "output the version number";
        const versionOption = this.createOption(flags, description);
        this._versionOptionName = versionOption.attributeName();
        this._registerOption(versionOption);
        this.on("option:" + versionOption.name(), () => {
          this._outputConfiguration.writeOut(`${str}
`);
          this._exit(0, "commander.version", str);
        });
        return this;
      }
      /**
       * Set the description.
       *
       * @param {string} [str]
       * @param {object} [argsDescription]
       * @return {(string|Command)}
       */
      description(str, argsDescription) {
        if (str === void 0 && argsDescription === void 0)
          return this._description;
        this._description = str;
        if (argsDescription) {
          this._argsDescription = argsDescription;
        }
        return this;
      }
      /**
       * Set the summary. Used when listed as subcommand of parent.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      summary(str) {
        if (str === void 0) return this._summary;
        this._summary = str;
        return this;
      }
      /**
       * Set an alias for the command.
       *
       * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
       *
       * @param {string} [alias]
       * @return {(string|Command)}
       */
      alias(alias) {
        if (alias === void 0) return this._aliases[0];
        let command = this;
        if (this.commands.length !== 0 && this.commands[this.commands.length - 1]._executableHandler) {
          command = this.commands[this.commands.length - 1];
        }
        if (alias === command._name)
          throw new Error("Command alias can't be the same as its name");
        const matchingCommand = this.parent?._findCommand(alias);
        if (matchingCommand) {
          const existingCmd = [matchingCommand.name()].concat(matchingCommand.aliases()).join("|");
          throw new Error(
            `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`
          );
        }
        command._aliases.push(alias);
        return this;
      }
      /**
       * Set aliases for the command.
       *
       * Only the first alias is shown in the auto-generated help.
       *
       * @param {string[]} [aliases]
       * @return {(string[]|Command)}
       */
      aliases(aliases) {
        if (aliases === void 0) return this._aliases;
        aliases.forEach((alias) => this.alias(alias));
        return this;
      }
      /**
       * Set / get the command usage `str`.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      usage(str) {
        if (str === void 0) {
          if (this._usage) return this._usage;
          const args = this.registeredArguments.map((arg) => {
            return humanReadableArgName(arg);
          });
          return [].concat(
            this.options.length || this._helpOption !== null ? "[options]" : [],
            this.commands.length ? "[command]" : [],
            this.registeredArguments.length ? args : []
          ).join(" ");
        }
        this._usage = str;
        return this;
      }
      /**
       * Get or set the name of the command.
       *
       * @param {string} [str]
       * @return {(string|Command)}
       */
      name(str) {
        if (str === void 0) return this._name;
        this._name = str;
        return this;
      }
      /**
       * Set/get the help group heading for this subcommand in parent command's help.
       *
       * @param {string} [heading]
       * @return {Command | string}
       */
      helpGroup(heading) {
        if (heading === void 0) return this._helpGroupHeading ?? "";
        this._helpGroupHeading = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for subcommands added to this command.
       * (This does not override a group set directly on the subcommand using .helpGroup().)
       *
       * @example
       * program.commandsGroup('Development Commands:);
       * program.command('watch')...
       * program.command('lint')...
       * ...
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      commandsGroup(heading) {
        if (heading === void 0) return this._defaultCommandGroup ?? "";
        this._defaultCommandGroup = heading;
        return this;
      }
      /**
       * Set/get the default help group heading for options added to this command.
       * (This does not override a group set directly on the option using .helpGroup().)
       *
       * @example
       * program
       *   .optionsGroup('Development Options:')
       *   .option('-d, --debug', 'output extra debugging')
       *   .option('-p, --profile', 'output profiling information')
       *
       * @param {string} [heading]
       * @returns {Command | string}
       */
      optionsGroup(heading) {
        if (heading === void 0) return this._defaultOptionGroup ?? "";
        this._defaultOptionGroup = heading;
        return this;
      }
      /**
       * @param {Option} option
       * @private
       */
      _initOptionGroup(option) {
        if (this._defaultOptionGroup && !option.helpGroupHeading)
          option.helpGroup(this._defaultOptionGroup);
      }
      /**
       * @param {Command} cmd
       * @private
       */
      _initCommandGroup(cmd) {
        if (this._defaultCommandGroup && !cmd.helpGroup())
          cmd.helpGroup(this._defaultCommandGroup);
      }
      /**
       * Set the name of the command from script filename, such as process.argv[1],
       * or require.main.filename, or __filename.
       *
       * (Used internally and public although not documented in README.)
       *
       * @example
       * program.nameFromFilename(require.main.filename);
       *
       * @param {string} filename
       * @return {Command}
       */
      nameFromFilename(filename) {
        this._name = path11.basename(filename, path11.extname(filename));
        return this;
      }
      /**
       * Get or set the directory for searching for executable subcommands of this command.
       *
       * @example
       * program.executableDir(__dirname);
       * // or
       * program.executableDir('subcommands');
       *
       * @param {string} [path]
       * @return {(string|null|Command)}
       */
      executableDir(path12) {
        if (path12 === void 0) return this._executableDir;
        this._executableDir = path12;
        return this;
      }
      /**
       * Return program help documentation.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
       * @return {string}
       */
      helpInformation(contextOptions) {
        const helper = this.createHelp();
        const context = this._getOutputContext(contextOptions);
        helper.prepareContext({
          error: context.error,
          helpWidth: context.helpWidth,
          outputHasColors: context.hasColors
        });
        const text = helper.formatHelp(this, helper);
        if (context.hasColors) return text;
        return this._outputConfiguration.stripColor(text);
      }
      /**
       * @typedef HelpContext
       * @type {object}
       * @property {boolean} error
       * @property {number} helpWidth
       * @property {boolean} hasColors
       * @property {function} write - includes stripColor if needed
       *
       * @returns {HelpContext}
       * @private
       */
      _getOutputContext(contextOptions) {
        contextOptions = contextOptions || {};
        const error = !!contextOptions.error;
        let baseWrite;
        let hasColors;
        let helpWidth;
        if (error) {
          baseWrite = (str) => this._outputConfiguration.writeErr(str);
          hasColors = this._outputConfiguration.getErrHasColors();
          helpWidth = this._outputConfiguration.getErrHelpWidth();
        } else {
          baseWrite = (str) => this._outputConfiguration.writeOut(str);
          hasColors = this._outputConfiguration.getOutHasColors();
          helpWidth = this._outputConfiguration.getOutHelpWidth();
        }
        const write = (str) => {
          if (!hasColors) str = this._outputConfiguration.stripColor(str);
          return baseWrite(str);
        };
        return { error, write, hasColors, helpWidth };
      }
      /**
       * Output help information for this command.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      outputHelp(contextOptions) {
        let deprecatedCallback;
        if (typeof contextOptions === "function") {
          deprecatedCallback = contextOptions;
          contextOptions = void 0;
        }
        const outputContext = this._getOutputContext(contextOptions);
        const eventContext = {
          error: outputContext.error,
          write: outputContext.write,
          command: this
        };
        this._getCommandAndAncestors().reverse().forEach((command) => command.emit("beforeAllHelp", eventContext));
        this.emit("beforeHelp", eventContext);
        let helpInformation = this.helpInformation({ error: outputContext.error });
        if (deprecatedCallback) {
          helpInformation = deprecatedCallback(helpInformation);
          if (typeof helpInformation !== "string" && !Buffer.isBuffer(helpInformation)) {
            throw new Error("outputHelp callback must return a string or a Buffer");
          }
        }
        outputContext.write(helpInformation);
        if (this._getHelpOption()?.long) {
          this.emit(this._getHelpOption().long);
        }
        this.emit("afterHelp", eventContext);
        this._getCommandAndAncestors().forEach(
          (command) => command.emit("afterAllHelp", eventContext)
        );
      }
      /**
       * You can pass in flags and a description to customise the built-in help option.
       * Pass in false to disable the built-in help option.
       *
       * @example
       * program.helpOption('-?, --help' 'show help'); // customise
       * program.helpOption(false); // disable
       *
       * @param {(string | boolean)} flags
       * @param {string} [description]
       * @return {Command} `this` command for chaining
       */
      helpOption(flags, description) {
        if (typeof flags === "boolean") {
          if (flags) {
            if (this._helpOption === null) this._helpOption = void 0;
            if (this._defaultOptionGroup) {
              this._initOptionGroup(this._getHelpOption());
            }
          } else {
            this._helpOption = null;
          }
          return this;
        }
        this._helpOption = this.createOption(
          flags ?? "-h, --help",
          description ?? "display help for command"
        );
        if (flags || description) this._initOptionGroup(this._helpOption);
        return this;
      }
      /**
       * Lazy create help option.
       * Returns null if has been disabled with .helpOption(false).
       *
       * @returns {(Option | null)} the help option
       * @package
       */
      _getHelpOption() {
        if (this._helpOption === void 0) {
          this.helpOption(void 0, void 0);
        }
        return this._helpOption;
      }
      /**
       * Supply your own option to use for the built-in help option.
       * This is an alternative to using helpOption() to customise the flags and description etc.
       *
       * @param {Option} option
       * @return {Command} `this` command for chaining
       */
      addHelpOption(option) {
        this._helpOption = option;
        this._initOptionGroup(option);
        return this;
      }
      /**
       * Output help information and exit.
       *
       * Outputs built-in help, and custom text added using `.addHelpText()`.
       *
       * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
       */
      help(contextOptions) {
        this.outputHelp(contextOptions);
        let exitCode = Number(process2.exitCode ?? 0);
        if (exitCode === 0 && contextOptions && typeof contextOptions !== "function" && contextOptions.error) {
          exitCode = 1;
        }
        this._exit(exitCode, "commander.help", "(outputHelp)");
      }
      /**
       * // Do a little typing to coordinate emit and listener for the help text events.
       * @typedef HelpTextEventContext
       * @type {object}
       * @property {boolean} error
       * @property {Command} command
       * @property {function} write
       */
      /**
       * Add additional text to be displayed with the built-in help.
       *
       * Position is 'before' or 'after' to affect just this command,
       * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
       *
       * @param {string} position - before or after built-in help
       * @param {(string | Function)} text - string to add, or a function returning a string
       * @return {Command} `this` command for chaining
       */
      addHelpText(position, text) {
        const allowedValues = ["beforeAll", "before", "after", "afterAll"];
        if (!allowedValues.includes(position)) {
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
        }
        const helpEvent = `${position}Help`;
        this.on(helpEvent, (context) => {
          let helpStr;
          if (typeof text === "function") {
            helpStr = text({ error: context.error, command: context.command });
          } else {
            helpStr = text;
          }
          if (helpStr) {
            context.write(`${helpStr}
`);
          }
        });
        return this;
      }
      /**
       * Output help information if help flags specified
       *
       * @param {Array} args - array of options to search for help flags
       * @private
       */
      _outputHelpIfRequested(args) {
        const helpOption = this._getHelpOption();
        const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
        if (helpRequested) {
          this.outputHelp();
          this._exit(0, "commander.helpDisplayed", "(outputHelp)");
        }
      }
    };
    function incrementNodeInspectorPort(args) {
      return args.map((arg) => {
        if (!arg.startsWith("--inspect")) {
          return arg;
        }
        let debugOption;
        let debugHost = "127.0.0.1";
        let debugPort = "9229";
        let match;
        if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
          debugOption = match[1];
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null) {
          debugOption = match[1];
          if (/^\d+$/.test(match[3])) {
            debugPort = match[3];
          } else {
            debugHost = match[3];
          }
        } else if ((match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null) {
          debugOption = match[1];
          debugHost = match[3];
          debugPort = match[4];
        }
        if (debugOption && debugPort !== "0") {
          return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
        }
        return arg;
      });
    }
    function useColor() {
      if (process2.env.NO_COLOR || process2.env.FORCE_COLOR === "0" || process2.env.FORCE_COLOR === "false")
        return false;
      if (process2.env.FORCE_COLOR || process2.env.CLICOLOR_FORCE !== void 0)
        return true;
      return void 0;
    }
    exports.Command = Command2;
    exports.useColor = useColor;
  }
});

// node_modules/commander/index.js
var require_commander = __commonJS({
  "node_modules/commander/index.js"(exports) {
    var { Argument: Argument2 } = require_argument();
    var { Command: Command2 } = require_command();
    var { CommanderError: CommanderError2, InvalidArgumentError: InvalidArgumentError2 } = require_error();
    var { Help: Help2 } = require_help();
    var { Option: Option2 } = require_option();
    exports.program = new Command2();
    exports.createCommand = (name) => new Command2(name);
    exports.createOption = (flags, description) => new Option2(flags, description);
    exports.createArgument = (name, description) => new Argument2(name, description);
    exports.Command = Command2;
    exports.Option = Option2;
    exports.Argument = Argument2;
    exports.Help = Help2;
    exports.CommanderError = CommanderError2;
    exports.InvalidArgumentError = InvalidArgumentError2;
    exports.InvalidOptionArgumentError = InvalidArgumentError2;
  }
});

// src/cli/program.ts

// node_modules/commander/esm.mjs
var import_index = __toESM(require_commander(), 1);
var {
  program,
  createCommand,
  createArgument,
  createOption,
  CommanderError,
  InvalidArgumentError,
  InvalidOptionArgumentError,
  // deprecated old name
  Command,
  Argument,
  Option,
  Help
} = import_index.default;

// src/agent/scripted.ts
var FENCE_RE = /^[ \t]*```(file|append)[ \t]+(\S+)[ \t]*\r?\n([\s\S]*?)^[ \t]*```[ \t]*$/gm;
function parseEdits(description) {
  const out = [];
  for (const m of (description ?? "").matchAll(FENCE_RE)) {
    out.push({ kind: m[1], path: m[2], content: m[3] });
  }
  return out;
}
var COMMENT = {
  ".js": "// ",
  ".mjs": "// ",
  ".cjs": "// ",
  ".ts": "// ",
  ".tsx": "// ",
  ".jsx": "// ",
  ".py": "# ",
  ".sh": "# ",
  ".yaml": "# ",
  ".yml": "# ",
  ".toml": "# ",
  ".rb": "# ",
  ".css": "/* "
};
function editsFor(task) {
  const fenced = parseEdits(task.description);
  if (fenced.length) return fenced;
  const glob = /[*?[\]{}]/;
  const plainFile = task.files.find((f) => !glob.test(f) && path.extname(f) !== "" && !f.endsWith("/"));
  if (plainFile) {
    const ext = path.extname(plainFile);
    const open = COMMENT[ext] ?? "";
    const close = open === "/* " ? " */" : "";
    return [{ kind: "append", path: plainFile, content: `${open}${task.id}: ${task.title}${close}
` }];
  }
  const first = task.files[0];
  const dir = first ? first.split("/").filter((p) => p && !glob.test(p)).join("/") : "scripted";
  return [{ kind: "file", path: `${dir || "scripted"}/${task.id}.txt`, content: `${task.id}: ${task.title}
` }];
}
function applyEdit(root, e) {
  const problem = relPathProblem(e.path, "file");
  if (problem) throw new LanesError("INVALID_INPUT", `Edit path ${JSON.stringify(e.path)} ${problem}.`);
  const file = path.join(root, e.path);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const realRoot = fs.realpathSync(root);
  const realDir = fs.realpathSync(path.dirname(file));
  if (realDir !== realRoot && !realDir.startsWith(realRoot + path.sep)) {
    throw new LanesError("UNSAFE", `Edit path ${e.path} resolves outside the lane.`);
  }
  if (e.kind === "file") fs.writeFileSync(file, e.content);
  else {
    const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    const sep = before && !before.endsWith("\n") ? "\n" : "";
    fs.writeFileSync(file, before + sep + e.content);
  }
}
var sleep = (ms) => new Promise((r2) => setTimeout(r2, Math.max(0, ms)));
async function identityEnv(cwd) {
  const r2 = await git(cwd, ["var", "GIT_COMMITTER_IDENT"], { readOnly: true, okCodes: [128] });
  return r2.exitCode === 0 ? {} : {
    GIT_AUTHOR_NAME: "Lanes scripted agent",
    GIT_AUTHOR_EMAIL: "agent@lanes.invalid",
    GIT_COMMITTER_NAME: "Lanes scripted agent",
    GIT_COMMITTER_EMAIL: "agent@lanes.invalid"
  };
}
async function runScriptedAgent(o) {
  const out = o.out ?? ((l) => process.stdout.write(`${l}
`));
  const t0 = Date.now();
  const project = await openProject(o.cwd);
  const root = project.repo.worktreeRoot;
  const task = requireTask(requirePlan((await readPlan(project.store)).plan), o.task);
  const total = Math.max(0, task.estimate * o.unitMs);
  const at = (fraction) => sleep(t0 + total * fraction - Date.now());
  const useSession = o.session !== false;
  const key = sessionKey(`scripted-${task.id}`);
  let sessionId;
  const note = async (kind, text) => {
    if (!sessionId) return;
    try {
      await logSession(project, { kind, text, id: sessionId }, key);
    } catch (e) {
      out(`warning: could not log the session: ${errorMessage(e)}`);
    }
  };
  out(`reading task ${task.id}: ${task.title}`);
  if (useSession) {
    try {
      sessionId = (await startSession(project, { topic: task.title, type: "feature", task_id: task.id }, key)).session.id;
      out(`session ${sessionId} started`);
    } catch (e) {
      out(`warning: could not start a session: ${errorMessage(e)}`);
    }
  }
  const edits = editsFor(task);
  await note("decision", `Scripted edits from the task: ${edits.map((e) => `${e.kind} ${e.path}`).join(", ")}.`);
  await at(0.35);
  for (const e of edits) {
    out(`editing ${e.path}`);
    applyEdit(root, e);
  }
  await note("progress", `Wrote ${edits.length} file${edits.length === 1 ? "" : "s"}.`);
  await at(0.8);
  const env = await identityEnv(root);
  await git(root, ["add", "-A", "--", ...new Set(edits.map((e) => e.path))], { env });
  const staged = await git(root, ["diff", "--cached", "--quiet"], { okCodes: [1] });
  if (staged.exitCode === 1) {
    await git(root, ["-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", `${task.id}: ${task.title}`], { env });
    const sha = (await git(root, ["rev-parse", "--short", "HEAD"], { readOnly: true })).stdout.trim();
    out(`committed ${sha} ${task.id}: ${task.title}`);
  } else {
    out("nothing new to commit (the edits are already in the lane)");
  }
  await note("next_step", "None: the lane is ready to land.");
  await at(1);
  if (sessionId) {
    try {
      const r2 = await endSession(
        project,
        { status: "completed", summary: `Made the scripted edits for ${task.id} and committed them.`, id: sessionId },
        key
      );
      out(
        r2.committed ? `session note committed${r2.note_commit ? ` (${r2.note_commit.slice(0, 7)})` : ""}` : `session ended (${r2.not_committed_reason ?? "note not committed"})`
      );
    } catch (e) {
      out(`warning: could not end the session: ${errorMessage(e)}`);
    }
  }
  const left = await git(root, ["status", "--porcelain"], { readOnly: true });
  if (left.stdout.trim()) {
    await git(root, ["add", "-A"], { env });
    await git(root, ["-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", `${task.id}: session note`], { env, okCodes: [1] });
  }
  out("done");
}
function scriptedOptionsFromEnv(env = process.env, cwd = process.cwd()) {
  const task = env.LANES_TASK_ID;
  if (!task) {
    throw new LanesError("INVALID_INPUT", "LANES_TASK_ID is not set.", {
      hint: "`lanes run` sets it; to try the agent by hand: LANES_TASK_ID=<task> lanes agent scripted (in the task's lane)."
    });
  }
  const unit = Number(env.LANES_SCRIPTED_UNIT_MS ?? 1e3);
  return { cwd, task, unitMs: Number.isFinite(unit) && unit >= 0 ? unit : 1e3 };
}

// src/cli/run.ts
var EXIT = {
  INVALID_INPUT: 2,
  CONFIG: 2,
  NOT_FOUND: 2,
  CONFLICT: 3,
  BUSY: 3,
  UNSAFE: 4,
  NOT_A_REPO: 5,
  UNSUPPORTED: 5
};
function exitCodeFor(e) {
  return e instanceof LanesError ? EXIT[e.code] ?? 1 : 1;
}
function action(fn) {
  return async (...args) => {
    try {
      await fn(...args);
    } catch (e) {
      reportError(e, jsonRequested(args));
    }
  };
}
function jsonRequested(args) {
  const cmd = args[args.length - 1];
  if (cmd && typeof cmd === "object" && typeof cmd.optsWithGlobals === "function") {
    return cmd.optsWithGlobals().json === true;
  }
  return false;
}
function reportError(e, json) {
  const code = exitCodeFor(e);
  process.exitCode = code;
  if (json) {
    const err = e instanceof LanesError ? { code: e.code, message: e.message, hint: e.hint ?? null } : { code: "INTERNAL", message: `unexpected error: ${e instanceof Error ? e.message : String(e)}`, hint: null };
    process.stdout.write(`${jsonOut(speakAll({ error: err }, "cli"))}
`);
    return;
  }
  const text = e instanceof LanesError ? errorMessage(e) : `unexpected error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`;
  process.stderr.write(`lanes: ${safeBlock(speak(text, "cli"))}
`);
}
function emit(json, data, text) {
  process.stdout.write(json ? `${jsonOut(speakAll(data, "cli"))}
` : `${terminalText(speak(text(), "cli"))}
`);
}
var SGR = /(\x1b\[[0-9;]*m)/;
function terminalText(s) {
  return s.split(SGR).map((part, i) => i % 2 === 1 ? part : safeBlock(part)).join("");
}
function jsonOut(data) {
  return (JSON.stringify(data, null, 2) ?? "null").replace(/[\x7f-\x9f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// src/cli/commands/agent.ts
function registerAgent(program2) {
  const agent = program2.command("agent").description("built-in agents for `lanes run` (the demo uses the scripted one)");
  agent.command("scripted").description(
    "make the task's scripted edits in this lane, commit them and end (reads LANES_TASK_ID; LANES_SCRIPTED_UNIT_MS per estimate hour, default 1000)"
  ).option("--task <id>", "the task (default: LANES_TASK_ID)").option("--unit-ms <ms>", "milliseconds per estimate hour", (v) => Number.parseInt(v, 10)).option("--no-session", "skip the session protocol (start/log/end_session)").action(
    action(async (o) => {
      restoreLaunchEnv();
      const env = { ...process.env, ...o.task ? { LANES_TASK_ID: o.task } : {} };
      const opts = scriptedOptionsFromEnv(env);
      if (o.unitMs !== void 0 && Number.isFinite(o.unitMs) && o.unitMs >= 0) opts.unitMs = o.unitMs;
      await runScriptedAgent({ ...opts, session: o.session });
    })
  );
}

// src/cli/commands/claims.ts
function seconds(v) {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < 1) {
    throw new LanesError("INVALID_INPUT", `Invalid --ttl ${JSON.stringify(v)}.`, {
      hint: "Give the lease length as whole seconds, e.g. --ttl 1800."
    });
  }
  return n;
}
function renderClaims(claims, now = Date.now()) {
  if (!claims.length) return "No files are claimed.";
  const rows = claims.map((c) => [c.pattern, c.mode, describeOwner(c), `until ${describeUntil(c.expires_at, now)}`, c.reason ?? ""]);
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r2) => r2[i].length)));
  return rows.map(
    (r2) => r2.map((cell2, i) => i < 4 ? cell2.padEnd(w[i]) : cell2).join("  ").trimEnd()
  ).join("\n");
}
function registerClaims(program2) {
  program2.command("claim").description("claim files or globs for an owner, all or nothing (refused if another owner holds any of them)").argument("<owner>", "who holds the claim, e.g. task:api-auth").argument("<paths...>", "repo-relative files, directories or globs (quote globs)").option("--shared", "a shared claim: other shared claims may coexist").option("--ttl <seconds>", "lease length (default: claims.default_ttl_seconds)").option("--reason <text>", "why, shown to whoever finds the files taken").option("--task <id>", "the task the files are for").option("--json", "print JSON").action(
    action(
      async (owner, paths, o) => {
        const project = await openProject(process.cwd());
        const ttl = o.ttl !== void 0 ? seconds(o.ttl) : (await project.config()).claims.default_ttl_seconds;
        const claims = await claimFiles(project.store, {
          owner,
          paths,
          mode: o.shared ? "shared" : "exclusive",
          ttl_seconds: ttl,
          ...o.reason !== void 0 ? { reason: o.reason } : {},
          ...o.task !== void 0 ? { task: o.task } : {}
        });
        emit(o.json, { claims }, () => `Claimed for ${owner}:
${renderClaims(claims)}`);
      }
    )
  );
  program2.command("release").description("release an owner's claims on the given patterns, or all of them").argument("<owner>").argument("[paths...]", "patterns as claimed; none releases everything the owner holds").option("--force", "release a task's scope even though another live owner holds the task (a human decision)").option("--json", "print JSON").action(
    action(async (owner, paths, o) => {
      const project = await openProject(process.cwd());
      const actor = owner.startsWith("task:") ? cliOwner() : owner;
      const r2 = await releaseFiles(project.store, owner, paths.length ? paths : void 0, { actor, force: o.force === true });
      emit(
        o.json,
        r2,
        () => [
          r2.released.length ? `Released ${r2.released.join(", ")}` : "Nothing was released",
          r2.not_held.length ? `not held by ${owner}: ${r2.not_held.join(", ")}` : ""
        ].filter(Boolean).join("; ")
      );
    })
  );
  program2.command("claims").description("list live file claims (expired claims and those of dead processes are cleaned up first)").option("--owner <owner>", "only this owner's claims").option("--path <path>", "only claims overlapping this file, directory or glob").option("--json", "print JSON").action(
    action(async (o) => {
      const project = await openProject(process.cwd());
      const claims = await listClaims(project.store, { ...o.owner ? { owner: o.owner } : {}, ...o.path ? { path: o.path } : {} });
      emit(o.json, { claims }, () => renderClaims(claims));
    })
  );
  program2.command("port").description("lease a TCP port for an owner (free now, held by no other live owner; the same owner gets the same port)").argument("<owner>").option("--release", "free the owner's port instead").option("--ttl <seconds>", "lease length (default: claims.default_ttl_seconds)").option("--json", "print JSON").action(
    action(async (owner, o) => {
      const project = await openProject(process.cwd());
      if (o.release) {
        const ports = await releasePorts(project.store, owner);
        emit(o.json, { released: ports }, () => ports.length ? `Released port ${ports.join(", ")}` : `${owner} held no port`);
        return;
      }
      const ttl = o.ttl !== void 0 ? seconds(o.ttl) : (await project.config()).claims.default_ttl_seconds;
      const { lease, reused } = await leasePort(project.store, { owner, ttl_seconds: ttl });
      emit(o.json, { ...lease, reused }, () => String(lease.port));
    })
  );
}

// src/cli/completion.ts
var SHELLS = ["bash", "zsh", "fish"];
function tree(cmd, path11) {
  const options = cmd.options.filter((o) => !o.hidden).map((o) => ({
    flags: [o.short, o.long].filter((f) => !!f),
    description: o.description,
    takesValue: o.required || o.optional
  }));
  options.push({ flags: ["-h", "--help"], description: "display help", takesValue: false });
  const subs = cmd.commands.filter((c) => !c._hidden).map((c) => tree(c, path11 ? `${path11} ${c.name()}` : c.name()));
  return { path: path11, names: [cmd.name(), ...cmd.aliases()], description: cmd.description(), subs, options };
}
function all(n) {
  return [n, ...n.subs.flatMap(all)];
}
function sq(s) {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
function completionScript(program2, shell) {
  const root = tree(program2, "");
  return shell === "fish" ? fish(root) : shell === "zsh" ? zsh(root) : bash(root);
}
function bash(root) {
  const nodes = all(root);
  const steps = nodes.flatMap(
    (n) => n.subs.flatMap((s) => s.names.map((name) => `      ${sq(`${n.path}|${name}`)}) path=${sq(s.path)} ;;`))
  );
  const words = nodes.map(
    (n) => `    ${sq(n.path)}) words=${sq([...n.subs.flatMap((s) => s.names), ...n.options.flatMap((o) => o.flags)].join(" "))} ;;`
  );
  const valued = [...new Set(nodes.flatMap((n) => n.options.filter((o) => o.takesValue).flatMap((o) => o.flags)))];
  return `# bash completion for lanes (generated by: lanes completion bash)
_lanes() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" path="" words="" i w
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in
      ${valued.length ? `${valued.join("|")}) ((i++)); continue ;;` : ""}
      -*) continue ;;
    esac
    case "$path|$w" in
${steps.join("\n")}
    esac
  done
  case "$prev" in
    -C|--dir|--repo) COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
  esac
  case "$path" in
${words.join("\n")}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  return 0
}
complete -o default -F _lanes lanes
`;
}
function zsh(root) {
  return `#compdef lanes
# zsh completion for lanes (generated by: lanes completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(root).replace(/^# bash completion.*\n/, "")}`;
}
function fish(root) {
  const lines = ["# fish completion for lanes (generated by: lanes completion fish)", "complete -c lanes -f"];
  for (const n of all(root)) {
    const cond = sq(`__lanes_path_is ${sq(n.path)}`);
    for (const s of n.subs) for (const name of s.names) lines.push(`complete -c lanes -n ${cond} -a ${sq(name)} -d ${sq(s.description)}`);
    for (const o of n.options) {
      const parts = o.flags.map(
        (f) => f.startsWith("--") ? `-l ${sq(f.slice(2))}` : f.length === 2 ? `-s ${sq(f.slice(1))}` : `-o ${sq(f.slice(1))}`
      );
      lines.push(`complete -c lanes -n ${cond} ${parts.join(" ")}${o.takesValue ? " -r" : ""} -d ${sq(o.description)}`);
    }
  }
  const nodes = all(root);
  const steps = nodes.flatMap(
    (n) => n.subs.flatMap((s) => s.names.map((name) => `      case ${sq(`${n.path}|${name}`)}
        set p ${sq(s.path)}`))
  );
  const valued = [...new Set(nodes.flatMap((n) => n.options.filter((o) => o.takesValue).flatMap((o) => o.flags)))];
  return `function __lanes_path_is
  set -l p ''
  set -l skip 0
  for w in (commandline -opc)[2..-1]
    if test $skip = 1
      set skip 0
      continue
    end
    switch $w
      case ${valued.map(sq).join(" ")}
        set skip 1
        continue
      case '-*'
        continue
    end
    switch "$p|$w"
${steps.join("\n")}
    end
  end
  test "$p" = "$argv[1]"
end
${lines.join("\n")}
`;
}

// src/cli/commands/completion.ts
function registerCompletion(program2, root) {
  program2.command("completion").description(`print a shell completion script (${SHELLS.join(" | ")}) for commands and options`).argument("<shell>", SHELLS.join(" | ")).action(
    action(async (shell) => {
      if (!SHELLS.includes(shell)) {
        throw new LanesError("INVALID_INPUT", `No completion for shell "${shell}".`, { hint: `Use one of: ${SHELLS.join(", ")}.` });
      }
      process.stdout.write(completionScript(root(), shell));
    })
  );
}

// src/dashboard/server.ts

// src/dashboard/watch.ts
function noise(name) {
  return name.startsWith(".") || name.endsWith(".lock");
}
function watchState(dir, onChange, opts = {}) {
  const debounceMs = opts.debounceMs ?? 150;
  const pollMs = opts.pollMs ?? 3e3;
  const minIntervalMs = opts.minIntervalMs ?? 1e3;
  let pending;
  let closed = false;
  let last = 0;
  const fire = () => {
    pending = void 0;
    last = Date.now();
    if (!closed) onChange();
  };
  const schedule = () => {
    if (!closed && !pending) pending = setTimeout(fire, Math.max(debounceMs, last + minIntervalMs - Date.now()));
  };
  let watcher;
  try {
    watcher = fs2.watch(dir, { persistent: false }, (_event, name) => {
      if (name && noise(String(name))) return;
      schedule();
    });
    watcher.on("error", () => {
      watcher?.close();
      watcher = void 0;
    });
  } catch {
    watcher = void 0;
  }
  const poll = pollMs > 0 ? setInterval(schedule, pollMs) : void 0;
  if (!opts.keepAlive) poll?.unref();
  return {
    close() {
      closed = true;
      watcher?.close();
      if (poll) clearInterval(poll);
      if (pending) clearTimeout(pending);
    }
  };
}

// src/dashboard/feed.ts
function fingerprint(s) {
  return JSON.stringify(
    s,
    (k, v) => k === "generated_at" || k === "took_ms" || k === "resources" || k === "age_s" || k === "waited_ms" ? void 0 : v
  );
}
var StatusFeed = class {
  constructor(project, opts = {}) {
    this.project = project;
    this.opts = opts;
  }
  project;
  opts;
  listeners = /* @__PURE__ */ new Set();
  watcher;
  running;
  again = false;
  last;
  /** The newest report, recomputed when older than `maxAgeMs`. */
  async current(maxAgeMs = 1e3) {
    if (this.last && Date.now() - this.last.at <= maxAgeMs) return this.last.report;
    return this.compute();
  }
  subscribe(fn) {
    this.listeners.add(fn);
    if (!this.watcher) this.watcher = watchState(this.project.store.dir, () => void this.refresh(), this.opts);
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size === 0) this.stop();
    };
  }
  /** Recomputes now and pushes if there is something to push. */
  async refresh() {
    try {
      await this.compute();
    } catch (e) {
      log.warn("status refresh failed", String(e));
    }
  }
  stop() {
    this.watcher?.close();
    this.watcher = void 0;
  }
  /** Single flight: a change seen during a computation triggers exactly one more. */
  compute() {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let r2;
        do {
          this.again = false;
          r2 = speakAll(await status(this.project, this.opts), "cli");
          this.publish(r2);
        } while (this.again);
        return r2;
      } finally {
        this.running = void 0;
      }
    })();
    return this.running;
  }
  publish(r2) {
    const print = fingerprint(r2);
    const now = Date.now();
    const changed = !this.last || this.last.print !== print;
    const stale = !this.last || now - this.last.pushedAt >= (this.opts.refreshMs ?? 15e3);
    const push = this.opts.emit === "always" || changed || stale;
    this.last = { report: r2, print, at: now, pushedAt: push ? now : this.last?.pushedAt ?? now };
    if (!push) return;
    for (const fn of [...this.listeners]) {
      try {
        fn(r2);
      } catch (e) {
        log.warn("status listener failed", String(e));
      }
    }
  }
};

// src/dashboard/layout.ts
var NODE_W = 150;
var NODE_H = 36;
var GAP_X = 70;
var GAP_Y = 14;
var PAD = 24;
var TOP = 28;
var MAX_LABEL = 19;
function layoutGraph(s) {
  const plan = s.plan;
  if (!plan || plan.waves.length === 0) return { width: 0, height: 0, nodes: [], edges: [], columns: [] };
  const cols = plan.waves.map((w) => w.tasks.map((t) => t.id));
  const tasks = new Map(plan.waves.flatMap((w) => w.tasks).map((t) => [t.id, t]));
  const dependents = /* @__PURE__ */ new Map();
  for (const t of tasks.values()) for (const d of t.depends_on) (dependents.get(d) ?? dependents.set(d, []).get(d)).push(t.id);
  order(
    cols,
    (id) => tasks.get(id)?.depends_on ?? [],
    (id) => dependents.get(id) ?? []
  );
  const tallest = Math.max(...cols.map((c) => c.length));
  const colHeight = (n) => n * NODE_H + Math.max(0, n - 1) * GAP_Y;
  const height = TOP + PAD * 2 + colHeight(tallest);
  const width = PAD * 2 + cols.length * NODE_W + (cols.length - 1) * GAP_X;
  const merging = new Map(s.merge.queue.map((e) => [e.task, e.state]));
  const runOf = new Map(s.run?.state === "running" ? s.run.items.map((i) => [i.task, i]) : []);
  const laneOf = new Map(s.lanes.filter((l) => l.task_id).map((l) => [l.task_id, l.state ?? "lane"]));
  const fixOf = new Map(s.lanes.filter((l) => l.task_id && l.needs_fix).map((l) => [l.task_id, l.needs_fix.reason]));
  const nodes = [];
  const pos = /* @__PURE__ */ new Map();
  cols.forEach((ids, ci) => {
    const x = PAD + ci * (NODE_W + GAP_X);
    const y0 = TOP + PAD + (colHeight(tallest) - colHeight(ids.length)) / 2;
    ids.forEach((id, ri) => {
      const t = tasks.get(id);
      const n = {
        id,
        label: id.length > MAX_LABEL ? `${id.slice(0, MAX_LABEL - 1)}\u2026` : id,
        title: t.title,
        status: t.status,
        wave: ci + 1,
        x,
        y: y0 + ri * (NODE_H + GAP_Y),
        w: NODE_W,
        h: NODE_H
      };
      if (t.owner) n.owner = t.owner;
      if (t.machine) n.machine = t.machine;
      const m = merging.get(id);
      if (m) n.merge = m;
      const l = laneOf.get(id);
      if (l) n.lane = l;
      const fix = fixOf.get(id);
      if (fix) n.fix = fix;
      const rt = runOf.get(id);
      if (rt && rt.state !== "pending") {
        n.run = rt.state;
        n.attempts = rt.attempts;
      }
      nodes.push(n);
      pos.set(id, n);
    });
  });
  const byCol = cols.map((ids) => ids.map((id) => pos.get(id)));
  const edges = [];
  for (const n of nodes) {
    for (const d of tasks.get(n.id).depends_on) {
      const a = pos.get(d);
      if (a) edges.push({ from: d, to: n.id, kind: "dep", d: route(a, n, byCol) });
    }
  }
  for (const c of plan.conflicts) {
    const a = pos.get(c.a);
    const b = pos.get(c.b);
    if (!a || !b) continue;
    edges.push({
      from: c.a,
      to: c.b,
      kind: "conflict",
      d: a.wave === b.wave ? sameColumn(a, b) : route(a.wave < b.wave ? a : b, a.wave < b.wave ? b : a, byCol)
    });
  }
  return { width, height, nodes, edges, columns: cols.map((_, ci) => ({ wave: ci + 1, x: PAD + ci * (NODE_W + GAP_X) })) };
}
function order(cols, deps, dependents) {
  const rank = /* @__PURE__ */ new Map();
  const place = () => cols.forEach((c) => c.forEach((id, i) => rank.set(id, (i + 0.5) / c.length)));
  place();
  const sortBy = (c, near) => {
    const key = new Map(
      c.map((id, i) => {
        const ns = near(id).filter((n) => rank.has(n));
        return [id, ns.length ? ns.reduce((s, n) => s + rank.get(n), 0) / ns.length : (i + 0.5) / c.length];
      })
    );
    const idx = new Map(c.map((id, i) => [id, i]));
    c.sort((a, b) => key.get(a) - key.get(b) || idx.get(a) - idx.get(b));
    c.forEach((id, i) => rank.set(id, (i + 0.5) / c.length));
  };
  for (let sweep = 0; sweep < 3; sweep++) {
    for (let i = 1; i < cols.length; i++) sortBy(cols[i], deps);
    for (let i = cols.length - 2; i >= 0; i--) sortBy(cols[i], dependents);
  }
  place();
}
function r(n) {
  return Math.round(n * 10) / 10;
}
function curve(x1, y1, x2, y2) {
  const dx = Math.max(12, (x2 - x1) / 2);
  return `C${r(x1 + dx)},${r(y1)} ${r(x2 - dx)},${r(y2)} ${r(x2)},${r(y2)}`;
}
function route(a, b, byCol) {
  const x1 = a.x + a.w;
  const y1 = a.y + a.h / 2;
  const x2 = b.x;
  const y2 = b.y + b.h / 2;
  let d = `M${r(x1)},${r(y1)} `;
  let [px, py] = [x1, y1];
  for (let c = a.wave; c < b.wave - 1; c++) {
    const col = byCol[c];
    const cx = col[0].x;
    const want = y1 + (y2 - y1) * (cx + NODE_W / 2 - x1) / (x2 - x1);
    const gaps = [col[0].y - GAP_Y / 2, ...col.map((n) => n.y + n.h + GAP_Y / 2)];
    const y = gaps.reduce((best, g) => Math.abs(g - want) < Math.abs(best - want) ? g : best, gaps[0]);
    d += `${curve(px, py, cx, y)} L${r(cx + NODE_W)},${r(y)} `;
    [px, py] = [cx + NODE_W, y];
  }
  return d + curve(px, py, x2, y2);
}
function sameColumn(a, b) {
  const x = a.x + a.w;
  const bulge = Math.min(GAP_X - 10, 20 + Math.abs(a.y - b.y) / 4);
  return `M${r(x)},${r(a.y + a.h / 2)} C${r(x + bulge)},${r(a.y + a.h / 2)} ${r(x + bulge)},${r(b.y + b.h / 2)} ${r(x)},${r(b.y + b.h / 2)}`;
}

// src/dashboard/client.ts
var CLIENT_JS = String.raw`
(function () {
  'use strict';
  var COLORS = window.LANES_COLORS;
  var NEEDS_FIX = window.LANES_NEEDS_FIX;
  var SVGNS = 'http://www.w3.org/2000/svg';
  var last = null;
  var updates = 0;
  var $ = function (id) { return document.getElementById(id); };

  function h(tag, attrs, kids) {
    var n = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') n.textContent = attrs[k];
      else if (k === 'class') n.className = attrs[k];
      else n.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (c) { if (c) n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return n;
  }
  function s(tag, attrs, kids) {
    var n = document.createElementNS(SVGNS, tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'text') n.textContent = attrs[k]; else n.setAttribute(k, String(attrs[k]));
    });
    (kids || []).forEach(function (c) { if (c) n.appendChild(c); });
    return n;
  }
  function clear(n) { while (n.firstChild) n.removeChild(n.firstChild); return n; }
  function dur(ms) {
    var t = Math.max(0, Math.round(ms / 1000));
    if (t < 60) return t + 's';
    if (t < 3600) return Math.floor(t / 60) + 'm';
    if (t < 86400) return Math.floor(t / 3600) + 'h' + String(Math.floor((t % 3600) / 60)).padStart(2, '0') + 'm';
    return Math.floor(t / 86400) + 'd' + Math.floor((t % 86400) / 3600) + 'h';
  }
  function ago(iso) { return iso ? dur(Date.now() - Date.parse(iso)) + ' ago' : '-'; }
  function clock(iso) { var d = new Date(iso); return isNaN(d) ? iso : d.toLocaleTimeString(); }
  function pill(st) { return h('span', { class: 'pill ' + st, style: 'background:' + (COLORS[st] || '#64748b'), text: st.replace('_', ' ') }); }
  function table(head, rows, empty) {
    if (!rows.length) return h('div', { class: 'empty', text: empty });
    return h('table', null, [
      h('thead', null, [h('tr', null, head.map(function (x) { return h('th', { text: x }); }))]),
      h('tbody', null, rows.map(function (r) {
        return h('tr', r.attrs || null, r.cells.map(function (c) {
          if (c && c.nodeType) return h('td', null, [c]);
          return h('td', { text: c == null ? '-' : String(c) });
        }));
      })),
    ]);
  }

  function renderSummary(st) {
    var p = st.plan;
    var box = clear($('progress'));
    if (!p) { box.appendChild(h('div', { class: 'empty', text: 'No plan yet: lanes plan <tasks file>' })); }
    else {
      var bar = h('div', { class: 'bar', id: 'progress-bar' });
      ['done', 'in_progress', 'blocked', 'failed', 'planned'].forEach(function (k) {
        var n = p.by_status[k];
        if (n) bar.appendChild(h('span', { title: n + ' ' + k, style: 'width:' + (100 * n / p.tasks) + '%;background:' + COLORS[k] }));
      });
      box.appendChild(h('div', null, [h('strong', { text: Math.round(p.progress * 100) + '% done' }), ' \u00b7 ' + p.tasks + ' tasks in ' + p.waves.length + ' waves \u00b7 parallelism ' + p.parallelism + ', predicted speedup ' + p.speedup + 'x']));
      box.appendChild(bar);
      box.appendChild(h('div', { class: 'counts' }, ['done', 'in_progress', 'planned', 'blocked', 'failed'].map(function (k) {
        return h('span', { 'data-count': k }, [h('span', { class: 'swatch', style: 'background:' + COLORS[k] }), p.by_status[k] + ' ' + k.replace('_', ' ')]);
      })));
    }
    var run = clear($('run'));
    if (st.run) {
      var r = st.run;
      var parts = Object.keys(r.tasks).map(function (k) { return r.tasks[k] + ' ' + k; }).join(', ');
      run.appendChild(h('div', { class: 'muted', text: 'Run ' + (r.id || '') + ': ' + r.state + (r.state !== 'running' && r.finished_at ? ', stopped ' + ago(r.finished_at) : r.started_at ? ', started ' + ago(r.started_at) : '') + (r.parallelism ? ', parallelism ' + r.parallelism : '') + (r.agent ? ', agent ' + r.agent : '') + (parts ? ' \u2014 ' + parts : '') }));
      // A run paused on a usage limit admits nothing until the reset: say so where people look first.
      if (r.paused) run.appendChild(h('div', { class: 'pause', id: 'run-paused', text: r.paused.text + (r.paused.task ? ' (task ' + r.paused.task + ' hit it)' : '') }));
      if (r.cost) run.appendChild(h('div', { class: 'muted', id: 'run-cost', text: 'Estimated cost: ' + r.cost.text }));
    }
    var pr = clear($('problems'));
    st.problems.forEach(function (x) { pr.appendChild(h('div', { text: 'Could not read ' + x })); });
  }

  function renderLegend() {
    var lg = clear($('legend'));
    Object.keys(COLORS).forEach(function (k) { lg.appendChild(h('span', null, [h('span', { class: 'swatch', style: 'background:' + COLORS[k] }), k.replace('_', ' ')])); });
    lg.appendChild(h('span', { text: '\u2192 depends on' }));
    lg.appendChild(h('span', { style: 'color:#e11d48', text: '- - - conflicting scopes (never together)' }));
    lg.appendChild(h('span', { style: 'color:#a855f7', text: '\u25a2 in the merge queue' }));
    lg.appendChild(h('span', { style: 'color:' + NEEDS_FIX, text: '\u25a2 needs fix (sent back by the queue)' }));
  }

  function renderGraph(g) {
    var svg = clear($('graph'));
    svg.setAttribute('width', g.width);
    svg.setAttribute('height', g.height);
    svg.setAttribute('viewBox', '0 0 ' + g.width + ' ' + g.height);
    if (!g.nodes.length) return;
    svg.appendChild(s('defs', null, [s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, [s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#64748b' })])]));
    g.columns.forEach(function (c) { svg.appendChild(s('text', { x: c.x, y: 18, 'font-size': 12, fill: '#64748b', 'font-weight': 600, text: 'wave ' + c.wave })); });
    var edges = s('g', { class: 'edges' });
    g.edges.forEach(function (e) {
      var a = { class: 'edge ' + e.kind, d: e.d, fill: 'none', 'data-from': e.from, 'data-to': e.to };
      if (e.kind === 'dep') { a.stroke = '#64748b'; a['stroke-width'] = 1.5; a['marker-end'] = 'url(#arrow)'; }
      else { a.stroke = '#e11d48'; a['stroke-width'] = 1.5; a['stroke-dasharray'] = '6 4'; a.opacity = 0.85; }
      edges.appendChild(s('path', a));
    });
    svg.appendChild(edges);
    var nodes = s('g', { class: 'nodes' });
    g.nodes.forEach(function (n) {
      var dark = n.status === 'planned' || n.status === 'blocked';
      var sub = n.fix ? 'needs fix: ' + n.fix
        : n.merge ? 'merge: ' + n.merge
        : n.run ? 'run: ' + n.run + (n.attempts > 1 ? ' #' + n.attempts : '')
        : n.status.replace('_', ' ') + (n.owner && n.status === 'in_progress' ? ' \u00b7 ' + n.owner + (n.machine ? ' on ' + n.machine : '') : '');
      var gn = s('g', { class: 'node' + (n.fix ? ' needs-fix' : ''), 'data-task': n.id, 'data-status': n.status, transform: 'translate(' + n.x + ',' + n.y + ')' }, [
        s('title', { text: n.id + ' \u2014 ' + n.title + '\n' + sub + (n.lane ? '\nlane: ' + n.lane : '') }),
        s('rect', { width: n.w, height: n.h, rx: 8, fill: COLORS[n.status] || '#64748b', stroke: n.fix ? NEEDS_FIX : n.merge ? '#a855f7' : 'rgba(15,23,42,.25)', 'stroke-width': n.fix || n.merge ? 3 : 1 }),
        s('text', { x: 10, y: 15, 'font-size': 12, 'font-weight': 600, fill: dark ? '#0f172a' : '#fff', text: n.label }),
        s('text', { x: 10, y: 29, 'font-size': 10, fill: dark ? '#334155' : 'rgba(255,255,255,.9)', text: sub.length > 26 ? sub.slice(0, 25) + '\u2026' : sub }),
      ]);
      nodes.appendChild(gn);
    });
    svg.appendChild(nodes);
  }

  // A lane the merge queue sent back: its own state, with the reason under it (the server lists them first).
  function needsFix(nf) {
    return h('div', null, [
      h('span', { class: 'pill needs-fix', style: 'background:' + NEEDS_FIX, text: 'needs fix' }),
      h('div', { class: 'fix-reason', text: nf.reason }),
      nf.told_at && h('div', { class: 'fix-told', text: 'agent told ' + new Date(nf.told_at).toLocaleTimeString() }),
    ].filter(Boolean));
  }

  function renderLanes(st) {
    $('lanes').replaceChildren(table(['Task', 'Lane', 'Task state', 'Dirty', 'Ahead/behind', 'Age', 'Last activity', 'Owner'], st.lanes.map(function (l) {
      var dirty = l.missing ? (l.state === 'starting' ? '-' : 'missing') : l.dirty_count ? l.dirty_count + (l.untracked_count ? ' (' + l.untracked_count + ' new)' : '') : 'clean';
      var attrs = { 'data-lane': l.task_id || l.path };
      if (l.needs_fix) { attrs['class'] = 'needs-fix'; attrs['data-needs-fix'] = l.needs_fix.kind; }
      return { attrs: attrs, cells: [
        l.kind === 'foreign' ? '(' + (l.branch || l.path) + ')' : l.task_id,
        l.problem ? h('span', { title: l.problem, class: 'err', text: (l.kind === 'foreign' ? 'foreign' : l.state) + ' \u26a0' }) : l.kind === 'foreign' ? 'foreign' : l.state,
        l.needs_fix ? needsFix(l.needs_fix) : l.task_status ? pill(l.task_status) : '-',
        dirty,
        l.ahead == null ? '-' : l.ahead + ' / ' + (l.behind || 0),
        l.created_at ? dur(Date.now() - Date.parse(l.created_at)) : '-',
        ago(l.last_activity),
        l.owner,
      ] };
    }), 'No lanes'));
  }

  function renderQueue(st) {
    var m = st.merge;
    var box = clear($('queue'));
    box.appendChild(h('div', { class: 'muted', text: m.processor.running ? 'Processor running (pid ' + m.processor.pid + ')' : 'No processor running' }));
    box.appendChild(table(['#', 'Task', 'State', 'Waited', 'Notes'], m.queue.map(function (e) {
      var notes = [];
      if (e.waiting_for && e.waiting_for.length) notes.push('waits for ' + e.waiting_for.join(', '));
      if (e.conflicts) notes.push(e.conflicts + ' likely conflict(s)');
      if (e.attempts > 1) notes.push('attempt ' + e.attempts);
      if (e.kind === 'revert') notes.push('revert');
      return { attrs: { 'data-entry': e.task }, cells: [e.position, e.task, e.state, e.state === 'queued' ? dur(Date.now() - Date.parse(e.queued_at)) : '-', notes.join('; ')] };
    }), 'Queue empty'));
    if (m.recent.length) {
      box.appendChild(h('h2', { text: 'Recent', style: 'margin-top:10px' }));
      box.appendChild(table(['Task', 'Result', 'When', 'Detail'], m.recent.map(function (e) {
        return { cells: [e.task, e.state, ago(e.finished_at), e.landed_as ? e.landed_as.slice(0, 10) : h('span', { class: 'err', text: e.last_error || '' })] };
      }), ''));
    }
  }

  function renderClaims(st) {
    $('claims').replaceChildren(table(['Owner', 'Mode', 'Pattern', 'Expires'], st.claims.map(function (c) {
      return { cells: [c.owner + (c.machine ? ' on ' + c.machine : ''), c.mode, h('span', { class: 'mono', text: c.pattern }), 'in ' + dur(Date.parse(c.expires_at) - Date.now())] };
    }), 'No live claims'));
  }

  function renderResources(st) {
    var r = st.resources;
    var memUsed = r.mem_total_mb ? 1 - r.mem_available_mb / r.mem_total_mb : 0;
    var diskUsed = r.disk_total_mb ? 1 - r.disk_free_mb / r.disk_total_mb : 0;
    var meter = function (f) { return h('div', { class: 'bar' }, [h('span', { style: 'width:' + Math.round(f * 100) + '%;background:' + (f > 0.9 ? '#ef4444' : '#64748b') })]); };
    $('resources').replaceChildren(
      h('div', { text: r.cpus + ' CPUs, load ' + r.load1.toFixed(2) + ' (' + r.load_per_cpu.toFixed(2) + ' per CPU)' }),
      h('div', { text: 'Memory: ' + r.mem_available_mb + ' MB available of ' + r.mem_total_mb + ' MB' }), meter(memUsed),
      h('div', { text: 'Disk: ' + r.disk_free_mb + ' MB free of ' + r.disk_total_mb + ' MB' }), meter(diskUsed)
    );
  }

  function renderTimeline(st) {
    var box = clear($('gantt'));
    var tasks = st.plan ? [].concat.apply([], st.plan.waves.map(function (w) { return w.tasks; })).filter(function (t) { return t.started_at; }) : [];
    if (!tasks.length) box.appendChild(h('div', { class: 'empty', text: 'No task has started yet' }));
    else {
      tasks.sort(function (a, b) { return Date.parse(a.started_at) - Date.parse(b.started_at); });
      var now = Date.now();
      var t0 = Date.parse(tasks[0].started_at);
      var t1 = Math.max.apply(null, tasks.map(function (t) { return t.finished_at ? Date.parse(t.finished_at) : now; }).concat([t0 + 1000]));
      var W = 900, L = 140, row = 18, H = tasks.length * row + 24;
      var svg = s('svg', { id: 'gantt-svg', viewBox: '0 0 ' + W + ' ' + H, width: '100%', height: H, preserveAspectRatio: 'xMinYMin meet' });
      var x = function (t) { return L + (W - L - 10) * (t - t0) / (t1 - t0); };
      tasks.forEach(function (t, i) {
        var a = Date.parse(t.started_at), b = t.finished_at ? Date.parse(t.finished_at) : now;
        svg.appendChild(s('text', { x: 0, y: i * row + 13, 'font-size': 11, fill: '#334155', text: t.id.length > 20 ? t.id.slice(0, 19) + '\u2026' : t.id }));
        svg.appendChild(s('rect', { x: x(a), y: i * row + 3, width: Math.max(2, x(b) - x(a)), height: row - 6, rx: 3, fill: COLORS[t.status] }, [s('title', { text: t.id + ': ' + t.status + ', ' + dur(b - a) })]));
      });
      svg.appendChild(s('text', { x: L, y: H - 4, 'font-size': 10, fill: '#64748b', text: clock(new Date(t0).toISOString()) }));
      svg.appendChild(s('text', { x: W - 10, y: H - 4, 'font-size': 10, fill: '#64748b', 'text-anchor': 'end', text: t1 >= now - 1000 ? 'now' : clock(new Date(t1).toISOString()) }));
      box.appendChild(svg);
    }
    var ev = clear($('events'));
    st.recent_events.slice().reverse().forEach(function (e) {
      ev.appendChild(h('li', null, [h('span', { class: 't', text: clock(e.ts) }), h('span', { class: 'ty', text: e.type }), (e.task ? e.task + ' ' : '') + e.text]));
    });
    if (!st.recent_events.length) ev.appendChild(h('li', { class: 'empty', text: 'No events yet' }));
  }

  function draw() {
    if (!last) return;
    var st = last.status;
    $('repo').textContent = st.repo;
    $('target').textContent = 'target ' + st.target + (st.target_sha ? ' @ ' + st.target_sha.slice(0, 8) : '');
    $('updated').textContent = 'updated ' + clock(st.generated_at) + ' (' + st.took_ms + ' ms)';
    var parts = [renderSummary, renderLanes, renderQueue, renderClaims, renderResources, renderTimeline];
    parts.forEach(function (f) { try { f(st); } catch (e) { console.error(e); } });
  }

  function onStatus(ev) {
    try { last = JSON.parse(ev.data); } catch (e) { return; }
    updates++;
    renderGraph(last.graph);
    draw();
    document.body.setAttribute('data-updates', String(updates));
    document.body.setAttribute('data-generated', last.status.generated_at);
  }

  renderLegend();
  var conn = $('conn');
  var es = new EventSource('/api/events');
  es.addEventListener('status', onStatus);
  es.onopen = function () { conn.textContent = 'live'; conn.className = 'conn live'; };
  es.onerror = function () { conn.textContent = 'reconnecting'; conn.className = 'conn'; };
  setInterval(draw, 5000);
})();
`;

// src/dashboard/page.ts
var STATUS_COLORS = {
  planned: "#94a3b8",
  in_progress: "#3b82f6",
  done: "#22c55e",
  blocked: "#f59e0b",
  failed: "#ef4444"
};
var NEEDS_FIX_COLOR = "#c026d3";
var CSS = `
:root { --bg:#f1f5f9; --card:#fff; --ink:#0f172a; --muted:#64748b; --line:#e2e8f0; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; background:var(--bg); color:var(--ink); }
header { display:flex; gap:16px; align-items:baseline; padding:12px 20px; background:#0f172a; color:#e2e8f0; flex-wrap:wrap; }
header h1 { margin:0; font-size:18px; letter-spacing:.5px; }
header .repo { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12px; color:#94a3b8; }
.conn { margin-left:auto; font-size:12px; }
.conn::before { content:""; display:inline-block; width:8px; height:8px; border-radius:50%; margin-right:6px; background:#f59e0b; }
.conn.live::before { background:#22c55e; }
main { padding:16px 20px; display:flex; flex-direction:column; gap:16px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:10px; padding:12px 16px; min-width:0; }
.card h2 { margin:0 0 8px; font-size:13px; text-transform:uppercase; letter-spacing:.6px; color:var(--muted); }
.grid { display:grid; grid-template-columns:repeat(auto-fit,minmax(420px,1fr)); gap:16px; }
.bar { display:flex; height:14px; border-radius:7px; overflow:hidden; background:var(--line); margin:6px 0; }
.bar span { display:block; height:100%; }
.counts { display:flex; gap:14px; flex-wrap:wrap; font-size:13px; }
.pill { display:inline-block; padding:1px 8px; border-radius:9px; font-size:12px; color:#fff; white-space:nowrap; }
.pill.planned,.pill.blocked { color:#0f172a; }
.swatch { display:inline-block; width:10px; height:10px; border-radius:3px; margin-right:4px; vertical-align:-1px; }
.muted { color:var(--muted); }
.problems { color:#b45309; margin-top:6px; }
.pause { margin-top:6px; padding:4px 8px; border-radius:4px; background:#fef3c7; color:#92400e; font-weight:600; }
table { border-collapse:collapse; width:100%; font-size:13px; }
th { text-align:left; font-weight:600; color:var(--muted); font-size:12px; border-bottom:1px solid var(--line); padding:4px 6px; }
td { border-bottom:1px solid var(--line); padding:4px 6px; vertical-align:top; }
td.mono, .mono { font-family:ui-monospace,Menlo,Consolas,monospace; font-size:12px; }
.graph-wrap { overflow:auto; max-height:70vh; }
.legend { display:flex; gap:14px; flex-wrap:wrap; font-size:12px; color:var(--muted); margin-bottom:6px; }
svg text { font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; }
.node { cursor:default; }
.node:hover rect { filter:brightness(1.08); }
#events { list-style:none; margin:8px 0 0; padding:0; max-height:300px; overflow:auto; font-size:12px; }
#events li { padding:2px 0; border-bottom:1px dashed var(--line); }
#events .t { font-family:ui-monospace,Menlo,Consolas,monospace; color:var(--muted); margin-right:8px; }
#events .ty { font-weight:600; margin-right:6px; }
.empty { color:var(--muted); font-style:italic; }
.err { color:#b91c1c; font-size:12px; }
tr.needs-fix td { background:#fdf4ff; }
tr.needs-fix td:first-child { box-shadow:inset 3px 0 0 ${NEEDS_FIX_COLOR}; font-weight:600; }
.fix-reason { color:#86198f; font-size:12px; margin-top:2px; overflow-wrap:anywhere; }
#lanes td, #queue td { overflow-wrap:anywhere; }
`;
function pageHtml(nonce) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>Lanes dashboard</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>Lanes</h1><span class="repo" id="repo"></span><span class="repo" id="target"></span><span class="conn" id="conn">connecting</span><span class="repo" id="updated"></span></header>
<main>
<section class="card" id="summary"><h2>Plan progress</h2><div id="progress"></div><div id="run"></div><div id="problems" class="problems"></div></section>
<section class="card"><h2>Dependency graph</h2><div class="legend" id="legend"></div><div class="graph-wrap"><svg id="graph" xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg></div></section>
<section class="card"><h2>Lanes</h2><div id="lanes"></div></section>
<div class="grid">
<section class="card"><h2>Merge queue</h2><div id="queue"></div></section>
<section class="card"><h2>Claims</h2><div id="claims"></div></section>
<section class="card"><h2>Resources</h2><div id="resources"></div></section>
</div>
<section class="card"><h2>Timeline</h2><div id="gantt"></div><ol id="events"></ol></section>
</main>
<script nonce="${nonce}">
window.LANES_COLORS = ${JSON.stringify(STATUS_COLORS)};
window.LANES_NEEDS_FIX = ${JSON.stringify(NEEDS_FIX_COLOR)};
${CLIENT_JS}
</script>
</body>
</html>
`;
}

// src/dashboard/server.ts
var HOST = "127.0.0.1";
var MAX_STREAMS = 32;
var HEARTBEAT_MS = 15e3;
async function startDashboard(project, opts = {}) {
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new LanesError("INVALID_INPUT", `Invalid port ${String(port)}.`, {
      hint: "Use a port from 1 to 65535, or 0 (the default) for any free port."
    });
  }
  const feed = new StatusFeed(project, { events: 50, recentMerges: 10, ...opts });
  const snapshots = /* @__PURE__ */ new WeakMap();
  const snapshotJson = (s) => {
    let j = snapshots.get(s);
    if (!j) snapshots.set(s, j = JSON.stringify({ status: s, graph: layoutGraph(s) }));
    return j;
  };
  const streams = /* @__PURE__ */ new Set();
  const sockets = /* @__PURE__ */ new Set();
  let bound = 0;
  const server = http.createServer((req, res) => {
    const refuse = (code, text) => {
      res.writeHead(code, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" });
      res.end(`${text}
`);
    };
    let hosts = 0;
    for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i].toLowerCase() === "host") hosts++;
    if (hosts > 1 || hosts === 0 && req.httpVersion !== "1.0")
      return refuse(400, hosts > 1 ? "Bad request: more than one Host header." : "Bad request: no Host header.");
    const host = (req.headers.host ?? "").toLowerCase();
    if (host !== `${HOST}:${bound}` && host !== `localhost:${bound}`)
      return refuse(403, "Host not allowed: this dashboard answers only to 127.0.0.1 and localhost.");
    const origin = req.headers.origin;
    if (origin !== void 0 && origin !== `http://${HOST}:${bound}` && origin !== `http://localhost:${bound}`)
      return refuse(403, "Cross-origin requests are not allowed.");
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("Allow", "GET, HEAD");
      return refuse(405, "Only GET.");
    }
    const route2 = new URL(req.url ?? "/", `http://${HOST}`).pathname;
    const common = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };
    if (route2 === "/" || route2 === "/index.html") {
      const nonce = crypto.randomBytes(16).toString("base64");
      const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
      res.writeHead(200, {
        ...common,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Security-Policy": csp,
        "X-Frame-Options": "DENY"
      });
      return res.end(req.method === "HEAD" ? void 0 : pageHtml(nonce));
    }
    if (route2 === "/api/status") {
      feed.current(500).then(
        (s) => {
          res.writeHead(200, { ...common, "Content-Type": "application/json; charset=utf-8" });
          res.end(req.method === "HEAD" ? void 0 : JSON.stringify(s));
        },
        (e) => {
          res.writeHead(500, { ...common, "Content-Type": "application/json; charset=utf-8" });
          res.end(JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
        }
      );
      return;
    }
    if (route2 === "/api/events") {
      if (streams.size >= MAX_STREAMS) return refuse(503, "Too many open dashboards.");
      res.writeHead(200, {
        ...common,
        "Content-Type": "text/event-stream; charset=utf-8",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no"
      });
      if (req.method === "HEAD") return res.end();
      let seq = 0;
      let lastSent;
      const send = (s) => {
        if (s === lastSent) return;
        lastSent = s;
        res.write(`event: status
id: ${++seq}
data: ${snapshotJson(s)}

`);
      };
      res.write("retry: 2000\n\n");
      const unsubscribe = feed.subscribe(send);
      const beat = setInterval(() => res.write(": ping\n\n"), HEARTBEAT_MS);
      const end2 = () => {
        clearInterval(beat);
        unsubscribe();
        streams.delete(end2);
        res.end();
      };
      streams.add(end2);
      req.on("close", end2);
      feed.current(1e3).then(send, () => void 0);
      return;
    }
    refuse(404, "Not found.");
  });
  server.on("connection", (sock) => {
    const a = sock.remoteAddress ?? "";
    if (a !== "127.0.0.1" && a !== "::ffff:127.0.0.1") {
      sock.destroy();
      return;
    }
    sockets.add(sock);
    sock.on("close", () => sockets.delete(sock));
  });
  await new Promise((resolve, reject) => {
    const onError = (e) => {
      reject(
        e.code === "EADDRINUSE" ? new LanesError("BUSY", `Port ${port} on ${HOST} is already in use.`, {
          hint: "Pick another with --port, or leave it out to get a free port."
        }) : new LanesError("UNSUPPORTED", `Could not listen on ${HOST}:${port}: ${e.message}`, { cause: e })
      );
    };
    server.once("error", onError);
    server.listen(port, HOST, () => {
      server.off("error", onError);
      resolve();
    });
  });
  bound = server.address().port;
  let closing;
  return {
    url: `http://${HOST}:${bound}/`,
    port: bound,
    feed,
    close() {
      closing ??= new Promise((resolve) => {
        for (const end2 of [...streams]) end2();
        feed.stop();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
      return closing;
    }
  };
}

// src/cli/commands/dashboard.ts
function registerDashboard(program2) {
  program2.command("dashboard").description("serve the status as a live web page on 127.0.0.1 (dependency graph, lanes, queue, timeline) until Ctrl-C").option("--port <n>", "port to listen on (default or 0: any free port)").option("--open", "open the page in the default browser").action(
    action(async (opts) => {
      const port = opts.port === void 0 ? 0 : Number(opts.port);
      if (opts.port !== void 0 && (!/^\d+$/.test(opts.port) || port > 65535)) {
        throw new LanesError("INVALID_INPUT", `Invalid --port ${JSON.stringify(opts.port)}.`, {
          hint: "Use a port from 1 to 65535, or 0 (or nothing) for any free port."
        });
      }
      const project = await openProject(process.cwd());
      const d = await startDashboard(project, { port });
      process.stdout.write(`${d.url}
`);
      process.stderr.write("lanes dashboard: serving on 127.0.0.1 only; Ctrl-C to stop\n");
      if (opts.open) openBrowser(d.url);
      let stop = () => void 0;
      const stopped = new Promise((resolve) => stop = resolve);
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      try {
        await stopped;
        await d.close();
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    })
  );
}
function openBrowser(url) {
  const [cmd, ...args] = process.platform === "darwin" ? ["open", url] : process.platform === "win32" ? ["rundll32", "url.dll,FileProtocolHandler", url] : ["xdg-open", url];
  try {
    const child = childProcess().spawn(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => process.stderr.write(`lanes dashboard: could not open a browser; open ${url} yourself
`));
    child.unref();
  } catch {
    process.stderr.write(`lanes dashboard: could not open a browser; open ${url} yourself
`);
  }
}

// src/cli/commands/demo.ts

// examples/demo/sample-repo.md
var sample_repo_default = '# The sample repository of `lanes demo`\n\n`lanes demo` (and `npm run demo`) writes these files into a fresh repository, commits them on\n`main`, plans [tasks.yaml](tasks.yaml) and runs it with `lanes run`. Each block below is one file\n(the same `file <path>` fenced blocks the tasks use for their edits); the template is bundled into\n`plugin/dist/lanes.mjs`, so the demo needs nothing but the bundle.\n\nA small Node project with no dependencies: its test suite runs on Node\'s built-in test runner,\nand `.lanes/config.json` makes that suite the merge queue\'s gate, so `main` stays green after\nevery landing.\n\n```file package.json\n{\n  "name": "lanes-demo-accounts",\n  "version": "0.0.0",\n  "private": true,\n  "description": "The sample repository `lanes demo` creates: user accounts for a small web app, built by eight tasks in parallel lanes.",\n  "type": "module",\n  "scripts": {\n    "test": "node scripts/test.mjs"\n  }\n}\n```\n\n```file scripts/test.mjs\n// Runs every test/**/*.test.js with Node\'s built-in test runner (no dependencies to install).\n// Files are listed explicitly: a bare `node --test` would also pick up the tests inside the lanes\'\n// worktrees under .claude/worktrees/.\nimport { spawnSync } from \'node:child_process\';\nimport fs from \'node:fs\';\nimport path from \'node:path\';\n\nfunction walk(dir) {\n  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {\n    const p = path.join(dir, e.name);\n    return e.isDirectory() ? walk(p) : e.name.endsWith(\'.test.js\') ? [p] : [];\n  });\n}\n\nconst files = walk(\'test\').sort();\nconst r = spawnSync(process.execPath, [\'--test\', ...files], { stdio: \'inherit\' });\nprocess.exit(r.status ?? 1);\n```\n\n```file src/ui/router.js\n// The app\'s routes: path -> function rendering the page. Each page registers its route below.\nexport const routes = new Map();\n\nroutes.set(\'/\', () => \'<h1>Welcome</h1><a href="/login">Log in</a>\');\n```\n\n```file test/ui/router.test.js\nimport test from \'node:test\';\nimport assert from \'node:assert/strict\';\nimport { routes } from \'../../src/ui/router.js\';\n\ntest(\'the home page is routed\', () => {\n  assert.match(routes.get(\'/\')(), /Welcome/);\n});\n```\n\n```file .lanes/config.json\n{\n  "gates": [{ "name": "test", "command": ["node", "scripts/test.mjs"], "timeout_seconds": 120 }],\n  "max_parallel": 4,\n  "resources": { "min_free_memory_mb": 256, "min_free_disk_mb": 256 }\n}\n```\n\n```file README.md\n# Lanes demo: accounts for a small web app\n\nA sample repository made by `lanes demo`. `tasks.yaml` plans eight tasks in three waves:\n\n- wave 1: `db-schema`, `password-hashing`, `login-page`\n- wave 2: `user-model`, `session-store` (both need `db-schema`), `signup-page`\n- wave 3: `login-api`, `signup-api`\n\n`login-page` and `signup-page` both register a route in `src/ui/router.js`: their scopes conflict,\nso Lanes never runs them at the same time, and the second starts from a main branch that already\nhas the first.\n\nEvery landing goes through the merge queue, whose gate is the test suite (`npm test`, Node\'s\nbuilt-in runner): main stays green after each one.\n```\n';

// examples/demo/tasks.yaml
var tasks_default = "# The plan `lanes demo` runs: user accounts for this small web app, eight tasks in three waves.\n#   wave 1: db-schema, password-hashing, login-page\n#   wave 2: user-model, session-store, signup-page\n#   wave 3: login-api, signup-api\n# login-page and signup-page both register a route in src/ui/router.js: their scopes conflict, so\n# they never run at the same time, and signup-page starts from a main that already has login-page.\n#\n# Each description carries the task's edits as fenced blocks (\"```file <path>\" is the whole file,\n# \"```append <path>\" is added at its end). The built-in scripted agent applies exactly these; a\n# real agent (`lanes demo --agent claude`) reads them as the specification.\ntasks:\n  - id: db-schema\n    title: Users and sessions tables with an in-memory store\n    estimate: 2\n    files: [src/db/**, test/db/**]\n    description: |\n      Define the users and sessions tables, and a small in-memory store that checks columns on insert.\n\n      ```file src/db/schema.js\n      // Tables of the accounts database, and a tiny in-memory store for tests and the demo.\n      export const tables = {\n        users: ['id', 'email', 'password_hash', 'created_at'],\n        sessions: ['id', 'user_id', 'expires_at'],\n      };\n\n      export function createDb() {\n        const data = Object.fromEntries(Object.keys(tables).map((t) => [t, new Map()]));\n        return {\n          insert(table, row) {\n            const missing = tables[table].filter((c) => !(c in row));\n            if (missing.length) throw new Error(`${table}: missing ${missing.join(', ')}`);\n            data[table].set(row.id, { ...row });\n            return { ...row };\n          },\n          get: (table, id) => data[table].get(id),\n          find: (table, match) => [...data[table].values()].find(match),\n          delete: (table, id) => data[table].delete(id),\n        };\n      }\n      ```\n\n      ```file test/db/schema.test.js\n      import test from 'node:test';\n      import assert from 'node:assert/strict';\n      import { createDb, tables } from '../../src/db/schema.js';\n\n      test('users and sessions tables exist', () => {\n        assert.deepEqual(Object.keys(tables), ['users', 'sessions']);\n      });\n\n      test('insert checks the columns', () => {\n        const db = createDb();\n        assert.throws(() => db.insert('users', { id: 1 }), /missing email/);\n        db.insert('users', { id: 1, email: 'a@example.com', password_hash: 'x', created_at: 0 });\n        assert.equal(db.get('users', 1).email, 'a@example.com');\n      });\n      ```\n\n  - id: password-hashing\n    title: Hash and verify passwords with scrypt\n    estimate: 1\n    files: [src/auth/password.js, test/auth/password.test.js]\n    description: |\n      Salted scrypt hashes, compared in constant time.\n\n      ```file src/auth/password.js\n      import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';\n\n      export function hashPassword(password) {\n        const salt = randomBytes(16);\n        return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;\n      }\n\n      export function verifyPassword(password, stored) {\n        const [kind, salt, key] = String(stored).split('$');\n        if (kind !== 'scrypt' || !salt || !key) return false;\n        const want = Buffer.from(key, 'hex');\n        return timingSafeEqual(scryptSync(password, Buffer.from(salt, 'hex'), want.length), want);\n      }\n      ```\n\n      ```file test/auth/password.test.js\n      import test from 'node:test';\n      import assert from 'node:assert/strict';\n      import { hashPassword, verifyPassword } from '../../src/auth/password.js';\n\n      test('a hash verifies its own password only', () => {\n        const h = hashPassword('correct horse');\n        assert.ok(!h.includes('correct horse'));\n        assert.equal(verifyPassword('correct horse', h), true);\n        assert.equal(verifyPassword('wrong horse', h), false);\n        assert.equal(verifyPassword('x', 'not a hash'), false);\n      });\n      ```\n\n  - id: login-page\n    title: Login page\n    estimate: 2\n    files: [src/ui/pages/login.js, src/ui/router.js, test/ui/login.test.js]\n    description: |\n      A login form posting to /api/login, routed at /login.\n\n      ```file src/ui/pages/login.js\n      export function loginPage({ error } = {}) {\n        return [\n          '<form method=\"post\" action=\"/api/login\">',\n          error ? `<p class=\"error\">${error}</p>` : '',\n          '<input name=\"email\" type=\"email\"><input name=\"password\" type=\"password\">',\n          '<button>Log in</button></form>',\n        ].join('');\n      }\n      ```\n\n      ```append src/ui/router.js\n      import { loginPage } from './pages/login.js';\n      routes.set('/login', loginPage);\n      ```\n\n      ```file test/ui/login.test.js\n      import test from 'node:test';\n      import assert from 'node:assert/strict';\n      import { routes } from '../../src/ui/router.js';\n\n      test('/login renders the login form', () => {\n        const html = routes.get('/login')({ error: 'Wrong password' });\n        assert.match(html, /action=\"\\/api\\/login\"/);\n        assert.match(html, /Wrong password/);\n      });\n      ```\n\n  - id: user-model\n    title: User model with lookup by email\n    depends_on: [db-schema]\n    estimate: 2\n    files: [src/models/user.js, test/models/user.test.js]\n    description: |\n      Create users (emails normalised, one account per email) and find them by email.\n\n      ```file src/models/user.js\n      const normalize = (email) => String(email).trim().toLowerCase();\n\n      export function createUsers(db) {\n        let next = 1;\n        const findByEmail = (email) => db.find('users', (u) => u.email === normalize(email));\n        return {\n          findByEmail,\n          create(email, passwordHash) {\n            if (findByEmail(email)) throw new Error(`${normalize(email)} is already registered`);\n            return db.insert('users', { id: next++, email: normalize(email), password_hash: passwordHash, created_at: Date.now() });\n          },\n        };\n      }\n      ```\n\n      ```file test/models/user.test.js\n      import test from 'node:test';\n      import assert from 'node:assert/strict';\n      import { createDb } from '../../src/db/schema.js';\n      import { createUsers } from '../../src/models/user.js';\n\n      test('users are found by email, case-insensitively, and unique', () => {\n        const users = createUsers(createDb());\n        const u = users.create(' Ada@Example.com ', 'hash');\n        assert.equal(users.findByEmail('ada@example.com').id, u.id);\n        assert.throws(() => users.create('ADA@example.com', 'hash'), /already registered/);\n      });\n      ```\n\n  - id: session-store\n    title: Server-side session store with expiry\n    depends_on: [db-schema]\n    estimate: 3\n    files: [src/auth/session/**, test/auth/session/**]\n    description: |\n      Random session ids stored server-side; an expired session is gone when it is next read.\n\n      ```file src/auth/session/store.js\n      import { randomBytes } from 'node:crypto';\n\n      export function createSessions(db, { ttlMs = 3_600_000, now = Date.now } = {}) {\n        return {\n          create(userId) {\n            const id = randomBytes(16).toString('hex');\n            db.insert('sessions', { id, user_id: userId, expires_at: now() + ttlMs });\n            return id;\n          },\n          get(id) {\n            const s = db.get('sessions', id);\n            if (s && s.expires_at <= now()) {\n              db.delete('sessions', id);\n              return undefined;\n            }\n            return s;\n          },\n          end: (id) => db.delete('sessions', id),\n        };\n      }\n      ```\n\n      ```file test/auth/session/store.test.js\n      import test from 'node:test';\n      import assert from 'node:assert/strict';\n      import { createDb } from '../../../src/db/schema.js';\n      import { createSessions } from '../../../src/auth/session/store.js';\n\n      test('sessions expire', () => {\n        let t = 1000;\n        const sessions = createSessions(createDb(), { ttlMs: 50, now: () => t });\n        const id = sessions.create(7);\n        assert.equal(sessions.get(id).user_id, 7);\n        t += 50;\n        assert.equal(sessions.get(id), undefined);\n      });\n      ```\n\n  - id: signup-page\n    title: Signup page\n    estimate: 2\n    files: [src/ui/pages/signup.js, src/ui/router.js, test/ui/signup.test.js]\n    description: |\n      A signup form posting to /api/signup, routed at /signup.\n\n      ```file src/ui/pages/signup.js\n      export function signupPage({ error } = {}) {\n        return [\n          '<form method=\"post\" action=\"/api/signup\">',\n          error ? `<p class=\"error\">${error}</p>` : '',\n          '<input name=\"email\" type=\"email\"><input name=\"password\" type=\"password\" minlength=\"8\">',\n          '<button>Create account</button></form>',\n        ].join('');\n      }\n      ```\n\n      ```append src/ui/router.js\n      import { signupPage } from './pages/signup.js';\n      routes.set('/signup', signupPage);\n      ```\n\n      ```file test/ui/signup.test.js\n      import test from 'node:test';\n      import assert from 'node:assert/strict';\n      import { routes } from '../../src/ui/router.js';\n\n      test('/signup renders the signup form', () => {\n        assert.match(routes.get('/signup')(), /action=\"\\/api\\/signup\"/);\n      });\n      ```\n\n  - id: login-api\n    title: POST /api/login\n    depends_on: [user-model, session-store, password-hashing]\n    estimate: 3\n    files: [src/api/login.js, test/api/login.test.js]\n    description: |\n      Check the password, create a session, set the cookie. Rate-limit failures by IP.\n\n      ```file src/api/login.js\n      import { verifyPassword } from '../auth/password.js';\n\n      export function createLogin({ users, sessions, maxFailures = 5 }) {\n        const failures = new Map();\n        return function login({ email, password, ip }) {\n          if ((failures.get(ip) ?? 0) >= maxFailures) return { status: 429 };\n          const user = users.findByEmail(email);\n          if (!user || !verifyPassword(password, user.password_hash)) {\n            failures.set(ip, (failures.get(ip) ?? 0) + 1);\n            return { status: 401 };\n          }\n          failures.delete(ip);\n          return { status: 200, cookie: `sid=${sessions.create(user.id)}; HttpOnly; SameSite=Lax` };\n        };\n      }\n      ```\n\n      ```file test/api/login.test.js\n      import test from 'node:test';\n      import assert from 'node:assert/strict';\n      import { createDb } from '../../src/db/schema.js';\n      import { createUsers } from '../../src/models/user.js';\n      import { createSessions } from '../../src/auth/session/store.js';\n      import { hashPassword } from '../../src/auth/password.js';\n      import { createLogin } from '../../src/api/login.js';\n\n      test('login sets a session cookie, and rate-limits failures', () => {\n        const db = createDb();\n        const users = createUsers(db);\n        users.create('ada@example.com', hashPassword('correct horse'));\n        const login = createLogin({ users, sessions: createSessions(db), maxFailures: 2 });\n        assert.match(login({ email: 'ada@example.com', password: 'correct horse', ip: 'a' }).cookie, /^sid=/);\n        assert.equal(login({ email: 'ada@example.com', password: 'nope', ip: 'b' }).status, 401);\n        assert.equal(login({ email: 'ada@example.com', password: 'nope', ip: 'b' }).status, 401);\n        assert.equal(login({ email: 'ada@example.com', password: 'correct horse', ip: 'b' }).status, 429);\n      });\n      ```\n\n  - id: signup-api\n    title: POST /api/signup\n    depends_on: [user-model, password-hashing]\n    estimate: 2\n    files: [src/api/signup.js, test/api/signup.test.js]\n    description: |\n      Validate the email and password, refuse a taken email, store the scrypt hash.\n\n      ```file src/api/signup.js\n      import { hashPassword } from '../auth/password.js';\n\n      export function createSignup({ users }) {\n        return function signup({ email, password }) {\n          if (!/^[^@\\s]+@[^@\\s]+$/.test(String(email))) return { status: 400, error: 'invalid email' };\n          if (String(password).length < 8) return { status: 400, error: 'password too short' };\n          if (users.findByEmail(email)) return { status: 409, error: 'already registered' };\n          return { status: 201, id: users.create(email, hashPassword(password)).id };\n        };\n      }\n      ```\n\n      ```file test/api/signup.test.js\n      import test from 'node:test';\n      import assert from 'node:assert/strict';\n      import { createDb } from '../../src/db/schema.js';\n      import { createUsers } from '../../src/models/user.js';\n      import { createSignup } from '../../src/api/signup.js';\n\n      test('signup validates and refuses a taken email', () => {\n        const signup = createSignup({ users: createUsers(createDb()) });\n        assert.equal(signup({ email: 'nope', password: 'long enough' }).status, 400);\n        assert.equal(signup({ email: 'ada@example.com', password: 'short' }).status, 400);\n        assert.equal(signup({ email: 'ada@example.com', password: 'long enough' }).status, 201);\n        assert.equal(signup({ email: 'ADA@example.com', password: 'long enough' }).status, 409);\n      });\n      ```\n";

// src/cli/commands/run.ts

// src/core/run/admission.ts
function chooseAdmissions(i) {
  const inPlan = new Set(i.plan.tasks.map((t) => t.id));
  const rank = readyRank(i.plan);
  const again = Object.values(i.runTasks).filter((t) => (t.state === "retry" || t.state === "interrupted") && !i.withAgent.has(t.id) && inPlan.has(t.id)).sort((a, b) => (rank.get(b.id) ?? 0) - (rank.get(a.id) ?? 0));
  const view = { ...i.tasks };
  for (const rt of Object.values(i.runTasks)) {
    const st = view[rt.id];
    if (rt.state === "pending" && i.owner !== void 0 && st?.status === "in_progress" && st.owner === i.owner && !i.starting.has(rt.id))
      view[rt.id] = { ...st, status: "planned" };
  }
  for (const id of i.starting) view[id] = { ...view[id] ?? { id, updated_at: "", history: [] }, status: "in_progress" };
  for (const t of i.plan.tasks) {
    if ((view[t.id]?.status ?? "planned") === "planned" && i.skip(t.id))
      view[t.id] = { ...view[t.id] ?? { id: t.id, updated_at: "", history: [] }, status: "blocked" };
  }
  const candidates = readyTasks(i.plan, view, i.plan.tasks.length);
  const waiting = again.length > 0 || candidates.length > 0;
  const slots = Math.max(0, i.slots);
  const picked = again.slice(0, slots);
  const fresh = readyTasks(i.plan, view, slots - picked.length).map((r2) => r2.task);
  return { again: picked, fresh, waiting };
}
var rankCache = /* @__PURE__ */ new WeakMap();
function readyRank(plan) {
  let m = rankCache.get(plan);
  if (m) return m;
  m = /* @__PURE__ */ new Map();
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  const dependents = /* @__PURE__ */ new Map();
  for (const t of plan.tasks) for (const d of t.depends_on) (dependents.get(d) ?? dependents.set(d, []).get(d)).push(t.id);
  for (const id of plan.waves.flat().reverse()) {
    let best = 0;
    for (const c of dependents.get(id) ?? []) best = Math.max(best, m.get(c) ?? 0);
    m.set(id, (byId.get(id)?.estimate ?? 1) + best);
  }
  rankCache.set(plan, m);
  return m;
}
async function resourceFloors(dir, cfg) {
  const r2 = await readResources(dir, { siTimeoutMs: 0, maxAgeMs: 1e3 });
  const f = cfg.resources;
  if (r2.mem_available_mb < f.min_free_memory_mb) {
    return `waiting for memory: ${r2.mem_available_mb} MB available, below the floor of ${f.min_free_memory_mb} MB (resources.min_free_memory_mb)`;
  }
  if (r2.sources.disk !== "unavailable" && r2.disk_free_mb < f.min_free_disk_mb) {
    return `waiting for disk: ${r2.disk_free_mb} MB free, below the floor of ${f.min_free_disk_mb} MB (resources.min_free_disk_mb)`;
  }
  return void 0;
}

// src/core/run/attempt.ts

// src/core/run/activity.ts
var MAX = 160;
function clip(s) {
  const one = s.replace(/\s+/g, " ").trim();
  return one.length > MAX ? `${one.slice(0, MAX - 3)}...` : one;
}
function toolSummary(name, input) {
  const short = name.replace(/^mcp__plugin_lanes_lanes__/, "lanes.");
  const arg = input?.file_path ?? input?.path ?? input?.command ?? input?.pattern ?? input?.query ?? input?.task_id;
  return typeof arg === "string" ? `${short} ${arg}` : short;
}
function activityOf(line) {
  const s = line.trim();
  if (!s) return void 0;
  if (s[0] !== "{") return clip(s);
  let ev;
  try {
    ev = JSON.parse(s);
  } catch {
    return clip(s);
  }
  const type = ev.type;
  if (type === "assistant") {
    const content = ev.message?.content ?? [];
    for (const c of [...content].reverse()) {
      if (c.type === "tool_use" && typeof c.name === "string") return clip(toolSummary(c.name, c.input));
      if (c.type === "text" && typeof c.text === "string" && c.text.trim()) return clip(c.text.trim().split("\n")[0]);
    }
    return void 0;
  }
  if (type === "result") return clip(`done: ${String(ev.subtype ?? "result")}${ev.is_error ? " (error)" : ""}`);
  if (type === "system" && ev.subtype === "init") return "session started";
  return void 0;
}

// src/core/run/agent.ts

// src/core/run/presets.ts
var PRESET_NAMES = AGENT_PRESETS;
var presets = {
  codex: {
    name: "codex",
    bin: "codex",
    // workspace-write: edits and commands inside the working directory (the lane); read-only is its default.
    args: ["exec", "--sandbox", "workspace-write", "--skip-git-repo-check", "{prompt}"],
    hooks: false,
    limitPatterns: ["exceeded retry limit, last status: 429", "usage_limit_reached", "Too Many Requests"],
    about: "OpenAI Codex CLI: codex exec (non-interactive, workspace-write sandbox)"
  },
  gemini: {
    name: "gemini",
    bin: "gemini",
    args: ["--yolo", "-p", "{prompt}"],
    hooks: false,
    limitPatterns: ["RESOURCE_EXHAUSTED", "Quota exceeded", "rateLimitExceeded"],
    about: "Gemini CLI: gemini -p (headless), --yolo to accept its own tool calls"
  },
  cursor: {
    name: "cursor",
    bin: "cursor-agent",
    args: ["-p", "--force", "--output-format", "stream-json", "{prompt}"],
    hooks: false,
    limitPatterns: ["usage limit", "You've hit your"],
    about: "Cursor Agent CLI: cursor-agent -p (print mode), --force to allow commands"
  },
  opencode: {
    name: "opencode",
    bin: "opencode",
    args: ["run", "{prompt}"],
    hooks: false,
    limitPatterns: ["RateLimitError", "rate limit", "insufficient_quota"],
    about: "opencode: opencode run (non-interactive)"
  },
  aider: {
    name: "aider",
    bin: "aider",
    // It commits its own edits (auto-commits is on by default), which is what a lane needs.
    args: ["--message", "{prompt}", "--yes-always", "--no-check-update", "--no-pretty"],
    hooks: false,
    limitPatterns: ["litellm\\.RateLimitError", "RateLimitError", "insufficient_quota"],
    about: "aider: aider --message (one message, then exit), --yes-always"
  }
};
var CLAUDE_LIMIT_PATTERNS = ["Claude AI usage limit reached", "API Error: (?:Request rejected \\()?(?:429|529)"];
function isPresetName(s) {
  return PRESET_NAMES.includes(s);
}
function presetOf(name) {
  return presets[name];
}
function limitPatternsFor(preset, user = []) {
  const own2 = preset === "claude" || preset === void 0 ? CLAUDE_LIMIT_PATTERNS : presets[preset].limitPatterns;
  return [...COMMON_LIMIT_PATTERNS, ...own2, ...user];
}

// src/core/run/agent.ts
var PLACEHOLDER_RE = new RegExp(`\\{(${AGENT_PLACEHOLDERS.join("|")})\\}`, "g");
function expandArgv(template, values) {
  return template.map((a) => a.replace(PLACEHOLDER_RE, (_, k) => values[k]));
}
var CLAUDE_ALLOWED_TOOLS = [
  "mcp__plugin_lanes_lanes",
  "Bash(git add:*)",
  "Bash(git commit:*)",
  "Bash(git status:*)",
  "Bash(git diff:*)",
  "Bash(git log:*)",
  "Bash(npm test:*)",
  "Bash(npm run test:*)"
];
function claudeAgent(pluginRoot, bin = "claude") {
  return {
    name: "claude",
    preset: "claude",
    argv: [
      bin,
      "-p",
      "{prompt}",
      "--plugin-dir",
      pluginRoot,
      "--allowedTools",
      CLAUDE_ALLOWED_TOOLS.join(","),
      "--permission-mode",
      "acceptEdits",
      "--output-format",
      "stream-json",
      "--verbose"
    ]
  };
}
function scriptedAgent(lanesEntry, opts = {}) {
  const env = {
    ...opts.unitMs !== void 0 ? { LANES_SCRIPTED_UNIT_MS: String(opts.unitMs) } : {},
    ...caMovedAside()
  };
  return {
    name: "scripted",
    argv: [process.execPath, lanesEntry, "agent", "scripted"],
    ...Object.keys(env).length ? { env } : {}
  };
}
function presetAgent(name, bin) {
  const p = presetOf(name);
  return { name, preset: name, hooks: p.hooks, argv: [bin ?? p.bin, ...p.args] };
}
function customAgent(argv, preset) {
  const hooks = preset === void 0 || preset === "claude" ? {} : { hooks: presetOf(preset).hooks };
  return { name: path2.basename(argv[0] ?? "agent"), argv, ...preset ? { preset } : {}, ...hooks };
}
function parseAgentCommand(text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch {
    throw new LanesError("INVALID_INPUT", `--agent-command is not JSON: ${JSON.stringify(text.slice(0, 80))}.`, {
      hint: `Pass an argv array as JSON, e.g. --agent-command '["my-agent", "--task", "{task_id}", "{prompt}"]' (no shell string).`
    });
  }
  if (!Array.isArray(v) || v.length === 0 || !v.every((x) => typeof x === "string") || v[0] === "") {
    throw new LanesError("INVALID_INPUT", "--agent-command must be a non-empty JSON array of strings (an argv, never a shell string).", {
      hint: `Example: --agent-command '["my-agent", "{prompt}"]'.`
    });
  }
  for (const a of v) {
    for (const m of a.matchAll(/\{([A-Za-z_]+)\}/g)) {
      if (!AGENT_PLACEHOLDERS.includes(m[1])) {
        throw new LanesError("INVALID_INPUT", `--agent-command has an unknown placeholder {${m[1]}}.`, {
          hint: `Use ${AGENT_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}.`
        });
      }
    }
  }
  return v;
}
function findPluginRoot(entry) {
  let dir = path2.dirname(safeRealpath(entry));
  for (let i = 0; i < 4; i++) {
    if (fs3.existsSync(path2.join(dir, ".claude-plugin", "plugin.json"))) return dir;
    const up = path2.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return void 0;
}
function findOnPath(cmd, envPath = process.env.PATH ?? "") {
  if (cmd.includes("/")) return isExecutable(cmd) ? cmd : void 0;
  for (const dir of envPath.split(path2.delimiter).filter(Boolean)) {
    const p = path2.join(dir, cmd);
    if (isExecutable(p)) return p;
  }
  return void 0;
}
function findClaude(pluginRoot) {
  return findOnPath("claude") ?? (pluginRoot ? findOnPath(path2.join(path2.dirname(pluginRoot), "node_modules", ".bin", "claude")) : void 0);
}
function isExecutable(p) {
  try {
    fs3.accessSync(p, fs3.constants.X_OK);
    return fs3.statSync(p).isFile();
  } catch {
    return false;
  }
}
function safeRealpath(p) {
  try {
    return fs3.realpathSync(p);
  } catch {
    return path2.resolve(p);
  }
}

// src/core/run/merges.ts
var REMOVALS_AT_ONCE = 2;
var MergeDriver = class {
  constructor(project, hooks) {
    this.project = project;
    this.hooks = hooks;
  }
  project;
  hooks;
  running;
  again = false;
  /** Do not poll the queue again before this time (after "busy", an error, or an empty pass). */
  notBefore = 0;
  failures = 0;
  /** When the failures in a row began, if every one was the remote not answering. */
  offlineSince;
  /** Wall time of processor calls that landed or failed something: the queue's serial work. */
  busyMs = 0;
  /** Landed lanes waiting to be removed beside the queue, and the removals in flight. */
  toRemove = [];
  removing = 0;
  idle = [];
  /** A processor call or a removal of landed lanes is in flight. */
  get busy() {
    return this.running !== void 0 || this.removing > 0;
  }
  /**
   * The processor hands the removal of landed lanes here, so the next landing does not wait for a
   * worktree removal (the state says landed first; dependents start at once). Up to
   * REMOVALS_AT_ONCE lanes are removed at a time, whatever batch they landed in: a removal is about
   * 18 git processes, most of them reads that wait on each other, and removals one after the
   * other fell behind the landings and were the last second of a run. Each lane goes as the queue
   * would have removed it (git's own lock serialises the worktree removals); a lane that cannot go
   * is a warning, as it is there.
   */
  removeLater = (landed2) => {
    for (const e of landed2) if (e.kind === "land") this.toRemove.push(e);
    this.pump();
  };
  pump() {
    while (this.removing < REMOVALS_AT_ONCE && this.toRemove.length) {
      const e = this.toRemove.shift();
      this.removing++;
      void removeLandedLane(this.project, e.task).then((w) => {
        if (w) this.hooks.onProgress(`warning: ${w}`);
      }).finally(() => {
        this.removing--;
        this.pump();
        if (!this.removing) for (const f of this.idle.splice(0)) f();
        this.hooks.onChange();
      });
    }
  }
  /** Resolves when no removal is in flight or waiting. */
  removalsDone() {
    if (!this.removing && !this.toRemove.length) return Promise.resolve();
    return new Promise((r2) => this.idle.push(r2));
  }
  /** Something was queued: process now (or right after the batch in flight). */
  kick() {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = void 0;
      this.hooks.onChange();
    });
  }
  /** Entries are waiting: process them unless a recent pass said to hold off. */
  poll() {
    if (!this.running && Date.now() >= this.notBefore) this.kick();
  }
  /** Resolves when the processor call in flight (if any) is done, or after `timeoutMs`. Returns whether it is done. */
  async settle(timeoutMs = Infinity) {
    if (!this.busy) return true;
    const all2 = (this.running ?? Promise.resolve()).then(() => this.removalsDone());
    if (!Number.isFinite(timeoutMs)) {
      await all2;
      return true;
    }
    let timer;
    const done = await Promise.race([all2.then(() => true), new Promise((r2) => timer = setTimeout(() => r2(false), timeoutMs))]);
    clearTimeout(timer);
    return done;
  }
  async loop() {
    do {
      this.again = false;
      if (this.hooks.stopping()) return;
      const t0 = performance.now();
      try {
        const r2 = await processMergeQueue(this.project, { onProgress: (m) => this.hooks.onProgress(m), removeLanes: this.removeLater });
        this.failures = 0;
        this.offlineSince = void 0;
        if (r2.batches > 0) this.busyMs += Math.round(performance.now() - t0);
        this.hooks.onChange();
        if (r2.batches === 0) this.notBefore = Date.now() + 2e3;
        for (const w of r2.warnings) this.hooks.onProgress(`warning: ${w}`);
      } catch (e) {
        if (isLanesError(e, "BUSY")) {
          this.notBefore = Date.now() + 1e3;
          return;
        }
        const offline = isLanesError(e, "OFFLINE") && (this.failures === 0 || this.offlineSince !== void 0);
        this.offlineSince = offline ? this.offlineSince ?? Date.now() : void 0;
        this.failures++;
        this.notBefore = Date.now() + 1e3 * 2 ** Math.min(this.failures, 4);
        this.hooks.onError(errorMessage(e), this.failures, this.offlineSince === void 0 ? void 0 : Date.now() - this.offlineSince);
        return;
      }
    } while (this.again);
  }
};

// src/core/run/record.ts
var SAVE_EVERY_MS = 250;
var RunRecorder = class {
  constructor(store, onError) {
    this.store = store;
    this.onError = onError;
  }
  store;
  onError;
  saving = Promise.resolve();
  queued = false;
  last = 0;
  save(run, force = false) {
    run.updated_at = nowIso();
    if (this.queued && !force) return this.saving;
    this.queued = true;
    const wait = force ? 0 : Math.max(0, this.last + SAVE_EVERY_MS - Date.now());
    this.saving = this.saving.then(() => wait ? new Promise((r2) => setTimeout(r2, wait)) : void 0).then(async () => {
      this.queued = false;
      this.last = Date.now();
      const snapshot = structuredClone(run);
      await this.store.update(RUNS_DOC, (doc) => {
        const i = doc.runs.findIndex((r2) => r2.id === snapshot.id);
        if (i >= 0) doc.runs[i] = snapshot;
        else doc.runs.push(snapshot);
        if (snapshot.status === "finished" && doc.current === snapshot.id) doc.current = null;
        if (snapshot.status !== "finished") doc.current = snapshot.id;
        trimRuns(doc);
      });
    }).catch((e) => this.onError(e));
    return this.saving;
  }
};

// src/core/run/context.ts
var RunContext = class {
  constructor(project, opts, cfg, onMergeError) {
    this.project = project;
    this.opts = opts;
    this.cfg = cfg;
    this.recorder = new RunRecorder(
      project.store,
      (e) => this.emit({ type: "run.warning", text: `could not record the run state: ${errorMessage(e)}` })
    );
    this.merges = new MergeDriver(project, {
      onProgress: (text) => {
        this.emit({ type: "merge.progress", text });
        this.wake();
      },
      onChange: () => this.wake(),
      onError: (message, failures, offlineMs) => onMergeError(this, message, failures, offlineMs),
      stopping: () => this.stopping
    });
  }
  project;
  opts;
  cfg;
  run;
  plan;
  tasks = {};
  queue = emptyQueue();
  agents = /* @__PURE__ */ new Map();
  starting = /* @__PURE__ */ new Set();
  /** Agents this run ended on purpose (their attempts are 'interrupted', not failures). */
  ended = /* @__PURE__ */ new Set();
  jobs = /* @__PURE__ */ new Set();
  startFailures = /* @__PURE__ */ new Map();
  /** Tasks someone else started meanwhile: not ours to run. */
  foreign = /* @__PURE__ */ new Set();
  merges;
  stopping = false;
  stopBy = "";
  /** Wakes the loop from its sleep; the loop sets a new one on every turn. */
  wake = () => {
  };
  mergeBusyBase = 0;
  /** Lanes running at once. */
  parallelism = 1;
  /** Usage limits (the run-wide pause, paced starts) and token accounting. */
  pauses;
  recorder;
  get killGraceMs() {
    return this.opts.killGraceMs ?? 3e3;
  }
  emit(e) {
    try {
      this.opts.onEvent?.({ at: nowIso(), ...e });
    } catch {
    }
  }
  /** Runs a job in the background: the loop waits for it to end, and wakes when it does. */
  track(p) {
    const q = p.catch((e) => this.emit({ type: "run.warning", text: `internal: ${errorMessage(e)}` })).finally(() => {
      this.jobs.delete(q);
      this.wake();
    });
    this.jobs.add(q);
  }
  save(force = false) {
    return this.recorder.save(this.run, force);
  }
  tasksIn(...states) {
    return Object.values(this.run.tasks).filter((t) => states.includes(t.state));
  }
  taskDef(id) {
    const t = this.plan.tasks.find((x) => x.id === id);
    if (!t) throw new LanesError("NOT_FOUND", `Task ${id} is no longer in the plan.`);
    return t;
  }
  runTask(id) {
    return this.run.tasks[id] ??= { id, state: "pending", attempts: [] };
  }
};
function firstLine2(s) {
  return s.split("\n")[0] ?? "";
}

// src/core/run/finish.ts
async function checkLane(repo, lanePath2, task, target) {
  const root = repo.mainRoot;
  const tip = await branchTip(root, repo.commonDir, laneBranch(task));
  const [ahead, dirty, operation] = await Promise.all([
    tip ? countCommits(root, [tip, `^refs/heads/${target}`]) : Promise.resolve(0),
    statusPorcelain(lanePath2).then((es) => es.map((e) => `${e.code} ${e.path}`)),
    operationInProgress(lanePath2, repo.commonDir)
  ]);
  return { ...tip ? { tip } : {}, ahead, dirty: dirty.slice(0, 20), ...operation ? { operation } : {} };
}
function verdict(exit, lane) {
  if (exit.error)
    return {
      outcome: "failed",
      reason: exit.error.startsWith("timed out") ? `the agent ${exit.error}` : `the agent could not be started: ${exit.error}`
    };
  if (exit.signal) return { outcome: "failed", reason: `the agent was killed by ${exit.signal}` };
  if (exit.exitCode !== 0) return { outcome: "failed", reason: `the agent exited with code ${exit.exitCode}` };
  if (!lane) return { outcome: "failed", reason: "the lane could not be checked" };
  if (lane.operation) return { outcome: "dirty", reason: `the agent exited 0 but left ${lane.operation} in progress in the lane` };
  if (lane.dirty.length)
    return {
      outcome: "dirty",
      reason: `the agent exited 0 but left uncommitted changes: ${lane.dirty.slice(0, 8).join(", ")}${lane.dirty.length > 8 ? ", ..." : ""}`
    };
  if (lane.ahead === 0) return { outcome: "no-commit", reason: "the agent exited 0 without committing any work in the lane" };
  return { outcome: "finished" };
}

// src/core/run/pause.ts
var AttemptOutput = class {
  limits;
  meter = new UsageMeter();
  constructor(patterns, clock) {
    this.limits = new LimitWatch(patterns, clock);
  }
  line(line, stream) {
    this.limits.line(line, stream);
    if (stream === "stdout") this.meter.line(line);
  }
};
var PAUSES_KEPT = 50;
var MAX_LIMITED_IN_A_ROW = 10;
function limitOf(rt, exit, out) {
  if (exit.error || !out.limits.limit) return void 0;
  let n = 0;
  for (let i = rt.attempts.length - 2; i >= 0 && rt.attempts[i].outcome === "limited"; i--) n++;
  return n < MAX_LIMITED_IN_A_ROW ? out.limits.limit : void 0;
}
var RunPauses = class {
  constructor(run, cfg, preset, emit2, clock = Date.now) {
    this.run = run;
    this.emit = emit2;
    this.clock = clock;
    this.gate = new LimitGate(
      { backoffSeconds: cfg.agent.limit_backoff_seconds, maxStartsPerMinute: cfg.agent.max_starts_per_minute, clock },
      run.paused
    );
    if (run.paused && !this.gate.paused()) delete run.paused;
    this.patterns = limitPatternsFor(preset, cfg.agent.limit_patterns);
    this.prices = priceTable(cfg.prices);
  }
  run;
  emit;
  clock;
  gate;
  patterns;
  prices;
  output() {
    return new AttemptOutput(this.patterns, this.clock);
  }
  /** How many agents may start now (0 while paused); notices the end of a pause. */
  allowed(wanted) {
    const p = this.gate.paused();
    if (!p && this.run.paused) {
      const was = this.run.paused;
      delete this.run.paused;
      this.emit({ type: "run.resumed", reason: was.reason });
    }
    return wanted > 0 ? this.gate.startsAllowed(wanted) : 0;
  }
  /** Ms until pacing lets the next agent start. */
  startDelay() {
    return this.gate.startDelay();
  }
  started() {
    this.gate.started();
  }
  /** An attempt ended on a limit: the run pauses (or its pause is extended). */
  hit(h, task) {
    const before = this.run.paused?.until;
    const p = this.gate.hit(h, task);
    this.run.paused = p;
    if (p.until !== before) {
      const hist = this.run.pauses ??= [];
      hist.push({ ...p });
      if (hist.length > PAUSES_KEPT) hist.splice(0, hist.length - PAUSES_KEPT);
      this.emit({ type: "run.paused", reason: p.reason, until: p.until, task, text: h.text });
    }
    return p;
  }
  ok() {
    this.gate.ok();
  }
  /** Records an attempt's usage on it and on its task. */
  account(rt, attempt, out) {
    const u = out.meter.usage(this.prices);
    if (u) attempt.usage = u;
    const total = sumUsage(
      rt.attempts.map((a) => a.usage),
      this.prices
    );
    if (total) rt.usage = total;
    return u;
  }
};

// src/core/run/outcome.ts
async function agentExited(ctx, rt, attempt, counted, exit, output) {
  ctx.agents.delete(rt.id);
  attempt.ended_at = nowIso();
  attempt.ms = exit.ms;
  attempt.exit_code = exit.exitCode;
  attempt.signal = exit.signal;
  delete attempt.pgid;
  const usage = ctx.pauses.account(rt, attempt, output);
  if (ctx.ended.has(rt.id)) {
    attempt.outcome = "interrupted";
    attempt.reason = `ended by lanes run (${ctx.stopBy})`;
    rt.state = "interrupted";
    rt.reason = INTERRUPTED_NOTE;
    ctx.emit({
      type: "agent.exited",
      task: rt.id,
      attempt: counted,
      exit_code: exit.exitCode,
      signal: exit.signal,
      ms: exit.ms,
      outcome: "interrupted",
      reason: attempt.reason
    });
    ctx.save();
    return;
  }
  const failedOnLimit = exit.exitCode !== 0 && exit.exitCode !== null ? limitOf(rt, exit, output) : void 0;
  if (failedOnLimit) ctx.pauses.hit(failedOnLimit, rt.id);
  ctx.wake();
  await failpoint("run.handoff");
  let lane;
  try {
    lane = await checkLane(ctx.project.repo, rt.path, rt.id, ctx.cfg.target);
  } catch (e) {
    attempt.reason = `could not check the lane: ${errorMessage(e)}`;
  }
  const v = verdict(exit, lane);
  const limit = v.outcome !== "finished" ? limitOf(rt, exit, output) : void 0;
  if (limit) {
    v.outcome = "limited";
    v.reason = `stopped by a ${limit.reason}: ${limit.text}`;
  } else {
    ctx.pauses.ok();
    if (output.limits.limit && v.outcome !== "finished")
      v.reason = `${v.reason ?? "it failed"} (after ${MAX_LIMITED_IN_A_ROW} usage or rate limits in a row this one counts; check agent.limit_patterns)`;
  }
  attempt.outcome = v.outcome;
  if (v.reason) attempt.reason = v.reason;
  ctx.emit({
    type: "agent.exited",
    task: rt.id,
    attempt: counted,
    exit_code: exit.exitCode,
    signal: exit.signal,
    ms: exit.ms,
    outcome: v.outcome,
    ...v.reason ? { reason: v.reason } : {},
    ...usage ? { usage } : {}
  });
  if (limit) {
    if (!failedOnLimit) ctx.pauses.hit(limit, rt.id);
    rt.state = "retry";
    rt.reason = LIMITED_NOTE;
    void ctx.save(true);
    return;
  }
  if (v.outcome === "finished") await queueIt(ctx, rt, attempt, lane?.tip);
  else await retryOrBlock(ctx, rt, v.reason ?? "the attempt did not finish");
}
var REMOTE_WAIT_MS = 10 * 6e4;
async function queueWhenReachable(ctx, rt, checkedTip) {
  const deadline = Date.now() + REMOTE_WAIT_MS;
  for (let i = 0; ; i++) {
    try {
      return await queueMerge(ctx.project, {
        task_id: rt.id,
        requested_by: ctx.run.owner,
        ...checkedTip ? { checked_tip: checkedTip } : {}
      });
    } catch (e) {
      if (!isLanesError(e, "OFFLINE") || ctx.stopping || Date.now() > deadline) throw e;
      if (i === 0) ctx.emit({ type: "run.warning", text: `${rt.id}: the remote does not answer; queueing again when it does` });
      await new Promise((r2) => setTimeout(r2, Math.min(15e3, 1e3 * 2 ** i)));
    }
  }
}
async function queueIt(ctx, rt, attempt, checkedTip) {
  try {
    const q = await queueWhenReachable(ctx, rt, checkedTip);
    if (attempt.ended_at) rt.handoff_ms = (rt.handoff_ms ?? 0) + Math.max(0, Date.now() - Date.parse(attempt.ended_at));
    rt.state = "queued";
    rt.merge = { entry: q.entry.id, queued_at: nowIso() };
    delete rt.reason;
    ctx.emit({ type: "task.queued", task: rt.id, entry: q.entry.id, conflicts: q.conflicts.map((c) => c.with) });
    ctx.save();
    ctx.merges.kick();
  } catch (e) {
    const done = isLanesError(e, "CONFLICT") ? await landedAs(ctx, rt.id) : void 0;
    if (done) {
      landed(ctx, rt, void 0, done.landed_as);
      ctx.save();
      ctx.wake();
      return;
    }
    attempt.outcome = "failed";
    attempt.reason = `could not be queued for merge: ${errorMessage(e)}`;
    await retryOrBlock(ctx, rt, attempt.reason);
  }
}
async function landedAs(ctx, id) {
  try {
    if (ctx.project.store.shared) await ctx.project.store.refresh();
    const st = (await readPlan(ctx.project.store)).tasks[id];
    return st?.status === "done" ? { ...st.landed_as ? { landed_as: st.landed_as } : {} } : void 0;
  } catch {
    return void 0;
  }
}
function addSpan(m, e) {
  const total = e?.timings?.total_ms;
  const end2 = e?.finished_at;
  if (total === void 0 || !end2 || !Number.isFinite(Date.parse(end2))) return;
  const start = new Date(Date.parse(end2) - total).toISOString();
  (m.spans ??= []).push([start, end2]);
}
function landed(ctx, rt, e, commit) {
  rt.state = "landed";
  rt.landed_at = e?.finished_at ?? nowIso();
  const m = rt.merge ??= {};
  m.result = "landed";
  const sha = e?.landed_as ?? commit;
  if (sha) m.landed_as = sha;
  if (e?.timings?.total_ms !== void 0) m.ms = e.timings.total_ms;
  if (e?.timings?.gates_ms !== void 0) m.gates_ms = e.timings.gates_ms;
  addSpan(m, e);
  delete rt.reason;
  ctx.emit({ type: "task.landed", task: rt.id, commit: sha ?? "" });
  ctx.save();
}
async function sentBack(ctx, rt, reason, e) {
  const m = rt.merge ??= {};
  m.result = e?.state === "cancelled" ? "cancelled" : "failed";
  m.error = reason;
  if (e?.timings?.total_ms !== void 0) m.ms = (m.ms ?? 0) + e.timings.total_ms;
  addSpan(m, e);
  const last = rt.attempts[rt.attempts.length - 1];
  if (last) {
    last.outcome = "merge-failed";
    last.reason = reason;
  }
  ctx.emit({ type: "task.merge_failed", task: rt.id, reason });
  await retryOrBlock(ctx, rt, reason);
}
async function retryOrBlock(ctx, rt, reason) {
  const used = countedAttempts(rt);
  if (used < 1 + ctx.run.retries) {
    rt.state = "retry";
    rt.reason = reason;
    ctx.emit({ type: "task.retry", task: rt.id, attempt: used + 1, reason });
    ctx.save();
    return;
  }
  await block(ctx, rt, `gave up after ${used} attempt${used === 1 ? "" : "s"}: ${reason}`);
}
async function block(ctx, rt, reason) {
  rt.state = "blocked";
  rt.reason = reason;
  ctx.emit({ type: "task.blocked", task: rt.id, reason });
  ctx.save();
  try {
    await updateTask(ctx.project.store, {
      id: rt.id,
      status: "blocked",
      owner: ctx.run.owner,
      note: capNote(`lanes run ${ctx.run.id}: ${reason}`)
    });
    await releaseFiles(ctx.project.store, taskOwner(rt.id));
  } catch (e) {
    ctx.emit({ type: "run.warning", text: `could not record ${rt.id} as blocked: ${errorMessage(e)}` });
  }
}
function mergeError(ctx, message, failures, offlineMs) {
  const waiting = offlineMs !== void 0 && offlineMs < REMOTE_WAIT_MS;
  if (!waiting || failures === 1 || failures % 5 === 0) {
    const wait = waiting ? "; waiting for the remote to answer" : "";
    ctx.emit({ type: "run.warning", text: `the merge queue could not run (${failures}x${wait}): ${firstLine2(message)}` });
  }
  if (waiting || failures < 3) return;
  for (const rt of ctx.tasksIn("queued")) {
    rt.state = "blocked";
    rt.reason = `queued, but the merge queue could not run: ${message}`;
    ctx.emit({ type: "task.blocked", task: rt.id, reason: rt.reason });
  }
  ctx.save();
  ctx.wake();
}
function capNote(s) {
  return s.length > 2e3 ? `${s.slice(0, 1997)}...` : s;
}

// src/core/run/prompt.ts
var MAX_PREVIOUS = 4e3;
function quote(text) {
  return text.trimEnd().split("\n").map((l) => `> ${l}`).join("\n");
}
function lanePrompt(p) {
  const t = p.task;
  const lines = [
    `Lanes task: ${t.id}`,
    `Lane: ${p.lane}`,
    "",
    `You are a lane worker started by \`lanes run\`. Work only on task ${t.id}, only inside the lane above (a git worktree on branch ${p.branch}; it lands on ${p.target}).`,
    "",
    `Task: ${t.title}`
  ];
  if (t.description?.trim()) lines.push("", "Description (from the plan):", quote(t.description));
  const hooks = p.hooks !== false;
  if (hooks)
    lines.push(
      "",
      t.files.length ? `File scope (already claimed for you): ${t.files.join(", ")}` : "File scope: none declared; claim files with claim_files before editing them."
    );
  else
    lines.push(
      "",
      t.files.length ? `File scope (reserved for you; other lanes hold other files): ${t.files.join(", ")}` : "File scope: none declared; keep your changes to the files the task names."
    );
  if (t.depends_on.length) lines.push(`Already landed before you started: ${t.depends_on.join(", ")}.`);
  if (p.attempt > 1 || p.previous) {
    lines.push(
      "",
      p.attempt > 1 ? `This is attempt ${p.attempt}. The lane keeps the work of earlier attempts: look at \`git log\` and \`git status\` first.` : "An earlier run of this task was cut short. The lane keeps its work: look at `git log` and `git status` first."
    );
    if (p.previous) {
      const prev = p.previous.length > MAX_PREVIOUS ? `...${p.previous.slice(-MAX_PREVIOUS)}` : p.previous;
      lines.push("What happened last time:", quote(prev));
    }
  }
  if (!hooks) {
    lines.push(
      "",
      "Rules (other agents are working on other tasks of the same repository at the same time):",
      `- Edit files only inside this lane${t.files.length ? " and only within the file scope above" : ""}. If the task cannot be done without another file, do not edit it: say so in your final message.`,
      `- Do not push, merge, rebase, reset or switch branches, and do not edit .lanes/config.json: \`lanes run\` queues your lane when you exit, and the merge queue's gates (the project's checks) decide whether it lands on ${p.target}.`,
      "",
      "Steps:",
      "1. Do the task.",
      `2. Run the project's tests if it has any, then commit everything in the lane: git add -A && git commit -m "${t.id}: <what>"`,
      "3. Stop.",
      "",
      "The task counts as done only when you exit with the work committed and nothing left uncommitted in the lane."
    );
    return lines.join("\n");
  }
  lines.push(
    "",
    "Steps:",
    `1. start_session { topic: "${t.title.replace(/"/g, "'")}", type: "feature", task_id: "${t.id}" } (load the Lanes tools with ToolSearch first).`,
    "2. Do the task. Stay inside the file scope; claim_files before editing any other file, and leave a file alone if the claim is refused.",
    `3. Run the project's tests if it has any, then commit everything in the lane: git add -A && git commit -m "` + t.id + ': <what>"',
    '4. log_session { kind: "next_step" }, then end_session { status, summary }.',
    "5. Stop. Do not call queue_merge or process the merge queue: `lanes run` queues your lane and lands it when you exit.",
    "",
    "The task counts as done only when you exit with the work committed and nothing left uncommitted in the lane."
  );
  return speak(lines.join("\n"), "tools");
}

// src/core/run/report.ts
var round2 = (x) => Math.round(x * 100) / 100;
function unionMs(spans) {
  const iv = spans.map(([a, b]) => [Date.parse(a), Date.parse(b)]).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b) && b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end2 = -Infinity;
  for (const [a, b] of iv) {
    if (a >= end2) {
      total += b - a;
      end2 = b;
    } else if (b > end2) {
      total += b - end2;
      end2 = b;
    }
  }
  return Math.round(total);
}
function buildReport(run, plan, tasks, opts) {
  const table2 = opts.prices ?? priceTable(void 0);
  const ms = /* @__PURE__ */ new Map();
  const rows = plan.tasks.map((t) => {
    const rt = own(run.tasks, t.id);
    const st = own(tasks, t.id);
    const row = {
      id: t.id,
      title: t.title,
      // A task this run never got to start that is done (by another run or machine) is not "not run".
      state: rt && !(rt.state === "pending" && st?.status === "done") ? rt.state : st?.status === "done" ? "done-before" : "pending",
      attempts: rt ? countedAttempts(rt) : 0,
      duration_ms: rt ? taskMs(rt) : 0,
      agent_ms: rt ? agentMs(rt) : 0,
      merge: mergeText(rt, st?.status === "done")
    };
    if (rt?.branch) row.branch = rt.branch;
    if (rt?.path && fs4.existsSync(rt.path)) row.path = rt.path;
    const landed2 = rt?.merge?.landed_as ?? (row.state === "done-before" ? st?.landed_as : void 0);
    if (landed2) row.landed_as = landed2;
    const reason = rt?.reason ?? (row.state === "pending" ? opts.notRunReason?.(t.id) : void 0);
    if (reason && row.state !== "landed") row.reason = reason;
    const usage = rt ? sumUsage(
      rt.attempts.map((a) => a.usage),
      table2
    ) : void 0;
    if (usage) row.usage = usage;
    ms.set(t.id, row.duration_ms);
    return row;
  });
  const upTo = /* @__PURE__ */ new Map();
  const pred = /* @__PURE__ */ new Map();
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));
  for (const id of plan.waves.flat()) {
    let best = 0;
    for (const d of byId.get(id)?.depends_on ?? []) {
      if ((upTo.get(d) ?? 0) > best) {
        best = upTo.get(d) ?? 0;
        pred.set(id, d);
      }
    }
    upTo.set(id, best + (ms.get(id) ?? 0));
  }
  let end2;
  for (const [id, v] of upTo) if (end2 === void 0 || v > upTo.get(end2)) end2 = id;
  const cp = [];
  for (let id = end2; id !== void 0; id = pred.get(id)) cp.unshift(id);
  const cpMs = end2 ? upTo.get(end2) : 0;
  const sum = [...ms.values()].reduce((s, x) => s + x, 0);
  const tasksRun = Object.values(run.tasks);
  const spans = tasksRun.flatMap((t) => t.merge?.spans ?? []);
  const entriesWork = spans.length ? unionMs(spans) : tasksRun.reduce((s, t) => s + (t.merge?.ms ?? 0), 0);
  const mergeWork = Math.max(entriesWork, run.merge_busy_ms ?? 0);
  const laneWork = Object.values(run.tasks).reduce((s, t) => s + laneMs(t), 0);
  const wall = wallMs(run, opts.now);
  const lb = Math.max(cpMs, laneWork / run.parallelism, mergeWork);
  const counts = {
    landed: rows.filter((r2) => r2.state === "landed").length,
    blocked: rows.filter((r2) => r2.state === "blocked").length,
    not_run: rows.filter((r2) => r2.state === "pending").length,
    done_before: rows.filter((r2) => r2.state === "done-before").length,
    total: rows.length
  };
  const report = {
    run_id: run.id,
    status: run.status,
    agent: run.agent.name,
    parallelism: run.parallelism,
    target: opts.target,
    tasks: rows,
    counts,
    wall_ms: wall,
    sum_task_ms: sum,
    speedup: wall > 0 ? round2(sum / wall) : 0,
    critical_path: cp,
    critical_path_ms: cpMs,
    lane_work_ms: laneWork,
    merge_work_ms: mergeWork,
    lower_bound_ms: Math.round(lb),
    makespan_ratio: lb > 0 ? round2(wall / lb) : 0,
    plan: {
      sequential_hours: plan.sequential_hours,
      parallel_hours: plan.parallel_hours,
      lower_bound_hours: plan.lower_bound_hours,
      speedup: plan.speedup
    }
  };
  if (run.interrupted && run.status === "interrupted") report.interrupted = run.interrupted;
  const total = sumUsage(
    rows.map((r2) => r2.usage),
    table2
  );
  if (total) report.usage = total;
  if (run.pauses?.length) report.pauses = run.pauses;
  if (opts.logsDir) report.logs_dir = opts.logsDir;
  return report;
}
function mergeText(rt, doneBefore) {
  if (!rt) return doneBefore ? "landed before this run" : "not run";
  const m = rt.merge;
  if (m?.result === "landed")
    return `landed as ${m.landed_as?.slice(0, 12) ?? "?"}${m.gates_ms !== void 0 ? ` (gates ${secs(m.gates_ms)})` : ""}`;
  if (m?.result === "failed") return `failed: ${firstLine3(m.error ?? "see merge_status")}`;
  if (m?.result === "cancelled") return "cancelled";
  if (rt.state === "queued") return "queued";
  return "not queued";
}
function secs(ms) {
  return ms >= 6e4 ? `${Math.floor(ms / 6e4)}m${String(Math.round(ms % 6e4 / 1e3)).padStart(2, "0")}s` : `${(ms / 1e3).toFixed(1)}s`;
}
function firstLine3(s) {
  const l = s.split("\n")[0] ?? "";
  return l.length > 120 ? `${l.slice(0, 117)}...` : l;
}
function reportPath(stateDir, runId) {
  return path3.join(stateDir, "reports", `${runId}.md`);
}
function logsDir2(stateDir, runId) {
  return path3.join(stateDir, "runs", runId);
}
function writeReport(file, r2) {
  fs4.mkdirSync(path3.dirname(file), { recursive: true, mode: 448 });
  writeFileAtomic(file, renderMarkdown(r2), 384);
}
function costCell(u) {
  if (!u) return "-";
  return u.cost_usd !== void 0 ? `~${dollars(u.cost_usd)}` : `${u.input_tokens + u.output_tokens} tokens`;
}
function cell(s) {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
function renderMarkdown(r2) {
  const lines = [
    `# Lanes run ${r2.run_id}`,
    "",
    `- status: **${r2.status}**${r2.interrupted ? ` (interrupted by ${r2.interrupted.by} at ${r2.interrupted.at}; was working on ${r2.interrupted.tasks.join(", ") || "nothing"}; run \`lanes run\` to resume)` : ""}`,
    `- agent: ${r2.agent}; parallelism ${r2.parallelism}; target \`${r2.target}\``,
    `- tasks: ${r2.counts.landed} landed, ${r2.counts.blocked} blocked, ${r2.counts.not_run} not run${r2.counts.done_before ? `, ${r2.counts.done_before} done before this run` : ""}, of ${r2.counts.total}`,
    `- wall time ${secs(r2.wall_ms)}; sum of task times ${secs(r2.sum_task_ms)}; speedup ${r2.speedup}x`,
    `- makespan ${secs(r2.wall_ms)} vs lower bound ${secs(r2.lower_bound_ms)} (the largest of: critical path ${secs(r2.critical_path_ms)}; lane work ${secs(r2.lane_work_ms)} / ${r2.parallelism}; merge queue work ${secs(r2.merge_work_ms)}): ${r2.makespan_ratio}x`,
    `- critical path: ${r2.critical_path.join(" \u2192 ") || "-"}`,
    ...r2.usage ? [`- tokens and estimated cost: ${usageText(r2.usage)} (estimates from the price table)`] : [],
    ...r2.pauses?.length ? [`- paused on usage or rate limits ${r2.pauses.length}x: ${r2.pauses.map((p) => `${cell(p.reason)} until ${p.until}`).join("; ")}`] : [],
    `- the plan predicted: ${r2.plan.sequential_hours} h sequential, ${r2.plan.parallel_hours} h parallel (lower bound ${r2.plan.lower_bound_hours} h), speedup ${r2.plan.speedup}x`,
    "",
    "| task | state | lane | attempts | duration | cost | merge |",
    "|---|---|---|---|---|---|---|",
    ...r2.tasks.map(
      (t) => `| ${t.id} | ${t.state}${t.reason ? `: ${cell(firstLine3(t.reason))}` : ""} | ${t.branch ? `\`${t.branch}\`` : "-"} | ${t.attempts} | ${secs(t.duration_ms)} | ${costCell(t.usage)} | ${cell(t.merge)} |`
    ),
    ""
  ];
  if (r2.logs_dir) lines.push(`Agent output: \`${r2.logs_dir}/<task>.log\``, "");
  return lines.map(safeText).join("\n");
}

// src/core/run/spawn.ts
function spawnAgent(argv, opts) {
  const t0 = performance.now();
  const [file, ...args] = argv;
  let log2;
  if (opts.logFile) {
    fs5.mkdirSync(path4.dirname(opts.logFile), { recursive: true, mode: 448 });
    log2 = fs5.createWriteStream(opts.logFile, { flags: "a", mode: 384 });
  }
  const ms = () => Math.round(performance.now() - t0);
  if (!file) {
    log2?.end();
    const r2 = { exitCode: null, signal: null, ms: 0, error: "empty command" };
    return { pid: void 0, done: Promise.resolve(r2), stop: async () => r2 };
  }
  const child = spawnGroup(file, args, { cwd: opts.cwd, env: childEnv(opts), kind: "agent" });
  const pid = child.pid;
  const splitter = (stream) => {
    let buf = "";
    return {
      data(chunk) {
        log2?.write(chunk);
        if (!opts.onLine) return;
        buf += chunk.toString("utf8");
        let i;
        while ((i = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, i).replace(/\r$/, "");
          buf = buf.slice(i + 1);
          if (line.trim()) opts.onLine(line, stream);
        }
        if (buf.length > 1 << 20) buf = buf.slice(-(1 << 16));
      },
      flush() {
        if (buf.trim() && opts.onLine) opts.onLine(buf, stream);
        buf = "";
      }
    };
  };
  const out = splitter("stdout");
  const err = splitter("stderr");
  child.stdout?.on("data", (b) => out.data(b));
  child.stderr?.on("data", (b) => err.data(b));
  const done = new Promise((resolve) => {
    let settled = false;
    const finish = (r2) => {
      if (settled) return;
      settled = true;
      if (pid !== void 0) releaseGroup(pid);
      setTimeout(() => {
        out.flush();
        err.flush();
        child.stdout?.destroy();
        child.stderr?.destroy();
        if (r2.error) log2?.write(`
lanes: could not run ${file}: ${r2.error}
`);
        log2?.end();
        resolve(r2);
      }, 50);
    };
    child.once("exit", (code, signal) => finish({ exitCode: code, signal, ms: ms() }));
    child.once("error", (e) => finish({ exitCode: null, signal: null, ms: ms(), error: e.message }));
  });
  const stop = async (graceMs = 3e3) => {
    if (pid === void 0) return done;
    return stopGroup(pid, done, graceMs);
  };
  return { pid, done, stop };
}
function childEnv(opts) {
  const env = { ...process.env };
  for (const k of opts.dropEnv ?? []) delete env[k];
  return { ...env, ...opts.env };
}
function killLeftoverAgents(runId) {
  return killGroupsMarked(`LANES_RUN_ID=${runId}`);
}

// src/core/run/attempt.ts
var OUTER_SESSION_ENV = [
  "CLAUDECODE",
  "CLAUDE_CODE_ENTRYPOINT",
  "CLAUDE_SESSION_ID",
  "CLAUDE_PROJECT_DIR",
  "CLAUDE_PLUGIN_ROOT",
  "CLAUDE_PLUGIN_DATA"
];
async function launch(ctx, rt) {
  const def = ctx.taskDef(rt.id);
  if (!rt.path || !fs6.existsSync(rt.path)) {
    await block(ctx, rt, `its lane ${rt.path ?? ""} is gone`);
    return;
  }
  const { run, project, opts } = ctx;
  const attempt = { n: rt.attempts.length + 1, started_at: nowIso() };
  const counted = countedAttempts(rt) + 1;
  const prompt = lanePrompt({
    task: def,
    lane: rt.path,
    branch: rt.branch ?? `lanes/${rt.id}`,
    target: ctx.cfg.target,
    attempt: counted,
    ...rt.reason ? { previous: rt.reason } : {},
    ...opts.agent.hooks === false ? { hooks: false } : {}
  });
  const argv = expandArgv(run.agent.argv, {
    task_id: def.id,
    title: def.title,
    description: def.description ?? "",
    worktree: rt.path,
    prompt
  });
  const logFile = `${logsDir2(project.repo.stateDir, run.id)}/${rt.id}.log`;
  fs6.mkdirSync(logsDir2(project.repo.stateDir, run.id), { recursive: true, mode: 448 });
  fs6.appendFileSync(
    logFile,
    `
=== lanes run ${run.id}: ${rt.id}, attempt ${counted} at ${attempt.started_at}
=== ${run.agent.argv.join(" ")}
`,
    { mode: 384 }
  );
  rt.state = "running";
  rt.attempts.push(attempt);
  const output = ctx.pauses.output();
  const proc = spawnAgent(argv, {
    cwd: rt.path,
    env: {
      ...opts.agent.env,
      LANES_TASK_ID: rt.id,
      LANES_RUN_ID: run.id,
      // The agent acts as the run (its MCP server and CLI calls): the owner of its task and lane.
      LANES_OWNER: run.owner,
      LANES_WORKTREE: rt.path,
      LANES_MAIN_ROOT: project.repo.mainRoot,
      LANES_ATTEMPT: String(counted)
    },
    logFile,
    dropEnv: OUTER_SESSION_ENV,
    onLine: (line, stream) => {
      output.line(line, stream);
      const text = activityOf(line);
      if (text) ctx.emit({ type: "agent.activity", task: rt.id, text });
    }
  });
  ctx.agents.set(rt.id, proc);
  if (proc.pid !== void 0) attempt.pgid = proc.pid;
  ctx.emit({ type: "agent.started", task: rt.id, attempt: counted, ...proc.pid !== void 0 ? { pid: proc.pid } : {}, log: logFile });
  void ctx.save(true);
  let timedOut = false;
  const limit = opts.agentTimeoutMs;
  const timer = limit ? setTimeout(() => (timedOut = true, void proc.stop(ctx.killGraceMs)), limit) : void 0;
  const exit = await proc.done;
  if (timer) clearTimeout(timer);
  if (timedOut && !ctx.ended.has(rt.id)) exit.error = `timed out after ${Math.round(limit / 1e3)} s (its process group was ended)`;
  await agentExited(ctx, rt, attempt, counted, exit, output);
}

// src/core/run/lane-start.ts
var START_TRIES = 3;
async function startTask(ctx, task) {
  const rt = ctx.runTask(task.id);
  rt.state = "starting";
  delete rt.reason;
  ctx.emit({ type: "task.starting", task: task.id });
  ctx.save();
  const t0 = performance.now();
  try {
    const adopted = await adoptLane(ctx, task.id);
    const lane = adopted ?? await startLane(ctx.project, { task_id: task.id, owner: ctx.run.owner });
    rt.start_ms = (rt.start_ms ?? 0) + Math.round(performance.now() - t0);
    rt.branch = lane.branch;
    rt.path = lane.path;
    rt.started_at ??= nowIso();
    ctx.startFailures.delete(task.id);
    ctx.emit({ type: "task.started", task: task.id, branch: lane.branch, path: lane.path, ms: rt.start_ms });
  } catch (e) {
    ctx.starting.delete(task.id);
    await startFailed(ctx, rt, e);
    return;
  }
  ctx.starting.delete(task.id);
  if (ctx.stopping) {
    rt.state = "interrupted";
    ctx.save();
    return;
  }
  await launch(ctx, rt);
}
async function adoptLane(ctx, id) {
  const doc = (await ctx.project.store.read(LANES_DOC)).data;
  const rec = Object.hasOwn(doc, id) ? doc[id] : void 0;
  if (!rec || !rec.owner.startsWith("run:") || rec.owner === ctx.run.owner || rec.state !== "ready" || !fs7.existsSync(rec.path))
    return void 0;
  const r2 = await takeTask(ctx.project, { task_id: id, owner: ctx.run.owner, pid: process.pid });
  ctx.emit({ type: "run.warning", text: `${id}: continuing in the lane ${rec.owner} left (${r2.because})` });
  return { branch: rec.branch, path: rec.path };
}
async function adoptOrphans(ctx) {
  const { store } = ctx.project;
  const [owners, lanesDoc, queue] = await Promise.all([readOwners(store), store.read(LANES_DOC), store.read(MERGE_DOC)]);
  for (const t of ctx.plan.tasks) {
    const st = Object.hasOwn(ctx.tasks, t.id) ? ctx.tasks[t.id] : void 0;
    if (st?.status !== "in_progress" || !st.owner?.startsWith("run:") || st.owner === ctx.run.owner || ctx.run.tasks[t.id]) continue;
    const lane = Object.hasOwn(lanesDoc.data, t.id) ? lanesDoc.data[t.id] : void 0;
    const entry = activeEntry(queue.data, t.id);
    if (entry) {
      await adoptQueued(ctx, t.id, st.owner, entry, owners, lane);
      continue;
    }
    if (!lane) {
      await adoptFromAnotherMachine(ctx, t.id, st.owner, owners);
      continue;
    }
    if (lane.owner !== st.owner || lane.state !== "ready" || ownerLiveness(owners, st.owner).live) continue;
    try {
      const r2 = await takeTask(ctx.project, { task_id: t.id, owner: ctx.run.owner, pid: process.pid });
      ctx.run.tasks[t.id] = {
        id: t.id,
        state: "interrupted",
        attempts: [],
        path: lane.path,
        branch: lane.branch,
        reason: INTERRUPTED_NOTE
      };
      ctx.emit({ type: "run.warning", text: `${t.id}: continuing in the lane ${st.owner} left (${r2.because})` });
    } catch (e) {
      ctx.emit({ type: "run.warning", text: `could not continue ${t.id} from ${st.owner}: ${firstLine2(errorMessage(e))}` });
    }
  }
  ctx.save();
}
async function startFailed(ctx, rt, e) {
  const msg = errorMessage(e);
  if (isLanesError(e, "CONFLICT") && ctx.project.store.shared) await ctx.project.store.refresh().catch(() => void 0);
  const st = (await readPlan(ctx.project.store)).tasks[rt.id];
  if (isLanesError(e, "CONFLICT") && st?.status === "in_progress" && st.owner !== ctx.run.owner) {
    ctx.foreign.add(rt.id);
    delete ctx.run.tasks[rt.id];
    ctx.emit({ type: "run.warning", text: `${rt.id} was started by ${st.owner} meanwhile; leaving it to them` });
    ctx.save();
    return;
  }
  const f = ctx.startFailures.get(rt.id) ?? { n: 0, until: 0 };
  if (isLanesError(e, "OFFLINE")) {
    f.until = Date.now() + 3e3;
    ctx.startFailures.set(rt.id, f);
    rt.state = "pending";
    rt.reason = `waiting for the remote: ${firstLine2(msg)}`;
    ctx.emit({ type: "run.warning", text: `${rt.id} waits for the remote to answer` });
    ctx.save();
    return;
  }
  f.n++;
  f.until = Date.now() + 1e3 * 2 ** f.n;
  ctx.startFailures.set(rt.id, f);
  rt.state = "pending";
  rt.reason = `could not start: ${msg}`;
  if (f.n >= START_TRIES) {
    await block(ctx, rt, `could not start after ${f.n} tries: ${msg}`);
    return;
  }
  ctx.emit({ type: "run.warning", text: `${rt.id} could not start (try ${f.n} of ${START_TRIES}): ${firstLine2(msg)}` });
  ctx.save();
}
function adoptionFailed(ctx, id, from, e) {
  if (isLanesError(e, "OFFLINE")) return;
  ctx.emit({ type: "run.warning", text: `could not take ${id} over from ${from}: ${firstLine2(errorMessage(e))}` });
}
async function adoptQueued(ctx, id, from, entry, owners, lane) {
  if (entry.state === "held" || ownerLiveness(owners, from).live) return;
  try {
    const r2 = await takeTask(ctx.project, { task_id: id, owner: ctx.run.owner, pid: process.pid });
    ctx.run.tasks[id] = {
      id,
      state: "queued",
      attempts: [],
      ...lane ? { path: lane.path, branch: lane.branch } : {},
      merge: { entry: entry.id, queued_at: entry.queued_at }
    };
    ctx.emit({ type: "run.warning", text: `${id}: taken over from ${from} (${r2.because}) with its work queued (${entry.id}); landing it` });
    ctx.save();
    ctx.merges.kick();
  } catch (e) {
    adoptionFailed(ctx, id, from, e);
  }
}
async function adoptFromAnotherMachine(ctx, id, from, owners) {
  if (!ctx.project.store.shared || ownerLiveness(owners, from).live) return;
  try {
    const r2 = await takeTask(ctx.project, { task_id: id, owner: ctx.run.owner, pid: process.pid });
    const lane = await startLane(ctx.project, { task_id: id, owner: ctx.run.owner });
    ctx.run.tasks[id] = { id, state: "interrupted", attempts: [], path: lane.path, branch: lane.branch, reason: INTERRUPTED_NOTE };
    ctx.emit({ type: "run.warning", text: `${id}: taken over from ${from} (${r2.because}), continuing from the work it pushed` });
    ctx.save();
  } catch (e) {
    adoptionFailed(ctx, id, from, e);
  }
}

// src/core/run/resume.ts
async function beginRun(project, input) {
  const me = { pid: process.pid, host: hostName(), started_at: nowIso() };
  const lanesDoc = (await project.store.read(LANES_DOC)).data;
  const fresh = input.parallelism ?? await input.defaultParallelism();
  const laneOf = (task, owner) => {
    const lane = lanesDoc[task];
    return lane && lane.owner === owner && lane.state === "ready" && fs8.existsSync(lane.path) ? lane : void 0;
  };
  const out = await project.store.transact(async (tx) => {
    const doc = tx.get(RUNS_DOC);
    const prev = doc.current ? findRun(doc, doc.current) : void 0;
    if (prev && prev.status !== "finished") {
      const seg = prev.segments[prev.segments.length - 1];
      if (prev.status === "running" && seg && !seg.ended_at && seg.host === me.host && pidAlive(seg.pid) && seg.pid !== process.pid) {
        throw new LanesError("BUSY", `Run ${prev.id} is in progress (pid ${seg.pid} since ${seg.started_at}).`, {
          hint: "Watch it with `lanes status`, or stop it with Ctrl-C (or kill -INT that pid); `lanes run` then resumes it."
        });
      }
      if (seg && !seg.ended_at) {
        seg.ended_at = nowIso();
        seg.ended_by = "crash";
      }
      for (const rt of Object.values(prev.tasks)) {
        for (const a of rt.attempts) {
          if (a.ended_at) continue;
          a.ended_at = seg?.ended_at ?? nowIso();
          a.outcome = "interrupted";
          a.reason = "lanes run stopped";
          delete a.pgid;
        }
        if (rt.state === "running" || rt.state === "starting") {
          const lane = laneOf(rt.id, prev.owner);
          if (lane) {
            rt.state = "interrupted";
            rt.reason = INTERRUPTED_NOTE;
            rt.path = lane.path;
            rt.branch = lane.branch;
          } else rt.state = "pending";
        }
      }
      prev.status = "running";
      prev.agent = { name: input.agent.name, argv: input.agent.argv };
      if (input.parallelism !== void 0) prev.parallelism = input.parallelism;
      prev.retries = input.retries;
      prev.segments.push(me);
      prev.updated_at = nowIso();
      return { run: nullProtoDeep(structuredClone(prev)), resumed: true };
    }
    const id = newRunId();
    const run2 = {
      id,
      owner: runOwner(id),
      status: "running",
      created_at: me.started_at,
      updated_at: me.started_at,
      parallelism: fresh,
      agent: { name: input.agent.name, argv: input.agent.argv },
      retries: input.retries,
      ...input.source ? { source: input.source } : {},
      segments: [me],
      tasks: {}
    };
    doc.runs.push(run2);
    doc.current = id;
    trimRuns(doc);
    return { run: nullProtoDeep(structuredClone(run2)), resumed: false };
  });
  if (out.resumed) killLeftoverAgents(out.run.id);
  const run = out.run;
  for (const [id, st] of Object.entries(input.tasks)) {
    if (st.status !== "in_progress" || st.owner !== run.owner || run.tasks[id]) continue;
    const lane = laneOf(id, run.owner);
    if (lane) run.tasks[id] = { id, state: "interrupted", attempts: [], path: lane.path, branch: lane.branch, reason: INTERRUPTED_NOTE };
  }
  return out;
}

// src/core/run/settle.ts
async function refresh(ctx, poll = true) {
  const [{ plan, tasks }, q] = await Promise.all([readPlan(ctx.project.store), ctx.project.store.read(MERGE_DOC)]);
  if (plan) ctx.plan = plan;
  ctx.tasks = tasks;
  ctx.queue = queueOf(q.data);
  let waiting = false;
  for (const rt of ctx.tasksIn("queued")) {
    const st = tasks[rt.id];
    const e = entryOf(ctx, rt);
    if (st?.status === "done") landed(ctx, rt, e, st.landed_as);
    else if (e?.state === "failed") await sentBack(ctx, rt, `The merge queue sent it back: ${e.last_error ?? "it failed"}`, e);
    else if (e?.state === "cancelled") await block(ctx, rt, "its merge entry was cancelled");
    else if (e?.state === "held")
      await block(
        ctx,
        rt,
        `its merge is held for a human (${e.held_reason ?? "it changes the gates"}): \`lanes merge approve ${rt.id}\`, then \`lanes merge run\``
      );
    else if (!e) await sentBack(ctx, rt, "its merge entry disappeared from the queue");
    else waiting = true;
  }
  if (waiting && poll) ctx.merges.poll();
}
function entryOf(ctx, rt) {
  const id = rt.merge?.entry;
  return id && ctx.queue.entries.find((e) => e.id === id) || [...ctx.queue.entries].reverse().find((e) => e.task === rt.id && e.kind === "land");
}

// src/core/run/lifecycle.ts
async function begin(ctx) {
  const { opts, cfg } = ctx;
  const out = await beginRun(ctx.project, {
    agent: opts.agent,
    ...opts.parallelism !== void 0 ? { parallelism: opts.parallelism } : {},
    defaultParallelism: () => machineParallelism(ctx),
    retries: opts.retries ?? cfg.agent.retries,
    ...ctx.plan.source ? { source: ctx.plan.source } : {},
    tasks: ctx.tasks
  });
  ctx.run = out.run;
  ctx.pauses = new RunPauses(ctx.run, cfg, opts.agent.preset, (e) => ctx.emit(e));
  ctx.mergeBusyBase = ctx.run.merge_busy_ms ?? 0;
  ctx.parallelism = Math.max(1, ctx.run.parallelism);
  return out.resumed;
}
async function machineParallelism(ctx) {
  const width = Math.max(1, ...ctx.plan.waves.map((w) => w.length));
  const res = await readResources(ctx.project.repo.mainRoot, { siTimeoutMs: 0 });
  return recommendParallelism(res, ctx.cfg, { width }).parallelism;
}
async function heartbeat(ctx) {
  await touchOwner(ctx.project.store, { owner: ctx.run.owner, pid: process.pid, ttl_seconds: ctx.cfg.claims.default_ttl_seconds });
}
async function shutdown(ctx) {
  const mid = [.../* @__PURE__ */ new Set([...ctx.agents.keys(), ...ctx.starting])];
  for (const id of ctx.agents.keys()) ctx.ended.add(id);
  await Promise.all([...ctx.agents.values()].map((p) => p.stop(ctx.killGraceMs)));
  while (ctx.jobs.size) await Promise.allSettled([...ctx.jobs]);
  for (const id of ctx.agents.keys()) ctx.ended.add(id);
  await Promise.all([...ctx.agents.values()].map((p) => p.stop(ctx.killGraceMs)));
  while (ctx.jobs.size) await Promise.allSettled([...ctx.jobs]);
  if (!await ctx.merges.settle(200)) {
    ctx.emit({ type: "run.warning", text: "waiting for the merge queue to finish the entries in flight (Ctrl-C again to stop now)" });
    await ctx.merges.settle();
  }
  ctx.run.status = "interrupted";
  ctx.run.interrupted = { at: nowIso(), by: ctx.stopBy, tasks: mid };
}
async function end(ctx) {
  const { run, project } = ctx;
  run.merge_busy_ms = ctx.mergeBusyBase + ctx.merges.busyMs;
  const seg = run.segments[run.segments.length - 1];
  if (seg) {
    seg.ended_at = nowIso();
    seg.ended_by = ctx.stopping ? ctx.stopBy : "finished";
  }
  if (!ctx.stopping) {
    run.status = "finished";
    delete run.interrupted;
    delete run.paused;
  }
  await refresh(ctx, false);
  const tasks = ctx.tasks;
  const file = reportPath(project.repo.stateDir, run.id);
  run.report_file = file;
  const report = buildReport(run, ctx.plan, tasks, {
    target: ctx.cfg.target,
    logsDir: logsDir2(project.repo.stateDir, run.id),
    notRunReason: (id) => notRunReason(ctx, id),
    prices: ctx.pauses.prices
  });
  report.report_file = file;
  writeReport(file, report);
  await ctx.save(true);
  await releaseOwner(project.store, run.owner).catch(
    (e) => ctx.emit({ type: "run.warning", text: `could not end the run's lease: ${errorMessage(e)}` })
  );
  await project.store.appendEvent(ctx.stopping ? "run.interrupted" : "run.finished", {
    run: run.id,
    landed: report.counts.landed,
    blocked: report.counts.blocked,
    wall_ms: report.wall_ms,
    ...ctx.stopping ? { by: ctx.stopBy, tasks: run.interrupted?.tasks } : {}
  });
  ctx.emit({ type: "run.finished", report });
  return report;
}
function notRunReason(ctx, id) {
  const st = ctx.tasks[id];
  if (st?.status === "blocked") return `blocked: ${st.note ?? "no reason recorded"}`;
  if (st?.status === "failed") return `failed: ${st.note ?? ""}`;
  if (st?.status === "in_progress" && st.owner !== ctx.run.owner) return `in progress elsewhere (${st.owner ?? "unknown owner"})`;
  if (ctx.stopping) return "not started before the interruption";
  const def = ctx.plan.tasks.find((t) => t.id === id);
  const blockedDeps = (def?.depends_on ?? []).filter((d) => ctx.tasks[d]?.status !== "done");
  if (blockedDeps.length) return `waits for ${blockedDeps.join(", ")}`;
  return void 0;
}

// src/core/run/runner.ts
async function runPlan(project, opts) {
  return new Runner(project, opts, await project.config()).execute();
}
var Runner = class {
  ctx;
  waitingReason;
  lastRenew = Date.now();
  /** What the last renewal could not renew: told once until it goes through again. */
  renewFailing = /* @__PURE__ */ new Set();
  pollMs;
  constructor(project, opts, cfg) {
    this.pollMs = opts.pollMs ?? 500;
    this.ctx = new RunContext(project, opts, cfg, mergeError);
  }
  async execute() {
    const ctx = this.ctx;
    const { plan, tasks } = await readPlan(ctx.project.store);
    ctx.plan = requirePlan(plan);
    ctx.tasks = tasks;
    const resumed = await begin(ctx);
    await heartbeat(ctx);
    await adoptOrphans(ctx);
    const signal = ctx.opts.signal;
    const onAbort = () => this.stop(String(signal?.reason ?? "signal"));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
    ctx.emit({
      type: "run.started",
      run_id: ctx.run.id,
      resumed,
      parallelism: ctx.parallelism,
      agent: ctx.run.agent.name,
      tasks: ctx.plan.tasks.length,
      target: ctx.cfg.target
    });
    await ctx.project.store.appendEvent("run.started", {
      run: ctx.run.id,
      resumed,
      parallelism: ctx.parallelism,
      agent: ctx.run.agent.name
    });
    let failure;
    try {
      for (; ; ) {
        if (ctx.stopping) break;
        const woke = new Promise((res) => ctx.wake = res);
        await refresh(ctx);
        await this.adoptAcrossMachines();
        const wants = await this.admit();
        if (!wants && this.quiet()) break;
        await this.renewClaims();
        await Promise.race([woke, sleep2(this.pollMs)]);
      }
    } catch (e) {
      failure = e;
      this.stop(`error: ${firstLine2(errorMessage(e))}`);
    } finally {
      signal?.removeEventListener("abort", onAbort);
      if (ctx.stopping) await shutdown(ctx);
    }
    if (failure !== void 0) {
      await end(ctx).catch(() => void 0);
      throw failure;
    }
    return end(ctx);
  }
  lastAdopt = Date.now();
  /** Across machines, a machine may die mid-run: look for its tasks every few seconds. */
  async adoptAcrossMachines() {
    if (!this.ctx.project.store.shared || Date.now() - this.lastAdopt < 2e3 || this.ctx.stopping) return;
    this.lastAdopt = Date.now();
    await adoptOrphans(this.ctx);
  }
  /** Nothing in flight: no agent, no start, no merge work of ours. */
  quiet() {
    const ctx = this.ctx;
    const mine = ctx.agents.size === 0 && ctx.starting.size === 0 && ctx.jobs.size === 0 && !ctx.merges.busy && !ctx.tasksIn("queued").length;
    return mine && !this.othersAtWork();
  }
  /**
   * Across machines (shared state on a remote), a task of the plan that another machine is working
   * on may land and make dependents startable, or be given up and be ours to take: the run waits
   * for it instead of ending with it "not run".
   */
  othersAtWork() {
    const ctx = this.ctx;
    if (!ctx.project.store.shared) return false;
    return ctx.plan.tasks.some((t) => {
      const st = ctx.tasks[t.id];
      const mine = ctx.run.tasks[t.id];
      return st?.status === "in_progress" && st.owner !== ctx.run.owner && (!mine || mine.state === "pending");
    });
  }
  stop(by) {
    const ctx = this.ctx;
    if (ctx.stopping) return;
    ctx.stopping = true;
    ctx.stopBy = by;
    ctx.emit({ type: "run.stopping", by, agents: [...ctx.agents.keys()] });
    ctx.wake();
  }
  /** Starts what can start. Returns whether anything is waiting to start (now or later). */
  async admit() {
    const ctx = this.ctx;
    const now = Date.now();
    const free = ctx.parallelism - ctx.agents.size - ctx.starting.size;
    const slots = ctx.stopping ? free : ctx.pauses.allowed(free);
    const choice = chooseAdmissions({
      plan: ctx.plan,
      tasks: ctx.tasks,
      runTasks: ctx.run.tasks,
      owner: ctx.run.owner,
      starting: ctx.starting,
      withAgent: new Set(ctx.agents.keys()),
      skip: (id) => ctx.foreign.has(id) || ctx.run.tasks[id]?.state === "blocked" || (ctx.startFailures.get(id)?.until ?? 0) > now,
      slots
    });
    const backingOff = [...ctx.startFailures.values()].some((f) => f.until > now && f.n < START_TRIES);
    const wants = choice.waiting || backingOff;
    if (slots <= 0 || ctx.stopping || !choice.again.length && !choice.fresh.length) return wants;
    const reason = await (ctx.opts.admission ?? (() => resourceFloors(ctx.project.repo.mainRoot, ctx.cfg)))();
    if (reason) {
      if (reason !== this.waitingReason) ctx.emit({ type: "resources.waiting", reason });
      this.waitingReason = reason;
      return true;
    }
    if (this.waitingReason) ctx.emit({ type: "resources.ok" });
    this.waitingReason = void 0;
    for (const rt of choice.again) {
      ctx.pauses.started();
      ctx.track(launch(ctx, rt));
    }
    for (const t of choice.fresh) {
      ctx.pauses.started();
      ctx.starting.add(t.id);
      ctx.track(startTask(ctx, t));
    }
    return true;
  }
  /**
   * Heartbeat for the run's lease and the scope claims of lanes in flight, three times a lease
   * (their leases would expire mid-task; across machines another run would take the tasks over).
   * Each renewal writes only when a lease is past half its length. A failure is told once until
   * a renewal goes through again (the remote may be away for a while).
   */
  async renewClaims() {
    const ctx = this.ctx;
    const every = ctx.cfg.claims.default_ttl_seconds * 1e3 / 3;
    if (Date.now() - this.lastRenew < every) return;
    this.lastRenew = Date.now();
    const failed = /* @__PURE__ */ new Set();
    const warn = (what, e) => {
      failed.add(what);
      if (!this.renewFailing.has(what)) ctx.emit({ type: "run.warning", text: `could not renew ${what}: ${errorMessage(e)}` });
    };
    try {
      await heartbeat(ctx);
    } catch (e) {
      warn("the run's lease", e);
    }
    for (const rt of ctx.tasksIn("running", "retry", "queued", "interrupted")) {
      try {
        await renewClaims(ctx.project.store, taskOwner(rt.id));
      } catch (e) {
        warn(`the claims of ${rt.id}`, e);
      }
    }
    this.renewFailing = failed;
  }
};
function sleep2(ms) {
  return new Promise((r2) => setTimeout(r2, ms));
}

// src/render/run/lines.ts
function lineFor(e) {
  const line = rawLine(e);
  return line === void 0 ? void 0 : safeText(line);
}
function rawLine(e) {
  switch (e.type) {
    case "run.started":
      return `${e.resumed ? "resuming" : "starting"} run ${e.run_id}: ${e.tasks} tasks, ${e.parallelism} at a time, agent ${e.agent}, landing on ${e.target}`;
    case "task.starting":
      return `${e.task}: starting a lane`;
    case "task.started":
      return `${e.task}: lane ${e.branch} ready (${secs(e.ms)})`;
    case "agent.started":
      return `${e.task}: agent started (attempt ${e.attempt}${e.pid ? `, pid ${e.pid}` : ""})`;
    case "agent.activity":
      return `${e.task}: ${e.text}`;
    case "agent.exited":
      return `${e.task}: agent ${e.outcome === "finished" ? "finished" : e.outcome === "limited" ? "stopped on a limit (not counted)" : `did not finish (${e.outcome})`} after ${secs(e.ms)}${e.reason ? `: ${safeText(e.reason)}` : ""}${e.usage?.cost_usd !== void 0 ? ` \xB7 ${costCell(e.usage)}` : ""}`;
    case "task.queued":
      return `${e.task}: queued for merge (${e.entry})${e.conflicts.length ? `; likely conflicts with ${e.conflicts.join(", ")}` : ""}`;
    case "merge.progress":
      return `merge: ${e.text}`;
    case "task.landed":
      return `${e.task}: landed as ${e.commit.slice(0, 12)}`;
    case "task.merge_failed":
      return `${e.task}: merge failed: ${firstLine(e.reason)}`;
    case "task.retry":
      return `${e.task}: retrying (attempt ${e.attempt}): ${firstLine(e.reason)}`;
    case "task.blocked":
      return `${e.task}: BLOCKED: ${firstLine(e.reason)}`;
    case "resources.waiting":
      return e.reason;
    case "resources.ok":
      return "resources are back above the floors";
    case "run.paused":
      return `${pauseText({ reason: e.reason, until: e.until }, Date.parse(e.at))}${e.task ? ` (${e.task}'s agent hit it; its lane is kept and the attempt not counted)` : ""}`;
    case "run.resumed":
      return `resumed after the ${e.reason}`;
    case "run.warning":
      return `warning: ${e.text}`;
    case "run.stopping":
      return `stopping (${e.by}): ending ${e.agents.length ? e.agents.join(", ") : "no agents"}; lanes and their work are kept`;
    case "run.finished":
      return `run ${e.report.run_id} ${e.report.status}`;
  }
}

// src/render/run/live.ts
var NOTABLE = /* @__PURE__ */ new Set([
  "run.started",
  "task.landed",
  "task.blocked",
  "task.retry",
  "task.merge_failed",
  "run.warning",
  "run.stopping",
  "resources.waiting",
  "resources.ok",
  "run.paused",
  "run.resumed"
]);
var LiveDisplay = class {
  constructor(out) {
    this.out = out;
    this.out.write("\x1B[?25l");
    this.timer = setInterval(() => this.draw(), 250);
    this.timer.unref();
  }
  out;
  rows = /* @__PURE__ */ new Map();
  queue = [];
  log = [];
  header = "lanes run";
  started = Date.now();
  total = 0;
  landed = 0;
  blocked = 0;
  retries = 0;
  merge = "";
  waiting = "";
  paused;
  height = 0;
  timer;
  dirty = false;
  color = !process.env.NO_COLOR;
  onEvent(e) {
    const now = Date.parse(e.at);
    const row = (task) => {
      let r2 = this.rows.get(task);
      if (!r2) this.rows.set(task, r2 = { state: "starting", attempt: 0, since: now, activity: "" });
      return r2;
    };
    const set = (task, state, activity) => {
      const r2 = row(task);
      if (r2.state !== state) r2.since = now;
      r2.state = state;
      if (activity !== void 0) r2.activity = activity;
    };
    switch (e.type) {
      case "run.started":
        this.header = `lanes run ${e.run_id}${e.resumed ? " (resumed)" : ""} \xB7 ${e.parallelism} at a time \xB7 agent ${e.agent} \u2192 ${e.target}`;
        this.total = e.tasks;
        this.started = now;
        break;
      case "task.starting":
        set(e.task, "starting", "creating the lane");
        break;
      case "task.started":
        row(e.task).activity = `lane ${e.branch}`;
        break;
      case "agent.started":
        set(e.task, "running", "agent started");
        row(e.task).attempt = e.attempt;
        break;
      case "agent.activity":
        row(e.task).activity = e.text;
        break;
      case "agent.exited":
        set(
          e.task,
          e.outcome === "finished" ? "finished" : e.outcome === "limited" ? "paused" : "retry",
          safeText(e.reason ?? "committed")
        );
        break;
      case "run.paused":
        this.paused = { reason: e.reason, until: e.until };
        break;
      case "run.resumed":
        this.paused = void 0;
        break;
      case "task.queued":
        set(e.task, "queued", `merge entry ${e.entry}`);
        this.queue.push(e.task);
        break;
      case "merge.progress":
        this.merge = e.text;
        break;
      case "task.landed":
        this.landed++;
        this.rows.delete(e.task);
        this.unqueue(e.task);
        break;
      case "task.merge_failed":
        this.unqueue(e.task);
        set(e.task, "retry", e.reason);
        break;
      case "task.retry":
        this.retries++;
        set(e.task, "retry", e.reason);
        break;
      case "task.blocked":
        this.blocked++;
        this.rows.delete(e.task);
        this.unqueue(e.task);
        break;
      case "resources.waiting":
        this.waiting = e.reason;
        break;
      case "resources.ok":
        this.waiting = "";
        break;
      case "run.stopping":
        this.waiting = `stopping (${e.by})...`;
        break;
      default:
        break;
    }
    if (NOTABLE.has(e.type)) {
      const line = lineFor(e);
      if (line) this.log.push(`${isoClock(e.at)} ${this.paint(e.type, line)}`);
    }
    this.dirty = true;
    if (e.type === "run.finished") this.close();
  }
  unqueue(task) {
    const i = this.queue.indexOf(task);
    if (i >= 0) this.queue.splice(i, 1);
  }
  paint(type, s) {
    if (!this.color) return s;
    const c = type === "task.landed" ? 32 : type === "task.blocked" ? 31 : type.startsWith("task.") || type === "run.warning" || type === "resources.waiting" ? 33 : 0;
    return c ? sgr2(c, s) : s;
  }
  frame() {
    const now = Date.now();
    const width = Math.max(40, (this.out.columns ?? 100) - 1);
    const fit = (raw) => {
      const s = safeText(raw);
      return s.length > width ? `${s.slice(0, width - 1)}\u2026` : s;
    };
    const idw = Math.min(28, Math.max(4, ...[...this.rows.keys()].map((k) => k.length)));
    const lines = [fit(`${this.header} \xB7 ${clockMs(now - this.started)}`)];
    const room = Math.max(3, (this.out.rows ?? 40) - 4);
    const shown = [...this.rows].slice(0, this.rows.size > room ? room - 1 : room);
    for (const [task, r2] of shown) {
      const att = r2.attempt > 1 ? `#${r2.attempt}` : "  ";
      lines.push(fit(`  ${task.padEnd(idw)} ${r2.state.padEnd(8)} ${att} ${clockMs(now - r2.since).padStart(5)}  ${r2.activity}`));
    }
    if (shown.length < this.rows.size) lines.push(`  ... ${this.rows.size - shown.length} more`);
    if (!this.rows.size) lines.push("  (no lanes running)");
    lines.push(fit(`queue: ${this.queue.length ? this.queue.join(", ") : "empty"}${this.merge ? ` \xB7 ${this.merge}` : ""}`));
    const togo = Math.max(0, this.total - this.landed - this.blocked);
    const pause = this.paused ? ` \xB7 ${pauseText(this.paused, now)}` : "";
    lines.push(
      fit(
        `landed ${this.landed} \xB7 blocked ${this.blocked} \xB7 retries ${this.retries} \xB7 ${togo} to go${pause}${this.waiting ? ` \xB7 ${this.waiting}` : ""}`
      )
    );
    return lines;
  }
  draw(force = false) {
    if (!this.dirty && !force && this.rows.size === 0) return;
    this.dirty = false;
    let s = this.height ? `\x1B[${this.height}F\x1B[0J` : "";
    for (const l of this.log.splice(0)) s += `${l}
`;
    const f = this.frame();
    s += `${f.join("\n")}
`;
    this.height = f.length;
    this.out.write(s);
  }
  close() {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = void 0;
    this.draw(true);
    this.out.write("\x1B[?25h");
  }
};

// src/render/run/display.ts
function displayModeFor(opts, out) {
  if (opts.json) return "json";
  if (opts.live === false) return "lines";
  return out.isTTY && process.env.TERM !== "dumb" ? "live" : "lines";
}
function createRunDisplay(mode, out) {
  if (mode === "json") return { onEvent: (e) => void out.write(`${JSON.stringify(e)}
`), close: () => {
  } };
  if (mode === "lines") {
    return {
      onEvent: (e) => {
        const line = lineFor(e);
        if (line !== void 0) out.write(`${isoClock(e.at)} ${line}
`);
      },
      close: () => {
      }
    };
  }
  return new LiveDisplay(out);
}

// src/render/run/report.ts
function renderRunReport(r2) {
  const lines = [];
  const head = r2.status === "interrupted" ? `Run ${r2.run_id} interrupted (${r2.interrupted?.by ?? "signal"}): ${r2.counts.landed} of ${r2.counts.total} tasks landed on ${r2.target}; run \`lanes run\` again to resume${r2.interrupted?.tasks.length ? ` (${r2.interrupted.tasks.join(", ")} stopped mid-work; their lanes are kept)` : ""}.` : r2.counts.done_before === r2.counts.total ? `Run ${r2.run_id}: nothing to do, every task of the plan had landed already.` : `Run ${r2.run_id} finished: ${r2.counts.landed} of ${r2.counts.total} tasks landed on ${r2.target}${r2.counts.blocked ? `, ${r2.counts.blocked} blocked` : ""}${r2.counts.not_run ? `, ${r2.counts.not_run} not run` : ""}${r2.counts.done_before ? ` (${r2.counts.done_before} had landed before)` : ""}.`;
  const spent = r2.usage?.cost_usd !== void 0 ? ` Estimated cost ~${dollars(r2.usage.cost_usd)}.` : "";
  lines.push(head + spent, "");
  const cost = r2.usage !== void 0;
  const cols = ["task", "state", "lane", "attempts", "duration", ...cost ? ["cost"] : [], "merge"];
  const rows = r2.tasks.map(
    (t) => [t.id, t.state, t.branch ?? "-", String(t.attempts), secs(t.duration_ms), ...cost ? [costCell(t.usage)] : [], t.merge].map(safeText)
  );
  lines.push(...table(cols, rows, 32));
  const why = r2.tasks.filter((t) => t.reason && t.state !== "landed");
  if (why.length) {
    lines.push("");
    for (const t of why) lines.push(`${t.id}: ${firstLine(t.reason)}`);
  }
  lines.push(
    "",
    `Wall time ${secs(r2.wall_ms)} \xB7 sum of task times ${secs(r2.sum_task_ms)} (the sequential estimate) \xB7 speedup ${r2.speedup}x at parallelism ${r2.parallelism}`,
    `Makespan ${secs(r2.wall_ms)} vs lower bound ${secs(r2.lower_bound_ms)} = max(critical path ${secs(r2.critical_path_ms)}, lane work ${secs(r2.lane_work_ms)} / ${r2.parallelism}, merge queue ${secs(r2.merge_work_ms)}): ${r2.makespan_ratio}x`,
    `Critical path: ${r2.critical_path.join(" \u2192 ") || "-"}`
  );
  if (r2.usage) lines.push(`Tokens ${usageText(r2.usage)} (estimated cost from the price table)`);
  if (r2.pauses?.length)
    lines.push(`Paused ${r2.pauses.length}x on usage or rate limits (last: ${r2.pauses.at(-1).reason} until ${r2.pauses.at(-1).until})`);
  if (r2.report_file) lines.push(`Report: ${r2.report_file}`);
  if (r2.logs_dir) lines.push(`Agent output: ${r2.logs_dir}/<task>.log`);
  return lines.map(safeText).join("\n");
}

// src/cli/commands/run.ts
var AGENT_NAMES = [...PRESET_NAMES, "scripted"];
function positiveInt(v, what) {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new LanesError("INVALID_INPUT", `${what} must be a whole number from 1 to 64, not ${JSON.stringify(v)}.`);
  return n;
}
async function resolveAgent(project, o, entry) {
  const agentCfg = (await project.config()).agent;
  if (o.agentCommand !== void 0) {
    if (o.agent !== void 0) throw new LanesError("INVALID_INPUT", "Give --agent or --agent-command, not both.");
    return customAgent(parseAgentCommand(o.agentCommand), agentCfg.preset);
  }
  if (o.agent !== void 0 && !AGENT_NAMES.includes(o.agent)) {
    throw new LanesError("INVALID_INPUT", `Unknown agent "${o.agent}".`, {
      hint: `Use ${AGENT_NAMES.join(", ")}, or --agent-command '<json argv>' for any other CLI.`
    });
  }
  if (o.agent === "scripted") return scriptedAgent(entry, o.unitMs !== void 0 ? { unitMs: o.unitMs } : {});
  if (o.agent === void 0 && agentCfg.command) return customAgent(agentCfg.command, agentCfg.preset);
  const preset = o.agent !== void 0 && isPresetName(o.agent) ? o.agent : agentCfg.preset ?? "claude";
  if (preset !== "claude") {
    const p = presetOf(preset);
    const bin2 = findOnPath(p.bin);
    if (!bin2) {
      throw new LanesError("UNSUPPORTED", `The ${p.bin} CLI (agent preset ${preset}) was not found on PATH.`, {
        hint: `Install it, or set agent.command in .lanes/config.json to the argv that runs it (the ${preset} limit patterns still apply with agent.preset "${preset}").`
      });
    }
    return presetAgent(preset, p.bin);
  }
  const root = findPluginRoot(entry);
  if (!root) {
    throw new LanesError("UNSUPPORTED", `Could not find the Lanes plugin folder (with .claude-plugin/plugin.json) above ${entry}.`, {
      hint: "Run lanes from its package (node <lanes>/dist/lanes.mjs), or set agent.command in .lanes/config.json."
    });
  }
  const bin = findClaude(root);
  if (!bin) {
    throw new LanesError("UNSUPPORTED", "The claude CLI was not found on PATH.", {
      hint: "Install Claude Code (npm i -g @anthropic-ai/claude-code), or run with --agent scripted (the built-in scripted agent), or give --agent-command '<json argv>' for another agent CLI."
    });
  }
  return claudeAgent(root, bin);
}
async function runFromCli(cwd, file, o, io) {
  if (file !== void 0 && o.plan)
    throw new LanesError("INVALID_INPUT", "Give a tasks file or --plan, not both.", {
      hint: "`lanes run tasks.yaml` plans the file and runs it; `lanes run --plan` runs the stored plan."
    });
  const project = await openProject(cwd);
  offerClaimService();
  if (file !== void 0) await planWork(project, { source: path5.resolve(cwd, file) }, cwd);
  const agent = await resolveAgent(project, o, io.entry);
  const display = createRunDisplay(
    displayModeFor({ ...o.json !== void 0 ? { json: o.json } : {}, ...o.live !== void 0 ? { live: o.live } : {} }, io.out),
    io.out
  );
  try {
    const report = await runPlan(project, {
      agent,
      ...o.maxParallel !== void 0 ? { parallelism: o.maxParallel } : {},
      ...o.retries !== void 0 ? { retries: o.retries } : {},
      ...o.agentTimeout !== void 0 ? { agentTimeoutMs: o.agentTimeout * 6e4 } : {},
      ...io.signal ? { signal: io.signal } : {},
      ...io.pollMs !== void 0 ? { pollMs: io.pollMs } : {},
      onEvent: (e) => display.onEvent(e)
    });
    display.close();
    if (!o.json) io.out.write(`
${renderRunReport(report)}
`);
    return report;
  } finally {
    display.close();
  }
}
function exitCodeOf(r2) {
  if (r2.status === "interrupted") return 130;
  return r2.counts.blocked || r2.counts.not_run ? 1 : 0;
}
function interruptOnSignals() {
  const ac = new AbortController();
  let count = 0;
  const on = (sig) => {
    count++;
    if (count === 1) {
      ac.abort(sig);
      return;
    }
    process.stderr.write(`lanes: ${sig} again: stopping now (run \`lanes run\` to resume)
`);
    process.exit(130);
  };
  process.on("SIGINT", on);
  process.on("SIGTERM", on);
  return {
    signal: ac.signal,
    dispose() {
      process.off("SIGINT", on);
      process.off("SIGTERM", on);
    }
  };
}
function registerRun(program2) {
  program2.command("run").description(
    "run the plan with one headless agent per lane: admission by dependencies, conflicts, slots and free resources; retries; merges as lanes finish; a report at the end"
  ).argument("[tasks-file]", "plan this tasks file (or ROADMAP.md) first, then run it").option("--plan", "run the stored plan (the default when no file is given)").option(
    "--max-parallel <n>",
    "lanes at once (default: what the machine can carry now, capped by max_parallel and the plan's widest wave)",
    (v) => positiveInt(v, "--max-parallel")
  ).option(
    "--agent <name>",
    `the agent: ${AGENT_NAMES.join(" | ")} (default: agent.command of .lanes/config.json, else agent.preset, else claude)`
  ).option("--agent-command <json>", "any agent CLI as a JSON argv with {task_id} {title} {description} {worktree} {prompt}").option("--retries <n>", "retries of an attempt that did not finish (default: agent.retries, 3)", (v) => Number.parseInt(v, 10)).option(
    "--agent-timeout <minutes>",
    "end an agent still running after this long; the attempt counts as failed (default: no limit)",
    (v) => Number(v)
  ).option("--unit-ms <ms>", "scripted agent: milliseconds per estimate hour (default 1000)", (v) => Number.parseInt(v, 10)).option("--json", "one JSON event per line").option("--no-live", "plain line-per-event output even on a terminal").action(
    action(async (file, o) => {
      if (o.retries !== void 0 && (!Number.isInteger(o.retries) || o.retries < 0 || o.retries > 10)) {
        throw new LanesError("INVALID_INPUT", "--retries must be a whole number from 0 to 10.");
      }
      if (o.agentTimeout !== void 0 && !(o.agentTimeout > 0))
        throw new LanesError("INVALID_INPUT", "--agent-timeout must be a positive number of minutes.");
      const sig = interruptOnSignals();
      try {
        const report = await runFromCli(process.cwd(), file, o, {
          out: process.stdout,
          entry: process.argv[1] ?? "",
          signal: sig.signal
        });
        process.exitCode = exitCodeOf(report);
      } finally {
        sig.dispose();
      }
    })
  );
}

// src/cli/commands/demo.ts
var DEMO_UNIT_MS = 1500;
function sampleFiles() {
  return [...parseEdits(sample_repo_default), { kind: "file", path: "tasks.yaml", content: tasks_default }];
}
async function createSampleRepo(dir) {
  if (fs9.existsSync(dir) && fs9.readdirSync(dir).length > 0) {
    throw new LanesError("INVALID_INPUT", `${dir} is not empty.`, {
      hint: "Give --dir a new or empty directory (or leave it out for a temp dir)."
    });
  }
  fs9.mkdirSync(dir, { recursive: true });
  for (const f of sampleFiles()) applyEdit(dir, f);
  await git(dir, ["init", "-q", "-b", "main"]);
  for (const [k, v] of [
    ["user.name", "Lanes Demo"],
    ["user.email", "demo@lanes.invalid"],
    ["commit.gpgsign", "false"],
    ["gc.auto", "0"]
  ]) {
    await git(dir, ["config", k, v]);
  }
  await git(dir, ["add", "-A"]);
  await git(dir, ["commit", "-q", "-m", "Sample repository: accounts for a small web app"]);
}
async function runDemo(o, io) {
  const agent = o.agent ?? "scripted";
  if (agent !== "scripted" && agent !== "claude")
    throw new LanesError("INVALID_INPUT", `Unknown agent "${agent}".`, { hint: "Use --agent scripted (the default) or --agent claude." });
  const dir = o.dir ? path6.resolve(o.dir) : fs9.mkdtempSync(path6.join(os.tmpdir(), "lanes-demo-"));
  await createSampleRepo(dir);
  const project = await openProject(dir);
  const planned = await planWork(project, { source: "tasks.yaml" }, dir);
  const say = (s) => void (!o.json && io.out.write(`${s}
`));
  say(`Sample repository: ${dir}
`);
  say(renderPlanWork(planned));
  say("");
  const report = await runFromCli(
    dir,
    void 0,
    {
      plan: true,
      agent,
      unitMs: o.unitMs ?? DEMO_UNIT_MS,
      // The scripted agent mostly waits, like a real one waiting on its model: run the plan at its
      // width (capped by max_parallel) rather than what the CPU load would suggest for builds.
      maxParallel: o.maxParallel ?? planned.at_max_parallel.parallelism,
      ...o.json !== void 0 ? { json: o.json } : {},
      ...o.live !== void 0 ? { live: o.live } : {}
    },
    io
  );
  if (!o.json) {
    const log2 = await gitOut(dir, ["log", "--oneline", "--first-parent", "--max-count=12", "main"], { readOnly: true });
    const rows = [
      ["sample repository", `${dir}   (main has every landed task)`],
      ["its test suite", `cd ${dir} && npm test   (the merge gate: green on main)`],
      ["history", `git -C ${dir} log --graph --oneline main`],
      ["status", `cd ${dir} && node ${io.entry} status`],
      ["run report", report.report_file ?? "-"],
      ["agent output", `${report.logs_dir ?? "-"}/<task>.log`],
      ["session notes", `${path6.join(dir, ".lanes", "sessions")}/   (each landed with its task)`]
    ];
    say(
      [
        "",
        "Where to look:",
        ...rows.map(([k, v]) => `  ${k.padEnd(18)} ${v}`),
        "",
        "main now (one merge per landed task, each gated by the test suite):",
        log2.split("\n").map((l) => `  ${l}`).join("\n")
      ].join("\n")
    );
  }
  return { dir, report };
}
function registerDemo(program2) {
  program2.command("demo").description(
    "create a sample repository and run its eight-task plan with parallel lanes, gates and merges (scripted agent; --agent claude for the real one)"
  ).option("--dir <dir>", "where to create the sample repository (new or empty; default: a temp dir)").option("--agent <name>", "scripted (default, needs nothing installed) | claude (the real Claude Code CLI)").option("--max-parallel <n>", "lanes at once (default: the plan's recommended parallelism)", (v) => Number.parseInt(v, 10)).option("--unit-ms <ms>", `scripted agent: milliseconds per estimate hour (default ${DEMO_UNIT_MS})`, (v) => Number.parseInt(v, 10)).option("--json", "one JSON event per line").option("--no-live", "plain line-per-event output even on a terminal").action(
    action(async (o) => {
      if (o.maxParallel !== void 0 && (!Number.isInteger(o.maxParallel) || o.maxParallel < 1 || o.maxParallel > 64)) {
        throw new LanesError("INVALID_INPUT", "--max-parallel must be a whole number from 1 to 64.");
      }
      const sig = interruptOnSignals();
      try {
        const { report } = await runDemo(o, { out: process.stdout, entry: process.argv[1] ?? "", signal: sig.signal });
        process.exitCode = exitCodeOf(report);
      } finally {
        sig.dispose();
      }
    })
  );
}

// src/cli/commands/init.ts

// src/core/init/guess.ts

// src/core/init/python.ts
var VENV_PYTHON = ".venv/bin/python";
var MANIFESTS = ["pyproject.toml", "setup.py", "setup.cfg"];
var TEST_REQUIREMENTS = ["requirements.txt", "requirements-test.txt", "test-requirements.txt", "requirements/test.txt"];
var TEST_DIRS = ["tests", "test", "testing"];
function guessPython(has, read, entries) {
  const pyproject = read("pyproject.toml");
  const tox = read("tox.ini");
  const pytest = has("pytest.ini") || has("conftest.py") || /\[tool\.pytest/.test(pyproject) || /\[tool:pytest\]/.test(read("setup.cfg")) || /\[pytest\]/.test(tox) || /\bpytest\b/.test(pyproject);
  if (has("uv.lock")) {
    return {
      detected: "uv",
      setup: [{ name: "uv-sync", command: ["uv", "sync", "--frozen"], when_changed: ["pyproject.toml", "uv.lock"] }],
      gates: pytest ? [{ name: "pytest", command: ["uv", "run", "pytest"] }] : []
    };
  }
  const manifests = MANIFESTS.filter(has);
  if (!manifests.length && !pytest) return void 0;
  const requirements = TEST_REQUIREMENTS.filter(has);
  const install = [
    VENV_PYTHON,
    "-m",
    "pip",
    "install",
    "--quiet",
    ...manifests.length ? ["-e", "."] : [],
    ...requirements.flatMap((r2) => ["-r", r2]),
    ...pytest ? ["pytest"] : []
  ];
  const setup = [
    { name: "venv", command: ["python3", "-m", "venv", ".venv"] },
    { name: "deps", command: install, when_changed: [...manifests, ...requirements] }
  ];
  if (pytest) return { detected: "pytest", setup, gates: [{ name: "pytest", command: [VENV_PYTHON, "-m", "pytest"] }] };
  const args = unittestArgs(tox, pyproject);
  const tests = args !== void 0 || TEST_DIRS.some(has) || entries().some((e) => /^test_.*\.py$|_test\.py$/.test(e));
  if (!tests) return { detected: "python", setup: [], gates: [] };
  return { detected: "unittest", setup, gates: [{ name: "unittest", command: [VENV_PYTHON, "-m", "unittest", ...args ?? []] }] };
}
function unittestArgs(tox, pyproject) {
  const line = /^\s*commands\s*=\s*python3?\s+-m\s+unittest\b([^\n{]*)$/m.exec(tox);
  if (line) return line[1].trim().split(/\s+/).filter(Boolean);
  if (/\[\s*"python3?"\s*,\s*"-m"\s*,\s*"unittest"/.test(pyproject)) return [];
  return void 0;
}

// src/core/init/guess.ts
var NODE_GATE_SCRIPTS = ["lint", "typecheck", "test"];
var NPM_PLACEHOLDER = /no test specified/;
var ENV_FILE = /^\.env(\..+)?$/;
var ENV_TEMPLATE = /\.(example|sample|template|dist)$/;
function guessProject(dir) {
  const has = (f) => fs10.existsSync(path7.join(dir, f));
  const read = (f) => {
    try {
      return fs10.readFileSync(path7.join(dir, f), "utf8");
    } catch {
      return "";
    }
  };
  const out = { gates: [], setup: [], detected: [], envFiles: [] };
  if (has("package.json")) {
    let scripts = {};
    try {
      const pkg = JSON.parse(read("package.json"));
      const s = pkg?.scripts;
      if (s && typeof s === "object") scripts = s;
    } catch {
    }
    const pm = has("pnpm-lock.yaml") ? "pnpm" : has("yarn.lock") ? "yarn" : "npm";
    out.detected.push(pm);
    const deps = (lock) => ["package.json", ...lock && has(lock) ? [lock] : []];
    if (pm === "pnpm")
      out.setup.push({ name: "deps", command: ["pnpm", "install", "--frozen-lockfile"], when_changed: deps("pnpm-lock.yaml") });
    else if (pm === "yarn")
      out.setup.push({
        name: "deps",
        command: has(".yarnrc.yml") ? ["yarn", "install", "--immutable"] : ["yarn", "install", "--frozen-lockfile"],
        when_changed: deps("yarn.lock")
      });
    else {
      const lock = ["package-lock.json", "npm-shrinkwrap.json"].find(has);
      out.setup.push({ name: "deps", command: lock ? ["npm", "ci"] : ["npm", "install"], when_changed: deps(lock) });
    }
    for (const name of NODE_GATE_SCRIPTS) {
      const body = Object.hasOwn(scripts, name) ? scripts[name] : void 0;
      if (typeof body !== "string" || body.trim() === "" || name === "test" && NPM_PLACEHOLDER.test(body)) continue;
      out.gates.push({ name, command: [pm, "run", name] });
    }
  }
  if (has("Cargo.toml")) {
    out.detected.push("cargo");
    out.setup.push({
      name: "cargo-fetch",
      command: ["cargo", "fetch"],
      when_changed: ["Cargo.toml", ...has("Cargo.lock") ? ["Cargo.lock"] : []]
    });
    out.gates.push({ name: "cargo-test", command: ["cargo", "test"] });
  }
  if (has("go.mod")) {
    out.detected.push("go");
    out.setup.push({ name: "go-mod", command: ["go", "mod", "download"], when_changed: ["go.mod", ...has("go.sum") ? ["go.sum"] : []] });
    out.gates.push({ name: "go-vet", command: ["go", "vet", "./..."] }, { name: "go-test", command: ["go", "test", "./..."] });
  }
  const py = guessPython(has, read, () => {
    try {
      return fs10.readdirSync(dir);
    } catch {
      return [];
    }
  });
  if (py) {
    out.detected.push(py.detected);
    out.setup.push(...py.setup);
    out.gates.push(...py.gates);
  }
  const makefile = ["GNUmakefile", "Makefile", "makefile"].find(has);
  if (makefile) {
    const targets = new Set([...read(makefile).matchAll(/^([A-Za-z0-9_.-]+)\s*:(?!=)/gm)].map((m) => m[1]));
    const target = ["check", "test"].find((t) => targets.has(t));
    if (target) {
      out.detected.push("make");
      if (out.gates.length === 0) out.gates.push({ name: `make-${target}`, command: ["make", target] });
    }
  }
  try {
    out.envFiles = fs10.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && ENV_FILE.test(e.name) && !ENV_TEMPLATE.test(e.name)).map((e) => e.name).sort();
  } catch {
    out.envFiles = [];
  }
  return out;
}

// src/core/init/files.ts
var CONFIG_PATH = ".lanes/config.json";
var SCHEMA_PATH = ".lanes/config.schema.json";
function initFiles(root, guess, opts = {}) {
  if (fs11.existsSync(path8.join(root, CONFIG_PATH)) && !opts.force) {
    throw new LanesError("CONFLICT", `${CONFIG_PATH} already exists; lanes init leaves it as it is.`, {
      hint: "Edit it by hand, or run lanes init --force to replace it with a fresh guess."
    });
  }
  const config = { $schema: "./config.schema.json", gates: guess.gates, setup: guess.setup };
  const files = [
    { path: CONFIG_PATH, content: `${JSON.stringify(config, null, 2)}
` },
    { path: SCHEMA_PATH, content: configJsonSchemaText() }
  ];
  if (guess.envFiles.length > 0 && !fs11.existsSync(path8.join(root, ".worktreeinclude"))) {
    files.push({ path: ".worktreeinclude", content: `# Gitignored files copied into each new lane
${guess.envFiles.join("\n")}
` });
  }
  return files;
}
function writeInitFiles(root, files) {
  for (const f of files) {
    const p = path8.join(root, f.path);
    fs11.mkdirSync(path8.dirname(p), { recursive: true });
    fs11.writeFileSync(p, f.content);
  }
}

// src/cli/commands/init.ts
function preview(files, detected) {
  const head = detected.length ? `Detected: ${detected.join(", ")}.` : "Detected no known build tool: no gates or setup guessed.";
  const shown = files.map(
    (f) => f.path.endsWith(".schema.json") ? `--- ${f.path} (the JSON Schema, for editors)` : `--- ${f.path}
${f.content.trimEnd()}`
  );
  return `${head}

${shown.join("\n\n")}
`;
}
function registerInit(program2) {
  program2.command("init").description(`write ${CONFIG_PATH} with gates and setup guessed from the project (and .worktreeinclude when .env files exist)`).option("-y, --yes", "write without asking").option("--force", `replace an existing ${CONFIG_PATH}`).action(
    action(async (o) => {
      const repo = await resolveRepo(process.cwd());
      const guess = guessProject(repo.mainRoot);
      const files = initFiles(repo.mainRoot, guess, { force: o.force === true });
      process.stdout.write(preview(files, guess.detected));
      if (!o.yes) {
        if (!process.stdin.isTTY || !process.stdout.isTTY) {
          throw new LanesError("INVALID_INPUT", "Nothing written: lanes init asks before writing, and this is not a terminal.", {
            hint: "Run lanes init --yes to write the files shown above."
          });
        }
        const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
        const answer = await rl.question(`
Write ${files.map((f) => f.path).join(", ")} in ${repo.mainRoot}? [y/N] `);
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) {
          process.stdout.write("Nothing written.\n");
          return;
        }
      }
      writeInitFiles(repo.mainRoot, files);
      process.stdout.write(`Wrote ${files.map((f) => f.path).join(", ")}. Review the gates: they must pass before anything lands.
`);
    })
  );
}

// src/core/lanes/path.ts
async function lanePath(project, task) {
  const id = assertTaskId(task);
  const doc = await project.store.read(LANES_DOC);
  const rec = Object.hasOwn(doc.data, id) ? doc.data[id] : void 0;
  if (!rec) {
    throw new LanesError("NOT_FOUND", `Task ${id} has no lane.`, {
      hint: `Start one with \`lanes start ${id}\` (\`lanes list\` shows the lanes there are).`
    });
  }
  if (!fs12.existsSync(rec.path)) {
    throw new LanesError("NOT_FOUND", `The lane of ${id} is missing: ${rec.path} does not exist.`, {
      hint: `${act("list_lanes")} shows it; ${act("cleanup_lanes")} clears the record.`
    });
  }
  return { task_id: id, path: rec.path, branch: rec.branch };
}

// src/cli/commands/lanes.ts
function registerLanes(program2) {
  program2.command("start").description("start a task in its own lane: branch lanes/<task> + worktree .claude/worktrees/<task>, setup, file claims").argument("<task>", "task id from the plan").option("--base <rev>", "branch, tag or commit to start from (default: the target branch)").option(
    "--owner <owner>",
    "who works on it (default: $LANES_OWNER, else cli:<user>@<host>); the same owner starting it again gets the lane back"
  ).option("--json", "print JSON").action(
    action(async (task, opts) => {
      const project = await openProject(process.cwd());
      const r2 = await startLane(project, {
        task_id: task,
        owner: opts.owner ?? cliOwner(),
        ...opts.base !== void 0 ? { base: opts.base } : {}
      });
      emit(opts.json, r2, () => renderStart(r2));
    })
  );
  program2.command("take").description("take over a task whose owner is gone (lease expired): keeps its lane, commits and notes, moves its claims to you").argument("<task>", "task id").option("--owner <owner>", "the new owner (default: $LANES_OWNER, else cli:<user>@<host>)").option("--force", "take it even from a live owner (a human decision)").option("--json", "print JSON").action(
    action(async (task, opts) => {
      const r2 = await takeTask(await openProject(process.cwd()), {
        task_id: task,
        owner: opts.owner ?? cliOwner(),
        force: opts.force === true
      });
      emit(opts.json, r2, () => renderTake(r2));
    })
  );
  program2.command("list").alias("ls").description("list lanes: task, owner, base, uncommitted files, commits ahead/behind the target, last activity").option("--json", "print JSON").action(
    action(async (opts) => {
      const r2 = await listLanes(await openProject(process.cwd()));
      emit(opts.json, r2, () => renderList(r2, { color: colorEnabled() }));
    })
  );
  program2.command("path").description(`print the path of a task's lane, for cd "$(lanes path <task>)"`).argument("<task>", "task id").option("--json", "print JSON").action(
    action(async (task, opts) => {
      const r2 = await lanePath(await openProject(process.cwd()), task).catch((e) => {
        reportError(e, opts.json === true);
        if (isLanesError(e, "NOT_FOUND")) process.exitCode = 1;
        return void 0;
      });
      if (!r2) return;
      if (opts.json) emit(true, r2, () => "");
      else process.stdout.write(`${r2.path}
`);
    })
  );
  program2.command("remove").description("remove a lane whose work has landed (refuses uncommitted or unlanded work unless --force)").argument("<task>", "task id").option(
    "--force",
    "remove anyway, even another live owner's lane; commits and uncommitted changes are kept under refs/lanes/backup/<task>/<time>"
  ).option("--owner <owner>", "who you are (default: $LANES_OWNER, else cli:<user>@<host>)").option("-n, --dry-run", "say what would be removed and kept (the same checks and refusals); change nothing").option("--json", "print JSON").action(
    action(async (task, opts) => {
      const r2 = await removeLane(await openProject(process.cwd()), {
        task_id: task,
        force: opts.force === true,
        actor: opts.owner ?? cliOwner(),
        dryRun: opts.dryRun === true
      });
      emit(opts.json, r2, () => renderRemove(r2));
    })
  );
  program2.command("cleanup").alias("gc").description("remove finished, clean lanes and stale lane records; report the rest (never prunes other worktrees)").option("-n, --dry-run", "say what would be removed and what kept; change nothing").option("--json", "print JSON").action(
    action(async (opts) => {
      const r2 = await cleanupLanes(await openProject(process.cwd()), { dryRun: opts.dryRun === true });
      emit(opts.json, r2, () => renderCleanup(r2));
    })
  );
}
function renderTake(r2) {
  const from = r2.from === r2.owner ? "yourself" : safeText(r2.from);
  const lines = [`Took over ${r2.task_id} from ${from} (${r2.because}); owner now ${safeText(r2.owner)}`];
  if (r2.path) lines.push(`  path    ${r2.path}`, `  branch  ${r2.branch}`);
  if (r2.claims.length) lines.push(`  claims  ${r2.claims.join(", ")}`);
  return lines.join("\n");
}
function renderStart(r2) {
  const lines = [
    `${r2.resumed ? "Resumed your lane" : "Lane ready"} for ${r2.task_id}`,
    `  path    ${r2.path}`,
    `  branch  ${r2.branch} from ${r2.base.slice(0, 12)} (${r2.base_ref}), lands on ${r2.target}`,
    `  owner   ${r2.owner}`
  ];
  if (r2.claims.length) lines.push(`  claims  ${r2.claims.join(", ")}`);
  if (r2.included.length) lines.push(`  copied  ${r2.included.join(", ")}`);
  for (const s of r2.include_skipped) lines.push(`  not copied: ${s.path} (${s.reason})`);
  if (r2.setup.length) lines.push(`  setup   ${r2.setup.map((s) => `${s.name} ${s.ms} ms`).join(", ")}`);
  return lines.join("\n");
}
function ago(iso) {
  if (!iso) return "-";
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1e3));
  return s < 90 ? `${s}s ago` : s < 5400 ? `${Math.round(s / 60)}m ago` : s < 172800 ? `${Math.round(s / 3600)}h ago` : `${Math.round(s / 86400)}d ago`;
}
function renderList(r2, o = {}) {
  if (!r2.lanes.length) return `No lanes (target ${r2.target}).`;
  const paint = (t) => o.color ? sgr(NEEDS_FIX_SGR, t) : t;
  const rows = r2.lanes.map((l) => [
    l.kind === "foreign" ? "(foreign)" : l.task_id ?? "",
    l.kind === "foreign" ? "-" : l.needs_fix ? "needs fix" : l.state ?? "",
    safeText(l.owner ?? "-"),
    l.ahead === void 0 ? "-" : `+${l.ahead}/-${l.behind ?? 0}`,
    l.missing ? "MISSING" : l.dirty_count ? `${l.dirty_count} dirty` : "clean",
    ago(l.last_activity),
    safeText(l.path)
  ]);
  const head = ["TASK", "STATE", "OWNER", `VS ${r2.target}`, "TREE", "ACTIVE", "PATH"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const fmt = (row, state) => row.map(
    (c, i) => i === row.length - 1 ? c : i === 1 ? paintState(!!o.color && !!state, state, c.padEnd(widths[i])) : c.padEnd(widths[i])
  ).join("  ");
  const body = r2.lanes.flatMap(
    (l, i) => l.needs_fix ? [paint(fmt(rows[i])), paint(`  needs fix: ${safeText(l.needs_fix.reason)}${toldText(l.needs_fix)}`)] : [fmt(rows[i], l.kind === "lane" ? l.task_status : void 0)]
  );
  const problems = r2.lanes.filter((l) => l.problem).map((l) => `  ${l.task_id ?? safeText(l.path)}: ${safeText(l.problem)}`);
  return [fmt(head), ...body, ...problems.length ? ["Problems:", ...problems] : []].join("\n");
}
function renderRemove(r2) {
  if (r2.dry_run) {
    const lines2 = [
      `Would remove the lane of ${r2.task_id} (${r2.path})${r2.deleted_branch ? ` and branch ${r2.branch}` : ""}; nothing was changed (dry run).`
    ];
    for (const ref of r2.backup_refs) lines2.push(`  would keep ${ref}`);
    for (const n of r2.notes) lines2.push(`  ${n}`);
    return lines2.join("\n");
  }
  const lines = [`Removed the lane of ${r2.task_id} (${r2.path})${r2.deleted_branch ? ` and branch ${r2.branch}` : ""}.`];
  if (r2.branch_kept) lines.push(`  ${r2.branch_kept}`);
  for (const ref of r2.backup_refs) {
    const how = ref.endsWith("-stash") ? `restore with: git stash apply ${ref}` : ref.endsWith("-worktree") ? `files (incl. untracked and ignored) as a commit: git checkout ${ref} -- .` : /-(head|reflog-\d+)$/.test(ref) || ref.startsWith("refs/lanes/landed/") ? `a branch of it: git branch <name> ${ref}` : `recreate the branch with: git branch ${r2.branch} ${ref}`;
    lines.push(`  kept ${ref} (${how})`);
  }
  for (const n of r2.notes) lines.push(`  ${n}`);
  if (r2.released_claims) lines.push(`  released ${r2.released_claims} claim(s)`);
  return lines.join("\n");
}
function renderCleanup(r2) {
  const would = r2.dry_run ? "would " : "";
  const lines = [
    r2.dry_run ? `Would remove ${r2.removed.length} lane(s), freeing ${(r2.freed_bytes / 1048576).toFixed(1)} MiB; nothing was changed (dry run).` : `Removed ${r2.removed.length} lane(s), freed ${(r2.freed_bytes / 1048576).toFixed(1)} MiB.`
  ];
  for (const x of r2.removed)
    lines.push(
      `  ${would}remove ${x.task_id}: ${x.reason}`.replace(/^ {2}remove/, "  removed"),
      ...x.backup_refs.map((ref) => `    ${would}keep ${ref}`.replace(/^ {4}keep/, "    kept"))
    );
  for (const k of r2.kept) lines.push(`  kept ${k.task_id ?? k.path}: ${k.reason.replace(/\n/g, "\n    ")}`);
  return lines.join("\n");
}

// src/cli/commands/mcp.ts
function registerMcp(program2) {
  program2.command("mcp").description("run the MCP server on stdio (what Claude Code starts)").option(
    "--repo <dir>",
    "the repository to work on, for clients that start the server elsewhere (default: the client's first root that is a git repository, else the current directory)"
  ).action(
    action(async (o) => {
      const { serveMcpStdio } = await import("./stdio-TKDYIPIV.mjs");
      await serveMcpStdio(o.repo !== void 0 ? { repo: o.repo } : {});
    })
  );
}

// src/core/merge/dry-run.ts
async function planMergeQueue(project) {
  const root = project.repo.mainRoot;
  const target = (await project.config()).target;
  const tip = await readTargetTip(project.repo, target);
  if (!tip)
    throw new LanesError("NOT_FOUND", `The target branch ${target} does not exist.`, {
      hint: 'Create it (or fix "target" in .lanes/config.json), then run the queue again.'
    });
  const [{ plan, tasks }, q] = await Promise.all([readPlan(project.store), project.store.read(MERGE_DOC)]);
  const doc = queueOf(q.data);
  const cfg = await configForTip(project.repo, tip, target);
  const size = effectiveBatchSize(cfg.merge.batch_size, doc.recent);
  const { batch, waiting } = pickBatch(doc, plan, tasks, Number.MAX_SAFE_INTEGER);
  const would_process = [];
  for (const [i, e] of batch.entries()) {
    const check = await mergeCheck(root, tip.sha, e.tip);
    const now = await refSha(root, e.ref);
    would_process.push({
      task: e.task,
      entry: e.id,
      kind: e.kind,
      tip: e.tip,
      batch: Math.floor(i / size) + 1,
      conflicts: check.clean ? [] : check.files,
      lane_moved: now !== void 0 && now !== e.tip
    });
  }
  return {
    dry_run: true,
    target,
    target_sha: tip.sha,
    interrupted: doc.entries.filter((e) => PROCESSING.includes(e.state)).map((e) => ({ task: e.task, entry: e.id, state: e.state })),
    would_process,
    waiting: waiting.map((w) => ({ task: w.entry.task, entry: w.entry.id, on: w.on })),
    gates: cfg.gates.map((g) => g.name),
    batch_size: size
  };
}

// src/cli/commands/merge.ts
function strategyOf(s) {
  if (s === void 0) return void 0;
  if (!STRATEGIES.includes(s)) {
    throw new LanesError("INVALID_INPUT", `Unknown strategy "${s}".`, { hint: `Use one of: ${STRATEGIES.join(", ")}.` });
  }
  return s;
}
function registerMerge(program2) {
  const merge = program2.command("merge").description("the merge queue: land finished lanes on the target with the gates green");
  merge.command("queue").description("queue a task's lane for landing (checks for conflicts at once)").argument("<task>").option("--strategy <strategy>", `how it lands: ${STRATEGIES.join(" | ")} (default from .lanes/config.json)`).option("--json", "print JSON").action(
    action(async (task, opts) => {
      const project = await openProject(process.cwd());
      const strategy = strategyOf(opts.strategy);
      const r2 = await queueMerge(project, { task_id: task, ...strategy ? { strategy } : {}, requested_by: cliOwner() });
      emit(opts.json, r2, () => renderQueued(r2));
    })
  );
  merge.command("run").description("process the queue until nothing more can land (one processor at a time)").option("--max-batches <n>", "stop after this many batches", (v) => Number.parseInt(v, 10)).option("-n, --dry-run", "say what would be integrated, in which order, and what conflicts with the target now; change nothing").option("--json", "print JSON").action(
    action(async (opts) => {
      const project = await openProject(process.cwd());
      if (opts.dryRun) {
        const plan = await planMergeQueue(project);
        emit(opts.json, plan, () => renderMergeDryRun(plan));
        return;
      }
      const r2 = await processMergeQueue(project, {
        ...opts.maxBatches !== void 0 ? { maxBatches: opts.maxBatches } : {},
        // Progress goes to stderr: stdout carries the result.
        onProgress: (m) => process.stderr.write(`lanes merge: ${m}
`)
      });
      emit(opts.json, r2, () => renderProcessed(r2));
      if (r2.failed.length) process.exitCode = 1;
    })
  );
  merge.command("status").description("the queue in order, with state, position, timings and last error").option("--task <task>", "only this task").option("--json", "print JSON").action(
    action(async (opts) => {
      const project = await openProject(process.cwd());
      const s = await mergeStatus(project, opts.task ? { task: opts.task } : {});
      emit(opts.json, s, () => renderStatus(s));
    })
  );
  merge.command("cancel").description("take a task's entry out of the queue").argument("<task>").option("--json", "print JSON").action(
    action(async (task, opts) => {
      const project = await openProject(process.cwd());
      const r2 = await cancelMerge(project, task);
      emit(
        opts.json,
        r2,
        () => r2.cancelled ? `Cancelled ${task} (entry ${r2.entry.id}).` : `${task} is being processed; it will be dropped before landing.`
      );
    })
  );
  merge.command("revert").description("undo a task's landing: queues a revert commit that goes through the same queue and gates").argument("<task>").option("--json", "print JSON").action(
    action(async (task, opts) => {
      const project = await openProject(process.cwd());
      const r2 = await queueRevert(project, task, { requested_by: cliOwner() });
      emit(
        opts.json,
        r2,
        () => r2.already_queued ? `A revert of ${task} is already queued (entry ${r2.entry.id}).` : `Queued a revert of ${task}'s landing ${r2.entry.tip.slice(0, 12)} (entry ${r2.entry.id}). Run \`lanes merge run\` to land it.`
      );
    })
  );
  merge.command("approve").description("a human's decision: let a held entry (one that weakens the target's gates) land").argument("<task>").option("--json", "print JSON").action(
    action(async (task, opts) => {
      const project = await openProject(process.cwd());
      const r2 = await approveMerge(project, task, cliOwner());
      emit(
        opts.json,
        r2,
        () => `Approved ${task} (entry ${r2.entry.id}, tip ${r2.entry.tip.slice(0, 12)}): it is queued again. Run \`lanes merge run\` to land it.`
      );
    })
  );
  merge.command("log").description("the full output of a task's last gate run (setup and gates)").argument("[task]", "the task (default: the last gate run of any task)").option("--list", "list the gate runs kept, oldest first").option("--id <id>", "a run from --list instead of the last one").option("--json", "print JSON").action(
    action(async (task, opts) => {
      const project = await openProject(process.cwd());
      const t = task === void 0 ? void 0 : assertSlug(task);
      if (opts.list) {
        const runs = listGateLogs(project.repo, t);
        emit(opts.json, { runs }, () => renderLogList(runs));
        return;
      }
      const r2 = readGateLog(project.repo, t, opts.id);
      emit(opts.json, r2, () => safeBlock(r2.text).trimEnd());
    })
  );
}
function renderMergeDryRun(p) {
  const lines = [
    `Dry run: nothing was changed. ${p.target} is at ${p.target_sha.slice(0, 12)}; gates: ${p.gates.length ? p.gates.join(", ") : "none configured"}; batches of up to ${p.batch_size}.`
  ];
  for (const i of p.interrupted)
    lines.push(`A real run first settles ${i.task} (entry ${i.entry}), left ${i.state} by an interrupted run.`);
  for (const e of p.would_process) {
    const what = e.kind === "revert" ? `revert ${e.task}` : `land ${e.task} @ ${e.tip.slice(0, 12)}`;
    const why = e.conflicts.length ? `conflicts with ${p.target} now in ${e.conflicts.map(safeText).join(", ")}` : `merges cleanly with ${p.target} now`;
    lines.push(
      `  batch ${e.batch}: would ${what} (entry ${e.entry}): ${why}${e.lane_moved ? "; the lane has moved since it was queued (the queued tip is what lands)" : ""}`
    );
  }
  for (const w of p.waiting) lines.push(`  waiting: ${w.task} until ${w.on.join(", ")} land${w.on.length === 1 ? "s" : ""}`);
  if (!p.would_process.length) lines.push("Nothing to land.");
  return lines.join("\n");
}

// src/core/plan/task-view.ts
async function taskView(project, id) {
  assertSlug(id);
  const { plan, tasks } = await readPlan(project.store);
  const spec = plan?.tasks.find((t) => t.id === id);
  const state = Object.hasOwn(tasks, id) ? tasks[id] : void 0;
  if (!spec && !state) {
    throw new LanesError("NOT_FOUND", `There is no task "${id}" in the plan.`, {
      hint: "`lanes plan` shows the tasks; add one with `lanes task add <id> <title>`."
    });
  }
  const [owners, lanes, claims, queue, sessions] = await Promise.all([
    readOwners(project.store),
    listLanes(project, { recover: false }),
    listClaims(project.store),
    mergeStatus(project, { task: id }),
    listSessions(project, { task_id: id, limit: 10 })
  ]);
  const v = {
    id,
    title: spec?.title ?? id,
    status: state?.status ?? "planned",
    depends_on: spec?.depends_on ?? [],
    files: spec?.files ?? [],
    claims: [],
    sessions: []
  };
  if (state?.owner) {
    const l = ownerLiveness(owners, state.owner);
    v.owner = { name: state.owner, live: l.live, lease: describeLiveness(l) };
  }
  if (state?.note) v.note = state.note;
  if (state?.landed_as) v.landed_as = state.landed_as;
  const lane = lanes.lanes.find((l) => l.kind === "lane" && l.task_id === id);
  if (lane) {
    v.lane = { path: lane.path, missing: lane.missing, dirty_count: lane.dirty_count };
    for (const k of ["branch", "ahead", "behind", "needs_fix", "last_activity"])
      if (lane[k] !== void 0) v.lane[k] = lane[k];
  }
  const holders = /* @__PURE__ */ new Set([`task:${id}`, ...state?.owner ? [state.owner] : []]);
  v.claims = claims.filter((c) => holders.has(c.owner)).map((c) => ({ owner: c.owner, pattern: c.pattern, mode: c.mode, expires_at: c.expires_at }));
  const entry = [...queue.queue, ...queue.recent].find((e) => e.task === id);
  if (entry) {
    v.merge = { id: entry.id, state: entry.state, attempts: entry.attempts };
    for (const k of ["position", "last_error", "landed_as", "held_reason"])
      if (entry[k] !== void 0) v.merge[k] = entry[k];
  }
  const log2 = listGateLogs(project.repo, id).at(-1);
  if (log2)
    v.gate_log = {
      id: log2.id,
      at: log2.at,
      ok: log2.ok,
      ...log2.failed ? { failed: log2.failed } : {},
      path: path9.join(logsDir(project.repo), `${log2.id}.log`)
    };
  v.sessions = sessions.sessions.map((s) => ({
    id: s.id,
    status: s.status,
    topic: s.topic,
    ...s.summary ? { summary: s.summary } : {},
    note: path9.join(s.worktree, s.path)
  }));
  return v;
}

// src/render/task-view.ts
function renderTaskView(v, color = false) {
  const lines = [`${v.id}  ${paintState(color, v.status, v.status.replace("_", " "))}  ${safeText(v.title)}`];
  if (v.owner)
    lines.push(`  owner    ${safeText(v.owner.name)} (${v.owner.live ? "lease live" : "lease not live"}: ${safeText(v.owner.lease)})`);
  if (v.note) lines.push(`  note     ${safeText(v.note)}`);
  if (v.depends_on.length) lines.push(`  needs    ${v.depends_on.join(", ")}`);
  if (v.files.length) lines.push(`  files    ${v.files.map(safeText).join(", ")}`);
  if (v.landed_as) lines.push(`  landed   as ${v.landed_as.slice(0, 12)}`);
  if (v.lane) {
    const l = v.lane;
    const vs = l.ahead === void 0 ? "" : `, +${l.ahead}/-${l.behind ?? 0} vs target`;
    lines.push(
      `  lane     ${safeText(l.path)}${l.missing ? " (MISSING)" : ""}`,
      `  branch   ${l.branch ?? "-"}${vs}, ${l.dirty_count ? `${l.dirty_count} uncommitted` : "clean"}`
    );
    if (l.needs_fix) {
      const t = `  needs fix: ${safeText(l.needs_fix.reason)}`;
      lines.push(color ? sgr(NEEDS_FIX_SGR, t) : t);
    }
  } else lines.push("  lane     none");
  lines.push(
    `  claims   ${v.claims.length ? v.claims.map((c) => `${safeText(c.pattern)} (${c.mode}, ${safeText(c.owner)})`).join(", ") : "none"}`
  );
  if (v.merge) {
    const m = v.merge;
    lines.push(
      `  queue    ${m.state}${m.position ? ` #${m.position}` : ""} (entry ${m.id}, ${m.attempts} attempt${m.attempts === 1 ? "" : "s"})${m.landed_as ? `, landed as ${m.landed_as.slice(0, 12)}` : ""}`
    );
    if (m.held_reason) lines.push(`           held: ${safeText(m.held_reason)}`);
    if (m.last_error) lines.push(`           last failure: ${safeText(m.last_error.split("\n")[0] ?? "")}`);
  } else lines.push("  queue    not queued");
  if (v.gate_log)
    lines.push(
      `  gate log ${v.gate_log.ok ? "passed" : `failed${v.gate_log.failed ? ` (${safeText(v.gate_log.failed)})` : ""}`} at ${v.gate_log.at}: ${v.gate_log.path}`
    );
  if (v.sessions.length) {
    lines.push("  sessions");
    for (const s of v.sessions)
      lines.push(
        `    ${s.id} ${s.status}: ${safeText(s.topic)}${s.summary ? ` \u2014 ${safeText(s.summary)}` : ""}`,
        `      ${safeText(s.note)}`
      );
  }
  return lines.join("\n");
}

// src/cli/commands/plan.ts
function registerPlan(program2) {
  program2.command("plan").description("plan a tasks file (JSON, YAML or ROADMAP.md): waves, conflicts, critical path, speedup; stores the plan").argument("[file]", "tasks file; without it, show the stored plan").option("--replace", "allow dropping tasks that are in progress").option("--json", "print JSON").action(
    action(async (file, opts) => {
      const project = await openProject(process.cwd());
      if (!file) {
        const { plan, tasks } = await readPlan(project.store);
        const p = requirePlan(plan);
        emit(opts.json, { plan: p, tasks }, () => renderPlan(p, tasks));
        return;
      }
      const r2 = await planWork(project, { source: file, ...opts.replace ? { replace: true } : {} }, process.cwd());
      emit(opts.json, r2, () => renderPlanWork(r2));
    })
  );
  program2.command("next").description("tasks ready to start now (dependencies done, no conflict with work in progress)").option("-n, --limit <n>", "most tasks to list", (v) => Number.parseInt(v, 10)).option("--json", "print JSON").action(
    action(async (opts) => {
      const project = await openProject(process.cwd());
      const { plan, tasks } = await readPlan(project.store);
      const p = requirePlan(plan);
      const running = p.tasks.filter((t) => tasks[t.id]?.status === "in_progress").length;
      const ready = readyTasks(p, tasks, opts.limit ?? Math.max(0, p.parallelism - running));
      emit(
        opts.json,
        { ready: ready.map((r2) => ({ ...r2.task, priority_hours: r2.priority_hours })) },
        () => ready.length ? ready.map((r2) => `${r2.task.id}	${r2.task.title}`).join("\n") : "Nothing ready now."
      );
    })
  );
  const task = program2.command("task").description("show a task, add one or change its status");
  task.command("show").description(
    "one task from every side: state, owner and lease, lane (path, branch, ahead/behind), claims, queue entry, last gate log, session notes"
  ).argument("<task>", "task id").option("--json", "print JSON").action(
    action(async (id, opts) => {
      const v = await taskView(await openProject(process.cwd()), id);
      emit(opts.json, v, () => renderTaskView(v, colorEnabled()));
    })
  );
  task.command("set").description("set a task status: planned | in_progress | done | blocked | failed").argument("<id>").argument("<status>").option("--owner <owner>", "who you are / who works on it (default: $LANES_OWNER, else cli:<user>@<host>)").option("--note <note>", "why").option("--force", "change it even though another live owner holds it (a human decision)").option("--json", "print JSON").action(
    action(async (id, st, opts) => {
      if (!TASK_STATUSES.includes(st)) {
        throw new LanesError("INVALID_INPUT", `Unknown status "${st}".`, { hint: `Use one of: ${TASK_STATUSES.join(", ")}.` });
      }
      const project = await openProject(process.cwd());
      const actor = opts.owner ?? cliOwner();
      const t = await updateTask(project.store, {
        id,
        status: st,
        ...st === "in_progress" || opts.owner ? { owner: actor } : {},
        ...opts.note ? { note: opts.note } : {},
        actor,
        actor_ttl_seconds: (await project.config()).claims.default_ttl_seconds,
        ...opts.force ? { force: true } : {}
      });
      emit(opts.json, t, () => `${t.id} is now ${t.status}${t.owner ? ` (owner ${t.owner})` : ""}`);
    })
  );
  task.command("add").description("add a task to the stored plan").argument("<id>").argument("<title>").option("--depends-on <ids...>", "tasks that must land first").option("--files <globs...>", "file scope").option("--estimate <hours>", "hours", Number.parseFloat).option("--alone", "run this task alone (parallel_ok: false)").option("--json", "print JSON").action(
    action(
      async (id, title, o) => {
        const project = await openProject(process.cwd());
        const { task: t, plan } = await addTask(project.store, {
          id,
          title,
          ...o.dependsOn ? { depends_on: o.dependsOn } : {},
          ...o.files ? { files: o.files } : {},
          ...o.estimate !== void 0 ? { estimate: o.estimate } : {},
          ...o.alone ? { parallel_ok: false } : {}
        });
        emit(o.json, t, () => `Added ${t.id} (wave ${plan.waves.findIndex((w) => w.includes(t.id)) + 1})`);
      }
    )
  );
}

// src/core/remote/enable.ts
var URL_RE = /^(?:[a-z][a-z0-9+.-]*:\/\/|[^/\s]+@[^:\s]+:|\/)/i;
async function enableRemote(project, remoteArg) {
  const { repo, store } = project;
  const remote = remoteArg ?? (await project.config()).remote ?? "origin";
  const url = await remoteUrl(repo.mainRoot, remote).catch(() => void 0) ?? (URL_RE.test(remote) ? remote : void 0);
  if (!url) {
    throw new LanesError("INVALID_INPUT", `There is no git remote named ${JSON.stringify(remote)} in this repository.`, {
      hint: "git remote -v lists the remotes; add the team's with git remote add origin <url>, or give its URL: lanes remote enable <url>."
    });
  }
  const prev = readRemoteSetting(store.dir);
  if (prev && prev.remote !== remote) {
    throw new LanesError("CONFLICT", `Shared state already goes through the remote ${JSON.stringify(prev.remote)}.`, {
      hint: `Run lanes remote disable first, then lanes remote enable ${remote}.`
    });
  }
  await lsRemote(repo.mainRoot, remote, "refs/lanes/state/", { env: process.env });
  const rs = new RemoteStore({ cwd: repo.commonDir, remote, machine: hostName(), env: process.env });
  const result = { remote, url, seeded: [], replaced: [], already: prev !== void 0 };
  await store.locked(async () => {
    const r2 = await rs.transact([...SHARED_DOCS], (tx) => {
      const seeded = [];
      for (const doc of SHARED_DOCS) {
        const mine = loadDoc(docFile(store.dir, doc));
        if (!mine?.ok || mine.version === 0) continue;
        if (tx.get(doc, () => null) === null) {
          tx.set(doc, mine.data);
          seeded.push(doc);
        }
      }
      return seeded;
    });
    result.seeded = r2.result;
    for (const [doc, d] of r2.docs) {
      if (result.seeded.includes(doc) || !d.exists) continue;
      const file = docFile(store.dir, doc);
      const mine = loadDoc(file);
      if (mine?.ok && JSON.stringify(mine.data) !== JSON.stringify(d.data)) {
        const kept = `${file}.before-remote-${Date.now()}`;
        fs13.copyFileSync(file, kept);
        result.replaced.push({ doc, kept });
      }
    }
    writeRemoteSetting(store.dir, repo.commonDir, { remote, enabled_at: prev?.enabled_at ?? Date.now() });
  });
  store.shared = await sharedBackend(store.dir, repo.commonDir);
  await store.refresh();
  await store.appendEvent("remote.enabled", { remote, seeded: result.seeded, replaced: result.replaced.map((x) => x.doc) });
  return result;
}
async function disableRemote(project) {
  const { store, repo } = project;
  const prev = readRemoteSetting(store.dir);
  await store.locked(async () => writeRemoteSetting(store.dir, repo.commonDir, void 0));
  store.shared = void 0;
  if (prev) await store.appendEvent("remote.disabled", { remote: prev.remote });
  return { remote: prev?.remote };
}

// src/cli/commands/remote.ts
function registerRemote(program2) {
  const remote = program2.command("remote").description("share the plan, claims and merge queue with other machines through a git remote");
  remote.command("enable").description(`put this clone's shared state on the remote (default: "remote" in .lanes/config.json, else origin)`).argument("[remote]", "a configured remote name or a URL").option("--json", "print JSON").action(
    action(async (name, o) => {
      const project = await openProject(process.cwd());
      const r2 = await enableRemote(project, name);
      emit(o.json, r2, () => renderEnabled(r2));
    })
  );
  remote.command("disable").description("work locally again (the last view of the shared state becomes this clone's own)").option("--json", "print JSON").action(
    action(async (o) => {
      const r2 = await disableRemote(await openProject(process.cwd()));
      emit(
        o.json,
        r2,
        () => r2.remote ? `Shared state no longer goes through ${r2.remote}; this clone works locally.` : "Shared state was not enabled."
      );
    })
  );
  remote.command("status").description("which remote, how old this clone's view is, the remote's target and its merge processor").option("--json", "print JSON").action(
    action(async (o) => {
      const project = await openProject(process.cwd());
      const b = await remoteBrief(project, (await project.config()).target);
      emit(o.json, b, () => renderRemoteBrief(b));
    })
  );
  remote.command("sync").description("read the remote now: shared state and the target branch").option("--json", "print JSON").action(
    action(async (o) => {
      const project = await openProject(process.cwd());
      const target = (await project.config()).target;
      await syncRemote(project, target);
      const b = await remoteBrief(project, target);
      emit(o.json, b, () => renderRemoteBrief(b));
    })
  );
}

// src/cli/commands/sessions.ts
function cliKey(key) {
  if (key) return sessionKey(key);
  return { key: (process.env.CLAUDE_SESSION_ID || process.env.CLAUDE_CODE_SESSION_ID)?.trim() || "cli", explicit: false };
}
function oneOf(what, value, allowed) {
  if (!allowed.includes(value)) {
    throw new LanesError("INVALID_INPUT", `Unknown ${what} "${value}".`, { hint: `Use one of: ${allowed.join(", ")}.` });
  }
  return value;
}
function registerSessions(program2) {
  const session = program2.command("session").description("session logs: start, log, end, list, show (notes live in the lane, under .lanes/sessions)");
  session.command("start").description("start (or resume) the session log for this worktree").argument("<topic>", "what the session is about").option("--type <type>", `kind of work: ${SESSION_TYPES.join(" | ")}`, "feature").option("--task <id>", "the task worked on (default: the lane you are in)").option("--objective <text>", "the goal in more detail").option("--key <key>", 'session key (default: CLAUDE_SESSION_ID, else "cli")').option("--json", "print JSON").action(
    action(async (topic, o) => {
      const type = oneOf("session type", o.type, SESSION_TYPES);
      const project = await openProject(process.cwd());
      const r2 = await startSession(
        project,
        { topic, type, ...o.task ? { task_id: o.task } : {}, ...o.objective ? { objective: o.objective } : {} },
        cliKey(o.key)
      );
      const [checklist, prev] = await Promise.all([
        checkProtocol(project, r2.session.worktree, "start", r2.session.id),
        r2.session.task ? previousNextSteps(project, r2.session.task) : Promise.resolve(void 0)
      ]);
      const previous = prev && prev.session_id !== r2.session.id ? prev : void 0;
      emit(
        o.json,
        { ...r2, checklist, previous_next_steps: previous ?? null },
        () => [
          `${r2.resumed ? "Resumed" : "Started"} session ${r2.session.id} "${r2.session.topic}"${r2.session.task ? ` for task ${r2.session.task}` : ""}`,
          `log: ${r2.note_path}`,
          `Start checklist:
${formatChecklist(checklist)}`,
          ...previous ? [formatPreviousNextSteps(previous)] : []
        ].join("\n")
      );
    })
  );
  session.command("log").description(`add an entry to the active session log: ${ENTRY_KINDS.join(" | ")}`).argument("<kind>", ENTRY_KINDS.join(" | ")).argument("<text...>", "the entry").option("--id <id>", "session id (default: the active session here)").option("--key <key>", "session key").option("--json", "print JSON").action(
    action(async (kind, text, o) => {
      const k = oneOf("entry kind", kind, ENTRY_KINDS);
      const project = await openProject(process.cwd());
      const r2 = await logSession(project, { kind: k, text: text.join(" "), ...o.id ? { id: o.id } : {} }, cliKey(o.key));
      emit(o.json, r2, () => `Logged ${k.replace("_", " ")} in session ${r2.session.id}`);
    })
  );
  session.command("end").description(`end the active session: ${END_STATUSES.join(" | ")}; fills Files changed and Commits and commits the note in a lane`).argument("<status>", END_STATUSES.join(" | ")).argument("<summary>", "what the session achieved").option("--reflection <text>", "what went well or badly").option("--id <id>", "session id (default: the active session here)").option("--key <key>", "session key").option("--json", "print JSON").action(
    action(async (status2, summary, o) => {
      const st = oneOf("status", status2, END_STATUSES);
      const project = await openProject(process.cwd());
      const r2 = await endSession(
        project,
        { status: st, summary, ...o.reflection ? { reflection: o.reflection } : {}, ...o.id ? { id: o.id } : {} },
        cliKey(o.key)
      );
      emit(
        o.json,
        r2,
        () => [
          `Ended session ${r2.session.id} as ${r2.session.status}: ${r2.files.length + r2.files_more} files changed, ${r2.commits.length + r2.commits_more} commits`,
          r2.committed ? `note committed as ${r2.note_commit?.slice(0, 12)}: ${r2.note_path}` : `note written, not committed (${r2.not_committed_reason}): ${r2.note_path}`,
          r2.protocol.ok ? "All end checks pass." : `End checks not passing:
${formatChecklist(r2.protocol)}`
        ].join("\n")
      );
      if (!r2.protocol.ok) process.exitCode = 1;
    })
  );
  session.command("list").description("list and search session logs, newest first").option("--task <id>", "only sessions of this task").option("--status <status>", `active | ${END_STATUSES.join(" | ")}`).option("-q, --query <words>", "words to find in topic and summary").option("-n, --limit <n>", "most sessions to list (default 20)", (v) => Number.parseInt(v, 10)).option("--json", "print JSON").action(
    action(async (o) => {
      const status2 = o.status === void 0 ? void 0 : oneOf("status", o.status, ["active", ...END_STATUSES]);
      if (o.limit !== void 0 && !(Number.isInteger(o.limit) && o.limit >= 1)) {
        throw new LanesError("INVALID_INPUT", "The limit must be a positive whole number.", { hint: "For example: -n 50." });
      }
      const project = await openProject(process.cwd());
      const r2 = await listSessions(project, {
        ...o.task ? { task_id: o.task } : {},
        ...status2 ? { status: status2 } : {},
        ...o.query ? { query: o.query } : {},
        ...o.limit ? { limit: o.limit } : {}
      });
      emit(
        o.json,
        r2,
        () => r2.total === 0 ? "No sessions match." : r2.sessions.map(
          (s) => `${s.id}	${s.status}	${s.task ?? "-"}	${s.started}	${s.topic}${s.summary ? ` \u2014 ${s.summary.split("\n")[0]}` : ""}`
        ).join("\n") + (r2.total > r2.sessions.length ? `
(${r2.total - r2.sessions.length} more)` : "")
      );
    })
  );
  session.command("show").description("print a session log (Markdown as stored; --json for the parsed note)").argument("<id>", "session id").option("--json", "print JSON").action(
    action(async (id, o) => {
      const project = await openProject(process.cwd());
      const r2 = await getSession(project, id);
      if (!r2.markdown && !o.json) {
        throw new LanesError("NOT_FOUND", `The note of session ${id} can no longer be found (${r2.session.path}).`, {
          hint: "Its lane was removed before the note was committed; the index entry is all that is left (lanes session list --json)."
        });
      }
      emit(o.json, r2, () => r2.markdown.trimEnd());
    })
  );
  session.command("check").description("run the session protocol checks of this worktree (exit 1 when one fails)").argument("<phase>", "start | end").option("--id <id>", "session id (default: the active or latest session here)").option("--json", "print JSON").action(
    action(async (phase, o) => {
      const p = oneOf("phase", phase, ["start", "end"]);
      const project = await openProject(process.cwd());
      const r2 = await checkProtocol(project, project.repo.worktreeRoot, p, o.id);
      emit(o.json, r2, () => formatChecklist(r2));
      if (!r2.ok) process.exitCode = 1;
    })
  );
}

// src/cli/commands/status.ts
function registerStatus(program2) {
  program2.command("status").description("the whole picture at a glance: plan by wave, lanes, claims, merge queue, run, resources, recent events").option("--json", "print JSON (with --watch: one line per change)").option("-w, --watch", "keep refreshing until Ctrl-C (in place on a terminal)").option("-i, --interval <seconds>", "seconds between refreshes with --watch (default 2); state changes show at once").option("--events <n>", "how many recent events to show (default 10)").action(
    action(async (opts) => {
      const events = opts.events === void 0 ? void 0 : intOption("--events", opts.events, 0, 200);
      const project = await openProject(process.cwd());
      if (opts.watch) {
        const seconds2 = opts.interval === void 0 ? 2 : numOption("--interval", opts.interval, 0.2, 3600);
        await watch(project, { json: !!opts.json, intervalMs: seconds2 * 1e3, ...events !== void 0 ? { events } : {} });
        return;
      }
      const s = await status(project, events !== void 0 ? { events } : {});
      emit(opts.json, s, () => renderStatus2(s, { color: colorEnabled() }));
    })
  );
  program2.command("doctor").description("check git version, repository, config and free CPU / memory / disk").option("--json", "print JSON").action(
    action(async (opts) => {
      const d = await checkResources(process.cwd());
      emit(opts.json, d, () => renderDoctor(d));
      if (!d.ok) process.exitCode = 1;
    })
  );
}
async function watch(project, o) {
  const out = process.stdout;
  const tty = !!out.isTTY && !o.json;
  const feed = new StatusFeed(project, {
    emit: "always",
    pollMs: o.intervalMs,
    debounceMs: 200,
    minIntervalMs: Math.min(o.intervalMs, 1e3),
    keepAlive: true,
    ...o.events !== void 0 ? { events: o.events } : {}
  });
  let lastPrint;
  const frame = (s) => {
    if (tty) {
      const rows = Math.max(5, out.rows ?? 40);
      let lines = renderStatus2(s, { color: colorEnabled(out), width: out.columns ?? 100 }).split("\n");
      if (lines.length > rows - 1)
        lines = [...lines.slice(0, rows - 2), `\u2026 ${lines.length - rows + 2} more lines (enlarge the window, or lanes status --json)`];
      out.write(`\x1B[H${lines.map((l) => `${l}\x1B[K`).join("\n")}
\x1B[J`);
      return;
    }
    const print = fingerprint(s);
    if (print === lastPrint) return;
    lastPrint = print;
    out.write(o.json ? `${JSON.stringify(s)}
` : `${renderStatus2(s)}

`);
  };
  if (tty) out.write("\x1B[?25l\x1B[2J");
  const unsubscribe = feed.subscribe(frame);
  const onResize = () => void feed.refresh();
  out.on("resize", onResize);
  let stop = () => void 0;
  const stopped = new Promise((resolve) => stop = resolve);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  out.on("error", stop);
  try {
    await feed.refresh();
    await stopped;
  } finally {
    unsubscribe();
    feed.stop();
    out.off("resize", onResize);
    if (tty) out.write("\x1B[?25h");
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    out.off("error", stop);
  }
}
function numOption(name, v, min, max) {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new LanesError("INVALID_INPUT", `Invalid ${name} ${JSON.stringify(v)}.`, { hint: `Use a number from ${min} to ${max}.` });
  }
  return n;
}
function intOption(name, v, min, max) {
  const n = numOption(name, v, min, max);
  if (!Number.isInteger(n))
    throw new LanesError("INVALID_INPUT", `Invalid ${name} ${JSON.stringify(v)}.`, { hint: `Use a whole number from ${min} to ${max}.` });
  return n;
}

// src/cli/examples.ts
var EXAMPLES = {
  "": ["lanes init", "lanes plan tasks.yaml", "lanes run", "lanes -C ../repo status", 'cd "$(lanes path api)"'],
  init: ["lanes init            # asks before writing .lanes/config.json", "lanes init --yes      # write the guessed config"],
  plan: [
    "lanes plan tasks.yaml",
    "lanes plan ROADMAP.md",
    "lanes plan            # the stored plan with each task's state",
    "lanes plan --json"
  ],
  next: ["lanes next", "lanes next -n 3 --json"],
  task: ["lanes task show api", "lanes task set api done", 'lanes task add api-docs "API docs" --depends-on api'],
  "task set": ["lanes task set api in_progress --owner me", 'lanes task set api blocked --note "waiting on the schema"'],
  "task add": ['lanes task add api-docs "API docs" --depends-on api --files docs/api.md --estimate 2'],
  "task show": ["lanes task show api", "lanes task show api --json"],
  status: ["lanes status", "lanes status --watch", "lanes status --json | jq .lanes"],
  doctor: ["lanes doctor", "lanes doctor --json"],
  start: ["lanes start api", "lanes start api --base release-1.2", 'cd "$(lanes path api)"'],
  take: ["lanes take api", "lanes take api --force   # from a live owner: a human decision"],
  list: ["lanes list", "lanes ls --json"],
  path: ['cd "$(lanes path api)"', 'code "$(lanes path api)"'],
  remove: [
    "lanes remove api --dry-run",
    "lanes remove api",
    "lanes remove api --force   # keeps everything under refs/lanes/backup/api/<time>"
  ],
  cleanup: ["lanes cleanup --dry-run", "lanes cleanup"],
  claim: ['lanes claim task:api "src/api/**" --reason "rewriting the router"', "lanes claim me docs/api.md --shared --ttl 600"],
  release: ["lanes release task:api", 'lanes release task:api "src/api/**"'],
  remote: ["lanes remote enable", "lanes remote status", "lanes remote sync"],
  "remote enable": [
    'lanes remote enable            # "remote" in .lanes/config.json, else origin',
    "lanes remote enable upstream",
    "lanes remote enable ssh://git@host/team/repo.git"
  ],
  "remote disable": ["lanes remote disable"],
  "remote status": ["lanes remote status", "lanes remote status --json"],
  "remote sync": ["lanes remote sync", "lanes remote sync --json"],
  claims: ["lanes claims", "lanes claims --path src/api/router.ts"],
  port: ["lanes port task:api", "lanes port task:api --release"],
  merge: ["lanes merge queue api", "lanes merge run", "lanes merge status"],
  "merge queue": ["lanes merge queue api", "lanes merge queue api --strategy squash"],
  "merge run": ["lanes merge run --dry-run", "lanes merge run", "lanes merge run --max-batches 1 --json"],
  "merge status": ["lanes merge status", "lanes merge status --task api --json"],
  "merge cancel": ["lanes merge cancel api"],
  "merge revert": ["lanes merge revert api"],
  "merge approve": ["lanes merge approve api"],
  "merge log": ["lanes merge log api", "lanes merge log --list", "lanes merge log api --id <id>"],
  session: ['lanes session start "router rewrite" --task api', "lanes session list -q router"],
  "session start": ['lanes session start "router rewrite" --type refactor --task api'],
  "session log": ['lanes session log decision "keep the old routes behind a flag"'],
  "session end": ['lanes session end completed "router rewritten, tests green"'],
  "session list": ["lanes session list", "lanes session list --task api --status active"],
  "session show": ["lanes session show <id>"],
  "session check": ["lanes session check start", "lanes session check end --json"],
  run: ["lanes run tasks.yaml", "lanes run --agent codex --max-parallel 4", "lanes run --json"],
  dashboard: ["lanes dashboard", "lanes dashboard --port 8080 --open"],
  mcp: ["lanes mcp", "lanes mcp --repo /path/to/repo"],
  demo: ["lanes demo", "lanes demo --agent claude --dir /tmp/lanes-demo"],
  agent: ["lanes agent scripted --task api"],
  "agent scripted": ["lanes agent scripted --task api --unit-ms 200"],
  completion: [
    "lanes completion bash > ~/.local/share/bash-completion/completions/lanes",
    'lanes completion zsh > "${fpath[1]}/_lanes"',
    "lanes completion fish > ~/.config/fish/completions/lanes.fish"
  ],
  help: ["lanes help merge run"]
};
function examplesText(path11) {
  const list = Object.hasOwn(EXAMPLES, path11) ? EXAMPLES[path11] : void 0;
  return list?.length ? `
Examples:
${list.map((l) => `  $ ${l}`).join("\n")}
` : void 0;
}

// src/cli/program.ts
function buildProgram() {
  const program2 = new Command();
  program2.name("lanes").description(
    "Run many coding agents on one git repository: a checked plan, a worktree per task, enforced file claims, a merge queue that keeps main green."
  ).version(VERSION, "-v, --version").option(
    "-C <dir>",
    "run as if lanes was started in <dir> (may be repeated)",
    (v, prev) => path10.resolve(prev ?? ".", v)
  ).showSuggestionAfterError().exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s) => writeParseError(s) });
  program2.hook("preAction", (root) => {
    const dir = root.opts().C;
    if (dir === void 0) return;
    if (!fs14.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new LanesError("INVALID_INPUT", `Cannot change to ${JSON.stringify(dir)}: no such directory.`, {
        hint: "Give -C an existing directory (relative paths are taken from the current one)."
      });
    }
    process.chdir(dir);
  });
  registerInit(program2);
  registerPlan(program2);
  registerStatus(program2);
  registerLanes(program2);
  registerClaims(program2);
  registerMerge(program2);
  registerSessions(program2);
  registerRun(program2);
  registerRemote(program2);
  registerDashboard(program2);
  registerMcp(program2);
  registerDemo(program2);
  registerAgent(program2);
  registerCompletion(program2, () => program2);
  for (const { cmd, path: p } of walkCommands(program2)) {
    const text = examplesText(p);
    if (text) cmd.addHelpText("after", text);
  }
  return program2;
}
function walkCommands(root) {
  const out = [];
  const visit = (cmd, p) => {
    out.push({ cmd, path: p });
    for (const sub of cmd.commands) visit(sub, p ? `${p} ${sub.name()}` : sub.name());
  };
  visit(root, "");
  return out;
}
async function runProgram(argv) {
  try {
    await buildProgram().parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 || e.code === "commander.help" || e.code === "commander.helpDisplayed" || e.code === "commander.version" ? e.exitCode : 2;
      return;
    }
    reportError(e, jsonWanted(argv));
  }
}
function jsonWanted(argv) {
  const end2 = argv.indexOf("--");
  return (end2 < 0 ? argv : argv.slice(0, end2)).includes("--json");
}
function writeParseError(raw) {
  const text = raw.trim().replace(/^error: /, "");
  const m = /^(unknown (?:command|option) '[^']*')(?:\s*\(Did you mean (one of )?(.*)\?\))?/s.exec(text);
  let message = text;
  let hint = "See 'lanes --help', or 'lanes <command> --help'.";
  if (m) {
    const names = m[3]?.split(", ").map((n) => `'${n}'`);
    message = `${m[1]}.${names ? ` Did you mean ${m[2] ? "one of " : ""}${names.join(", ")}?` : ""}`;
    hint = names ? null : hint;
  }
  if (jsonWanted(process.argv)) {
    process.stdout.write(`${jsonOut({ error: { code: "INVALID_INPUT", message, hint } })}
`);
    return;
  }
  process.stderr.write(`lanes: ${message}
${hint ? `${hint}
` : ""}`);
}
export {
  buildProgram,
  runProgram,
  walkCommands
};

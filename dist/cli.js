#!/usr/bin/env node
import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);
var __defProp = Object.defineProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// cli/io.ts
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { styleText } from "node:util";

// protocol/printable.ts
var CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
var INVISIBLE_CHARACTER = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
var ESCAPED = new RegExp(`${CONTROL_CHARACTER.source.slice(0, -1)}${INVISIBLE_CHARACTER.source.slice(1)}`, "g");
function shown(text) {
  return text.replace(ESCAPED, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).replaceAll("::", ":\u200B:").replaceAll("##[", "#\u200B#[");
}

// cli/io.ts
function processIo() {
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}
`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}
`),
    readFile: (path2) => readFileSync(path2, "utf8"),
    readStdin: readAllStdin,
    writeFile: (path2, text) => {
      mkdirSync(dirname(path2), { recursive: true });
      writeFileSync(path2, text);
    },
    writeSecretFile: (path2, text) => {
      mkdirSync(dirname(path2), { recursive: true });
      if (existsSync(path2)) chmodSync(path2, 384);
      writeFileSync(path2, text, { mode: 384 });
    },
    gitWouldTrack,
    stdoutIsTerminal: process.stdout.isTTY === true,
    env: process.env,
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    now: () => Date.now(),
    fetch: (input, init) => fetch(input, init)
  };
}
var MAX_STDIN_BYTES = 1024 * 1024;
function readAllStdin() {
  const chunks = [];
  const buffer = Buffer.alloc(64 * 1024);
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let total = 0;
  for (; ; ) {
    let read;
    try {
      read = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = error.code;
      if (code === "EAGAIN") {
        Atomics.wait(pause, 0, 0, 10);
        continue;
      }
      if (code === "EOF") break;
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > MAX_STDIN_BYTES) throw new CliError(`standard input holds more than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(Buffer.from(buffer.subarray(0, read)));
  }
  return Buffer.concat(chunks).toString("utf8");
}
function gitWouldTrack(path2) {
  const file = resolve(path2);
  let dir = dirname(file);
  while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
  const git = (args) => execFileSync("git", ["-C", dir, ...args], { stdio: "ignore" });
  try {
    git(["rev-parse", "--is-inside-work-tree"]);
  } catch {
    return false;
  }
  try {
    git(["check-ignore", "-q", "--", file]);
    return false;
  } catch (error) {
    return error.status !== 0;
  }
}
function painter(io) {
  return (style, text) => io.color ? styleText(style, text, { validateStream: false }) : text;
}
var CliError = class extends Error {
  constructor(message2, exitCode = 2) {
    super(message2);
    this.exitCode = exitCode;
  }
  exitCode;
};
function readInput(io, path2, what) {
  try {
    return path2 === "-" ? io.readStdin() : io.readFile(path2);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = error.code;
    throw new CliError(
      `cannot read ${what} ${path2 === "-" ? "from standard input" : `"${path2}"`}${code ? ` (${code})` : ""}`
    );
  }
}

// node_modules/commander/lib/error.js
var CommanderError = class extends Error {
  /**
   * Constructs the CommanderError class
   * @param {number} exitCode suggested exit code which could be used with process.exit
   * @param {string} code an id string representing the error
   * @param {string} message human-readable description of the error
   */
  constructor(exitCode, code, message2) {
    super(message2);
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
    this.code = code;
    this.exitCode = exitCode;
    this.nestedError = void 0;
  }
};
var InvalidArgumentError = class extends CommanderError {
  /**
   * Constructs the InvalidArgumentError class
   * @param {string} [message] explanation of why argument is invalid
   */
  constructor(message2) {
    super(1, "commander.invalidArgument", message2);
    Error.captureStackTrace(this, this.constructor);
    this.name = this.constructor.name;
  }
};

// node_modules/commander/lib/argument.js
var Argument = class {
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
        throw new InvalidArgumentError(
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

// node_modules/commander/lib/command.js
import { EventEmitter } from "node:events";
import childProcess from "node:child_process";
import path from "node:path";
import fs from "node:fs";
import process2 from "node:process";
import { stripVTControlCharacters as stripVTControlCharacters2 } from "node:util";

// node_modules/commander/lib/help.js
import { stripVTControlCharacters } from "node:util";
var Help = class {
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
          cmd.createOption(helpOption.long, helpOption.description).helpGroup(helpOption.helpGroupHeading)
        );
      } else if (helpOption.short && !removeShort) {
        visibleOptions.push(
          cmd.createOption(helpOption.short, helpOption.description).helpGroup(helpOption.helpGroupHeading)
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
    const result2 = /* @__PURE__ */ new Map();
    unsortedItems.forEach((item) => {
      const group = getGroup(item);
      if (!result2.has(group)) result2.set(group, []);
    });
    visibleItems.forEach((item) => {
      const group = getGroup(item);
      if (!result2.has(group)) {
        result2.set(group, []);
      }
      result2.get(group).push(item);
    });
    return result2;
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
    return stripVTControlCharacters(str).length;
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

// node_modules/commander/lib/option.js
var Option = class {
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
    this.variadic = new RegExp("\\p{ID_Continue}\\.\\.\\.[>\\]]$", "u").test(flags);
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
        throw new InvalidArgumentError(
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
    this.negativeOptions.forEach((value, key2) => {
      if (this.positiveOptions.has(key2)) {
        this.dualOptions.add(key2);
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

// node_modules/commander/lib/suggestSimilar.js
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
      let cost;
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

// node_modules/commander/lib/command.js
var Command = class _Command extends EventEmitter {
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
      stripColor: (str) => stripVTControlCharacters2(str)
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
    const result2 = [];
    for (let command = this; command; command = command.parent) {
      result2.push(command);
    }
    return result2;
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
    return Object.assign(new Help(), this.configureHelp());
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
    return new Argument(name, description);
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
  _exit(exitCode, code, message2) {
    if (this._exitCallback) {
      this._exitCallback(new CommanderError(exitCode, code, message2));
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
    return new Option(flags, description);
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
        const message2 = `${invalidArgumentMessage} ${err.message}`;
        this.error(message2, { exitCode: err.exitCode, code: err.code });
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
    if (option.defaultValue !== void 0) {
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
    if (typeof flags === "object" && flags instanceof Option) {
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
  getOptionValue(key2) {
    if (this._storeOptionsAsProperties) {
      return this[key2];
    }
    return this._optionValues[key2];
  }
  /**
   * Store option value.
   *
   * @param {string} key
   * @param {object} value
   * @return {Command} `this` command for chaining
   */
  setOptionValue(key2, value) {
    return this.setOptionValueWithSource(key2, value, void 0);
  }
  /**
   * Store option value and where the value came from.
   *
   * @param {string} key
   * @param {object} value
   * @param {string} source - expected values are default/config/env/cli/implied
   * @return {Command} `this` command for chaining
   */
  setOptionValueWithSource(key2, value, source) {
    if (this._storeOptionsAsProperties) {
      this[key2] = value;
    } else {
      this._optionValues[key2] = value;
    }
    this._optionValueSources[key2] = source;
    return this;
  }
  /**
   * Get source of option value.
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */
  getOptionValueSource(key2) {
    return this._optionValueSources[key2];
  }
  /**
   * Get source of option value. See also .optsWithGlobals().
   * Expected values are default | config | env | cli | implied
   *
   * @param {string} key
   * @return {string}
   */
  getOptionValueSourceWithGlobals(key2) {
    let source;
    this._getCommandAndAncestors().forEach((cmd) => {
      if (Object.hasOwn(cmd._optionValueSources, key2)) {
        source = cmd.getOptionValueSource(key2);
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
  _prepareUserArgs(argv, parseOptions2) {
    if (argv !== void 0 && !Array.isArray(argv)) {
      throw new Error("first parameter to parse must be array or undefined");
    }
    parseOptions2 = parseOptions2 || {};
    if (argv === void 0 && parseOptions2.from === void 0) {
      if (process2.versions?.electron) {
        parseOptions2.from = "electron";
      }
      const execArgv = process2.execArgv ?? [];
      if (execArgv.includes("-e") || execArgv.includes("--eval") || execArgv.includes("-p") || execArgv.includes("--print")) {
        parseOptions2.from = "eval";
      }
    }
    if (argv === void 0) {
      argv = process2.argv;
    }
    this.rawArgs = argv.slice();
    let userArgs;
    switch (parseOptions2.from) {
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
          `unexpected parse option { from: '${parseOptions2.from}' }`
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
  parse(argv, parseOptions2) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions2);
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
  async parseAsync(argv, parseOptions2) {
    this._prepareForParse();
    const userArgs = this._prepareUserArgs(argv, parseOptions2);
    await this._parseCommand([], userArgs);
    return this;
  }
  _prepareForParse() {
    if (this._savedState === null) {
      this.options.filter(
        (option) => option.negate && option.defaultValue === void 0 && this.getOptionValue(option.attributeName()) === void 0
      ).forEach((option) => {
        const positiveLongFlag = option.long.replace(/^--no-/, "--");
        if (!this._findOption(positiveLongFlag)) {
          this.setOptionValueWithSource(
            option.attributeName(),
            true,
            "default"
          );
        }
      });
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
    if (fs.existsSync(executableFile)) return;
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
    const sourceExt = [".js", ".ts", ".tsx", ".mjs", ".cjs"];
    function findFile(baseDir, baseName) {
      const localBin = path.resolve(baseDir, baseName);
      if (fs.existsSync(localBin)) return localBin;
      if (sourceExt.includes(path.extname(baseName))) return void 0;
      const foundExt = sourceExt.find(
        (ext) => fs.existsSync(`${localBin}${ext}`)
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
        resolvedScriptPath = fs.realpathSync(this._scriptPath);
      } catch {
        resolvedScriptPath = this._scriptPath;
      }
      executableDir = path.resolve(
        path.dirname(resolvedScriptPath),
        executableDir
      );
    }
    if (executableDir) {
      let localFile = findFile(executableDir, executableFile);
      if (!localFile && !subcommand._executableFile && this._scriptPath) {
        const legacyName = path.basename(
          this._scriptPath,
          path.extname(this._scriptPath)
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
    const launchWithNode = sourceExt.includes(path.extname(executableFile));
    let proc;
    if (process2.platform !== "win32") {
      if (launchWithNode) {
        args.unshift(executableFile);
        args = incrementNodeInspectorPort(process2.execArgv).concat(args);
        proc = childProcess.spawn(process2.argv[0], args, { stdio: "inherit" });
      } else {
        proc = childProcess.spawn(executableFile, args, { stdio: "inherit" });
      }
    } else {
      this._checkForMissingExecutable(
        executableFile,
        executableDir,
        subcommand._name
      );
      args.unshift(executableFile);
      args = incrementNodeInspectorPort(process2.execArgv).concat(args);
      proc = childProcess.spawn(process2.execPath, args, { stdio: "inherit" });
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
          new CommanderError(
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
        const wrappedError = new CommanderError(
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
    let result2 = promise;
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
      result2 = this._chainOrCall(result2, () => {
        return hookDetail.callback(hookDetail.hookedCommand, this);
      });
    });
    return result2;
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
    let result2 = promise;
    if (this._lifeCycleHooks[event] !== void 0) {
      this._lifeCycleHooks[event].forEach((hook) => {
        result2 = this._chainOrCall(result2, () => {
          return hook(this, subCommand);
        });
      });
    }
    return result2;
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
      if (!/^-(\d+|\d*\.\d+)([eE][+-]?\d+)?$/.test(arg)) return false;
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
      const result2 = {};
      const len = this.options.length;
      for (let i = 0; i < len; i++) {
        const key2 = this.options[i].attributeName();
        result2[key2] = key2 === this._versionOptionName ? this._version : this[key2];
      }
      return result2;
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
  error(message2, errorOptions) {
    this._outputConfiguration.outputError(
      `${message2}
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
    this._exit(exitCode, code, message2);
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
    const message2 = `error: missing required argument '${name}'`;
    this.error(message2, { code: "commander.missingArgument" });
  }
  /**
   * `Option` is missing an argument.
   *
   * @param {Option} option
   * @private
   */
  optionMissingArgument(option) {
    const message2 = `error: option '${option.flags}' argument missing`;
    this.error(message2, { code: "commander.optionMissingArgument" });
  }
  /**
   * `Option` does not have a value, and is a mandatory option.
   *
   * @param {Option} option
   * @private
   */
  missingMandatoryOptionValue(option) {
    const message2 = `error: required option '${option.flags}' not specified`;
    this.error(message2, { code: "commander.missingMandatoryOptionValue" });
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
    const message2 = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
    this.error(message2, { code: "commander.conflictingOption" });
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
    const message2 = `error: unknown option '${flag}'${suggestion}`;
    this.error(message2, { code: "commander.unknownOption" });
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
    const received = receivedArgs.length;
    const forSubcommand = this.parent ? ` for '${this.name()}'` : "";
    const details = receivedArgs.join(", ");
    const message2 = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${received}: ${details}.`;
    this.error(message2, { code: "commander.excessArguments" });
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
    const message2 = `error: unknown command '${unknownName}'${suggestion}`;
    this.error(message2, { code: "commander.unknownCommand" });
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
   * program.commandsGroup('Development Commands:');
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
   * or import.meta.filename.
   *
   * (Used internally and public although not documented in README.)
   *
   * @example
   * program.nameFromFilename(import.meta.filename);
   *
   * @param {string} filename
   * @return {Command}
   */
  nameFromFilename(filename) {
    this._name = path.basename(filename, path.extname(filename));
    return this;
  }
  /**
   * Get or set the directory for searching for executable subcommands of this command.
   *
   * @example
   * program.executableDir(import.meta.dirname);
   * // or
   * program.executableDir('subcommands');
   *
   * @param {string} [path]
   * @return {(string|null|Command)}
   */
  executableDir(path2) {
    if (path2 === void 0) return this._executableDir;
    this._executableDir = path2;
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
   * program.helpOption('-?, --help', 'show help'); // customise
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
    if ((match = arg.match(/^(--inspect(-brk|-wait)?)$/)) !== null) {
      debugOption = match[1];
    } else if ((match = arg.match(
      /^(--inspect(-brk|-port|-wait)?)=(\[[^\]]+\]|[^:]+)$/
    )) !== null) {
      debugOption = match[1];
      if (/^\d+$/.test(match[3])) {
        debugPort = match[3];
      } else {
        debugHost = match[3];
      }
    } else if ((match = arg.match(
      /^(--inspect(-brk|-port|-wait)?)=(\[[^\]]+\]|[^:]+):(\d+)$/
    )) !== null) {
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

// node_modules/commander/index.js
var program = new Command();

// package.json
var version = "0.1.0";

// node_modules/jose/dist/webapi/lib/buffer_utils.js
var encoder = new TextEncoder();
var decoder = new TextDecoder();
var strictDecoder = new TextDecoder("utf-8", { fatal: true });
var UINT32_RANGE = 2 ** 32;
function concat(...buffers) {
  const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
  let i = 0;
  for (const buffer of buffers)
    buf.set(buffer, i), i += buffer.length;
  return buf;
}
var NON_ASCII = /[^\x00-\x7f]/;
function encode(string2) {
  if (typeof string2 == "string" && string2.length >= 128) {
    if (NON_ASCII.test(string2))
      throw new TypeError("non-ASCII string encountered in encode()");
    return encoder.encode(string2);
  }
  const bytes = new Uint8Array(string2.length);
  for (let i = 0; i < string2.length; i++) {
    const code = string2.charCodeAt(i);
    if (code > 127)
      throw new TypeError("non-ASCII string encountered in encode()");
    bytes[i] = code;
  }
  return bytes;
}
function encodeBase64(input, url = false) {
  if (Uint8Array.prototype.toBase64)
    return input.toBase64({ alphabet: url ? "base64url" : "base64", omitPadding: url });
  const CHUNK_SIZE = 32768, arr = [];
  for (let i = 0; i < input.length; i += CHUNK_SIZE)
    arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
  const encoded = btoa(arr.join(""));
  return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = false) {
  if (Uint8Array.fromBase64)
    return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
  if (url) {
    if (encoded.includes("+") || encoded.includes("/"))
      throw new TypeError("Invalid base64url");
    encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
  }
  const binary2 = atob(encoded), bytes = new Uint8Array(binary2.length);
  for (let i = 0; i < binary2.length; i++)
    bytes[i] = binary2.charCodeAt(i);
  return bytes;
}
async function digest(algorithm, data) {
  const subtleDigest = `SHA-${algorithm.slice(-3)}`;
  return new Uint8Array(await crypto.subtle.digest(subtleDigest, data));
}

// node_modules/jose/dist/webapi/util/errors.js
var JOSEError = class extends Error {
  static code = "ERR_JOSE_GENERIC";
  code = "ERR_JOSE_GENERIC";
  constructor(message2, options) {
    super(message2, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
  }
};
var JOSENotSupported = class extends JOSEError {
  static code = "ERR_JOSE_NOT_SUPPORTED";
  code = "ERR_JOSE_NOT_SUPPORTED";
};
var JWSInvalid = class extends JOSEError {
  static code = "ERR_JWS_INVALID";
  code = "ERR_JWS_INVALID";
};
var JWTInvalid = class extends JOSEError {
  static code = "ERR_JWT_INVALID";
  code = "ERR_JWT_INVALID";
};
var JWKInvalid = class extends JOSEError {
  static code = "ERR_JWK_INVALID";
  code = "ERR_JWK_INVALID";
};

// node_modules/jose/dist/webapi/util/base64url.js
var base64url_exports = {};
__export(base64url_exports, {
  decode: () => decode,
  encode: () => encode2
});
var invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
  try {
    return decodeBase64(typeof input == "string" ? input : decoder.decode(input), true);
  } catch (cause) {
    throw new TypeError(invalid, { cause });
  }
}
function encode2(input) {
  return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, true);
}

// node_modules/jose/dist/webapi/lib/validate.js
function isObject(input) {
  if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]")
    return false;
  const prototype = Object.getPrototypeOf(input);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isDisjoint(...headers) {
  const parameters = /* @__PURE__ */ new Set();
  for (const header of headers)
    if (header)
      for (const parameter of Object.keys(header)) {
        if (parameters.has(parameter))
          return false;
        parameters.add(parameter);
      }
  return true;
}
function assertNotSet(value, name) {
  if (value !== void 0)
    throw new TypeError(`${name} can only be called once`);
}
var JWS_RECOGNIZED = { __proto__: null, b64: true };
function validateCritDuplicates(Err, protectedHeader) {
  const { crit } = protectedHeader ?? {};
  if (Array.isArray(crit) && new Set(crit).size !== crit.length)
    throw new Err('"crit" (Critical) Header Parameter MUST NOT contain duplicate values');
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
  if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0)
    throw new Err('"crit" (Critical) Header Parameter MUST be integrity protected');
  if (!protectedHeader || protectedHeader.crit === void 0)
    return [];
  if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0))
    throw new Err('"crit" (Critical) Header Parameter MUST be an array of non-empty strings when present');
  const recognized = recognizedOption === void 0 ? recognizedDefault : { __proto__: null, ...recognizedOption, ...recognizedDefault };
  for (const parameter of protectedHeader.crit) {
    if (!(parameter in recognized))
      throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
    if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0)
      throw new Err(`Extension Header Parameter "${parameter}" is missing`);
    if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0))
      throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
  }
  return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
  if (extensions.includes("b64")) {
    const b64 = protectedHeader.b64;
    if (typeof b64 != "boolean")
      throw new JWSInvalid('The "b64" (base64url-encode payload) Header Parameter must be a boolean');
    return b64;
  }
  return true;
}
function serializeJoseHeader(Err, header) {
  let serialized, parsed;
  try {
    serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
  } catch (cause) {
    throw new Err("JOSE Header is not valid JSON", { cause });
  }
  if (!isObject(parsed))
    throw new Err("JOSE Header is not a JSON object");
  return [parsed, serialized];
}

// node_modules/jose/dist/webapi/lib/key.js
var tag = (key2) => key2[Symbol.toStringTag];
var jwkMatchesOp = (entry, key2, usage) => {
  const { alg } = entry;
  if (key2.use !== void 0) {
    const expected = usage === "sign" || usage === "verify" ? "sig" : "enc";
    if (key2.use !== expected)
      throw new TypeError(`Invalid key for this operation, its "use" must be "${expected}" when present`);
  }
  if (key2.kty === "AKP" && key2.alg === void 0)
    throw new TypeError('missing "alg" (Algorithm) Parameter value');
  if (key2.alg !== void 0 && key2.alg !== alg)
    throw new TypeError(`Invalid key for this operation, its "alg" must be "${alg}" when present`);
  if (Array.isArray(key2.key_ops)) {
    const expectedKeyOp = usage === "encrypt" || usage === "decrypt" ? entry.ops?.[usage === "encrypt" ? 0 : 1] : usage;
    if (expectedKeyOp && !key2.key_ops.includes(expectedKeyOp))
      throw new TypeError(`Invalid key for this operation, its "key_ops" must include "${expectedKeyOp}" when present`);
  }
};
async function prepareKey(entry, key2, usage) {
  const { alg, secret } = entry, requiresPrivateKey = usage === "decrypt" || usage === "sign";
  if (secret && key2 instanceof Uint8Array)
    return key2;
  let normalized2, keyObject;
  if (isObject(key2)) {
    if (normalized2 = normalizeJwk(key2), typeof normalized2.kty != "string")
      throw invalidKeyType(alg, key2, secret);
    if (!(secret ? normalized2.kty === "oct" && typeof normalized2.k == "string" : normalized2.kty !== "oct" && (requiresPrivateKey ? normalized2.kty === "AKP" && typeof normalized2.priv == "string" || typeof normalized2.d == "string" : normalized2.d === void 0 && normalized2.priv === void 0)))
      throw new TypeError(secret ? 'JSON Web Key for symmetric algorithms must have JWK "kty" (Key Type) equal to "oct" and the JWK "k" (Key Value) present' : `JSON Web Key for this operation must be a ${requiresPrivateKey ? "private" : "public"} JWK`);
    if (jwkMatchesOp(entry, normalized2, usage), normalized2.kty === "oct")
      return decode(normalized2.k);
    if (!Object.isFrozen(key2)) {
      const { key_ops } = key2;
      Array.isArray(key_ops) && Object.freeze(key_ops), Object.freeze(key2);
    }
  } else {
    if (!isKeyLike(key2))
      throw invalidKeyType(alg, key2, secret);
    const expectedType = secret ? "secret" : requiresPrivateKey ? "private" : "public";
    if (key2.type !== expectedType && (secret || ["secret", "public", "private"].includes(key2.type)))
      throw new TypeError(`${tag(key2)} instances must be of type "${expectedType}" for the ${alg} algorithm`);
    if (isCryptoKey(key2))
      return key2;
    if (keyObject = key2, keyObject.type === "secret")
      return keyObject.export();
  }
  cache ||= /* @__PURE__ */ new WeakMap();
  const cacheKey = key2;
  let cached = cache.get(cacheKey);
  if (cached?.[alg])
    return cached[alg];
  if (cached || cache.set(cacheKey, cached = {}), keyObject && typeof keyObject.toCryptoKey == "function") {
    const isPublic = keyObject.type === "public", crv = nist[keyObject.asymmetricKeyDetails?.namedCurve], params = entry.resolve?.({ crv, asymmetricKeyType: keyObject.asymmetricKeyType }) ?? entry.subtle;
    return cached[alg] = keyObject.toCryptoKey(params, isPublic, entry.usages[isPublic ? 0 : 1]);
  }
  return normalized2 ??= keyObject.export({ format: "jwk" }), normalized2.alg = alg, cached[alg] = await jwkToKey(entry, normalized2);
}
var cache;
var nist = {
  __proto__: null,
  prime256v1: "P-256",
  secp384r1: "P-384",
  secp521r1: "P-521"
};
var isCryptoKey = (key2) => {
  if (key2?.[Symbol.toStringTag] === "CryptoKey")
    return true;
  try {
    return key2 instanceof CryptoKey;
  } catch {
    return false;
  }
};
var isKeyObject = (key2) => key2?.[Symbol.toStringTag] === "KeyObject";
var isKeyLike = (key2) => isCryptoKey(key2) || isKeyObject(key2);
function message(msg, actual, ...types) {
  if (types.length > 2) {
    const last = types.pop();
    msg += `one of type ${types.join(", ")}, or ${last}.`;
  } else types.length === 2 ? msg += `one of type ${types[0]} or ${types[1]}.` : msg += `of type ${types[0]}.`;
  return actual == null ? msg += ` Received ${actual}` : typeof actual == "function" && actual.name ? msg += ` Received function ${actual.name}` : typeof actual == "object" && actual != null && actual.constructor?.name && (msg += ` Received an instance of ${actual.constructor.name}`), msg;
}
var invalidKeyInput = (actual, ...types) => message("Key must be ", actual, ...types);
function invalidKeyType(alg, actual, secret) {
  const types = ["CryptoKey", "KeyObject", "JSON Web Key"];
  return secret && types.push("Uint8Array"), new TypeError(message(`Key for the ${alg} algorithm must be `, actual, ...types));
}
var unusable = (name, prop = "algorithm.name") => new TypeError(`CryptoKey does not support this operation, its ${prop} must be ${name}`);
function checkUsage(key2, usage) {
  if (usage && !key2.usages.includes(usage))
    throw new TypeError(`CryptoKey does not support this operation, its usages must include ${usage}.`);
}
function checkModulusLength(alg, key2) {
  const { modulusLength } = key2.algorithm;
  if (typeof modulusLength != "number" || modulusLength < 2048)
    throw new TypeError(`${alg} requires key modulusLength to be 2048 bits or larger`);
}
function checkCryptoKey(key2, expected, usage) {
  const algorithm = key2.algorithm;
  if (algorithm.name !== expected.name)
    throw unusable(expected.name);
  if (expected.hash && algorithm.hash?.name !== expected.hash)
    throw unusable(expected.hash, "algorithm.hash");
  if (expected.namedCurve && algorithm.namedCurve !== expected.namedCurve)
    throw unusable(expected.namedCurve, "algorithm.namedCurve");
  if (expected.length !== void 0 && algorithm.length !== expected.length)
    throw unusable(expected.length, "algorithm.length");
  checkUsage(key2, usage);
}
function snapshotJwk(jwk) {
  return { __proto__: null, ...jwk };
}
function normalizeJwk(jwk) {
  const normalized2 = snapshotJwk(jwk);
  if (normalized2.ext !== void 0 && typeof normalized2.ext != "boolean")
    throw new TypeError('"ext" (Extractable) Parameter must be a boolean');
  if (normalized2.key_ops !== void 0) {
    const value = normalized2.key_ops, keyOps = Array.isArray(value) ? [...value] : void 0;
    if (!keyOps || keyOps.some((operation) => typeof operation != "string") || new Set(keyOps).size !== keyOps.length)
      throw new TypeError('"key_ops" (Key Operations) Parameter must be an array of unique strings');
    normalized2.key_ops = keyOps;
  }
  return normalized2;
}
function validateExtractableOption(extractable) {
  if (extractable !== void 0 && typeof extractable != "boolean")
    throw new TypeError('"extractable" option must be a boolean');
  return extractable;
}
async function jwkToKey(entry, jwk, extractable) {
  if (!entry.kty.includes(jwk.kty))
    throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  const algorithm = entry.resolve?.({ kty: jwk.kty, crv: jwk.crv }) ?? entry.subtle, isPrivate = !!(jwk.d || jwk.priv), keyData = { ...jwk, ext: extractable ?? jwk.ext };
  return keyData.kty !== "AKP" && delete keyData.alg, delete keyData.use, crypto.subtle.importKey("jwk", keyData, algorithm, keyData.ext ?? !isPrivate, jwk.key_ops ?? entry.usages[isPrivate ? 1 : 0]);
}
async function rawKey(key2, expected, usage, extractable = false) {
  return key2 instanceof Uint8Array && (key2 = await crypto.subtle.importKey("raw", key2, expected, extractable, [usage])), checkCryptoKey(key2, expected, usage), key2;
}

// node_modules/jose/dist/webapi/lib/key_descriptor.js
function table(entries) {
  const out = { __proto__: null };
  for (const alg in entries)
    out[alg] = { ...entries[alg], alg };
  return out;
}

// node_modules/jose/dist/webapi/lib/jwe_algorithms.js
var wrap = [
  ["encrypt", "wrapKey"],
  ["decrypt", "unwrapKey"]
];
var derive = [[], ["deriveBits"]];
var none = [[], []];
function rsaes(bits) {
  return {
    kty: ["RSA"],
    mode: "key-encryption",
    subtle: { name: "RSA-OAEP", hash: `SHA-${bits}` },
    usages: wrap,
    ops: ["wrapKey", "unwrapKey"]
  };
}
function ecdh(mode) {
  return {
    kty: ["EC", "OKP"],
    mode,
    subtle: { name: "ECDH" },
    resolve: ({ kty, crv, asymmetricKeyType }) => {
      if (crv === "X25519" || asymmetricKeyType === "x25519")
        return { name: "X25519" };
      if (kty === "OKP")
        throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
      return { name: "ECDH", namedCurve: crv };
    },
    usages: derive,
    ops: [void 0, "deriveBits"]
  };
}
function aeskw(bits, gcm = false) {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: true,
    subtle: { name: gcm ? "AES-GCM" : "AES-KW", length: bits },
    usages: none,
    ops: gcm ? ["encrypt", "decrypt"] : ["wrapKey", "unwrapKey"]
  };
}
function pbes2() {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: true,
    subtle: { name: "PBKDF2" },
    usages: none,
    ops: ["deriveBits", "deriveBits"]
  };
}
var JWE = table({
  dir: {
    kty: ["oct"],
    mode: "direct-encryption",
    secret: true,
    subtle: { name: "AES-GCM" },
    usages: none,
    ops: ["encrypt", "decrypt"]
  },
  "RSA-OAEP": rsaes(1),
  "RSA-OAEP-256": rsaes(256),
  "RSA-OAEP-384": rsaes(384),
  "RSA-OAEP-512": rsaes(512),
  "ECDH-ES": ecdh("direct-key-agreement"),
  "ECDH-ES+A128KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A192KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A256KW": ecdh("key-agreement-with-key-wrapping"),
  A128KW: aeskw(128),
  A192KW: aeskw(192),
  A256KW: aeskw(256),
  A128GCMKW: aeskw(128, true),
  A192GCMKW: aeskw(192, true),
  A256GCMKW: aeskw(256, true),
  "PBES2-HS256+A128KW": pbes2(),
  "PBES2-HS384+A192KW": pbes2(),
  "PBES2-HS512+A256KW": pbes2()
});
var contentOps = ["encrypt", "decrypt"];
function contentEncryption(bits, cbc = false) {
  return {
    kty: ["oct"],
    secret: true,
    subtle: { name: cbc ? "AES-CBC" : "AES-GCM", length: bits },
    usages: none,
    ops: contentOps,
    cekBits: bits,
    ivBits: cbc ? 128 : 96,
    cbc
  };
}
var ENC = table({
  A128GCM: contentEncryption(128),
  A192GCM: contentEncryption(192),
  A256GCM: contentEncryption(256),
  "A128CBC-HS256": contentEncryption(256, true),
  "A192CBC-HS384": contentEncryption(384, true),
  "A256CBC-HS512": contentEncryption(512, true)
});

// node_modules/jose/dist/webapi/lib/jws_algorithms.js
var sig = [["verify"], ["sign"]];
function hmac(bits) {
  const subtle = { name: "HMAC", hash: `SHA-${bits}` };
  return { kty: ["oct"], secret: true, subtle, signing: subtle, usages: sig };
}
function rsa(bits, saltLength) {
  const subtle = { name: saltLength ? "RSA-PSS" : "RSASSA-PKCS1-v1_5", hash: `SHA-${bits}` };
  return {
    kty: ["RSA"],
    subtle,
    signing: saltLength ? { ...subtle, saltLength } : subtle,
    usages: sig,
    minRsaBits: 2048
  };
}
function ecdsa(crv, bits) {
  return {
    kty: ["EC"],
    crv,
    subtle: { name: "ECDSA", namedCurve: crv },
    signing: { name: "ECDSA", hash: `SHA-${bits}` },
    usages: sig
  };
}
function eddsa() {
  const subtle = { name: "Ed25519" };
  return {
    kty: ["OKP"],
    crv: "Ed25519",
    subtle,
    signing: subtle,
    usages: sig
  };
}
function mldsa(parameterSet) {
  const subtle = { name: `ML-DSA-${parameterSet}` };
  return {
    kty: ["AKP"],
    subtle,
    signing: subtle,
    usages: sig
  };
}
var JWS = table({
  HS256: hmac(256),
  HS384: hmac(384),
  HS512: hmac(512),
  RS256: rsa(256),
  RS384: rsa(384),
  RS512: rsa(512),
  PS256: rsa(256, 32),
  PS384: rsa(384, 48),
  PS512: rsa(512, 64),
  ES256: ecdsa("P-256", 256),
  ES384: ecdsa("P-384", 384),
  ES512: ecdsa("P-521", 512),
  EdDSA: eddsa(),
  Ed25519: eddsa(),
  "ML-DSA-44": mldsa(44),
  "ML-DSA-65": mldsa(65),
  "ML-DSA-87": mldsa(87)
});
function jwsAlgorithm(alg) {
  const entry = typeof alg == "string" ? JWS[alg] : void 0;
  if (!entry)
    throw new JOSENotSupported(`alg ${alg} is not supported either by JOSE or your javascript runtime`);
  return entry;
}

// node_modules/jose/dist/webapi/lib/jwt_claims_set.js
var epoch = (date) => Math.floor(date.getTime() / 1e3);
var multipliers = {
  s: 1,
  m: 60,
  h: 3600,
  d: 86400,
  w: 604800,
  y: 31557600
};
var REGEX = /^(\+|\-)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$/i;
function invalidDuration() {
  throw new TypeError("Invalid time period format");
}
function secs(str) {
  typeof str != "string" && invalidDuration();
  const matched = REGEX.exec(str);
  (!matched || matched[4] && matched[1]) && invalidDuration();
  const value = parseFloat(matched[2]), durationSeconds = Math.round(value * multipliers[matched[3][0].toLowerCase()]);
  return Number.isFinite(durationSeconds) || invalidDuration(), matched[1] === "-" || matched[4]?.toLowerCase() === "ago" ? -durationSeconds : durationSeconds;
}
function validateInput(label, input) {
  if (!Number.isFinite(input))
    throw new TypeError(`Invalid ${label} input`);
  return input;
}
function validateStringClaim(claim, value) {
  if (typeof value != "string")
    throw new TypeError(`"${claim}" claim must be a string`);
}
function validateAudienceClaim(value) {
  if (typeof value != "string" && (!Array.isArray(value) || Array.from(value).some((member) => typeof member != "string")))
    throw new TypeError('"aud" claim must be a string or an array of strings');
}
function numericDate(value, label) {
  return typeof value == "number" ? validateInput(label, value) : value instanceof Date ? validateInput(label, epoch(value)) : epoch(/* @__PURE__ */ new Date()) + secs(value);
}
var producerClaimsSets;
function producerClaimsSet(producer) {
  return producerClaimsSets.get(producer);
}
function jwtClaimsSetBytes(producer) {
  const claimsSet = producerClaimsSet(producer);
  for (const claim of ["iat", "nbf", "exp"]) {
    const value = claimsSet[claim];
    if (typeof value == "number" && !Number.isFinite(value))
      throw new TypeError(`"${claim}" claim must be a finite number`);
  }
  return encoder.encode(JSON.stringify(claimsSet));
}
var JWTClaimsBuilder = class {
  constructor(claimsSet = {}) {
    if (!isObject(claimsSet))
      throw new TypeError("JWT Claims Set MUST be an object");
    (producerClaimsSets ||= /* @__PURE__ */ new WeakMap()).set(this, structuredClone(claimsSet));
  }
  setIssuer(value) {
    return validateStringClaim("iss", value), producerClaimsSet(this).iss = value, this;
  }
  setSubject(value) {
    return validateStringClaim("sub", value), producerClaimsSet(this).sub = value, this;
  }
  setAudience(value) {
    return validateAudienceClaim(value), producerClaimsSet(this).aud = value, this;
  }
  setJti(value) {
    return validateStringClaim("jti", value), producerClaimsSet(this).jti = value, this;
  }
  setNotBefore(value) {
    return producerClaimsSet(this).nbf = numericDate(value, "setNotBefore"), this;
  }
  setExpirationTime(value) {
    return producerClaimsSet(this).exp = numericDate(value, "setExpirationTime"), this;
  }
  setIssuedAt(value) {
    const claimsSet = producerClaimsSet(this);
    return value === void 0 ? claimsSet.iat = epoch(/* @__PURE__ */ new Date()) : typeof value == "string" ? claimsSet.iat = validateInput("setIssuedAt", epoch(/* @__PURE__ */ new Date()) + secs(value)) : claimsSet.iat = numericDate(value, "setIssuedAt"), this;
  }
};

// node_modules/jose/dist/webapi/lib/jws_sign.js
async function createSignature(input, key2, rejectUnencoded) {
  let [payload, protectedHeader, unprotectedHeader, crit] = input, encodedProtectedHeader = "";
  if (protectedHeader !== void 0) {
    const normalized2 = serializeJoseHeader(JWSInvalid, protectedHeader);
    protectedHeader = normalized2[0], encodedProtectedHeader = encode2(normalized2[1]);
  }
  if (unprotectedHeader !== void 0 && (unprotectedHeader = serializeJoseHeader(JWSInvalid, unprotectedHeader)[0]), !protectedHeader && !unprotectedHeader)
    throw new JWSInvalid("either setProtectedHeader or setUnprotectedHeader must be called before #sign()");
  if (!isDisjoint(protectedHeader, unprotectedHeader))
    throw new JWSInvalid("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
  const joseHeader = { ...protectedHeader, ...unprotectedHeader };
  validateCritDuplicates(JWSInvalid, protectedHeader);
  const b64 = validateB64(protectedHeader, validateCrit(JWSInvalid, JWS_RECOGNIZED, crit, protectedHeader, joseHeader));
  b64 || rejectUnencoded?.();
  const { alg } = joseHeader;
  if (typeof alg != "string" || !alg)
    throw new JWSInvalid('JWS "alg" (Algorithm) Header Parameter missing or invalid');
  const entry = jwsAlgorithm(alg);
  let encodedPayload = "", signingPayload = payload, signingInput;
  if (b64) {
    const encodedPayloadCache = input[4];
    encodedPayloadCache ? (encodedPayload = encodedPayloadCache[0] ??= encode2(payload), signingPayload = encodedPayloadCache[1] ??= encode(encodedPayload)) : (encodedPayload = encode2(payload), signingInput = encoder.encode(`${encodedProtectedHeader}.${encodedPayload}`));
  }
  signingInput ??= concat(encode(encodedProtectedHeader), encode("."), signingPayload);
  const signingKey = await rawKey(await prepareKey(entry, key2, "sign"), entry.subtle, "sign");
  entry.minRsaBits && checkModulusLength(entry.alg, signingKey);
  const jws = {
    signature: encode2(new Uint8Array(await crypto.subtle.sign(entry.signing, signingKey, signingInput))),
    payload: encodedPayload
  };
  return protectedHeader && (jws.protected = encodedProtectedHeader), unprotectedHeader && (jws.header = unprotectedHeader), [jws, b64];
}
async function createCompactSignature(payload, protectedHeader, crit, key2, rejectUnencoded) {
  const [jws] = await createSignature([payload, protectedHeader, void 0, crit], key2, rejectUnencoded);
  return `${jws.protected}.${jws.payload}.${jws.signature}`;
}

// node_modules/jose/dist/webapi/jwt/sign.js
var SignJWT_base = JWTClaimsBuilder;
var SignJWT = class extends SignJWT_base {
  #protectedHeader;
  setProtectedHeader(protectedHeader) {
    return assertNotSet(this.#protectedHeader, "setProtectedHeader"), this.#protectedHeader = protectedHeader, this;
  }
  async sign(key2, options) {
    return createCompactSignature(jwtClaimsSetBytes(this), this.#protectedHeader, options?.crit, key2, () => {
      throw new JWTInvalid("JWTs MUST NOT use unencoded payload");
    });
  }
};

// node_modules/jose/dist/webapi/lib/key_algorithm.js
var algArgument = '"alg" (Algorithm)';
function unsupportedAlg(source = 'JWK "alg" (Algorithm) Parameter') {
  throw new JOSENotSupported(`Invalid or unsupported ${source} value`);
}
function keyAlgorithm(alg, source) {
  return (typeof alg == "string" ? JWS[alg] ?? JWE[alg] : void 0) ?? unsupportedAlg(source);
}

// node_modules/jose/dist/webapi/key/export.js
async function exportJWK(key2) {
  if (isKeyObject(key2))
    if (key2.type === "secret")
      key2 = key2.export();
    else
      return key2.export({ format: "jwk" });
  if (key2 instanceof Uint8Array)
    return {
      kty: "oct",
      k: encode2(key2)
    };
  if (!isCryptoKey(key2))
    throw new TypeError(invalidKeyInput(key2, "CryptoKey", "KeyObject", "Uint8Array"));
  if (!key2.extractable)
    throw new TypeError("non-extractable CryptoKey cannot be exported as a JWK");
  const jwk = await crypto.subtle.exportKey("jwk", key2);
  delete jwk.ext, delete jwk.key_ops, delete jwk.use, jwk.kty !== "AKP" && delete jwk.alg;
  for (const parameter of Object.keys(jwk))
    jwk[parameter] === void 0 && delete jwk[parameter];
  return jwk;
}

// node_modules/jose/dist/webapi/jwk/thumbprint.js
var check = (value, description) => {
  if (typeof value != "string" || !value)
    throw new JWKInvalid(`${description} missing or invalid`);
};
async function calculateJwkThumbprint(key2, digestAlgorithm) {
  let jwk;
  if (isObject(key2)) {
    if (jwk = snapshotJwk(key2), typeof jwk.kty != "string")
      throw new TypeError(invalidKeyInput(key2, "CryptoKey", "KeyObject", "JSON Web Key"));
  } else if (isKeyLike(key2))
    jwk = snapshotJwk(await exportJWK(key2));
  else
    throw new TypeError(invalidKeyInput(key2, "CryptoKey", "KeyObject", "JSON Web Key"));
  if (digestAlgorithm ??= "sha256", digestAlgorithm !== "sha256" && digestAlgorithm !== "sha384" && digestAlgorithm !== "sha512")
    throw new TypeError('digestAlgorithm must one of "sha256", "sha384", or "sha512"');
  let requiredMembers;
  switch (jwk.kty) {
    case "AKP":
      check(jwk.alg, '"alg" (Algorithm) Parameter'), check(jwk.pub, '"pub" (Public key) Parameter'), requiredMembers = { alg: jwk.alg, kty: jwk.kty, pub: jwk.pub };
      break;
    case "EC":
      check(jwk.crv, '"crv" (Curve) Parameter'), check(jwk.x, '"x" (X Coordinate) Parameter'), check(jwk.y, '"y" (Y Coordinate) Parameter'), requiredMembers = { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
      break;
    case "OKP":
      check(jwk.crv, '"crv" (Subtype of Key Pair) Parameter'), check(jwk.x, '"x" (Public Key) Parameter'), requiredMembers = { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
      break;
    case "RSA":
      check(jwk.e, '"e" (Exponent) Parameter'), check(jwk.n, '"n" (Modulus) Parameter'), requiredMembers = { e: jwk.e, kty: jwk.kty, n: jwk.n };
      break;
    case "oct":
      if (typeof jwk.k != "string")
        throw new JWKInvalid('"k" (Key Value) Parameter missing or invalid');
      requiredMembers = { k: jwk.k, kty: jwk.kty };
      break;
    default:
      throw new JOSENotSupported('"kty" (Key Type) Parameter missing or unsupported');
  }
  const thumbprintInput = encode(JSON.stringify(requiredMembers));
  return encode2(await digest(digestAlgorithm, thumbprintInput));
}

// node_modules/jose/dist/webapi/key/import.js
async function importJWK(jwk, alg, options) {
  if (!isObject(jwk))
    throw new TypeError("JWK must be an object");
  const normalized2 = normalizeJwk(jwk), extractable = validateExtractableOption(options?.extractable), { alg: jwkAlg } = normalized2;
  if (alg ??= jwkAlg, normalized2.kty !== "oct" && !alg)
    throw new TypeError('"alg" argument is required when "jwk.alg" is not present');
  switch (normalized2.kty) {
    case "oct":
      if (typeof normalized2.k != "string")
        throw new TypeError('missing "k" (Key Value) Parameter value');
      return decode(normalized2.k);
    case "AKP": {
      if (typeof jwkAlg != "string" || !jwkAlg)
        throw new TypeError('missing "alg" (Algorithm) Parameter value');
      if (alg !== jwkAlg)
        throw new TypeError("JWK alg and alg option value mismatch");
      return jwkToKey(keyAlgorithm(alg), normalized2, extractable);
    }
    case "RSA":
    case "EC":
    case "OKP":
      return jwkToKey(keyAlgorithm(alg), normalized2, extractable);
    default:
      throw new JOSENotSupported('Unsupported "kty" (Key Type) Parameter value');
  }
}

// node_modules/jose/dist/webapi/key/generate_key_pair.js
function getModulusLengthOption(options) {
  const modulusLength = options?.modulusLength ?? 2048;
  if (typeof modulusLength != "number" || !Number.isInteger(modulusLength) || modulusLength < 2048)
    throw new JOSENotSupported("Invalid or unsupported modulusLength option provided, 2048 bits or larger keys must be used");
  return modulusLength;
}
async function generateKeyPair(alg, options) {
  const extractable = validateExtractableOption(options?.extractable), entry = keyAlgorithm(alg, algArgument);
  entry.secret && unsupportedAlg(algArgument);
  let algorithm;
  if (entry.resolve) {
    const crv = options?.crv ?? "P-256";
    if (!["P-256", "P-384", "P-521", "X25519"].includes(crv))
      throw new JOSENotSupported("Invalid or unsupported crv option provided, supported values are P-256, P-384, P-521, and X25519");
    algorithm = entry.resolve({ crv });
  } else {
    if (entry.crv !== void 0 && options?.crv !== void 0 && options.crv !== entry.crv)
      throw new JOSENotSupported(`Invalid or unsupported crv option provided, the only supported value for ${alg} is ${entry.crv}`);
    algorithm = entry.kty[0] === "RSA" ? {
      ...entry.subtle,
      publicExponent: Uint8Array.of(1, 0, 1),
      modulusLength: getModulusLengthOption(options)
    } : entry.subtle;
  }
  return crypto.subtle.generateKey(algorithm, extractable ?? false, [
    ...entry.usages[1],
    ...entry.usages[0]
  ]);
}

// protocol/dpop-proof.ts
var MAX_DPOP_PROOF_BYTES = 4 * 1024;
async function accessTokenHash(accessToken) {
  return base64url_exports.encode(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(accessToken))));
}

// protocol/dpop-key.ts
async function dpopKeyFromJwk(privateJwk) {
  if (privateJwk.kty !== "EC" || privateJwk.crv !== "P-256" || typeof privateJwk.d !== "string") {
    throw new TypeError("a DPoP key must be a private EC P-256 JWK");
  }
  const publicJwk = { kty: "EC", crv: "P-256", x: privateJwk.x, y: privateJwk.y };
  return {
    privateJwk: { ...privateJwk, alg: "ES256" },
    publicJwk,
    jkt: await calculateJwkThumbprint(publicJwk, "sha256")
  };
}
async function createDpopProof(key2, request) {
  const htu = new URL(request.url);
  htu.search = "";
  htu.hash = "";
  const claims = {
    jti: crypto.randomUUID(),
    htm: request.method,
    htu: htu.href,
    iat: request.now ?? Math.floor(Date.now() / 1e3)
  };
  if (request.accessToken !== void 0) claims.ath = await accessTokenHash(request.accessToken);
  const signingKey = await importJWK(key2.privateJwk, "ES256");
  return new SignJWT(claims).setProtectedHeader({ typ: "dpop+jwt", alg: "ES256", jwk: key2.publicJwk }).sign(signingKey);
}

// cli/dpop.ts
async function loadDpopKey(io, options, optional = false) {
  if (optional && options.key === void 0 && options.keyEnv === void 0) return void 0;
  const text = options.keyEnv !== void 0 ? io.env[options.keyEnv] : options.key !== void 0 ? readInput(io, options.key, "the DPoP key") : void 0;
  if (!text)
    throw new CliError(
      options.keyEnv ? `environment variable ${options.keyEnv} is empty` : "give --key FILE or --key-env NAME"
    );
  let jwk;
  try {
    jwk = JSON.parse(text);
  } catch {
    throw new CliError("the DPoP key is not JSON: pass the action's dpop-key output or dpop-key-file");
  }
  return dpopKeyFromJwk(jwk).catch((error) => {
    throw new CliError(error instanceof Error ? error.message : "not a DPoP key");
  });
}
async function dpopProof(io, options) {
  const key2 = await loadDpopKey(io, options);
  try {
    new URL(options.url);
  } catch {
    throw new CliError(`--url must be the full URL of the request, got "${options.url}"`);
  }
  if (!/^[A-Z]+$/.test(options.method))
    throw new CliError(`--method must be an upper-case HTTP method, got "${options.method}"`);
  const proof = await createDpopProof(key2, {
    method: options.method,
    url: options.url,
    ...options.token ? { accessToken: options.token } : {},
    now: Math.floor(io.now() / 1e3)
  });
  io.out(proof);
  return 0;
}

// policy/glob.ts
var MAX_PATTERN_LENGTH = 256;
var MAX_WILDCARDS = 8;
var Token = /* @__PURE__ */ ((Token2) => {
  Token2[Token2["One"] = -1] = "One";
  Token2[Token2["Star"] = -2] = "Star";
  Token2[Token2["GlobStar"] = -3] = "GlobStar";
  return Token2;
})(Token || {});
var SLASH = 47;
var AT = 64;
function patternProblem(pattern2) {
  if (pattern2.length === 0) return "empty pattern";
  if (pattern2.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  for (let i = 0; i < pattern2.length; i++) {
    const code = pattern2.charCodeAt(i);
    if (code < 32 || code > 126) return "non-ASCII or control character";
  }
  if (countWildcards(pattern2) > MAX_WILDCARDS) return `more than ${MAX_WILDCARDS} wildcards`;
  return void 0;
}
function hasWildcard(pattern2) {
  return pattern2.includes("*") || pattern2.includes("?");
}
function asciiLower(value) {
  let out = "";
  let changed = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 65 && code <= 90) {
      changed = true;
      out += String.fromCharCode(code + 32);
    } else {
      out += value[i];
    }
  }
  return changed ? out : value;
}
function compileGlob(pattern2, options = {}) {
  const problem = patternProblem(pattern2);
  if (problem) throw new TypeError(`invalid pattern: ${problem}`);
  const fold = options.caseInsensitive === true;
  const stopAtAt = options.atIsLiteral === true;
  const source = fold ? asciiLower(pattern2) : pattern2;
  if (!hasWildcard(source)) {
    return {
      source: pattern2,
      literal: true,
      matches: (value) => (fold ? asciiLower(value) : value) === source
    };
  }
  const tokens = tokenize(source);
  const match = trailingWildcardMatcher(source, tokens, stopAtAt) ?? ((value) => run(tokens, value, stopAtAt));
  return {
    source: pattern2,
    literal: false,
    matches: (value) => match(fold ? asciiLower(value) : value)
  };
}
function trailingWildcardMatcher(source, tokens, stopAtAt) {
  const last = tokens[tokens.length - 1];
  if (last !== -2 /* Star */ && last !== -3 /* GlobStar */) return void 0;
  if (tokens.subarray(0, -1).some((token) => token < 0)) return void 0;
  const prefix = source.slice(0, source.indexOf("*"));
  const noAt = (value) => !stopAtAt || !value.includes("@", prefix.length);
  if (last === -3 /* GlobStar */) return (value) => value.startsWith(prefix) && noAt(value);
  return (value) => value.startsWith(prefix) && !value.includes("/", prefix.length) && noAt(value);
}
function countWildcards(pattern2) {
  let count = 0;
  for (let i = 0; i < pattern2.length; i++) {
    const ch = pattern2[i];
    if (ch === "?") count++;
    else if (ch === "*") {
      count++;
      if (pattern2[i + 1] === "*") i++;
    }
  }
  return count;
}
function tokenize(pattern2) {
  const tokens = [];
  for (let i = 0; i < pattern2.length; i++) {
    const ch = pattern2[i];
    if (ch === "?") tokens.push(-1 /* One */);
    else if (ch === "*") {
      let stars = 1;
      while (pattern2[i + 1] === "*") {
        stars++;
        i++;
      }
      const token = stars >= 2 ? -3 /* GlobStar */ : -2 /* Star */;
      const previous = tokens[tokens.length - 1];
      if (previous === -3 /* GlobStar */) continue;
      if (previous === -2 /* Star */ && token === -3 /* GlobStar */) tokens[tokens.length - 1] = token;
      else if (previous !== -2 /* Star */) tokens.push(token);
    } else tokens.push(pattern2.charCodeAt(i));
  }
  return Int32Array.from(tokens);
}
function run(tokens, value, stopAtAt) {
  const size = tokens.length + 1;
  let active = new Uint8Array(size);
  let next = new Uint8Array(size);
  active[0] = 1;
  closeOverStars(tokens, active);
  for (let position = 0; position < value.length; position++) {
    const code = value.charCodeAt(position);
    const barrier = code === SLASH || stopAtAt && code === AT;
    const anyBarrier = stopAtAt && code === AT;
    next.fill(0);
    let any = false;
    for (let state = 0; state < tokens.length; state++) {
      if (active[state] === 0) continue;
      const token = tokens[state];
      if (token === -3 /* GlobStar */ && !anyBarrier || token === -2 /* Star */ && !barrier) {
        next[state] = 1;
        any = true;
      } else if (token === code || token === -1 /* One */ && !barrier) {
        next[state + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    closeOverStars(tokens, next);
    [active, next] = [next, active];
  }
  return active[tokens.length] === 1;
}
function closeOverStars(tokens, states) {
  for (let state = 0; state < tokens.length; state++) {
    if (states[state] === 1 && (tokens[state] === -2 /* Star */ || tokens[state] === -3 /* GlobStar */)) {
      states[state + 1] = 1;
    }
  }
}

// policy/kinds/github-permissions.ts
var GITHUB_PERMISSIONS = {
  actions: ["read", "write"],
  administration: ["read", "write"],
  artifact_metadata: ["read", "write"],
  attestations: ["read", "write"],
  checks: ["read", "write"],
  code_quality: ["read", "write"],
  codespaces: ["read", "write"],
  contents: ["read", "write"],
  dependabot_secrets: ["read", "write"],
  deployments: ["read", "write"],
  discussions: ["read", "write"],
  environments: ["read", "write"],
  issues: ["read", "write"],
  merge_queues: ["read", "write"],
  metadata: ["read", "write"],
  packages: ["read", "write"],
  pages: ["read", "write"],
  pull_requests: ["read", "write"],
  repository_custom_properties: ["read", "write"],
  repository_hooks: ["read", "write"],
  repository_projects: ["read", "write", "admin"],
  secret_scanning_alerts: ["read", "write"],
  secrets: ["read", "write"],
  security_events: ["read", "write"],
  single_file: ["read", "write"],
  statuses: ["read", "write"],
  vulnerability_alerts: ["read", "write"],
  workflows: ["write"],
  custom_properties_for_organizations: ["read", "write"],
  members: ["read", "write"],
  organization_administration: ["read", "write"],
  organization_custom_roles: ["read", "write"],
  organization_custom_org_roles: ["read", "write"],
  organization_custom_properties: ["read", "write", "admin"],
  organization_copilot_seat_management: ["read", "write"],
  organization_copilot_agent_settings: ["read", "write"],
  organization_announcement_banners: ["read", "write"],
  organization_events: ["read"],
  organization_hooks: ["read", "write"],
  organization_personal_access_tokens: ["read", "write"],
  organization_personal_access_token_requests: ["read", "write"],
  organization_plan: ["read"],
  organization_projects: ["read", "write", "admin"],
  organization_packages: ["read", "write"],
  organization_secrets: ["read", "write"],
  organization_self_hosted_runners: ["read", "write"],
  organization_user_blocking: ["read", "write"],
  email_addresses: ["read", "write"],
  followers: ["read", "write"],
  git_ssh_keys: ["read", "write"],
  gpg_keys: ["read", "write"],
  interaction_limits: ["read", "write"],
  profile: ["write"],
  starring: ["read", "write"]
};

// policy/schema.ts
var RESERVED_CLAIMS = ["iss", "aud", "sub", "exp", "iat", "nbf", "jti", "workflow"];
var ISSUERS_FIELD = {
  kind: { type: "issuers" },
  description: "The issuer (or list of issuers) whose tokens this accepts: names and ids mean nothing across issuers. Default: the environment's, else GitHub.com's."
};
var RULE = {
  title: "rule",
  fields: {
    name: { kind: { type: "text", maxLength: 128 }, description: "Shown in explanations and audit lines." },
    issuer: ISSUERS_FIELD,
    repository: {
      kind: { type: "repository" },
      description: "owner/name; the owner literal, the name may be a glob (acme/*). Case-insensitive."
    },
    repository_id: {
      kind: { type: "id" },
      description: "Pins the repository: when given, the id decides and `repository` is only a label."
    },
    owner_id: { kind: { type: "id" }, description: "The repository_owner_id claim." },
    ref: {
      kind: { type: "patterns", prefix: "refs/" },
      description: "Globs on the ref claim, e.g. refs/heads/main or refs/tags/v*."
    },
    ref_type: { kind: { type: "enum", values: ["branch", "tag"] }, description: "The ref_type claim." },
    environment: {
      kind: { type: "patterns" },
      description: "The job's GitHub deployment environment (claim `environment`), case-insensitive."
    },
    workflow: {
      kind: { type: "patterns" },
      description: "Globs on job_workflow_ref, e.g. acme/web/.github/workflows/deploy.yml@**."
    },
    event: {
      kind: { type: "patterns" },
      description: "Globs on event_name. pull_request_target, workflow_run and issue_comment match only when named literally."
    },
    runner: {
      kind: { type: "enum", values: ["github-hosted", "self-hosted"] },
      description: "The runner_environment claim."
    },
    claims: {
      kind: { type: "claims" },
      description: "Any other string claim, by its name: a glob or a list of globs."
    },
    scopes: { kind: { type: "scopes" }, description: "Narrows the environment's scopes for this rule." },
    max_ttl: { kind: { type: "duration" }, description: "Narrows the environment's max_ttl for this rule." }
  }
};
var CONTEXT_CLAIMS = [
  "repository",
  "repository_id",
  "repository_owner_id",
  "ref",
  "sha",
  "job_workflow_ref",
  "run_id",
  "run_attempt",
  "event_name"
];
var ENVIRONMENT = {
  title: "environment",
  fields: {
    kind: {
      kind: { type: "enum", values: ["access", "oidc", "github"] },
      description: "What it mints: access (default), an access token for your own APIs; oidc, a token that a cloud or platform trusts as an OpenID Connect issuer's (AWS, Google Cloud, Azure, Vault, Kubernetes); github, a GitHub App installation token for named repositories."
    },
    issuer: ISSUERS_FIELD,
    audience: {
      kind: { type: "text", maxLength: 512 },
      description: "aud of the minted token (default: the name; required for oidc, at most 255 characters)."
    },
    scopes: {
      kind: { type: "scopes" },
      description: "Every scope this environment can ever grant (required for access; none for oidc)."
    },
    default_scopes: {
      kind: { type: "scopes" },
      description: "Granted when a request names none (default: all `scopes`)."
    },
    ttl: { kind: { type: "duration" }, description: "Default lifetime (default 10m)." },
    max_ttl: { kind: { type: "duration" }, description: "The most a request may ask for (default: ttl; at most 1h)." },
    dpop: {
      kind: { type: "enum", values: ["optional", "required"] },
      description: "Whether tokens must be sender-constrained (RFC 9449)."
    },
    narrowing: {
      kind: { type: "enum", values: ["denied", "allowed"] },
      description: "allowed: a holder may exchange its token for a narrower one for a sub-task (docs/narrowing.md). Default denied."
    },
    subject: {
      kind: { type: "text", maxLength: 127 },
      description: "oidc only: the sub of its tokens, the one value the relying party trusts (default environment:<name>; ASCII, 6-127 bytes, no wildcard)."
    },
    algorithm: {
      kind: { type: "enum", values: ["RS256", "ES256"] },
      description: "oidc only: how its tokens are signed (default RS256, which every relying party accepts; Microsoft Entra accepts nothing else)."
    },
    aws_session_tags: {
      kind: { type: "names", values: [...CONTEXT_CLAIMS, "environment"] },
      description: "oidc only: claims to pass to AWS as session tags (the https://aws.amazon.com/tags claim)."
    },
    app: { kind: { type: "text", maxLength: 64 }, description: "github only: the app (a key of github_apps)." },
    owner: {
      kind: { type: "text", maxLength: 39 },
      description: "github only: the account (organization or user) the app is installed on."
    },
    repositories: {
      kind: { type: "strings" },
      description: "github only: the repositories under owner its tokens reach, by name (1 to 500)."
    },
    permissions: {
      kind: { type: "permissions" },
      description: "github only: GitHub permission names and levels, e.g. { contents: read, pull_requests: write }."
    },
    organization_permissions: {
      kind: { type: "boolean" },
      description: "github only: true allows organization permissions (members, organization_*), which reach beyond the repositories."
    },
    rules: {
      kind: { type: "list", of: RULE },
      required: true,
      description: "Deny by default: a request is allowed when one rule matches."
    }
  }
};
var ISSUER = {
  title: "issuer",
  fields: {
    issuer: { kind: { type: "url" }, required: true, description: "The exact iss of the tokens it signs." },
    jwks_uri: {
      kind: { type: "url", loopback: true },
      description: "Where its keys are (default: <issuer>/.well-known/jwks); https, or http on a loopback host."
    },
    jwks: { kind: { type: "jwks" }, description: "Static public keys, inline (air-gapped installs, tests)." }
  }
};
var GITHUB_APP = {
  title: "GitHub App",
  fields: {
    client_id: {
      kind: { type: "text", maxLength: 64 },
      description: "The app's client ID (recommended), the iss of its JWT."
    },
    app_id: { kind: { type: "id" }, description: "Or the app's id." },
    api_url: {
      kind: { type: "url" },
      description: "GitHub's REST API (default https://api.github.com; GHES: https://ghes.example/api/v3)."
    }
  }
};
var POLICY = {
  title: "policy",
  fields: {
    version: { kind: { type: "version" }, required: true, description: "Always 1." },
    audience: {
      kind: { type: "text", maxLength: 512 },
      description: "The aud a GitHub OIDC token must carry (default: DOWNSCOPE_ISSUER)."
    },
    issuers: {
      kind: { type: "list", of: ISSUER },
      description: "Trusted issuers besides GitHub.com's (enterprise-scoped issuers, GHES instances)."
    },
    github_apps: {
      kind: { type: "map", of: GITHUB_APP },
      description: "GitHub Apps whose installation tokens github environments mint; their private keys are in DOWNSCOPE_GITHUB_APP_KEYS."
    },
    github_com: {
      kind: { type: "boolean" },
      description: "false: GitHub.com's issuer is not trusted at all (GHES-only installs). Default true."
    },
    environments: {
      kind: { type: "map", of: ENVIRONMENT },
      required: true,
      description: "Target environments by name, matched case-insensitively."
    }
  }
};

// protocol/names.ts
var SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/;
var ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
var GITHUB_COM_ISSUER = "https://token.actions.githubusercontent.com";
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["localhost", "127.0.0.1", "[::1]"]);

// cli/json-schema.ts
var pattern = (prefix) => ({
  type: "string",
  minLength: 1,
  maxLength: MAX_PATTERN_LENGTH,
  pattern: prefix ? `^${prefix.replace(/[/.]/g, "\\$&")}[\\x20-\\x7e]*$` : "^[\\x20-\\x7e]+$"
});
function kindSchema(kind) {
  switch (kind.type) {
    case "version":
      return { const: 1 };
    case "url":
      return {
        type: "string",
        format: "uri",
        pattern: kind.loopback ? "^(https://|http://(localhost|127\\.0\\.0\\.1|\\[::1\\])[:/])" : "^https://",
        maxLength: 512
      };
    case "text":
      return { type: "string", minLength: 1, maxLength: kind.maxLength };
    case "patterns":
      return { oneOf: [pattern(kind.prefix), { type: "array", minItems: 1, items: pattern(kind.prefix) }] };
    case "repository":
      return { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9._*?-]+$" };
    case "id":
      return {
        oneOf: [
          { type: "integer", minimum: 1 },
          { type: "string", pattern: "^[1-9][0-9]{0,19}$" }
        ]
      };
    case "enum":
      return { enum: [...kind.values] };
    case "duration":
      return {
        oneOf: [
          { type: "integer", minimum: 1, maximum: 3600 },
          { type: "string", pattern: "^[0-9]{1,6}[smh]?$" }
        ]
      };
    case "scopes":
      return { type: "array", uniqueItems: true, items: { type: "string", pattern: SCOPE_TOKEN.source } };
    case "claims":
      return {
        type: "object",
        propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]{0,63}$", not: { enum: [...RESERVED_CLAIMS] } },
        additionalProperties: kindSchema({ type: "patterns" })
      };
    case "jwks":
      return {
        type: "object",
        additionalProperties: false,
        required: ["keys"],
        properties: {
          keys: {
            type: "array",
            minItems: 1,
            maxItems: 20,
            items: { type: "object", required: ["kty", "n", "e", "kid"] }
          }
        }
      };
    case "issuers":
      return {
        oneOf: [kindSchema({ type: "url" }), { type: "array", minItems: 1, items: kindSchema({ type: "url" }) }]
      };
    case "boolean":
      return { type: "boolean" };
    case "names":
      return { type: "array", uniqueItems: true, items: { enum: [...kind.values] } };
    case "strings":
      return {
        type: "array",
        minItems: 1,
        maxItems: 500,
        items: { type: "string", pattern: "^[A-Za-z0-9._-]{1,100}$" }
      };
    case "permissions":
      return {
        type: "object",
        minProperties: 1,
        additionalProperties: false,
        properties: Object.fromEntries(
          Object.entries(GITHUB_PERMISSIONS).map(([name, levels]) => [name, { enum: [...levels] }])
        )
      };
    case "list":
      return { type: "array", items: objectSchema(kind.of) };
    case "map":
      return {
        type: "object",
        minProperties: 1,
        propertyNames: { pattern: ENVIRONMENT_NAME.source },
        additionalProperties: objectSchema(kind.of)
      };
  }
}
function objectSchema(definition) {
  const properties = {};
  const required = [];
  for (const [name, field] of Object.entries(definition.fields)) {
    properties[name] = { description: field.description, ...kindSchema(field.kind) };
    if (field.required) required.push(name);
  }
  return {
    type: "object",
    title: definition.title,
    additionalProperties: false,
    ...required.length ? { required } : {},
    properties
  };
}
function policyJsonSchema() {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://github.com/downscope/downscope/schema/policy.schema.json",
    description: "A downscope policy, version 1. Generated from policy/schema.ts by `npm run schema`; do not edit.",
    ...objectSchema(POLICY)
  };
}

// protocol/signing-keys.ts
var SIGNING_ALGORITHMS = ["ES256", "EdDSA", "RS256"];
var SigningKeyError = class extends Error {
};
var MAX_KEYS = 10;
var PUBLIC_MEMBERS = {
  ES256: ["kty", "crv", "x", "y"],
  EdDSA: ["kty", "crv", "x"],
  RS256: ["kty", "n", "e"]
};
var SHAPE = {
  ES256: { kty: "EC", crv: "P-256" },
  EdDSA: { kty: "OKP", crv: "Ed25519" },
  RS256: { kty: "RSA" }
};
async function importSigningKeys(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SigningKeyError("DOWNSCOPE_SIGNING_KEYS is not JSON: give a private JWK or an array of them");
  }
  const list3 = Array.isArray(parsed) ? parsed : [parsed];
  if (list3.length === 0) throw new SigningKeyError("DOWNSCOPE_SIGNING_KEYS is an empty array");
  if (list3.length > MAX_KEYS) throw new SigningKeyError(`DOWNSCOPE_SIGNING_KEYS holds more than ${MAX_KEYS} keys`);
  const keys = [];
  for (const [index, item] of list3.entries()) {
    const key2 = await importSigningKey(item, index);
    if (keys.some((other) => other.kid === key2.kid)) {
      throw new SigningKeyError(`DOWNSCOPE_SIGNING_KEYS[${index}]: kid "${key2.kid}" is used twice`);
    }
    keys.push(key2);
  }
  return keySet(keys);
}
async function importSigningKey(item, index) {
  const where = `DOWNSCOPE_SIGNING_KEYS[${index}]`;
  if (item === null || typeof item !== "object" || Array.isArray(item)) {
    throw new SigningKeyError(`${where} is not a JWK object`);
  }
  const jwk = item;
  const alg = jwk.alg ?? "ES256";
  if (!SIGNING_ALGORITHMS.includes(alg)) {
    throw new SigningKeyError(`${where}: alg must be one of ${SIGNING_ALGORITHMS.join(", ")}`);
  }
  const shape = SHAPE[alg];
  if (jwk.kty !== shape.kty || shape.crv !== void 0 && jwk.crv !== shape.crv) {
    throw new SigningKeyError(
      `${where}: an ${alg} key must have kty ${shape.kty}${shape.crv ? ` and crv ${shape.crv}` : ""}`
    );
  }
  if (typeof jwk.d !== "string") throw new SigningKeyError(`${where}: not a private key (no "d")`);
  if (jwk.kid !== void 0 && (typeof jwk.kid !== "string" || jwk.kid === "")) {
    throw new SigningKeyError(`${where}: kid must be a non-empty string`);
  }
  if (alg === "RS256" && typeof jwk.n === "string" && jwk.n.length < 342) {
    throw new SigningKeyError(`${where}: RSA keys must be at least 2048 bits`);
  }
  const publicPart = {};
  for (const member of PUBLIC_MEMBERS[alg]) {
    if (typeof jwk[member] !== "string") throw new SigningKeyError(`${where}: missing "${member}"`);
    publicPart[member] = jwk[member];
  }
  const kid = jwk.kid ?? await calculateJwkThumbprint(publicPart, "sha256");
  let privateKey;
  try {
    const { kid: _kid, alg: _alg, use: _use, key_ops: _ops, ext: _ext, ...material } = jwk;
    privateKey = await importJWK(material, alg, { extractable: false });
  } catch {
    throw new SigningKeyError(`${where}: the key material does not import as ${alg}`);
  }
  const publicKey = await importJWK(publicPart, alg);
  return { kid, alg, privateKey, publicKey, publicJwk: Object.freeze({ ...publicPart, kid, alg, use: "sig" }) };
}
function keySet(keys) {
  return {
    active: keys[0],
    all: keys,
    first: (alg) => keys.find((key2) => key2.alg === alg),
    jwks: { keys: keys.map((key2) => key2.publicJwk) }
  };
}

// cli/keys.ts
var ROTATION_ADVICE = `Rotation, in order:
  1. Store this array as DOWNSCOPE_SIGNING_KEYS and deploy: the new key signs from now on, and the
     old one stays published so tokens it signed keep verifying.
     Verifiers that refetch the JWKS on an unknown kid (downscope's verifier, jose's
     createRemoteJWKSet) accept new tokens at once. Ones that only refresh on a timer may take
     their cache time (the service sends max-age=300): for those, first deploy with the new key
     second in the array, wait 5 minutes, then put it first.
  2. After 1 hour (the longest a token can live), remove the old key and deploy again.`;
var MAX_SECRET_BYTES = 5120;
async function newSigningKey(alg) {
  const { privateKey } = await generateKeyPair(alg, {
    extractable: true,
    ...alg === "RS256" ? { modulusLength: 2048 } : {}
  });
  const jwk = { ...await exportJWK(privateKey), alg };
  const imported = await importSigningKeys(JSON.stringify(jwk));
  return { ...jwk, kid: imported.active.kid };
}
function parseAlgs(value) {
  const algs = (value ?? "ES256").split(",").map((item) => item.trim());
  for (const alg of algs) {
    if (!SIGNING_ALGORITHMS.includes(alg))
      throw new CliError(
        `--alg must be one of ${SIGNING_ALGORITHMS.join(", ")} (or a comma-separated list), not "${value}"`
      );
  }
  if (new Set(algs).size !== algs.length) throw new CliError(`--alg names an algorithm twice: "${value}"`);
  return algs;
}
function parseAlg(value) {
  const algs = parseAlgs(value);
  if (algs.length !== 1) throw new CliError("keys rotate --alg takes one algorithm: rotate them one at a time");
  return algs[0];
}
function fitsOneSecret(keys) {
  const bytes = new TextEncoder().encode(JSON.stringify(keys)).byteLength;
  if (bytes <= MAX_SECRET_BYTES) return;
  throw new CliError(
    `the key set would take ${bytes.toLocaleString("en-US")} bytes, more than the ${MAX_SECRET_BYTES.toLocaleString("en-US")} a Workers secret holds (wrangler secret put would fail): keep at most two keys of each algorithm, and RSA keys at 2048 bits`,
    1
  );
}
function checkOut(io, options) {
  if (options.out === void 0) return;
  if (options.json) throw new CliError("--json prints the private keys on stdout: with --out, leave it out");
  if (options.out === "" || options.out === "-") throw new CliError("--out takes a file name");
  if (io.gitWouldTrack(options.out)) {
    throw new CliError(
      `refusing to write private keys to "${options.out}": git would track it (it is not ignored). Write it outside the repository, or to a name .gitignore covers (signing-keys.json, next.json)`,
      1
    );
  }
}
function emitKeys(io, options, keys, summary2) {
  const store = "npx wrangler secret put DOWNSCOPE_SIGNING_KEYS --env <name>";
  if (options.out !== void 0) {
    io.writeSecretFile(options.out, `${JSON.stringify(keys)}
`);
    io.err(`${summary2}
Wrote the private keys to ${options.out} (readable by you alone). Store them with
  ${store} < ${options.out}
keep the value in your secrets manager, and delete the file.`);
    return;
  }
  io.out(JSON.stringify(keys));
  io.err(
    io.stdoutIsTerminal ? `${summary2}
The line above is a secret: the private keys for DOWNSCOPE_SIGNING_KEYS, now on your screen.
Next time write them to a file (--out signing-keys.json, mode 0600) or pipe them: | ${store}` : `${summary2}
Store them with: ... | ${store}`
  );
}
async function keysGenerate(io, options) {
  const algs = parseAlgs(options.alg);
  checkOut(io, options);
  const generated = [];
  for (const alg of algs) generated.push(await newSigningKey(alg));
  fitsOneSecret(generated);
  const keys = await importSigningKeys(JSON.stringify(generated));
  const key2 = generated[0];
  if (options.json) {
    io.out(JSON.stringify({ kid: key2.kid, signing_keys: generated, public_jwks: keys.jwks }, null, 2));
    return 0;
  }
  emitKeys(
    io,
    options,
    generated,
    `kid: ${generated.map((item) => `${item.kid} (${item.alg})`).join(", ")}
Their public JWKS (what the service will publish): ${JSON.stringify(keys.jwks)}`
  );
  return 0;
}
async function keysRotate(io, options) {
  checkOut(io, options);
  const text = readInput(io, options.current, "the current keys");
  let current;
  try {
    await importSigningKeys(text);
    const parsed = JSON.parse(text);
    current = Array.isArray(parsed) ? parsed : [parsed];
  } catch (error) {
    if (error instanceof SigningKeyError) throw new CliError(`the current keys are not valid: ${error.message}`, 1);
    throw error;
  }
  const alg = parseAlg(options.alg);
  const key2 = await newSigningKey(alg);
  const ofAlg = (item) => (item.alg ?? "ES256") === alg;
  const signing = current.find(ofAlg);
  const at = signing === void 0 ? current.length : current.indexOf(signing);
  const others = current.filter((item) => !ofAlg(item));
  const next = [...others.slice(0, at), key2, ...signing ? [signing] : [], ...others.slice(at)];
  fitsOneSecret(next);
  const keys = await importSigningKeys(JSON.stringify(next));
  const dropped = current.length - (next.length - 1);
  if (options.json) {
    io.out(JSON.stringify({ kid: key2.kid, signing_keys: next, public_jwks: keys.jwks, dropped }, null, 2));
    return 0;
  }
  emitKeys(
    io,
    options,
    next,
    `new kid: ${key2.kid} (signs ${alg}); kept: ${signing ? `${signing.kid} (verifies)` : "no earlier key of that algorithm"}${dropped > 0 ? `; dropped ${dropped} older key${dropped === 1 ? "" : "s"}` : ""}
${ROTATION_ADVICE}`
  );
  return 0;
}

// cli/policy-build.ts
import { gzipSync } from "node:zlib";

// protocol/digest.ts
var HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
async function sha256Hex(text) {
  const digest2 = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let hex = "";
  for (let i = 0; i < digest2.length; i++) hex += HEX[digest2[i]];
  return hex;
}

// policy/artifact.ts
var POLICY_ARTIFACT_FORMAT = "downscope-policy-artifact";
var POLICY_ARTIFACT_VERSION = 1;
var DEFAULT_ARTIFACT_PATH = ".build/policy.json";
function canonicalJson(value) {
  return JSON.stringify(
    value,
    (_key, item) => item !== null && typeof item === "object" && !Array.isArray(item) ? Object.fromEntries(
      Object.keys(item).sort().map((key2) => [key2, item[key2]])
    ) : item
  );
}
async function makePolicyArtifact(source, value, options) {
  const policy = canonicalJson(value);
  return {
    format: POLICY_ARTIFACT_FORMAT,
    format_version: POLICY_ARTIFACT_VERSION,
    source_sha256: await sha256Hex(source),
    policy_sha256: await sha256Hex(policy),
    policy,
    warnings: options.warnings
  };
}

// protocol/duration.ts
var HARD_MAX_TTL_SECONDS = 3600;
var UNIT_SECONDS = { s: 1, m: 60, h: 3600 };
var DURATION = /^([0-9]{1,6})([smh]?)$/;
function parseDuration(value) {
  if (typeof value === "number") {
    return Number.isSafeInteger(value) && value > 0 ? value : void 0;
  }
  if (typeof value !== "string") return void 0;
  const match = DURATION.exec(value);
  if (!match) return void 0;
  const seconds2 = Number(match[1]) * UNIT_SECONDS[match[2] === "" ? "s" : match[2]];
  return seconds2 > 0 ? seconds2 : void 0;
}
function formatDuration(seconds2) {
  if (seconds2 % 3600 === 0) return `${seconds2 / 3600}h`;
  if (seconds2 % 60 === 0) return `${seconds2 / 60}m`;
  return `${seconds2}s`;
}

// policy/conditions.ts
var UNTRUSTED_CODE_EVENTS = /* @__PURE__ */ new Set([
  "pull_request_target",
  "workflow_run",
  "issue_comment"
]);
function claimString(claims, claim) {
  const value = claims[claim];
  return typeof value === "string" ? value : null;
}
function result(condition, held, expected, actual, note) {
  return note === void 0 ? { condition, held, expected, actual } : { condition, held, expected, actual, note };
}
function patternCondition(name, claim, patterns, options = {}) {
  const globs = patterns.map((pattern2) => compileGlob(pattern2, options));
  return {
    name,
    claim,
    language: { kind: "globs", patterns, options },
    test(claims) {
      const actual = claimString(claims, claim);
      const held = actual !== null && globs.some((glob) => glob.matches(actual));
      return result(name, held, patterns, actual);
    }
  };
}
function exactCondition(name, claim, values) {
  return {
    name,
    claim,
    language: { kind: "values", values },
    test(claims) {
      const actual = claimString(claims, claim);
      return result(name, actual !== null && values.includes(actual), values, actual);
    }
  };
}
function repositoryCondition(source, owner, name) {
  return {
    name: "repository",
    claim: "repository",
    // The owner is literal and the name a glob without `/`: as one case-insensitive glob, the same language.
    language: { kind: "globs", patterns: [source], options: { caseInsensitive: true } },
    test(claims) {
      const actual = claimString(claims, "repository");
      return result("repository", actual !== null && repositoryMatches(owner, name, actual), [source], actual);
    }
  };
}
function repositoryMatches(owner, name, repository) {
  const slash = repository.indexOf("/");
  if (slash <= 0) return false;
  return asciiLower(repository.slice(0, slash)) === owner && name.matches(repository.slice(slash + 1));
}
function eventCondition(patterns) {
  const globs = (patterns ?? []).map((pattern2) => compileGlob(pattern2));
  const expected = patterns ?? [];
  return {
    name: "event",
    claim: "event_name",
    language: { kind: "events", patterns },
    test(claims) {
      const actual = claimString(claims, "event_name");
      if (actual === null) return result("event", patterns === void 0, expected, actual);
      if (UNTRUSTED_CODE_EVENTS.has(actual)) {
        const named = expected.includes(actual);
        return result(
          "event",
          named,
          expected,
          actual,
          named ? void 0 : `${actual} may run a pull request's code: a rule must name it literally in event`
        );
      }
      const held = patterns === void 0 || globs.some((glob) => glob.matches(actual));
      return result("event", held, expected, actual);
    }
  };
}

// node_modules/yaml/browser/dist/nodes/identity.js
var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
function isCollection(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case MAP:
      case SEQ:
        return true;
    }
  return false;
}
function isNode(node) {
  if (node && typeof node === "object")
    switch (node[NODE_TYPE]) {
      case ALIAS:
      case MAP:
      case SCALAR:
      case SEQ:
        return true;
    }
  return false;
}
var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

// node_modules/yaml/browser/dist/visit.js
var BREAK = /* @__PURE__ */ Symbol("break visit");
var SKIP = /* @__PURE__ */ Symbol("skip children");
var REMOVE = /* @__PURE__ */ Symbol("remove node");
function visit(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    visit_(null, node, visitor_, Object.freeze([]));
}
visit.BREAK = BREAK;
visit.SKIP = SKIP;
visit.REMOVE = REMOVE;
function visit_(key2, node, visitor, path2) {
  const ctrl = callVisitor(key2, node, visitor, path2);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key2, path2, ctrl);
    return visit_(key2, ctrl, visitor, path2);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path2 = Object.freeze(path2.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = visit_(i, node.items[i], visitor, path2);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path2 = Object.freeze(path2.concat(node));
      const ck = visit_("key", node.key, visitor, path2);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = visit_("value", node.value, visitor, path2);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
async function visitAsync(node, visitor) {
  const visitor_ = initVisitor(visitor);
  if (isDocument(node)) {
    const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
    if (cd === REMOVE)
      node.contents = null;
  } else
    await visitAsync_(null, node, visitor_, Object.freeze([]));
}
visitAsync.BREAK = BREAK;
visitAsync.SKIP = SKIP;
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key2, node, visitor, path2) {
  const ctrl = await callVisitor(key2, node, visitor, path2);
  if (isNode(ctrl) || isPair(ctrl)) {
    replaceNode(key2, path2, ctrl);
    return visitAsync_(key2, ctrl, visitor, path2);
  }
  if (typeof ctrl !== "symbol") {
    if (isCollection(node)) {
      path2 = Object.freeze(path2.concat(node));
      for (let i = 0; i < node.items.length; ++i) {
        const ci = await visitAsync_(i, node.items[i], visitor, path2);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK)
          return BREAK;
        else if (ci === REMOVE) {
          node.items.splice(i, 1);
          i -= 1;
        }
      }
    } else if (isPair(node)) {
      path2 = Object.freeze(path2.concat(node));
      const ck = await visitAsync_("key", node.key, visitor, path2);
      if (ck === BREAK)
        return BREAK;
      else if (ck === REMOVE)
        node.key = null;
      const cv = await visitAsync_("value", node.value, visitor, path2);
      if (cv === BREAK)
        return BREAK;
      else if (cv === REMOVE)
        node.value = null;
    }
  }
  return ctrl;
}
function initVisitor(visitor) {
  if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
    return Object.assign({
      Alias: visitor.Node,
      Map: visitor.Node,
      Scalar: visitor.Node,
      Seq: visitor.Node
    }, visitor.Value && {
      Map: visitor.Value,
      Scalar: visitor.Value,
      Seq: visitor.Value
    }, visitor.Collection && {
      Map: visitor.Collection,
      Seq: visitor.Collection
    }, visitor);
  }
  return visitor;
}
function callVisitor(key2, node, visitor, path2) {
  if (typeof visitor === "function")
    return visitor(key2, node, path2);
  if (isMap(node))
    return visitor.Map?.(key2, node, path2);
  if (isSeq(node))
    return visitor.Seq?.(key2, node, path2);
  if (isPair(node))
    return visitor.Pair?.(key2, node, path2);
  if (isScalar(node))
    return visitor.Scalar?.(key2, node, path2);
  if (isAlias(node))
    return visitor.Alias?.(key2, node, path2);
  return void 0;
}
function replaceNode(key2, path2, node) {
  const parent = path2[path2.length - 1];
  if (isCollection(parent)) {
    parent.items[key2] = node;
  } else if (isPair(parent)) {
    if (key2 === "key")
      parent.key = node;
    else
      parent.value = node;
  } else if (isDocument(parent)) {
    parent.contents = node;
  } else {
    const pt = isAlias(parent) ? "alias" : "scalar";
    throw new Error(`Cannot replace node with ${pt} parent`);
  }
}

// node_modules/yaml/browser/dist/doc/directives.js
var escapeChars = {
  "!": "%21",
  ",": "%2C",
  "[": "%5B",
  "]": "%5D",
  "{": "%7B",
  "}": "%7D"
};
var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
var Directives = class _Directives {
  constructor(yaml, tags) {
    this.docStart = null;
    this.docEnd = false;
    this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
    this.tags = Object.assign({}, _Directives.defaultTags, tags);
  }
  clone() {
    const copy = new _Directives(this.yaml, this.tags);
    copy.docStart = this.docStart;
    return copy;
  }
  /**
   * During parsing, get a Directives instance for the current document and
   * update the stream state according to the current version's spec.
   */
  atDocument() {
    const res = new _Directives(this.yaml, this.tags);
    switch (this.yaml.version) {
      case "1.1":
        this.atNextDocument = true;
        break;
      case "1.2":
        this.atNextDocument = false;
        this.yaml = {
          explicit: _Directives.defaultYaml.explicit,
          version: "1.2"
        };
        this.tags = Object.assign({}, _Directives.defaultTags);
        break;
    }
    return res;
  }
  /**
   * @param onError - May be called even if the action was successful
   * @returns `true` on success
   */
  add(line, onError) {
    if (this.atNextDocument) {
      this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
      this.tags = Object.assign({}, _Directives.defaultTags);
      this.atNextDocument = false;
    }
    const parts = line.trim().split(/[ \t]+/);
    const name = parts.shift();
    switch (name) {
      case "%TAG": {
        if (parts.length !== 2) {
          onError(0, "%TAG directive should contain exactly two parts");
          if (parts.length < 2)
            return false;
        }
        const [handle, prefix] = parts;
        this.tags[handle] = prefix;
        return true;
      }
      case "%YAML": {
        this.yaml.explicit = true;
        if (parts.length !== 1) {
          onError(0, "%YAML directive should contain exactly one part");
          return false;
        }
        const [version2] = parts;
        if (version2 === "1.1" || version2 === "1.2") {
          this.yaml.version = version2;
          return true;
        } else {
          const isValid = /^\d+\.\d+$/.test(version2);
          onError(6, `Unsupported YAML version ${version2}`, isValid);
          return false;
        }
      }
      default:
        onError(0, `Unknown directive ${name}`, true);
        return false;
    }
  }
  /**
   * Resolves a tag, matching handles to those defined in %TAG directives.
   *
   * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
   *   `'!local'` tag, or `null` if unresolvable.
   */
  tagName(source, onError) {
    if (source === "!")
      return "!";
    if (source[0] !== "!") {
      onError(`Not a valid tag: ${source}`);
      return null;
    }
    if (source[1] === "<") {
      const verbatim = source.slice(2, -1);
      if (verbatim === "!" || verbatim === "!!") {
        onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
        return null;
      }
      if (source[source.length - 1] !== ">")
        onError("Verbatim tags must end with a >");
      return verbatim;
    }
    const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
    if (!suffix)
      onError(`The ${source} tag has no suffix`);
    const prefix = this.tags[handle];
    if (prefix) {
      try {
        return prefix + decodeURIComponent(suffix);
      } catch (error) {
        onError(String(error));
        return null;
      }
    }
    if (handle === "!")
      return source;
    onError(`Could not resolve tag: ${source}`);
    return null;
  }
  /**
   * Given a fully resolved tag, returns its printable string form,
   * taking into account current tag prefixes and defaults.
   */
  tagString(tag2) {
    for (const [handle, prefix] of Object.entries(this.tags)) {
      if (tag2.startsWith(prefix))
        return handle + escapeTagName(tag2.substring(prefix.length));
    }
    return tag2[0] === "!" ? tag2 : `!<${tag2}>`;
  }
  toString(doc) {
    const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
    const tagEntries = Object.entries(this.tags);
    let tagNames;
    if (doc && tagEntries.length > 0 && isNode(doc.contents)) {
      const tags = {};
      visit(doc.contents, (_key, node) => {
        if (isNode(node) && node.tag)
          tags[node.tag] = true;
      });
      tagNames = Object.keys(tags);
    } else
      tagNames = [];
    for (const [handle, prefix] of tagEntries) {
      if (handle === "!!" && prefix === "tag:yaml.org,2002:")
        continue;
      if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
        lines.push(`%TAG ${handle} ${prefix}`);
    }
    return lines.join("\n");
  }
};
Directives.defaultYaml = { explicit: false, version: "1.2" };
Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };

// node_modules/yaml/browser/dist/doc/anchors.js
function anchorIsValid(anchor) {
  if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
    const sa = JSON.stringify(anchor);
    const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
    throw new Error(msg);
  }
  return true;
}
function anchorNames(root) {
  const anchors = /* @__PURE__ */ new Set();
  visit(root, {
    Value(_key, node) {
      if (node.anchor)
        anchors.add(node.anchor);
    }
  });
  return anchors;
}
function findNewAnchor(prefix, exclude) {
  for (let i = 1; true; ++i) {
    const name = `${prefix}${i}`;
    if (!exclude.has(name))
      return name;
  }
}
function createNodeAnchors(doc, prefix) {
  const aliasObjects = [];
  const sourceObjects = /* @__PURE__ */ new Map();
  let prevAnchors = null;
  return {
    onAnchor: (source) => {
      aliasObjects.push(source);
      prevAnchors ?? (prevAnchors = anchorNames(doc));
      const anchor = findNewAnchor(prefix, prevAnchors);
      prevAnchors.add(anchor);
      return anchor;
    },
    /**
     * With circular references, the source node is only resolved after all
     * of its child nodes are. This is why anchors are set only after all of
     * the nodes have been created.
     */
    setAnchors: () => {
      for (const source of aliasObjects) {
        const ref = sourceObjects.get(source);
        if (typeof ref === "object" && ref.anchor && (isScalar(ref.node) || isCollection(ref.node))) {
          ref.node.anchor = ref.anchor;
        } else {
          const error = new Error("Failed to resolve repeated object (this should not happen)");
          error.source = source;
          throw error;
        }
      }
    },
    sourceObjects
  };
}

// node_modules/yaml/browser/dist/doc/applyReviver.js
function applyReviver(reviver, obj, key2, val) {
  if (val && typeof val === "object") {
    if (Array.isArray(val)) {
      for (let i = 0, len = val.length; i < len; ++i) {
        const v0 = val[i];
        const v1 = applyReviver(reviver, val, String(i), v0);
        if (v1 === void 0)
          delete val[i];
        else if (v1 !== v0)
          val[i] = v1;
      }
    } else if (val instanceof Map) {
      for (const k of Array.from(val.keys())) {
        const v0 = val.get(k);
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          val.delete(k);
        else if (v1 !== v0)
          val.set(k, v1);
      }
    } else if (val instanceof Set) {
      for (const v0 of Array.from(val)) {
        const v1 = applyReviver(reviver, val, v0, v0);
        if (v1 === void 0)
          val.delete(v0);
        else if (v1 !== v0) {
          val.delete(v0);
          val.add(v1);
        }
      }
    } else {
      for (const [k, v0] of Object.entries(val)) {
        const v1 = applyReviver(reviver, val, k, v0);
        if (v1 === void 0)
          delete val[k];
        else if (v1 !== v0)
          val[k] = v1;
      }
    }
  }
  return reviver.call(obj, key2, val);
}

// node_modules/yaml/browser/dist/nodes/toJS.js
function toJS(value, arg, ctx) {
  if (Array.isArray(value))
    return value.map((v, i) => toJS(v, String(i), ctx));
  if (value && typeof value.toJSON === "function") {
    if (!ctx || !hasAnchor(value))
      return value.toJSON(arg, ctx);
    const data = { aliasCount: 0, count: 1, res: void 0 };
    ctx.anchors.set(value, data);
    ctx.onCreate = (res2) => {
      data.res = res2;
      delete ctx.onCreate;
    };
    const res = value.toJSON(arg, ctx);
    if (ctx.onCreate)
      ctx.onCreate(res);
    return res;
  }
  if (typeof value === "bigint" && !ctx?.keep)
    return Number(value);
  return value;
}

// node_modules/yaml/browser/dist/nodes/Node.js
var NodeBase = class {
  constructor(type) {
    Object.defineProperty(this, NODE_TYPE, { value: type });
  }
  /** Create a copy of this node.  */
  clone() {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** A plain JavaScript representation of this node. */
  toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    if (!isDocument(doc))
      throw new TypeError("A document argument is required");
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc,
      keep: true,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this, "", ctx);
    if (typeof onAnchor === "function")
      for (const { count, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
};

// node_modules/yaml/browser/dist/nodes/Alias.js
var Alias = class extends NodeBase {
  constructor(source) {
    super(ALIAS);
    this.source = source;
    Object.defineProperty(this, "tag", {
      set() {
        throw new Error("Alias nodes cannot have tags");
      }
    });
  }
  /**
   * Resolve the value of this alias within `doc`, finding the last
   * instance of the `source` anchor before this node.
   */
  resolve(doc, ctx) {
    if (ctx?.maxAliasCount === 0)
      throw new ReferenceError("Alias resolution is disabled");
    let nodes;
    if (ctx?.aliasResolveCache) {
      nodes = ctx.aliasResolveCache;
    } else {
      nodes = [];
      visit(doc, {
        Node: (_key, node) => {
          if (isAlias(node) || hasAnchor(node))
            nodes.push(node);
        }
      });
      if (ctx)
        ctx.aliasResolveCache = nodes;
    }
    let found = void 0;
    for (const node of nodes) {
      if (node === this)
        break;
      if (node.anchor === this.source)
        found = node;
    }
    if (found && ctx) {
      const { anchors, doc: doc2, maxAliasCount } = ctx;
      let data = anchors.get(found);
      if (!data) {
        toJS(found, null, ctx);
        data = anchors.get(found);
      }
      if (data?.res === void 0) {
        const msg = "This should not happen: Alias anchor was not resolved?";
        throw new ReferenceError(msg);
      }
      if (maxAliasCount >= 0) {
        data.count += 1;
        if (data.aliasCount === 0)
          data.aliasCount = getAliasCount(doc2, found, anchors);
        if (data.count * data.aliasCount > maxAliasCount) {
          const msg = "Excessive alias count indicates a resource exhaustion attack";
          throw new ReferenceError(msg);
        }
      }
    }
    return found;
  }
  toJSON(_arg, ctx) {
    if (!ctx)
      return { source: this.source };
    const source = this.resolve(ctx.doc, ctx);
    if (!source) {
      const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
      throw new ReferenceError(msg);
    }
    return ctx.anchors.get(source).res;
  }
  toString(ctx, _onComment, _onChompKeep) {
    const src = `*${this.source}`;
    if (ctx) {
      anchorIsValid(this.source);
      if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
        const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
        throw new Error(msg);
      }
      if (ctx.implicitKey)
        return `${src} `;
    }
    return src;
  }
};
function getAliasCount(doc, node, anchors) {
  if (isAlias(node)) {
    const source = node.resolve(doc);
    const anchor = anchors && source && anchors.get(source);
    return anchor ? anchor.count * anchor.aliasCount : 0;
  } else if (isCollection(node)) {
    let count = 0;
    for (const item of node.items) {
      const c = getAliasCount(doc, item, anchors);
      if (c > count)
        count = c;
    }
    return count;
  } else if (isPair(node)) {
    const kc = getAliasCount(doc, node.key, anchors);
    const vc = getAliasCount(doc, node.value, anchors);
    return Math.max(kc, vc);
  }
  return 1;
}

// node_modules/yaml/browser/dist/nodes/Scalar.js
var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
var Scalar = class extends NodeBase {
  constructor(value) {
    super(SCALAR);
    this.value = value;
  }
  toJSON(arg, ctx) {
    return ctx?.keep ? this.value : toJS(this.value, arg, ctx);
  }
  toString() {
    return String(this.value);
  }
};
Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
Scalar.PLAIN = "PLAIN";
Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";

// node_modules/yaml/browser/dist/doc/createNode.js
var defaultTagPrefix = "tag:yaml.org,2002:";
function findTagObject(value, tagName, tags) {
  if (tagName) {
    const match = tags.filter((t) => t.tag === tagName);
    const tagObj = match.find((t) => !t.format) ?? match[0];
    if (!tagObj)
      throw new Error(`Tag ${tagName} not found`);
    return tagObj;
  }
  return tags.find((t) => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
  if (isDocument(value))
    value = value.contents;
  if (isNode(value))
    return value;
  if (isPair(value)) {
    const map2 = ctx.schema[MAP].createNode?.(ctx.schema, null, ctx);
    map2.items.push(value);
    return map2;
  }
  if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
    value = value.valueOf();
  }
  const { aliasDuplicateObjects, onAnchor, onTagObj, schema: schema4, sourceObjects } = ctx;
  let ref = void 0;
  if (aliasDuplicateObjects && value && typeof value === "object") {
    ref = sourceObjects.get(value);
    if (ref) {
      ref.anchor ?? (ref.anchor = onAnchor(value));
      return new Alias(ref.anchor);
    } else {
      ref = { anchor: null, node: null };
      sourceObjects.set(value, ref);
    }
  }
  if (tagName?.startsWith("!!"))
    tagName = defaultTagPrefix + tagName.slice(2);
  let tagObj = findTagObject(value, tagName, schema4.tags);
  if (!tagObj) {
    if (value && typeof value.toJSON === "function") {
      value = value.toJSON();
    }
    if (!value || typeof value !== "object") {
      const node2 = new Scalar(value);
      if (ref)
        ref.node = node2;
      return node2;
    }
    tagObj = value instanceof Map ? schema4[MAP] : Symbol.iterator in Object(value) ? schema4[SEQ] : schema4[MAP];
  }
  if (onTagObj) {
    onTagObj(tagObj);
    delete ctx.onTagObj;
  }
  const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar(value);
  if (tagName)
    node.tag = tagName;
  else if (!tagObj.default)
    node.tag = tagObj.tag;
  if (ref)
    ref.node = node;
  return node;
}

// node_modules/yaml/browser/dist/nodes/Collection.js
function collectionFromPath(schema4, path2, value) {
  let v = value;
  for (let i = path2.length - 1; i >= 0; --i) {
    const k = path2[i];
    if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
      const a = [];
      a[k] = v;
      v = a;
    } else {
      v = /* @__PURE__ */ new Map([[k, v]]);
    }
  }
  return createNode(v, void 0, {
    aliasDuplicateObjects: false,
    keepUndefined: false,
    onAnchor: () => {
      throw new Error("This should not happen, please report a bug.");
    },
    schema: schema4,
    sourceObjects: /* @__PURE__ */ new Map()
  });
}
var isEmptyPath = (path2) => path2 == null || typeof path2 === "object" && !!path2[Symbol.iterator]().next().done;
var Collection = class extends NodeBase {
  constructor(type, schema4) {
    super(type);
    Object.defineProperty(this, "schema", {
      value: schema4,
      configurable: true,
      enumerable: false,
      writable: true
    });
  }
  /**
   * Create a copy of this collection.
   *
   * @param schema - If defined, overwrites the original's schema
   */
  clone(schema4) {
    const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
    if (schema4)
      copy.schema = schema4;
    copy.items = copy.items.map((it) => isNode(it) || isPair(it) ? it.clone(schema4) : it);
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /**
   * Adds a value to the collection. For `!!map` and `!!omap` the value must
   * be a Pair instance or a `{ key, value }` object, which may not have a key
   * that already exists in the map.
   */
  addIn(path2, value) {
    if (isEmptyPath(path2))
      this.add(value);
    else {
      const [key2, ...rest] = path2;
      const node = this.get(key2, true);
      if (isCollection(node))
        node.addIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key2, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
    }
  }
  /**
   * Removes a value from the collection.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path2) {
    const [key2, ...rest] = path2;
    if (rest.length === 0)
      return this.delete(key2);
    const node = this.get(key2, true);
    if (isCollection(node))
      return node.deleteIn(rest);
    else
      throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path2, keepScalar) {
    const [key2, ...rest] = path2;
    const node = this.get(key2, true);
    if (rest.length === 0)
      return !keepScalar && isScalar(node) ? node.value : node;
    else
      return isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
  }
  hasAllNullValues(allowScalar) {
    return this.items.every((node) => {
      if (!isPair(node))
        return false;
      const n = node.value;
      return n == null || allowScalar && isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
    });
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   */
  hasIn(path2) {
    const [key2, ...rest] = path2;
    if (rest.length === 0)
      return this.has(key2);
    const node = this.get(key2, true);
    return isCollection(node) ? node.hasIn(rest) : false;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path2, value) {
    const [key2, ...rest] = path2;
    if (rest.length === 0) {
      this.set(key2, value);
    } else {
      const node = this.get(key2, true);
      if (isCollection(node))
        node.setIn(rest, value);
      else if (node === void 0 && this.schema)
        this.set(key2, collectionFromPath(this.schema, rest, value));
      else
        throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
    }
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyComment.js
var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
function indentComment(comment, indent) {
  if (/^\n+$/.test(comment))
    return comment.substring(1);
  return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;

// node_modules/yaml/browser/dist/stringify/foldFlowLines.js
var FOLD_FLOW = "flow";
var FOLD_BLOCK = "block";
var FOLD_QUOTED = "quoted";
function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
  if (!lineWidth || lineWidth < 0)
    return text;
  if (lineWidth < minContentWidth)
    minContentWidth = 0;
  const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
  if (text.length <= endStep)
    return text;
  const folds = [];
  const escapedFolds = {};
  let end = lineWidth - indent.length;
  if (typeof indentAtStart === "number") {
    if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
      folds.push(0);
    else
      end = lineWidth - indentAtStart;
  }
  let split = void 0;
  let prev = void 0;
  let overflow = false;
  let i = -1;
  let escStart = -1;
  let escEnd = -1;
  if (mode === FOLD_BLOCK) {
    i = consumeMoreIndentedLines(text, i, indent.length);
    if (i !== -1)
      end = i + endStep;
  }
  for (let ch; ch = text[i += 1]; ) {
    if (mode === FOLD_QUOTED && ch === "\\") {
      escStart = i;
      switch (text[i + 1]) {
        case "x":
          i += 3;
          break;
        case "u":
          i += 5;
          break;
        case "U":
          i += 9;
          break;
        default:
          i += 1;
      }
      escEnd = i;
    }
    if (ch === "\n") {
      if (mode === FOLD_BLOCK)
        i = consumeMoreIndentedLines(text, i, indent.length);
      end = i + indent.length + endStep;
      split = void 0;
    } else {
      if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
        const next = text[i + 1];
        if (next && next !== " " && next !== "\n" && next !== "	")
          split = i;
      }
      if (i >= end) {
        if (split) {
          folds.push(split);
          end = split + endStep;
          split = void 0;
        } else if (mode === FOLD_QUOTED) {
          while (prev === " " || prev === "	") {
            prev = ch;
            ch = text[i += 1];
            overflow = true;
          }
          const j = i > escEnd + 1 ? i - 2 : escStart - 1;
          if (escapedFolds[j])
            return text;
          folds.push(j);
          escapedFolds[j] = true;
          end = j + endStep;
          split = void 0;
        } else {
          overflow = true;
        }
      }
    }
    prev = ch;
  }
  if (overflow && onOverflow)
    onOverflow();
  if (folds.length === 0)
    return text;
  if (onFold)
    onFold();
  let res = text.slice(0, folds[0]);
  for (let i2 = 0; i2 < folds.length; ++i2) {
    const fold = folds[i2];
    const end2 = folds[i2 + 1] || text.length;
    if (fold === 0)
      res = `
${indent}${text.slice(0, end2)}`;
    else {
      if (mode === FOLD_QUOTED && escapedFolds[fold])
        res += `${text[fold]}\\`;
      res += `
${indent}${text.slice(fold + 1, end2)}`;
    }
  }
  return res;
}
function consumeMoreIndentedLines(text, i, indent) {
  let end = i;
  let start = i + 1;
  let ch = text[start];
  while (ch === " " || ch === "	") {
    if (i < start + indent) {
      ch = text[++i];
    } else {
      do {
        ch = text[++i];
      } while (ch && ch !== "\n");
      end = i;
      start = i + 1;
      ch = text[start];
    }
  }
  return end;
}

// node_modules/yaml/browser/dist/stringify/stringifyString.js
var getFoldOptions = (ctx, isBlock2) => ({
  indentAtStart: isBlock2 ? ctx.indent.length : ctx.indentAtStart,
  lineWidth: ctx.options.lineWidth,
  minContentWidth: ctx.options.minContentWidth
});
var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
  if (!lineWidth || lineWidth < 0)
    return false;
  const limit = lineWidth - indentLength;
  const strLen = str.length;
  if (strLen <= limit)
    return false;
  for (let i = 0, start = 0; i < strLen; ++i) {
    if (str[i] === "\n") {
      if (i - start > limit)
        return true;
      start = i + 1;
      if (strLen - start <= limit)
        return false;
    }
  }
  return true;
}
function doubleQuotedString(value, ctx) {
  const json = JSON.stringify(value);
  if (ctx.options.doubleQuotedAsJSON)
    return json;
  const { implicitKey } = ctx;
  const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  let str = "";
  let start = 0;
  for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
    if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
      str += json.slice(start, i) + "\\ ";
      i += 1;
      start = i;
      ch = "\\";
    }
    if (ch === "\\")
      switch (json[i + 1]) {
        case "u":
          {
            str += json.slice(start, i);
            const code = json.substr(i + 2, 4);
            switch (code) {
              case "0000":
                str += "\\0";
                break;
              case "0007":
                str += "\\a";
                break;
              case "000b":
                str += "\\v";
                break;
              case "001b":
                str += "\\e";
                break;
              case "0085":
                str += "\\N";
                break;
              case "00a0":
                str += "\\_";
                break;
              case "2028":
                str += "\\L";
                break;
              case "2029":
                str += "\\P";
                break;
              default:
                if (code.substr(0, 2) === "00")
                  str += "\\x" + code.substr(2);
                else
                  str += json.substr(i, 6);
            }
            i += 5;
            start = i + 1;
          }
          break;
        case "n":
          if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
            i += 1;
          } else {
            str += json.slice(start, i) + "\n\n";
            while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
              str += "\n";
              i += 2;
            }
            str += indent;
            if (json[i + 2] === " ")
              str += "\\";
            i += 1;
            start = i + 1;
          }
          break;
        default:
          i += 1;
      }
  }
  str = start ? str + json.slice(start) : json;
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
  if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
    return doubleQuotedString(value, ctx);
  const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
  const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
  return ctx.implicitKey ? res : foldFlowLines(res, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
  const { singleQuote } = ctx.options;
  let qs;
  if (singleQuote === false)
    qs = doubleQuotedString;
  else {
    const hasDouble = value.includes('"');
    const hasSingle = value.includes("'");
    if (hasDouble && !hasSingle)
      qs = singleQuotedString;
    else if (hasSingle && !hasDouble)
      qs = doubleQuotedString;
    else
      qs = singleQuote ? singleQuotedString : doubleQuotedString;
  }
  return qs(value, ctx);
}
var blockEndNewlines;
try {
  blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
} catch {
  blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
  const { blockQuote, commentString, lineWidth } = ctx.options;
  if (!blockQuote || /\n[\t ]+$/.test(value)) {
    return quotedString(value, ctx);
  }
  const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
  const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.BLOCK_FOLDED ? false : type === Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
  if (!value)
    return literal ? "|\n" : ">\n";
  let chomp;
  let endStart;
  for (endStart = value.length; endStart > 0; --endStart) {
    const ch = value[endStart - 1];
    if (ch !== "\n" && ch !== "	" && ch !== " ")
      break;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf("\n");
  if (endNlPos === -1) {
    chomp = "-";
  } else if (value === end || endNlPos !== end.length - 1) {
    chomp = "+";
    if (onChompKeep)
      onChompKeep();
  } else {
    chomp = "";
  }
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === "\n")
      end = end.slice(0, -1);
    end = end.replace(blockEndNewlines, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd;
  let startNlPos = -1;
  for (startEnd = 0; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === " ")
      startWithSpace = true;
    else if (ch === "\n")
      startNlPos = startEnd;
    else
      break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const indentSize = indent ? "2" : "1";
  let header = (startWithSpace ? indentSize : "") + chomp;
  if (comment) {
    header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
    if (onComment)
      onComment();
  }
  if (!literal) {
    const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
    let literalFallback = false;
    const foldOptions = getFoldOptions(ctx, true);
    if (blockQuote !== "folded" && type !== Scalar.BLOCK_FOLDED) {
      foldOptions.onOverflow = () => {
        literalFallback = true;
      };
    }
    const body = foldFlowLines(`${start}${foldedValue}${end}`, indent, FOLD_BLOCK, foldOptions);
    if (!literalFallback)
      return `>${header}
${indent}${body}`;
  }
  value = value.replace(/\n+/g, `$&${indent}`);
  return `|${header}
${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
  const { type, value } = item;
  const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
  if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
    return quotedString(value, ctx);
  }
  if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
    return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
  }
  if (!implicitKey && !inFlow && type !== Scalar.PLAIN && value.includes("\n")) {
    return blockString(item, ctx, onComment, onChompKeep);
  }
  if (containsDocumentMarker(value)) {
    if (indent === "") {
      ctx.forceBlockIndent = true;
      return blockString(item, ctx, onComment, onChompKeep);
    } else if (implicitKey && indent === indentStep) {
      return quotedString(value, ctx);
    }
  }
  const str = value.replace(/\n+/g, `$&
${indent}`);
  if (actualString) {
    const test = (tag2) => tag2.default && tag2.tag !== "tag:yaml.org,2002:str" && tag2.test?.test(str);
    const { compat, tags } = ctx.doc.schema;
    if (tags.some(test) || compat?.some(test))
      return quotedString(value, ctx);
  }
  return implicitKey ? str : foldFlowLines(str, indent, FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
  const { implicitKey, inFlow } = ctx;
  const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
  let { type } = item;
  if (type !== Scalar.QUOTE_DOUBLE) {
    if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
      type = Scalar.QUOTE_DOUBLE;
  }
  const _stringify = (_type) => {
    switch (_type) {
      case Scalar.BLOCK_FOLDED:
      case Scalar.BLOCK_LITERAL:
        return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
      case Scalar.QUOTE_DOUBLE:
        return doubleQuotedString(ss.value, ctx);
      case Scalar.QUOTE_SINGLE:
        return singleQuotedString(ss.value, ctx);
      case Scalar.PLAIN:
        return plainString(ss, ctx, onComment, onChompKeep);
      default:
        return null;
    }
  };
  let res = _stringify(type);
  if (res === null) {
    const { defaultKeyType, defaultStringType } = ctx.options;
    const t = implicitKey && defaultKeyType || defaultStringType;
    res = _stringify(t);
    if (res === null)
      throw new Error(`Unsupported default string type ${t}`);
  }
  return res;
}

// node_modules/yaml/browser/dist/stringify/stringify.js
function createStringifyContext(doc, options) {
  const opt = Object.assign({
    blockQuote: true,
    commentString: stringifyComment,
    defaultKeyType: null,
    defaultStringType: "PLAIN",
    directives: null,
    doubleQuotedAsJSON: false,
    doubleQuotedMinMultiLineLength: 40,
    falseStr: "false",
    flowCollectionPadding: true,
    indentSeq: true,
    lineWidth: 80,
    minContentWidth: 20,
    nullStr: "null",
    simpleKeys: false,
    singleQuote: null,
    trailingComma: false,
    trueStr: "true",
    verifyAliasOrder: true
  }, doc.schema.toStringOptions, options);
  let inFlow;
  switch (opt.collectionStyle) {
    case "block":
      inFlow = false;
      break;
    case "flow":
      inFlow = true;
      break;
    default:
      inFlow = null;
  }
  return {
    anchors: /* @__PURE__ */ new Set(),
    doc,
    flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
    indent: "",
    indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
    inFlow,
    options: opt
  };
}
function getTagObject(tags, item) {
  if (item.tag) {
    const match = tags.filter((t) => t.tag === item.tag);
    if (match.length > 0)
      return match.find((t) => t.format === item.format) ?? match[0];
  }
  let tagObj = void 0;
  let obj;
  if (isScalar(item)) {
    obj = item.value;
    let match = tags.filter((t) => t.identify?.(obj));
    if (match.length > 1) {
      const testMatch = match.filter((t) => t.test);
      if (testMatch.length > 0)
        match = testMatch;
    }
    tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
  } else {
    obj = item;
    tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
  }
  if (!tagObj) {
    const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
    throw new Error(`Tag not resolved for ${name} value`);
  }
  return tagObj;
}
function stringifyProps(node, tagObj, { anchors, doc }) {
  if (!doc.directives)
    return "";
  const props = [];
  const anchor = (isScalar(node) || isCollection(node)) && node.anchor;
  if (anchor && anchorIsValid(anchor)) {
    anchors.add(anchor);
    props.push(`&${anchor}`);
  }
  const tag2 = node.tag ?? (tagObj.default ? null : tagObj.tag);
  if (tag2)
    props.push(doc.directives.tagString(tag2));
  return props.join(" ");
}
function stringify(item, ctx, onComment, onChompKeep) {
  if (isPair(item))
    return item.toString(ctx, onComment, onChompKeep);
  if (isAlias(item)) {
    if (ctx.doc.directives)
      return item.toString(ctx);
    if (ctx.resolvedAliases?.has(item)) {
      throw new TypeError(`Cannot stringify circular structure without alias nodes`);
    } else {
      if (ctx.resolvedAliases)
        ctx.resolvedAliases.add(item);
      else
        ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
      item = item.resolve(ctx.doc);
    }
  }
  let tagObj = void 0;
  const node = isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
  tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
  const props = stringifyProps(node, tagObj, ctx);
  if (props.length > 0)
    ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
  const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : isScalar(node) ? stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
  if (!props)
    return str;
  return isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
}

// node_modules/yaml/browser/dist/stringify/stringifyPair.js
function stringifyPair({ key: key2, value }, ctx, onComment, onChompKeep) {
  const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
  let keyComment = isNode(key2) && key2.comment || null;
  if (simpleKeys) {
    if (keyComment) {
      throw new Error("With simple keys, key nodes cannot have comments");
    }
    if (isCollection(key2) || !isNode(key2) && typeof key2 === "object") {
      const msg = "With simple keys, collection cannot be used as a key value";
      throw new Error(msg);
    }
  }
  let explicitKey = !simpleKeys && (!key2 || keyComment && value == null && !ctx.inFlow || isCollection(key2) || (isScalar(key2) ? key2.type === Scalar.BLOCK_FOLDED || key2.type === Scalar.BLOCK_LITERAL : typeof key2 === "object"));
  ctx = Object.assign({}, ctx, {
    allNullValues: false,
    implicitKey: !explicitKey && (simpleKeys || !allNullValues),
    indent: indent + indentStep
  });
  let keyCommentDone = false;
  let chompKeep = false;
  let str = stringify(key2, ctx, () => keyCommentDone = true, () => chompKeep = true);
  if (!explicitKey && !ctx.inFlow && str.length > 1024) {
    if (simpleKeys)
      throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
    explicitKey = true;
  }
  if (ctx.inFlow) {
    if (allNullValues || value == null) {
      if (keyCommentDone && onComment)
        onComment();
      return str === "" ? "?" : explicitKey ? `? ${str}` : str;
    }
  } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
    str = `? ${str}`;
    if (keyComment && !keyCommentDone) {
      str += lineComment(str, ctx.indent, commentString(keyComment));
    } else if (chompKeep && onChompKeep)
      onChompKeep();
    return str;
  }
  if (keyCommentDone)
    keyComment = null;
  if (explicitKey) {
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
    str = `? ${str}
${indent}:`;
  } else {
    str = `${str}:`;
    if (keyComment)
      str += lineComment(str, ctx.indent, commentString(keyComment));
  }
  let vsb, vcb, valueComment;
  if (isNode(value)) {
    vsb = !!value.spaceBefore;
    vcb = value.commentBefore;
    valueComment = value.comment;
  } else {
    vsb = false;
    vcb = null;
    valueComment = null;
    if (value && typeof value === "object")
      value = doc.createNode(value);
  }
  ctx.implicitKey = false;
  if (!explicitKey && !keyComment && isScalar(value))
    ctx.indentAtStart = str.length + 1;
  chompKeep = false;
  if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && isSeq(value) && !value.flow && !value.tag && !value.anchor) {
    ctx.indent = ctx.indent.substring(2);
  }
  let valueCommentDone = false;
  const valueStr = stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
  let ws = " ";
  if (keyComment || vsb || vcb) {
    ws = vsb ? "\n" : "";
    if (vcb) {
      const cs = commentString(vcb);
      ws += `
${indentComment(cs, ctx.indent)}`;
    }
    if (valueStr === "" && !ctx.inFlow) {
      if (ws === "\n" && valueComment)
        ws = "\n\n";
    } else {
      ws += `
${ctx.indent}`;
    }
  } else if (!explicitKey && isCollection(value)) {
    const vs0 = valueStr[0];
    const nl0 = valueStr.indexOf("\n");
    const hasNewline = nl0 !== -1;
    const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
    if (hasNewline || !flow) {
      let hasPropsLine = false;
      if (hasNewline && (vs0 === "&" || vs0 === "!")) {
        let sp0 = valueStr.indexOf(" ");
        if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
          sp0 = valueStr.indexOf(" ", sp0 + 1);
        }
        if (sp0 === -1 || nl0 < sp0)
          hasPropsLine = true;
      }
      if (!hasPropsLine)
        ws = `
${ctx.indent}`;
    }
  } else if (valueStr === "" || valueStr[0] === "\n") {
    ws = "";
  }
  str += ws + valueStr;
  if (ctx.inFlow) {
    if (valueCommentDone && onComment)
      onComment();
  } else if (valueComment && !valueCommentDone) {
    str += lineComment(str, ctx.indent, commentString(valueComment));
  } else if (chompKeep && onChompKeep) {
    onChompKeep();
  }
  return str;
}

// node_modules/yaml/browser/dist/log.js
function warn(logLevel, warning) {
  if (logLevel === "debug" || logLevel === "warn") {
    console.warn(warning);
  }
}

// node_modules/yaml/browser/dist/schema/yaml-1.1/merge.js
var MERGE_KEY = "<<";
var merge = {
  identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
  default: "key",
  tag: "tag:yaml.org,2002:merge",
  test: /^<<$/,
  resolve: () => Object.assign(new Scalar(Symbol(MERGE_KEY)), {
    addToJSMap: addMergeToJSMap
  }),
  stringify: () => MERGE_KEY
};
var isMergeKey = (ctx, key2) => (merge.identify(key2) || isScalar(key2) && (!key2.type || key2.type === Scalar.PLAIN) && merge.identify(key2.value)) && ctx?.doc.schema.tags.some((tag2) => tag2.tag === merge.tag && tag2.default);
function addMergeToJSMap(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (isSeq(source))
    for (const it of source.items)
      mergeValue(ctx, map2, it);
  else if (Array.isArray(source))
    for (const it of source)
      mergeValue(ctx, map2, it);
  else
    mergeValue(ctx, map2, source);
}
function mergeValue(ctx, map2, value) {
  const source = resolveAliasValue(ctx, value);
  if (!isMap(source))
    throw new Error("Merge sources must be maps or map aliases");
  const srcMap = source.toJSON(null, ctx, Map);
  for (const [key2, value2] of srcMap) {
    if (map2 instanceof Map) {
      if (!map2.has(key2))
        map2.set(key2, value2);
    } else if (map2 instanceof Set) {
      map2.add(key2);
    } else if (!Object.prototype.hasOwnProperty.call(map2, key2)) {
      Object.defineProperty(map2, key2, {
        value: value2,
        writable: true,
        enumerable: true,
        configurable: true
      });
    }
  }
  return map2;
}
function resolveAliasValue(ctx, value) {
  return ctx && isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

// node_modules/yaml/browser/dist/nodes/addPairToJSMap.js
function addPairToJSMap(ctx, map2, { key: key2, value }) {
  if (isNode(key2) && key2.addToJSMap)
    key2.addToJSMap(ctx, map2, value);
  else if (isMergeKey(ctx, key2))
    addMergeToJSMap(ctx, map2, value);
  else {
    const jsKey = toJS(key2, "", ctx);
    if (map2 instanceof Map) {
      map2.set(jsKey, toJS(value, jsKey, ctx));
    } else if (map2 instanceof Set) {
      map2.add(jsKey);
    } else {
      const stringKey = stringifyKey(key2, jsKey, ctx);
      const jsValue = toJS(value, stringKey, ctx);
      if (stringKey in map2)
        Object.defineProperty(map2, stringKey, {
          value: jsValue,
          writable: true,
          enumerable: true,
          configurable: true
        });
      else
        map2[stringKey] = jsValue;
    }
  }
  return map2;
}
function stringifyKey(key2, jsKey, ctx) {
  if (jsKey === null)
    return "";
  if (typeof jsKey !== "object")
    return String(jsKey);
  if (isNode(key2) && ctx?.doc) {
    const strCtx = createStringifyContext(ctx.doc, {});
    strCtx.anchors = /* @__PURE__ */ new Set();
    for (const node of ctx.anchors.keys())
      strCtx.anchors.add(node.anchor);
    strCtx.inFlow = true;
    strCtx.inStringifyKey = true;
    const strKey = key2.toString(strCtx);
    if (!ctx.mapKeyWarned) {
      let jsonStr = JSON.stringify(strKey);
      if (jsonStr.length > 40)
        jsonStr = jsonStr.substring(0, 36) + '..."';
      warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
      ctx.mapKeyWarned = true;
    }
    return strKey;
  }
  return JSON.stringify(jsKey);
}

// node_modules/yaml/browser/dist/nodes/Pair.js
function createPair(key2, value, ctx) {
  const k = createNode(key2, void 0, ctx);
  const v = createNode(value, void 0, ctx);
  return new Pair(k, v);
}
var Pair = class _Pair {
  constructor(key2, value = null) {
    Object.defineProperty(this, NODE_TYPE, { value: PAIR });
    this.key = key2;
    this.value = value;
  }
  clone(schema4) {
    let { key: key2, value } = this;
    if (isNode(key2))
      key2 = key2.clone(schema4);
    if (isNode(value))
      value = value.clone(schema4);
    return new _Pair(key2, value);
  }
  toJSON(_, ctx) {
    const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    return addPairToJSMap(ctx, pair, this);
  }
  toString(ctx, onComment, onChompKeep) {
    return ctx?.doc ? stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyCollection.js
function stringifyCollection(collection, ctx, options) {
  const flow = ctx.inFlow ?? collection.flow;
  const stringify4 = flow ? stringifyFlowCollection : stringifyBlockCollection;
  return stringify4(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
  const { indent, options: { commentString } } = ctx;
  const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
  let chompKeep = false;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment2 = null;
    if (isNode(item)) {
      if (!chompKeep && item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
      if (item.comment)
        comment2 = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (!chompKeep && ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
      }
    }
    chompKeep = false;
    let str2 = stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
    if (comment2)
      str2 += lineComment(str2, itemIndent, commentString(comment2));
    if (chompKeep && comment2)
      chompKeep = false;
    lines.push(blockItemPrefix + str2);
  }
  let str;
  if (lines.length === 0) {
    str = flowChars.start + flowChars.end;
  } else {
    str = lines[0];
    for (let i = 1; i < lines.length; ++i) {
      const line = lines[i];
      str += line ? `
${indent}${line}` : "\n";
    }
  }
  if (comment) {
    str += "\n" + indentComment(commentString(comment), indent);
    if (onComment)
      onComment();
  } else if (chompKeep && onChompKeep)
    onChompKeep();
  return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
  const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
  itemIndent += indentStep;
  const itemCtx = Object.assign({}, ctx, {
    indent: itemIndent,
    inFlow: true,
    type: null
  });
  let reqNewline = false;
  let linesAtValue = 0;
  const lines = [];
  for (let i = 0; i < items.length; ++i) {
    const item = items[i];
    let comment = null;
    if (isNode(item)) {
      if (item.spaceBefore)
        lines.push("");
      addCommentBefore(ctx, lines, item.commentBefore, false);
      if (item.comment)
        comment = item.comment;
    } else if (isPair(item)) {
      const ik = isNode(item.key) ? item.key : null;
      if (ik) {
        if (ik.spaceBefore)
          lines.push("");
        addCommentBefore(ctx, lines, ik.commentBefore, false);
        if (ik.comment)
          reqNewline = true;
      }
      const iv = isNode(item.value) ? item.value : null;
      if (iv) {
        if (iv.comment)
          comment = iv.comment;
        if (iv.commentBefore)
          reqNewline = true;
      } else if (item.value == null && ik?.comment) {
        comment = ik.comment;
      }
    }
    if (comment)
      reqNewline = true;
    let str = stringify(item, itemCtx, () => comment = null);
    reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
    if (i < items.length - 1) {
      str += ",";
    } else if (ctx.options.trailingComma) {
      if (ctx.options.lineWidth > 0) {
        reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
      }
      if (reqNewline) {
        str += ",";
      }
    }
    if (comment)
      str += lineComment(str, itemIndent, commentString(comment));
    lines.push(str);
    linesAtValue = lines.length;
  }
  const { start, end } = flowChars;
  if (lines.length === 0) {
    return start + end;
  } else {
    if (!reqNewline) {
      const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
      reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
    }
    if (reqNewline) {
      let str = start;
      for (const line of lines)
        str += line ? `
${indentStep}${indent}${line}` : "\n";
      return `${str}
${indent}${end}`;
    } else {
      return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
    }
  }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
  if (comment && chompKeep)
    comment = comment.replace(/^\n+/, "");
  if (comment) {
    const ic = indentComment(commentString(comment), indent);
    lines.push(ic.trimStart());
  }
}

// node_modules/yaml/browser/dist/nodes/YAMLMap.js
function findPair(items, key2) {
  const k = isScalar(key2) ? key2.value : key2;
  for (const it of items) {
    if (isPair(it)) {
      if (it.key === key2 || it.key === k)
        return it;
      if (isScalar(it.key) && it.key.value === k)
        return it;
    }
  }
  return void 0;
}
var YAMLMap = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:map";
  }
  constructor(schema4) {
    super(MAP, schema4);
    this.items = [];
  }
  /**
   * A generic collection parsing method that can be extended
   * to other node classes that inherit from YAMLMap
   */
  static from(schema4, obj, ctx) {
    const { keepUndefined, replacer } = ctx;
    const map2 = new this(schema4);
    const add2 = (key2, value) => {
      if (typeof replacer === "function")
        value = replacer.call(obj, key2, value);
      else if (Array.isArray(replacer) && !replacer.includes(key2))
        return;
      if (value !== void 0 || keepUndefined)
        map2.items.push(createPair(key2, value, ctx));
    };
    if (obj instanceof Map) {
      for (const [key2, value] of obj)
        add2(key2, value);
    } else if (obj && typeof obj === "object") {
      for (const key2 of Object.keys(obj))
        add2(key2, obj[key2]);
    }
    if (typeof schema4.sortMapEntries === "function") {
      map2.items.sort(schema4.sortMapEntries);
    }
    return map2;
  }
  /**
   * Adds a value to the collection.
   *
   * @param overwrite - If not set `true`, using a key that is already in the
   *   collection will throw. Otherwise, overwrites the previous value.
   */
  add(pair, overwrite) {
    let _pair;
    if (isPair(pair))
      _pair = pair;
    else if (!pair || typeof pair !== "object" || !("key" in pair)) {
      _pair = new Pair(pair, pair?.value);
    } else
      _pair = new Pair(pair.key, pair.value);
    const prev = findPair(this.items, _pair.key);
    const sortEntries = this.schema?.sortMapEntries;
    if (prev) {
      if (!overwrite)
        throw new Error(`Key ${_pair.key} already set`);
      if (isScalar(prev.value) && isScalarValue(_pair.value))
        prev.value.value = _pair.value;
      else
        prev.value = _pair.value;
    } else if (sortEntries) {
      const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
      if (i === -1)
        this.items.push(_pair);
      else
        this.items.splice(i, 0, _pair);
    } else {
      this.items.push(_pair);
    }
  }
  delete(key2) {
    const it = findPair(this.items, key2);
    if (!it)
      return false;
    const del = this.items.splice(this.items.indexOf(it), 1);
    return del.length > 0;
  }
  get(key2, keepScalar) {
    const it = findPair(this.items, key2);
    const node = it?.value;
    return (!keepScalar && isScalar(node) ? node.value : node) ?? void 0;
  }
  has(key2) {
    return !!findPair(this.items, key2);
  }
  set(key2, value) {
    this.add(new Pair(key2, value), true);
  }
  /**
   * @param ctx - Conversion context, originally set in Document#toJS()
   * @param {Class} Type - If set, forces the returned collection type
   * @returns Instance of Type, Map, or Object
   */
  toJSON(_, ctx, Type) {
    const map2 = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const item of this.items)
      addPairToJSMap(ctx, map2, item);
    return map2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    for (const item of this.items) {
      if (!isPair(item))
        throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
    }
    if (!ctx.allNullValues && this.hasAllNullValues(false))
      ctx = Object.assign({}, ctx, { allNullValues: true });
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "",
      flowChars: { start: "{", end: "}" },
      itemIndent: ctx.indent || "",
      onChompKeep,
      onComment
    });
  }
};

// node_modules/yaml/browser/dist/schema/common/map.js
var map = {
  collection: "map",
  default: true,
  nodeClass: YAMLMap,
  tag: "tag:yaml.org,2002:map",
  resolve(map2, onError) {
    if (!isMap(map2))
      onError("Expected a mapping for this tag");
    return map2;
  },
  createNode: (schema4, obj, ctx) => YAMLMap.from(schema4, obj, ctx)
};

// node_modules/yaml/browser/dist/nodes/YAMLSeq.js
var YAMLSeq = class extends Collection {
  static get tagName() {
    return "tag:yaml.org,2002:seq";
  }
  constructor(schema4) {
    super(SEQ, schema4);
    this.items = [];
  }
  add(value) {
    this.items.push(value);
  }
  /**
   * Removes a value from the collection.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   *
   * @returns `true` if the item was found and removed.
   */
  delete(key2) {
    const idx = asItemIndex(key2);
    if (typeof idx !== "number")
      return false;
    const del = this.items.splice(idx, 1);
    return del.length > 0;
  }
  get(key2, keepScalar) {
    const idx = asItemIndex(key2);
    if (typeof idx !== "number")
      return void 0;
    const it = this.items[idx];
    return !keepScalar && isScalar(it) ? it.value : it;
  }
  /**
   * Checks if the collection includes a value with the key `key`.
   *
   * `key` must contain a representation of an integer for this to succeed.
   * It may be wrapped in a `Scalar`.
   */
  has(key2) {
    const idx = asItemIndex(key2);
    return typeof idx === "number" && idx < this.items.length;
  }
  /**
   * Sets a value in this collection. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   *
   * If `key` does not contain a representation of an integer, this will throw.
   * It may be wrapped in a `Scalar`.
   */
  set(key2, value) {
    const idx = asItemIndex(key2);
    if (typeof idx !== "number")
      throw new Error(`Expected a valid index, not ${key2}.`);
    const prev = this.items[idx];
    if (isScalar(prev) && isScalarValue(value))
      prev.value = value;
    else
      this.items[idx] = value;
  }
  toJSON(_, ctx) {
    const seq2 = [];
    if (ctx?.onCreate)
      ctx.onCreate(seq2);
    let i = 0;
    for (const item of this.items)
      seq2.push(toJS(item, String(i++), ctx));
    return seq2;
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    return stringifyCollection(this, ctx, {
      blockItemPrefix: "- ",
      flowChars: { start: "[", end: "]" },
      itemIndent: (ctx.indent || "") + "  ",
      onChompKeep,
      onComment
    });
  }
  static from(schema4, obj, ctx) {
    const { replacer } = ctx;
    const seq2 = new this(schema4);
    if (obj && Symbol.iterator in Object(obj)) {
      let i = 0;
      for (let it of obj) {
        if (typeof replacer === "function") {
          const key2 = obj instanceof Set ? it : String(i++);
          it = replacer.call(obj, key2, it);
        }
        seq2.items.push(createNode(it, void 0, ctx));
      }
    }
    return seq2;
  }
};
function asItemIndex(key2) {
  let idx = isScalar(key2) ? key2.value : key2;
  if (idx && typeof idx === "string")
    idx = Number(idx);
  return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
}

// node_modules/yaml/browser/dist/schema/common/seq.js
var seq = {
  collection: "seq",
  default: true,
  nodeClass: YAMLSeq,
  tag: "tag:yaml.org,2002:seq",
  resolve(seq2, onError) {
    if (!isSeq(seq2))
      onError("Expected a sequence for this tag");
    return seq2;
  },
  createNode: (schema4, obj, ctx) => YAMLSeq.from(schema4, obj, ctx)
};

// node_modules/yaml/browser/dist/schema/common/string.js
var string = {
  identify: (value) => typeof value === "string",
  default: true,
  tag: "tag:yaml.org,2002:str",
  resolve: (str) => str,
  stringify(item, ctx, onComment, onChompKeep) {
    ctx = Object.assign({ actualString: true }, ctx);
    return stringifyString(item, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/common/null.js
var nullTag = {
  identify: (value) => value == null,
  createNode: () => new Scalar(null),
  default: true,
  tag: "tag:yaml.org,2002:null",
  test: /^(?:~|[Nn]ull|NULL)?$/,
  resolve: () => new Scalar(null),
  stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
};

// node_modules/yaml/browser/dist/schema/core/bool.js
var boolTag = {
  identify: (value) => typeof value === "boolean",
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  resolve: (str) => new Scalar(str[0] === "t" || str[0] === "T"),
  stringify({ source, value }, ctx) {
    if (source && boolTag.test.test(source)) {
      const sv = source[0] === "t" || source[0] === "T";
      if (value === sv)
        return source;
    }
    return value ? ctx.options.trueStr : ctx.options.falseStr;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyNumber.js
function stringifyNumber({ format, minFractionDigits, tag: tag2, value }) {
  if (typeof value === "bigint")
    return String(value);
  const num = typeof value === "number" ? value : Number(value);
  if (!isFinite(num))
    return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
  let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (!format && minFractionDigits && (!tag2 || tag2 === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
    let i = n.indexOf(".");
    if (i < 0) {
      i = n.length;
      n += ".";
    }
    let d = minFractionDigits - (n.length - i - 1);
    while (d-- > 0)
      n += "0";
  }
  return n;
}

// node_modules/yaml/browser/dist/schema/core/float.js
var floatNaN = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str));
    const dot = str.indexOf(".");
    if (dot !== -1 && str[str.length - 1] === "0")
      node.minFractionDigits = str.length - dot - 1;
    return node;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/core/int.js
var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
function intStringify(node, radix, prefix) {
  const { value } = node;
  if (intIdentify(value) && value >= 0)
    return prefix + value.toString(radix);
  return stringifyNumber(node);
}
var intOct = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^0o[0-7]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
  stringify: (node) => intStringify(node, 8, "0o")
};
var int = {
  identify: intIdentify,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex = {
  identify: (value) => intIdentify(value) && value >= 0,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^0x[0-9a-fA-F]+$/,
  resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
  stringify: (node) => intStringify(node, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/core/schema.js
var schema = [
  map,
  seq,
  string,
  nullTag,
  boolTag,
  intOct,
  int,
  intHex,
  floatNaN,
  floatExp,
  float
];

// node_modules/yaml/browser/dist/schema/json/schema.js
function intIdentify2(value) {
  return typeof value === "bigint" || Number.isInteger(value);
}
var stringifyJSON = ({ value }) => JSON.stringify(value);
var jsonScalars = [
  {
    identify: (value) => typeof value === "string",
    default: true,
    tag: "tag:yaml.org,2002:str",
    resolve: (str) => str,
    stringify: stringifyJSON
  },
  {
    identify: (value) => value == null,
    createNode: () => new Scalar(null),
    default: true,
    tag: "tag:yaml.org,2002:null",
    test: /^null$/,
    resolve: () => null,
    stringify: stringifyJSON
  },
  {
    identify: (value) => typeof value === "boolean",
    default: true,
    tag: "tag:yaml.org,2002:bool",
    test: /^true$|^false$/,
    resolve: (str) => str === "true",
    stringify: stringifyJSON
  },
  {
    identify: intIdentify2,
    default: true,
    tag: "tag:yaml.org,2002:int",
    test: /^-?(?:0|[1-9][0-9]*)$/,
    resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
    stringify: ({ value }) => intIdentify2(value) ? value.toString() : JSON.stringify(value)
  },
  {
    identify: (value) => typeof value === "number",
    default: true,
    tag: "tag:yaml.org,2002:float",
    test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
    resolve: (str) => parseFloat(str),
    stringify: stringifyJSON
  }
];
var jsonError = {
  default: true,
  tag: "",
  test: /^/,
  resolve(str, onError) {
    onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
    return str;
  }
};
var schema2 = [map, seq].concat(jsonScalars, jsonError);

// node_modules/yaml/browser/dist/schema/yaml-1.1/binary.js
var binary = {
  identify: (value) => value instanceof Uint8Array,
  // Buffer inherits from Uint8Array
  default: false,
  tag: "tag:yaml.org,2002:binary",
  /**
   * Returns a Buffer in node and an Uint8Array in browsers
   *
   * To use the resulting buffer as an image, you'll want to do something like:
   *
   *   const blob = new Blob([buffer], { type: 'image/jpeg' })
   *   document.querySelector('#photo').src = URL.createObjectURL(blob)
   */
  resolve(src, onError) {
    if (typeof atob === "function") {
      const str = atob(src.replace(/[\n\r]/g, ""));
      const buffer = new Uint8Array(str.length);
      for (let i = 0; i < str.length; ++i)
        buffer[i] = str.charCodeAt(i);
      return buffer;
    } else {
      onError("This environment does not support reading binary tags; either Buffer or atob is required");
      return src;
    }
  },
  stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
    if (!value)
      return "";
    const buf = value;
    let str;
    if (typeof btoa === "function") {
      let s = "";
      for (let i = 0; i < buf.length; ++i)
        s += String.fromCharCode(buf[i]);
      str = btoa(s);
    } else {
      throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
    }
    type ?? (type = Scalar.BLOCK_LITERAL);
    if (type !== Scalar.QUOTE_DOUBLE) {
      const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
      const n = Math.ceil(str.length / lineWidth);
      const lines = new Array(n);
      for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
        lines[i] = str.substr(o, lineWidth);
      }
      str = lines.join(type === Scalar.BLOCK_LITERAL ? "\n" : " ");
    }
    return stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/pairs.js
function resolvePairs(seq2, onError) {
  if (isSeq(seq2)) {
    for (let i = 0; i < seq2.items.length; ++i) {
      let item = seq2.items[i];
      if (isPair(item))
        continue;
      else if (isMap(item)) {
        if (item.items.length > 1)
          onError("Each pair must have its own sequence indicator");
        const pair = item.items[0] || new Pair(new Scalar(null));
        if (item.commentBefore)
          pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
        if (item.comment) {
          const cn = pair.value ?? pair.key;
          cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
        }
        item = pair;
      }
      seq2.items[i] = isPair(item) ? item : new Pair(item);
    }
  } else
    onError("Expected a sequence for this tag");
  return seq2;
}
function createPairs(schema4, iterable, ctx) {
  const { replacer } = ctx;
  const pairs2 = new YAMLSeq(schema4);
  pairs2.tag = "tag:yaml.org,2002:pairs";
  let i = 0;
  if (iterable && Symbol.iterator in Object(iterable))
    for (let it of iterable) {
      if (typeof replacer === "function")
        it = replacer.call(iterable, String(i++), it);
      let key2, value;
      if (Array.isArray(it)) {
        if (it.length === 2) {
          key2 = it[0];
          value = it[1];
        } else
          throw new TypeError(`Expected [key, value] tuple: ${it}`);
      } else if (it && it instanceof Object) {
        const keys = Object.keys(it);
        if (keys.length === 1) {
          key2 = keys[0];
          value = it[key2];
        } else {
          throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
        }
      } else {
        key2 = it;
      }
      pairs2.items.push(createPair(key2, value, ctx));
    }
  return pairs2;
}
var pairs = {
  collection: "seq",
  default: false,
  tag: "tag:yaml.org,2002:pairs",
  resolve: resolvePairs,
  createNode: createPairs
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/omap.js
var YAMLOMap = class _YAMLOMap extends YAMLSeq {
  constructor() {
    super();
    this.add = YAMLMap.prototype.add.bind(this);
    this.delete = YAMLMap.prototype.delete.bind(this);
    this.get = YAMLMap.prototype.get.bind(this);
    this.has = YAMLMap.prototype.has.bind(this);
    this.set = YAMLMap.prototype.set.bind(this);
    this.tag = _YAMLOMap.tag;
  }
  /**
   * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
   * but TypeScript won't allow widening the signature of a child method.
   */
  toJSON(_, ctx) {
    if (!ctx)
      return super.toJSON(_);
    const map2 = /* @__PURE__ */ new Map();
    if (ctx?.onCreate)
      ctx.onCreate(map2);
    for (const pair of this.items) {
      let key2, value;
      if (isPair(pair)) {
        key2 = toJS(pair.key, "", ctx);
        value = toJS(pair.value, key2, ctx);
      } else {
        key2 = toJS(pair, "", ctx);
      }
      if (map2.has(key2))
        throw new Error("Ordered maps must not include duplicate keys");
      map2.set(key2, value);
    }
    return map2;
  }
  static from(schema4, iterable, ctx) {
    const pairs2 = createPairs(schema4, iterable, ctx);
    const omap2 = new this();
    omap2.items = pairs2.items;
    return omap2;
  }
};
YAMLOMap.tag = "tag:yaml.org,2002:omap";
var omap = {
  collection: "seq",
  identify: (value) => value instanceof Map,
  nodeClass: YAMLOMap,
  default: false,
  tag: "tag:yaml.org,2002:omap",
  resolve(seq2, onError) {
    const pairs2 = resolvePairs(seq2, onError);
    const seenKeys = [];
    for (const { key: key2 } of pairs2.items) {
      if (isScalar(key2)) {
        if (seenKeys.includes(key2.value)) {
          onError(`Ordered maps must not include duplicate keys: ${key2.value}`);
        } else {
          seenKeys.push(key2.value);
        }
      }
    }
    return Object.assign(new YAMLOMap(), pairs2);
  },
  createNode: (schema4, iterable, ctx) => YAMLOMap.from(schema4, iterable, ctx)
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/bool.js
function boolStringify({ value, source }, ctx) {
  const boolObj = value ? trueTag : falseTag;
  if (source && boolObj.test.test(source))
    return source;
  return value ? ctx.options.trueStr : ctx.options.falseStr;
}
var trueTag = {
  identify: (value) => value === true,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
  resolve: () => new Scalar(true),
  stringify: boolStringify
};
var falseTag = {
  identify: (value) => value === false,
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  resolve: () => new Scalar(false),
  stringify: boolStringify
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/float.js
var floatNaN2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
  stringify: stringifyNumber
};
var floatExp2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "EXP",
  test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  resolve: (str) => parseFloat(str.replace(/_/g, "")),
  stringify(node) {
    const num = Number(node.value);
    return isFinite(num) ? num.toExponential() : stringifyNumber(node);
  }
};
var float2 = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  resolve(str) {
    const node = new Scalar(parseFloat(str.replace(/_/g, "")));
    const dot = str.indexOf(".");
    if (dot !== -1) {
      const f = str.substring(dot + 1).replace(/_/g, "");
      if (f[f.length - 1] === "0")
        node.minFractionDigits = f.length;
    }
    return node;
  },
  stringify: stringifyNumber
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/int.js
var intIdentify3 = (value) => typeof value === "bigint" || Number.isInteger(value);
function intResolve2(str, offset, radix, { intAsBigInt }) {
  const sign = str[0];
  if (sign === "-" || sign === "+")
    offset += 1;
  str = str.substring(offset).replace(/_/g, "");
  if (intAsBigInt) {
    switch (radix) {
      case 2:
        str = `0b${str}`;
        break;
      case 8:
        str = `0o${str}`;
        break;
      case 16:
        str = `0x${str}`;
        break;
    }
    const n2 = BigInt(str);
    return sign === "-" ? BigInt(-1) * n2 : n2;
  }
  const n = parseInt(str, radix);
  return sign === "-" ? -1 * n : n;
}
function intStringify2(node, radix, prefix) {
  const { value } = node;
  if (intIdentify3(value)) {
    const str = value.toString(radix);
    return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
  }
  return stringifyNumber(node);
}
var intBin = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "BIN",
  test: /^[-+]?0b[0-1_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 2, opt),
  stringify: (node) => intStringify2(node, 2, "0b")
};
var intOct2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "OCT",
  test: /^[-+]?0[0-7_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 1, 8, opt),
  stringify: (node) => intStringify2(node, 8, "0")
};
var int2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  test: /^[-+]?[0-9][0-9_]*$/,
  resolve: (str, _onError, opt) => intResolve2(str, 0, 10, opt),
  stringify: stringifyNumber
};
var intHex2 = {
  identify: intIdentify3,
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "HEX",
  test: /^[-+]?0x[0-9a-fA-F_]+$/,
  resolve: (str, _onError, opt) => intResolve2(str, 2, 16, opt),
  stringify: (node) => intStringify2(node, 16, "0x")
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/set.js
var YAMLSet = class _YAMLSet extends YAMLMap {
  constructor(schema4) {
    super(schema4);
    this.tag = _YAMLSet.tag;
  }
  add(key2) {
    let pair;
    if (isPair(key2))
      pair = key2;
    else if (key2 && typeof key2 === "object" && "key" in key2 && "value" in key2 && key2.value === null)
      pair = new Pair(key2.key, null);
    else
      pair = new Pair(key2, null);
    const prev = findPair(this.items, pair.key);
    if (!prev)
      this.items.push(pair);
  }
  /**
   * If `keepPair` is `true`, returns the Pair matching `key`.
   * Otherwise, returns the value of that Pair's key.
   */
  get(key2, keepPair) {
    const pair = findPair(this.items, key2);
    return !keepPair && isPair(pair) ? isScalar(pair.key) ? pair.key.value : pair.key : pair;
  }
  set(key2, value) {
    if (typeof value !== "boolean")
      throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
    const prev = findPair(this.items, key2);
    if (prev && !value) {
      this.items.splice(this.items.indexOf(prev), 1);
    } else if (!prev && value) {
      this.items.push(new Pair(key2));
    }
  }
  toJSON(_, ctx) {
    return super.toJSON(_, ctx, Set);
  }
  toString(ctx, onComment, onChompKeep) {
    if (!ctx)
      return JSON.stringify(this);
    if (this.hasAllNullValues(true))
      return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
    else
      throw new Error("Set items must all have null values");
  }
  static from(schema4, iterable, ctx) {
    const { replacer } = ctx;
    const set2 = new this(schema4);
    if (iterable && Symbol.iterator in Object(iterable))
      for (let value of iterable) {
        if (typeof replacer === "function")
          value = replacer.call(iterable, value, value);
        set2.items.push(createPair(value, null, ctx));
      }
    return set2;
  }
};
YAMLSet.tag = "tag:yaml.org,2002:set";
var set = {
  collection: "map",
  identify: (value) => value instanceof Set,
  nodeClass: YAMLSet,
  default: false,
  tag: "tag:yaml.org,2002:set",
  createNode: (schema4, iterable, ctx) => YAMLSet.from(schema4, iterable, ctx),
  resolve(map2, onError) {
    if (isMap(map2)) {
      if (map2.hasAllNullValues(true))
        return Object.assign(new YAMLSet(), map2);
      else
        onError("Set items must all have null values");
    } else
      onError("Expected a mapping for this tag");
    return map2;
  }
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/timestamp.js
function parseSexagesimal(str, asBigInt) {
  const sign = str[0];
  const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
  const num = (n) => asBigInt ? BigInt(n) : Number(n);
  const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
  return sign === "-" ? num(-1) * res : res;
}
function stringifySexagesimal(node) {
  let { value } = node;
  let num = (n) => n;
  if (typeof value === "bigint")
    num = (n) => BigInt(n);
  else if (isNaN(value) || !isFinite(value))
    return stringifyNumber(node);
  let sign = "";
  if (value < 0) {
    sign = "-";
    value *= num(-1);
  }
  const _60 = num(60);
  const parts = [value % _60];
  if (value < 60) {
    parts.unshift(0);
  } else {
    value = (value - parts[0]) / _60;
    parts.unshift(value % _60);
    if (value >= 60) {
      value = (value - parts[0]) / _60;
      parts.unshift(value);
    }
  }
  return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
}
var intTime = {
  identify: (value) => typeof value === "bigint" || Number.isInteger(value),
  default: true,
  tag: "tag:yaml.org,2002:int",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
  resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
  stringify: stringifySexagesimal
};
var floatTime = {
  identify: (value) => typeof value === "number",
  default: true,
  tag: "tag:yaml.org,2002:float",
  format: "TIME",
  test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
  resolve: (str) => parseSexagesimal(str, false),
  stringify: stringifySexagesimal
};
var timestamp = {
  identify: (value) => value instanceof Date,
  default: true,
  tag: "tag:yaml.org,2002:timestamp",
  // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
  // may be omitted altogether, resulting in a date format. In such a case, the time part is
  // assumed to be 00:00:00Z (start of day, UTC).
  test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
  resolve(str) {
    const match = str.match(timestamp.test);
    if (!match)
      throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
    const [, year, month, day, hour, minute, second] = match.map(Number);
    const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
    let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
    const tz = match[8];
    if (tz && tz !== "Z") {
      let d = parseSexagesimal(tz, false);
      if (Math.abs(d) < 30)
        d *= 60;
      date -= 6e4 * d;
    }
    return new Date(date);
  },
  stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
};

// node_modules/yaml/browser/dist/schema/yaml-1.1/schema.js
var schema3 = [
  map,
  seq,
  string,
  nullTag,
  trueTag,
  falseTag,
  intBin,
  intOct2,
  int2,
  intHex2,
  floatNaN2,
  floatExp2,
  float2,
  binary,
  merge,
  omap,
  pairs,
  set,
  intTime,
  floatTime,
  timestamp
];

// node_modules/yaml/browser/dist/schema/tags.js
var schemas = /* @__PURE__ */ new Map([
  ["core", schema],
  ["failsafe", [map, seq, string]],
  ["json", schema2],
  ["yaml11", schema3],
  ["yaml-1.1", schema3]
]);
var tagsByName = {
  binary,
  bool: boolTag,
  float,
  floatExp,
  floatNaN,
  floatTime,
  int,
  intHex,
  intOct,
  intTime,
  map,
  merge,
  null: nullTag,
  omap,
  pairs,
  seq,
  set,
  timestamp
};
var coreKnownTags = {
  "tag:yaml.org,2002:binary": binary,
  "tag:yaml.org,2002:merge": merge,
  "tag:yaml.org,2002:omap": omap,
  "tag:yaml.org,2002:pairs": pairs,
  "tag:yaml.org,2002:set": set,
  "tag:yaml.org,2002:timestamp": timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
  const schemaTags = schemas.get(schemaName);
  if (schemaTags && !customTags) {
    return addMergeTag && !schemaTags.includes(merge) ? schemaTags.concat(merge) : schemaTags.slice();
  }
  let tags = schemaTags;
  if (!tags) {
    if (Array.isArray(customTags))
      tags = [];
    else {
      const keys = Array.from(schemas.keys()).filter((key2) => key2 !== "yaml11").map((key2) => JSON.stringify(key2)).join(", ");
      throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
    }
  }
  if (Array.isArray(customTags)) {
    for (const tag2 of customTags)
      tags = tags.concat(tag2);
  } else if (typeof customTags === "function") {
    tags = customTags(tags.slice());
  }
  if (addMergeTag)
    tags = tags.concat(merge);
  return tags.reduce((tags2, tag2) => {
    const tagObj = typeof tag2 === "string" ? tagsByName[tag2] : tag2;
    if (!tagObj) {
      const tagName = JSON.stringify(tag2);
      const keys = Object.keys(tagsByName).map((key2) => JSON.stringify(key2)).join(", ");
      throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
    }
    if (!tags2.includes(tagObj))
      tags2.push(tagObj);
    return tags2;
  }, []);
}

// node_modules/yaml/browser/dist/schema/Schema.js
var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
var Schema = class _Schema {
  constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema: schema4, sortMapEntries, toStringDefaults }) {
    this.compat = Array.isArray(compat) ? getTags(compat, "compat") : compat ? getTags(null, compat) : null;
    this.name = typeof schema4 === "string" && schema4 || "core";
    this.knownTags = resolveKnownTags ? coreKnownTags : {};
    this.tags = getTags(customTags, this.name, merge2);
    this.toStringOptions = toStringDefaults ?? null;
    Object.defineProperty(this, MAP, { value: map });
    Object.defineProperty(this, SCALAR, { value: string });
    Object.defineProperty(this, SEQ, { value: seq });
    this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
  }
  clone() {
    const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
    copy.tags = this.tags.slice();
    return copy;
  }
};

// node_modules/yaml/browser/dist/stringify/stringifyDocument.js
function stringifyDocument(doc, options) {
  const lines = [];
  let hasDirectives = options.directives === true;
  if (options.directives !== false && doc.directives) {
    const dir = doc.directives.toString(doc);
    if (dir) {
      lines.push(dir);
      hasDirectives = true;
    } else if (doc.directives.docStart)
      hasDirectives = true;
  }
  if (hasDirectives)
    lines.push("---");
  const ctx = createStringifyContext(doc, options);
  const { commentString } = ctx.options;
  if (doc.commentBefore) {
    if (lines.length !== 1)
      lines.unshift("");
    const cs = commentString(doc.commentBefore);
    lines.unshift(indentComment(cs, ""));
  }
  let chompKeep = false;
  let contentComment = null;
  if (doc.contents) {
    if (isNode(doc.contents)) {
      if (doc.contents.spaceBefore && hasDirectives)
        lines.push("");
      if (doc.contents.commentBefore) {
        const cs = commentString(doc.contents.commentBefore);
        lines.push(indentComment(cs, ""));
      }
      ctx.forceBlockIndent = !!doc.comment;
      contentComment = doc.contents.comment;
    }
    const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
    let body = stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
    if (contentComment)
      body += lineComment(body, "", commentString(contentComment));
    if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
      lines[lines.length - 1] = `--- ${body}`;
    } else
      lines.push(body);
  } else {
    lines.push(stringify(doc.contents, ctx));
  }
  if (doc.directives?.docEnd) {
    if (doc.comment) {
      const cs = commentString(doc.comment);
      if (cs.includes("\n")) {
        lines.push("...");
        lines.push(indentComment(cs, ""));
      } else {
        lines.push(`... ${cs}`);
      }
    } else {
      lines.push("...");
    }
  } else {
    let dc = doc.comment;
    if (dc && chompKeep)
      dc = dc.replace(/^\n+/, "");
    if (dc) {
      if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
        lines.push("");
      lines.push(indentComment(commentString(dc), ""));
    }
  }
  return lines.join("\n") + "\n";
}

// node_modules/yaml/browser/dist/doc/Document.js
var Document = class _Document {
  constructor(value, replacer, options) {
    this.commentBefore = null;
    this.comment = null;
    this.errors = [];
    this.warnings = [];
    Object.defineProperty(this, NODE_TYPE, { value: DOC });
    let _replacer = null;
    if (typeof replacer === "function" || Array.isArray(replacer)) {
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const opt = Object.assign({
      intAsBigInt: false,
      keepSourceTokens: false,
      logLevel: "warn",
      prettyErrors: true,
      strict: true,
      stringKeys: false,
      uniqueKeys: true,
      version: "1.2"
    }, options);
    this.options = opt;
    let { version: version2 } = opt;
    if (options?._directives) {
      this.directives = options._directives.atDocument();
      if (this.directives.yaml.explicit)
        version2 = this.directives.yaml.version;
    } else
      this.directives = new Directives({ version: version2 });
    this.setSchema(version2, options);
    this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
  }
  /**
   * Create a deep copy of this Document and its contents.
   *
   * Custom Node values that inherit from `Object` still refer to their original instances.
   */
  clone() {
    const copy = Object.create(_Document.prototype, {
      [NODE_TYPE]: { value: DOC }
    });
    copy.commentBefore = this.commentBefore;
    copy.comment = this.comment;
    copy.errors = this.errors.slice();
    copy.warnings = this.warnings.slice();
    copy.options = Object.assign({}, this.options);
    if (this.directives)
      copy.directives = this.directives.clone();
    copy.schema = this.schema.clone();
    copy.contents = isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
    if (this.range)
      copy.range = this.range.slice();
    return copy;
  }
  /** Adds a value to the document. */
  add(value) {
    if (assertCollection(this.contents))
      this.contents.add(value);
  }
  /** Adds a value to the document. */
  addIn(path2, value) {
    if (assertCollection(this.contents))
      this.contents.addIn(path2, value);
  }
  /**
   * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
   *
   * If `node` already has an anchor, `name` is ignored.
   * Otherwise, the `node.anchor` value will be set to `name`,
   * or if an anchor with that name is already present in the document,
   * `name` will be used as a prefix for a new unique anchor.
   * If `name` is undefined, the generated anchor will use 'a' as a prefix.
   */
  createAlias(node, name) {
    if (!node.anchor) {
      const prev = anchorNames(this);
      node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      !name || prev.has(name) ? findNewAnchor(name || "a", prev) : name;
    }
    return new Alias(node.anchor);
  }
  createNode(value, replacer, options) {
    let _replacer = void 0;
    if (typeof replacer === "function") {
      value = replacer.call({ "": value }, "", value);
      _replacer = replacer;
    } else if (Array.isArray(replacer)) {
      const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
      const asStr = replacer.filter(keyToStr).map(String);
      if (asStr.length > 0)
        replacer = replacer.concat(asStr);
      _replacer = replacer;
    } else if (options === void 0 && replacer) {
      options = replacer;
      replacer = void 0;
    }
    const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag: tag2 } = options ?? {};
    const { onAnchor, setAnchors, sourceObjects } = createNodeAnchors(
      this,
      // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
      anchorPrefix || "a"
    );
    const ctx = {
      aliasDuplicateObjects: aliasDuplicateObjects ?? true,
      keepUndefined: keepUndefined ?? false,
      onAnchor,
      onTagObj,
      replacer: _replacer,
      schema: this.schema,
      sourceObjects
    };
    const node = createNode(value, tag2, ctx);
    if (flow && isCollection(node))
      node.flow = true;
    setAnchors();
    return node;
  }
  /**
   * Convert a key and a value into a `Pair` using the current schema,
   * recursively wrapping all values as `Scalar` or `Collection` nodes.
   */
  createPair(key2, value, options = {}) {
    const k = this.createNode(key2, null, options);
    const v = this.createNode(value, null, options);
    return new Pair(k, v);
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  delete(key2) {
    return assertCollection(this.contents) ? this.contents.delete(key2) : false;
  }
  /**
   * Removes a value from the document.
   * @returns `true` if the item was found and removed.
   */
  deleteIn(path2) {
    if (isEmptyPath(path2)) {
      if (this.contents == null)
        return false;
      this.contents = null;
      return true;
    }
    return assertCollection(this.contents) ? this.contents.deleteIn(path2) : false;
  }
  /**
   * Returns item at `key`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  get(key2, keepScalar) {
    return isCollection(this.contents) ? this.contents.get(key2, keepScalar) : void 0;
  }
  /**
   * Returns item at `path`, or `undefined` if not found. By default unwraps
   * scalar values from their surrounding node; to disable set `keepScalar` to
   * `true` (collections are always returned intact).
   */
  getIn(path2, keepScalar) {
    if (isEmptyPath(path2))
      return !keepScalar && isScalar(this.contents) ? this.contents.value : this.contents;
    return isCollection(this.contents) ? this.contents.getIn(path2, keepScalar) : void 0;
  }
  /**
   * Checks if the document includes a value with the key `key`.
   */
  has(key2) {
    return isCollection(this.contents) ? this.contents.has(key2) : false;
  }
  /**
   * Checks if the document includes a value at `path`.
   */
  hasIn(path2) {
    if (isEmptyPath(path2))
      return this.contents !== void 0;
    return isCollection(this.contents) ? this.contents.hasIn(path2) : false;
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  set(key2, value) {
    if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, [key2], value);
    } else if (assertCollection(this.contents)) {
      this.contents.set(key2, value);
    }
  }
  /**
   * Sets a value in this document. For `!!set`, `value` needs to be a
   * boolean to add/remove the item from the set.
   */
  setIn(path2, value) {
    if (isEmptyPath(path2)) {
      this.contents = value;
    } else if (this.contents == null) {
      this.contents = collectionFromPath(this.schema, Array.from(path2), value);
    } else if (assertCollection(this.contents)) {
      this.contents.setIn(path2, value);
    }
  }
  /**
   * Change the YAML version and schema used by the document.
   * A `null` version disables support for directives, explicit tags, anchors, and aliases.
   * It also requires the `schema` option to be given as a `Schema` instance value.
   *
   * Overrides all previously set schema options.
   */
  setSchema(version2, options = {}) {
    if (typeof version2 === "number")
      version2 = String(version2);
    let opt;
    switch (version2) {
      case "1.1":
        if (this.directives)
          this.directives.yaml.version = "1.1";
        else
          this.directives = new Directives({ version: "1.1" });
        opt = { resolveKnownTags: false, schema: "yaml-1.1" };
        break;
      case "1.2":
      case "next":
        if (this.directives)
          this.directives.yaml.version = version2;
        else
          this.directives = new Directives({ version: version2 });
        opt = { resolveKnownTags: true, schema: "core" };
        break;
      case null:
        if (this.directives)
          delete this.directives;
        opt = null;
        break;
      default: {
        const sv = JSON.stringify(version2);
        throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
      }
    }
    if (options.schema instanceof Object)
      this.schema = options.schema;
    else if (opt)
      this.schema = new Schema(Object.assign(opt, options));
    else
      throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
  }
  // json & jsonArg are only used from toJSON()
  toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
    const ctx = {
      anchors: /* @__PURE__ */ new Map(),
      doc: this,
      keep: !json,
      mapAsMap: mapAsMap === true,
      mapKeyWarned: false,
      maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
    };
    const res = toJS(this.contents, jsonArg ?? "", ctx);
    if (typeof onAnchor === "function")
      for (const { count, res: res2 } of ctx.anchors.values())
        onAnchor(res2, count);
    return typeof reviver === "function" ? applyReviver(reviver, { "": res }, "", res) : res;
  }
  /**
   * A JSON representation of the document `contents`.
   *
   * @param jsonArg Used by `JSON.stringify` to indicate the array index or
   *   property name.
   */
  toJSON(jsonArg, onAnchor) {
    return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
  }
  /** A YAML representation of the document. */
  toString(options = {}) {
    if (this.errors.length > 0)
      throw new Error("Document with errors cannot be stringified");
    if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
      const s = JSON.stringify(options.indent);
      throw new Error(`"indent" option must be a positive integer, not ${s}`);
    }
    return stringifyDocument(this, options);
  }
};
function assertCollection(contents) {
  if (isCollection(contents))
    return true;
  throw new Error("Expected a YAML collection as document contents");
}

// node_modules/yaml/browser/dist/errors.js
var YAMLError = class extends Error {
  constructor(name, pos, code, message2) {
    super();
    this.name = name;
    this.code = code;
    this.message = message2;
    this.pos = pos;
  }
};
var YAMLParseError = class extends YAMLError {
  constructor(pos, code, message2) {
    super("YAMLParseError", pos, code, message2);
  }
};
var YAMLWarning = class extends YAMLError {
  constructor(pos, code, message2) {
    super("YAMLWarning", pos, code, message2);
  }
};
var prettifyError = (src, lc) => (error) => {
  if (error.pos[0] === -1)
    return;
  error.linePos = error.pos.map((pos) => lc.linePos(pos));
  const { line, col } = error.linePos[0];
  error.message += ` at line ${line}, column ${col}`;
  let ci = col - 1;
  let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
  if (ci >= 60 && lineStr.length > 80) {
    const trimStart = Math.min(ci - 39, lineStr.length - 79);
    lineStr = "\u2026" + lineStr.substring(trimStart);
    ci -= trimStart - 1;
  }
  if (lineStr.length > 80)
    lineStr = lineStr.substring(0, 79) + "\u2026";
  if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
    let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
    if (prev.length > 80)
      prev = prev.substring(0, 79) + "\u2026\n";
    lineStr = prev + lineStr;
  }
  if (/[^ ]/.test(lineStr)) {
    let count = 1;
    const end = error.linePos[1];
    if (end?.line === line && end.col > col) {
      count = Math.max(1, Math.min(end.col - col, 80 - ci));
    }
    const pointer = " ".repeat(ci) + "^".repeat(count);
    error.message += `:

${lineStr}
${pointer}
`;
  }
};

// node_modules/yaml/browser/dist/compose/resolve-props.js
function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
  let spaceBefore = false;
  let atNewline = startOnNewline;
  let hasSpace = startOnNewline;
  let comment = "";
  let commentSep = "";
  let hasNewline = false;
  let reqSpace = false;
  let tab = null;
  let anchor = null;
  let tag2 = null;
  let newlineAfterProp = null;
  let comma = null;
  let found = null;
  let start = null;
  for (const token of tokens) {
    if (reqSpace) {
      if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
        onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      reqSpace = false;
    }
    if (tab) {
      if (atNewline && token.type !== "comment" && token.type !== "newline") {
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      }
      tab = null;
    }
    switch (token.type) {
      case "space":
        if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
          tab = token;
        }
        hasSpace = true;
        break;
      case "comment": {
        if (!hasSpace)
          onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
        const cb = token.source.substring(1) || " ";
        if (!comment)
          comment = cb;
        else
          comment += commentSep + cb;
        commentSep = "";
        atNewline = false;
        break;
      }
      case "newline":
        if (atNewline) {
          if (comment)
            comment += token.source;
          else if (!found || indicator !== "seq-item-ind")
            spaceBefore = true;
        } else
          commentSep += token.source;
        atNewline = true;
        hasNewline = true;
        if (anchor || tag2)
          newlineAfterProp = token;
        hasSpace = true;
        break;
      case "anchor":
        if (anchor)
          onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
        if (token.source.endsWith(":"))
          onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
        anchor = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      case "tag": {
        if (tag2)
          onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
        tag2 = token;
        start ?? (start = token.offset);
        atNewline = false;
        hasSpace = false;
        reqSpace = true;
        break;
      }
      case indicator:
        if (anchor || tag2)
          onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
        if (found)
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
        found = token;
        atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
        hasSpace = false;
        break;
      case "comma":
        if (flow) {
          if (comma)
            onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
          comma = token;
          atNewline = false;
          hasSpace = false;
          break;
        }
      // else fallthrough
      default:
        onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
        atNewline = false;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  const end = last ? last.offset + last.source.length : offset;
  if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
    onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
  }
  if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
    onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
  return {
    comma,
    found,
    spaceBefore,
    comment,
    hasNewline,
    anchor,
    tag: tag2,
    newlineAfterProp,
    end,
    start: start ?? end
  };
}

// node_modules/yaml/browser/dist/compose/util-contains-newline.js
function containsNewline(key2) {
  if (!key2)
    return null;
  switch (key2.type) {
    case "alias":
    case "scalar":
    case "double-quoted-scalar":
    case "single-quoted-scalar":
      if (key2.source.includes("\n"))
        return true;
      if (key2.end) {
        for (const st of key2.end)
          if (st.type === "newline")
            return true;
      }
      return false;
    case "flow-collection":
      for (const it of key2.items) {
        for (const st of it.start)
          if (st.type === "newline")
            return true;
        if (it.sep) {
          for (const st of it.sep)
            if (st.type === "newline")
              return true;
        }
        if (containsNewline(it.key) || containsNewline(it.value))
          return true;
      }
      return false;
    default:
      return true;
  }
}

// node_modules/yaml/browser/dist/compose/util-flow-indent-check.js
function flowIndentCheck(indent, fc, onError) {
  if (fc?.type === "flow-collection") {
    const end = fc.end[0];
    if (end.indent === indent && (end.source === "]" || end.source === "}") && containsNewline(fc)) {
      const msg = "Flow end indicator should be more indented than parent";
      onError(end, "BAD_INDENT", msg, true);
    }
  }
}

// node_modules/yaml/browser/dist/compose/util-map-includes.js
function mapIncludes(ctx, items, search) {
  const { uniqueKeys } = ctx.options;
  if (uniqueKeys === false)
    return false;
  const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || isScalar(a) && isScalar(b) && a.value === b.value;
  return items.some((pair) => isEqual(pair.key, search));
}

// node_modules/yaml/browser/dist/compose/resolve-block-map.js
var startColMsg = "All mapping items must start at the same column";
function resolveBlockMap({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bm, onError, tag2) {
  const NodeClass = tag2?.nodeClass ?? YAMLMap;
  const map2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  let offset = bm.offset;
  let commentEnd = null;
  for (const collItem of bm.items) {
    const { start, key: key2, sep, value } = collItem;
    const keyProps = resolveProps(start, {
      indicator: "explicit-key-ind",
      next: key2 ?? sep?.[0],
      offset,
      onError,
      parentIndent: bm.indent,
      startOnNewline: true
    });
    const implicitKey = !keyProps.found;
    if (implicitKey) {
      if (key2) {
        if (key2.type === "block-seq")
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
        else if ("indent" in key2 && key2.indent !== bm.indent)
          onError(offset, "BAD_INDENT", startColMsg);
      }
      if (!keyProps.anchor && !keyProps.tag && !sep) {
        commentEnd = keyProps.end;
        if (keyProps.comment) {
          if (map2.comment)
            map2.comment += "\n" + keyProps.comment;
          else
            map2.comment = keyProps.comment;
        }
        continue;
      }
      if (keyProps.newlineAfterProp || containsNewline(key2)) {
        onError(key2 ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
      }
    } else if (keyProps.found?.indent !== bm.indent) {
      onError(offset, "BAD_INDENT", startColMsg);
    }
    ctx.atKey = true;
    const keyStart = keyProps.end;
    const keyNode = key2 ? composeNode2(ctx, key2, keyProps, onError) : composeEmptyNode2(ctx, keyStart, start, null, keyProps, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bm.indent, key2, onError);
    ctx.atKey = false;
    if (mapIncludes(ctx, map2.items, keyNode))
      onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
    const valueProps = resolveProps(sep ?? [], {
      indicator: "map-value-ind",
      next: value,
      offset: keyNode.range[2],
      onError,
      parentIndent: bm.indent,
      startOnNewline: !key2 || key2.type === "block-scalar"
    });
    offset = valueProps.end;
    if (valueProps.found) {
      if (implicitKey) {
        if (value?.type === "block-map" && !valueProps.hasNewline)
          onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
        if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
          onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : composeEmptyNode2(ctx, offset, sep, null, valueProps, onError);
      if (ctx.schema.compat)
        flowIndentCheck(bm.indent, value, onError);
      offset = valueNode.range[2];
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    } else {
      if (implicitKey)
        onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
      if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      map2.items.push(pair);
    }
  }
  if (commentEnd && commentEnd < offset)
    onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
  map2.range = [bm.offset, offset, commentEnd ?? offset];
  return map2;
}

// node_modules/yaml/browser/dist/compose/resolve-block-seq.js
function resolveBlockSeq({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, bs, onError, tag2) {
  const NodeClass = tag2?.nodeClass ?? YAMLSeq;
  const seq2 = new NodeClass(ctx.schema);
  if (ctx.atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = bs.offset;
  let commentEnd = null;
  for (const { start, value } of bs.items) {
    const props = resolveProps(start, {
      indicator: "seq-item-ind",
      next: value,
      offset,
      onError,
      parentIndent: bs.indent,
      startOnNewline: true
    });
    if (!props.found) {
      if (props.anchor || props.tag || value) {
        if (value?.type === "block-seq")
          onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
        else
          onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
      } else {
        commentEnd = props.end;
        if (props.comment)
          seq2.comment = props.comment;
        continue;
      }
    }
    const node = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, start, null, props, onError);
    if (ctx.schema.compat)
      flowIndentCheck(bs.indent, value, onError);
    offset = node.range[2];
    seq2.items.push(node);
  }
  seq2.range = [bs.offset, offset, commentEnd ?? offset];
  return seq2;
}

// node_modules/yaml/browser/dist/compose/resolve-end.js
function resolveEnd(end, offset, reqSpace, onError) {
  let comment = "";
  if (end) {
    let hasSpace = false;
    let sep = "";
    for (const token of end) {
      const { source, type } = token;
      switch (type) {
        case "space":
          hasSpace = true;
          break;
        case "comment": {
          if (reqSpace && !hasSpace)
            onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
          const cb = source.substring(1) || " ";
          if (!comment)
            comment = cb;
          else
            comment += sep + cb;
          sep = "";
          break;
        }
        case "newline":
          if (comment)
            sep += source;
          hasSpace = true;
          break;
        default:
          onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
      }
      offset += source.length;
    }
  }
  return { comment, offset };
}

// node_modules/yaml/browser/dist/compose/resolve-flow-collection.js
var blockMsg = "Block collections are not allowed within flow collections";
var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
function resolveFlowCollection({ composeNode: composeNode2, composeEmptyNode: composeEmptyNode2 }, ctx, fc, onError, tag2) {
  const isMap2 = fc.start.source === "{";
  const fcName = isMap2 ? "flow map" : "flow sequence";
  const NodeClass = tag2?.nodeClass ?? (isMap2 ? YAMLMap : YAMLSeq);
  const coll = new NodeClass(ctx.schema);
  coll.flow = true;
  const atRoot = ctx.atRoot;
  if (atRoot)
    ctx.atRoot = false;
  if (ctx.atKey)
    ctx.atKey = false;
  let offset = fc.offset + fc.start.source.length;
  for (let i = 0; i < fc.items.length; ++i) {
    const collItem = fc.items[i];
    const { start, key: key2, sep, value } = collItem;
    const props = resolveProps(start, {
      flow: fcName,
      indicator: "explicit-key-ind",
      next: key2 ?? sep?.[0],
      offset,
      onError,
      parentIndent: fc.indent,
      startOnNewline: false
    });
    if (!props.found) {
      if (!props.anchor && !props.tag && !sep && !value) {
        if (i === 0 && props.comma)
          onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        else if (i < fc.items.length - 1)
          onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
        if (props.comment) {
          if (coll.comment)
            coll.comment += "\n" + props.comment;
          else
            coll.comment = props.comment;
        }
        offset = props.end;
        continue;
      }
      if (!isMap2 && ctx.options.strict && containsNewline(key2))
        onError(
          key2,
          // checked by containsNewline()
          "MULTILINE_IMPLICIT_KEY",
          "Implicit keys of flow sequence pairs need to be on a single line"
        );
    }
    if (i === 0) {
      if (props.comma)
        onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
    } else {
      if (!props.comma)
        onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
      if (props.comment) {
        let prevItemComment = "";
        loop: for (const st of start) {
          switch (st.type) {
            case "comma":
            case "space":
              break;
            case "comment":
              prevItemComment = st.source.substring(1);
              break loop;
            default:
              break loop;
          }
        }
        if (prevItemComment) {
          let prev = coll.items[coll.items.length - 1];
          if (isPair(prev))
            prev = prev.value ?? prev.key;
          if (prev.comment)
            prev.comment += "\n" + prevItemComment;
          else
            prev.comment = prevItemComment;
          props.comment = props.comment.substring(prevItemComment.length + 1);
        }
      }
    }
    if (!isMap2 && !sep && !props.found) {
      const valueNode = value ? composeNode2(ctx, value, props, onError) : composeEmptyNode2(ctx, props.end, sep, null, props, onError);
      coll.items.push(valueNode);
      offset = valueNode.range[2];
      if (isBlock(value))
        onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
    } else {
      ctx.atKey = true;
      const keyStart = props.end;
      const keyNode = key2 ? composeNode2(ctx, key2, props, onError) : composeEmptyNode2(ctx, keyStart, start, null, props, onError);
      if (isBlock(key2))
        onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
      ctx.atKey = false;
      const valueProps = resolveProps(sep ?? [], {
        flow: fcName,
        indicator: "map-value-ind",
        next: value,
        offset: keyNode.range[2],
        onError,
        parentIndent: fc.indent,
        startOnNewline: false
      });
      if (valueProps.found) {
        if (!isMap2 && !props.found && ctx.options.strict) {
          if (sep)
            for (const st of sep) {
              if (st === valueProps.found)
                break;
              if (st.type === "newline") {
                onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                break;
              }
            }
          if (props.start < valueProps.found.offset - 1024)
            onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
        }
      } else if (value) {
        if ("source" in value && value.source?.[0] === ":")
          onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
        else
          onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
      }
      const valueNode = value ? composeNode2(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode2(ctx, valueProps.end, sep, null, valueProps, onError) : null;
      if (valueNode) {
        if (isBlock(value))
          onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
      } else if (valueProps.comment) {
        if (keyNode.comment)
          keyNode.comment += "\n" + valueProps.comment;
        else
          keyNode.comment = valueProps.comment;
      }
      const pair = new Pair(keyNode, valueNode);
      if (ctx.options.keepSourceTokens)
        pair.srcToken = collItem;
      if (isMap2) {
        const map2 = coll;
        if (mapIncludes(ctx, map2.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        map2.items.push(pair);
      } else {
        const map2 = new YAMLMap(ctx.schema);
        map2.flow = true;
        map2.items.push(pair);
        const endRange = (valueNode ?? keyNode).range;
        map2.range = [keyNode.range[0], endRange[1], endRange[2]];
        coll.items.push(map2);
      }
      offset = valueNode ? valueNode.range[2] : valueProps.end;
    }
  }
  const expectedEnd = isMap2 ? "}" : "]";
  const [ce, ...ee] = fc.end;
  let cePos = offset;
  if (ce?.source === expectedEnd)
    cePos = ce.offset + ce.source.length;
  else {
    const name = fcName[0].toUpperCase() + fcName.substring(1);
    const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
    onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
    if (ce && ce.source.length !== 1)
      ee.unshift(ce);
  }
  if (ee.length > 0) {
    const end = resolveEnd(ee, cePos, ctx.options.strict, onError);
    if (end.comment) {
      if (coll.comment)
        coll.comment += "\n" + end.comment;
      else
        coll.comment = end.comment;
    }
    coll.range = [fc.offset, cePos, end.offset];
  } else {
    coll.range = [fc.offset, cePos, cePos];
  }
  return coll;
}

// node_modules/yaml/browser/dist/compose/compose-collection.js
function resolveCollection(CN2, ctx, token, onError, tagName, tag2) {
  const coll = token.type === "block-map" ? resolveBlockMap(CN2, ctx, token, onError, tag2) : token.type === "block-seq" ? resolveBlockSeq(CN2, ctx, token, onError, tag2) : resolveFlowCollection(CN2, ctx, token, onError, tag2);
  const Coll = coll.constructor;
  if (tagName === "!" || tagName === Coll.tagName) {
    coll.tag = Coll.tagName;
    return coll;
  }
  if (tagName)
    coll.tag = tagName;
  return coll;
}
function composeCollection(CN2, ctx, token, props, onError) {
  const tagToken = props.tag;
  const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
  if (token.type === "block-seq") {
    const { anchor, newlineAfterProp: nl } = props;
    const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
    if (lastProp && (!nl || nl.offset < lastProp.offset)) {
      const message2 = "Missing newline after block sequence props";
      onError(lastProp, "MISSING_CHAR", message2);
    }
  }
  const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
  if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.tagName && expType === "seq") {
    return resolveCollection(CN2, ctx, token, onError, tagName);
  }
  let tag2 = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
  if (!tag2) {
    const kt = ctx.schema.knownTags[tagName];
    if (kt?.collection === expType) {
      ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
      tag2 = kt;
    } else {
      if (kt) {
        onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
      } else {
        onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
      }
      return resolveCollection(CN2, ctx, token, onError, tagName);
    }
  }
  const coll = resolveCollection(CN2, ctx, token, onError, tagName, tag2);
  const res = tag2.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
  const node = isNode(res) ? res : new Scalar(res);
  node.range = coll.range;
  node.tag = tagName;
  if (tag2?.format)
    node.format = tag2.format;
  return node;
}

// node_modules/yaml/browser/dist/compose/resolve-block-scalar.js
function resolveBlockScalar(ctx, scalar, onError) {
  const start = scalar.offset;
  const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
  if (!header)
    return { value: "", type: null, comment: "", range: [start, start, start] };
  const type = header.mode === ">" ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
  const lines = scalar.source ? splitLines(scalar.source) : [];
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const content = lines[i][1];
    if (content === "" || content === "\r")
      chompStart = i;
    else
      break;
  }
  if (chompStart === 0) {
    const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
    let end2 = start + header.length;
    if (scalar.source)
      end2 += scalar.source.length;
    return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
  }
  let trimIndent = scalar.indent + header.indent;
  let offset = scalar.offset + header.length;
  let contentStart = 0;
  for (let i = 0; i < chompStart; ++i) {
    const [indent, content] = lines[i];
    if (content === "" || content === "\r") {
      if (header.indent === 0 && indent.length > trimIndent)
        trimIndent = indent.length;
    } else {
      if (indent.length < trimIndent) {
        const message2 = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
        onError(offset + indent.length, "MISSING_CHAR", message2);
      }
      if (header.indent === 0)
        trimIndent = indent.length;
      contentStart = i;
      if (trimIndent === 0 && !ctx.atRoot) {
        const message2 = "Block scalar values in collections must be indented";
        onError(offset, "BAD_INDENT", message2);
      }
      break;
    }
    offset += indent.length + content.length + 1;
  }
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i][0].length > trimIndent)
      chompStart = i + 1;
  }
  let value = "";
  let sep = "";
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i)
    value += lines[i][0].slice(trimIndent) + "\n";
  for (let i = contentStart; i < chompStart; ++i) {
    let [indent, content] = lines[i];
    offset += indent.length + content.length + 1;
    const crlf = content[content.length - 1] === "\r";
    if (crlf)
      content = content.slice(0, -1);
    if (content && indent.length < trimIndent) {
      const src = header.indent ? "explicit indentation indicator" : "first line";
      const message2 = `Block scalar lines must not be less indented than their ${src}`;
      onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message2);
      indent = "";
    }
    if (type === Scalar.BLOCK_LITERAL) {
      value += sep + indent.slice(trimIndent) + content;
      sep = "\n";
    } else if (indent.length > trimIndent || content[0] === "	") {
      if (sep === " ")
        sep = "\n";
      else if (!prevMoreIndented && sep === "\n")
        sep = "\n\n";
      value += sep + indent.slice(trimIndent) + content;
      sep = "\n";
      prevMoreIndented = true;
    } else if (content === "") {
      if (sep === "\n")
        value += "\n";
      else
        sep = "\n";
    } else {
      value += sep + content;
      sep = " ";
      prevMoreIndented = false;
    }
  }
  switch (header.chomp) {
    case "-":
      break;
    case "+":
      for (let i = chompStart; i < lines.length; ++i)
        value += "\n" + lines[i][0].slice(trimIndent);
      if (value[value.length - 1] !== "\n")
        value += "\n";
      break;
    default:
      value += "\n";
  }
  const end = start + header.length + scalar.source.length;
  return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
  if (props[0].type !== "block-scalar-header") {
    onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
    return null;
  }
  const { source } = props[0];
  const mode = source[0];
  let indent = 0;
  let chomp = "";
  let error = -1;
  for (let i = 1; i < source.length; ++i) {
    const ch = source[i];
    if (!chomp && (ch === "-" || ch === "+"))
      chomp = ch;
    else {
      const n = Number(ch);
      if (!indent && n)
        indent = n;
      else if (error === -1)
        error = offset + i;
    }
  }
  if (error !== -1)
    onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
  let hasSpace = false;
  let comment = "";
  let length = source.length;
  for (let i = 1; i < props.length; ++i) {
    const token = props[i];
    switch (token.type) {
      case "space":
        hasSpace = true;
      // fallthrough
      case "newline":
        length += token.source.length;
        break;
      case "comment":
        if (strict && !hasSpace) {
          const message2 = "Comments must be separated from other tokens by white space characters";
          onError(token, "MISSING_CHAR", message2);
        }
        length += token.source.length;
        comment = token.source.substring(1);
        break;
      case "error":
        onError(token, "UNEXPECTED_TOKEN", token.message);
        length += token.source.length;
        break;
      /* istanbul ignore next should not happen */
      default: {
        const message2 = `Unexpected token in block scalar header: ${token.type}`;
        onError(token, "UNEXPECTED_TOKEN", message2);
        const ts = token.source;
        if (ts && typeof ts === "string")
          length += ts.length;
      }
    }
  }
  return { mode, indent, chomp, comment, length };
}
function splitLines(source) {
  const split = source.split(/\n( *)/);
  const first = split[0];
  const m = first.match(/^( *)/);
  const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
  const lines = [line0];
  for (let i = 1; i < split.length; i += 2)
    lines.push([split[i], split[i + 1]]);
  return lines;
}

// node_modules/yaml/browser/dist/compose/resolve-flow-scalar.js
function resolveFlowScalar(scalar, strict, onError) {
  const { offset, type, source, end } = scalar;
  let _type;
  let value;
  const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
  switch (type) {
    case "scalar":
      _type = Scalar.PLAIN;
      value = plainValue(source, _onError);
      break;
    case "single-quoted-scalar":
      _type = Scalar.QUOTE_SINGLE;
      value = singleQuotedValue(source, _onError);
      break;
    case "double-quoted-scalar":
      _type = Scalar.QUOTE_DOUBLE;
      value = doubleQuotedValue(source, _onError);
      break;
    /* istanbul ignore next should not happen */
    default:
      onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
      return {
        value: "",
        type: null,
        comment: "",
        range: [offset, offset + source.length, offset + source.length]
      };
  }
  const valueEnd = offset + source.length;
  const re = resolveEnd(end, valueEnd, strict, onError);
  return {
    value,
    type: _type,
    comment: re.comment,
    range: [offset, valueEnd, re.offset]
  };
}
function plainValue(source, onError) {
  let badChar = "";
  switch (source[0]) {
    /* istanbul ignore next should not happen */
    case "	":
      badChar = "a tab character";
      break;
    case ",":
      badChar = "flow indicator character ,";
      break;
    case "%":
      badChar = "directive indicator character %";
      break;
    case "|":
    case ">": {
      badChar = `block scalar indicator ${source[0]}`;
      break;
    }
    case "@":
    case "`": {
      badChar = `reserved character ${source[0]}`;
      break;
    }
  }
  if (badChar)
    onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
  return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
  if (source[source.length - 1] !== "'" || source.length === 1)
    onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
  return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
  const line = /(.*?)\r?\n/sy;
  let match = line.exec(source);
  if (!match)
    return source;
  let trimEnd, trimBoth;
  try {
    trimEnd = new RegExp("(?<![ 	])[ 	]+$");
    trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
  } catch {
    trimEnd = /[ \t]+$/;
    trimBoth = /^[ \t]+|[ \t]+$/g;
  }
  let res = match[1].replace(trimEnd, "");
  let sep = " ";
  let pos = line.lastIndex;
  while (match = line.exec(source)) {
    const lm = match[1].replace(trimBoth, "");
    if (lm === "") {
      if (sep === "\n")
        res += sep;
      else
        sep = "\n";
    } else {
      res += sep + lm;
      sep = " ";
    }
    pos = line.lastIndex;
  }
  const last = /[ \t]*(.*)/sy;
  last.lastIndex = pos;
  match = last.exec(source);
  return res + sep + (match?.[1] ?? "");
}
function doubleQuotedValue(source, onError) {
  let res = "";
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === "\r" && source[i + 1] === "\n")
      continue;
    if (ch === "\n") {
      const { fold, offset } = foldNewline(source, i);
      res += fold;
      i = offset;
    } else if (ch === "\\") {
      let next = source[++i];
      const cc = escapeCodes[next];
      if (cc)
        res += cc;
      else if (next === "\n") {
        next = source[i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "\r" && source[i + 1] === "\n") {
        next = source[++i + 1];
        while (next === " " || next === "	")
          next = source[++i + 1];
      } else if (next === "x" || next === "u" || next === "U") {
        const length = next === "x" ? 2 : next === "u" ? 4 : 8;
        res += parseCharCode(source, i + 1, length, onError);
        i += length;
      } else {
        const raw = source.substr(i - 1, 2);
        onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        res += raw;
      }
    } else if (ch === " " || ch === "	") {
      const wsStart = i;
      let next = source[i + 1];
      while (next === " " || next === "	")
        next = source[++i + 1];
      if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
        res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
    } else {
      res += ch;
    }
  }
  if (source[source.length - 1] !== '"' || source.length === 1)
    onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
  return res;
}
function foldNewline(source, offset) {
  let fold = "";
  let ch = source[offset + 1];
  while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
    if (ch === "\r" && source[offset + 2] !== "\n")
      break;
    if (ch === "\n")
      fold += "\n";
    offset += 1;
    ch = source[offset + 1];
  }
  if (!fold)
    fold = " ";
  return { fold, offset };
}
var escapeCodes = {
  "0": "\0",
  // null character
  a: "\x07",
  // bell character
  b: "\b",
  // backspace
  e: "\x1B",
  // escape character
  f: "\f",
  // form feed
  n: "\n",
  // line feed
  r: "\r",
  // carriage return
  t: "	",
  // horizontal tab
  v: "\v",
  // vertical tab
  N: "\x85",
  // Unicode next line
  _: "\xA0",
  // Unicode non-breaking space
  L: "\u2028",
  // Unicode line separator
  P: "\u2029",
  // Unicode paragraph separator
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
  "	": "	"
};
function parseCharCode(source, offset, length, onError) {
  const cc = source.substr(offset, length);
  const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
  const code = ok ? parseInt(cc, 16) : NaN;
  try {
    return String.fromCodePoint(code);
  } catch {
    const raw = source.substr(offset - 2, length + 2);
    onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
    return raw;
  }
}

// node_modules/yaml/browser/dist/compose/compose-scalar.js
function composeScalar(ctx, token, tagToken, onError) {
  const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar(ctx, token, onError) : resolveFlowScalar(token, ctx.options.strict, onError);
  const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
  let tag2;
  if (ctx.options.stringKeys && ctx.atKey) {
    tag2 = ctx.schema[SCALAR];
  } else if (tagName)
    tag2 = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
  else if (token.type === "scalar")
    tag2 = findScalarTagByTest(ctx, value, token, onError);
  else
    tag2 = ctx.schema[SCALAR];
  let scalar;
  try {
    const res = tag2.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
    scalar = isScalar(res) ? res : new Scalar(res);
  } catch (error) {
    const msg = error instanceof Error ? error.message : String(error);
    onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
    scalar = new Scalar(value);
  }
  scalar.range = range;
  scalar.source = value;
  if (type)
    scalar.type = type;
  if (tagName)
    scalar.tag = tagName;
  if (tag2.format)
    scalar.format = tag2.format;
  if (comment)
    scalar.comment = comment;
  return scalar;
}
function findScalarTagByName(schema4, value, tagName, tagToken, onError) {
  if (tagName === "!")
    return schema4[SCALAR];
  const matchWithTest = [];
  for (const tag2 of schema4.tags) {
    if (!tag2.collection && tag2.tag === tagName) {
      if (tag2.default && tag2.test)
        matchWithTest.push(tag2);
      else
        return tag2;
    }
  }
  for (const tag2 of matchWithTest)
    if (tag2.test?.test(value))
      return tag2;
  const kt = schema4.knownTags[tagName];
  if (kt && !kt.collection) {
    schema4.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
    return kt;
  }
  onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
  return schema4[SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema: schema4 }, value, token, onError) {
  const tag2 = schema4.tags.find((tag3) => (tag3.default === true || atKey && tag3.default === "key") && tag3.test?.test(value)) || schema4[SCALAR];
  if (schema4.compat) {
    const compat = schema4.compat.find((tag3) => tag3.default && tag3.test?.test(value)) ?? schema4[SCALAR];
    if (tag2.tag !== compat.tag) {
      const ts = directives.tagString(tag2.tag);
      const cs = directives.tagString(compat.tag);
      const msg = `Value may be parsed as either ${ts} or ${cs}`;
      onError(token, "TAG_RESOLVE_FAILED", msg, true);
    }
  }
  return tag2;
}

// node_modules/yaml/browser/dist/compose/util-empty-scalar-position.js
function emptyScalarPosition(offset, before, pos) {
  if (before) {
    pos ?? (pos = before.length);
    for (let i = pos - 1; i >= 0; --i) {
      let st = before[i];
      switch (st.type) {
        case "space":
        case "comment":
        case "newline":
          offset -= st.source.length;
          continue;
      }
      st = before[++i];
      while (st?.type === "space") {
        offset += st.source.length;
        st = before[++i];
      }
      break;
    }
  }
  return offset;
}

// node_modules/yaml/browser/dist/compose/compose-node.js
var CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
  const atKey = ctx.atKey;
  const { spaceBefore, comment, anchor, tag: tag2 } = props;
  let node;
  let isSrcToken = true;
  switch (token.type) {
    case "alias":
      node = composeAlias(ctx, token, onError);
      if (anchor || tag2)
        onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
      break;
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "block-scalar":
      node = composeScalar(ctx, token, tag2, onError);
      if (anchor)
        node.anchor = anchor.source.substring(1);
      break;
    case "block-map":
    case "block-seq":
    case "flow-collection":
      try {
        node = composeCollection(CN, ctx, token, props, onError);
        if (anchor)
          node.anchor = anchor.source.substring(1);
      } catch (error) {
        const message2 = error instanceof Error ? error.message : String(error);
        onError(token, "RESOURCE_EXHAUSTION", message2);
      }
      break;
    default: {
      const message2 = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
      onError(token, "UNEXPECTED_TOKEN", message2);
      isSrcToken = false;
    }
  }
  node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
  if (anchor && node.anchor === "")
    onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  if (atKey && ctx.options.stringKeys && (!isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
    const msg = "With stringKeys, all keys must be strings";
    onError(tag2 ?? token, "NON_STRING_KEY", msg);
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    if (token.type === "scalar" && token.source === "")
      node.comment = comment;
    else
      node.commentBefore = comment;
  }
  if (ctx.options.keepSourceTokens && isSrcToken)
    node.srcToken = token;
  return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag: tag2, end }, onError) {
  const token = {
    type: "scalar",
    offset: emptyScalarPosition(offset, before, pos),
    indent: -1,
    source: ""
  };
  const node = composeScalar(ctx, token, tag2, onError);
  if (anchor) {
    node.anchor = anchor.source.substring(1);
    if (node.anchor === "")
      onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
  }
  if (spaceBefore)
    node.spaceBefore = true;
  if (comment) {
    node.comment = comment;
    node.range[2] = end;
  }
  return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
  const alias = new Alias(source.substring(1));
  if (alias.source === "")
    onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
  if (alias.source.endsWith(":"))
    onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
  const valueEnd = offset + source.length;
  const re = resolveEnd(end, valueEnd, options.strict, onError);
  alias.range = [offset, valueEnd, re.offset];
  if (re.comment)
    alias.comment = re.comment;
  return alias;
}

// node_modules/yaml/browser/dist/compose/compose-doc.js
function composeDoc(options, directives, { offset, start, value, end }, onError) {
  const opts = Object.assign({ _directives: directives }, options);
  const doc = new Document(void 0, opts);
  const ctx = {
    atKey: false,
    atRoot: true,
    directives: doc.directives,
    options: doc.options,
    schema: doc.schema
  };
  const props = resolveProps(start, {
    indicator: "doc-start",
    next: value ?? end?.[0],
    offset,
    onError,
    parentIndent: 0,
    startOnNewline: true
  });
  if (props.found) {
    doc.directives.docStart = true;
    if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
      onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
  }
  doc.contents = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
  const contentEnd = doc.contents.range[2];
  const re = resolveEnd(end, contentEnd, false, onError);
  if (re.comment)
    doc.comment = re.comment;
  doc.range = [offset, contentEnd, re.offset];
  return doc;
}

// node_modules/yaml/browser/dist/compose/composer.js
function getErrorPos(src) {
  if (typeof src === "number")
    return [src, src + 1];
  if (Array.isArray(src))
    return src.length === 2 ? src : [src[0], src[1]];
  const { offset, source } = src;
  return [offset, offset + (typeof source === "string" ? source.length : 1)];
}
function parsePrelude(prelude) {
  let comment = "";
  let atComment = false;
  let afterEmptyLine = false;
  for (let i = 0; i < prelude.length; ++i) {
    const source = prelude[i];
    switch (source[0]) {
      case "#":
        comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
        atComment = true;
        afterEmptyLine = false;
        break;
      case "%":
        if (prelude[i + 1]?.[0] !== "#")
          i += 1;
        atComment = false;
        break;
      default:
        if (!atComment)
          afterEmptyLine = true;
        atComment = false;
    }
  }
  return { comment, afterEmptyLine };
}
var Composer = class {
  constructor(options = {}) {
    this.doc = null;
    this.atDirectives = false;
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
    this.onError = (source, code, message2, warning) => {
      const pos = getErrorPos(source);
      if (warning)
        this.warnings.push(new YAMLWarning(pos, code, message2));
      else
        this.errors.push(new YAMLParseError(pos, code, message2));
    };
    this.directives = new Directives({ version: options.version || "1.2" });
    this.options = options;
  }
  decorate(doc, afterDoc) {
    const { comment, afterEmptyLine } = parsePrelude(this.prelude);
    if (comment) {
      const dc = doc.contents;
      if (afterDoc) {
        doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
      } else if (afterEmptyLine || doc.directives.docStart || !dc) {
        doc.commentBefore = comment;
      } else if (isCollection(dc) && !dc.flow && dc.items.length > 0) {
        let it = dc.items[0];
        if (isPair(it))
          it = it.key;
        const cb = it.commentBefore;
        it.commentBefore = cb ? `${comment}
${cb}` : comment;
      } else {
        const cb = dc.commentBefore;
        dc.commentBefore = cb ? `${comment}
${cb}` : comment;
      }
    }
    if (afterDoc) {
      for (let i = 0; i < this.errors.length; ++i)
        doc.errors.push(this.errors[i]);
      for (let i = 0; i < this.warnings.length; ++i)
        doc.warnings.push(this.warnings[i]);
    } else {
      doc.errors = this.errors;
      doc.warnings = this.warnings;
    }
    this.prelude = [];
    this.errors = [];
    this.warnings = [];
  }
  /**
   * Current stream status information.
   *
   * Mostly useful at the end of input for an empty stream.
   */
  streamInfo() {
    return {
      comment: parsePrelude(this.prelude).comment,
      directives: this.directives,
      errors: this.errors,
      warnings: this.warnings
    };
  }
  /**
   * Compose tokens into documents.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *compose(tokens, forceDoc = false, endOffset = -1) {
    for (const token of tokens)
      yield* this.next(token);
    yield* this.end(forceDoc, endOffset);
  }
  /** Advance the composer by one CST token. */
  *next(token) {
    switch (token.type) {
      case "directive":
        this.directives.add(token.source, (offset, message2, warning) => {
          const pos = getErrorPos(token);
          pos[0] += offset;
          this.onError(pos, "BAD_DIRECTIVE", message2, warning);
        });
        this.prelude.push(token.source);
        this.atDirectives = true;
        break;
      case "document": {
        const doc = composeDoc(this.options, this.directives, token, this.onError);
        if (this.atDirectives && !doc.directives.docStart)
          this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
        this.decorate(doc, false);
        if (this.doc)
          yield this.doc;
        this.doc = doc;
        this.atDirectives = false;
        break;
      }
      case "byte-order-mark":
      case "space":
        break;
      case "comment":
      case "newline":
        this.prelude.push(token.source);
        break;
      case "error": {
        const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
        const error = new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
        if (this.atDirectives || !this.doc)
          this.errors.push(error);
        else
          this.doc.errors.push(error);
        break;
      }
      case "doc-end": {
        if (!this.doc) {
          const msg = "Unexpected doc-end without preceding document";
          this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
          break;
        }
        this.doc.directives.docEnd = true;
        const end = resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
        this.decorate(this.doc, true);
        if (end.comment) {
          const dc = this.doc.comment;
          this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
        }
        this.doc.range[2] = end.offset;
        break;
      }
      default:
        this.errors.push(new YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
    }
  }
  /**
   * Call at end of input to yield any remaining document.
   *
   * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
   * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
   */
  *end(forceDoc = false, endOffset = -1) {
    if (this.doc) {
      this.decorate(this.doc, true);
      yield this.doc;
      this.doc = null;
    } else if (forceDoc) {
      const opts = Object.assign({ _directives: this.directives }, this.options);
      const doc = new Document(void 0, opts);
      if (this.atDirectives)
        this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
      doc.range = [0, endOffset, endOffset];
      this.decorate(doc, false);
      yield doc;
    }
  }
};

// node_modules/yaml/browser/dist/parse/cst-visit.js
var BREAK2 = /* @__PURE__ */ Symbol("break visit");
var SKIP2 = /* @__PURE__ */ Symbol("skip children");
var REMOVE2 = /* @__PURE__ */ Symbol("remove item");
function visit2(cst, visitor) {
  if ("type" in cst && cst.type === "document")
    cst = { start: cst.start, value: cst.value };
  _visit(Object.freeze([]), cst, visitor);
}
visit2.BREAK = BREAK2;
visit2.SKIP = SKIP2;
visit2.REMOVE = REMOVE2;
visit2.itemAtPath = (cst, path2) => {
  let item = cst;
  for (const [field, index] of path2) {
    const tok = item?.[field];
    if (tok && "items" in tok) {
      item = tok.items[index];
    } else
      return void 0;
  }
  return item;
};
visit2.parentCollection = (cst, path2) => {
  const parent = visit2.itemAtPath(cst, path2.slice(0, -1));
  const field = path2[path2.length - 1][0];
  const coll = parent?.[field];
  if (coll && "items" in coll)
    return coll;
  throw new Error("Parent collection not found");
};
function _visit(path2, item, visitor) {
  let ctrl = visitor(item, path2);
  if (typeof ctrl === "symbol")
    return ctrl;
  for (const field of ["key", "value"]) {
    const token = item[field];
    if (token && "items" in token) {
      for (let i = 0; i < token.items.length; ++i) {
        const ci = _visit(Object.freeze(path2.concat([[field, i]])), token.items[i], visitor);
        if (typeof ci === "number")
          i = ci - 1;
        else if (ci === BREAK2)
          return BREAK2;
        else if (ci === REMOVE2) {
          token.items.splice(i, 1);
          i -= 1;
        }
      }
      if (typeof ctrl === "function" && field === "key")
        ctrl = ctrl(item, path2);
    }
  }
  return typeof ctrl === "function" ? ctrl(item, path2) : ctrl;
}

// node_modules/yaml/browser/dist/parse/cst.js
var BOM = "\uFEFF";
var DOCUMENT = "";
var FLOW_END = "";
var SCALAR2 = "";
function tokenType(source) {
  switch (source) {
    case BOM:
      return "byte-order-mark";
    case DOCUMENT:
      return "doc-mode";
    case FLOW_END:
      return "flow-error-end";
    case SCALAR2:
      return "scalar";
    case "---":
      return "doc-start";
    case "...":
      return "doc-end";
    case "":
    case "\n":
    case "\r\n":
      return "newline";
    case "-":
      return "seq-item-ind";
    case "?":
      return "explicit-key-ind";
    case ":":
      return "map-value-ind";
    case "{":
      return "flow-map-start";
    case "}":
      return "flow-map-end";
    case "[":
      return "flow-seq-start";
    case "]":
      return "flow-seq-end";
    case ",":
      return "comma";
  }
  switch (source[0]) {
    case " ":
    case "	":
      return "space";
    case "#":
      return "comment";
    case "%":
      return "directive-line";
    case "*":
      return "alias";
    case "&":
      return "anchor";
    case "!":
      return "tag";
    case "'":
      return "single-quoted-scalar";
    case '"':
      return "double-quoted-scalar";
    case "|":
    case ">":
      return "block-scalar-header";
  }
  return null;
}

// node_modules/yaml/browser/dist/parse/lexer.js
function isEmpty(ch) {
  switch (ch) {
    case void 0:
    case " ":
    case "\n":
    case "\r":
    case "	":
      return true;
    default:
      return false;
  }
}
var hexDigits = new Set("0123456789ABCDEFabcdef");
var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
var flowIndicatorChars = new Set(",[]{}");
var invalidAnchorChars = new Set(" ,[]{}\n\r	");
var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
var Lexer = class {
  constructor() {
    this.atEnd = false;
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    this.buffer = "";
    this.flowKey = false;
    this.flowLevel = 0;
    this.indentNext = 0;
    this.indentValue = 0;
    this.lineEndPos = null;
    this.next = null;
    this.pos = 0;
  }
  /**
   * Generate YAML tokens from the `source` string. If `incomplete`,
   * a part of the last line may be left as a buffer for the next call.
   *
   * @returns A generator of lexical tokens
   */
  *lex(source, incomplete = false) {
    if (source) {
      if (typeof source !== "string")
        throw TypeError("source is not a string");
      this.buffer = this.buffer ? this.buffer + source : source;
      this.lineEndPos = null;
    }
    this.atEnd = !incomplete;
    let next = this.next ?? "stream";
    while (next && (incomplete || this.hasChars(1)))
      next = yield* this.parseNext(next);
  }
  atLineEnd() {
    let i = this.pos;
    let ch = this.buffer[i];
    while (ch === " " || ch === "	")
      ch = this.buffer[++i];
    if (!ch || ch === "#" || ch === "\n")
      return true;
    if (ch === "\r")
      return this.buffer[i + 1] === "\n";
    return false;
  }
  charAt(n) {
    return this.buffer[this.pos + n];
  }
  continueScalar(offset) {
    let ch = this.buffer[offset];
    if (this.indentNext > 0) {
      let indent = 0;
      while (ch === " ")
        ch = this.buffer[++indent + offset];
      if (ch === "\r") {
        const next = this.buffer[indent + offset + 1];
        if (next === "\n" || !next && !this.atEnd)
          return offset + indent + 1;
      }
      return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
    }
    if (ch === "-" || ch === ".") {
      const dt = this.buffer.substr(offset, 3);
      if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
        return -1;
    }
    return offset;
  }
  getLine() {
    let end = this.lineEndPos;
    if (typeof end !== "number" || end !== -1 && end < this.pos) {
      end = this.buffer.indexOf("\n", this.pos);
      this.lineEndPos = end;
    }
    if (end === -1)
      return this.atEnd ? this.buffer.substring(this.pos) : null;
    if (this.buffer[end - 1] === "\r")
      end -= 1;
    return this.buffer.substring(this.pos, end);
  }
  hasChars(n) {
    return this.pos + n <= this.buffer.length;
  }
  setNext(state) {
    this.buffer = this.buffer.substring(this.pos);
    this.pos = 0;
    this.lineEndPos = null;
    this.next = state;
    return null;
  }
  peek(n) {
    return this.buffer.substr(this.pos, n);
  }
  *parseNext(next) {
    switch (next) {
      case "stream":
        return yield* this.parseStream();
      case "line-start":
        return yield* this.parseLineStart();
      case "block-start":
        return yield* this.parseBlockStart();
      case "doc":
        return yield* this.parseDocument();
      case "flow":
        return yield* this.parseFlowCollection();
      case "quoted-scalar":
        return yield* this.parseQuotedScalar();
      case "block-scalar":
        return yield* this.parseBlockScalar();
      case "plain-scalar":
        return yield* this.parsePlainScalar();
    }
  }
  *parseStream() {
    let line = this.getLine();
    if (line === null)
      return this.setNext("stream");
    if (line[0] === BOM) {
      yield* this.pushCount(1);
      line = line.substring(1);
    }
    if (line[0] === "%") {
      let dirEnd = line.length;
      let cs = line.indexOf("#");
      while (cs !== -1) {
        const ch = line[cs - 1];
        if (ch === " " || ch === "	") {
          dirEnd = cs - 1;
          break;
        } else {
          cs = line.indexOf("#", cs + 1);
        }
      }
      while (true) {
        const ch = line[dirEnd - 1];
        if (ch === " " || ch === "	")
          dirEnd -= 1;
        else
          break;
      }
      const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
      yield* this.pushCount(line.length - n);
      this.pushNewline();
      return "stream";
    }
    if (this.atLineEnd()) {
      const sp = yield* this.pushSpaces(true);
      yield* this.pushCount(line.length - sp);
      yield* this.pushNewline();
      return "stream";
    }
    yield DOCUMENT;
    return yield* this.parseLineStart();
  }
  *parseLineStart() {
    const ch = this.charAt(0);
    if (!ch && !this.atEnd)
      return this.setNext("line-start");
    if (ch === "-" || ch === ".") {
      if (!this.atEnd && !this.hasChars(4))
        return this.setNext("line-start");
      const s = this.peek(3);
      if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
        yield* this.pushCount(3);
        this.indentValue = 0;
        this.indentNext = 0;
        return s === "---" ? "doc" : "stream";
      }
    }
    this.indentValue = yield* this.pushSpaces(false);
    if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
      this.indentNext = this.indentValue;
    return yield* this.parseBlockStart();
  }
  *parseBlockStart() {
    const [ch0, ch1] = this.peek(2);
    if (!ch1 && !this.atEnd)
      return this.setNext("block-start");
    if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
      const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
      this.indentNext = this.indentValue + 1;
      this.indentValue += n;
      return "block-start";
    }
    return "doc";
  }
  *parseDocument() {
    yield* this.pushSpaces(true);
    const line = this.getLine();
    if (line === null)
      return this.setNext("doc");
    let n = yield* this.pushIndicators();
    switch (line[n]) {
      case "#":
        yield* this.pushCount(line.length - n);
      // fallthrough
      case void 0:
        yield* this.pushNewline();
        return yield* this.parseLineStart();
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel = 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        return "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "doc";
      case '"':
      case "'":
        return yield* this.parseQuotedScalar();
      case "|":
      case ">":
        n += yield* this.parseBlockScalarHeader();
        n += yield* this.pushSpaces(true);
        yield* this.pushCount(line.length - n);
        yield* this.pushNewline();
        return yield* this.parseBlockScalar();
      default:
        return yield* this.parsePlainScalar();
    }
  }
  *parseFlowCollection() {
    let nl, sp;
    let indent = -1;
    do {
      nl = yield* this.pushNewline();
      if (nl > 0) {
        sp = yield* this.pushSpaces(false);
        this.indentValue = indent = sp;
      } else {
        sp = 0;
      }
      sp += yield* this.pushSpaces(true);
    } while (nl + sp > 0);
    const line = this.getLine();
    if (line === null)
      return this.setNext("flow");
    if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
      const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
      if (!atFlowEndMarker) {
        this.flowLevel = 0;
        yield FLOW_END;
        return yield* this.parseLineStart();
      }
    }
    let n = 0;
    while (line[n] === ",") {
      n += yield* this.pushCount(1);
      n += yield* this.pushSpaces(true);
      this.flowKey = false;
    }
    n += yield* this.pushIndicators();
    switch (line[n]) {
      case void 0:
        return "flow";
      case "#":
        yield* this.pushCount(line.length - n);
        return "flow";
      case "{":
      case "[":
        yield* this.pushCount(1);
        this.flowKey = false;
        this.flowLevel += 1;
        return "flow";
      case "}":
      case "]":
        yield* this.pushCount(1);
        this.flowKey = true;
        this.flowLevel -= 1;
        return this.flowLevel ? "flow" : "doc";
      case "*":
        yield* this.pushUntil(isNotAnchorChar);
        return "flow";
      case '"':
      case "'":
        this.flowKey = true;
        return yield* this.parseQuotedScalar();
      case ":": {
        const next = this.charAt(1);
        if (this.flowKey || isEmpty(next) || next === ",") {
          this.flowKey = false;
          yield* this.pushCount(1);
          yield* this.pushSpaces(true);
          return "flow";
        }
      }
      // fallthrough
      default:
        this.flowKey = false;
        return yield* this.parsePlainScalar();
    }
  }
  *parseQuotedScalar() {
    const quote2 = this.charAt(0);
    let end = this.buffer.indexOf(quote2, this.pos + 1);
    if (quote2 === "'") {
      while (end !== -1 && this.buffer[end + 1] === "'")
        end = this.buffer.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (this.buffer[end - 1 - n] === "\\")
          n += 1;
        if (n % 2 === 0)
          break;
        end = this.buffer.indexOf('"', end + 1);
      }
    }
    const qb = this.buffer.substring(0, end);
    let nl = qb.indexOf("\n", this.pos);
    if (nl !== -1) {
      while (nl !== -1) {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = qb.indexOf("\n", cs);
      }
      if (nl !== -1) {
        end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
      }
    }
    if (end === -1) {
      if (!this.atEnd)
        return this.setNext("quoted-scalar");
      end = this.buffer.length;
    }
    yield* this.pushToIndex(end + 1, false);
    return this.flowLevel ? "flow" : "doc";
  }
  *parseBlockScalarHeader() {
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    let i = this.pos;
    while (true) {
      const ch = this.buffer[++i];
      if (ch === "+")
        this.blockScalarKeep = true;
      else if (ch > "0" && ch <= "9")
        this.blockScalarIndent = Number(ch) - 1;
      else if (ch !== "-")
        break;
    }
    return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
  }
  *parseBlockScalar() {
    let nl = this.pos - 1;
    let indent = 0;
    let ch;
    loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
      switch (ch) {
        case " ":
          indent += 1;
          break;
        case "\n":
          nl = i2;
          indent = 0;
          break;
        case "\r": {
          const next = this.buffer[i2 + 1];
          if (!next && !this.atEnd)
            return this.setNext("block-scalar");
          if (next === "\n")
            break;
        }
        // fallthrough
        default:
          break loop;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("block-scalar");
    if (indent >= this.indentNext) {
      if (this.blockScalarIndent === -1)
        this.indentNext = indent;
      else {
        this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      }
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1)
          break;
        nl = this.buffer.indexOf("\n", cs);
      } while (nl !== -1);
      if (nl === -1) {
        if (!this.atEnd)
          return this.setNext("block-scalar");
        nl = this.buffer.length;
      }
    }
    let i = nl + 1;
    ch = this.buffer[i];
    while (ch === " ")
      ch = this.buffer[++i];
    if (ch === "	") {
      while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
        ch = this.buffer[++i];
      nl = i - 1;
    } else if (!this.blockScalarKeep) {
      do {
        let i2 = nl - 1;
        let ch2 = this.buffer[i2];
        if (ch2 === "\r")
          ch2 = this.buffer[--i2];
        const lastChar = i2;
        while (ch2 === " ")
          ch2 = this.buffer[--i2];
        if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
          nl = i2;
        else
          break;
      } while (true);
    }
    yield SCALAR2;
    yield* this.pushToIndex(nl + 1, true);
    return yield* this.parseLineStart();
  }
  *parsePlainScalar() {
    const inFlow = this.flowLevel > 0;
    let end = this.pos - 1;
    let i = this.pos - 1;
    let ch;
    while (ch = this.buffer[++i]) {
      if (ch === ":") {
        const next = this.buffer[i + 1];
        if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
          break;
        end = i;
      } else if (isEmpty(ch)) {
        let next = this.buffer[i + 1];
        if (ch === "\r") {
          if (next === "\n") {
            i += 1;
            ch = "\n";
            next = this.buffer[i + 1];
          } else
            end = i;
        }
        if (next === "#" || inFlow && flowIndicatorChars.has(next))
          break;
        if (ch === "\n") {
          const cs = this.continueScalar(i + 1);
          if (cs === -1)
            break;
          i = Math.max(i, cs - 2);
        }
      } else {
        if (inFlow && flowIndicatorChars.has(ch))
          break;
        end = i;
      }
    }
    if (!ch && !this.atEnd)
      return this.setNext("plain-scalar");
    yield SCALAR2;
    yield* this.pushToIndex(end + 1, true);
    return inFlow ? "flow" : "doc";
  }
  *pushCount(n) {
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos += n;
      return n;
    }
    return 0;
  }
  *pushToIndex(i, allowEmpty) {
    const s = this.buffer.slice(this.pos, i);
    if (s) {
      yield s;
      this.pos += s.length;
      return s.length;
    } else if (allowEmpty)
      yield "";
    return 0;
  }
  *pushIndicators() {
    let n = 0;
    loop: while (true) {
      switch (this.charAt(0)) {
        case "!":
          n += yield* this.pushTag();
          n += yield* this.pushSpaces(true);
          continue loop;
        case "&":
          n += yield* this.pushUntil(isNotAnchorChar);
          n += yield* this.pushSpaces(true);
          continue loop;
        case "-":
        // this is an error
        case "?":
        // this is an error outside flow collections
        case ":": {
          const inFlow = this.flowLevel > 0;
          const ch1 = this.charAt(1);
          if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
            if (!inFlow)
              this.indentNext = this.indentValue + 1;
            else if (this.flowKey)
              this.flowKey = false;
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            continue loop;
          }
        }
      }
      break loop;
    }
    return n;
  }
  *pushTag() {
    if (this.charAt(1) === "<") {
      let i = this.pos + 2;
      let ch = this.buffer[i];
      while (!isEmpty(ch) && ch !== ">")
        ch = this.buffer[++i];
      return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
    } else {
      let i = this.pos + 1;
      let ch = this.buffer[i];
      while (ch) {
        if (tagChars.has(ch))
          ch = this.buffer[++i];
        else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
          ch = this.buffer[i += 3];
        } else
          break;
      }
      return yield* this.pushToIndex(i, false);
    }
  }
  *pushNewline() {
    const ch = this.buffer[this.pos];
    if (ch === "\n")
      return yield* this.pushCount(1);
    else if (ch === "\r" && this.charAt(1) === "\n")
      return yield* this.pushCount(2);
    else
      return 0;
  }
  *pushSpaces(allowTabs) {
    let i = this.pos - 1;
    let ch;
    do {
      ch = this.buffer[++i];
    } while (ch === " " || allowTabs && ch === "	");
    const n = i - this.pos;
    if (n > 0) {
      yield this.buffer.substr(this.pos, n);
      this.pos = i;
    }
    return n;
  }
  *pushUntil(test) {
    let i = this.pos;
    let ch = this.buffer[i];
    while (!test(ch))
      ch = this.buffer[++i];
    return yield* this.pushToIndex(i, false);
  }
};

// node_modules/yaml/browser/dist/parse/line-counter.js
var LineCounter = class {
  constructor() {
    this.lineStarts = [];
    this.addNewLine = (offset) => this.lineStarts.push(offset);
    this.linePos = (offset) => {
      let low = 0;
      let high = this.lineStarts.length;
      while (low < high) {
        const mid = low + high >> 1;
        if (this.lineStarts[mid] < offset)
          low = mid + 1;
        else
          high = mid;
      }
      if (this.lineStarts[low] === offset)
        return { line: low + 1, col: 1 };
      if (low === 0)
        return { line: 0, col: offset };
      const start = this.lineStarts[low - 1];
      return { line: low, col: offset - start + 1 };
    };
  }
};

// node_modules/yaml/browser/dist/parse/parser.js
function includesToken(list3, type) {
  for (let i = 0; i < list3.length; ++i)
    if (list3[i].type === type)
      return true;
  return false;
}
function findNonEmptyIndex(list3) {
  for (let i = 0; i < list3.length; ++i) {
    switch (list3[i].type) {
      case "space":
      case "comment":
      case "newline":
        break;
      default:
        return i;
    }
  }
  return -1;
}
function isFlowToken(token) {
  switch (token?.type) {
    case "alias":
    case "scalar":
    case "single-quoted-scalar":
    case "double-quoted-scalar":
    case "flow-collection":
      return true;
    default:
      return false;
  }
}
function getPrevProps(parent) {
  switch (parent.type) {
    case "document":
      return parent.start;
    case "block-map": {
      const it = parent.items[parent.items.length - 1];
      return it.sep ?? it.start;
    }
    case "block-seq":
      return parent.items[parent.items.length - 1].start;
    /* istanbul ignore next should not happen */
    default:
      return [];
  }
}
function getFirstKeyStartProps(prev) {
  if (prev.length === 0)
    return [];
  let i = prev.length;
  loop: while (--i >= 0) {
    switch (prev[i].type) {
      case "doc-start":
      case "explicit-key-ind":
      case "map-value-ind":
      case "seq-item-ind":
      case "newline":
        break loop;
    }
  }
  while (prev[++i]?.type === "space") {
  }
  return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
  if (source.length < 1e5)
    Array.prototype.push.apply(target, source);
  else
    for (let i = 0; i < source.length; ++i)
      target.push(source[i]);
}
function fixFlowSeqItems(fc) {
  if (fc.start.type === "flow-seq-start") {
    for (const it of fc.items) {
      if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
        if (it.key)
          it.value = it.key;
        delete it.key;
        if (isFlowToken(it.value)) {
          if (it.value.end)
            arrayPushArray(it.value.end, it.sep);
          else
            it.value.end = it.sep;
        } else
          arrayPushArray(it.start, it.sep);
        delete it.sep;
      }
    }
  }
}
var Parser = class {
  /**
   * @param onNewLine - If defined, called separately with the start position of
   *   each new line (in `parse()`, including the start of input).
   */
  constructor(onNewLine) {
    this.atNewLine = true;
    this.atScalar = false;
    this.indent = 0;
    this.offset = 0;
    this.onKeyLine = false;
    this.stack = [];
    this.source = "";
    this.type = "";
    this.lexer = new Lexer();
    this.onNewLine = onNewLine;
  }
  /**
   * Parse `source` as a YAML stream.
   * If `incomplete`, a part of the last line may be left as a buffer for the next call.
   *
   * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
   *
   * @returns A generator of tokens representing each directive, document, and other structure.
   */
  *parse(source, incomplete = false) {
    if (this.onNewLine && this.offset === 0)
      this.onNewLine(0);
    for (const lexeme of this.lexer.lex(source, incomplete))
      yield* this.next(lexeme);
    if (!incomplete)
      yield* this.end();
  }
  /**
   * Advance the parser by the `source` of one lexical token.
   */
  *next(source) {
    this.source = source;
    if (this.atScalar) {
      this.atScalar = false;
      yield* this.step();
      this.offset += source.length;
      return;
    }
    const type = tokenType(source);
    if (!type) {
      const message2 = `Not a YAML token: ${source}`;
      yield* this.pop({ type: "error", offset: this.offset, message: message2, source });
      this.offset += source.length;
    } else if (type === "scalar") {
      this.atNewLine = false;
      this.atScalar = true;
      this.type = "scalar";
    } else {
      this.type = type;
      yield* this.step();
      switch (type) {
        case "newline":
          this.atNewLine = true;
          this.indent = 0;
          if (this.onNewLine)
            this.onNewLine(this.offset + source.length);
          break;
        case "space":
          if (this.atNewLine && source[0] === " ")
            this.indent += source.length;
          break;
        case "explicit-key-ind":
        case "map-value-ind":
        case "seq-item-ind":
          if (this.atNewLine)
            this.indent += source.length;
          break;
        case "doc-mode":
        case "flow-error-end":
          return;
        default:
          this.atNewLine = false;
      }
      this.offset += source.length;
    }
  }
  /** Call at end of input to push out any remaining constructions */
  *end() {
    while (this.stack.length > 0)
      yield* this.pop();
  }
  get sourceToken() {
    const st = {
      type: this.type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
    return st;
  }
  *step() {
    const top = this.peek(1);
    if (this.type === "doc-end" && top?.type !== "doc-end") {
      while (this.stack.length > 0)
        yield* this.pop();
      this.stack.push({
        type: "doc-end",
        offset: this.offset,
        source: this.source
      });
      return;
    }
    if (!top)
      return yield* this.stream();
    switch (top.type) {
      case "document":
        return yield* this.document(top);
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return yield* this.scalar(top);
      case "block-scalar":
        return yield* this.blockScalar(top);
      case "block-map":
        return yield* this.blockMap(top);
      case "block-seq":
        return yield* this.blockSequence(top);
      case "flow-collection":
        return yield* this.flowCollection(top);
      case "doc-end":
        return yield* this.documentEnd(top);
    }
    yield* this.pop();
  }
  peek(n) {
    return this.stack[this.stack.length - n];
  }
  *pop(error) {
    const token = error ?? this.stack.pop();
    if (!token) {
      const message2 = "Tried to pop an empty stack";
      yield { type: "error", offset: this.offset, source: "", message: message2 };
    } else if (this.stack.length === 0) {
      yield token;
    } else {
      const top = this.peek(1);
      if (token.type === "block-scalar") {
        token.indent = "indent" in top ? top.indent : 0;
      } else if (token.type === "flow-collection" && top.type === "document") {
        token.indent = 0;
      }
      if (token.type === "flow-collection")
        fixFlowSeqItems(token);
      switch (top.type) {
        case "document":
          top.value = token;
          break;
        case "block-scalar":
          top.props.push(token);
          break;
        case "block-map": {
          const it = top.items[top.items.length - 1];
          if (it.value) {
            top.items.push({ start: [], key: token, sep: [] });
            this.onKeyLine = true;
            return;
          } else if (it.sep) {
            it.value = token;
          } else {
            Object.assign(it, { key: token, sep: [] });
            this.onKeyLine = !it.explicitKey;
            return;
          }
          break;
        }
        case "block-seq": {
          const it = top.items[top.items.length - 1];
          if (it.value)
            top.items.push({ start: [], value: token });
          else
            it.value = token;
          break;
        }
        case "flow-collection": {
          const it = top.items[top.items.length - 1];
          if (!it || it.value)
            top.items.push({ start: [], key: token, sep: [] });
          else if (it.sep)
            it.value = token;
          else
            Object.assign(it, { key: token, sep: [] });
          return;
        }
        /* istanbul ignore next should not happen */
        default:
          yield* this.pop();
          yield* this.pop(token);
      }
      if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
        const last = token.items[token.items.length - 1];
        if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
          if (top.type === "document")
            top.end = last.start;
          else
            top.items.push({ start: last.start });
          token.items.splice(-1, 1);
        }
      }
    }
  }
  *stream() {
    switch (this.type) {
      case "directive-line":
        yield { type: "directive", offset: this.offset, source: this.source };
        return;
      case "byte-order-mark":
      case "space":
      case "comment":
      case "newline":
        yield this.sourceToken;
        return;
      case "doc-mode":
      case "doc-start": {
        const doc = {
          type: "document",
          offset: this.offset,
          start: []
        };
        if (this.type === "doc-start")
          doc.start.push(this.sourceToken);
        this.stack.push(doc);
        return;
      }
    }
    yield {
      type: "error",
      offset: this.offset,
      message: `Unexpected ${this.type} token in YAML stream`,
      source: this.source
    };
  }
  *document(doc) {
    if (doc.value)
      return yield* this.lineEnd(doc);
    switch (this.type) {
      case "doc-start": {
        if (findNonEmptyIndex(doc.start) !== -1) {
          yield* this.pop();
          yield* this.step();
        } else
          doc.start.push(this.sourceToken);
        return;
      }
      case "anchor":
      case "tag":
      case "space":
      case "comment":
      case "newline":
        doc.start.push(this.sourceToken);
        return;
    }
    const bv = this.startBlockValue(doc);
    if (bv)
      this.stack.push(bv);
    else {
      yield {
        type: "error",
        offset: this.offset,
        message: `Unexpected ${this.type} token in YAML document`,
        source: this.source
      };
    }
  }
  *scalar(scalar) {
    if (this.type === "map-value-ind") {
      const prev = getPrevProps(this.peek(2));
      const start = getFirstKeyStartProps(prev);
      let sep;
      if (scalar.end) {
        sep = scalar.end;
        sep.push(this.sourceToken);
        delete scalar.end;
      } else
        sep = [this.sourceToken];
      const map2 = {
        type: "block-map",
        offset: scalar.offset,
        indent: scalar.indent,
        items: [{ start, key: scalar, sep }]
      };
      this.onKeyLine = true;
      this.stack[this.stack.length - 1] = map2;
    } else
      yield* this.lineEnd(scalar);
  }
  *blockScalar(scalar) {
    switch (this.type) {
      case "space":
      case "comment":
      case "newline":
        scalar.props.push(this.sourceToken);
        return;
      case "scalar":
        scalar.source = this.source;
        this.atNewLine = true;
        this.indent = 0;
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        yield* this.pop();
        break;
      /* istanbul ignore next should not happen */
      default:
        yield* this.pop();
        yield* this.step();
    }
  }
  *blockMap(map2) {
    const it = map2.items[map2.items.length - 1];
    switch (this.type) {
      case "newline":
        this.onKeyLine = false;
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          it.start.push(this.sourceToken);
        }
        return;
      case "space":
      case "comment":
        if (it.value) {
          map2.items.push({ start: [this.sourceToken] });
        } else if (it.sep) {
          it.sep.push(this.sourceToken);
        } else {
          if (this.atIndentedComment(it.start, map2.indent)) {
            const prev = map2.items[map2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              map2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
    }
    if (this.indent >= map2.indent) {
      const atMapIndent = !this.onKeyLine && this.indent === map2.indent;
      const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
      let start = [];
      if (atNextItem && it.sep && !it.value) {
        const nl = [];
        for (let i = 0; i < it.sep.length; ++i) {
          const st = it.sep[i];
          switch (st.type) {
            case "newline":
              nl.push(i);
              break;
            case "space":
              break;
            case "comment":
              if (st.indent > map2.indent)
                nl.length = 0;
              break;
            default:
              nl.length = 0;
          }
        }
        if (nl.length >= 2)
          start = it.sep.splice(nl[1]);
      }
      switch (this.type) {
        case "anchor":
        case "tag":
          if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start });
            this.onKeyLine = true;
          } else if (it.sep) {
            it.sep.push(this.sourceToken);
          } else {
            it.start.push(this.sourceToken);
          }
          return;
        case "explicit-key-ind":
          if (!it.sep && !it.explicitKey) {
            it.start.push(this.sourceToken);
            it.explicitKey = true;
          } else if (atNextItem || it.value) {
            start.push(this.sourceToken);
            map2.items.push({ start, explicitKey: true });
          } else {
            this.stack.push({
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken], explicitKey: true }]
            });
          }
          this.onKeyLine = true;
          return;
        case "map-value-ind":
          if (it.explicitKey) {
            if (!it.sep) {
              if (includesToken(it.start, "newline")) {
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              } else {
                const start2 = getFirstKeyStartProps(it.start);
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                });
              }
            } else if (it.value) {
              map2.items.push({ start: [], key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start, key: null, sep: [this.sourceToken] }]
              });
            } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
              const start2 = getFirstKeyStartProps(it.start);
              const key2 = it.key;
              const sep = it.sep;
              sep.push(this.sourceToken);
              delete it.key;
              delete it.sep;
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: start2, key: key2, sep }]
              });
            } else if (start.length > 0) {
              it.sep = it.sep.concat(start, this.sourceToken);
            } else {
              it.sep.push(this.sourceToken);
            }
          } else {
            if (!it.sep) {
              Object.assign(it, { key: null, sep: [this.sourceToken] });
            } else if (it.value || atNextItem) {
              map2.items.push({ start, key: null, sep: [this.sourceToken] });
            } else if (includesToken(it.sep, "map-value-ind")) {
              this.stack.push({
                type: "block-map",
                offset: this.offset,
                indent: this.indent,
                items: [{ start: [], key: null, sep: [this.sourceToken] }]
              });
            } else {
              it.sep.push(this.sourceToken);
            }
          }
          this.onKeyLine = true;
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs2 = this.flowScalar(this.type);
          if (atNextItem || it.value) {
            map2.items.push({ start, key: fs2, sep: [] });
            this.onKeyLine = true;
          } else if (it.sep) {
            this.stack.push(fs2);
          } else {
            Object.assign(it, { key: fs2, sep: [] });
            this.onKeyLine = true;
          }
          return;
        }
        default: {
          const bv = this.startBlockValue(map2);
          if (bv) {
            if (bv.type === "block-seq") {
              if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                yield* this.pop({
                  type: "error",
                  offset: this.offset,
                  message: "Unexpected block-seq-ind on same line with key",
                  source: this.source
                });
                return;
              }
            } else if (atMapIndent) {
              map2.items.push({ start });
            }
            this.stack.push(bv);
            return;
          }
        }
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *blockSequence(seq2) {
    const it = seq2.items[seq2.items.length - 1];
    switch (this.type) {
      case "newline":
        if (it.value) {
          const end = "end" in it.value ? it.value.end : void 0;
          const last = Array.isArray(end) ? end[end.length - 1] : void 0;
          if (last?.type === "comment")
            end?.push(this.sourceToken);
          else
            seq2.items.push({ start: [this.sourceToken] });
        } else
          it.start.push(this.sourceToken);
        return;
      case "space":
      case "comment":
        if (it.value)
          seq2.items.push({ start: [this.sourceToken] });
        else {
          if (this.atIndentedComment(it.start, seq2.indent)) {
            const prev = seq2.items[seq2.items.length - 2];
            const end = prev?.value?.end;
            if (Array.isArray(end)) {
              arrayPushArray(end, it.start);
              end.push(this.sourceToken);
              seq2.items.pop();
              return;
            }
          }
          it.start.push(this.sourceToken);
        }
        return;
      case "anchor":
      case "tag":
        if (it.value || this.indent <= seq2.indent)
          break;
        it.start.push(this.sourceToken);
        return;
      case "seq-item-ind":
        if (this.indent !== seq2.indent)
          break;
        if (it.value || includesToken(it.start, "seq-item-ind"))
          seq2.items.push({ start: [this.sourceToken] });
        else
          it.start.push(this.sourceToken);
        return;
    }
    if (this.indent > seq2.indent) {
      const bv = this.startBlockValue(seq2);
      if (bv) {
        this.stack.push(bv);
        return;
      }
    }
    yield* this.pop();
    yield* this.step();
  }
  *flowCollection(fc) {
    const it = fc.items[fc.items.length - 1];
    if (this.type === "flow-error-end") {
      let top;
      do {
        yield* this.pop();
        top = this.peek(1);
      } while (top?.type === "flow-collection");
    } else if (fc.end.length === 0) {
      switch (this.type) {
        case "comma":
        case "explicit-key-ind":
          if (!it || it.sep)
            fc.items.push({ start: [this.sourceToken] });
          else
            it.start.push(this.sourceToken);
          return;
        case "map-value-ind":
          if (!it || it.value)
            fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            Object.assign(it, { key: null, sep: [this.sourceToken] });
          return;
        case "space":
        case "comment":
        case "newline":
        case "anchor":
        case "tag":
          if (!it || it.value)
            fc.items.push({ start: [this.sourceToken] });
          else if (it.sep)
            it.sep.push(this.sourceToken);
          else
            it.start.push(this.sourceToken);
          return;
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar": {
          const fs2 = this.flowScalar(this.type);
          if (!it || it.value)
            fc.items.push({ start: [], key: fs2, sep: [] });
          else if (it.sep)
            this.stack.push(fs2);
          else
            Object.assign(it, { key: fs2, sep: [] });
          return;
        }
        case "flow-map-end":
        case "flow-seq-end":
          fc.end.push(this.sourceToken);
          return;
      }
      const bv = this.startBlockValue(fc);
      if (bv)
        this.stack.push(bv);
      else {
        yield* this.pop();
        yield* this.step();
      }
    } else {
      const parent = this.peek(2);
      if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
        yield* this.pop();
        yield* this.step();
      } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        fixFlowSeqItems(fc);
        const sep = fc.end.splice(1, fc.end.length);
        sep.push(this.sourceToken);
        const map2 = {
          type: "block-map",
          offset: fc.offset,
          indent: fc.indent,
          items: [{ start, key: fc, sep }]
        };
        this.onKeyLine = true;
        this.stack[this.stack.length - 1] = map2;
      } else {
        yield* this.lineEnd(fc);
      }
    }
  }
  flowScalar(type) {
    if (this.onNewLine) {
      let nl = this.source.indexOf("\n") + 1;
      while (nl !== 0) {
        this.onNewLine(this.offset + nl);
        nl = this.source.indexOf("\n", nl) + 1;
      }
    }
    return {
      type,
      offset: this.offset,
      indent: this.indent,
      source: this.source
    };
  }
  startBlockValue(parent) {
    switch (this.type) {
      case "alias":
      case "scalar":
      case "single-quoted-scalar":
      case "double-quoted-scalar":
        return this.flowScalar(this.type);
      case "block-scalar-header":
        return {
          type: "block-scalar",
          offset: this.offset,
          indent: this.indent,
          props: [this.sourceToken],
          source: ""
        };
      case "flow-map-start":
      case "flow-seq-start":
        return {
          type: "flow-collection",
          offset: this.offset,
          indent: this.indent,
          start: this.sourceToken,
          items: [],
          end: []
        };
      case "seq-item-ind":
        return {
          type: "block-seq",
          offset: this.offset,
          indent: this.indent,
          items: [{ start: [this.sourceToken] }]
        };
      case "explicit-key-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        start.push(this.sourceToken);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, explicitKey: true }]
        };
      }
      case "map-value-ind": {
        this.onKeyLine = true;
        const prev = getPrevProps(parent);
        const start = getFirstKeyStartProps(prev);
        return {
          type: "block-map",
          offset: this.offset,
          indent: this.indent,
          items: [{ start, key: null, sep: [this.sourceToken] }]
        };
      }
    }
    return null;
  }
  atIndentedComment(start, indent) {
    if (this.type !== "comment")
      return false;
    if (this.indent <= indent)
      return false;
    return start.every((st) => st.type === "newline" || st.type === "space");
  }
  *documentEnd(docEnd) {
    if (this.type !== "doc-mode") {
      if (docEnd.end)
        docEnd.end.push(this.sourceToken);
      else
        docEnd.end = [this.sourceToken];
      if (this.type === "newline")
        yield* this.pop();
    }
  }
  *lineEnd(token) {
    switch (this.type) {
      case "comma":
      case "doc-start":
      case "doc-end":
      case "flow-seq-end":
      case "flow-map-end":
      case "map-value-ind":
        yield* this.pop();
        yield* this.step();
        break;
      case "newline":
        this.onKeyLine = false;
      // fallthrough
      case "space":
      case "comment":
      default:
        if (token.end)
          token.end.push(this.sourceToken);
        else
          token.end = [this.sourceToken];
        if (this.type === "newline")
          yield* this.pop();
    }
  }
};

// node_modules/yaml/browser/dist/public-api.js
function parseOptions(options) {
  const prettyErrors = options.prettyErrors !== false;
  const lineCounter = options.lineCounter || prettyErrors && new LineCounter() || null;
  return { lineCounter, prettyErrors };
}
function parseAllDocuments(source, options = {}) {
  const { lineCounter, prettyErrors } = parseOptions(options);
  const parser = new Parser(lineCounter?.addNewLine);
  const composer = new Composer(options);
  const docs = Array.from(composer.compose(parser.parse(source)));
  if (prettyErrors && lineCounter)
    for (const doc of docs) {
      doc.errors.forEach(prettifyError(source, lineCounter));
      doc.warnings.forEach(prettifyError(source, lineCounter));
    }
  if (docs.length > 0)
    return docs;
  return Object.assign([], { empty: true }, composer.streamInfo());
}

// policy/document.ts
var MAX_DEPTH = 32;
var MAX_ALIASED_NODES = 1e4;
var RESERVED_KEYS = /* @__PURE__ */ new Set(["__proto__", "constructor", "prototype"]);
function readPolicyDocument(text) {
  const lineCounter = new LineCounter();
  const at = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const fail = (message2, offset, path2 = "") => ({
    ok: false,
    problems: [{ severity: "error", path: path2, message: message2, ...offset === void 0 ? {} : at(offset) }]
  });
  if (text.trim() === "") return fail("the policy is empty");
  const docs = parseAllDocuments(text, {
    version: "1.2",
    schema: "core",
    uniqueKeys: true,
    merge: false,
    strict: true,
    prettyErrors: false,
    lineCounter
  });
  if (!Array.isArray(docs) || docs.length === 0) return fail("the policy is empty");
  if (docs.length > 1) return fail("the policy must be a single YAML document", docs[1].range[0]);
  const doc = docs[0];
  const firstError = doc.errors[0];
  if (firstError) return fail(yamlMessage(firstError.message), firstError.pos[0]);
  const directive = text.search(/^%/m);
  if (directive >= 0) return fail("YAML directives (%YAML, %TAG) are not allowed", directive);
  const offsets = /* @__PURE__ */ new Map();
  let aliasedNodes = 0;
  const build = (node, path2, depth, viaAlias) => {
    if (depth > MAX_DEPTH) throw new DocumentError(`nested deeper than ${MAX_DEPTH} levels`, node, path2);
    if (viaAlias && ++aliasedNodes > MAX_ALIASED_NODES) {
      throw new DocumentError(`aliases expand to more than ${MAX_ALIASED_NODES} nodes`, node, path2);
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) throw new DocumentError("unknown alias", node, path2);
      return build(target, path2, depth, true);
    }
    const tag2 = node?.tag;
    if (tag2 !== void 0) throw new DocumentError(`tags such as ${tag2} are not allowed`, node, path2);
    if (isScalar(node)) return scalarValue(node, text);
    if (isSeq(node)) {
      return node.items.map((item, index) => {
        const itemPath = `${path2}[${index}]`;
        remember(offsets, itemPath, item);
        return build(item, itemPath, depth + 1, viaAlias);
      });
    }
    if (isMap(node)) {
      const out = /* @__PURE__ */ Object.create(null);
      for (const pair of node.items) {
        const key2 = pair.key;
        if (!isScalar(key2) || typeof key2.value !== "string" && typeof key2.value !== "number") {
          throw new DocumentError("keys must be plain strings", key2 ?? node, path2);
        }
        const name = String(key2.value);
        const keyPath = path2 === "" ? name : `${path2}.${name}`;
        if (RESERVED_KEYS.has(name)) throw new DocumentError(`"${name}" is a reserved key`, key2, keyPath);
        remember(offsets, keyPath, key2);
        out[name] = build(pair.value, keyPath, depth + 1, viaAlias);
      }
      return out;
    }
    if (node === null || node === void 0) return null;
    throw new DocumentError("unsupported YAML node", node, path2);
  };
  try {
    const value = build(doc.contents, "", 0, false);
    const locate = (path2) => {
      const offset = offsets.get(path2);
      return offset === void 0 ? void 0 : at(offset);
    };
    return { ok: true, document: { value, locate } };
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    const offset = error.node?.range?.[0];
    return fail(error.message, offset, error.path);
  }
}
var DocumentError = class extends Error {
  constructor(message2, node, path2) {
    super(message2);
    this.node = node;
    this.path = path2;
  }
  node;
  path;
};
function remember(offsets, path2, node) {
  const range = node?.range;
  if (range) offsets.set(path2, range[0]);
}
function yamlMessage(message2) {
  const firstLine = message2.split("\n")[0] ?? message2;
  return firstLine.replace(/ at line \d+, column \d+:?$/, "");
}
function scalarValue(node, text) {
  if (typeof node.value !== "number") return node.value;
  const source = node.range ? text.slice(node.range[0], node.range[1]).trim() : void 0;
  return source === void 0 || /^-?(?:0|[1-9][0-9]*)$/.test(source) ? node.value : source;
}

// policy/problems.ts
function formatProblem(problem) {
  const at = problem.line === void 0 ? "" : `${problem.line}:${problem.column ?? 1}: `;
  const where = problem.path === "" ? "" : `${problem.path}: `;
  return `${at}${problem.severity}: ${where}${problem.message}`;
}
function closest(word, candidates) {
  let best;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance2(word.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function editDistance2(a, b) {
  if (a.length > 64 || b.length > 64) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}
function notWithin(check2, scopes, allowed, path2, what) {
  scopes.forEach((scope, index) => {
    if (!allowed.includes(scope)) {
      const suggestion = closest(scope, allowed);
      check2.error(
        `${path2}[${index}]`,
        `"${scope}" is not within ${what}${suggestion ? `, did you mean "${suggestion}"?` : ""}`
      );
    }
  });
}

// policy/kinds/kind.ts
var KIND_ONLY_FIELDS = {
  access: [],
  oidc: ["subject", "algorithm", "aws_session_tags"],
  github: ["app", "owner", "repositories", "permissions", "organization_permissions"]
};
function lifetimes(input, defaultTtl) {
  const ttl = input.field("ttl") ?? defaultTtl;
  const maxTtl = input.field("max_ttl") ?? Math.max(ttl, 0);
  if (ttl > maxTtl) input.problems.error(`${input.path}.ttl`, "must not exceed max_ttl");
  return { ttl, maxTtl };
}

// policy/kinds/access.ts
var DEFAULT_TTL_SECONDS = 600;
function accessGrant(input) {
  const { problems, fields, path: path2, field } = input;
  if (fields.scopes === void 0) problems.error(`${path2}.scopes`, 'missing required key "scopes" in environment');
  const scopes = field("scopes");
  if (scopes && scopes.length === 0) problems.error(`${path2}.scopes`, "must name at least one scope");
  const defaultScopes = field("default_scopes") ?? scopes;
  if (scopes && fields.default_scopes !== void 0 && defaultScopes) {
    notWithin(problems, defaultScopes, scopes, `${path2}.default_scopes`, "the environment's scopes");
  }
  const { ttl, maxTtl } = lifetimes(input, DEFAULT_TTL_SECONDS);
  if (!scopes || !defaultScopes) return void 0;
  return {
    audience: field("audience") ?? input.name,
    scopes,
    defaultScopes,
    ttl,
    maxTtl,
    dpop: field("dpop") ?? "optional",
    narrowing: field("narrowing") ?? "denied"
  };
}

// policy/kinds/github.ts
var LEVELS = ["read", "write", "admin"];
var MAX_GITHUB_REPOSITORIES = 500;
var OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
var REPOSITORY = /^[A-Za-z0-9._-]{1,100}$/;
var isOrganizationPermission = (name) => name === "members" || name.includes("organization");
var NOT_FOR_GITHUB = {
  audience: "a github environment's token is GitHub's: its audience is GitHub's API",
  scopes: "a github environment grants GitHub permissions: name them in permissions",
  default_scopes: "a github environment grants GitHub permissions: name them in permissions",
  dpop: "GitHub checks no DPoP proof",
  narrowing: "a GitHub token cannot be narrowed by downscope",
  ttl: "GitHub sets an installation token's lifetime (one hour)",
  max_ttl: "GitHub sets an installation token's lifetime (one hour)"
};
function checkGithubApps(problems, value) {
  const apps = /* @__PURE__ */ new Map();
  if (value === void 0 || value === null) return apps;
  if (typeof value !== "object" || Array.isArray(value)) {
    problems.error("github_apps", "must be a mapping of app names to { client_id | app_id, api_url }");
    return apps;
  }
  for (const [name, body] of Object.entries(value)) {
    const path2 = `github_apps.${name}`;
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(name)) {
      problems.error(path2, "app names are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
      continue;
    }
    const fields = body ?? {};
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      problems.error(path2, "must be a mapping with client_id or app_id");
      continue;
    }
    for (const key2 of Object.keys(fields)) {
      if (!["client_id", "app_id", "api_url"].includes(key2)) {
        const suggestion = closest(key2, ["client_id", "app_id", "api_url"]);
        problems.error(`${path2}.${key2}`, `unknown key${suggestion ? `, did you mean "${suggestion}"?` : ""}`);
      }
    }
    const clientId = fields.client_id;
    const appId = fields.app_id;
    if (clientId === void 0 === (appId === void 0)) {
      problems.error(path2, "give client_id (recommended) or app_id: one of them");
      continue;
    }
    if (clientId !== void 0 && (typeof clientId !== "string" || !/^[A-Za-z0-9.]{4,64}$/.test(clientId))) {
      problems.error(`${path2}.client_id`, "must be the app's client ID, e.g. Iv23liAbCdEfGh");
      continue;
    }
    const id = typeof appId === "number" ? String(appId) : appId;
    if (appId !== void 0 && (typeof id !== "string" || !/^[1-9][0-9]{0,19}$/.test(id))) {
      problems.error(`${path2}.app_id`, "must be the app's id, a positive whole number");
      continue;
    }
    const apiUrl = checkApiUrl(problems, fields.api_url ?? "https://api.github.com", `${path2}.api_url`);
    if (apiUrl) apps.set(name, { name, issuer: String(clientId ?? id), apiUrl });
  }
  return apps;
}
function checkApiUrl(problems, value, path2) {
  let url;
  try {
    url = typeof value === "string" && value.length <= 512 ? new URL(value) : void 0;
  } catch {
  }
  const local = url?.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (!url || url.protocol !== "https:" && !local) {
    return problems.error(
      path2,
      "must be an https URL (http only on a loopback host), e.g. https://ghes.example/api/v3"
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    return problems.error(path2, "must not carry credentials, a query or a fragment");
  }
  return String(value).replace(/\/+$/, "");
}
function checkGithubSettings(problems, fields, path2, apps) {
  const before = problems.count;
  for (const [key2, why] of Object.entries(NOT_FOR_GITHUB)) {
    if (fields[key2] !== void 0) problems.error(`${path2}.${key2}`, why);
  }
  const appName = fields.app;
  const app = typeof appName === "string" ? apps.get(appName) : void 0;
  if (appName === void 0) problems.error(`${path2}.app`, "a github environment names its app (a key of github_apps)");
  else if (!app) {
    const suggestion = typeof appName === "string" ? closest(appName, [...apps.keys()]) : void 0;
    problems.error(`${path2}.app`, `not an app of github_apps${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
  }
  const owner = fields.owner;
  if (typeof owner !== "string" || !OWNER.test(owner)) {
    problems.error(`${path2}.owner`, "must be the GitHub account (organization or user) the app is installed on");
  }
  const repositories = fields.repositories;
  if (!Array.isArray(repositories) || repositories.length === 0 || repositories.length > MAX_GITHUB_REPOSITORIES) {
    problems.error(
      `${path2}.repositories`,
      `must list 1 to ${MAX_GITHUB_REPOSITORIES} repository names under owner (GitHub's limit for one token)`
    );
  } else {
    const seen = /* @__PURE__ */ new Set();
    repositories.forEach((repository, index) => {
      if (typeof repository !== "string" || !REPOSITORY.test(repository) || repository.includes("/")) {
        problems.error(
          `${path2}.repositories[${index}]`,
          "must be a repository name under owner (no owner/, no wildcard)"
        );
      } else if (seen.has(repository.toLowerCase())) {
        problems.error(`${path2}.repositories[${index}]`, `"${repository}" is listed twice`);
      } else seen.add(repository.toLowerCase());
    });
  }
  const permissions = checkPermissions(
    problems,
    fields.permissions,
    `${path2}.permissions`,
    fields.organization_permissions === true
  );
  if (problems.count !== before || !app || !permissions) return void 0;
  return { app, owner, repositories, permissions };
}
function checkPermissions(problems, value, path2, organization) {
  if (value === null || typeof value !== "object" || Array.isArray(value) || Object.keys(value).length === 0) {
    return problems.error(
      path2,
      "must map GitHub permission names to levels, e.g. { contents: read, pull_requests: write }"
    );
  }
  const permissions = /* @__PURE__ */ new Map();
  for (const [name, level] of Object.entries(value)) {
    const levels = Object.hasOwn(GITHUB_PERMISSIONS, name) ? GITHUB_PERMISSIONS[name] : void 0;
    if (!levels) {
      const suggestion = closest(name, Object.keys(GITHUB_PERMISSIONS));
      problems.error(
        `${path2}.${name}`,
        `not a GitHub permission${suggestion ? `; did you mean "${suggestion}"?` : ""}`
      );
    } else if (typeof level !== "string" || !levels.includes(level)) {
      problems.error(`${path2}.${name}`, `must be ${levels.join(" or ")} (what GitHub allows for ${name})`);
    } else if (isOrganizationPermission(name) && !organization) {
      problems.error(
        `${path2}.${name}`,
        "an organization permission: set organization_permissions: true on the environment to grant it (it reaches beyond the repositories)"
      );
    } else permissions.set(name, level);
  }
  return permissions.size === Object.keys(value).length ? permissions : void 0;
}
function permissionScopes(permissions) {
  const items = [];
  for (const [name, level] of permissions) {
    for (const lower of GITHUB_PERMISSIONS[name] ?? []) {
      if (LEVELS.indexOf(lower) <= LEVELS.indexOf(level)) items.push(`${name}:${lower}`);
    }
  }
  return items;
}
function repositoryOfResource(settings, resource) {
  let url;
  try {
    url = new URL(resource);
  } catch {
    return void 0;
  }
  const api = new URL(settings.app.apiUrl);
  const webHost = api.host === "api.github.com" ? "github.com" : api.host;
  const parts = url.pathname.split("/").filter((part) => part !== "");
  if (url.host !== webHost || url.search || url.hash || parts.length !== 2) return void 0;
  if (parts[0].toLowerCase() !== settings.owner.toLowerCase()) return void 0;
  return settings.repositories.find((name) => name.toLowerCase() === parts[1].toLowerCase());
}
function githubSettingsOf(environment) {
  return {
    app: String(environment.app),
    owner: String(environment.owner),
    repositories: environment.repositories ?? [],
    permissions: new Map(Object.entries(environment.permissions ?? {}))
  };
}
function describeGithubToken(settings) {
  const permissions = [...settings.permissions].map(([name, level]) => `${name}:${level}`).join(" ");
  return `a GitHub token of app "${settings.app}" for ${settings.owner}/{${settings.repositories.join(",")}} with ${permissions}`;
}
var GITHUB_TOKEN_SECONDS = 3600;
function githubGrant(input) {
  input.field("organization_permissions");
  const github = checkGithubSettings(input.problems, input.fields, input.path, input.githubApps);
  if (!github) return void 0;
  return {
    // No audience: `resource` names repositories here, never an environment.
    audience: "",
    scopes: permissionScopes(github.permissions),
    defaultScopes: [...github.permissions].map(([name, level]) => `${name}:${level}`),
    ttl: GITHUB_TOKEN_SECONDS,
    maxTtl: GITHUB_TOKEN_SECONDS,
    dpop: "optional",
    narrowing: "denied",
    noScopes: "a github environment's rules grant no scopes of their own: the environment's permissions apply",
    github
  };
}

// policy/kinds/oidc.ts
var OIDC_DEFAULT_TTL_SECONDS = 300;
var MAX_OIDC_AUDIENCE = 255;
var SUBJECT = /^[\x21-\x7e]{6,127}$/;
var NOT_FOR_OIDC = {
  scopes: "an oidc environment grants no scopes: the relying party (the cloud's role or binding) decides what its token can do",
  default_scopes: "an oidc environment grants no scopes: the relying party (the cloud's role or binding) decides what its token can do",
  dpop: "an oidc environment's tokens cannot be DPoP-bound: no cloud checks a DPoP proof, so a binding would only look like one",
  narrowing: "an oidc environment's tokens cannot be narrowed: they are not downscope access tokens"
};
function checkOidcSettings(problems, name, fields, path2) {
  const before = problems.count;
  for (const [key2, why] of Object.entries(NOT_FOR_OIDC)) {
    if (fields[key2] !== void 0) problems.error(`${path2}.${key2}`, why);
  }
  if (fields.audience === void 0) {
    problems.error(
      `${path2}.audience`,
      "an oidc environment needs the audience its relying party expects (e.g. sts.amazonaws.com, api://AzureADTokenExchange, or a Google workload identity provider's name)"
    );
  } else if (typeof fields.audience === "string" && fields.audience.length > MAX_OIDC_AUDIENCE) {
    problems.error(`${path2}.audience`, `must be at most ${MAX_OIDC_AUDIENCE} characters (AWS's limit for a client id)`);
  }
  const subject = fields.subject === void 0 ? `environment:${name}` : fields.subject;
  if (typeof subject === "string" && !SUBJECT.test(subject)) {
    problems.error(
      `${path2}.subject`,
      "must be 6 to 127 printable ASCII characters without spaces (Google keeps at most 127 bytes of a subject)"
    );
  } else if (typeof subject === "string" && /[*?]/.test(subject)) {
    problems.error(`${path2}.subject`, "must not hold a wildcard: a relying party trusts exactly this subject");
  }
  const algorithm = fields.algorithm ?? "RS256";
  const tags = fields.aws_session_tags ?? [];
  if (problems.count !== before || typeof subject !== "string") return void 0;
  return { subject, algorithm, awsSessionTags: tags };
}
function oidcSettingsOf(name, environment) {
  return {
    audience: String(environment.audience ?? name),
    subject: typeof environment.subject === "string" ? environment.subject : `environment:${name}`,
    algorithm: environment.algorithm ?? "RS256",
    awsSessionTags: Array.isArray(environment.aws_session_tags) ? environment.aws_session_tags.map(String) : []
  };
}
function describeOidcToken(settings) {
  const tags = settings.awsSessionTags.length > 0 ? `, AWS session tags from ${settings.awsSessionTags.join(", ")}` : "";
  return `an OIDC token for aud "${settings.audience}" with sub "${settings.subject}", signed ${settings.algorithm}${tags}`;
}
function federationIssuerProblem(value, options = {}) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL";
  }
  const local = options.loopback === true && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !local) {
    return "must be https for oidc environments (relying parties fetch its discovery document)";
  }
  if (url.port !== "" && !local) return "must have no port for oidc environments (AWS refuses an issuer with one)";
  if (url.username || url.password || url.search || url.hash || value.includes("?") || value.includes("#")) {
    return "must have no credentials, query or fragment for oidc environments";
  }
  if (value.endsWith("/")) {
    return "must not end with / for oidc environments (relying parties compare the issuer exactly)";
  }
  return void 0;
}
function oidcGrant(input) {
  input.field("algorithm");
  input.field("aws_session_tags");
  const oidc = checkOidcSettings(input.problems, input.name, input.fields, input.path);
  const { ttl, maxTtl } = lifetimes(input, OIDC_DEFAULT_TTL_SECONDS);
  if (!oidc) return void 0;
  return {
    audience: String(input.fields.audience),
    scopes: [],
    defaultScopes: [],
    ttl,
    maxTtl,
    dpop: "optional",
    narrowing: "denied",
    noScopes: NOT_FOR_OIDC.scopes,
    oidc
  };
}

// policy/lint.ts
var BRANCH_PROBES = ["refs/heads/main", "refs/heads/x", "refs/heads/feature/a/b-c"];
var FLAT_BRANCH_PROBES = ["refs/heads/main", "refs/heads/x", "refs/heads/fix-login_2.0", "refs/heads/@-_"];
function branchesAdmitted(pattern2) {
  if (patternProblem(pattern2)) return void 0;
  const glob = compileGlob(pattern2);
  if (BRANCH_PROBES.every((ref) => glob.matches(ref))) return "every";
  return FLAT_BRANCH_PROBES.every((ref) => glob.matches(ref)) ? "flat" : void 0;
}
function asList(value) {
  if (value === void 0 || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
function lintPolicy(policy) {
  const warnings = [];
  const warn2 = (path2, message2) => warnings.push({ severity: "warning", path: path2, message: message2 });
  const environments = policy.environments ?? {};
  const trustedCount = (policy.github_com === false ? 0 : 1) + asList(policy.issuers).filter((item) => item?.issuer !== GITHUB_COM_ISSUER).length;
  asList(policy.issuers).forEach((item, index) => {
    const entry = item;
    if (entry?.issuer !== GITHUB_COM_ISSUER || entry.jwks_uri === void 0 && entry.jwks === void 0) return;
    warn2(
      `issuers[${index}].${entry.jwks_uri !== void 0 ? "jwks_uri" : "jwks"}`,
      `re-points the keys of GitHub.com's own issuer (${GITHUB_COM_ISSUER}/.well-known/jwks): whoever holds these keys can sign tokens as GitHub for every rule that trusts it; remove it unless you mean to pin them`
    );
  });
  const audiences = /* @__PURE__ */ new Map();
  for (const [name, environment] of Object.entries(environments)) {
    const audience = String(environment.audience ?? name);
    const sharedWith = audiences.get(audience);
    if (sharedWith !== void 0) {
      warn2(
        `environments.${name}.audience`,
        `shares its audience with "${sharedWith}": a verifier that checks only aud would accept one's tokens for the other (check environment too)`
      );
    } else audiences.set(audience, name);
    const environmentIssuer = environment.issuer;
    const rules = asList(environment.rules);
    rules.forEach((value, index) => {
      const rule = value;
      const path2 = `environments.${name}.rules[${index}]`;
      if (trustedCount > 1 && rule.issuer === void 0 && environmentIssuer === void 0) {
        warn2(
          path2,
          "relies on the default issuer (GitHub.com's) while several are trusted: name its issuer, on the rule or its environment"
        );
      }
      if (rule.repository === void 0 && rule.repository_id === void 0) {
        warn2(path2, "names only an owner (owner_id): every present and future repository of it is allowed");
      }
      if (rule.ref === void 0) {
        warn2(path2, "no ref condition: every branch and tag passes");
      }
      if (rule.repository_id === void 0) {
        warn2(
          path2,
          "no repository_id: a repository re-created under the same name would match; pin it with repository_id"
        );
      }
      if (rule.environment === void 0) {
        warn2(
          path2,
          "no environment condition: jobs outside any GitHub deployment environment (and its protection rules) pass"
        );
      }
      if (rule.runner === "self-hosted") {
        warn2(
          `${path2}.runner`,
          "self-hosted runners are often shared and long-lived: make sure only trusted jobs reach them"
        );
      }
      if (typeof rule.repository === "string" && hasWildcard(rule.repository)) {
        warn2(
          `${path2}.repository`,
          "wildcard repository name: every matching repository, present and future, is allowed"
        );
      }
      for (const ref of asList(rule.ref)) {
        const admitted = typeof ref === "string" ? branchesAdmitted(ref) : void 0;
        if (admitted === "every") warn2(`${path2}.ref`, `"${ref}" admits every branch`);
        if (admitted === "flat") {
          warn2(
            `${path2}.ref`,
            `"${ref}" admits every branch whose name has no slash (main, any feature branch anyone can push): name the branches`
          );
        }
      }
      for (const event of asList(rule.event)) {
        if (typeof event === "string" && UNTRUSTED_CODE_EVENTS.has(event)) {
          warn2(`${path2}.event`, `${event} may run code from a pull request with this repository's identity`);
        }
      }
    });
  }
  return warnings;
}

// policy/rule-index.ts
function add(map2, key2, rule) {
  const list3 = map2.get(key2);
  if (list3) list3.push(rule);
  else map2.set(key2, [rule]);
}
function lazyRuleIndex(keys, ruleAt) {
  let index;
  return {
    covering(claims) {
      index ??= buildRuleIndex(keys(), ruleAt);
      return index.covering(claims);
    }
  };
}
function buildRuleIndex(rules, ruleAt) {
  const byRepositoryId = /* @__PURE__ */ new Map();
  const byRepositoryName = /* @__PURE__ */ new Map();
  const byOwnerWithWildcard = /* @__PURE__ */ new Map();
  const byOwnerId = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    if (rule.repositoryId !== void 0) add(byRepositoryId, rule.repositoryId, rule);
    else if (rule.repository?.name.literal) {
      add(byRepositoryName, `${rule.repository.owner}/${asciiLower(rule.repository.name.source)}`, rule);
    } else if (rule.repository) add(byOwnerWithWildcard, rule.repository.owner, rule);
    else if (rule.ownerId !== void 0) add(byOwnerId, rule.ownerId, rule);
  }
  return {
    covering(claims) {
      const id = claims.repository_id;
      const repository = claims.repository;
      const ownerId = claims.repository_owner_id;
      const found = [];
      const issuer = claims.iss;
      if (typeof issuer !== "string") return [];
      if (typeof id === "string") found.push(...byRepositoryId.get(id) ?? []);
      if (typeof repository === "string") {
        const lower = asciiLower(repository);
        found.push(...byRepositoryName.get(lower) ?? []);
        const owner = lower.slice(0, Math.max(0, lower.indexOf("/")));
        for (const rule of byOwnerWithWildcard.get(owner) ?? []) {
          if (rule.repository && repositoryMatches(rule.repository.owner, rule.repository.name, repository)) {
            found.push(rule);
          }
        }
      }
      if (typeof ownerId === "string") found.push(...byOwnerId.get(ownerId) ?? []);
      return found.filter((rule) => rule.issuers.includes(issuer)).sort((a, b) => a.position - b.position).map((rule) => ruleAt(rule.position));
    }
  };
}

// policy/compile.ts
var KIND_GRANTS = {
  access: accessGrant,
  oidc: oidcGrant,
  github: githubGrant
};
var OWNER2 = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
var REPOSITORY_NAME_CHARS = /^[A-Za-z0-9._*?-]+$/;
var CLAIM_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
var ID = /^[1-9][0-9]{0,19}$/;
var MAX_INLINE_KEYS = 20;
var PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];
var Checker = class {
  constructor(document) {
    this.document = document;
  }
  document;
  problems = [];
  get count() {
    return this.problems.length;
  }
  error(path2, message2) {
    this.problems.push({ severity: "error", path: path2, message: message2, ...this.document?.locate(path2) });
    return void 0;
  }
  get failed() {
    return this.problems.some((problem) => problem.severity === "error");
  }
};
var PolicyArtifactError = class extends Error {
  name = "PolicyArtifactError";
};
function compilePolicyValue(value, options = {}) {
  const { document, prevalidated = false } = options;
  const check2 = new Checker(document);
  const top = checkObject(check2, value, "", POLICY);
  if (!top) return { ok: false, problems: check2.problems };
  if (top.version !== void 0) checkKind(check2, top.version, "version", POLICY.fields.version.kind);
  const issuers = compileIssuers(check2, top.issuers);
  const githubCom = top.github_com === void 0 ? true : checkKind(check2, top.github_com, "github_com", POLICY.fields.github_com.kind);
  const trusted = /* @__PURE__ */ new Set([...githubCom === false ? [] : [GITHUB_COM_ISSUER], ...issuers.map((item) => item.issuer)]);
  if (githubCom === false && issuers.length === 0) {
    check2.error("github_com", "github_com is false and no issuers are listed: no token could ever be accepted");
  }
  const audience = top.audience === void 0 ? void 0 : checkKind(check2, top.audience, "audience", POLICY.fields.audience.kind);
  const githubApps = checkGithubApps(check2, top.github_apps);
  const environments = compileEnvironments(check2, top.environments, { prevalidated, trusted, githubApps });
  if (check2.failed || !environments) return { ok: false, problems: check2.problems };
  const policy = {
    version: 1,
    audience,
    issuers,
    githubCom: githubCom !== false,
    githubApps,
    environments
  };
  const warnings = prevalidated ? [] : lintPolicy(value).map((problem) => ({ ...problem, ...document?.locate(problem.path) }));
  return { ok: true, policy, warnings };
}
function checkObject(check2, value, path2, definition) {
  const at = path2 === "" ? "the policy" : path2;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return check2.error(path2, `${at} must be a mapping (${definition.title})`);
  }
  const fields = value;
  const known = Object.keys(definition.fields);
  for (const key2 of Object.keys(fields)) {
    if (Object.hasOwn(definition.fields, key2)) continue;
    const suggestion = closest(key2, known);
    check2.error(join(path2, key2), `unknown key${suggestion ? `, did you mean "${suggestion}"?` : ""}`);
  }
  for (const [key2, field] of Object.entries(definition.fields)) {
    if (field.required && (fields[key2] === void 0 || fields[key2] === null)) {
      check2.error(join(path2, key2), `missing required key "${key2}" in ${definition.title}`);
    }
  }
  return fields;
}
function checkKind(check2, value, path2, kind) {
  switch (kind.type) {
    case "version":
      return value === 1 ? 1 : check2.error(path2, "must be 1 (the only policy version)");
    case "url":
      return checkUrl(check2, value, path2);
    case "text":
      if (typeof value !== "string" || value.length === 0) return check2.error(path2, "must be a non-empty string");
      if (value.length > kind.maxLength) return check2.error(path2, `must be at most ${kind.maxLength} characters`);
      if (CONTROL_CHARACTER.test(value)) return check2.error(path2, "must not contain control characters");
      if (INVISIBLE_CHARACTER.test(value)) {
        return check2.error(path2, "must not contain bidirectional or zero-width characters");
      }
      return value;
    case "patterns":
      return checkPatterns(check2, value, path2, kind.prefix);
    case "repository":
      return checkRepository(check2, value, path2);
    case "id":
      return checkId(check2, value, path2);
    case "enum":
      if (typeof value === "string" && kind.values.includes(value)) return value;
      return check2.error(path2, `must be one of ${kind.values.map((v) => `"${v}"`).join(", ")}`);
    case "duration": {
      const seconds2 = parseDuration(value);
      if (seconds2 === void 0)
        return check2.error(path2, 'must be a duration such as "90s", "10m", "1h" or whole seconds');
      if (seconds2 > HARD_MAX_TTL_SECONDS) return check2.error(path2, "must be at most 1h");
      return seconds2;
    }
    case "scopes":
      return checkScopes(check2, value, path2);
    case "claims":
      return checkClaims(check2, value, path2);
    case "jwks":
      return checkJwks(check2, value, path2);
    case "issuers":
      return checkIssuerList(check2, value, path2);
    case "boolean":
      return typeof value === "boolean" ? value : check2.error(path2, "must be true or false");
    case "names": {
      const items = Array.isArray(value) ? value : [value];
      const bad = items.findIndex((item, index) => !kind.values.includes(item) || items.indexOf(item) !== index);
      if (bad < 0) return items;
      return check2.error(
        `${path2}[${bad}]`,
        `must be one of ${kind.values.join(", ")}, each once${typeof items[bad] === "string" && closest(items[bad], kind.values) ? `; did you mean "${closest(items[bad], kind.values)}"?` : ""}`
      );
    }
    default:
      return check2.error(path2, "unexpected field");
  }
}
function checkUrl(check2, value, path2, loopback = false) {
  if (typeof value !== "string" || value.length === 0 || value.length > 512) {
    return check2.error(path2, "must be an https URL of at most 512 characters");
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    return check2.error(path2, "must be an https URL");
  }
  const local = loopback && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== "https:" && !local) {
    return check2.error(path2, loopback ? "must be an https URL (http only on a loopback host)" : "must be an https URL");
  }
  if (url.username || url.password || url.hash || url.search) {
    return check2.error(path2, "must not carry credentials, a query or a fragment");
  }
  return value;
}
function checkPatterns(check2, value, path2, prefix) {
  const items = typeof value === "string" ? [value] : value;
  if (typeof value === "boolean" || typeof value === "number") {
    return check2.error(path2, `must be a string, not ${describe(value)} (quote it)`);
  }
  if (!Array.isArray(items) || items.length === 0) {
    return check2.error(path2, "must be a pattern or a non-empty list of patterns");
  }
  const patterns = [];
  items.forEach((item, index) => {
    const itemPath = Array.isArray(value) ? `${path2}[${index}]` : path2;
    if (typeof item !== "string") {
      check2.error(itemPath, `must be a string, not ${describe(item)} (quote it)`);
      return;
    }
    const problem = patternProblem(item);
    if (problem) check2.error(itemPath, `invalid pattern: ${problem}`);
    else if (prefix && !item.startsWith(prefix)) check2.error(itemPath, `must start with "${prefix}"`);
    else patterns.push(item);
  });
  return patterns.length === items.length ? patterns : void 0;
}
function checkIssuerList(check2, value, path2) {
  const items = typeof value === "string" ? [value] : value;
  if (!Array.isArray(items) || items.length === 0) return check2.error(path2, "must be an issuer URL or a list of them");
  const urls = [];
  items.forEach((item, index) => {
    const url = checkUrl(check2, item, Array.isArray(value) ? `${path2}[${index}]` : path2);
    if (url !== void 0 && !urls.includes(url)) urls.push(url);
  });
  return urls.length > 0 && urls.length <= items.length ? urls : void 0;
}
function checkTrusted(check2, issuers, path2, trusted) {
  for (const issuer of issuers) {
    if (trusted.has(issuer)) continue;
    const why = issuer === GITHUB_COM_ISSUER ? "GitHub.com's issuer is not trusted (github_com: false)" : `"${issuer}" is not a trusted issuer: list it under issuers`;
    const suggestion = closest(issuer, [...trusted]);
    check2.error(path2, `${why}${suggestion ? `; did you mean "${suggestion}"?` : ""}`);
  }
}
function checkRepository(check2, value, path2) {
  if (typeof value !== "string") return check2.error(path2, "must be a string owner/name");
  const { owner, name } = splitRepository(value);
  if (owner === "" || name.includes("/") || name === "") return check2.error(path2, "must be owner/name");
  if (hasWildcard(owner)) return check2.error(path2, "the repository owner must be literal (no wildcards)");
  if (!OWNER2.test(owner)) return check2.error(path2, "the repository owner is not a valid GitHub account name");
  const problem = patternProblem(name);
  if (problem) return check2.error(path2, `invalid pattern: ${problem}`);
  if (!REPOSITORY_NAME_CHARS.test(name))
    return check2.error(path2, "the repository name has characters GitHub does not allow");
  return repositoryKey(value);
}
function splitRepository(value) {
  const slash = value.indexOf("/");
  return slash <= 0 ? { owner: "", name: "" } : { owner: value.slice(0, slash), name: value.slice(slash + 1) };
}
function repositoryKey(source) {
  const { owner, name } = splitRepository(source);
  return { owner: asciiLower(owner), name: compileGlob(name, { caseInsensitive: true }), source };
}
function checkId(check2, value, path2) {
  if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return String(value);
  if (typeof value === "string" && ID.test(value)) return value;
  return check2.error(path2, "must be a positive whole number (a GitHub id)");
}
function checkScopes(check2, value, path2) {
  if (!Array.isArray(value)) return check2.error(path2, "must be a list of scopes");
  const scopes = [];
  value.forEach((scope, index) => {
    if (typeof scope !== "string" || !SCOPE_TOKEN.test(scope)) {
      check2.error(`${path2}[${index}]`, "must be a scope: printable ASCII without spaces, quotes or backslashes");
    } else if (scopes.includes(scope)) {
      check2.error(`${path2}[${index}]`, `duplicate scope "${scope}"`);
    } else scopes.push(scope);
  });
  return scopes.length === value.length ? scopes : void 0;
}
function checkClaims(check2, value, path2) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return check2.error(path2, "must be a mapping of claim names to patterns");
  }
  const claims = /* @__PURE__ */ new Map();
  for (const [claim, patterns] of Object.entries(value)) {
    const claimPath = join(path2, claim);
    if (RESERVED_KEYS.has(claim)) check2.error(claimPath, `"${claim}" is a reserved key`);
    else if (!CLAIM_NAME.test(claim)) check2.error(claimPath, "is not a claim name");
    else if (RESERVED_CLAIMS.includes(claim)) {
      check2.error(
        claimPath,
        `"${claim}" cannot be a condition${claim === "workflow" ? ' (any author picks it; use "workflow:" on job_workflow_ref)' : ""}`
      );
    } else {
      const checked = checkPatterns(check2, patterns, claimPath);
      if (checked) claims.set(claim, checked);
    }
  }
  return claims;
}
function checkJwks(check2, value, path2) {
  const keys = value?.keys;
  if (value === null || typeof value !== "object" || !Array.isArray(keys) || keys.length === 0) {
    return check2.error(path2, "must be a JWK set: { keys: [ ... ] }");
  }
  if (keys.length > MAX_INLINE_KEYS) return check2.error(path2, `must hold at most ${MAX_INLINE_KEYS} keys`);
  const extra = Object.keys(value).filter((key2) => key2 !== "keys");
  if (extra.length > 0) return check2.error(join(path2, extra[0]), "unknown key");
  let ok = true;
  keys.forEach((key2, index) => {
    const keyPath = `${path2}.keys[${index}]`;
    const jwk = key2;
    if (key2 === null || typeof key2 !== "object" || jwk.kty !== "RSA" || typeof jwk.n !== "string" || typeof jwk.e !== "string") {
      ok = check2.error(keyPath, "must be an RSA public key (kty, n, e)") ?? false;
    } else if (PRIVATE_JWK_MEMBERS.some((member) => member in jwk)) {
      ok = check2.error(keyPath, "holds private key material: publish only the public key") ?? false;
    } else if (typeof jwk.kid !== "string" || jwk.kid === "") {
      ok = check2.error(keyPath, "must have a kid") ?? false;
    } else if (jwk.alg !== void 0 && jwk.alg !== "RS256") {
      ok = check2.error(keyPath, "alg must be RS256") ?? false;
    }
  });
  return ok ? { keys } : void 0;
}
function compileIssuers(check2, value) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value)) {
    check2.error("issuers", "must be a list of issuers");
    return [];
  }
  const issuers = [];
  value.forEach((item, index) => {
    const path2 = `issuers[${index}]`;
    const fields = checkObject(check2, item, path2, ISSUER);
    if (!fields) return;
    const issuer = checkUrl(check2, fields.issuer, join(path2, "issuer"));
    const jwksUri = fields.jwks_uri === void 0 ? void 0 : checkUrl(check2, fields.jwks_uri, join(path2, "jwks_uri"), true);
    const jwks = fields.jwks === void 0 ? void 0 : checkJwks(check2, fields.jwks, join(path2, "jwks"));
    if (fields.jwks !== void 0 && fields.jwks_uri !== void 0) {
      check2.error(path2, "give jwks_uri or jwks, not both");
    }
    if (issuer && issuers.some((other) => other.issuer === issuer)) {
      check2.error(join(path2, "issuer"), "this issuer is listed twice");
    }
    if (issuer) issuers.push({ issuer, ...jwksUri ? { jwksUri } : {}, ...jwks ? { jwks } : {} });
  });
  return issuers;
}
function compileEnvironments(check2, value, context) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "object" || Array.isArray(value)) {
    return check2.error("environments", "must be a mapping of environment names to environments");
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return check2.error("environments", "must name at least one environment");
  const environments = /* @__PURE__ */ new Map();
  for (const [name, body] of entries) {
    const path2 = join("environments", name);
    if (RESERVED_KEYS.has(name)) {
      check2.error(path2, `"${name}" is a reserved key`);
      continue;
    }
    if (!ENVIRONMENT_NAME.test(name)) {
      check2.error(path2, "environment names are 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
      continue;
    }
    const key2 = asciiLower(name);
    if (environments.has(key2)) {
      check2.error(path2, `the environment "${environments.get(key2)?.name}" differs only in case`);
      continue;
    }
    const environment = compileEnvironment(check2, name, body, path2, context);
    if (environment) environments.set(key2, environment);
  }
  return environments;
}
function compileEnvironment(check2, name, value, path2, { prevalidated, trusted, githubApps }) {
  const fields = checkObject(check2, value, path2, ENVIRONMENT);
  if (!fields) return void 0;
  const kinds = ENVIRONMENT.fields;
  const field = (key2) => fields[key2] === void 0 ? void 0 : checkKind(check2, fields[key2], join(path2, key2), kinds[key2].kind);
  const kind = field("kind") ?? "access";
  for (const [other, keys2] of Object.entries(KIND_ONLY_FIELDS)) {
    if (other === kind) continue;
    for (const key2 of keys2) {
      if (fields[key2] !== void 0) check2.error(join(path2, key2), `${key2} is for kind: ${other} only`);
    }
  }
  const grant = KIND_GRANTS[kind]({ problems: check2, name, fields, path: path2, field, githubApps });
  const environmentIssuers = field("issuer");
  if (environmentIssuers) checkTrusted(check2, environmentIssuers, join(path2, "issuer"), trusted);
  const inherited = { issuers: environmentIssuers ?? [GITHUB_COM_ISSUER], trusted };
  const rulesPath = join(path2, "rules");
  const rawRules = fields.rules;
  if (rawRules !== void 0 && rawRules !== null && (!Array.isArray(rawRules) || rawRules.length === 0)) {
    check2.error(rulesPath, "must be a non-empty list of rules (an environment without rules grants nothing)");
  }
  if (!grant || !Array.isArray(rawRules)) {
    if (Array.isArray(rawRules) && !prevalidated) {
      compileRules(check2, rawRules, rulesPath, { scopes: [], maxTtl: HARD_MAX_TTL_SECONDS, ...inherited });
    }
    return void 0;
  }
  const limits = { scopes: grant.scopes, maxTtl: grant.maxTtl, noScopes: grant.noScopes, ...inherited };
  const { noScopes: _, ...granted } = grant;
  const settings = { name, kind, ...granted, ruleCount: rawRules.length };
  if (!prevalidated) {
    const rules = compileRules(check2, rawRules, rulesPath, limits);
    if (rules.length !== rawRules.length) return void 0;
    const rule2 = (position) => rules[position];
    return { ...settings, rule: rule2, index: buildRuleIndex(rules, rule2) };
  }
  const compiled2 = [];
  const rule = (position) => {
    let found = compiled2[position];
    if (!found) {
      const ruleCheck = new Checker(void 0);
      const rulePath = `${rulesPath}[${position}]`;
      found = compileRule(ruleCheck, rawRules[position], position, rulePath, limits);
      if (!found) {
        const first = ruleCheck.problems[0];
        throw new PolicyArtifactError(`${first?.path || rulePath}: ${first?.message ?? "invalid rule"}`);
      }
      compiled2[position] = found;
    }
    return found;
  };
  const keys = () => rawRules.map((raw, position) => prevalidatedRuleKey(raw, position, inherited.issuers));
  return { ...settings, rule, index: lazyRuleIndex(keys, rule) };
}
function compileRules(check2, rawRules, rulesPath, context) {
  const rules = [];
  rawRules.forEach((raw, position) => {
    const compiled2 = compileRule(check2, raw, position, `${rulesPath}[${position}]`, context);
    if (compiled2) rules.push(compiled2);
  });
  return rules;
}
function prevalidatedRuleKey(raw, position, inherited) {
  const id = (value) => value === void 0 ? void 0 : String(value);
  const issuers = raw.issuer === void 0 ? inherited : Array.isArray(raw.issuer) ? raw.issuer.map(String) : [String(raw.issuer)];
  const repositoryId = id(raw.repository_id);
  const ownerId = id(raw.owner_id);
  return {
    position,
    issuers,
    ...repositoryId !== void 0 ? { repositoryId } : {},
    ...ownerId !== void 0 ? { ownerId } : {},
    ...typeof raw.repository === "string" ? { repository: repositoryKey(raw.repository) } : {}
  };
}
function compileRule(check2, value, position, path2, { scopes: environmentScopes, maxTtl: environmentMaxTtl2, noScopes, issuers: inherited, trusted }) {
  const fields = checkObject(check2, value, path2, RULE);
  if (!fields) return void 0;
  const before = check2.problems.length;
  const field = (key2) => fields[key2] === void 0 ? void 0 : checkKind(check2, fields[key2], join(path2, key2), RULE.fields[key2].kind);
  const name = field("name");
  const repository = field("repository");
  const repositoryId = field("repository_id");
  const ownerId = field("owner_id");
  if (fields.repository === void 0 && fields.repository_id === void 0 && fields.owner_id === void 0) {
    check2.error(path2, "a rule must name its repository (repository or repository_id) or at least owner_id");
  }
  const ownIssuers = field("issuer");
  if (ownIssuers) checkTrusted(check2, ownIssuers, join(path2, "issuer"), trusted);
  else if (inherited.length === 1 && inherited[0] === GITHUB_COM_ISSUER && !trusted.has(GITHUB_COM_ISSUER)) {
    check2.error(
      path2,
      "no issuer: the rule relies on GitHub.com's, which github_com: false does not trust; name its issuer here or on its environment"
    );
  }
  const issuers = ownIssuers ?? inherited;
  const conditions = [exactCondition("issuer", "iss", issuers)];
  if (repositoryId !== void 0) conditions.push(exactCondition("repository_id", "repository_id", [repositoryId]));
  else if (repository) conditions.push(repositoryCondition(repository.source, repository.owner, repository.name));
  if (ownerId !== void 0) conditions.push(exactCondition("owner_id", "repository_owner_id", [ownerId]));
  const patterns = (key2, claim, options = {}) => {
    const list3 = field(key2);
    if (list3) conditions.push(patternCondition(key2, claim, list3, options));
  };
  patterns("ref", "ref");
  const refType = field("ref_type");
  if (refType) conditions.push(exactCondition("ref_type", "ref_type", [refType]));
  patterns("environment", "environment", { caseInsensitive: true });
  patterns("workflow", "job_workflow_ref", { atIsLiteral: true });
  conditions.push(eventCondition(field("event")));
  const runner = field("runner");
  if (runner) conditions.push(exactCondition("runner", "runner_environment", [runner]));
  for (const [claim, list3] of field("claims") ?? []) {
    conditions.push(patternCondition(`claims.${claim}`, claim, list3));
  }
  const scopes = field("scopes");
  if (scopes && noScopes) check2.error(join(path2, "scopes"), noScopes);
  else if (scopes) notWithin(check2, scopes, environmentScopes, join(path2, "scopes"), "its environment's scopes");
  const maxTtl = field("max_ttl");
  if (maxTtl !== void 0 && maxTtl > environmentMaxTtl2) {
    check2.error(join(path2, "max_ttl"), "must not exceed its environment's max_ttl (a rule can only narrow it)");
  }
  if (check2.problems.length !== before) return void 0;
  return {
    position,
    label: name ?? `rules[${position}]`,
    issuers,
    ...repositoryId !== void 0 ? { repositoryId } : {},
    ...ownerId !== void 0 ? { ownerId } : {},
    ...repository ? { repository } : {},
    conditions,
    ...scopes ? { scopes } : {},
    ...maxTtl !== void 0 ? { maxTtl } : {}
  };
}
function join(path2, key2) {
  return path2 === "" ? key2 : `${path2}.${key2}`;
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `the ${typeof value} ${JSON.stringify(value)}`;
}

// policy/policy-text.ts
function compilePolicy(text) {
  const read = readPolicyDocument(text);
  if (!read.ok) return { ok: false, problems: read.problems };
  return { ...compilePolicyValue(read.document.value, { document: read.document }), value: read.document.value };
}

// cli/policy-check.ts
function policyCheck(io, file, options) {
  return reportCheck(io, file, compilePolicy(readInput(io, file, "the policy")), options);
}
function reportCheck(io, file, result2, options) {
  const errors = result2.ok ? [] : inFileOrder(result2.problems);
  const warnings = result2.ok ? inFileOrder(result2.warnings) : [];
  const failed = errors.length > 0 || options.strict === true && warnings.length > 0;
  if (options.json) {
    io.out(JSON.stringify({ file, valid: errors.length === 0, errors, warnings }, null, 2));
  } else if (io.env.GITHUB_ACTIONS === "true") {
    for (const problem of [...errors, ...warnings]) io.out(annotation(file, problem, options.strict === true));
    io.out(summary(file, errors.length, warnings.length));
  } else {
    const paint = painter(io);
    for (const problem of [...errors, ...warnings]) {
      const where = `${file}:${problem.line ?? 1}:${problem.column ?? 1}`;
      const label = problem.severity === "error" ? paint("red", "error") : paint("yellow", "warning");
      io.out(
        `${paint("bold", shown(where))} ${label} ${problem.path === "" ? "" : `${paint("cyan", shown(problem.path))}: `}${shown(problem.message)}`
      );
    }
    io.out(
      failed ? paint("red", summary(file, errors.length, warnings.length)) : paint("green", summary(file, errors.length, warnings.length))
    );
  }
  return failed ? 1 : 0;
}
function inFileOrder(problems) {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
function summary(file, errors, warnings) {
  const counts = `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  return errors === 0 ? `${file}: valid (${counts})` : `${file}: invalid (${counts}); the service would refuse to issue any token with it`;
}
function annotation(file, problem, strict) {
  const level = problem.severity === "error" || strict ? "error" : "warning";
  const props = [
    `file=${escapeProperty(file)}`,
    `line=${problem.line ?? 1}`,
    `col=${problem.column ?? 1}`,
    "title=downscope policy"
  ];
  const message2 = `${problem.path === "" ? "" : `${problem.path}: `}${problem.message}`;
  return `::${level} ${props.join(",")}::${escapeData(message2)}`;
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

// cli/policy-build.ts
var SCRIPT_LIMIT_FREE = 3 * 1024 * 1024;
var SCRIPT_LIMIT_PAID = 10 * 1024 * 1024;
var CODE_ALLOWANCE = 256 * 1024;
var VARIABLE_LIMIT = 5 * 1024;
async function policyBuild(io, file, options) {
  const text = readInput(io, file, "the policy");
  const result2 = compilePolicy(text);
  const report = options.variable ? { ...io, out: io.err } : io;
  const code = reportCheck(report, file, result2, { ...options, json: false });
  if (code !== 0 || !result2.ok) return code;
  const { value } = result2;
  if (options.variable) {
    const json2 = canonicalJson(value);
    io.out(json2);
    if (json2.length > VARIABLE_LIMIT) {
      io.err(
        `note: ${kib(json2.length)} is over the 5 KB Cloudflare allows a variable or secret: fine for local runs and tests, but deploy it as the bundled artifact (downscope policy build ${file}).`
      );
    }
    return 0;
  }
  const artifact = await makePolicyArtifact(text, value, { warnings: result2.warnings.map(formatProblem) });
  const json = `${JSON.stringify(artifact, null, 2)}
`;
  const gzipped = gzipSync(json).byteLength;
  const { refusal, note } = artifactSizeProblem(json.length, gzipped);
  if (refusal) throw new CliError(`${file} is too large to bundle into a Worker: ${refusal}`, 1);
  const out = options.out ?? DEFAULT_ARTIFACT_PATH;
  io.writeFile(out, json);
  const environments = result2.policy.environments.size;
  const rules = [...result2.policy.environments.values()].reduce((sum, environment) => sum + environment.ruleCount, 0);
  io.out(
    `wrote ${out}: ${environments} environment${environments === 1 ? "" : "s"}, ${rules} rule${rules === 1 ? "" : "s"}, ${kib(json.length)}, ${kib(gzipped)} gzipped; policy_digest ${artifact.policy_sha256}`
  );
  if (note) io.out(`note: ${note}`);
  io.out(`next: wrangler deploy --env <name> (it bundles ${out}), or wrangler versions upload for a gradual rollout`);
  return 0;
}
function artifactSizeProblem(bytes, gzipped) {
  const sizes = `the artifact is ${kib(bytes)}, ${kib(gzipped)} gzipped`;
  if (gzipped + CODE_ALLOWANCE > SCRIPT_LIMIT_PAID) {
    return {
      refusal: `${sizes}, and a Worker may be at most 10 MiB gzipped (Workers Paid; its code needs ~${kib(CODE_ALLOWANCE)}). Split it into several deployments, or shorten its rules (wildcards, owner_id).`
    };
  }
  if (gzipped + CODE_ALLOWANCE > SCRIPT_LIMIT_FREE) {
    return {
      note: `${sizes}: with the Worker's code this is over the Free plan's 3 MiB; deploy it on Workers Paid (10 MiB).`
    };
  }
  return {};
}
function kib(bytes) {
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KiB`;
}

// policy/work-budget.ts
var WorkBudgetExceeded = class extends Error {
  constructor(limit) {
    super(`the analysis needed more than ${limit.toLocaleString("en-US")} steps`);
    this.limit = limit;
  }
  limit;
  name = "WorkBudgetExceeded";
};
var WorkBudget = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  spent = 0;
  /** Charges `steps`; throws `WorkBudgetExceeded` once the total passes the limit. */
  spend(steps = 1) {
    this.spent += steps;
    if (this.spent > this.limit) throw new WorkBudgetExceeded(this.limit);
  }
  get used() {
    return this.spent;
  }
};
var diffBudget = (rules) => new WorkBudget(5e6 + 250 * rules);
var unbounded = () => new WorkBudget(Number.POSITIVE_INFINITY);

// policy/glob-containment.ts
var { One: ONE, Star: STAR, GlobStar: GLOBSTAR } = Token;
var SLASH2 = 47;
var AT2 = 64;
function globPattern(pattern2, options = {}) {
  const fold = options.caseInsensitive === true;
  return {
    tokens: [...tokenize(fold ? asciiLower(pattern2) : pattern2)],
    fold,
    atIsLiteral: options.atIsLiteral === true
  };
}
function literalPattern(value) {
  return { tokens: [...value].map((ch) => ch.charCodeAt(0)), fold: false, atIsLiteral: false };
}
var STRIDE = 1024;
var stateOf = (p, i) => p * STRIDE + i;
var lowerCode = (code) => code >= 65 && code <= 90 ? code + 32 : code;
var Nfa = class {
  constructor(patterns) {
    this.patterns = patterns;
  }
  patterns;
  start() {
    return this.close(new Set(this.patterns.map((_, p) => stateOf(p, 0))));
  }
  /** States reachable without consuming: a star may match nothing. */
  close(states) {
    const stack = [...states];
    while (stack.length > 0) {
      const state = stack.pop();
      const { tokens } = this.patterns[Math.floor(state / STRIDE)];
      const i = state % STRIDE;
      if (i < tokens.length && (tokens[i] === STAR || tokens[i] === GLOBSTAR) && !states.has(state + 1)) {
        states.add(state + 1);
        stack.push(state + 1);
      }
    }
    return states;
  }
  step(states, code) {
    const next = /* @__PURE__ */ new Set();
    for (const state of states) {
      const pattern2 = this.patterns[Math.floor(state / STRIDE)];
      const i = state % STRIDE;
      if (i >= pattern2.tokens.length) continue;
      const token = pattern2.tokens[i];
      const barred = pattern2.atIsLiteral && code === AT2 || token !== GLOBSTAR && code === SLASH2;
      if (token === STAR || token === GLOBSTAR) {
        if (!barred) next.add(state);
      } else if (token === ONE ? !barred : token === (pattern2.fold ? lowerCode(code) : code)) next.add(state + 1);
    }
    return this.close(next);
  }
  /** The patterns, among `from`…`to`, that accept in `states`. */
  accepting(states, from = 0, to = this.patterns.length) {
    const found = [];
    for (const state of states) {
      const p = Math.floor(state / STRIDE);
      if (p >= from && p < to && state % STRIDE === this.patterns[p].tokens.length) found.push(p);
    }
    return found.sort((x, y) => x - y);
  }
  /**
   * One representative per class of characters the patterns can tell apart: every literal they
   * name (in both cases where folding and exact patterns meet), the two separators, and one
   * character none of them names.
   */
  alphabet() {
    const literals = /* @__PURE__ */ new Set([SLASH2, AT2]);
    const folds = this.patterns.some((pattern2) => pattern2.fold);
    const exact = this.patterns.some((pattern2) => !pattern2.fold);
    for (const pattern2 of this.patterns) {
      for (const token of pattern2.tokens) {
        if (token < 0) continue;
        literals.add(token);
        const letter = lowerCode(token) !== token || token >= 97 && token <= 122;
        if (letter && folds && exact) literals.add(token ^ 32);
      }
    }
    const other = [..."abcdefghijklmnopqrstuvwxyz0123456789-_."].map((ch) => ch.charCodeAt(0)).find((code) => !literals.has(code) && !literals.has(code ^ 32));
    return [...literals, other ?? 126];
  }
};
var key = (states) => [...states].sort((x, y) => x - y).join(",");
function globWitness(candidate, within, options = {}, budget = unbounded()) {
  const split = candidate.length;
  const nfa = new Nfa([...candidate, ...within].map((pattern2) => globPattern(pattern2, options)));
  const alphabet = nfa.alphabet();
  const admits = (states, side) => side === "a" ? nfa.accepting(states, 0, split).length > 0 : nfa.accepting(states, split).length > 0;
  const inA = (state) => state < split * STRIDE;
  const startStates = nfa.start();
  const queue = [{ states: startStates, value: "" }];
  const seen = /* @__PURE__ */ new Set([key(startStates)]);
  for (let next = 0; next < queue.length; next++) {
    const { states, value } = queue[next];
    if (admits(states, "a") && !admits(states, "b")) return realistic(value, candidate, within, options);
    for (const code of alphabet) {
      const after = nfa.step(states, code);
      budget.spend(1 + after.size);
      if (![...after].some(inA)) continue;
      const id = key(after);
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push({ states: after, value: value + String.fromCharCode(code) });
    }
  }
  return void 0;
}
function realistic(value, candidate, within, options) {
  const empty = (text, at) => at + 1 === text.length || text[at + 1] === "/";
  if (![...value].some((char, at) => char === "/" && empty(value, at))) return value;
  if ([...candidate, ...within].some(patternProblem)) return value;
  const admitted = candidate.map((pattern2) => compileGlob(pattern2, options));
  const refused = within.map((pattern2) => compileGlob(pattern2, options));
  let shown2 = value;
  for (let at = shown2.indexOf("/"); at !== -1; at = shown2.indexOf("/", at + 1)) {
    if (!empty(shown2, at)) continue;
    const filled = `${shown2.slice(0, at + 1)}x${shown2.slice(at + 1)}`;
    if (admitted.some((glob) => glob.matches(filled)) && !refused.some((glob) => glob.matches(filled))) shown2 = filled;
  }
  return shown2;
}
function regionValues(patterns, budget) {
  const nfa = new Nfa(patterns);
  const alphabet = nfa.alphabet();
  const startStates = nfa.start();
  const queue = [{ states: startStates, value: "" }];
  const seen = /* @__PURE__ */ new Set([key(startStates)]);
  const regions = /* @__PURE__ */ new Map();
  for (let next = 0; next < queue.length; next++) {
    const { states, value } = queue[next];
    const signature = nfa.accepting(states).join(",");
    if (!regions.has(signature)) regions.set(signature, value);
    for (const code of alphabet) {
      const after = nfa.step(states, code);
      budget.spend(1 + after.size);
      const id = key(after);
      if (seen.has(id)) continue;
      seen.add(id);
      queue.push({ states: after, value: value + String.fromCharCode(code) });
    }
  }
  return [...regions.values()];
}

// policy/first-match.ts
function viewsOf(environment) {
  const views = [];
  for (let position = 0; position < environment.ruleCount; position++) {
    const rule = environment.rule(position);
    const byClaim = /* @__PURE__ */ new Map();
    for (const condition of rule.conditions)
      byClaim.set(condition.claim, [...byClaim.get(condition.claim) ?? [], condition]);
    const scopes = [...rule.scopes ?? environment.scopes].sort();
    const ttl = Math.min(rule.maxTtl ?? environment.maxTtl, environment.maxTtl, HARD_MAX_TTL_SECONDS);
    const languages = rule.conditions.map((condition) => [condition.claim, normalized(condition.language)]);
    views.push({ rule, scopes: new Set(scopes), ttl, byClaim, key: JSON.stringify([languages, scopes, ttl]) });
  }
  return views;
}
function normalized(language) {
  switch (language.kind) {
    case "values":
      return [language.kind, [...language.values].sort()];
    case "globs":
      return [language.kind, [...language.patterns].sort(), language.options];
    case "events":
      return [language.kind, language.patterns && [...language.patterns].sort()];
  }
}
function sharedInOrder(base, head) {
  const once = (views) => {
    const positions = /* @__PURE__ */ new Map();
    const repeated = /* @__PURE__ */ new Set();
    views.forEach((view, position) => {
      if (positions.has(view.key)) repeated.add(view.key);
      else positions.set(view.key, position);
    });
    for (const key2 of repeated) positions.delete(key2);
    return positions;
  };
  const inBase = once(base);
  const pairs2 = [];
  for (const [key2, h] of once(head)) {
    const b = inBase.get(key2);
    if (b !== void 0) pairs2.push([h, b]);
  }
  pairs2.sort((x, y) => x[0] - y[0]);
  const tails = [];
  const previous = new Array(pairs2.length).fill(-1);
  pairs2.forEach(([, b], i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = low + high >> 1;
      if (pairs2[tails[middle]][1] < b) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  });
  const shared = { base: /* @__PURE__ */ new Set(), head: /* @__PURE__ */ new Set() };
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) {
    shared.head.add(pairs2[i][0]);
    shared.base.add(pairs2[i][1]);
  }
  return shared;
}
function mayMeet(a, b) {
  const literals = (language) => language.kind === "values" ? language.values : language.kind === "globs" && !language.options.caseInsensitive && !language.patterns.some(hasWildcard) ? language.patterns : void 0;
  const some = literals(a.language);
  if (some) return some.some((value) => b.test({ [a.claim]: value }).held);
  const other = literals(b.language);
  if (other) return other.some((value) => a.test({ [b.claim]: value }).held);
  return true;
}
function mayOverlap(a, b) {
  for (const [claim, conditions] of a.byClaim) {
    const others = b.byClaim.get(claim);
    if (others && !conditions.every((x) => others.every((y) => mayMeet(x, y)))) return false;
  }
  return true;
}
var OverlapIndex = class {
  constructor(views) {
    this.views = views;
    for (const view of views) {
      const ids = view.rule.repositoryId;
      if (ids === void 0) this.open.push(view);
      else this.byRepositoryId.set(ids, [...this.byRepositoryId.get(ids) ?? [], view]);
    }
  }
  views;
  byRepositoryId = /* @__PURE__ */ new Map();
  open = [];
  overlapping(view) {
    const id = view.rule.repositoryId;
    const candidates = id === void 0 ? this.views : [...this.byRepositoryId.get(id) ?? [], ...this.open];
    return candidates.filter((other) => mayOverlap(view, other)).sort((x, y) => x.rule.position - y.rule.position);
  }
};
function patternsOf(language) {
  switch (language.kind) {
    case "values":
      return language.values.map(literalPattern);
    case "globs":
      return language.patterns.map((pattern2) => globPattern(pattern2, language.options));
    case "events":
      return [
        ...(language.patterns ?? []).map((pattern2) => globPattern(pattern2)),
        ...[...UNTRUSTED_CODE_EVENTS].map(literalPattern)
      ];
  }
}
var holds = (conditions, claim, value) => conditions === void 0 || conditions.every((condition) => condition.test(value === void 0 ? {} : { [claim]: value }).held);
function firstMatchWidenings(base, head, { budget, limit = 3, accept = () => true }) {
  const baseViews = viewsOf(base);
  const headViews = viewsOf(head);
  const shared = sharedInOrder(baseViews, headViews);
  const changed = [
    ...headViews.filter((_, position) => !shared.head.has(position)),
    ...baseViews.filter((_, position) => !shared.base.has(position))
  ];
  if (changed.length === 0) return [];
  const baseIndex = new OverlapIndex(baseViews);
  const headIndex = new OverlapIndex(headViews);
  const regionCache = /* @__PURE__ */ new Map();
  const found = [];
  const seen = /* @__PURE__ */ new Set();
  for (const candidate of changed) {
    if (found.length >= limit) break;
    budget.spend();
    const headRules = headIndex.overlapping(candidate);
    const baseRules = baseIndex.overlapping(candidate);
    const claims = claimsInPlay([candidate, ...headRules, ...baseRules]);
    const regions = claims.map((claim) => {
      const unique = /* @__PURE__ */ new Map();
      for (const view of [candidate, ...headRules, ...baseRules]) {
        for (const condition of view.byClaim.get(claim) ?? []) {
          for (const pattern2 of patternsOf(condition.language)) unique.set(JSON.stringify(pattern2), pattern2);
        }
      }
      const patterns = [...unique.values()];
      const cacheKey = [...unique.keys()].join("|");
      let values = regionCache.get(cacheKey);
      if (!values) {
        values = regionValues(patterns, budget);
        regionCache.set(cacheKey, values);
      }
      return [void 0, ...values].filter((value) => holds(candidate.byClaim.get(claim), claim, value));
    });
    const assignment = /* @__PURE__ */ new Map();
    const search = (level, aliveHead, aliveBase) => {
      budget.spend();
      if (aliveHead.length === 0) return void 0;
      if (level === claims.length) return compare2(aliveHead, aliveBase);
      const claim = claims[level];
      const deciding = [...aliveHead, ...aliveBase].filter((view) => view.byClaim.has(claim));
      const kinds = /* @__PURE__ */ new Map();
      for (const value of regions[level]) {
        const verdicts = deciding.map((view) => holds(view.byClaim.get(claim), claim, value) ? 1 : 0).join("");
        if (!kinds.has(verdicts)) kinds.set(verdicts, value);
      }
      for (const value of kinds.values()) {
        assignment.set(claim, value);
        const keep = (view) => holds(view.byClaim.get(claim), claim, value);
        const result2 = search(level + 1, aliveHead.filter(keep), aliveBase.filter(keep));
        if (result2) return result2;
      }
      assignment.delete(claim);
      return void 0;
    };
    const compare2 = (aliveHead, aliveBase) => {
      for (const scopes of scopeRequests([...aliveHead, ...aliveBase], head.scopes, base.scopes, budget)) {
        const headGrant = firstAllowing(aliveHead, scopes);
        if (!headGrant) continue;
        const baseGrant = scopes.every((scope) => base.scopes.includes(scope)) ? firstAllowing(aliveBase, scopes) : void 0;
        if (baseGrant && baseGrant.ttl >= headGrant.ttl) continue;
        const claimsShown = /* @__PURE__ */ Object.create(null);
        for (const [claim, value] of assignment) if (value !== void 0) claimsShown[claim] = value;
        const widening2 = {
          claims: claimsShown,
          scopes,
          head: grantOf(headGrant),
          ...baseGrant ? { base: grantOf(baseGrant) } : {}
        };
        if (accept(widening2)) return widening2;
      }
      return void 0;
    };
    const widening = search(0, headRules, baseRules);
    if (widening) {
      const id = `${widening.head.position}|${widening.base?.position}`;
      if (!seen.has(id)) {
        seen.add(id);
        found.push(widening);
      }
    }
  }
  return found;
}
var grantOf = (view) => ({ rule: view.rule.label, position: view.rule.position, ttl: view.ttl });
var firstAllowing = (alive, scopes) => alive.find((view) => scopes.every((scope) => view.scopes.has(scope)));
function claimsInPlay(views) {
  const counts = /* @__PURE__ */ new Map();
  for (const view of views) for (const claim of view.byClaim.keys()) counts.set(claim, (counts.get(claim) ?? 0) + 1);
  return [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([claim]) => claim);
}
function scopeRequests(views, headScopes, baseScopes, budget) {
  if (headScopes.length === 0) return [[]];
  const generators = [headScopes, baseScopes, ...views.map((view) => [...view.scopes])].map(
    (scopes) => [...scopes].sort()
  );
  const sets = /* @__PURE__ */ new Map();
  const add2 = (scopes) => {
    const id = scopes.join(" ");
    if (scopes.length === 0 || sets.has(id)) return false;
    sets.set(id, scopes);
    return true;
  };
  for (const generator of generators) add2(generator);
  let frontier = [...sets.values()];
  while (frontier.length > 0) {
    const next = [];
    for (const set2 of frontier) {
      for (const generator of generators) {
        budget.spend();
        const meet = set2.filter((scope) => generator.includes(scope));
        if (add2(meet)) next.push(meet);
      }
    }
    frontier = next;
  }
  return [...sets.values()].filter((scopes) => scopes.every((scope) => headScopes.includes(scope))).sort((a, b) => a.length - b.length);
}

// policy/issuer-keys.ts
function jwksUriOf(issuer) {
  return issuer.jwksUri ?? `${issuer.issuer.replace(/\/+$/, "")}/.well-known/jwks`;
}

// policy/kinds/defaults.ts
function defaultTtlSeconds(kind) {
  if (kind === "oidc") return OIDC_DEFAULT_TTL_SECONDS;
  if (kind === "github") return GITHUB_TOKEN_SECONDS;
  return DEFAULT_TTL_SECONDS;
}

// policy/diff.ts
var WIDENING_EFFECTS = /* @__PURE__ */ new Set(["widens", "changes", "undecided"]);
var list = (value) => value === void 0 || value === null ? [] : (Array.isArray(value) ? value : [value]).map(String);
var rulesOf = (environment) => Array.isArray(environment.rules) ? environment.rules : [];
var show = (values) => values === void 0 ? "(any)" : values.join(" | ");
function comparePatterns(budget, name, base, head, options = {}) {
  if (base === void 0 && head === void 0) return {};
  if (base !== void 0 && head !== void 0 && sameSet(base, head)) return {};
  const change = `${name}: ${show(base)} \u2192 ${show(head)}`;
  const headExtra = base === void 0 ? void 0 : head === void 0 ? "any value" : globWitness(head, base, options, budget);
  const baseExtra = head === void 0 ? void 0 : base === void 0 ? "any value" : globWitness(base, head, options, budget);
  return {
    ...headExtra !== void 0 ? { wider: `${change}: also admits ${quote(headExtra)}` } : {},
    ...baseExtra !== void 0 ? { narrower: `${change}: no longer admits ${quote(baseExtra)}` } : {}
  };
}
var sameSet = (a, b) => a.length === b.length && a.every((item) => b.includes(item)) && b.every((item) => a.includes(item));
function quote(value) {
  return value === "any value" ? value : `values such as "${value}"`;
}
function compareSets(name, base, head) {
  if (base === void 0 && head === void 0) return {};
  const change = `${name}: ${show(base)} \u2192 ${show(head)}`;
  const added = base === void 0 ? [] : head === void 0 ? ["any value"] : head.filter((v) => !base.includes(v));
  const removed = head === void 0 ? [] : base === void 0 ? ["any value"] : base.filter((v) => !head.includes(v));
  return {
    ...added.length > 0 ? { wider: `${change}: adds ${added.join(", ")}` } : {},
    ...removed.length > 0 ? { narrower: `${change}: drops ${removed.join(", ")}` } : {}
  };
}
function compareNumbers(name, base, head, unit = "s") {
  if (base === head) return {};
  const change = `${name}: ${base} ${unit} \u2192 ${head} ${unit}`;
  return head > base ? { wider: change } : { narrower: change };
}
function ruleShape(rule, environment) {
  const patterns = (key2) => rule[key2] === void 0 ? void 0 : list(rule[key2]);
  const claims = rule.claims ?? {};
  const claimPatterns = new Map(Object.entries(claims).map(([name, value]) => [name, list(value)]));
  return {
    issuer: list(rule.issuer ?? environment.issuer ?? GITHUB_COM_ISSUER),
    repositoryId: rule.repository_id === void 0 ? void 0 : [String(rule.repository_id)],
    repository: rule.repository_id === void 0 ? patterns("repository") : void 0,
    ownerId: rule.owner_id === void 0 ? void 0 : [String(rule.owner_id)],
    ref: patterns("ref"),
    refType: patterns("ref_type"),
    environment: patterns("environment"),
    workflow: patterns("workflow"),
    event: patterns("event"),
    runner: patterns("runner"),
    claims: claimPatterns,
    scopes: list(rule.scopes ?? environment.scopes),
    maxTtl: seconds(rule.max_ttl) ?? environmentMaxTtl(environment)
  };
}
var seconds = (value) => value === void 0 ? void 0 : parseDuration(value);
var environmentMaxTtl = (environment) => seconds(environment.max_ttl) ?? seconds(environment.ttl) ?? defaultTtlSeconds(environment.kind);
function compareEvents(budget, base, head) {
  const untrusted = (events) => (events ?? []).filter((event) => UNTRUSTED_CODE_EVENTS.has(event));
  const trusted = (events) => events?.filter((event) => !UNTRUSTED_CODE_EVENTS.has(event));
  const named = compareSets("event (pull-request-code events, named)", untrusted(base), untrusted(head));
  return [comparePatterns(budget, "event", trusted(base), trusted(head)), named];
}
function compareRules(budget, base, baseEnvironment, head, headEnvironment) {
  const b = ruleShape(base, baseEnvironment);
  const h = ruleShape(head, headEnvironment);
  const directions = [compareSets("issuer", b.issuer, h.issuer)];
  if (b.repositoryId === void 0 !== (h.repositoryId === void 0)) {
    const by = (shape) => shape.repositoryId ? `id ${shape.repositoryId[0]}` : `name ${show(shape.repository)}`;
    const reason = `repository: by ${by(b)} \u2192 by ${by(h)}: neither contains the other (an id survives renames; a name admits a re-created namesake)`;
    directions.push({ wider: reason, narrower: reason });
  } else {
    directions.push(compareSets("repository_id", b.repositoryId, h.repositoryId));
    directions.push(comparePatterns(budget, "repository", b.repository, h.repository, { caseInsensitive: true }));
  }
  directions.push(compareSets("owner_id", b.ownerId, h.ownerId));
  directions.push(comparePatterns(budget, "ref", b.ref, h.ref));
  directions.push(compareSets("ref_type", b.refType, h.refType));
  directions.push(comparePatterns(budget, "environment", b.environment, h.environment, { caseInsensitive: true }));
  directions.push(comparePatterns(budget, "workflow", b.workflow, h.workflow, { atIsLiteral: true }));
  directions.push(...compareEvents(budget, b.event, h.event));
  directions.push(compareSets("runner", b.runner, h.runner));
  for (const claim of /* @__PURE__ */ new Set([...b.claims.keys(), ...h.claims.keys()])) {
    directions.push(comparePatterns(budget, `claims.${claim}`, b.claims.get(claim), h.claims.get(claim)));
  }
  directions.push(compareSets("scopes", b.scopes, h.scopes));
  directions.push(compareNumbers("max_ttl", b.maxTtl, h.maxTtl));
  return directions;
}
function effectOf(directions) {
  const wider = directions.flatMap((d) => d.wider ? [d.wider] : []);
  const narrower = directions.flatMap((d) => d.narrower ? [d.narrower] : []);
  const reasons = [.../* @__PURE__ */ new Set([...wider, ...narrower])];
  if (wider.length > 0 && narrower.length > 0) return { effect: "changes", reasons };
  if (wider.length > 0) return { effect: "widens", reasons };
  if (narrower.length > 0) return { effect: "narrows", reasons };
  return void 0;
}
function pairRules(base, head) {
  const uniqueNames = (rules) => {
    const positions = /* @__PURE__ */ new Map();
    const repeated = /* @__PURE__ */ new Set();
    rules.forEach((rule, index) => {
      if (typeof rule.name !== "string") return;
      if (positions.has(rule.name)) repeated.add(rule.name);
      else positions.set(rule.name, index);
    });
    for (const name of repeated) positions.delete(name);
    return positions;
  };
  const baseNames = uniqueNames(base);
  const headNames = uniqueNames(head);
  const pairs2 = [];
  const headLeft = new Set(head.map((_, index) => index));
  const baseLeft = [];
  base.forEach((rule, index) => {
    const name = typeof rule.name === "string" && baseNames.has(rule.name) ? rule.name : void 0;
    const match = name === void 0 ? -1 : headNames.get(name) ?? -1;
    if (match >= 0) {
      headLeft.delete(match);
      pairs2.push([rule, head[match], name]);
    } else baseLeft.push(index);
  });
  const rest = [...headLeft];
  baseLeft.forEach((index, n) => {
    const j = rest[n];
    const label = (rule, at) => typeof rule?.name === "string" ? rule.name : `rules[${at}]`;
    const now = j === void 0 ? void 0 : head[j];
    const before = label(base[index], index);
    const after = now === void 0 || j === void 0 ? before : label(now, j);
    pairs2.push([base[index], now, before === after ? before : `${before} (now ${after})`]);
  });
  for (const j of rest.slice(baseLeft.length)) {
    pairs2.push([void 0, head[j], typeof head[j].name === "string" ? head[j].name : `rules[${j}]`]);
  }
  return pairs2;
}
function diffPolicies(base, head, options = {}) {
  const changes = [];
  const add2 = (path2, directions, label = false) => {
    const effect = effectOf(directions);
    if (effect) changes.push({ path: path2, ...effect });
    else if (label) changes.push({ path: path2, effect: "label only", reasons: ["only its name or layout changed"] });
  };
  const b = base ?? { environments: {}, github_com: false };
  const ruleCount = (policy) => Object.values(policy.environments ?? {}).reduce(
    (sum, environment) => sum + rulesOf(environment).length,
    0
  );
  const budget = options.budget ?? diffBudget(ruleCount(b) + ruleCount(head));
  changes.push(...compareIssuerKeys(b, head), ...compareGithubApps(b, head));
  add2("github_com", [
    compareSets(
      "trusted issuers",
      b.github_com === false ? [] : [GITHUB_COM_ISSUER],
      head.github_com === false ? [] : [GITHUB_COM_ISSUER]
    )
  ]);
  const issuerNames = (policy) => list(policy.issuers?.map((item) => item.issuer));
  add2("issuers", [compareSets("trusted issuers", issuerNames(b), issuerNames(head))]);
  if (base && b.audience !== head.audience) {
    changes.push({
      path: "audience",
      effect: "changes",
      reasons: [`audience: ${show(list(b.audience))} \u2192 ${show(list(head.audience))}`]
    });
  }
  const compiledBase = base === void 0 ? void 0 : options.compiled?.base ?? compiled(base, "base");
  const compiledHead = options.compiled?.head ?? compiled(head, "head");
  const baseEnvironments = b.environments ?? {};
  const headEnvironments = head.environments ?? {};
  const lower = (record) => new Map(Object.entries(record).map(([name, env]) => [name.toLowerCase(), [name, env]]));
  const baseByName = lower(baseEnvironments);
  const headByName = lower(headEnvironments);
  for (const [key2, [name, environment]] of headByName) {
    const path2 = `environments.${name}`;
    const before = baseByName.get(key2)?.[1];
    if (!before) {
      changes.push({
        path: path2,
        effect: "widens",
        reasons: [`a new environment with ${rulesOf(environment).length} rule(s)`]
      });
      continue;
    }
    const start = changes.length;
    try {
      compareEnvironment(budget, changes, add2, path2, name, before, environment);
      const baseEnvironment = compiledBase?.environments.get(key2);
      const headEnvironment = compiledHead.environments.get(key2);
      if (baseEnvironment && headEnvironment) {
        const wider = new Set(
          changes.slice(start).filter((change) => WIDENING_EFFECTS.has(change.effect)).map((change) => change.path)
        );
        const explained = ({ head: now, base: then }) => then === void 0 && wider.has(path2) || [...wider].some((changed) => {
          const names = (label) => changed.includes(JSON.stringify(label).slice(1, -1));
          return changed.startsWith(`${path2}.rules[`) && names(now.rule) && (then === void 0 || names(then.rule));
        });
        const widenings = firstMatchWidenings(baseEnvironment, headEnvironment, {
          budget,
          accept: (widening) => !explained(widening)
        });
        if (widenings.length > 0) {
          changes.push({ path: `${path2}.rules`, effect: "widens", reasons: widenings.map(describeWidening) });
        }
      }
    } catch (error) {
      if (!(error instanceof WorkBudgetExceeded)) throw error;
      changes.splice(start);
      changes.push({
        path: path2,
        effect: "undecided",
        reasons: [
          `not decided: ${error.message}, so it counts as widening; review this environment's rules by hand (patterns with many wildcards make the comparison exponential)`
        ]
      });
    }
  }
  for (const [key2, [name]] of baseByName) {
    if (!headByName.has(key2))
      changes.push({ path: `environments.${name}`, effect: "narrows", reasons: ["the environment is removed"] });
  }
  return { changes, widens: changes.some((change) => WIDENING_EFFECTS.has(change.effect)) };
}
function compiled(value, side) {
  const result2 = compilePolicyValue(value);
  if (!result2.ok) throw new Error(`the ${side} policy is not valid: check it before comparing`);
  return result2.policy;
}
function compareEnvironment(budget, changes, add2, path2, name, before, environment) {
  const dpop = (env) => env.dpop === "required" ? "required" : "optional";
  const narrowing = (env) => env.narrowing === "allowed" ? "allowed" : "denied";
  const kind = (env) => String(env.kind ?? "access");
  if (kind(before) !== kind(environment)) {
    const reason = `kind: ${kind(before)} \u2192 ${kind(environment)}: another kind of credential for the jobs its rules admit`;
    changes.push({ path: path2, effect: "changes", reasons: [reason] });
  } else if (kind(environment) === "oidc") {
    add2(path2, compareOidcEnvironments(oidcSettingsOf(name, before), oidcSettingsOf(name, environment)));
  } else if (kind(environment) === "github") {
    add2(path2, compareGithubEnvironments(githubSettingsOf(before), githubSettingsOf(environment)));
  }
  add2(path2, [
    compareSets("scopes", list(before.scopes), list(environment.scopes)),
    compareNumbers("max_ttl", environmentMaxTtl(before), environmentMaxTtl(environment)),
    dpop(before) === dpop(environment) ? {} : dpop(environment) === "optional" ? { wider: "dpop: required \u2192 optional: bearer tokens again" } : { narrower: "dpop: optional \u2192 required" },
    narrowing(before) === narrowing(environment) ? {} : narrowing(environment) === "allowed" ? { wider: "narrowing: denied \u2192 allowed: holders may mint narrower tokens for sub-tasks" } : { narrower: "narrowing: allowed \u2192 denied: holders can no longer mint tokens for sub-tasks" },
    before.audience === environment.audience || kind(environment) === "oidc" ? {} : {
      wider: `audience: ${show(list(before.audience ?? name))} \u2192 ${show(list(environment.audience ?? name))}: tokens for another service`,
      narrower: `audience: the old service no longer gets tokens`
    }
  ]);
  for (const [old, now, label] of pairRules(rulesOf(before), rulesOf(environment))) {
    const rulePath = `${path2}.rules[${JSON.stringify(label)}]`;
    if (!old) changes.push({ path: rulePath, effect: "widens", reasons: ["a new rule"] });
    else if (!now) changes.push({ path: rulePath, effect: "narrows", reasons: ["the rule is removed"] });
    else if (JSON.stringify(old) !== JSON.stringify(now) || before.issuer !== environment.issuer) {
      add2(rulePath, compareRules(budget, old, before, now, environment), true);
    }
  }
}
function compareOidcEnvironments(before, after) {
  const trust2 = (what, then, now) => then === now ? {} : {
    wider: `${what}: ${then} \u2192 ${now}: whoever trusts the new value now gets these tokens`,
    narrower: `${what}: the relying party that trusts ${JSON.stringify(then)} stops accepting them (its trust breaks until it is updated)`
  };
  return [
    trust2("audience", before.audience, after.audience),
    trust2("subject", before.subject, after.subject),
    before.algorithm === after.algorithm ? {} : {
      wider: `algorithm: ${before.algorithm} \u2192 ${after.algorithm}`,
      narrower: `algorithm: a relying party that accepts only ${before.algorithm} (Microsoft Entra: RS256) refuses the new tokens`
    },
    compareSets("aws_session_tags", [...before.awsSessionTags], [...after.awsSessionTags])
  ];
}
function compareGithubEnvironments(before, after) {
  const directions = [];
  if (before.app !== after.app || before.owner.toLowerCase() !== after.owner.toLowerCase()) {
    const reason = `app and owner: ${before.app} on ${before.owner} \u2192 ${after.app} on ${after.owner}: tokens of another installation`;
    directions.push({ wider: reason, narrower: reason });
  }
  const lower = (names) => names.map((name) => name.toLowerCase());
  directions.push(compareSets("repositories", lower(before.repositories), lower(after.repositories)));
  for (const name of /* @__PURE__ */ new Set([...before.permissions.keys(), ...after.permissions.keys()])) {
    const then = before.permissions.get(name);
    const now = after.permissions.get(name);
    if (then === now) continue;
    const change = `permissions.${name}: ${then ?? "(none)"} \u2192 ${now ?? "(none)"}`;
    const rank = (level) => level === void 0 ? -1 : ["read", "write", "admin"].indexOf(level);
    directions.push(rank(now) > rank(then) ? { wider: change } : { narrower: change });
  }
  return directions;
}
function compareGithubApps(base, head) {
  const apps = (policy) => new Map(Object.entries(policy.github_apps ?? {}));
  const before = apps(base);
  const changes = [];
  for (const [name, now] of apps(head)) {
    const then = before.get(name);
    if (!then) continue;
    const describe2 = (app) => `${app.client_id !== void 0 ? `client_id ${app.client_id}` : `app_id ${app.app_id}`} at ${String(app.api_url ?? "https://api.github.com")}`;
    if (describe2(then) !== describe2(now)) {
      changes.push({
        path: `github_apps.${name}`,
        effect: "widens",
        reasons: [`${describe2(then)} \u2192 ${describe2(now)}: its environments' tokens now come from another app or API`]
      });
    }
  }
  return changes;
}
var CLAIM_ORDER = [
  "iss",
  "repository_id",
  "repository",
  "repository_owner_id",
  "ref",
  "ref_type",
  "environment",
  "job_workflow_ref",
  "event_name",
  "runner_environment"
];
function describeWidening({ claims, scopes, head, base }) {
  const order = (claim) => {
    const at = CLAIM_ORDER.indexOf(claim);
    return at < 0 ? CLAIM_ORDER.length : at;
  };
  const who = Object.entries(claims).sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : 1)).filter(([claim, value]) => !(claim === "iss" && value === GITHUB_COM_ISSUER)).map(([claim, value]) => `${claim}=${JSON.stringify(value)}`).join(", ");
  const now = `up to ${head.ttl} s under ${JSON.stringify(head.rule)}`;
  const then = base ? `up to ${base.ttl} s under ${JSON.stringify(base.rule)}` : "refused";
  const asking = scopes.length > 0 ? `asking for ${scopes.join(" ")}` : "asking for a token";
  return `first match: a job with ${who || "any claims"} ${asking} now gets ${now} (before: ${then})`;
}
function compareIssuerKeys(base, head) {
  const sources = (policy) => {
    const map2 = /* @__PURE__ */ new Map();
    for (const item of policy.issuers ?? []) {
      const issuer = String(item.issuer);
      const jwks = item.jwks;
      map2.set(
        issuer,
        jwks?.keys ? {
          keys: new Map(
            jwks.keys.map((key2) => [String(key2.kid), JSON.stringify([key2.kty, key2.n, key2.e, key2.alg])])
          )
        } : { uri: jwksUriOf({ issuer, jwksUri: item.jwks_uri === void 0 ? void 0 : String(item.jwks_uri) }) }
      );
    }
    return map2;
  };
  const before = sources(base);
  const changes = [];
  for (const [issuer, now] of sources(head)) {
    const then = before.get(issuer);
    if (!then) continue;
    const path2 = `issuers[${JSON.stringify(issuer)}]`;
    const consequence = "whoever holds the new keys can sign tokens that every rule trusting this issuer accepts";
    if ("uri" in then && "uri" in now) {
      if (then.uri !== now.uri) {
        changes.push({
          path: path2,
          effect: "widens",
          reasons: [`keys now fetched from ${now.uri} (was ${then.uri}): ${consequence}`]
        });
      }
    } else if ("keys" in then && "keys" in now) {
      const added = [...now.keys].filter(([kid, key2]) => then.keys.get(kid) !== key2).map(([kid]) => kid);
      const removed = [...then.keys].filter(([kid, key2]) => now.keys.get(kid) !== key2).map(([kid]) => kid);
      const reasons = [
        ...added.length > 0 ? [`inline keys added or replaced: ${added.join(", ")}: ${consequence}`] : [],
        ...removed.length > 0 ? [`inline keys removed or replaced: ${removed.join(", ")}`] : []
      ];
      if (reasons.length > 0) changes.push({ path: path2, effect: added.length > 0 ? "widens" : "narrows", reasons });
    } else {
      const describe2 = (source) => "uri" in source ? `fetched from ${source.uri}` : "inline keys";
      changes.push({ path: path2, effect: "widens", reasons: [`keys: ${describe2(then)} \u2192 ${describe2(now)}: ${consequence}`] });
    }
  }
  return changes;
}

// cli/policy-diff.ts
function comparePolicyTexts(base, head) {
  const after = head.compiled ?? compilePolicy(head.text);
  if (!after.ok) {
    throw new CliError(
      `the head policy ${head.name} is invalid (run \`downscope policy check ${head.name}\`):
${after.problems.map(formatProblem).map(shown).join("\n")}`,
      1
    );
  }
  const before = base.text === void 0 ? void 0 : compilePolicy(base.text);
  const notes = before === void 0 ? [`there is no base policy ${base.name}: comparing with no policy`] : before.ok ? [] : [
    `the base policy ${base.name} is invalid (${before.problems.length} problem${before.problems.length === 1 ? "" : "s"}, first: ${before.problems.slice(0, 1).map(formatProblem).join("")}): comparing with no policy`
  ];
  const diff = diffPolicies(
    before?.ok ? before.value : void 0,
    after.value,
    { compiled: { base: before?.ok ? before.policy : void 0, head: after.policy } }
  );
  return { diff, notes };
}
function policyDiff(io, baseFile, headFile, options) {
  const headText = readInput(io, headFile, "the head policy");
  const { diff, notes } = comparePolicyTexts(
    { name: baseFile, text: readInput(io, baseFile, "the base policy") },
    { name: headFile, text: headText }
  );
  if (options.json) io.out(JSON.stringify({ base: baseFile, head: headFile, notes, ...diff }, null, 2));
  else if (options.markdown) io.out(diffMarkdown(diff, notes));
  else for (const line of diffText(diff, notes, painter(io))) io.out(line);
  return options.failOnWidening && diff.widens ? 1 : 0;
}
function diffText(diff, notes, paint = (_, text) => text) {
  const lines = notes.map((note) => paint("yellow", `note: ${shown(note)}`));
  for (const change of diff.changes) {
    const color = WIDENING_EFFECTS.has(change.effect) ? "red" : "green";
    lines.push(`${paint(color, change.effect.toUpperCase().padEnd(10))} ${paint("bold", shown(change.path))}`);
    for (const reason of change.reasons) lines.push(`           ${shown(reason)}`);
  }
  lines.push(diffSummary(diff));
  return lines;
}
function diffSummary(diff) {
  if (diff.changes.length === 0) return "No change to what the policy grants.";
  const count = (effect) => diff.changes.filter((change) => change.effect === effect).length;
  const undecided = count("undecided");
  return `${diff.changes.length} change${diff.changes.length === 1 ? "" : "s"}: ${count("widens")} widen, ${count("narrows")} narrow, ${count("changes")} both, ${count("label only")} label only${undecided > 0 ? `, ${undecided} undecided (counted as widening)` : ""}.`;
}
var markdownText = (text) => shown(text).replace(/[\\`*_{}[\]<>|#!~&]/g, (ch) => `\\${ch}`).replace(/@(?=[A-Za-z0-9])/g, "@\u200B").replaceAll("://", ":\u200B//").replace(/\b(www)\./gi, "$1\u200B.");
function diffMarkdown(diff, notes, maxLength = Number.POSITIVE_INFINITY) {
  const icon = {
    widens: "\u{1F513} widens",
    narrows: "\u{1F512} narrows",
    changes: "\u26A0\uFE0F changes",
    "label only": "\u{1F3F7}\uFE0F label only",
    undecided: "\u2753 undecided"
  };
  const lines = ["### downscope policy diff", "", diffSummary(diff), ""];
  for (const note of notes) lines.push(`> ${markdownText(note)}`, "");
  if (diff.changes.length === 0) return lines.join("\n");
  lines.push("| effect | where | why |", "|---|---|---|");
  const rank = { widens: 0, undecided: 1, changes: 2, narrows: 3, "label only": 4 };
  const ordered = [...diff.changes].sort((a, b) => rank[a.effect] - rank[b.effect]);
  const rows = ordered.map(
    (change) => `| ${icon[change.effect]} | ${markdownText(change.path)} | ${change.reasons.map(markdownText).join("<br>")} |`
  );
  const omitted = (n) => `

\u2026 and ${n} more change${n === 1 ? "" : "s"} not shown here: run \`downscope policy diff\` for all of them.`;
  const whole = [...lines, ...rows].join("\n");
  if (whole.length <= maxLength) return whole;
  let length = lines.join("\n").length + omitted(999999).length;
  let kept = 0;
  while (kept < rows.length && length + 1 + rows[kept].length <= maxLength) length += 1 + rows[kept++].length;
  return [...lines, ...rows.slice(0, kept)].join("\n") + omitted(rows.length - kept);
}

// policy/claims.ts
var REQUIRED_STRING_CLAIMS = ["jti", "repository", "repository_id", "repository_owner_id"];
var OPTIONAL_STRING_CLAIMS = [
  "sub",
  "ref",
  "ref_type",
  "sha",
  "environment",
  "job_workflow_ref",
  "workflow_ref",
  "event_name",
  "runner_environment",
  "run_id",
  "run_attempt",
  "actor",
  "actor_id",
  "repository_owner"
];
var DIGITS = /^[0-9]{1,20}$/;
function subjectClaimsAcceptable(claims) {
  for (const name of REQUIRED_STRING_CLAIMS) {
    if (typeof claims[name] !== "string" || claims[name] === "") return false;
  }
  for (const name of OPTIONAL_STRING_CLAIMS) {
    if (claims[name] !== void 0 && typeof claims[name] !== "string") return false;
  }
  return DIGITS.test(claims.repository_id) && DIGITS.test(claims.repository_owner_id) && /^[^/]+\/[^/]+$/.test(claims.repository);
}

// policy/evaluate.ts
function findEnvironment(policy, name) {
  return policy.environments.get(asciiLower(name));
}
function evaluateRule(rule, claims) {
  const conditions = rule.conditions.map((condition) => condition.test(claims));
  return { rule, matched: conditions.every((result2) => result2.held), conditions };
}
function evaluatePolicy(policy, claims, request) {
  const target = request.environment ?? (typeof claims.environment === "string" ? claims.environment : void 0);
  let environment;
  if (target !== void 0) {
    environment = findEnvironment(policy, target);
    if (!environment) return refuse("invalid_target", "unknown_environment");
  } else if (request.resources?.length === 1) {
    const named = [...policy.environments.values()].filter(
      (candidate) => candidate.audience === request.resources?.[0]
    );
    if (named.length !== 1)
      return refuse("invalid_target", named.length === 0 ? "unknown_resource" : "ambiguous_resource");
    environment = named[0];
  }
  if (!environment) return refuse("invalid_target", request.resources ? "multiple_targets" : "no_target");
  const { github } = environment;
  let repositories;
  if (github) {
    if (request.audience !== void 0) return refuse("invalid_target", "audience_mismatch", { environment });
    const named = (request.resources ?? []).map((resource) => repositoryOfResource(github, resource));
    if (named.some((name) => name === void 0)) {
      return refuse("invalid_target", "repository_not_in_environment", { environment });
    }
    repositories = named.length > 0 ? [...new Set(named)] : github.repositories;
  } else {
    if (request.audience !== void 0 && request.audience !== environment.audience) {
      return refuse("invalid_target", "audience_mismatch", { environment });
    }
    if ((request.resources?.length ?? 0) > 1) return refuse("invalid_target", "multiple_targets", { environment });
    if (request.resources !== void 0 && request.resources[0] !== environment.audience) {
      return refuse("invalid_target", "resource_mismatch", { environment });
    }
  }
  const evaluations = environment.index.covering(claims).map((rule2) => evaluateRule(rule2, claims));
  const matching = evaluations.filter((evaluation) => evaluation.matched).map((evaluation) => evaluation.rule);
  if (matching.length === 0) {
    return refuse("invalid_target", "no_rule_matched", {
      environment,
      evaluations,
      denial: denial(environment, claims, evaluations)
    });
  }
  const requested = request.scopes ? [...new Set(request.scopes)] : environment.defaultScopes;
  const outside = requested.filter((scope) => !environment.scopes.includes(scope));
  if (outside.length > 0) {
    return refuse("invalid_scope", "scope_not_in_environment", { environment, evaluations, refusedScopes: outside });
  }
  const allowedBy = (rule2) => rule2.scopes ?? environment.scopes;
  const rule = matching.find((candidate) => requested.every((scope) => allowedBy(candidate).includes(scope)));
  if (!rule) {
    const anywhere = new Set(matching.flatMap(allowedBy));
    let refused = requested.filter((scope) => !anywhere.has(scope));
    if (refused.length === 0) refused = requested.filter((scope) => !allowedBy(matching[0]).includes(scope));
    return refuse("invalid_scope", "scope_not_allowed_by_rule", { environment, evaluations, refusedScopes: refused });
  }
  const ceiling = Math.min(rule.maxTtl ?? environment.maxTtl, environment.maxTtl, HARD_MAX_TTL_SECONDS);
  const ttl = Math.min(request.ttl ?? environment.ttl, ceiling);
  return {
    allowed: true,
    environment,
    rule,
    scopes: requested,
    ttl,
    ...repositories ? { repositories } : {},
    evaluations
  };
}
function refuse(error, reason, details = {}) {
  return { allowed: false, error, reason, evaluations: [], ...details };
}
function denial(environment, claims, evaluations) {
  const asString = (value) => typeof value === "string" ? value : null;
  return {
    environment: environment.name,
    issuer: asString(claims.iss),
    repository: asString(claims.repository),
    repository_id: asString(claims.repository_id),
    covered: evaluations.length > 0,
    rules: evaluations.map(({ rule, conditions }) => ({
      rule: rule.label,
      failed: conditions.filter((result2) => !result2.held).map(({ held: _held, ...rest }) => rest)
    }))
  };
}

// protocol/compact-jwt.ts
var BASE64URL = /^[A-Za-z0-9_-]+$/;
function decodeCompactJwt(token) {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return void 0;
  const header = decodeJsonObject(parts[0]);
  const payload = decodeJsonObject(parts[1]);
  if (!header || !payload) return void 0;
  return { header, payload };
}
function base64UrlDecode(part) {
  if (part.length % 4 === 1) return void 0;
  let binary2;
  try {
    binary2 = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return void 0;
  }
  const bytes = new Uint8Array(binary2.length);
  for (let i = 0; i < binary2.length; i++) bytes[i] = binary2.charCodeAt(i);
  return bytes;
}
function decodeJsonObject(part) {
  const bytes = base64UrlDecode(part);
  if (!bytes) return void 0;
  try {
    const value = JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
  } catch {
    return void 0;
  }
}

// cli/claims-input.ts
var COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
function readClaimsInput(io, path2) {
  if (COMPACT_JWT.test(path2) && path2.length > 64) {
    throw new CliError(
      "--claims takes a file holding the claims or a token, or - for standard input, and was given what looks like a token itself; pipe it instead (\u2026 | downscope policy explain POLICY --claims -): a token on the command line is visible to every process on the machine"
    );
  }
  return parseClaimsInput(readInput(io, path2, "the claims"), path2 === "-" ? "standard input" : path2);
}
function parseClaimsInput(text, source) {
  const trimmed = text.trim();
  if (COMPACT_JWT.test(trimmed)) {
    const decoded = decodeCompactJwt(trimmed.endsWith(".") ? `${trimmed}AA` : trimmed);
    if (!decoded) throw new CliError(`${source} looks like a JWT but does not decode`);
    return { claims: withIssuer({ ...decoded.payload }), fromToken: true };
  }
  let value;
  try {
    value = JSON.parse(trimmed);
  } catch {
    throw new CliError(`${source} is neither a JSON object of claims nor a JWT`);
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new CliError(`${source} must be a JSON object of claims`);
  }
  return { claims: withIssuer(value), fromToken: false };
}
function withIssuer(claims) {
  return claims.iss === void 0 ? { ...claims, iss: GITHUB_COM_ISSUER } : claims;
}

// cli/request-options.ts
function accessRequest(options, where) {
  const request = {};
  if (options.environment !== void 0) {
    if (typeof options.environment !== "string" || options.environment === "") {
      throw new CliError(`${where}: environment must be a name`);
    }
    request.environment = options.environment;
  }
  if (options.scope !== void 0) {
    const scopes = Array.isArray(options.scope) ? options.scope : typeof options.scope === "string" ? options.scope.split(/\s+/) : void 0;
    if (!scopes?.every((scope) => typeof scope === "string" && scope !== "")) {
      throw new CliError(`${where}: scope must be space-separated scopes or a list`);
    }
    request.scopes = scopes;
  }
  if (options.ttl !== void 0) {
    const seconds2 = parseDuration(options.ttl);
    if (seconds2 === void 0 || seconds2 > HARD_MAX_TTL_SECONDS) {
      throw new CliError(`${where}: ttl must be a duration up to 1h, such as "10m" or 600`);
    }
    request.ttl = seconds2;
  }
  return request;
}

// cli/policy-explain.ts
function loadPolicy(io, file) {
  const result2 = compilePolicy(readInput(io, file, "the policy"));
  if (!result2.ok) {
    throw new CliError(
      `${file} is not a valid policy (run \`downscope policy check ${file}\`):
${result2.problems.map(formatProblem).join("\n")}`,
      1
    );
  }
  return result2.policy;
}
function explainRules(policy, claims, request) {
  const target = request.environment ?? (typeof claims.environment === "string" ? claims.environment : void 0);
  const environment = target === void 0 ? void 0 : findEnvironment(policy, target);
  if (!environment) return [];
  const covering = new Set(environment.index.covering(claims));
  return Array.from({ length: environment.ruleCount }, (_, position) => environment.rule(position)).map((rule) => ({
    ...evaluateRule(rule, claims),
    covers: covering.has(rule)
  }));
}
function describeDecision(decision) {
  if (decision.allowed) {
    const what = decision.environment.oidc ? "an OIDC token" : decision.environment.github ? `a GitHub token with ${decision.scopes.join(" ")} for ${decision.repositories?.join(", ")}` : `scopes ${decision.scopes.join(" ") || "(none)"}`;
    return `ALLOW by rule "${decision.rule.label}": ${what}, lifetime ${formatDuration(decision.ttl)} (${decision.ttl} s)`;
  }
  const refused = decision.refusedScopes ? ` (refused: ${decision.refusedScopes.join(" ")})` : "";
  return `DENY ${decision.error} (${decision.reason})${refused}`;
}
function policyExplain(io, file, options) {
  const policy = loadPolicy(io, file);
  const input = readClaimsInput(io, options.claims);
  const request = accessRequest(options, "option");
  const decision = evaluatePolicy(policy, input.claims, request);
  const rules = explainRules(policy, input.claims, request);
  const acceptable = subjectClaimsAcceptable(input.claims);
  const notes = [
    ...input.fromToken ? [
      "The claims come from a JWT that was decoded, not verified: its signature, issuer, audience and times were not checked."
    ] : [],
    ...acceptable ? [] : [
      "The service would refuse these claims before any rule: jti, repository, repository_id and repository_owner_id must be strings (ids as digits), and the other claims it reads strings when present."
    ]
  ];
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          decision: decision.allowed ? {
            allowed: true,
            environment: decision.environment.name,
            kind: decision.environment.kind,
            rule: decision.rule.label,
            ttl: decision.ttl,
            ...decision.environment.oidc ? {
              audience: decision.environment.audience,
              subject: decision.environment.oidc.subject,
              algorithm: decision.environment.oidc.algorithm,
              aws_session_tags: decision.environment.oidc.awsSessionTags
            } : {
              scopes: decision.scopes,
              dpop: decision.environment.dpop,
              narrowing: decision.environment.narrowing
            }
          } : {
            allowed: false,
            error: decision.error,
            reason: decision.reason,
            ...decision.refusedScopes ? { refused_scopes: decision.refusedScopes } : {}
          },
          rules: rules.map((rule) => ({
            rule: rule.rule.label,
            covers: rule.covers,
            matched: rule.matched,
            conditions: rule.conditions
          })),
          notes
        },
        null,
        2
      )
    );
    return decision.allowed ? 0 : 1;
  }
  const paint = painter(io);
  const target = request.environment ?? input.claims.environment;
  io.out(
    shown(
      `Policy ${file}, environment ${target === void 0 ? "(none requested, and the claims name none)" : `"${String(target)}"`}${request.environment ? " (from --environment)" : " (from the claims)"}, issuer ${String(input.claims.iss)}`
    )
  );
  for (const note of notes) io.out(paint("yellow", `note: ${note}`));
  const covering = rules.filter((rule) => rule.covers);
  if (rules.length > 0 && covering.length === 0)
    io.out(
      paint(
        "dim",
        "No rule of this environment concerns this repository of this issuer (by repository_id, name or owner_id)."
      )
    );
  for (const rule of covering) {
    io.out("");
    io.out(
      `${rule.matched ? paint("green", "\u2713") : paint("red", "\u2717")} rule ${rule.rule.position + 1} "${shown(rule.rule.label)}" ${rule.matched ? "matches" : "does not match"}`
    );
    const width = Math.max(...rule.conditions.map((condition) => condition.condition.length));
    for (const condition of rule.conditions) io.out(`    ${conditionLine(condition, width, paint)}`);
  }
  const others = rules.length - covering.length;
  if (others > 0)
    io.out(
      paint(
        "dim",
        `(${others} other rule${others === 1 ? "" : "s"} of this environment concern${others === 1 ? "s" : ""} other repositories)`
      )
    );
  io.out("");
  io.out(
    `Decision: ${decision.allowed ? paint("green", describeDecision(decision)) : paint("red", describeDecision(decision))}`
  );
  if (decision.allowed && decision.environment.github) {
    const { app, owner } = decision.environment.github;
    io.out(
      `The token: a GitHub App installation token of app "${app.name}" on ${owner}, for GitHub's hour; the action's post step revokes it`
    );
  } else if (decision.allowed && decision.environment.oidc) {
    const { audience, oidc } = decision.environment;
    io.out(`The token: ${describeOidcToken({ audience, ...oidc })}; not revocable (no cloud asks downscope)`);
  } else if (decision.allowed) {
    const { dpop, narrowing } = decision.environment;
    io.out(
      `The token: DPoP ${dpop}; narrowing ${narrowing} (${narrowing === "allowed" ? "its holder may exchange it for a narrower token for a sub-task" : "it cannot be exchanged for a narrower token"})`
    );
  }
  return decision.allowed ? 0 : 1;
}
function conditionLine(condition, width, paint) {
  const mark = condition.held ? paint("green", "\u2713") : paint("red", "\u2717");
  const expected = condition.expected.length > 0 ? condition.expected.join(" | ") : "(no condition)";
  const line = `${mark} ${shown(condition.condition.padEnd(width))}  expected ${shown(expected)}  actual ${shown(condition.actual ?? "(absent)")}`;
  return condition.note ? `${line}
      ${paint("yellow", condition.note)}` : line;
}

// policy/report.ts
var list2 = (value) => value === void 0 || value === null ? [] : (Array.isArray(value) ? value : [value]).map(String);
function issuerKeySources(policy) {
  const sources = /* @__PURE__ */ new Map([
    [GITHUB_COM_ISSUER, `keys from ${jwksUriOf({ issuer: GITHUB_COM_ISSUER })}`]
  ]);
  for (const item of Array.isArray(policy.issuers) ? policy.issuers : []) {
    const issuer = String(item.issuer);
    const keys = item.jwks?.keys;
    sources.set(
      issuer,
      keys ? `inline keys ${keys.map((key2) => String(key2.kid)).join(", ")}` : `keys from ${jwksUriOf({ issuer, jwksUri: item.jwks_uri === void 0 ? void 0 : String(item.jwks_uri) })}`
    );
  }
  return sources;
}
function reportPolicy(policy, warnings) {
  const keySources = issuerKeySources(policy);
  const under = (path2) => warnings.filter((warning) => warning.path === path2 || warning.path.startsWith(`${path2}.`)).map((warning) => `${warning.path.slice(path2.length).replace(/^\./, "") || "(rule)"}: ${warning.message}`);
  return Object.entries(policy.environments ?? {}).map(([name, environment]) => {
    const path2 = `environments.${name}`;
    const oidc = environment.kind === "oidc" ? oidcSettingsOf(name, environment) : void 0;
    const github = environment.kind === "github" ? githubSettingsOf(environment) : void 0;
    const maxTtl = parseDuration(environment.max_ttl) ?? parseDuration(environment.ttl) ?? defaultTtlSeconds(environment.kind);
    const rules = Array.isArray(environment.rules) ? environment.rules : [];
    return {
      environment: name,
      audience: String(environment.audience ?? name),
      warnings: warnings.filter((warning) => warning.path === path2 || warning.path === `${path2}.audience`).map((warning) => warning.message),
      rules: rules.map((rule, index) => {
        const admits = {
          issuer: list2(rule.issuer ?? environment.issuer ?? GITHUB_COM_ISSUER).map(
            (issuer) => `${issuer} (${keySources.get(issuer) ?? "not trusted"})`
          ),
          repository: rule.repository_id !== void 0 ? [`id ${rule.repository_id}${rule.repository ? ` (${rule.repository})` : ""}`] : rule.repository !== void 0 ? [`name ${rule.repository} (any repository of that name, present or future)`] : [`any repository of owner id ${rule.owner_id}`]
        };
        const condition = (label, value, absent) => {
          admits[label] = value === void 0 ? [absent] : list2(value);
        };
        condition("ref", rule.ref, "any ref");
        condition("ref_type", rule.ref_type, "branch or tag");
        condition("environment", rule.environment, "any GitHub environment, or none");
        condition("workflow", rule.workflow, "any workflow");
        condition("event", rule.event, "any event but pull_request_target, workflow_run, issue_comment");
        condition("runner", rule.runner, "GitHub-hosted or self-hosted");
        if (rule.owner_id !== void 0 && (rule.repository_id !== void 0 || rule.repository !== void 0)) {
          admits.owner_id = [String(rule.owner_id)];
        }
        for (const [claim, value] of Object.entries(rule.claims ?? {}))
          admits[`claims.${claim}`] = list2(value);
        const ruleMaxTtl = parseDuration(rule.max_ttl) ?? maxTtl;
        return {
          rule: typeof rule.name === "string" ? rule.name : `rules[${index}]`,
          admits,
          grants: {
            scopes: list2(rule.scopes ?? environment.scopes),
            max_ttl: formatDuration(Math.min(ruleMaxTtl, maxTtl)),
            dpop: environment.dpop === "required" ? "required" : "optional",
            narrowing: environment.narrowing === "allowed" ? "allowed" : "denied",
            ...oidc ? { token: describeOidcToken(oidc) } : {},
            ...github ? { token: describeGithubToken(github) } : {}
          },
          warnings: under(`${path2}.rules[${index}]`)
        };
      })
    };
  });
}

// cli/policy-report.ts
function policyReport(io, file, options) {
  const result2 = compilePolicy(readInput(io, file, "the policy"));
  if (!result2.ok) {
    throw new CliError(
      `${file} is not a valid policy (run \`downscope policy check ${file}\`):
${result2.problems.map(formatProblem).map(shown).join("\n")}`,
      1
    );
  }
  const report = reportPolicy(result2.value, result2.warnings);
  if (options.json) {
    io.out(JSON.stringify({ file, environments: report }, null, 2));
    return 0;
  }
  const paint = painter(io);
  for (const environment of report) {
    io.out(paint("bold", shown(`Environment "${environment.environment}" (tokens for ${environment.audience})`)));
    for (const warning of environment.warnings) io.out(paint("yellow", `  warning: ${shown(warning)}`));
    for (const rule of environment.rules) {
      io.out(`  rule "${shown(rule.rule)}" admits:`);
      const width = Math.max(...Object.keys(rule.admits).map((key2) => key2.length));
      for (const [key2, values] of Object.entries(rule.admits))
        io.out(`    ${key2.padEnd(width)}  ${shown(values.join(" | "))}`);
      io.out(
        rule.grants.token ? `    and grants ${shown(rule.grants.token)}, for at most ${rule.grants.max_ttl}` : `    and grants ${shown(rule.grants.scopes.join(" ") || "(no scope)")}, for at most ${rule.grants.max_ttl}, DPoP ${rule.grants.dpop}, narrowing ${rule.grants.narrowing}`
      );
      for (const warning of rule.warnings) io.out(paint("yellow", `    warning: ${shown(warning)}`));
    }
    io.out("");
  }
  return 0;
}

// cli/policy-test.ts
var CASE_KEYS = ["name", "claims", "request", "expect"];
var EXPECT_KEYS = ["decision", "rule", "scopes", "ttl", "error", "reason", "failed"];
var REQUEST_KEYS = ["environment", "scope", "ttl"];
function policyTest(io, file, casesFile, options, policy = loadPolicy(io, file)) {
  const cases = readCases(io, casesFile);
  const results = cases.map((testCase, index) => {
    const request = accessRequest(testCase.request, `cases[${index}].request`);
    const decision = evaluatePolicy(policy, testCase.claims, request);
    const failedConditions = explainRules(policy, testCase.claims, request).filter((rule) => rule.covers).flatMap(
      (rule) => rule.conditions.filter((condition) => !condition.held).map((condition) => condition.condition)
    );
    return { name: testCase.name, differences: compare(testCase.expect, decision, failedConditions), decision };
  });
  const failures = results.filter((result2) => result2.differences.length > 0);
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          passed: results.length - failures.length,
          failed: failures.length,
          cases: results.map(({ name, differences }) => ({ name, passed: differences.length === 0, differences }))
        },
        null,
        2
      )
    );
  } else {
    const paint = painter(io);
    for (const result2 of results) {
      io.out(`${result2.differences.length === 0 ? paint("green", "\u2713") : paint("red", "\u2717")} ${shown(result2.name)}`);
      for (const difference of result2.differences) io.out(paint("red", `    ${shown(difference)}`));
      if (result2.differences.length > 0)
        io.out(paint("dim", `    actual decision: ${shown(describeDecision(result2.decision))}`));
    }
    const line = `${results.length} case${results.length === 1 ? "" : "s"}: ${results.length - failures.length} passed, ${failures.length} failed`;
    io.out(failures.length === 0 ? paint("green", line) : paint("red", line));
  }
  return failures.length === 0 ? 0 : 1;
}
function compare(expected, decision, failedConditions) {
  const differences = [];
  const actual = decision.allowed ? "allow" : "deny";
  if (expected.decision !== actual) differences.push(`decision: expected ${expected.decision}, got ${actual}`);
  if (decision.allowed) {
    if (expected.rule !== void 0 && expected.rule !== decision.rule.label) {
      differences.push(`rule: expected "${expected.rule}", got "${decision.rule.label}"`);
    }
    if (expected.scopes !== void 0 && [...expected.scopes].sort().join(" ") !== [...decision.scopes].sort().join(" ")) {
      differences.push(
        `scopes: expected ${expected.scopes.join(" ") || "(none)"}, got ${decision.scopes.join(" ") || "(none)"}`
      );
    }
    if (expected.ttl !== void 0 && expected.ttl !== decision.ttl)
      differences.push(`ttl: expected ${expected.ttl} s, got ${decision.ttl} s`);
  } else {
    if (expected.error !== void 0 && expected.error !== decision.error)
      differences.push(`error: expected ${expected.error}, got ${decision.error}`);
    if (expected.reason !== void 0 && expected.reason !== decision.reason)
      differences.push(`reason: expected ${expected.reason}, got ${decision.reason}`);
    if (expected.failed !== void 0 && [...expected.failed].sort().join(",") !== [...new Set(failedConditions)].sort().join(",")) {
      differences.push(
        `failed conditions: expected ${expected.failed.join(", ") || "(none)"}, got ${[...new Set(failedConditions)].join(", ") || "(none)"}`
      );
    }
  }
  return differences;
}
function readCases(io, file) {
  const read = readPolicyDocument(readInput(io, file, "the test cases"));
  if (!read.ok) throw new CliError(`${file}: ${read.problems.map(formatProblem).join("; ")}`, 2);
  const top = read.document.value;
  const fail = (path2, message2) => {
    const at = read.document.locate(path2);
    throw new CliError(`${file}${at ? `:${at.line}:${at.column}` : ""}: ${path2}: ${message2}`, 2);
  };
  if (top === null || typeof top !== "object" || Array.isArray(top))
    return fail("", "must be a mapping with cases: [...]");
  for (const key2 of Object.keys(top))
    if (key2 !== "cases" && key2 !== "defaults") fail(key2, "unknown key (expected defaults, cases)");
  const defaults = top.defaults ?? {};
  for (const key2 of Object.keys(defaults))
    if (key2 !== "claims") fail(`defaults.${key2}`, "unknown key (expected claims)");
  const baseClaims = objectAt(defaults.claims ?? {}, "defaults.claims", fail);
  if (!Array.isArray(top.cases) || top.cases.length === 0) return fail("cases", "must be a non-empty list");
  return top.cases.map((raw, index) => {
    const path2 = `cases[${index}]`;
    const item = objectAt(raw, path2, fail);
    for (const key2 of Object.keys(item))
      if (!CASE_KEYS.includes(key2)) fail(`${path2}.${key2}`, `unknown key (expected ${CASE_KEYS.join(", ")})`);
    const expect = objectAt(item.expect, `${path2}.expect`, fail);
    for (const key2 of Object.keys(expect))
      if (!EXPECT_KEYS.includes(key2)) fail(`${path2}.expect.${key2}`, `unknown key (expected ${EXPECT_KEYS.join(", ")})`);
    if (expect.decision !== "allow" && expect.decision !== "deny")
      fail(`${path2}.expect.decision`, 'must be "allow" or "deny"');
    const request = objectAt(item.request ?? {}, `${path2}.request`, fail);
    for (const key2 of Object.keys(request))
      if (!REQUEST_KEYS.includes(key2))
        fail(`${path2}.request.${key2}`, `unknown key (expected ${REQUEST_KEYS.join(", ")})`);
    let ttl;
    if (expect.ttl !== void 0) ttl = parseDuration(expect.ttl) ?? fail(`${path2}.expect.ttl`, "must be a duration");
    return {
      name: typeof item.name === "string" ? item.name : `case ${index + 1}`,
      claims: withIssuer({ ...baseClaims, ...objectAt(item.claims ?? {}, `${path2}.claims`, fail) }),
      request,
      expect: { ...expect, ...ttl !== void 0 ? { ttl } : {} }
    };
  });
}
function objectAt(value, path2, fail) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return fail(path2, "must be a mapping");
  return value;
}

// cli/token-decode.ts
function tokenDecode(io, token, options) {
  const text = (token === "-" ? readInput(io, "-", "the token") : token).trim();
  const decoded = decodeCompactJwt(text);
  if (!decoded) throw new CliError("not a JWT: expected three base64url parts (header.payload.signature)", 1);
  const now = Math.floor(io.now() / 1e3);
  const exp = typeof decoded.payload.exp === "number" ? decoded.payload.exp : void 0;
  const expiry = exp === void 0 ? "no exp claim" : exp > now ? `expires in ${human(exp - now)} (${iso(exp)})` : `expired ${human(now - exp)} ago (${iso(exp)})`;
  if (options.json) {
    io.out(JSON.stringify({ verified: false, header: decoded.header, claims: decoded.payload, expiry }, null, 2));
    return 0;
  }
  const paint = painter(io);
  io.out(paint("yellow", "Decoded only: the signature was NOT verified. Do not trust these claims."));
  const block = (value) => JSON.stringify(value, null, 2).split("\n").map(shown).join("\n");
  io.out(`${paint("bold", "header")} ${block(decoded.header)}`);
  io.out(`${paint("bold", "claims")} ${block(decoded.payload)}`);
  io.out(expiry);
  return 0;
}
function iso(seconds2) {
  return new Date(seconds2 * 1e3).toISOString();
}
function human(seconds2) {
  if (seconds2 < 90) return `${seconds2} s`;
  if (seconds2 < 90 * 60) return `${Math.round(seconds2 / 60)} min`;
  if (seconds2 < 36 * 3600) return `${Math.round(seconds2 / 3600)} h`;
  return `${Math.round(seconds2 / 86400)} days`;
}

// protocol/service-url.ts
var LOOPBACK = /^(localhost|127(?:\.[0-9]{1,3}){3}|\[::1\])$/;
function parseServiceUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: "not_a_url" };
  }
  const secure = url.protocol === "https:" || url.protocol === "http:" && LOOPBACK.test(url.hostname);
  if (!secure) return { ok: false, problem: "insecure" };
  if (url.username || url.password || url.search || url.hash) return { ok: false, problem: "extras" };
  return { ok: true, url: url.href.replace(/\/+$/, "") };
}

// cli/token-narrow.ts
var TIMEOUT_MS = 3e4;
var MAX_ANSWER_BYTES = 1024 * 1024;
var COMPACT_JWT2 = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
async function tokenNarrow(io, options) {
  const service = parseServiceUrl(options.url);
  if (!service.ok) {
    throw new CliError(
      `--url must be the service's base URL, https (http only on localhost), without credentials, query or fragment; got "${shown(options.url)}"`
    );
  }
  const token = readToken(io, options);
  const scopes = options.scope === void 0 ? void 0 : options.scope.trim().split(/\s+/);
  const badScope = scopes?.find((scope) => !SCOPE_TOKEN.test(scope));
  if (badScope !== void 0)
    throw new CliError(`--scope must be space-separated scopes, and "${shown(badScope)}" is not one`);
  const ttl = options.ttl === void 0 ? void 0 : parseDuration(options.ttl);
  if (options.ttl !== void 0 && (ttl === void 0 || ttl > HARD_MAX_TTL_SECONDS)) {
    throw new CliError(`--ttl must be a duration up to 1h, such as 90s, 5m or 600; got "${shown(options.ttl)}"`);
  }
  const key2 = await loadDpopKey(io, options, true);
  const endpoint = `${service.url}/token`;
  const form = new URLSearchParams({
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token_type: "urn:ietf:params:oauth:token-type:access_token",
    subject_token: token
  });
  if (scopes) form.set("scope", scopes.join(" "));
  if (ttl !== void 0) form.set("expires_in", String(ttl));
  const headers = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json"
  };
  if (key2)
    headers.dpop = await createDpopProof(key2, { method: "POST", url: endpoint, now: Math.floor(io.now() / 1e3) });
  let response;
  try {
    response = await io.fetch(endpoint, {
      method: "POST",
      headers,
      body: form,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
  } catch (error) {
    throw new CliError(
      `${endpoint} could not be reached (${shown(error instanceof Error ? error.message : String(error))})`
    );
  }
  const text = await response.text();
  let body;
  try {
    const parsed = text.length <= MAX_ANSWER_BYTES ? JSON.parse(text) : void 0;
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed;
  } catch {
  }
  if (response.ok && typeof body?.access_token === "string") {
    io.out(options.json ? JSON.stringify(body, null, 2) : body.access_token);
    return 0;
  }
  if (!response.ok && typeof body?.error === "string") {
    const refused = Array.isArray(body.refused_scopes) ? ` (refused scopes: ${body.refused_scopes.join(" ")})` : "";
    throw new CliError(
      shown(
        `the service refused (HTTP ${response.status} ${body.error}): ${String(body.error_description ?? "")}${refused}`
      ),
      1
    );
  }
  const contentType = response.headers.get("content-type") ?? "(none)";
  const location = response.headers.get("location");
  throw new CliError(
    shown(
      `--url does not point at a downscope service: ${endpoint} answered HTTP ${response.status}, content-type ${contentType}${location ? `, Location ${location}` : ""}`
    )
  );
}
function readToken(io, options) {
  if (options.token === void 0 === (options.tokenEnv === void 0)) {
    throw new CliError("give the token to narrow with --token-env NAME (an environment variable) or --token - (stdin)");
  }
  const value = (options.tokenEnv !== void 0 ? io.env[options.tokenEnv] : readTokenArgument(io, options.token ?? ""))?.trim();
  if (!value)
    throw new CliError(
      options.tokenEnv ? `environment variable ${options.tokenEnv} is empty` : "no token on standard input"
    );
  if (value.length > 8 * 1024 || !COMPACT_JWT2.test(value))
    throw new CliError("the token to narrow is not a JWT (a downscope token)");
  return value;
}
function readTokenArgument(io, token) {
  if (token !== "-") throw new CliError("--token takes - (read the token from stdin); or use --token-env NAME");
  return io.readStdin();
}

// cli/trust/types.ts
var issuerHost = (issuer) => issuer.replace(/^https:\/\//, "");
var shellQuoted = (value) => `"${value.replace(/(["\\$`])/g, "\\$1")}"`;

// cli/trust/aws.ts
function awsTrust(environment) {
  const host = issuerHost(environment.issuer);
  const provider = { Url: environment.issuer, ClientIDList: [environment.audience] };
  const actions = [
    "sts:AssumeRoleWithWebIdentity",
    ...environment.awsSessionTags.length > 0 ? ["sts:TagSession"] : []
  ];
  const trustPolicy = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: `arn:aws:iam::ACCOUNT_ID:oidc-provider/${host}` },
        Action: actions.length === 1 ? actions[0] : actions,
        Condition: { StringEquals: { [`${host}:aud`]: environment.audience, [`${host}:sub`]: environment.subject } }
      }
    ]
  };
  const text = `# 1. The OIDC identity provider (once per AWS account; ACCOUNT_ID below is yours):
aws iam create-open-id-connect-provider --url ${shellQuoted(environment.issuer)} --client-id-list ${shellQuoted(environment.audience)}

# 2. The role's trust policy: this environment's tokens, and nothing else.
${JSON.stringify(trustPolicy, null, 2)}
${environment.awsSessionTags.length > 0 ? `
# Session tags from ${environment.awsSessionTags.join(", ")} (aws:PrincipalTag/<claim> in the role's
# permission policies); sts:TagSession lets the token pass them.
` : ""}
# 3. In the workflow (examples/workflows/aws.yml):
#   aws-actions/configure-aws-credentials with role-to-assume and
#   web-identity-token-file: \${{ steps.<downscope step>.outputs.token-file }}
`;
  return {
    text,
    json: { openid_connect_provider: provider, role_trust_policy: trustPolicy },
    limits: [
      "An OIDC provider holds at most 100 client IDs (audiences), each at most 255 characters.",
      "The issuer is compared character for character: https, no port, no query, no trailing slash.",
      "AWS accepts RS256 and ES256 tokens; it reads at most 100 RSA and 100 EC keys of the JWKS.",
      "Session tags: at most 50; values of letters, digits, spaces and _ . : / = + - @, at most 256 characters (downscope leaves out, and logs, a value outside that).",
      "A generic OIDC provider's role conditions can test only aud and sub: everything else is decided by downscope's rules."
    ]
  };
}

// cli/trust/azure.ts
var RECOMMENDED_AUDIENCE = "api://AzureADTokenExchange";
function azureTrust(environment) {
  const limits = [
    "At most 20 federated identity credentials per app registration or managed identity.",
    "Issuer and subject are compared exactly (no wildcards), each at most 600 characters; exactly one audience.",
    "Entra accepts only RS256 tokens and reads the first 100 keys of the issuer's JWKS.",
    "A new credential can take a few minutes to apply: AADSTS70021 until then."
  ];
  if (environment.algorithm !== "RS256") {
    return {
      text: "",
      json: {},
      limits,
      refusal: `environment "${environment.name}" signs with ${environment.algorithm}, and Microsoft Entra accepts only RS256 tokens (AADSTS5002738): set algorithm: RS256 on it`
    };
  }
  const name = `downscope-${environment.name}`.replace(/[^A-Za-z0-9_-]/g, "-").slice(0, 120);
  const credential = {
    name,
    issuer: environment.issuer,
    subject: environment.subject,
    audiences: [environment.audience],
    description: `downscope environment ${environment.name}`
  };
  const text = `# The federated identity credential (APPLICATION_CLIENT_ID is the app registration's):
cat > credential.json <<'JSON'
${JSON.stringify(credential, null, 2)}
JSON
az ad app federated-credential create --id APPLICATION_CLIENT_ID --parameters credential.json

# Or on a user-assigned managed identity:
az identity federated-credential create --name ${name} \\
  --identity-name IDENTITY --resource-group RESOURCE_GROUP \\
  --issuer ${shellQuoted(environment.issuer)} --subject ${shellQuoted(environment.subject)} --audiences ${shellQuoted(environment.audience)}

# In the workflow (examples/workflows/azure.yml): AZURE_FEDERATED_TOKEN_FILE set to the
# action's token-file output, with AZURE_CLIENT_ID and AZURE_TENANT_ID.
${environment.audience === RECOMMENDED_AUDIENCE ? "" : `
# Note: Microsoft recommends the audience ${RECOMMENDED_AUDIENCE}; this environment's is ${JSON.stringify(environment.audience)}.
`}`;
  return { text, json: { federated_identity_credential: credential }, limits };
}

// cli/trust/gcp.ts
var PROVIDER_NAME = /^(?:https:)?\/\/iam\.googleapis\.com\/projects\/([^/]+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/;
function gcpTrust(environment) {
  const named = PROVIDER_NAME.exec(environment.audience);
  const [project, pool, provider] = named ? named.slice(1) : ["PROJECT_NUMBER", "POOL", "PROVIDER"];
  const mapping = {
    "google.subject": "assertion.sub",
    ...Object.fromEntries(
      [...environment.contextClaims, "environment"].map((claim) => [`attribute.${claim}`, `assertion.${claim}`])
    )
  };
  const condition = `assertion.sub == ${JSON.stringify(environment.subject).replaceAll('"', "'")}`;
  const member = `principal://iam.googleapis.com/projects/${project}/locations/global/workloadIdentityPools/${pool}/subject/${environment.subject}`;
  const audiences = named ? [] : [environment.audience];
  const text = `# 1. The provider (its pool must exist: gcloud iam workload-identity-pools create ${pool} --location=global):
gcloud iam workload-identity-pools providers create-oidc ${provider} \\
  --project=${project} --location=global --workload-identity-pool=${pool} \\
  --issuer-uri=${shellQuoted(environment.issuer)} \\${audiences.length > 0 ? `
  --allowed-audiences=${shellQuoted(environment.audience)} \\` : ""}
  --attribute-mapping=${shellQuoted(
    Object.entries(mapping).map(([key2, value]) => `${key2}=${value}`).join(",")
  )} \\
  --attribute-condition=${shellQuoted(condition)}

# 2. What the principal may do, e.g. impersonate a service account:
gcloud iam service-accounts add-iam-policy-binding SERVICE_ACCOUNT_EMAIL \\
  --role=roles/iam.workloadIdentityUser \\
  --member=${shellQuoted(member)}

# 3. In the workflow (examples/workflows/gcp.yml): the action writes an external_account
#   credentials file (output gcp-credentials-file) when the audience is the provider's name${named ? "" : ";\n#   this audience is not, so the file is not written: set the environment's audience to\n#   //iam.googleapis.com/projects/N/locations/global/workloadIdentityPools/P/providers/V"}.
`;
  return {
    text,
    json: {
      workload_identity_provider: {
        name: `projects/${project}/locations/global/workloadIdentityPools/${pool}/providers/${provider}`,
        oidc: { issuerUri: environment.issuer, ...audiences.length > 0 ? { allowedAudiences: audiences } : {} },
        attributeMapping: mapping,
        attributeCondition: condition
      },
      principal: member
    },
    limits: [
      "google.subject holds at most 127 bytes (downscope's subjects are 6 to 127 ASCII characters).",
      "At most 10 allowed audiences; without any, aud must be the provider's full resource name.",
      "The attribute condition is CEL of at most 4,096 characters; at most 50 custom attributes, 8 KB mapped in all.",
      "Google accepts RS256 and ES256 tokens with a kid; exp must be less than 48 hours after iat (downscope's: at most 1 hour)."
    ]
  };
}

// cli/trust/kubernetes.ts
function kubernetesTrust(environment) {
  const username = `downscope:${environment.subject}`;
  const authenticator = {
    issuer: { url: environment.issuer, audiences: [environment.audience] },
    claimValidationRules: [{ claim: "sub", requiredValue: environment.subject }],
    claimMappings: { username: { claim: "sub", prefix: "downscope:" } }
  };
  const q = JSON.stringify;
  const text = `# 1. The API server's AuthenticationConfiguration (--authentication-config; one jwt entry per issuer):
apiVersion: apiserver.config.k8s.io/v1
kind: AuthenticationConfiguration
jwt:
  - issuer:
      url: ${q(environment.issuer)}
      audiences:
        - ${q(environment.audience)}
    claimValidationRules:
      - claim: sub
        requiredValue: ${q(environment.subject)}
    claimMappings:
      username:
        claim: sub
        prefix: "downscope:"

# 2. RBAC for the user ${q(username)}, e.g.:
#   kubectl create rolebinding ${environment.name}-deploy --clusterrole=edit --user=${q(username)} -n NAMESPACE

# 3. In the workflow (examples/workflows/kubernetes.yml), a kubeconfig user:
#   users:
#     - name: downscope
#       user:
#         tokenFile: <the action's token-file output>
`;
  return {
    text,
    json: { authentication_configuration_jwt: authenticator, username },
    limits: [
      "The API server fetches <issuer>/.well-known/openid-configuration and requires its issuer to equal url exactly.",
      "RS256 and ES256 (and other RS, ES and PS algorithms) are accepted; EdDSA is not.",
      "At most 64 jwt authenticators; each url once, and not the service-account issuer.",
      "apiserver.config.k8s.io/v1 needs Kubernetes 1.34 or later; earlier versions take v1beta1 with the same fields."
    ]
  };
}

// cli/trust/vault.ts
function vaultTrust(environment) {
  const config = {
    oidc_discovery_url: environment.issuer,
    bound_issuer: environment.issuer,
    jwt_supported_algs: [environment.algorithm]
  };
  const role = {
    role_type: "jwt",
    bound_audiences: [environment.audience],
    bound_subject: environment.subject,
    user_claim: "sub",
    claim_mappings: Object.fromEntries([...environment.contextClaims, "environment"].map((claim) => [claim, claim])),
    token_policies: ["POLICY"],
    token_ttl: "15m"
  };
  const text = `# 1. The JWT auth method, trusting downscope's discovery document:
vault auth enable jwt   # once
cat > jwt-config.json <<'JSON'
${JSON.stringify(config, null, 2)}
JSON
vault write auth/jwt/config @jwt-config.json

# 2. The role for this environment (POLICY: the Vault policies its token gets):
cat > role.json <<'JSON'
${JSON.stringify(role, null, 2)}
JSON
vault write auth/jwt/role/${environment.name} @role.json

# 3. In the workflow (examples/workflows/vault.yml):
#   vault write auth/jwt/login role=${environment.name} jwt=@<the action's token-file output>
`;
  return {
    text,
    json: { auth_jwt_config: config, auth_jwt_role: role },
    limits: [
      "jwt_supported_algs defaults to RS256: an ES256 environment must be listed there, as above.",
      "role_type must be jwt (the default, oidc, expects a browser login); a token with aud needs bound_audiences.",
      "Vault allows 150 s of leeway on exp and nbf and 60 s of clock skew."
    ]
  };
}

// cli/trust.ts
var PROVIDERS = {
  aws: awsTrust,
  gcp: gcpTrust,
  azure: azureTrust,
  vault: vaultTrust,
  kubernetes: kubernetesTrust
};
var TRUST_PROVIDERS = Object.keys(PROVIDERS);
function trust(io, provider, file, options) {
  const make = Object.hasOwn(PROVIDERS, provider) ? PROVIDERS[provider] : void 0;
  if (!make) throw new CliError(`the provider must be one of ${TRUST_PROVIDERS.join(", ")}, not "${shown(provider)}"`);
  const problem = federationIssuerProblem(options.issuer);
  if (problem) throw new CliError(`--issuer ${problem}: give DOWNSCOPE_ISSUER exactly as the service has it`);
  const policy = loadPolicy(io, file);
  const environment = policy.environments.get(options.environment.toLowerCase());
  if (!environment) throw new CliError(`${file} has no environment "${shown(options.environment)}"`, 1);
  if (!environment.oidc) {
    throw new CliError(
      `environment "${shown(environment.name)}" mints access tokens for your own APIs (kind access): only a kind: oidc environment's tokens are for a cloud to trust`,
      1
    );
  }
  const configuration = make({
    name: environment.name,
    issuer: options.issuer,
    audience: environment.audience,
    subject: environment.oidc.subject,
    algorithm: environment.oidc.algorithm,
    awsSessionTags: environment.oidc.awsSessionTags,
    contextClaims: CONTEXT_CLAIMS
  });
  if (configuration.refusal) throw new CliError(configuration.refusal, 1);
  if (options.json) {
    io.out(
      JSON.stringify(
        {
          provider,
          environment: environment.name,
          issuer: options.issuer,
          audience: environment.audience,
          subject: environment.oidc.subject,
          algorithm: environment.oidc.algorithm,
          ...configuration.json,
          limits: configuration.limits
        },
        null,
        2
      )
    );
    return 0;
  }
  io.out(configuration.text.trimEnd());
  io.out("");
  io.out("Limits that apply:");
  for (const limit of configuration.limits) io.out(`- ${limit}`);
  return 0;
}

// cli/program.ts
async function runCli(argv, io) {
  let code = 0;
  const program2 = new Command("downscope").description("Check, explain and test downscope policies; make signing keys; make DPoP proofs; decode tokens.").version(version, "-V, --version", "print the version").exitOverride().configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) }).showHelpAfterError("(add --help for usage)");
  const policy = program2.command("policy").description("Work with a policy file (YAML or JSON).");
  policy.command("check").description("Parse, validate and lint a policy. Exit 0 when valid (warnings allowed), 1 on errors.").argument("<file>", "the policy, or - for standard input").option("--json", "print problems as JSON").option("--strict", "fail on warnings too").addHelpText(
    "after",
    "\nInside GitHub Actions (GITHUB_ACTIONS=true) problems print as annotations on the file's lines."
  ).action((file, options) => {
    code = policyCheck(io, file, options);
  });
  policy.command("build").description(
    "Check a policy as `check` does, then write it as the artifact the Worker bundles (canonical JSON with digests)."
  ).argument("<file>", "the policy (YAML or JSON), or - for standard input").option("--out <path>", "where to write the artifact (default: .build/policy.json, which wrangler.jsonc bundles)").option("--strict", "fail on warnings too").option("--variable", "print the policy as JSON text for DOWNSCOPE_POLICY (local runs and tests) instead").addHelpText(
    "after",
    "\nA deployment: downscope policy build policy.yml && wrangler deploy --env production\nNothing is written when the policy is invalid, or too large for a Worker (sizes are printed)."
  ).action(async (file, options) => {
    code = await policyBuild(io, file, options);
  });
  policy.command("diff").description("What a policy change does to access: each change widens, narrows, changes or only relabels, and why.").argument("<base>", "the policy before (e.g. the pull request's base)").argument("<head>", "the policy after").option("--json", "print the changes as JSON").option("--markdown", "print a Markdown report, for a pull-request comment").option("--fail-on-widening", "exit 1 when anything widens (to require a second approval for those)").action((base, head, options) => {
    code = policyDiff(io, base, head, options);
  });
  policy.command("report").description("Who can obtain what: per environment, each rule's admitted identities and grants, with its warnings.").argument("<file>", "the policy").option("--json", "print the report as JSON").action((file, options) => {
    code = policyReport(io, file, options);
  });
  policy.command("explain").description("The decision the service would take for these claims, rule by rule. Exit 0 allow, 1 deny.").argument("<file>", "the policy").requiredOption(
    "--claims <file>",
    "the claims: a JSON object, or a GitHub token (decoded, not verified); - for stdin"
  ).option("--environment <name>", "the target (default: the claims' environment)").option("--scope <scopes>", "space-separated scopes to ask for (default: the environment's default)").option("--ttl <duration>", "lifetime to ask for, e.g. 10m").option("--json", "print the explanation as JSON").action((file, options) => {
    code = policyExplain(io, file, options);
  });
  policy.command("test").description("Run a file of test cases against a policy. Exit 1 on any failed case.").argument("<file>", "the policy").argument("<cases>", "the cases (YAML): defaults.claims, and cases of name, claims, request, expect").option("--json", "print results as JSON").addHelpText(
    "after",
    `
Cases file:
  defaults:
    claims: { repository: acme/web, repository_id: "123456", repository_owner_id: "7890", jti: x }
  cases:
    - name: main deploys to staging
      claims: { ref: refs/heads/main, environment: staging }
      request: { environment: staging, scope: deploy:write, ttl: 10m }
      expect: { decision: allow, rule: web deploys from main, scopes: [deploy:write], ttl: 10m }
    - name: a feature branch does not
      claims: { ref: refs/heads/feature, environment: staging }
      expect: { decision: deny, error: invalid_target, failed: [ref] }`
  ).action((file, cases, options) => {
    code = policyTest(io, file, cases, options);
  });
  policy.command("schema").description("Print the policy's JSON Schema (the one in schema/policy.schema.json), for editors.").action(() => {
    io.out(`${JSON.stringify(policyJsonSchema(), null, 2)}`);
  });
  program2.command("trust").description(
    "What a cloud or platform needs to trust a kind: oidc environment's tokens: exact on iss, aud and sub, with the provider's limits."
  ).argument("<provider>", TRUST_PROVIDERS.join(" | ")).argument("<policy>", "the policy file").requiredOption("--environment <name>", "the oidc environment").requiredOption("--issuer <url>", "DOWNSCOPE_ISSUER, exactly as the service has it").option("--json", "print the documents as one JSON object").action((provider, file, options) => {
    code = trust(io, provider, file, options);
  });
  const keys = program2.command("keys").description("Signing keys for DOWNSCOPE_SIGNING_KEYS.");
  keys.command("generate").description("New private signing keys (array JSON on stdout, for the secret); their public JWKS on stderr.").option(
    "--alg <alg>",
    "ES256 (default), EdDSA or RS256 (2048 bits), or a list: ES256,RS256 for access tokens and federation"
  ).option("--out <file>", "write the keys to this file, readable by you alone (refused where git would track it)").option("--json", "print key, kid and public JWKS as one JSON object").action(async (options) => {
    code = await keysGenerate(io, options);
  });
  keys.command("rotate").description(
    "The next DOWNSCOPE_SIGNING_KEYS: a new key of one algorithm signs, its current key kept to verify, other algorithms' keys kept."
  ).requiredOption("--current <file>", "the current DOWNSCOPE_SIGNING_KEYS value, or - for stdin").option("--alg <alg>", "the algorithm to rotate: ES256 (default), EdDSA or RS256").option(
    "--out <file>",
    "write the next keys to this file, readable by you alone (refused where git would track it)"
  ).option("--json", "print as one JSON object").action(async (options) => {
    code = await keysRotate(io, options);
  });
  program2.command("dpop").description("DPoP proofs for a DPoP-bound token.").command("proof").description(
    "Print a fresh DPoP proof for one request (send it as the DPoP header, the token as Authorization: DPoP)."
  ).option("--key <file>", "the private JWK: the action's dpop-key-file, or - for stdin").option("--key-env <name>", "or an environment variable holding it (the action's dpop-key output)").requiredOption("--method <method>", "the request's method, e.g. POST").requiredOption("--url <url>", "the request's full URL (query and fragment are left out of the proof)").option("--token <token>", "the access token the proof goes with (adds ath); needed by resource servers").addHelpText(
    "after",
    `
In a workflow, after uses: acme/downscope@v1 with dpop: true (id: downscope):
  proof=$(node "$DOWNSCOPE" dpop proof --key "$KEY_FILE" --method POST --url https://deploy.acme.dev/deploy --token "$TOKEN")
  curl -X POST https://deploy.acme.dev/deploy -H "Authorization: DPoP $TOKEN" -H "DPoP: $proof"
with env: DOWNSCOPE: \${{ steps.downscope.outputs.cli }} (this CLI, bundled with the action),
KEY_FILE: \${{ steps.downscope.outputs.dpop-key-file }}, TOKEN: \${{ steps.downscope.outputs.token }}`
  ).action(async (options) => {
    code = await dpopProof(io, options);
  });
  const token = program2.command("token").description("Tokens.");
  token.command("narrow").description(
    "Exchange a downscope token for a narrower one for a sub-task (fewer scopes, a shorter life); prints the new token."
  ).requiredOption("--url <url>", "the downscope service's base URL").option("--token-env <name>", "an environment variable holding the token to narrow").option("--token <->", "- to read the token from stdin (never the token itself: arguments are visible to all)").option("--key <file>", "for a DPoP-bound token: its private JWK (the action's dpop-key-file), or - for stdin").option("--key-env <name>", "or an environment variable holding that JWK").option("--scope <scopes>", "space-separated scopes, within the token's (default: all of them)").option("--ttl <duration>", "lifetime, e.g. 2m (default: the environment's ttl, never past the token's expiry)").option("--json", "print the whole answer (token_type, expires_in, scope, environment) as JSON").addHelpText(
    "after",
    `
The environment's policy must say narrowing: allowed. For example, to hand a test step a token
that can only read logs for two minutes:
  child=$(DEPLOY_TOKEN=... npx downscope token narrow --url https://downscope.acme.dev --token-env DEPLOY_TOKEN --scope logs:read --ttl 2m)`
  ).action(async (options) => {
    code = await tokenNarrow(io, options);
  });
  token.command("decode").description("Show a JWT's header and claims and when it expires. Never verifies it.").argument("<token>", "the token, or - for stdin").option("--json", "print as JSON").action((token2, options) => {
    code = tokenDecode(io, token2, options);
  });
  try {
    await program2.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      io.err(`downscope: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}

// cli/index.ts
process.exitCode = await runCli(process.argv.slice(2), processIo());

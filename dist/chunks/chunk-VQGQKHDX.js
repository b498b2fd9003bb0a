// node_modules/@actions/core/lib/command.js
import * as os from "os";

// node_modules/@actions/core/lib/utils.js
function toCommandValue(input) {
  if (input === null || input === void 0) {
    return "";
  } else if (typeof input === "string" || input instanceof String) {
    return input;
  }
  return JSON.stringify(input);
}
function toCommandProperties(annotationProperties) {
  if (!Object.keys(annotationProperties).length) {
    return {};
  }
  return {
    title: annotationProperties.title,
    file: annotationProperties.file,
    line: annotationProperties.startLine,
    endLine: annotationProperties.endLine,
    col: annotationProperties.startColumn,
    endColumn: annotationProperties.endColumn
  };
}

// node_modules/@actions/core/lib/command.js
function issueCommand(command, properties, message) {
  const cmd = new Command(command, properties, message);
  process.stdout.write(cmd.toString() + os.EOL);
}
var CMD_STRING = "::";
var Command = class {
  constructor(command, properties, message) {
    if (!command) {
      command = "missing.command";
    }
    this.command = command;
    this.properties = properties;
    this.message = message;
  }
  toString() {
    let cmdStr = CMD_STRING + this.command;
    if (this.properties && Object.keys(this.properties).length > 0) {
      cmdStr += " ";
      let first = true;
      for (const key in this.properties) {
        if (this.properties.hasOwnProperty(key)) {
          const val = this.properties[key];
          if (val) {
            if (first) {
              first = false;
            } else {
              cmdStr += ",";
            }
            cmdStr += `${key}=${escapeProperty(val)}`;
          }
        }
      }
    }
    cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
    return cmdStr;
  }
};
function escapeData(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return toCommandValue(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/:/g, "%3A").replace(/,/g, "%2C");
}

// node_modules/@actions/core/lib/file-command.js
import * as crypto from "crypto";
import * as fs from "fs";
import * as os2 from "os";
function issueFileCommand(command, message) {
  const filePath = process.env[`GITHUB_${command}`];
  if (!filePath) {
    throw new Error(`Unable to find environment variable for file command ${command}`);
  }
  if (!fs.existsSync(filePath)) {
    throw new Error(`Missing file at path: ${filePath}`);
  }
  fs.appendFileSync(filePath, `${toCommandValue(message)}${os2.EOL}`, {
    encoding: "utf8"
  });
}
function prepareKeyValueMessage(key, value) {
  const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
  const convertedValue = toCommandValue(value);
  if (key.includes(delimiter)) {
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
  }
  if (convertedValue.includes(delimiter)) {
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
  }
  return `${key}<<${delimiter}${os2.EOL}${convertedValue}${os2.EOL}${delimiter}`;
}

// node_modules/@actions/core/lib/core.js
import * as os4 from "os";

// node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
  const usingSsl = reqUrl.protocol === "https:";
  if (checkBypass(reqUrl)) {
    return void 0;
  }
  const proxyVar = (() => {
    if (usingSsl) {
      return process.env["https_proxy"] || process.env["HTTPS_PROXY"];
    } else {
      return process.env["http_proxy"] || process.env["HTTP_PROXY"];
    }
  })();
  if (proxyVar) {
    try {
      return new DecodedURL(proxyVar);
    } catch (_a) {
      if (!proxyVar.startsWith("http://") && !proxyVar.startsWith("https://"))
        return new DecodedURL(`http://${proxyVar}`);
    }
  } else {
    return void 0;
  }
}
function checkBypass(reqUrl) {
  if (!reqUrl.hostname) {
    return false;
  }
  const reqHost = reqUrl.hostname;
  if (isLoopbackAddress(reqHost)) {
    return true;
  }
  const noProxy = process.env["no_proxy"] || process.env["NO_PROXY"] || "";
  if (!noProxy) {
    return false;
  }
  let reqPort;
  if (reqUrl.port) {
    reqPort = Number(reqUrl.port);
  } else if (reqUrl.protocol === "http:") {
    reqPort = 80;
  } else if (reqUrl.protocol === "https:") {
    reqPort = 443;
  }
  const upperReqHosts = [reqUrl.hostname.toUpperCase()];
  if (typeof reqPort === "number") {
    upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
  }
  for (const upperNoProxyItem of noProxy.split(",").map((x) => x.trim().toUpperCase()).filter((x) => x)) {
    if (upperNoProxyItem === "*" || upperReqHosts.some((x) => x === upperNoProxyItem || x.endsWith(`.${upperNoProxyItem}`) || upperNoProxyItem.startsWith(".") && x.endsWith(`${upperNoProxyItem}`))) {
      return true;
    }
  }
  return false;
}
function isLoopbackAddress(host) {
  const hostLower = host.toLowerCase();
  return hostLower === "localhost" || hostLower.startsWith("127.") || hostLower.startsWith("[::1]") || hostLower.startsWith("[0:0:0:0:0:0:0:1]");
}
var DecodedURL = class extends URL {
  constructor(url, base) {
    super(url, base);
    this._decodedUsername = decodeURIComponent(super.username);
    this._decodedPassword = decodeURIComponent(super.password);
  }
  get username() {
    return this._decodedUsername;
  }
  get password() {
    return this._decodedPassword;
  }
};

// node_modules/@actions/core/lib/summary.js
import { EOL as EOL3 } from "os";
import { constants, promises } from "fs";
var __awaiter = function(thisArg, _arguments, P, generator) {
  function adopt(value) {
    return value instanceof P ? value : new P(function(resolve) {
      resolve(value);
    });
  }
  return new (P || (P = Promise))(function(resolve, reject) {
    function fulfilled(value) {
      try {
        step(generator.next(value));
      } catch (e) {
        reject(e);
      }
    }
    function rejected(value) {
      try {
        step(generator["throw"](value));
      } catch (e) {
        reject(e);
      }
    }
    function step(result) {
      result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
    }
    step((generator = generator.apply(thisArg, _arguments || [])).next());
  });
};
var { access, appendFile, writeFile } = promises;
var SUMMARY_ENV_VAR = "GITHUB_STEP_SUMMARY";
var Summary = class {
  constructor() {
    this._buffer = "";
  }
  /**
   * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
   * Also checks r/w permissions.
   *
   * @returns step summary file path
   */
  filePath() {
    return __awaiter(this, void 0, void 0, function* () {
      if (this._filePath) {
        return this._filePath;
      }
      const pathFromEnv = process.env[SUMMARY_ENV_VAR];
      if (!pathFromEnv) {
        throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
      }
      try {
        yield access(pathFromEnv, constants.R_OK | constants.W_OK);
      } catch (_a) {
        throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
      }
      this._filePath = pathFromEnv;
      return this._filePath;
    });
  }
  /**
   * Wraps content in an HTML tag, adding any HTML attributes
   *
   * @param {string} tag HTML tag to wrap
   * @param {string | null} content content within the tag
   * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
   *
   * @returns {string} content wrapped in HTML element
   */
  wrap(tag, content, attrs = {}) {
    const htmlAttrs = Object.entries(attrs).map(([key, value]) => ` ${key}="${value}"`).join("");
    if (!content) {
      return `<${tag}${htmlAttrs}>`;
    }
    return `<${tag}${htmlAttrs}>${content}</${tag}>`;
  }
  /**
   * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
   *
   * @param {SummaryWriteOptions} [options] (optional) options for write operation
   *
   * @returns {Promise<Summary>} summary instance
   */
  write(options) {
    return __awaiter(this, void 0, void 0, function* () {
      const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
      const filePath = yield this.filePath();
      const writeFunc = overwrite ? writeFile : appendFile;
      yield writeFunc(filePath, this._buffer, { encoding: "utf8" });
      return this.emptyBuffer();
    });
  }
  /**
   * Clears the summary buffer and wipes the summary file
   *
   * @returns {Summary} summary instance
   */
  clear() {
    return __awaiter(this, void 0, void 0, function* () {
      return this.emptyBuffer().write({ overwrite: true });
    });
  }
  /**
   * Returns the current summary buffer as a string
   *
   * @returns {string} string of summary buffer
   */
  stringify() {
    return this._buffer;
  }
  /**
   * If the summary buffer is empty
   *
   * @returns {boolen} true if the buffer is empty
   */
  isEmptyBuffer() {
    return this._buffer.length === 0;
  }
  /**
   * Resets the summary buffer without writing to summary file
   *
   * @returns {Summary} summary instance
   */
  emptyBuffer() {
    this._buffer = "";
    return this;
  }
  /**
   * Adds raw text to the summary buffer
   *
   * @param {string} text content to add
   * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
   *
   * @returns {Summary} summary instance
   */
  addRaw(text2, addEOL = false) {
    this._buffer += text2;
    return addEOL ? this.addEOL() : this;
  }
  /**
   * Adds the operating system-specific end-of-line marker to the buffer
   *
   * @returns {Summary} summary instance
   */
  addEOL() {
    return this.addRaw(EOL3);
  }
  /**
   * Adds an HTML codeblock to the summary buffer
   *
   * @param {string} code content to render within fenced code block
   * @param {string} lang (optional) language to syntax highlight code
   *
   * @returns {Summary} summary instance
   */
  addCodeBlock(code, lang) {
    const attrs = Object.assign({}, lang && { lang });
    const element = this.wrap("pre", this.wrap("code", code), attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML list to the summary buffer
   *
   * @param {string[]} items list of items to render
   * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
   *
   * @returns {Summary} summary instance
   */
  addList(items, ordered = false) {
    const tag = ordered ? "ol" : "ul";
    const listItems = items.map((item) => this.wrap("li", item)).join("");
    const element = this.wrap(tag, listItems);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML table to the summary buffer
   *
   * @param {SummaryTableCell[]} rows table rows
   *
   * @returns {Summary} summary instance
   */
  addTable(rows) {
    const tableBody = rows.map((row) => {
      const cells = row.map((cell) => {
        if (typeof cell === "string") {
          return this.wrap("td", cell);
        }
        const { header, data, colspan, rowspan } = cell;
        const tag = header ? "th" : "td";
        const attrs = Object.assign(Object.assign({}, colspan && { colspan }), rowspan && { rowspan });
        return this.wrap(tag, data, attrs);
      }).join("");
      return this.wrap("tr", cells);
    }).join("");
    const element = this.wrap("table", tableBody);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds a collapsable HTML details element to the summary buffer
   *
   * @param {string} label text for the closed state
   * @param {string} content collapsable content
   *
   * @returns {Summary} summary instance
   */
  addDetails(label, content) {
    const element = this.wrap("details", this.wrap("summary", label) + content);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML image tag to the summary buffer
   *
   * @param {string} src path to the image you to embed
   * @param {string} alt text description of the image
   * @param {SummaryImageOptions} options (optional) addition image attributes
   *
   * @returns {Summary} summary instance
   */
  addImage(src, alt, options) {
    const { width, height } = options || {};
    const attrs = Object.assign(Object.assign({}, width && { width }), height && { height });
    const element = this.wrap("img", null, Object.assign({ src, alt }, attrs));
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML section heading element
   *
   * @param {string} text heading text
   * @param {number | string} [level=1] (optional) the heading level, default: 1
   *
   * @returns {Summary} summary instance
   */
  addHeading(text2, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text2);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML thematic break (<hr>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addSeparator() {
    const element = this.wrap("hr", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML line break (<br>) to the summary buffer
   *
   * @returns {Summary} summary instance
   */
  addBreak() {
    const element = this.wrap("br", null);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML blockquote to the summary buffer
   *
   * @param {string} text quote text
   * @param {string} cite (optional) citation url
   *
   * @returns {Summary} summary instance
   */
  addQuote(text2, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text2, attrs);
    return this.addRaw(element).addEOL();
  }
  /**
   * Adds an HTML anchor tag to the summary buffer
   *
   * @param {string} text link text/content
   * @param {string} href hyperlink
   *
   * @returns {Summary} summary instance
   */
  addLink(text2, href) {
    const element = this.wrap("a", text2, { href });
    return this.addRaw(element).addEOL();
  }
};
var _summary = new Summary();
var summary = _summary;

// node_modules/@actions/core/lib/platform.js
import os3 from "os";

// node_modules/@actions/io/lib/io-util.js
import * as fs2 from "fs";
var { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs2.promises;
var IS_WINDOWS = process.platform === "win32";
var READONLY = fs2.constants.O_RDONLY;

// node_modules/@actions/exec/lib/toolrunner.js
var IS_WINDOWS2 = process.platform === "win32";

// node_modules/@actions/core/lib/platform.js
var platform = os3.platform();
var arch = os3.arch();

// node_modules/@actions/core/lib/core.js
var ExitCode;
(function(ExitCode2) {
  ExitCode2[ExitCode2["Success"] = 0] = "Success";
  ExitCode2[ExitCode2["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
function exportVariable(name, val) {
  const convertedVal = toCommandValue(val);
  process.env[name] = convertedVal;
  const filePath = process.env["GITHUB_ENV"] || "";
  if (filePath) {
    return issueFileCommand("ENV", prepareKeyValueMessage(name, val));
  }
  issueCommand("set-env", { name }, convertedVal);
}
function setSecret(secret) {
  issueCommand("add-mask", {}, secret);
}
function getInput(name, options) {
  const val = process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "";
  if (options && options.required && !val) {
    throw new Error(`Input required and not supplied: ${name}`);
  }
  if (options && options.trimWhitespace === false) {
    return val;
  }
  return val.trim();
}
function setOutput(name, value) {
  const filePath = process.env["GITHUB_OUTPUT"] || "";
  if (filePath) {
    return issueFileCommand("OUTPUT", prepareKeyValueMessage(name, value));
  }
  process.stdout.write(os4.EOL);
  issueCommand("set-output", { name }, toCommandValue(value));
}
function debug(message) {
  issueCommand("debug", {}, message);
}
function error(message, properties = {}) {
  issueCommand("error", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function warning(message, properties = {}) {
  issueCommand("warning", toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
function info(message) {
  process.stdout.write(message + os4.EOL);
}
function saveState(name, value) {
  const filePath = process.env["GITHUB_STATE"] || "";
  if (filePath) {
    return issueFileCommand("STATE", prepareKeyValueMessage(name, value));
  }
  issueCommand("save-state", { name }, toCommandValue(value));
}
function getState(name) {
  return process.env[`STATE_${name}`] || "";
}

// action/actions-core.ts
function actionsCore(title) {
  return {
    getInput,
    setSecret,
    setOutput,
    exportVariable,
    saveState,
    getState,
    info,
    warning,
    debug,
    summary,
    setFailed(message) {
      process.exitCode = ExitCode.Failure;
      error(message instanceof Error ? message.message : message, { title });
    }
  };
}

// action/core.ts
var systemClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random()
};
var ActionError = class extends Error {
  name = "ActionError";
};

// worker/oidc/compact-jwt.ts
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
  let binary;
  try {
    binary = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return void 0;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
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

// worker/policy/printable.ts
var CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
var CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, "g");
function shown(text2) {
  return text2.replace(CONTROL_CHARACTERS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).replaceAll("::", ":\u200B:");
}

// action/retry.ts
var DEFAULT_RETRY_POLICY = {
  maxAttempts: 5,
  baseDelayMs: 1e3,
  maxDelayMs: 1e4,
  maxRetryAfterMs: 3e4,
  totalBudgetMs: 9e4
};
function backoffDelay(retry, policy, random) {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
function parseRetryAfter(value, now) {
  if (value === null || value.trim() === "") return void 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1e3;
  const date = Date.parse(value);
  return Number.isNaN(date) ? void 0 : Math.max(0, date - now);
}
async function withRetries(attempt, policy, clock, onRetry) {
  const started = clock.now();
  for (let number = 1; ; number++) {
    const outcome = await attempt(number);
    if ("ok" in outcome) return outcome.ok;
    const jitter = backoffDelay(number - 1, policy, clock.random);
    const delay = outcome.retryAfterMs === void 0 ? jitter : Math.min(policy.maxRetryAfterMs, Math.max(outcome.retryAfterMs, jitter));
    const elapsed = clock.now() - started;
    if (number >= policy.maxAttempts || elapsed + delay > policy.totalBudgetMs) {
      throw new ActionError(
        `Gave up after ${number} attempt${number === 1 ? "" : "s"} in ${Math.round(elapsed / 1e3)}s: ${outcome.transient}.`
      );
    }
    onRetry(outcome.transient, delay, number + 1);
    await clock.sleep(delay);
  }
}

// action/id-token.ts
var PERMISSIONS_HELP = `downscope needs the job's GitHub OIDC token, and this job may not ask for one.
Add this to the job (or to the whole workflow):

  permissions:
    id-token: write
    contents: read

(Setting any permissions replaces the defaults, so list every one the job needs.)
If this run comes from a pull request opened from a fork, GitHub withholds OIDC tokens from it
whatever the permissions say: run deployments on push, on workflow_dispatch, or on
pull_request_target with a rule that names that event, never on code from untrusted forks.`;
function idTokenEndpoint(env) {
  const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!url || !bearer) throw new ActionError(PERMISSIONS_HELP);
  return { url, bearer };
}
var TIMEOUT_MS = 15e3;
async function requestIdToken(fetcher, endpoint, audience, now) {
  const url = new URL(endpoint.url);
  url.searchParams.set("audience", audience);
  let response;
  try {
    response = await fetcher(url, {
      headers: { authorization: `Bearer ${endpoint.bearer}`, accept: "application/json" },
      signal: AbortSignal.timeout(TIMEOUT_MS)
    });
  } catch (error2) {
    return { transient: `the runner's OIDC endpoint could not be reached (${describeError(error2)})` };
  }
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel();
    return {
      transient: `the runner refused to issue an OIDC token for now (HTTP ${response.status})`,
      retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), now)
    };
  }
  if (!response.ok) {
    const answer = shown((await response.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 200));
    throw new ActionError(
      `The runner's OIDC endpoint (ACTIONS_ID_TOKEN_REQUEST_URL) refused the request (HTTP ${response.status}${answer ? `: "${answer}"` : ""}). ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are set, so the job has id-token: write; the request token may have expired (a job longer than its lifetime), or a proxy or self-hosted runner may be altering the request.`
    );
  }
  const body = await response.json().catch(() => void 0);
  if (typeof body?.value !== "string" || body.value === "") {
    return { transient: "the runner's OIDC endpoint answered without a token" };
  }
  return { ok: body.value };
}
function describeError(error2) {
  if (error2 instanceof Error) {
    const cause = error2.cause?.code;
    return cause ? `${error2.message}: ${cause}` : error2.message;
  }
  return "unknown error";
}

// worker/policy/duration.ts
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
  const seconds = Number(match[1]) * UNIT_SECONDS[match[2] === "" ? "s" : match[2]];
  return seconds > 0 ? seconds : void 0;
}

// worker/policy/names.ts
var SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]{1,128}$/;
var ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

// action/inputs.ts
var MAX_ATTEMPTS = 10;
var LOOPBACK = /^(localhost|127(?:\.[0-9]{1,3}){3}|\[::1\])$/;
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
var RESERVED_ENV = /^(GITHUB_|RUNNER_|ACTIONS_|INPUT_|STATE_)|^(PATH|HOME|NODE_OPTIONS|CI)$/;
function readInputs(core) {
  const input = (name) => core.getInput(name).trim();
  const url = parseServiceUrl(input("url"));
  const environment = input("environment") || void 0;
  if (environment !== void 0 && !ENVIRONMENT_NAME.test(environment)) {
    throw new ActionError(
      `Input "environment" must be an environment name (letters, digits, ".", "_", "-"), got "${environment}".`
    );
  }
  const scope = input("scope");
  const scopes = scope === "" ? void 0 : scope.split(/\s+/);
  for (const item of scopes ?? []) {
    if (!SCOPE_TOKEN.test(item)) {
      throw new ActionError(`Input "scope" must be space-separated scopes, and "${item}" is not one.`);
    }
  }
  const ttl = parseTtl(input("ttl"));
  const audience = input("audience") || new URL(url).origin;
  const exportEnv = input("export-env") || void 0;
  if (exportEnv !== void 0 && (!ENV_NAME.test(exportEnv) || RESERVED_ENV.test(exportEnv))) {
    throw new ActionError(
      `Input "export-env" must be an environment variable name of your own (not PATH, GITHUB_*, RUNNER_* \u2026), got "${exportEnv}".`
    );
  }
  return {
    url,
    environment,
    scopes,
    ttl,
    audience,
    dpop: parseBoolean("dpop", input("dpop"), false),
    revoke: parseBoolean("revoke", input("revoke"), true),
    exportEnv,
    retries: parseAttempts(input("retries")),
    summary: parseBoolean("summary", input("summary"), true)
  };
}
function parseServiceUrl(value) {
  if (value === "") throw new ActionError('Input "url" is required: the base URL of your downscope service.');
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new ActionError(`Input "url" must be a URL such as https://downscope.example.com, got "${value}".`);
  }
  const secure = url.protocol === "https:" || url.protocol === "http:" && LOOPBACK.test(url.hostname);
  if (!secure) {
    throw new ActionError(`Input "url" must use https (http only for localhost), got "${value}".`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ActionError(`Input "url" must not carry credentials, a query or a fragment, got "${value}".`);
  }
  return url.href.replace(/\/+$/, "");
}
function parseTtl(value) {
  if (value === "") return void 0;
  const seconds = parseDuration(value);
  if (seconds === void 0) {
    throw new ActionError(
      `Input "ttl" must be a duration such as "10m", "90s", "1h" or whole seconds, got "${value}".`
    );
  }
  if (seconds > HARD_MAX_TTL_SECONDS) throw new ActionError(`Input "ttl" must be at most 1h, got "${value}".`);
  return seconds;
}
function parseAttempts(value) {
  if (value === "") return 5;
  if (!/^[0-9]{1,2}$/.test(value) || Number(value) < 1 || Number(value) > MAX_ATTEMPTS) {
    throw new ActionError(
      `Input "retries" must be the number of attempts, 1 to ${MAX_ATTEMPTS} (1: no retry), got "${value}".`
    );
  }
  return Number(value);
}
function parseBoolean(name, value, fallback) {
  if (value === "") return fallback;
  if (/^true$/i.test(value)) return true;
  if (/^false$/i.test(value)) return false;
  throw new ActionError(`Input "${name}" must be true or false, got "${value}".`);
}

// action/report.ts
var IDENTITY = [
  [
    "repository",
    (c) => join(
      c.repository,
      c.repository_id && `id ${c.repository_id}`,
      c.repository_owner_id && `owner id ${c.repository_owner_id}`
    )
  ],
  ["ref", (c) => join(c.ref, c.ref_type)],
  ["environment", (c) => text(c.environment) ?? "(none: the job has no GitHub environment)"],
  ["workflow", (c) => text(c.job_workflow_ref)],
  ["event", (c) => text(c.event_name)],
  ["runner", (c) => text(c.runner_environment)],
  ["actor", (c) => text(c.actor)],
  ["run", (c) => join(c.run_id, c.run_attempt && `attempt ${c.run_attempt}`)]
];
function renderRefusal(status, body, subjectToken) {
  const lines = [
    `downscope refused the token (HTTP ${status} ${body.error}): ${body.error_description ?? "no description"}`
  ];
  if (body.denial) lines.push("", ...renderDenial(body.denial));
  if (body.refused_scopes?.length) {
    lines.push("", `Refused scopes: ${body.refused_scopes.join(" ")}. Ask only for scopes the matching rule grants.`);
  }
  const identity = subjectToken ? renderIdentity(subjectToken) : [];
  if (identity.length > 0) {
    lines.push("", "The job's identity, from its GitHub OIDC token (claims only, not the token):", ...identity);
  }
  return lines.map(shown).join("\n");
}
function renderDenial(denial) {
  const who = `${denial.repository ?? "this repository"}${denial.repository_id ? ` (id ${denial.repository_id})` : ""}`;
  if (!denial.covered) {
    return [
      `No rule of environment "${denial.environment}" covers ${who}.`,
      "Ask the environment's admins for a rule naming this repository (by repository_id)."
    ];
  }
  const lines = [`Environment "${denial.environment}", rules for ${who}:`];
  for (const rule of denial.rules) {
    lines.push(`  rule "${rule.rule}":`);
    for (const failed of rule.failed) {
      const expected = failed.expected.length > 0 ? failed.expected.join(" or ") : "(not this event)";
      lines.push(`    \u2717 ${failed.condition}: expected ${expected}, got ${failed.actual ?? "(no such claim)"}`);
      if (failed.note) lines.push(`      ${failed.note}`);
    }
  }
  return lines;
}
function renderIdentity(subjectToken) {
  const claims = decodeCompactJwt(subjectToken)?.payload;
  if (!claims) return [];
  const width = Math.max(...IDENTITY.map(([label]) => label.length)) + 2;
  return IDENTITY.flatMap(([label, render]) => {
    const value = render(claims);
    return value === void 0 ? [] : [`  ${label.padEnd(width)}${value}`];
  });
}
function text(value) {
  return typeof value === "string" && value !== "" ? value : void 0;
}
function join(first, ...details) {
  const head = text(first);
  if (head === void 0) return void 0;
  const rest = details.map(text).filter((detail) => detail !== void 0);
  return rest.length > 0 ? `${head} (${rest.join(", ")})` : head;
}

// action/summary.ts
function jobSummary(facts) {
  const minutes = Math.round(facts.expiresIn / 60);
  const rows = [
    ["environment", facts.environment],
    ["scopes", facts.scope === "" ? "(none)" : facts.scope],
    ["token type", facts.tokenType],
    ["expires", `${facts.expiresAt} (in ${minutes >= 1 ? `${minutes} min` : `${facts.expiresIn} s`})`],
    ["token id", facts.tokenId ?? "(unknown)"]
  ];
  return [
    `### downscope: a token for ${escapeCell(facts.environment)}`,
    "",
    "| | |",
    "|---|---|",
    ...rows.map(([name, value]) => `| ${name} | \`${escapeCell(value)}\` |`),
    ""
  ].join("\n");
}
function escapeCell(value) {
  return value.replace(/[|`\n\r]/g, " ");
}

// package.json
var version = "0.1.0";

// action/http-client.ts
var http = process.getBuiltinModule("node:http");
var https = process.getBuiltinModule("node:https");
var tls = process.getBuiltinModule("node:tls");
var MAX_RESPONSE_BYTES = 1024 * 1024;
var USER_AGENT = `downscope-action/${version}`;
var ResponseTooLarge = class extends Error {
  constructor(status, contentType) {
    super(`response larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`);
    this.status = status;
    this.contentType = contentType;
  }
  status;
  contentType;
  name = "ResponseTooLarge";
};
function proxyFor(url) {
  return getProxyUrl(url);
}
var lightFetch = ((input, init = {}) => new Promise((resolve, reject) => {
  const url = new URL(String(input));
  const body = init.body === void 0 || init.body === null ? void 0 : String(init.body);
  const headers = { "user-agent": USER_AGENT };
  for (const [name, value] of Object.entries(init.headers ?? {})) {
    headers[name.toLowerCase()] = value;
  }
  if (body !== void 0) headers["content-length"] = String(Buffer.byteLength(body));
  const options = { method: init.method ?? "GET", headers, signal: init.signal ?? void 0 };
  const onResponse = (response) => {
    const chunks = [];
    let size = 0;
    response.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        response.destroy();
        const type = response.headers["content-type"];
        reject(new ResponseTooLarge(response.statusCode ?? 0, typeof type === "string" ? type : null));
      } else chunks.push(chunk);
    });
    response.on(
      "end",
      () => resolve(lightResponse(response.statusCode ?? 0, response.headers, Buffer.concat(chunks)))
    );
    response.on("error", reject);
  };
  const send = (request) => {
    request.on("error", reject);
    request.end(body);
  };
  const proxy = proxyFor(url);
  if (!proxy) {
    send((url.protocol === "https:" ? https : http).request(url, options, onResponse));
    return;
  }
  const proxyHeaders = { "user-agent": USER_AGENT };
  if (proxy.username || proxy.password) {
    const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
    proxyHeaders["proxy-authorization"] = `Basic ${Buffer.from(credentials).toString("base64")}`;
  }
  const proxyModule = proxy.protocol === "https:" ? https : http;
  const proxyTarget = { protocol: proxy.protocol, hostname: proxy.hostname, port: proxy.port };
  if (url.protocol === "http:") {
    const viaProxy = {
      ...options,
      ...proxyTarget,
      path: url.href,
      headers: { ...headers, ...proxyHeaders, host: url.host }
    };
    send(proxyModule.request(viaProxy, onResponse));
    return;
  }
  const port = url.port || "443";
  const connect = proxyModule.request({
    ...proxyTarget,
    method: "CONNECT",
    path: `${url.hostname}:${port}`,
    headers: { ...proxyHeaders, host: `${url.hostname}:${port}` },
    signal: init.signal ?? void 0
  });
  connect.on("connect", (answer, socket) => {
    if (answer.statusCode !== 200) {
      socket.destroy();
      reject(new Error(`the proxy ${proxy.host} refused to connect to ${url.host} (HTTP ${answer.statusCode})`));
      return;
    }
    const tunnel = tls.connect({ socket, servername: url.hostname });
    send(https.request(url, { ...options, createConnection: () => tunnel }, onResponse));
  });
  connect.on(
    "error",
    (error2) => reject(Object.assign(new Error(`the proxy ${proxy.host}: ${error2.message}`), { cause: error2 }))
  );
  connect.end();
}));
function lightResponse(status, headers, bytes) {
  const text2 = async () => bytes.toString("utf8");
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: {
      get(name) {
        const value = headers[name.toLowerCase()];
        if (value === void 0) return null;
        return Array.isArray(value) ? value.join(", ") : value;
      }
    },
    text: text2,
    json: async () => JSON.parse(await text2()),
    body: { cancel: async () => {
    } }
  };
}

// action/token-client.ts
var TIMEOUT_MS2 = 3e4;
var TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
var ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
async function exchangeSubjectToken(fetcher, request, subjectToken, now, dpopProof) {
  const form = new URLSearchParams({
    grant_type: TOKEN_EXCHANGE,
    subject_token_type: ID_TOKEN_TYPE,
    subject_token: subjectToken
  });
  if (request.environment) form.set("environment", request.environment);
  if (request.scopes) form.set("scope", request.scopes.join(" "));
  if (request.ttl) form.set("expires_in", String(request.ttl));
  let response;
  try {
    response = await fetcher(`${request.url}/token`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        ...dpopProof ? { dpop: dpopProof } : {}
      },
      body: form,
      signal: AbortSignal.timeout(TIMEOUT_MS2)
    });
  } catch (error2) {
    if (error2 instanceof ResponseTooLarge) {
      throw notDownscope(request.url, error2.status, error2.contentType, null, "a body larger than 1 MiB");
    }
    return { transient: `${request.url} could not be reached (${describeError(error2)})` };
  }
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), now);
  const text2 = await response.text().catch(() => "");
  const contentType = response.headers.get("content-type");
  let body;
  try {
    const parsed = JSON.parse(text2);
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) body = parsed;
  } catch {
  }
  if (response.status === 429 || response.status >= 500) {
    const description = typeof body?.error_description === "string" ? `: ${shown(body.error_description)}` : "";
    return { transient: `the service answered HTTP ${response.status}${description}`, retryAfterMs };
  }
  const location = response.headers.get("location");
  if (response.status >= 300 && response.status < 400) {
    throw notDownscope(request.url, response.status, contentType, location, snippet(text2));
  }
  if (!body) throw notDownscope(request.url, response.status, contentType, location, snippet(text2));
  if (response.ok && isGranted(body)) return { ok: { granted: body } };
  if (!response.ok && typeof body.error === "string") {
    return { ok: { refused: body, status: response.status } };
  }
  throw notDownscope(
    request.url,
    response.status,
    contentType,
    location,
    "JSON that is neither a token nor an OAuth error"
  );
}
function snippet(text2) {
  const flat = text2.replace(/\s+/g, " ").trim();
  return flat === "" ? "an empty body" : `"${shown(flat.slice(0, 120))}${flat.length > 120 ? "\u2026" : ""}"`;
}
function notDownscope(url, status, contentType, location, what) {
  const details = [`HTTP ${status}`, `content-type ${contentType ? shown(contentType) : "(none)"}`];
  if (location) details.push(`Location ${shown(location)}`);
  return new ActionError(
    `The url input (${url}) does not point at a downscope service: ${url}/token answered ${details.join(", ")}, with ${what}. Check the url input: it is the service's base URL (its /.well-known/oauth-authorization-server describes it); a redirect is never followed, so that the GitHub token goes nowhere else.`
  );
}
function isGranted(body) {
  return typeof body?.access_token === "string" && body.access_token !== "" && typeof body.token_type === "string" && typeof body.expires_in === "number" && typeof body.scope === "string" && typeof body.environment === "string";
}

// action/exchange-step.ts
var STATE = {
  token: "token",
  url: "url",
  expiresAt: "expires-at",
  revoke: "revoke",
  dpopKeyFile: "dpop-key-file"
};
async function runExchangeStep(deps, policy = DEFAULT_RETRY_POLICY) {
  const { core, clock } = deps;
  let minted;
  try {
    const endpoint = idTokenEndpoint(deps.env);
    const inputs = readInputs(core);
    core.debug(`downscope: url ${inputs.url}, audience ${inputs.audience}, up to ${inputs.retries} attempts`);
    const dpop = inputs.dpop ? await import("./dpop-MI5PBGE7.js") : void 0;
    const dpopKey = dpop ? await dpop.generateDpopKey() : void 0;
    if (dpopKey) {
      core.setSecret(JSON.stringify(dpopKey.privateJwk));
      core.setSecret(String(dpopKey.privateJwk.d));
    }
    let lastSubjectToken;
    const outcome = await withRetries(
      async (attempt) => {
        const started = clock.now();
        const idToken = await requestIdToken(deps.fetch, endpoint, inputs.audience, clock.now());
        core.debug(
          `downscope: attempt ${attempt}: OIDC token ${"ok" in idToken ? "received" : "not received"} in ${clock.now() - started} ms`
        );
        if (!("ok" in idToken)) return idToken;
        core.setSecret(idToken.ok);
        lastSubjectToken = idToken.ok;
        const proof = dpopKey ? await dpop?.createDpopProof(dpopKey, {
          method: "POST",
          url: `${inputs.url}/token`,
          now: Math.floor(clock.now() / 1e3)
        }) : void 0;
        const exchangeStarted = clock.now();
        const exchanged = await exchangeSubjectToken(deps.fetch, inputs, idToken.ok, clock.now(), proof);
        const result = "ok" in exchanged ? "granted" in exchanged.ok ? "granted" : `refused (HTTP ${exchanged.ok.status})` : "transient failure";
        core.debug(
          `downscope: attempt ${attempt}: POST ${inputs.url}/token ${result} in ${clock.now() - exchangeStarted} ms`
        );
        return exchanged;
      },
      { ...policy, maxAttempts: inputs.retries },
      clock,
      // Retries are routine: a log line, not an annotation (the step's failure, if any, is one).
      (reason, delayMs, next) => core.info(`${reason}; retrying in ${(delayMs / 1e3).toFixed(1)}s (attempt ${next} of ${inputs.retries})`)
    );
    if ("refused" in outcome) throw new ActionError(renderRefusal(outcome.status, outcome.refused, lastSubjectToken));
    const granted = outcome.granted;
    core.setSecret(granted.access_token);
    minted = { token: granted.access_token, url: inputs.url };
    if (dpopKey && granted.token_type !== "DPoP") {
      throw new ActionError(
        `Asked for a DPoP-bound token, but the service issued a ${granted.token_type} token: refusing to use it.`
      );
    }
    const claims = decodeCompactJwt(granted.access_token)?.payload;
    const exp = typeof claims?.exp === "number" ? claims.exp * 1e3 : clock.now() + granted.expires_in * 1e3;
    const expiresAt = new Date(exp).toISOString();
    core.saveState(STATE.token, granted.access_token);
    core.saveState(STATE.url, inputs.url);
    core.saveState(STATE.expiresAt, expiresAt);
    core.saveState(STATE.revoke, String(inputs.revoke));
    core.setOutput("token", granted.access_token);
    core.setOutput("token-type", granted.token_type);
    core.setOutput("expires-at", expiresAt);
    core.setOutput("expires-in", granted.expires_in);
    core.setOutput("scope", granted.scope);
    core.setOutput("environment", granted.environment);
    if (inputs.exportEnv) core.exportVariable(inputs.exportEnv, granted.access_token);
    if (dpopKey) {
      const key = JSON.stringify(dpopKey.privateJwk);
      core.setOutput("dpop-key", key);
      if (deps.secretFiles) {
        const path = deps.secretFiles.write("dpop-key.jwk", key);
        core.setOutput("dpop-key-file", path);
        core.saveState(STATE.dpopKeyFile, path);
      }
    }
    const tokenId = typeof claims?.jti === "string" ? claims.jti : void 0;
    core.info(
      shown(
        `downscope issued a ${granted.token_type} token for "${granted.environment}" (scopes: ${granted.scope || "none"}; expires ${expiresAt}; id ${tokenId ?? "unknown"}).`
      )
    );
    minted = void 0;
    if (inputs.summary) {
      await core.summary.addRaw(
        jobSummary({
          environment: granted.environment,
          scope: granted.scope,
          tokenType: granted.token_type,
          expiresAt,
          expiresIn: granted.expires_in,
          tokenId
        })
      ).write().catch((error2) => core.warning(`Could not write the job summary: ${String(error2)}`));
    }
  } catch (error2) {
    const message = error2 instanceof ActionError ? error2.message : `downscope failed unexpectedly: ${String(error2)}`;
    const revoked = minted ? await revokeNow(deps, minted.url, minted.token) : void 0;
    const after = revoked === void 0 ? "" : revoked ? "\nThe token it had issued was revoked." : "\nThe token it had issued could not be revoked: it expires on its own.";
    core.setFailed(`${message}${after}`);
  }
}

// action/revoke-step.ts
var TIMEOUT_MS3 = 1e4;
async function runRevokeStep(deps) {
  const { core } = deps;
  const keyFile = core.getState(STATE.dpopKeyFile);
  if (keyFile && deps.secretFiles) {
    try {
      deps.secretFiles.remove(keyFile);
    } catch (error2) {
      core.warning(`Could not remove the DPoP key file ${keyFile}: ${describeError(error2)}`);
    }
  }
  const token = core.getState(STATE.token);
  if (!token) {
    core.debug("No token was issued: nothing to revoke.");
    return;
  }
  if (core.getState(STATE.revoke) === "false") {
    core.info("revoke: false: the token stays valid until it expires.");
    return;
  }
  const expiresAt = Date.parse(core.getState(STATE.expiresAt));
  if (!Number.isNaN(expiresAt) && expiresAt <= deps.clock.now()) {
    core.info("The token has already expired: nothing to revoke.");
    return;
  }
  const revoked = await revokeNow(deps, core.getState(STATE.url), token);
  if (revoked) core.info("Revoked the downscope token.");
}
async function revokeNow(deps, url, token) {
  const { core } = deps;
  let problem = "";
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const response = await deps.fetch(`${url}/revoke`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ token, token_type_hint: "access_token" }),
        signal: AbortSignal.timeout(TIMEOUT_MS3)
      });
      await response.body?.cancel();
      if (response.ok) return true;
      if (response.status === 404) {
        core.warning("This downscope service does not support revocation: the token stays valid until it expires.", {
          title: "downscope"
        });
        return false;
      }
      problem = `HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 429) break;
    } catch (error2) {
      problem = error2 instanceof Error && (error2.name === "TimeoutError" || error2.name === "AbortError") ? `timed out after ${TIMEOUT_MS3 / 1e3} s` : describeError(error2);
    }
    if (attempt === 1) core.info(`Revoking the token failed (${problem}); trying once more.`);
  }
  core.warning(`Could not revoke the token (${problem}): it stays valid until it expires.`, { title: "downscope" });
  return false;
}

// action/secret-files.ts
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
function runnerSecretFiles(env = process.env) {
  return {
    write(name, content) {
      const dir = mkdtempSync(join2(env.RUNNER_TEMP || tmpdir(), "downscope-"));
      const path = join2(dir, name);
      writeFileSync(path, content, { mode: 384, flag: "wx" });
      return path;
    },
    remove(path) {
      rmSync(join2(path, ".."), { recursive: true, force: true });
    }
  };
}

export {
  actionsCore,
  systemClock,
  runRevokeStep,
  lightFetch,
  runExchangeStep,
  runnerSecretFiles
};

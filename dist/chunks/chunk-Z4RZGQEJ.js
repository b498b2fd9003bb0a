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
  addRaw(text, addEOL = false) {
    this._buffer += text;
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
  addHeading(text, level) {
    const tag = `h${level}`;
    const allowedTag = ["h1", "h2", "h3", "h4", "h5", "h6"].includes(tag) ? tag : "h1";
    const element = this.wrap(allowedTag, text);
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
  addQuote(text, cite) {
    const attrs = Object.assign({}, cite && { cite });
    const element = this.wrap("blockquote", text, attrs);
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
  addLink(text, href) {
    const element = this.wrap("a", text, { href });
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

// protocol/printable.ts
var CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
var INVISIBLE_CHARACTER = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
var ESCAPED = new RegExp(`${CONTROL_CHARACTER.source.slice(0, -1)}${INVISIBLE_CHARACTER.source.slice(1)}`, "g");
function shown(text) {
  return text.replace(ESCAPED, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).replaceAll("::", ":\u200B:").replaceAll("##[", "#\u200B#[");
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

// action/state.ts
var STATE = {
  token: "token",
  url: "url",
  expiresAt: "expires-at",
  revoke: "revoke",
  dpopKeyFile: "dpop-key-file",
  /**
   * `oidc` for a token a cloud trusts (nothing to revoke: no cloud asks; files to remove);
   * `github` for a GitHub token (revoked at GitHub's API).
   */
  kind: "kind",
  githubApiUrl: "github-api-url",
  tokenFile: "token-file",
  gcpCredentialsFile: "gcp-credentials-file"
};

// action/revoke-step.ts
var TIMEOUT_MS2 = 1e4;
async function runRevokeStep(deps) {
  const { core } = deps;
  for (const [state, what] of [
    [STATE.dpopKeyFile, "DPoP key file"],
    [STATE.tokenFile, "token file"],
    [STATE.gcpCredentialsFile, "Google credentials file"]
  ]) {
    const file = core.getState(state);
    if (!file || !deps.secretFiles) continue;
    try {
      deps.secretFiles.remove(file);
    } catch (error2) {
      core.warning(`Could not remove the ${what} ${file}: ${describeError(error2)}`);
    }
  }
  const token = core.getState(STATE.token);
  if (!token) {
    core.debug("No token was issued: nothing to revoke.");
    return;
  }
  if (core.getState(STATE.kind) === "oidc") {
    core.info(
      `The token was for a cloud (an oidc environment): no cloud asks downscope whether a token was revoked, so it is not revoked; its file is removed, and it expires at ${core.getState(STATE.expiresAt)}.`
    );
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
  if (core.getState(STATE.kind) === "github") {
    const revoked2 = await revokeGithubToken(deps, core.getState(STATE.githubApiUrl), token);
    if (revoked2) core.info("Revoked the GitHub token at GitHub.");
    return;
  }
  const revoked = await revokeNow(deps, core.getState(STATE.url), token);
  if (revoked) core.info("Revoked the downscope token.");
}
async function revokeGithubToken(deps, apiUrl, token) {
  const { core } = deps;
  const url = parseServiceUrl(apiUrl);
  if (!url.ok) {
    core.warning(
      `The service named no usable GitHub API URL (${shown(apiUrl)}): the GitHub token was not revoked; it expires within the hour.`,
      {
        title: "downscope"
      }
    );
    return false;
  }
  try {
    const response = await deps.fetch(`${url.url}/installation/token`, {
      method: "DELETE",
      headers: {
        authorization: `token ${token}`,
        accept: "application/vnd.github+json",
        "x-github-api-version": "2022-11-28"
      },
      signal: AbortSignal.timeout(TIMEOUT_MS2)
    });
    await response.body?.cancel();
    if (response.status === 204) return true;
    if (response.status === 401) {
      core.info("The GitHub token was already revoked or expired.");
      return false;
    }
    core.warning(`Could not revoke the GitHub token (HTTP ${response.status}): it expires within the hour.`, {
      title: "downscope"
    });
  } catch (error2) {
    core.warning(`Could not revoke the GitHub token (${describeError(error2)}): it expires within the hour.`, {
      title: "downscope"
    });
  }
  return false;
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
        signal: AbortSignal.timeout(TIMEOUT_MS2)
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
      problem = error2 instanceof Error && (error2.name === "TimeoutError" || error2.name === "AbortError") ? `timed out after ${TIMEOUT_MS2 / 1e3} s` : describeError(error2);
    }
    if (attempt === 1) core.info(`Revoking the token failed (${problem}); trying once more.`);
  }
  core.warning(`Could not revoke the token (${problem}): it stays valid until it expires.`, { title: "downscope" });
  return false;
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
  const proxy = getProxyUrl(url);
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
  const text = async () => bytes.toString("utf8");
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
    text,
    json: async () => JSON.parse(await text()),
    body: { cancel: async () => {
    } }
  };
}

// action/secret-files.ts
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
function runnerSecretFiles(env = process.env) {
  return {
    write(name, content) {
      const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), "downscope-"));
      const path = join(dir, name);
      writeFileSync(path, content, { mode: 384, flag: "wx" });
      return path;
    },
    read(path) {
      if (statSync(path).size > 16 * 1024) throw new Error("larger than 16 KiB");
      return readFileSync(path, "utf8");
    },
    remove(path) {
      rmSync(join(path, ".."), { recursive: true, force: true });
    }
  };
}

export {
  actionsCore,
  systemClock,
  ActionError,
  shown,
  DEFAULT_RETRY_POLICY,
  parseRetryAfter,
  withRetries,
  idTokenEndpoint,
  requestIdToken,
  describeError,
  parseServiceUrl,
  STATE,
  runRevokeStep,
  revokeGithubToken,
  revokeNow,
  ResponseTooLarge,
  lightFetch,
  runnerSecretFiles
};

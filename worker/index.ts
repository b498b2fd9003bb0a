/** The Worker's entry point: one app per isolate, so configuration and key caches are shared. */
import { createApp } from "./app";

export { TokenState } from "./state/token-state";
export default createApp();

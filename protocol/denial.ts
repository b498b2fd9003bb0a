/**
 * A policy refusal as it travels (docs/protocol.md, `denial`): what the service sends and the action lays
 * out for the workflow's author. Built by the policy engine (policy/evaluate.ts).
 */

/** One condition of a rule, evaluated against a caller's claims. */
export interface ConditionResult {
  readonly condition: string;
  readonly held: boolean;
  readonly expected: readonly string[];
  /** The claim's value, or `null` when the token does not carry it as a string. */
  readonly actual: string | null;
  /** Why it failed when expected and actual alone would not say. */
  readonly note?: string;
}

/** What a caller may learn of a policy refusal: only the rules that cover its own repository. */
export interface Denial {
  readonly environment: string;
  /** The token's issuer: repository names and ids below are within it. */
  readonly issuer: string | null;
  readonly repository: string | null;
  readonly repository_id: string | null;
  /** False when no rule of the environment concerns this repository at all. */
  readonly covered: boolean;
  readonly rules: readonly {
    readonly rule: string;
    readonly failed: readonly Omit<ConditionResult, "held">[];
  }[];
}

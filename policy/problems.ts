/** A finding about a policy: an error stops it from applying, a warning is advice (lint). */
export interface Problem {
  readonly severity: "error" | "warning";
  /** Where in the document, e.g. `environments.staging.rules[0].ref`; empty for the whole document. */
  readonly path: string;
  readonly message: string;
  /** 1-based, when the document text is known. */
  readonly line?: number;
  readonly column?: number;
}

/** Renders a problem the way the service logs it and the CLI prints it. */
/** Where a check reports what it refuses, and carries on: validation shows every problem at once. */
export interface Problems {
  error(path: string, message: string): undefined;
  /** How many problems so far: a check compares it before and after. */
  readonly count: number;
}

export function formatProblem(problem: Problem): string {
  const at = problem.line === undefined ? "" : `${problem.line}:${problem.column ?? 1}: `;
  const where = problem.path === "" ? "" : `${problem.path}: `;
  return `${at}${problem.severity}: ${where}${problem.message}`;
}

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
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

/** Each of `scopes` must be among `allowed`; a suggestion where one fits. */
export function notWithin(
  check: Problems,
  scopes: readonly string[],
  allowed: readonly string[],
  path: string,
  what: string,
): void {
  scopes.forEach((scope, index) => {
    if (!allowed.includes(scope)) {
      const suggestion = closest(scope, allowed);
      check.error(
        `${path}[${index}]`,
        `"${scope}" is not within ${what}${suggestion ? `, did you mean "${suggestion}"?` : ""}`,
      );
    }
  });
}

/**
 * A bound on the work one analysis may do. Deciding containment of glob languages is
 * exponential in the worst case (`refs/**a??????` against its reordered list), so `policy diff`
 * spends from one budget and, when it runs out, stops with `WorkBudgetExceeded`: the caller
 * reports "undecided", which the review gate counts as widening, never as a silent pass.
 * Counted in steps, not seconds, so the verdict does not depend on the machine's speed.
 */
export class WorkBudgetExceeded extends Error {
  override name = "WorkBudgetExceeded";
  constructor(readonly limit: number) {
    super(`the analysis needed more than ${limit.toLocaleString("en-US")} steps`);
  }
}

export class WorkBudget {
  private spent = 0;
  constructor(readonly limit: number) {}

  /** Charges `steps`; throws `WorkBudgetExceeded` once the total passes the limit. */
  spend(steps = 1): void {
    this.spent += steps;
    if (this.spent > this.limit) throw new WorkBudgetExceeded(this.limit);
  }

  get used(): number {
    return this.spent;
  }
}

/**
 * What `policy diff` may spend on two policies with `rules` rules in all: a fixed part (about
 * 1.5 s and 300 MB on a pathological pair of pattern lists) and a share per rule, since the
 * work on ordinary policies grows with their size (two 10,000-rule policies use ~1.6 million).
 */
export const diffBudget = (rules: number): WorkBudget => new WorkBudget(5_000_000 + 250 * rules);

/** For callers that bound nothing (tests of the automata themselves). */
export const unbounded = (): WorkBudget => new WorkBudget(Number.POSITIVE_INFINITY);

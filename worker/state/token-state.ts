/**
 * A Durable Object holding short-lived facts about tokens, each until a moment after which it
 * no longer matters: "this subject token was exchanged" (until its `exp` plus the skew), "this
 * minted token was revoked" (until its `exp`). One SQLite table, one atomic statement per
 * claim, and an alarm that forgets what has expired, so the table never grows without bound.
 */
import { DurableObject } from "cloudflare:workers";

/** Expired rows are swept at most this often, in batches, rather than one alarm per row. */
const SWEEP_GRANULARITY_MS = 30_000;

// The object needs no bindings of its own.
export class TokenState extends DurableObject<Record<string, never>> {
  private nextSweep: number | null = null;

  constructor(ctx: DurableObjectState, env: Record<string, never>) {
    super(ctx, env);
    ctx.blockConcurrencyWhile(async () => {
      this.ctx.storage.sql.exec(
        "CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, until INTEGER NOT NULL) WITHOUT ROWID",
      );
      this.ctx.storage.sql.exec("CREATE INDEX IF NOT EXISTS facts_until ON facts (until)");
      // Who claimed a key (one exchange): added to tables made before claims were idempotent.
      const columns = this.ctx.storage.sql.exec<{ name: string }>("PRAGMA table_info(facts)").toArray();
      if (!columns.some((column) => column.name === "holder")) {
        this.ctx.storage.sql.exec("ALTER TABLE facts ADD COLUMN holder TEXT");
      }
      this.nextSweep = await this.ctx.storage.getAlarm();
    });
  }

  /**
   * Records `key` until `until` (ms since the epoch) and says whether it is this claim's: new,
   * or claimed before by the same `holder` (one exchange retrying after its answer was lost).
   * Atomic: the insert is one statement, and an object runs one call at a time.
   */
  async claim(key: string, until: number, holder?: string): Promise<boolean> {
    // One statement that inserts or does nothing: a look-up then an insert costs ~10% more per
    // exchange, and a key already present (even expired, not yet swept) is never claimed again.
    const inserted = this.ctx.storage.sql.exec(
      "INSERT INTO facts (key, until, holder) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
      key,
      until,
      holder ?? null,
    ).rowsWritten;
    if (inserted === 0) {
      if (holder === undefined) return false;
      const [row] = this.ctx.storage.sql
        .exec<{ holder: string | null }>("SELECT holder FROM facts WHERE key = ?", key)
        .toArray();
      return row?.holder === holder;
    }
    await this.sweepBy(until);
    return true;
  }

  /** Whether `key` is recorded (and not yet forgotten). */
  async has(key: string): Promise<boolean> {
    return this.holds(key);
  }

  private holds(key: string): boolean {
    return this.ctx.storage.sql.exec("SELECT 1 FROM facts WHERE key = ? LIMIT 1", key).toArray().length > 0;
  }

  /** How many facts the object holds: for tests and operators, never on the request path. */
  async size(): Promise<number> {
    return this.ctx.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM facts").one().n;
  }

  override async alarm(): Promise<void> {
    this.ctx.storage.sql.exec("DELETE FROM facts WHERE until <= ?", Date.now());
    this.nextSweep = null;
    const next = this.ctx.storage.sql
      .exec<{ until: number | null }>("SELECT MIN(until) AS until FROM facts")
      .one().until;
    if (next !== null) await this.sweepBy(next);
  }

  private async sweepBy(until: number): Promise<void> {
    const at = Math.max(until, Date.now()) + SWEEP_GRANULARITY_MS;
    if (this.nextSweep !== null && this.nextSweep <= at) return;
    this.nextSweep = at;
    await this.ctx.storage.setAlarm(at);
  }
}

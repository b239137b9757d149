/**
 * Group commit in the application: writes that arrive while others are in flight wait and go
 * together, as one statement, when one returns. Where every write must pass one hot row (a counter
 * that draws gapless numbers), each statement holds its lock until its commit, so writes sent one
 * by one queue on it one commit after another; grouped, a commit carries many. A write that
 * arrives when fewer than `concurrent` statements are in flight goes at once, so a quiet system
 * waits for nothing; with two in flight the database has the next group ready as the lock frees.
 */
export class GroupWrite<T, R> {
  private waiting: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private flying = 0;

  /**
   * @param write writes the group in one statement and answers each item, in order.
   * @param max the most items in one statement.
   * @param concurrent the most statements in flight at once.
   * @param lingerTurns how many more event-loop turns a group may wait while it is still growing.
   */
  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly max = 64,
    private readonly concurrent = 2,
    private readonly lingerTurns = 0,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length === 1) this.launchSoon(0, 0);
    });
  }

  /**
   * Launches after the event loop's current phase (setImmediate): the requests that arrived together
   * reach `submit` first and go in one statement, not the first alone. With `lingerTurns`, a group
   * that grew during the last turn waits one more (at most that many): requests sent at one moment
   * reach the server over several reads, and with one statement at a time a burst that goes as a
   * first few leaves the rest waiting for that whole statement.
   */
  private launchSoon(turn: number, seen: number): void {
    setImmediate(() => {
      const n = this.waiting.length;
      if (turn < this.lingerTurns && n > seen && n < this.max && this.flying < this.concurrent) this.launchSoon(turn + 1, n);
      else this.launch();
    });
  }

  private launch(): void {
    while (this.waiting.length && this.flying < this.concurrent) void this.fly(this.waiting.splice(0, this.max));
  }

  private async fly(group: typeof this.waiting): Promise<void> {
    this.flying++;
    try {
      const answers = await this.write(group.map((g) => g.item));
      group.forEach((g, i) => g.resolve(answers[i]!));
    } catch (e) {
      for (const g of group) g.reject(e);
    } finally {
      this.flying--;
      this.launch();
    }
  }
}

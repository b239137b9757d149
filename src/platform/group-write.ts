/**
 * Group commit in the application: writes that arrive while one is in flight wait and go together,
 * as one statement, when it returns. Where every write must pass one hot row (a counter that draws
 * gapless numbers), each statement holds its lock until its commit, so writes sent one by one
 * queue on it one commit after another; grouped, a commit carries many. A write that arrives when
 * none is in flight goes at once, so a quiet system waits for nothing.
 */
export class GroupWrite<T, R> {
  private waiting: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  private flying = false;

  /**
   * @param write writes the group in one statement and answers each item, in order.
   * @param max the most items in one statement.
   */
  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly max = 64,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.flying) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.flying = true;
    try {
      while (this.waiting.length) {
        const group = this.waiting.splice(0, this.max);
        try {
          const answers = await this.write(group.map((g) => g.item));
          group.forEach((g, i) => g.resolve(answers[i]!));
        } catch (e) {
          for (const g of group) g.reject(e);
        }
      }
    } finally {
      this.flying = false;
    }
  }
}

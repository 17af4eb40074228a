/**
 * Runs async work one at a time per key, so two requests never interleave their reads and writes
 * of one repository (e.g. two merges into the same base).
 */
export class SerialLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `work` after every earlier task with the same key has settled. */
  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}

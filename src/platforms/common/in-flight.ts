/**
 * Work that outlives the HTTP response (every platform acknowledges first and works after); stop() waits for it,
 * and tests wait for it instead of sleeping.
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Runs work and waits for it, tracked until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.running.add(promise);
    try {
      return await promise;
    } finally {
      this.running.delete(promise);
    }
  }

  /** Starts work without waiting for it; a failure is the work's own to report. */
  start(work: () => Promise<void>): void {
    void this.run(work).catch(() => {});
  }

  /** Resolves once nothing is running, including work that started while waiting. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

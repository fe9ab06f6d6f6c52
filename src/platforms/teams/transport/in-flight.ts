/** Work that outlives the HTTP response; stop() waits for it, tests wait for it instead of sleeping. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();

  /** Starts work without waiting for it; a failure is the work's own to report. */
  start(work: () => Promise<void>): void {
    const promise = work().catch(() => {});
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

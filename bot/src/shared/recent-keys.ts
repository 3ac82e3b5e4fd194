import type { Clock } from './clock';

/**
 * Remembers keys for a while. Teams redelivers an activity it got no timely answer for (after
 * about 15 s); remembering ids for minutes lets the second delivery be recognised and skipped.
 */
export class RecentKeys {
  private readonly seenAt = new Map<string, number>();

  constructor(private readonly options: { ttlMs: number; maxEntries: number; clock: Clock }) {}

  /** Records `key`; returns true when it had already been recorded within the TTL. */
  checkAndRemember(key: string): boolean {
    const now = this.options.clock.now().getTime();
    this.evict(now);
    const previous = this.seenAt.get(key);
    if (previous !== undefined && now - previous < this.options.ttlMs) return true;
    this.seenAt.set(key, now);
    return false;
  }

  private evict(now: number): void {
    // Map iterates in insertion order, so the oldest entries come first.
    for (const [key, at] of this.seenAt) {
      if (now - at < this.options.ttlMs && this.seenAt.size < this.options.maxEntries) break;
      this.seenAt.delete(key);
    }
  }
}

import { DAY_MS, osloDateOf } from '../time/oslo.js';

export { DAY_MS, osloDateOf };

/**
 * The clock of a test app: the wall clock, moved by `advanceDays`. Every date a test uses comes
 * from here, never from the calendar, so the suite passes on any day; `pnpm test:clock` proves
 * it by running the suite with the system clock years away.
 */
export class TestClock {
  private offsetMs = 0;

  /** Now, on the servers' clock. */
  readonly now = (): Date => new Date(Date.now() + this.offsetMs);

  advanceDays(days: number): void {
    this.offsetMs += days * DAY_MS;
  }

  /** Moves the clock forward to `at` (never back: what the servers wrote would then lie ahead). */
  moveTo(at: Date): void {
    const ms = at.getTime() - this.now().getTime();
    if (ms < 0) throw new Error(`the clock does not go back (to ${at.toISOString()})`);
    this.offsetMs += ms;
  }

  /** The moment `days` days ago (negative: ahead). */
  daysAgo(days: number): Date {
    return new Date(this.now().getTime() - days * DAY_MS);
  }

  /** The date in Oslo `days` days from now (negative: ago), as YYYY-MM-DD. */
  osloDate(days = 0): string {
    return osloDateOf(this.daysAgo(-days));
  }

  /** The month in Oslo `days` days from now, as YYYY-MM. */
  osloMonth(days = 0): string {
    return this.osloDate(days).slice(0, 7);
  }

  /** The first date in Oslo at least `days` days from now that falls on `isoWeekday` (1 = Monday … 7 = Sunday). */
  osloDateOnWeekday(isoWeekday: number, days = 7): string {
    const start = this.osloDate(days);
    const weekday = new Date(`${start}T12:00:00Z`).getUTCDay() || 7;
    return this.osloDate(days + ((isoWeekday - weekday + 7) % 7));
  }
}

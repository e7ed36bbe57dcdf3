/** A count that starts again each (UTC) day: Diagnostics' "reconnects today". */
export class DailyCount {
  private day = '';
  private count = 0;

  add(now: number): void {
    this.roll(now);
    this.count += 1;
  }

  today(now: number): number {
    return this.day === dayOf(now) ? this.count : 0;
  }

  private roll(now: number): void {
    const day = dayOf(now);
    if (day === this.day) return;
    this.day = day;
    this.count = 0;
  }
}

function dayOf(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

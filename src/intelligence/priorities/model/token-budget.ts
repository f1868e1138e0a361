/**
 * Tokens spent per UTC day, against a configured budget. Kept per instance: with N instances the ceiling is
 * N × budget, which the README states; a shared Redis counter is the next step if that matters.
 */
export class TokenBudget {
  private day = '';
  private used = 0;

  constructor(private readonly dailyLimit: number, private readonly now: () => Date = () => new Date()) {}

  private roll(): void {
    const today = this.now().toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.used = 0;
    }
  }

  hasRoom(): boolean {
    this.roll();
    return this.used < this.dailyLimit;
  }

  spend(tokens: number): void {
    this.roll();
    this.used += tokens;
  }

  get usedToday(): number {
    this.roll();
    return this.used;
  }
}

/**
 * A circuit breaker around the LLM endpoint. After `failureThreshold`
 * consecutive failures it opens: calls fail at once with `circuit_open`
 * (the rules answer) instead of each waiting for a timeout. After
 * `coolDownMs` it half-opens and lets exactly one probe through; the probe's
 * success closes it, its failure opens it for another cool-down. The clock
 * is injected so tests move time by hand.
 */
import { llmError } from './llm-errors.ts';

export interface Clock {
  /** Milliseconds; only differences matter. */
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

export type CircuitState = 'closed' | 'open' | 'half_open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit (default 5). */
  readonly failureThreshold?: number;
  /** How long the circuit stays open before a probe (default 30 s). */
  readonly coolDownMs?: number;
  readonly clock?: Clock;
  /** Which errors count as failures; others (e.g. a bad answer from a healthy endpoint) count as success. */
  readonly isFailure?: (error: unknown) => boolean;
  readonly onStateChange?: (state: CircuitState, previous: CircuitState) => void;
}

export class CircuitBreaker {
  private readonly threshold: number;
  private readonly coolDownMs: number;
  private readonly clock: Clock;
  private readonly isFailure: (error: unknown) => boolean;
  private readonly onStateChange: ((state: CircuitState, previous: CircuitState) => void) | undefined;
  private failures = 0;
  private openedAt: number | undefined;
  private probing = false;
  private current: CircuitState = 'closed';

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = Math.max(1, options.failureThreshold ?? 5);
    this.coolDownMs = Math.max(0, options.coolDownMs ?? 30_000);
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.isFailure = options.isFailure ?? (() => true);
    this.onStateChange = options.onStateChange;
  }

  /** The state now: an open circuit whose cool-down has passed reads as half-open. */
  get state(): CircuitState {
    if (this.current === 'open' && this.openedAt !== undefined && this.clock.now() - this.openedAt >= this.coolDownMs) this.transition('half_open');
    return this.current;
  }

  get consecutiveFailures(): number {
    return this.failures;
  }

  /** Runs `fn` unless the circuit is open (or half-open with its probe already out). */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half_open' && this.probing)) {
      const retryInMs = this.openedAt === undefined ? 0 : Math.max(0, this.coolDownMs - (this.clock.now() - this.openedAt));
      throw llmError('circuit_open', `LLM circuit is open after ${this.failures} consecutive failures`, { retryInMs, state });
    }
    const probe = state === 'half_open';
    if (probe) this.probing = true;
    try {
      const value = await fn();
      this.succeeded();
      return value;
    } catch (error) {
      if (this.isFailure(error)) this.failed(probe);
      else this.succeeded();
      throw error;
    } finally {
      if (probe) this.probing = false;
    }
  }

  private succeeded(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.transition('closed');
  }

  private failed(probe: boolean): void {
    this.failures += 1;
    if (probe || this.failures >= this.threshold) {
      this.openedAt = this.clock.now();
      this.transition('open');
    }
  }

  private transition(next: CircuitState): void {
    if (next === this.current) return;
    const previous = this.current;
    this.current = next;
    this.onStateChange?.(next, previous);
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors/app-error.ts';
import { startFakeLlm, type FakeLlmServer } from '../../test/fake-llm/fake-llm-server.ts';
import { reconResponder } from '../../test/fake-llm/recon-responder.ts';
import { sampleBreakContexts } from '../../test/fake-llm/sample-breaks.ts';
import { CircuitBreaker, type CircuitState, type Clock } from './circuit-breaker.ts';
import { createLlmAgents } from './llm-agents.ts';
import { fallbackReasonOf } from './llm-errors.ts';

class FakeClock implements Clock {
  t = 1_000_000;
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

const fail = () => Promise.reject(new Error('boom'));
const reasonOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? fallbackReasonOf(e) : 'raw'));

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures, fails fast, half-opens after the cool-down and closes on success', async () => {
    const clock = new FakeClock();
    const changes: CircuitState[] = [];
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 10_000, clock, onStateChange: (s) => changes.push(s) });
    let calls = 0;
    const counted = () => {
      calls += 1;
      return fail();
    };
    for (let i = 0; i < 3; i++) expect(await reasonOf(breaker.run(counted))).toBe('raw');
    expect(breaker.state).toBe('open');
    expect(await reasonOf(breaker.run(counted))).toBe('circuit_open');
    expect(calls).toBe(3);
    clock.advance(9_999);
    expect(breaker.state).toBe('open');
    clock.advance(1);
    expect(breaker.state).toBe('half_open');
    expect(await breaker.run(() => Promise.resolve(42))).toBe(42);
    expect(breaker.state).toBe('closed');
    expect(changes).toEqual(['open', 'half_open', 'closed']);
  });

  it('lets one probe through when half-open and reopens when it fails', async () => {
    const clock = new FakeClock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 100, clock });
    await reasonOf(breaker.run(fail));
    clock.advance(100);
    let release!: () => void;
    const probe = breaker.run(() => new Promise<void>((_, reject) => (release = () => reject(new Error('still down')))));
    expect(await reasonOf(breaker.run(() => Promise.resolve(1)))).toBe('circuit_open');
    release();
    expect(await reasonOf(probe)).toBe('raw');
    expect(breaker.state).toBe('open');
  });

  it('resets the count on success and ignores errors that are not failures', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, isFailure: (e) => e instanceof Error && e.message === 'boom' });
    await reasonOf(breaker.run(fail));
    await breaker.run(() => Promise.resolve());
    await reasonOf(breaker.run(fail));
    await reasonOf(breaker.run(() => Promise.reject(new Error('bad answer'))));
    await reasonOf(breaker.run(fail));
    expect(breaker.state).toBe('closed');
    expect(breaker.consecutiveFailures).toBe(1);
  });
});

describe('the LLM agents behind the circuit', () => {
  let server: FakeLlmServer;
  beforeAll(async () => {
    server = await startFakeLlm({ responder: reconResponder() });
  });
  afterAll(() => server.close());
  const contexts = sampleBreakContexts({ count: 3, seed: 4 });

  it('stop calling a failing endpoint, probe after the cool-down, and close on success', async () => {
    const clock = new FakeClock();
    const llm = createLlmAgents({ baseUrl: server.baseUrl, model: 'fake-model', timeoutMs: 2_000, maxRetries: 0, clock, circuit: { failureThreshold: 3, coolDownMs: 30_000 } });
    server.setMode('server_error');
    for (let i = 0; i < 3; i++) expect(await reasonOf(llm.classify(contexts))).toBe('server_error');
    expect(llm.circuit.state).toBe('open');
    const before = server.requestCount;
    expect(await reasonOf(llm.classify(contexts))).toBe('circuit_open');
    expect(await reasonOf(llm.suggest([]))).toBe('ok'); // nothing to ask, nothing refused
    expect(server.requestCount).toBe(before);
    clock.advance(30_000);
    expect(llm.circuit.state).toBe('half_open');
    server.setMode(undefined);
    expect((await llm.classify(contexts)).outputs).toHaveLength(3);
    expect(server.requestCount).toBe(before + 1);
    expect(llm.circuit.state).toBe('closed');
  });

  it('counts a bad answer from a healthy endpoint as the endpoint being up', async () => {
    const llm = createLlmAgents({ baseUrl: server.baseUrl, model: 'fake-model', timeoutMs: 2_000, maxRetries: 0, circuit: { failureThreshold: 1 } });
    server.enqueue('wrong_ids');
    expect(await reasonOf(llm.classify(contexts))).toBe('unknown_ids');
    expect(llm.circuit.state).toBe('closed');
  });
});

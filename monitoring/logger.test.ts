import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { childLogger, createLogger } from './logger.ts';

function memory(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('createLogger', () => {
  it('writes JSON lines with level, time and message', () => {
    const out = memory();
    const logger = createLogger({ destination: out.stream, level: 'info' });
    logger.info({ count: 3 }, 'imported');
    logger.debug('hidden below the level');
    const [line, ...rest] = out.lines();
    expect(rest).toHaveLength(0);
    expect(line).toMatchObject({ level: 30, msg: 'imported', count: 3, service: 'recon' });
    expect(typeof line?.time).toBe('string');
  });

  it('binds ids on child loggers and drops undefined ones', () => {
    const out = memory();
    const logger = childLogger(createLogger({ destination: out.stream }), { runId: 'run-1', jobId: undefined, component: 'worker' });
    logger.info('started');
    const [line] = out.lines();
    expect(line).toMatchObject({ runId: 'run-1', component: 'worker', msg: 'started' });
    expect(line).not.toHaveProperty('jobId');
  });

  it('redacts secrets', () => {
    const out = memory();
    const logger = createLogger({ destination: out.stream });
    logger.info({ config: { databaseUrl: 'postgres://u:pw@h/db', apiKey: 'sk-123' }, req: { headers: { authorization: 'Bearer t' } } }, 'cfg');
    const text = JSON.stringify(out.lines());
    expect(text).not.toContain('pw@h');
    expect(text).not.toContain('sk-123');
    expect(text).not.toContain('Bearer t');
    expect(text).toContain('[redacted]');
  });

  it('redacts secrets two levels down and in environment-shaped objects', () => {
    const out = memory();
    const logger = createLogger({ destination: out.stream });
    logger.info({ config: { llm: { apiKey: 'sk-deep' } }, env: { LLM_API_KEY: 'sk-env', DATABASE_URL: 'postgres://u:envpw@h/db' }, options: { headers: { authorization: 'Bearer deep' } } }, 'deep');
    const text = JSON.stringify(out.lines());
    for (const secret of ['sk-deep', 'sk-env', 'envpw', 'Bearer deep']) expect(text).not.toContain(secret);
  });

  it('cuts credentials out of URLs in messages and in logged errors', () => {
    const out = memory();
    const logger = createLogger({ destination: out.stream });
    logger.warn('cannot reach postgres://recon:msgpw@db:5432/recon');
    logger.error({ err: new Error('connect ECONNREFUSED redis://:errpw@redis:6379') }, 'queue down');
    const text = JSON.stringify(out.lines());
    expect(text).not.toContain('msgpw');
    expect(text).not.toContain('errpw');
    expect(text).toContain('postgres://recon:[redacted]@db:5432/recon');
    expect(text).toContain('ECONNREFUSED');
  });
});

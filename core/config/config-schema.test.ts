import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.ts';
import { CONFIG_VARIABLES, parseConfig } from './config-schema.ts';

function failure(env: Record<string, string>): AppError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected parseConfig to fail');
}

describe('parseConfig', () => {
  it('works with no variables at all (embedded mode)', () => {
    const config = parseConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      redisUrl: undefined,
      dataDir: '.data',
      mode: 'rules',
      logLevel: 'info',
      requireServices: false,
    });
    expect(config.llm.maxRetries).toBeLessThanOrEqual(2);
  });

  it('reads the documented variables', () => {
    const config = parseConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://recon:secret@db:5432/recon',
      REDIS_URL: 'redis://cache:6379',
      RECON_DATA_DIR: '/var/lib/recon',
      LLM_BASE_URL: 'http://localhost:11434/v1',
      LLM_API_KEY: 'sk-test',
      LLM_MODEL: 'llama3.1',
      LOG_LEVEL: 'debug',
      RECON_REQUIRE_SERVICES: '1',
    });
    expect(config.port).toBe(8080);
    expect(config.databaseUrl).toBe('postgres://recon:secret@db:5432/recon');
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.dataDir).toBe('/var/lib/recon');
    expect(config.llm).toMatchObject({ baseUrl: 'http://localhost:11434/v1', apiKey: 'sk-test', model: 'llama3.1' });
    expect(config.mode).toBe('hybrid');
    expect(config.logLevel).toBe('debug');
    expect(config.requireServices).toBe(true);
  });

  it('treats empty strings as unset', () => {
    const config = parseConfig({ DATABASE_URL: '', PORT: '', LLM_BASE_URL: '' });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.mode).toBe('rules');
  });

  it('lets RECON_MODE override the derived mode', () => {
    expect(parseConfig({ LLM_BASE_URL: 'http://x/v1', RECON_MODE: 'llm' }).mode).toBe('llm');
  });

  it('lists every problem in one message', () => {
    const error = failure({ PORT: 'abc', DATABASE_URL: 'not a url', REDIS_URL: 'http://x', LOG_LEVEL: 'loud' });
    expect(error.code).toBe('config_invalid');
    expect(error.issues.map((i) => i.field).sort()).toEqual(['DATABASE_URL', 'LOG_LEVEL', 'PORT', 'REDIS_URL']);
    expect(error.message).toContain('4 problems');
    expect(error.message).toMatch(/PORT: must be a whole number/);
    expect(error.message).toMatch(/DATABASE_URL: must be a URL/);
    expect(error.message).toMatch(/REDIS_URL: must start with redis:\/\/ or rediss:\/\//);
  });

  it('reads the agent run settings, with auto-approval off unless an amount is given', () => {
    expect(parseConfig({ RECON_TWO_APPROVER_ABOVE: '10000.00' }).twoApproverAbove).toBe('10000.00');
    expect(parseConfig({}).llm.structuredOutput).toBe('function_calling');
    expect(parseConfig({ LLM_STRUCTURED_OUTPUT: 'json_mode' }).llm.structuredOutput).toBe('json_mode');
    expect(failure({ LLM_STRUCTURED_OUTPUT: 'xml' }).message).toMatch(/LLM_STRUCTURED_OUTPUT: must be function_calling or json_mode/);
    expect(parseConfig({})).toMatchObject({ hybridThreshold: 0.8, llmBatchSize: 20, autoApproveMaxAmount: undefined, twoApproverAbove: undefined, llm: { price: { promptPerMTok: '0', completionPerMTok: '0' } } });
    const config = parseConfig({ RECON_HYBRID_THRESHOLD: '0.65', RECON_LLM_BATCH_SIZE: '8', RECON_AUTO_APPROVE_MAX_AMOUNT: '50.00', LLM_PRICE_PROMPT_PER_MTOK: '0.15', LLM_PRICE_COMPLETION_PER_MTOK: '0.60' });
    expect(config).toMatchObject({ hybridThreshold: 0.65, llmBatchSize: 8, autoApproveMaxAmount: '50.00', llm: { price: { promptPerMTok: '0.15', completionPerMTok: '0.60' } } });
    const error = failure({ RECON_HYBRID_THRESHOLD: '2', RECON_AUTO_APPROVE_MAX_AMOUNT: '-5', LLM_PRICE_PROMPT_PER_MTOK: '1,5' });
    expect(error.issues.map((i) => i.field).sort()).toEqual(['LLM_PRICE_PROMPT_PER_MTOK', 'RECON_AUTO_APPROVE_MAX_AMOUNT', 'RECON_HYBRID_THRESHOLD']);
  });

  it('reads the API edge settings: CORS origins (same origin only by default) and the rate limit', () => {
    expect(parseConfig({})).toMatchObject({ corsOrigins: [], rateLimitPerMinute: 600 });
    const config = parseConfig({ RECON_CORS_ORIGINS: ' https://app.example.com , http://localhost:5173/,', RECON_RATE_LIMIT_PER_MINUTE: '120' });
    expect(config.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(config.rateLimitPerMinute).toBe(120);
    expect(parseConfig({ RECON_RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute).toBe(0);
    const error = failure({ RECON_CORS_ORIGINS: 'https://ok.example.com,*,https://x.example.com/path', RECON_RATE_LIMIT_PER_MINUTE: '-1' });
    expect(error.issues.map((i) => i.field).sort()).toEqual(['RECON_CORS_ORIGINS', 'RECON_CORS_ORIGINS', 'RECON_RATE_LIMIT_PER_MINUTE']);
    expect(error.message).toContain('"*" is not an origin');
  });

  it('rejects out-of-range numbers', () => {
    expect(failure({ PORT: '70000' }).message).toMatch(/PORT: must be at most 65535/);
    expect(failure({ PORT: '3.5' }).message).toMatch(/PORT: must be a whole number/);
  });

  it('documents the configuration names operators rely on', () => {
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'RECON_DATA_DIR', 'LLM_BASE_URL', 'LLM_API_KEY', 'LLM_MODEL', 'LOG_LEVEL']) {
      expect(CONFIG_VARIABLES).toContain(name);
    }
  });
});

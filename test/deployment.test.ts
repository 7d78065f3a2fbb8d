/**
 * The deployment files hold together without Docker: the compose file has
 * the services, ports, probes and ordering the docs promise; Prometheus
 * scrapes what compose runs and loads the rules; the rules and dashboards
 * query only metrics the code exports; `.env.example` documents every
 * configuration variable.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../core/config/config-schema.ts';
import { registerExposureGauges } from '../monitoring/exposure-gauges.ts';
import { createMetrics } from '../monitoring/metrics-registry.ts';
import { testEnv } from './test-env.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
const yamlFile = <T>(path: string): T => parse(read(path), { merge: true }) as T;

interface ComposeService {
  readonly command?: string[];
  readonly restart?: string;
  readonly build?: string;
  readonly container_name?: string;
  readonly depends_on: Record<string, { condition: string }>;
  readonly environment: Record<string, string | number>;
  readonly ports?: string[];
  readonly expose?: string[];
  readonly volumes?: string[];
  readonly healthcheck: { test: string[] };
}
interface ScrapeConfig {
  readonly job_name: string;
  readonly metrics_path?: string;
  readonly static_configs?: { targets: string[] }[];
  readonly dns_sd_configs?: { names: string[]; type: string; port: number }[];
}
interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly labels: { severity: string };
  readonly annotations: { summary: string };
}

const services = yamlFile<{ services: Record<string, ComposeService> }>('docker-compose.prod.yml').services;
const prometheus = yamlFile<{ scrape_configs: ScrapeConfig[]; rule_files: string[] }>('monitoring/prometheus/prometheus.yml');
const alertRules = yamlFile<{ groups: { name: string; rules: AlertRule[] }[] }>('monitoring/prometheus/alerts.yml').groups.flatMap((g) => g.rules);
const DASHBOARD_DIR = 'monitoring/grafana/dashboards';
const dashboards = readdirSync(join(ROOT, DASHBOARD_DIR))
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ file: f, json: JSON.parse(read(`${DASHBOARD_DIR}/${f}`)) as { uid: string; title: string; panels: { title: string; datasource?: { uid: string }; targets: { expr: string; datasource?: { uid: string } }[] }[] } }));

/** Every metric family the processes export: the registry, the database gauges, and the process defaults. */
async function exportedNames(): Promise<Set<string>> {
  const metrics = createMetrics();
  registerExposureGauges(metrics, async () => ({ openExceptions: [], moneyAtRisk: [], decisions: [], lastCompletedRunAt: null, connections: [] }));
  return new Set((await metrics.registry.getMetricsAsJSON()).map((m) => m.name));
}

const PROMQL_WORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset', 'inf', 'nan']);
/** Series Prometheus makes itself. */
const PROMETHEUS_SERIES = new Set(['up']);

/** Metric names a PromQL expression selects: identifiers that are not functions, keywords, label lists or strings. */
function promqlMetricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '');
  const names: string[] = [];
  for (const m of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*(\s*\()?/g)) {
    if (m[1]) continue;
    const name = m[0];
    if (!PROMQL_WORDS.has(name.toLowerCase())) names.push(name);
  }
  return names;
}
const family = (name: string): string => name.replace(/_(bucket|sum|count)$/, '');

describe('promqlMetricNames', () => {
  it('finds the selected series and leaves out functions, keywords, labels and durations', () => {
    expect(promqlMetricNames('histogram_quantile(0.95, sum by (le, route) (rate(recon_http_request_duration_seconds_bucket{route!="/x"}[$__rate_interval]))) > 1 and up == 1')).toEqual(['recon_http_request_duration_seconds_bucket', 'up']);
    expect(promqlMetricNames('time() - max(recon_run_last_completed_timestamp_seconds) > 26 * 3600')).toEqual(['recon_run_last_completed_timestamp_seconds']);
  });
});

describe('docker-compose.prod.yml', () => {
  it('runs the whole stack', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'grafana', 'migrate', 'postgres', 'prometheus', 'redis', 'worker']);
  });

  it('migrates once, before the api and the workers start', () => {
    expect(services.migrate!.command).toEqual(['migrate']);
    expect(services.migrate!.restart).toBe('no');
    for (const name of ['api', 'worker']) {
      expect(services[name]!.depends_on.migrate).toEqual({ condition: 'service_completed_successfully' });
      expect(services[name]!.depends_on.postgres).toEqual({ condition: 'service_healthy' });
    }
  });

  it('builds the Recon services from the Dockerfile with the database and Redis of the stack', () => {
    for (const name of ['migrate', 'api', 'worker']) {
      const s = services[name]!;
      expect(s.build).toBe('.');
      expect(s.environment.DATABASE_URL).toMatch(/^postgres:\/\/recon:\$\{POSTGRES_PASSWORD[^}]*\}@postgres:5432\/recon$/);
      expect(s.environment.REDIS_URL).toBe('redis://redis:6379');
      // The worker's metrics server binds HOST too: loopback would hide it from Prometheus.
      expect(s.environment.HOST).toBe('0.0.0.0');
    }
  });

  it('publishes the API on port 3000 with its liveness probe', () => {
    const api = services.api!;
    expect(api.command).toEqual(['serve']);
    expect(api.ports).toEqual(['${RECON_HTTP_PORT:-3000}:3000']);
    expect(api.environment.PORT).toBe(3000);
    expect(api.healthcheck.test.join(' ')).toContain('/api/health/live');
  });

  it('lets workers scale: no fixed name, no host port, metrics on 9465', () => {
    const worker = services.worker!;
    expect(worker.command).toEqual(['worker']);
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
    expect(worker.environment.RECON_WORKER_METRICS_PORT).toBe(9465);
    expect(worker.expose).toEqual(['9465']);
    expect(worker.healthcheck.test.join(' ')).toContain('9465/livez');
  });

  it('keeps Prometheus and Grafana on the loopback and mounts folders that exist', () => {
    expect(services.prometheus!.ports).toEqual(['127.0.0.1:${PROMETHEUS_PORT:-9090}:9090']);
    expect(services.grafana!.ports).toEqual(['127.0.0.1:${GRAFANA_PORT:-3001}:3000']);
    const binds = Object.values(services).flatMap((s) => (s.volumes ?? []).filter((v) => v.startsWith('./')));
    expect(binds.length).toBeGreaterThanOrEqual(3);
    for (const bind of binds) expect(existsSync(join(ROOT, bind.split(':')[0]!)), bind).toBe(true);
    expect(binds).toContain('./monitoring/grafana/dashboards:/etc/grafana/dashboards:ro');
  });
});

describe('Prometheus', () => {
  it('scrapes the API and every worker replica where compose runs them', () => {
    const jobs = Object.fromEntries(prometheus.scrape_configs.map((j) => [j.job_name, j]));
    expect(jobs['recon-api']!.static_configs?.[0]?.targets).toEqual(['api:3000']);
    expect(jobs['recon-worker']!.dns_sd_configs?.[0]).toMatchObject({ names: ['worker'], type: 'A', port: services.worker!.environment.RECON_WORKER_METRICS_PORT });
    expect(jobs['recon-api']!.metrics_path).toBe('/metrics');
  });

  it('loads the rule file compose mounts', () => {
    expect(prometheus.rule_files).toEqual(['/etc/prometheus/alerts.yml']);
    expect(services.prometheus!.volumes).toContain('./monitoring/prometheus:/etc/prometheus:ro');
  });

  it('has the alert rules the runbook names, each with a severity and a summary', () => {
    const rules = alertRules;
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining(['ReconRunFailed', 'ReconRunMissedSchedule', 'ReconFallbackRateHigh', 'ReconLlmErrorRateHigh', 'ReconQueueBacklogGrowing', 'ReconExceptionsPastSla', 'ReconHttpErrorRateHigh', 'ReconHttpLatencyHigh']),
    );
    expect(new Set(rules.map((r) => r.alert)).size).toBe(rules.length);
    for (const r of rules) {
      expect(['critical', 'warning']).toContain(r.labels.severity);
      expect(r.annotations.summary.length).toBeGreaterThan(0);
      expect(promqlMetricNames(r.expr).length, r.alert).toBeGreaterThan(0);
    }
  });
});

describe('Grafana', () => {
  it('provisions the Prometheus data source the dashboards use, and the dashboards folder compose mounts', () => {
    const ds = yamlFile<{ datasources: { uid: string; type: string; url: string }[] }>('monitoring/grafana/provisioning/datasources/prometheus.yml').datasources[0]!;
    expect(ds).toMatchObject({ uid: 'prometheus', type: 'prometheus', url: 'http://prometheus:9090' });
    const provider = yamlFile<{ providers: { options: { path: string } }[] }>('monitoring/grafana/provisioning/dashboards/recon.yml').providers[0]!;
    expect(provider.options.path).toBe('/etc/grafana/dashboards');
    for (const { json } of dashboards) for (const p of json.panels) for (const t of p.targets) expect(t.datasource?.uid).toBe(ds.uid);
  });

  it('has the business, agents and system dashboards, each with distinct uids', () => {
    expect(dashboards.map((d) => d.json.uid).sort()).toEqual(['recon-agents', 'recon-business', 'recon-system']);
    for (const { json } of dashboards) expect(json.panels.length).toBeGreaterThanOrEqual(8);
  });
});

describe('metrics in rules and dashboards', () => {
  it('are all exported by the code', async () => {
    const exported = await exportedNames();
    const used = new Map<string, string>();
    for (const r of alertRules) for (const n of promqlMetricNames(r.expr)) used.set(n, `alert ${r.alert}`);
    for (const { file, json } of dashboards) for (const p of json.panels) for (const t of p.targets) for (const n of promqlMetricNames(t.expr)) used.set(n, `${file}: ${p.title}`);
    expect(used.size).toBeGreaterThan(20);
    const unknown = [...used].filter(([n]) => !exported.has(family(n)) && !exported.has(n) && !PROMETHEUS_SERIES.has(n)).map(([n, where]) => `${n} (${where})`);
    expect(unknown).toEqual([]);
  });
});

describe('.env.example', () => {
  const text = read('.env.example');
  const documented = new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));

  it('documents every configuration variable', () => {
    expect(CONFIG_VARIABLES.length).toBeGreaterThan(20);
    expect(CONFIG_VARIABLES.filter((v) => !documented.has(v))).toEqual([]);
  });

  it('documents the variables compose requires', () => {
    const required = [...read('docker-compose.prod.yml').matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(0);
    expect(required.filter((v) => !documented.has(v))).toEqual([]);
  });
});

describe('Dockerfile', () => {
  const text = read('Dockerfile');
  it('builds in one stage and runs as a non-root user with runtime dependencies and a liveness check', () => {
    const stages = text.split(/^FROM /m).slice(1);
    expect(stages.length).toBe(2);
    expect(stages[0]).toContain('npm run build:web');
    expect(stages[1]).toContain('npm ci --omit=dev');
    expect(stages[1]).toContain('--from=build');
    expect(stages[1]).toMatch(/^USER node$/m);
    expect(stages[1]).toMatch(/^HEALTHCHECK .*\n.*\/api\/health\/live/m);
  });
});

/** Prometheus's own checker (Debian's `prometheus` package), when installed: PromQL syntax of the rules and the dashboards. */
function promtool(): string | undefined {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return 'promtool';
  } catch {
    return undefined;
  }
}

describe('promtool', () => {
  it('accepts the Prometheus configuration, the alert rules and every dashboard query', (ctx) => {
    const tool = promtool();
    if (!tool) {
      if (testEnv.requireServices) throw new Error('promtool must be installed when RECON_REQUIRE_SERVICES=1 (apt-get install prometheus)');
      ctx.skip('promtool is not installed: the PromQL syntax check is skipped (the metric-name checks above still ran)');
    }
    const dir = mkdtempSync(join(tmpdir(), 'recon-promtool-'));
    try {
      const alertsPath = join(ROOT, 'monitoring/prometheus/alerts.yml');
      const config = read('monitoring/prometheus/prometheus.yml').replace('/etc/prometheus/alerts.yml', alertsPath);
      writeFileSync(join(dir, 'prometheus.yml'), config);
      // Each dashboard query as a recording rule, Grafana's interval variables given a value.
      const queries = dashboards.flatMap(({ json }) => json.panels.flatMap((p) => p.targets.map((t) => t.expr.replaceAll('$__rate_interval', '5m').replaceAll('$__range', '1d'))));
      writeFileSync(join(dir, 'dashboards.yml'), stringify({ groups: [{ name: 'dashboards', rules: queries.map((expr, i) => ({ record: `dashboard_query_${i}`, expr })) }] }));
      execFileSync(tool!, ['check', 'config', join(dir, 'prometheus.yml')], { stdio: 'pipe' });
      const out = execFileSync(tool!, ['check', 'rules', alertsPath, join(dir, 'dashboards.yml')], { encoding: 'utf8' });
      expect(out).toContain(`SUCCESS: ${alertRules.length} rules found`);
      expect(out).toContain(`SUCCESS: ${queries.length} rules found`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

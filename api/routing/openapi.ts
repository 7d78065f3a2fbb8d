/**
 * The OpenAPI 3.1 document, generated from the same route declarations and
 * zod schemas that validate requests, so the document cannot drift from
 * what the server accepts.
 */
import { z } from 'zod';
import type { RouteSpec } from './route.ts';

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Json {
  // OpenAPI 3.1 uses JSON Schema draft 2020-12, which is zod's own target.
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  delete json.$schema;
  return json;
}

/** `/exceptions/:id` → `/exceptions/{id}` */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

function parameters(spec: RouteSpec): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input');
    const props = (json.properties ?? {}) as Record<string, Json>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, s] of Object.entries(props)) out.push({ name, in: where, required: where === 'path' || required.has(name), schema: s, ...(s.description ? { description: s.description } : {}) });
  }
  return out;
}

export function openApiDocument(routes: readonly RouteSpec[], info: { title: string; version: string }): Json {
  const paths: Record<string, Json> = {};
  for (const spec of routes) {
    const responses: Json = {};
    for (const [status, r] of Object.entries(spec.responses)) {
      responses[status] = { description: r.description, ...(r.schema ? { content: { [r.contentType ?? 'application/json']: { schema: schemaOf(r.schema, 'output') } } } : r.contentType ? { content: { [r.contentType]: {} } } : {}) };
    }
    const operation: Json = {
      operationId: `${spec.method}${openApiPath(spec.path).replace(/[{}]/g, '').split('/').map((p) => (p ? p[0]!.toUpperCase() + p.slice(1) : '')).join('')}`,
      summary: spec.summary,
      tags: [spec.tag],
      'x-recon-role': spec.role,
      ...(spec.role === 'public' ? { security: [] } : {}),
      parameters: parameters(spec),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } } } : spec.bodyContentType ? { requestBody: { required: true, content: { [spec.bodyContentType]: {} } } } : {}),
      responses,
    };
    const path = `/api${openApiPath(spec.path)}`;
    paths[path] = { ...paths[path], [spec.method]: operation };
  }
  return {
    openapi: '3.1.0',
    info,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `recon tokens create`' } } },
    security: [{ bearer: [] }],
    paths,
  };
}

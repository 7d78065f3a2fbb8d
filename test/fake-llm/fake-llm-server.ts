/**
 * A real HTTP server on 127.0.0.1 speaking enough of the OpenAI chat
 * completions protocol for the LLM adapter's tests: `POST /v1/chat/completions`
 * (non-streaming; a tool call when tools are sent, JSON content for JSON
 * mode), `GET /v1/models`, token usage on every answer. Answers come from a
 * scripted responder; faults are injected per call (queue) or as a mode.
 * Requests are recorded for assertions. Closing destroys open sockets, so a
 * hanging request never keeps a test alive.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { itemText, parseChatRequest, type ParsedChatRequest } from './chat-request.ts';
import { obeyInstructions, parseInstruction, toFault, withUnknownLabels, withWrongIds, type FakeFault, type FaultSpec } from './faults.ts';

/** The answer object (e.g. `{ results: [...] }`) for a request; sent as tool arguments or JSON content. */
export type Responder = (request: ParsedChatRequest) => unknown;

export interface FakeUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

export interface RecordedRequest {
  readonly request: ParsedChatRequest;
  readonly fault?: FakeFault['kind'];
  /** The usage the server reported (absent when it did not answer 200). */
  usage?: FakeUsage;
  status?: number;
}

export interface FakeLlmOptions {
  readonly responder?: Responder;
  /** Delay before every answer, in milliseconds. */
  readonly latencyMs?: number;
  readonly model?: string;
  /** Tokens reported per request; default: ~4 characters per token of messages and answer. */
  readonly usage?: (request: ParsedChatRequest, answerText: string) => FakeUsage;
}

export interface FakeLlmServer {
  /** `http://127.0.0.1:<port>/v1`, the value for the client's base URL. */
  readonly baseUrl: string;
  readonly requests: readonly RecordedRequest[];
  readonly requestCount: number;
  /** Faults for the next calls, one each, in order. */
  enqueue(...faults: FaultSpec[]): void;
  /** A fault for every call until cleared (`undefined`); queued faults go first. */
  setMode(fault: FaultSpec | undefined): void;
  setResponder(responder: Responder): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

const estimateTokens = (text: string): number => Math.max(1, Math.ceil(text.length / 4));
const defaultUsage = (request: ParsedChatRequest, answerText: string): FakeUsage => ({
  promptTokens: estimateTokens(request.messages.map((m) => m.content).join('\n') + JSON.stringify(request.body.tools ?? '')),
  completionTokens: estimateTokens(answerText),
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const errorBody = (message: string, type: string, code: string) => ({ error: { message, type, code, param: null } });

export async function startFakeLlm(options: FakeLlmOptions = {}): Promise<FakeLlmServer> {
  let responder: Responder = options.responder ?? (() => ({ results: [] }));
  let latencyMs = options.latencyMs ?? 0;
  let mode: FakeFault | undefined;
  const queue: FakeFault[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const usageOf = options.usage ?? defaultUsage;
  const model = options.model ?? 'fake-model';
  let counter = 0;

  function contentFor(request: ParsedChatRequest, fault: FakeFault | undefined): string {
    if (fault?.kind === 'malformed') return '{"results": [{"breakId": "' + (request.breakIds[0] ?? 'b0') + '", "type": ';
    let answer = responder(request);
    if (fault?.kind === 'wrong_ids') answer = withWrongIds(answer);
    if (fault?.kind === 'unknown_labels') answer = withUnknownLabels(answer);
    if (fault?.kind === 'obedient') {
      const byId = new Map(request.items.map((item) => [String(item.breakId), parseInstruction(itemText(item))]));
      answer = obeyInstructions(answer, (id) => byId.get(id));
    }
    return JSON.stringify(answer);
  }

  async function completions(body: Record<string, unknown>, res: ServerResponse): Promise<void> {
    const request = parseChatRequest(body);
    const fault = queue.shift() ?? mode;
    const record: RecordedRequest = { request, ...(fault ? { fault: fault.kind } : {}) };
    requests.push(record);
    if (fault?.kind === 'hang') return; // the socket stays open until the client aborts or close()
    const delay = latencyMs + (fault?.kind === 'slow' ? fault.delayMs : 0);
    if (delay > 0) await sleep(delay);
    if (fault?.kind === 'rate_limited') {
      record.status = 429;
      return sendJson(res, 429, errorBody('Rate limit reached for requests', 'rate_limit_error', 'rate_limit_exceeded'), { 'retry-after': String(fault.retryAfterSeconds ?? 1) });
    }
    if (fault?.kind === 'server_error') {
      record.status = fault.status ?? 500;
      return sendJson(res, record.status, errorBody('The server had an error while processing your request', 'server_error', 'internal_error'));
    }
    const content = contentFor(request, fault);
    const usage = usageOf(request, content);
    record.usage = usage;
    record.status = 200;
    counter += 1;
    const message =
      request.mode === 'tool'
        ? { role: 'assistant', content: null, tool_calls: [{ id: `call_${counter}`, type: 'function', function: { name: request.toolName ?? 'extract', arguments: content } }] }
        : { role: 'assistant', content };
    sendJson(res, 200, {
      id: `chatcmpl-fake-${counter}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: request.model || model,
      choices: [{ index: 0, message, logprobs: null, finish_reason: request.mode === 'tool' ? 'tool_calls' : 'stop' }],
      usage: { prompt_tokens: usage.promptTokens, completion_tokens: usage.completionTokens, total_tokens: usage.promptTokens + usage.completionTokens },
    });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'GET' && path === '/v1/models') {
        return sendJson(res, 200, { object: 'list', data: [{ id: model, object: 'model', created: 0, owned_by: 'recon-tests' }] });
      }
      if (req.method === 'POST' && path === '/v1/chat/completions') {
        const text = await readBody(req);
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          return sendJson(res, 400, errorBody('Request body is not JSON', 'invalid_request_error', 'invalid_json'));
        }
        return completions(body, res);
      }
      sendJson(res, 404, errorBody(`No route ${req.method} ${path}`, 'invalid_request_error', 'not_found'));
    })().catch((error: unknown) => sendJson(res, 500, errorBody(String(error), 'server_error', 'fake_crashed')));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get requestCount() {
      return requests.length;
    },
    enqueue: (...faults) => queue.push(...faults.map(toFault)),
    setMode: (fault) => {
      mode = fault === undefined ? undefined : toFault(fault);
    },
    setResponder: (next) => {
      responder = next;
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A responder that answers `{ results: [...] }` with one object per break id in the request. */
export function perBreak(answer: (breakId: string, item: Record<string, unknown>, request: ParsedChatRequest) => Record<string, unknown>): Responder {
  return (request) => ({ results: request.items.filter((i) => typeof i.breakId === 'string').map((i) => ({ breakId: i.breakId, ...answer(String(i.breakId), i, request) })) });
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 speaking OpenAI's chat-completions protocol (JSON and SSE
 * streaming), for tests that drive the real `openai` SDK. Not a mock: the SDK's HTTP, headers,
 * error mapping and stream parsing all run for real. Replies are scripted per test.
 */
export interface TFakeReply {
  /** HTTP status; default 200 */
  status?: number;
  content?: string;
  refusal?: string;
  finishReason?: string;
  /** wait this long before answering (timeouts) */
  delayMs?: number;
  headers?: Record<string, string>;
  /** error body for a non-200 status */
  errorMessage?: string;
  errorCode?: string;
  /** null = send no usage block */
  usage?: { prompt_tokens: number; completion_tokens: number } | null;
}

export interface TFakeRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream: boolean;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

export interface TFakeServerOptions {
  /** the bearer key the server accepts; undefined = any */
  apiKey?: string;
  /** models the server knows; undefined = any */
  models?: string[];
  /** reply when no scripted reply is queued; default: a HOLD decision */
  reply?: (request: TFakeRequest, callNumber: number) => TFakeReply | Promise<TFakeReply>;
}

export interface TFakeOpenAiServer {
  /** base URL including /v1, as a provider's baseURL */
  url: string;
  /** chat-completion requests received (every attempt, including failed ones) */
  readonly calls: number;
  readonly requests: TFakeRequest[];
  /** the most requests that were being answered at the same moment */
  readonly maxInFlight: number;
  /** replies used, in order, before falling back to `reply` */
  queue(...replies: TFakeReply[]): void;
  setReply(reply: NonNullable<TFakeServerOptions['reply']>): void;
  resetCounts(): void;
  close(): Promise<void>;
}

const HOLD = JSON.stringify({ action: 'HOLD', confidence: 0.5, reasoning: 'nothing to do' });

export async function startFakeOpenAiServer(options: TFakeServerOptions = {}): Promise<TFakeOpenAiServer> {
  const scripted: TFakeReply[] = [];
  let reply: NonNullable<TFakeServerOptions['reply']> = options.reply ?? (() => ({ content: HOLD }));
  let calls = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const requests: TFakeRequest[] = [];

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      void handle(req, res, raw).catch((error: unknown) => {
        if (!res.headersSent && !res.destroyed) sendJson(res, 500, { error: { message: String(error) } });
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string): Promise<void> {
    const url = req.url ?? '';
    const authorization = req.headers.authorization;
    if (options.apiKey !== undefined && authorization !== `Bearer ${options.apiKey}`) {
      const shown = (authorization ?? '').replace(/^Bearer /, '').slice(0, 5);
      return sendJson(res, 401, { error: { message: `Incorrect API key provided: ${shown}***`, type: 'invalid_request_error', code: 'invalid_api_key' } });
    }
    if (req.method === 'GET' && url.endsWith('/v1/models')) {
      const ids = options.models ?? ['fake-model'];
      return sendJson(res, 200, { object: 'list', data: ids.map((id) => ({ id, object: 'model', created: 0, owned_by: 'fake' })) });
    }
    if (req.method !== 'POST' || !url.endsWith('/v1/chat/completions')) return sendJson(res, 404, { error: { message: `no route ${req.method} ${url}` } });

    const body = JSON.parse(raw) as Record<string, unknown>;
    const request: TFakeRequest = {
      model: String(body.model),
      messages: body.messages as TFakeRequest['messages'],
      stream: body.stream === true,
      body,
      authorization,
    };
    calls++;
    requests.push(request);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (options.models && !options.models.includes(request.model)) {
        return sendJson(res, 404, {
          error: { message: `The model \`${request.model}\` does not exist or you do not have access to it.`, type: 'invalid_request_error', code: 'model_not_found' },
        });
      }
      const answer: TFakeReply = scripted.shift() ?? (await reply(request, calls));
      if (answer.delayMs) await waitOrClose(answer.delayMs, res);
      if (res.destroyed) return;
      const status = answer.status ?? 200;
      if (status !== 200) {
        return sendJson(res, status, { error: { message: answer.errorMessage ?? `status ${status}`, type: 'server_error', code: answer.errorCode ?? null } }, answer.headers);
      }
      const usage = answer.usage === undefined ? defaultUsage(request, answer.content ?? '') : answer.usage;
      if (request.stream) return streamAnswer(res, request, answer, usage);
      return sendJson(
        res,
        200,
        {
          id: `chatcmpl-${calls}`,
          object: 'chat.completion',
          created: 1_700_000_000,
          model: request.model,
          choices: [{ index: 0, message: { role: 'assistant', content: answer.content ?? null, refusal: answer.refusal ?? null }, finish_reason: answer.finishReason ?? 'stop' }],
          ...(usage ? { usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } } : {}),
        },
        answer.headers,
      );
    } finally {
      inFlight--;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    get calls() {
      return calls;
    },
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    queue: (...replies) => scripted.push(...replies),
    setReply: (next) => (reply = next),
    resetCounts: () => {
      calls = 0;
      maxInFlight = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** Three chunks of text, then the finish reason, then usage (stream_options.include_usage), then [DONE]. */
function streamAnswer(res: http.ServerResponse, request: TFakeRequest, answer: TFakeReply, usage: TFakeReply['usage']): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...(answer.headers ?? {}) });
  const base = { id: 'chatcmpl-stream', object: 'chat.completion.chunk', created: 1_700_000_000, model: request.model };
  const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
  const text = answer.content ?? '';
  const size = Math.max(1, Math.ceil(text.length / 3));
  send({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
  for (let k = 0; k < text.length; k += size) send({ ...base, choices: [{ index: 0, delta: { content: text.slice(k, k + size) }, finish_reason: null }] });
  if (answer.refusal) send({ ...base, choices: [{ index: 0, delta: { refusal: answer.refusal }, finish_reason: null }] });
  send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: answer.finishReason ?? 'stop' }] });
  const options = request.body.stream_options as { include_usage?: boolean } | undefined;
  if (usage && options?.include_usage) send({ ...base, choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } });
  res.end('data: [DONE]\n\n');
}

function defaultUsage(request: TFakeRequest, content: string): { prompt_tokens: number; completion_tokens: number } {
  const promptChars = request.messages.reduce((n, m) => n + m.content.length, 0);
  return { prompt_tokens: Math.ceil(promptChars / 4), completion_tokens: Math.max(1, Math.ceil(content.length / 4)) };
}

function waitOrClose(ms: number, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    res.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * A deterministic "model" for engine tests: reads the value labelled `label` from the prompt
 * ("- RSI(14): 28.5") and answers BUY below `buyBelow`, SELL above `sellAbove`, else HOLD.
 */
export function thresholdAnalyst(label: string, buyBelow: number, sellAbove: number): (request: TFakeRequest) => TFakeReply {
  const pattern = new RegExp(`- ${label.replace(/[()[\]]/g, '\\$&')}: ([\\d.]+)`);
  return (request) => {
    const user = request.messages.filter((m) => m.role === 'user').pop()?.content ?? '';
    const m = pattern.exec(user);
    const value = m ? Number(m[1]) : NaN;
    const action = value < buyBelow ? 'BUY' : value > sellAbove ? 'SELL' : 'HOLD';
    return { content: JSON.stringify({ action, confidence: action === 'HOLD' ? 0.5 : 0.8, reasoning: `${label} ${m ? m[1] : 'n/a'}` }) };
  };
}

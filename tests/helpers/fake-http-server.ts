// A real HTTP server on 127.0.0.1 (random port) for provider tests: each test sets how it answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type TFakeRequest = { method: string; path: string; query: URLSearchParams; body: string; headers: http.IncomingHttpHeaders };
export type TFakeAnswer = { status?: number; json?: unknown; text?: string; contentType?: string; headers?: Record<string, string>; delayMs?: number };

export async function startFakeHttpServer(answer: (req: TFakeRequest) => TFakeAnswer | Promise<TFakeAnswer>) {
  const requests: TFakeRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: TFakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body: Buffer.concat(chunks).toString('utf8'), headers: req.headers };
    requests.push(request);
    const a = await answer(request);
    if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
    if (res.destroyed) return;
    const body = a.json !== undefined ? JSON.stringify(a.json) : (a.text ?? '');
    res.writeHead(a.status ?? 200, { 'content-type': a.contentType ?? (a.json !== undefined ? 'application/json' : 'text/html; charset=utf-8'), ...(a.headers ?? {}) });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

export const HTML_ERROR_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

import type { IncomingMessage, ServerResponse } from 'node:http';

/** Server-Sent Events to every open page: the bridge's stand-in for `webContents.send`. */
export interface EventStream {
  /** Handles `GET /__events`: keeps the response open and registers it. */
  connect(request: IncomingMessage, response: ServerResponse): void;
  /** Sends one named event with a JSON payload to every connected page. */
  broadcast(event: string, payload: unknown): void;
  /** Ends every open stream, so the HTTP server can close. */
  closeAll(): void;
}

/** Creates an {@link EventStream}. */
export function createEventStream(): EventStream {
  const clients = new Set<ServerResponse>();
  return {
    connect(request, response) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // A comment line flushes the headers, which fires the page's `open` event right away.
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    broadcast(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const client of clients) client.write(frame);
    },
    closeAll() {
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}

import { createServer, Socket } from 'node:net';

/**
 * A TCP port on 127.0.0.1 that is free right now: the OS picks it for a listener on port 0, which is
 * closed again so a server (sshd) can bind it. Another process could take it in between; on a test
 * machine that is rare, and the server's start-up then fails loudly rather than silently.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('The OS gave no port.'))));
    });
  });
}

/** Whether something accepts TCP connections on `host:port` now. */
export function portAccepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (accepts: boolean): void => {
      socket.destroy();
      resolve(accepts);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

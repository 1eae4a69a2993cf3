import { connect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

/**
 * Whether a Redis server answers at `url`: opens a socket, sends PING and waits for any RESP reply
 * (+PONG, or -NOAUTH when a password is needed: the server is there either way). No client library, so
 * `npm start` can decide at boot, within `timeoutMs`, whether to start the in-process workers.
 */
export function redisReachable(url: string, timeoutMs = 1_000): Promise<boolean> {
  const u = new URL(url);
  const port = Number(u.port || 6379);
  return new Promise((resolve) => {
    const socket =
      u.protocol === 'rediss:'
        ? tlsConnect({ host: u.hostname, port, servername: u.hostname })
        : connect({ host: u.hostname, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once(u.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk: Buffer) => done(chunk.length > 0 && (chunk[0] === 0x2b || chunk[0] === 0x2d)));
  });
}

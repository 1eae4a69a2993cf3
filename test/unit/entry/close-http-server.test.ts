import { createServer, get, Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { closeHttpServer } from '../../../src/entry/process.ts';

describe('closeHttpServer', () => {
  it('drains a kept-alive socket whose request ends during the drain, without waiting out keep-alive', async () => {
    // The request the server holds, answered when the test says so.
    const held: { answer?: () => void } = {};
    const server = createServer((_req: IncomingMessage, res: ServerResponse) => {
      held.answer = () => res.end('ok');
    });
    const release = () => {
      if (!held.answer) throw new Error('no request is held');
      held.answer();
      delete held.answer;
    };
    // As the service sets it: far longer than the drain deadline below.
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true });
    const request = () =>
      new Promise<string | undefined>((resolve, reject) =>
        get({ host: '127.0.0.1', port, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers.connection));
        }).on('error', reject),
      );
    const first = request();
    await expect.poll(() => held.answer).toBeDefined();
    release();
    expect(await first).toBe('keep-alive');

    const inFlight = request();
    await expect.poll(() => held.answer).toBeDefined();
    const closing = closeHttpServer(server, 10_000);
    release();
    await inFlight;
    // Without closing idle sockets again as they appear, this socket idles for 65 s and the drain is cut at 10 s.
    expect(await closing).toBe(true);
    agent.destroy();
  });
});

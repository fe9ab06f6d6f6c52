/**
 * A fake Socket Mode endpoint: a real WebSocket server on 127.0.0.1 that greets with `hello` like Slack, sends
 * envelopes, and hands back the app's acknowledgement of each (`{ envelope_id, payload }`). Pings are answered
 * by the ws library, as Slack's servers do.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export interface FakeSocketMode {
  url: string;
  /** Resolves when the app has connected and been greeted. */
  connected(): Promise<void>;
  /** Sends one envelope and resolves with the app's acknowledgement of it. */
  send(type: 'slash_commands' | 'events_api' | 'interactive', payload: Record<string, unknown>): Promise<SocketAck>;
  close(): Promise<void>;
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const acks = new Map<string, (ack: SocketAck) => void>();
  let socket: WebSocket | null = null;
  let greeted: () => void = () => {};
  const ready = new Promise<void>((resolve) => (greeted = resolve));
  server.on('connection', (ws) => {
    socket = ws;
    ws.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      acks.get(ack.envelope_id)?.(ack);
      acks.delete(ack.envelope_id);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        connection_info: { app_id: 'AFAKE' },
        debug_info: { host: 'fake' },
      }),
    );
    greeted();
  });
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`,
    connected: () => ready,
    send(type, payload) {
      const envelopeId = randomUUID();
      return new Promise((resolve, reject) => {
        if (!socket) return reject(new Error('no app connected'));
        acks.set(envelopeId, resolve);
        socket.send(
          JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' }),
        );
      });
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

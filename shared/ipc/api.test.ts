import { describe, expect, it } from 'vitest';
import { createApi, type Envelope, type Transport } from './api';
import { EVENT_CHANNELS, INVOKE_CHANNELS, type EventChannel, type InvokeChannel } from './channels';

interface RecordingTransport extends Transport {
  invoked: { channel: InvokeChannel; args: unknown }[];
  subscribed: { event: EventChannel; listener: (payload: unknown) => void }[];
  unsubscribed: EventChannel[];
}

/** A transport that records every call and answers each invoke with an envelope naming the channel. */
function recordingTransport(): RecordingTransport {
  const transport: RecordingTransport = {
    invoked: [],
    subscribed: [],
    unsubscribed: [],
    async invoke(channel, args) {
      transport.invoked.push({ channel, args });
      return { ok: true, value: { answeredBy: channel } };
    },
    subscribe(event, listener) {
      transport.subscribed.push({ event, listener });
      return () => {
        transport.unsubscribed.push(event);
      };
    },
  };
  return transport;
}

type LooseApi = Record<string, Record<string, (args?: unknown) => Promise<Envelope<unknown>>>> & {
  on: (event: string, listener: (payload: unknown) => void) => () => void;
};

const loose = (api: unknown): LooseApi => api as LooseApi;

describe('createApi', () => {
  it.each(INVOKE_CHANNELS.map((channel) => [channel]))(
    'exposes %s as a function that forwards its channel and arguments',
    async (channel) => {
      const transport = recordingTransport();
      const api = loose(createApi(transport));
      const [domain, verb] = channel.split('.') as [string, string];
      const args = { probe: channel };

      const result = await api[domain]?.[verb]?.(args);

      expect(transport.invoked).toEqual([{ channel, args }]);
      expect(result).toEqual({ ok: true, value: { answeredBy: channel } });
    },
  );

  it('exposes exactly one function per channel, grouped by domain, plus `on`', () => {
    const api = loose(createApi(recordingTransport()));
    const exposed = Object.entries(api).flatMap(([domain, value]) =>
      domain === 'on' ? [] : Object.keys(value).map((verb) => `${domain}.${verb}`),
    );
    expect(exposed.sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(typeof api.on).toBe('function');
  });

  it('has no generic invoke, at the top or in any domain', () => {
    const api = loose(createApi(recordingTransport()));
    expect('invoke' in api).toBe(false);
    expect('send' in api).toBe(false);
    for (const [name, domain] of Object.entries(api)) {
      if (name !== 'on') expect(Object.keys(domain)).not.toContain('invoke');
    }
  });

  it('sends {} when a no-argument channel is called without arguments', async () => {
    const transport = recordingTransport();
    await createApi(transport).projects.list(undefined as never);
    expect(transport.invoked).toEqual([{ channel: 'projects.list', args: {} }]);
  });

  it('calls the typed API the way the renderer does', async () => {
    const transport = recordingTransport();
    const api = createApi(transport);
    await api.projects.add({ source: 'https://github.com/hotosm/field-tm', operationId: 'op-1' });
    await api.shell.openExternal({ url: 'https://github.com/hotosm' });
    expect(transport.invoked).toEqual([
      { channel: 'projects.add', args: { source: 'https://github.com/hotosm/field-tm', operationId: 'op-1' } },
      { channel: 'shell.openExternal', args: { url: 'https://github.com/hotosm' } },
    ]);
  });
});

describe('createApi: events', () => {
  it.each(EVENT_CHANNELS.map((event) => [event]))(
    'forwards a subscription to %s and hands back its unsubscribe',
    (event) => {
      const transport = recordingTransport();
      const received: unknown[] = [];
      const unsubscribe = createApi(transport).on(event, (payload) => received.push(payload));

      expect(transport.subscribed.map((s) => s.event)).toEqual([event]);
      transport.subscribed[0]?.listener({ operationId: 'op-1', stage: 'checking' });
      expect(received).toEqual([{ operationId: 'op-1', stage: 'checking' }]);

      unsubscribe();
      expect(transport.unsubscribed).toEqual([event]);
    },
  );

  it.each([['projects.delete'], ['release-desk:projects.addProgress'], ['__proto__'], ['']])(
    'refuses the unknown event %j without subscribing',
    (event) => {
      const transport = recordingTransport();
      const api = loose(createApi(transport));
      expect(() => api.on(event, () => {})).toThrow(/Unknown event channel/);
      expect(transport.subscribed).toEqual([]);
    },
  );
});

describe('createApi: tamper resistance', () => {
  it('is frozen, so nothing can be added or replaced on it', () => {
    const api = loose(createApi(recordingTransport()));
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      (api as Record<string, unknown>).invoke = () => {};
    }).toThrow(TypeError);
    expect(() => {
      (api as Record<string, unknown>).on = () => {};
    }).toThrow(TypeError);
    expect('invoke' in api).toBe(false);
  });

  it('freezes every domain too, so a channel function cannot be swapped', () => {
    const transport = recordingTransport();
    const api = loose(createApi(transport));
    for (const [name, domain] of Object.entries(api)) {
      if (name !== 'on') expect(Object.isFrozen(domain), name).toBe(true);
    }
    const original = api.projects?.add;
    expect(() => {
      (api.projects as Record<string, unknown>).add = async () => ({ ok: true, value: 'hijacked' });
    }).toThrow(TypeError);
    expect(api.projects?.add).toBe(original);
  });
});

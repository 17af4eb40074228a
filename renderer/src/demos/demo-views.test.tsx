import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DemoView } from '../../../shared/domain/demos/demo';
import { DemoSessionPanel } from './demo-session-panel';
import { DemoTable } from './demo-table';
import { DemosEmptyState } from './demos-empty-state';
import { ExpiredBanner } from './expired-banner';
import { createLogStore } from './log-store';
import { LogView } from './log-view';
import { NewDemoFields, type NewDemoFieldsProps } from './new-demo-fields';

const now = new Date('2026-03-01T12:00:00Z');
const noop = () => {};

function view(change: Partial<DemoView>): DemoView {
  return {
    name: 'maps',
    server: 'eu-1',
    branch: 'feature/maps',
    sha: '0123456789abcdef0123456789abcdef01234567',
    url: 'http://127.0.0.1:8080/',
    owner: 'me@laptop',
    startedAt: '2026-02-27T12:00:00Z',
    expiresAt: '2026-03-13T12:00:00Z',
    state: 'running',
    exitCode: null,
    expired: false,
    problem: null,
    ...change,
  };
}

describe('the Demos screen parts', () => {
  it('lists each demo with branch@sha, server, URL, owner, age, expiry and state', () => {
    const html = renderToStaticMarkup(
      <DemoTable
        demos={[
          view({}),
          view({
            name: 'old',
            expired: true,
            expiresAt: '2026-02-20T12:00:00Z',
            state: 'unreachable',
            problem: 'eu-1 could not be reached.',
          }),
        ]}
        now={now}
        onShowLog={noop}
        onTearDown={noop}
        onLinkError={noop}
      />,
    );
    expect(html).toContain('<span>feature</span><span>/<wbr/>maps</span><span class="demo-table__sha">@0123456</span>');
    expect(html).toContain('href="http://127.0.0.1:8080/"');
    expect(html).toContain('me@laptop');
    expect(html).toContain('2 days');
    expect(html).toContain('in 12 days');
    expect(html).toContain('<span class="tag tag--warning"');
    expect(html).toContain('expired 9 days ago');
    expect(html).toContain('Unreachable');
    expect(html).toContain('eu-1 could not be reached.');
    expect(html).toContain('aria-label="Tear down old"');
    expect(html.match(/Expired<\/span>/g)).toHaveLength(1);
  });

  it('explains what a demo is when there is none, and sends to Settings without a server', () => {
    const html = renderToStaticMarkup(<DemosEmptyState hasServers={false} onNewDemo={noop} />);
    expect(html).toContain('No demos running');
    expect(html).toContain('short-lived copy of the product running one branch');
    expect(html).toContain('href="#settings"');
    expect(html).toContain('New demo');
    expect(renderToStaticMarkup(<DemosEmptyState hasServers onNewDemo={noop} />)).not.toContain('#settings');
  });

  it('shows the expired reminder only when a demo has expired', () => {
    expect(renderToStaticMarkup(<ExpiredBanner demos={[view({})]} onTearDown={noop} />)).toBe('');
    const html = renderToStaticMarkup(
      <ExpiredBanner demos={[view({ expired: true }), view({ name: 'b', expired: true })]} onTearDown={noop} />,
    );
    expect(html).toContain('2 demos have expired: maps on eu-1 and b on eu-1.');
    expect(html).toContain('Tear them down…');
  });

  it('shows the URL as a link once the launched demo is ready', () => {
    const demo = view({});
    const html = renderToStaticMarkup(
      <DemoSessionPanel
        session={{ id: 3, server: 'eu-1', name: 'maps', mode: 'launch', phase: { kind: 'ready', demo }, demo }}
        log={createLogStore()}
        onReattach={noop}
        onClose={noop}
        onLinkError={noop}
      />,
    );
    expect(html).toContain('Launching maps on eu-1');
    expect(html).toContain('maps is running.');
    expect(html).toContain('<a class="demo-session__url" href="http://127.0.0.1:8080/"');
  });

  it('offers Reattach after a drop and says the demo keeps running', () => {
    const html = renderToStaticMarkup(
      <DemoSessionPanel
        session={{
          id: 3,
          server: 'eu-1',
          name: 'maps',
          mode: 'launch',
          phase: { kind: 'dropped', reason: 'Connection reset by peer.', attempt: 3 },
          demo: null,
        }}
        log={createLogStore()}
        onReattach={noop}
        onClose={noop}
        onLinkError={noop}
      />,
    );
    expect(html).toContain('The connection to eu-1 dropped');
    expect(html).toContain('Connection reset by peer.');
    expect(html).toContain('The demo keeps running on the server.');
    expect(html).toContain('Reattach when the server can be reached again.');
    expect(html).toContain('>Reattach</button>');
  });

  it('names a failed deploy by its exit status', () => {
    const demo = view({ state: 'failed', exitCode: 2 });
    const html = renderToStaticMarkup(
      <DemoSessionPanel
        session={{ id: 3, server: 'eu-1', name: 'maps', mode: 'launch', phase: { kind: 'failed', demo }, demo }}
        log={createLogStore()}
        onReattach={noop}
        onClose={noop}
        onLinkError={noop}
      />,
    );
    expect(html).toContain('exited with status 2 on eu-1');
  });

  it('renders only a window of a long log, with line numbers, inside a spacer as tall as the log', () => {
    const store = createLogStore();
    store.append(
      Array.from({ length: 100_000 }, (_, index) => `line ${index + 1}`),
      1,
    );
    const html = renderToStaticMarkup(<LogView store={store} label="Log of maps" />);
    expect(html).toContain('aria-label="Log of maps"');
    expect(html).toContain('data-line-count="100000"');
    expect(html).toContain('style="height:2000000px"');
    // Following the end: the last line is rendered, the first is not, and only a few dozen rows exist.
    expect(html).toContain('>line 100000<');
    expect(html).not.toContain('>line 1<');
    expect(html.match(/class="log-line"/g)?.length).toBeLessThan(60);
    expect(html).toContain('100,000 lines');
  });

  it('says it is waiting while the log is empty', () => {
    expect(renderToStaticMarkup(<LogView store={createLogStore()} label="Log" />)).toContain(
      'Waiting for the first line…',
    );
  });
});

describe('the New demo fields', () => {
  const noop = () => {};
  const props: NewDemoFieldsProps = {
    projects: [],
    projectId: '',
    onProjectId: noop,
    branches: null,
    branchesLoading: false,
    source: '',
    onSource: noop,
    name: 'map-export',
    onName: noop,
    servers: [],
    server: '',
    onServer: noop,
    workflow: null,
    expires: '14d',
    onExpires: noop,
    problems: {},
  };

  it('offer the servers when demos run over SSH', () => {
    const html = renderToStaticMarkup(<NewDemoFields {...props} />);
    expect(html).toContain('>Server</label>');
    expect(html).toContain('No server yet');
  });

  it('name the branch and workflow instead of a server when demos run through GitHub', () => {
    const html = renderToStaticMarkup(<NewDemoFields {...props} workflow={{ name: 'feature-demo.yml' }} />);
    expect(html).not.toContain('>Server</label>');
    expect(html).toContain('<code>feature-demo/map-export</code>');
    expect(html).toContain('the “feature-demo.yml” workflow it starts.');
  });
});

import { Plus, RotateCw } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DemoView } from '../../../shared/domain/demos/demo';
import type { Project } from '../../../shared/domain/project';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { ErrorAlert } from '../components/error-alert';
import { callReleaseDesk } from '../lib/release-desk';
import { useNow } from '../lib/use-now';
import type { ProjectsState } from '../projects/use-projects';
import { demoErrorAdvice } from './demo-error-advice';
import { demoTitle } from './demo-format';
import { DemoSessionPanel } from './demo-session-panel';
import { DemoTable } from './demo-table';
import { DemosEmptyState } from './demos-empty-state';
import { ExpiredBanner } from './expired-banner';
import { NewDemoDialog } from './new-demo-dialog';
import { TeardownDialog } from './teardown-dialog';
import { useDemoSession } from './use-demo-session';
import { useDemos, type DemosState } from './use-demos';

/** Props of {@link DemosScreen}. */
export interface DemosScreenProps {
  projects: ProjectsState;
  /** The project selected in the sidebar: the New demo dialog's default. */
  selected: Project | null;
  onAnnounce: (message: string) => void;
  /** Hears each inventory the screen loads (the shell's expired-demos badge follows it). */
  onInventory?: (demos: DemoView[]) => void;
}

/**
 * The Demos screen: the inventory of every demo on every server, a reminder when some have expired,
 * the New demo dialog, and the launched (or followed) demo's live log with its URL once ready.
 */
export function DemosScreen({ projects, selected, onAnnounce, onInventory }: DemosScreenProps) {
  const { state, reload } = useDemos();
  useEffect(() => {
    if (state.status === 'ready' && !state.refreshing) onInventory?.(state.demos);
  }, [state, onInventory]);
  const now = useNow();
  const [hasServers, setHasServers] = useState(true);
  const [creating, setCreating] = useState(false);
  const [tearingDown, setTearingDown] = useState<DemoView[]>([]);
  const [linkError, setLinkError] = useState<IpcError | null>(null);
  const openerRef = useRef<HTMLElement | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const session = useDemoSession(
    useCallback(
      (demo: DemoView | null) => {
        if (demo?.state === 'running') onAnnounce(`${demoTitle(demo)} is running${demo.url ? ` at ${demo.url}` : ''}.`);
        void reload();
      },
      [onAnnounce, reload],
    ),
  );

  useEffect(() => {
    let live = true;
    void callReleaseDesk((api) => api.servers.list({})).then((result) => {
      if (live && result.ok) setHasServers(result.value.length > 0);
    });
    return () => {
      live = false;
    };
  }, []);

  const rememberOpener = () => {
    openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  };
  const openNewDemo = () => {
    rememberOpener();
    setCreating(true);
  };
  const projectList = projects.status === 'ready' ? projects.projects : [];

  return (
    <div className="screen screen--wide">
      <header className="screen__header">
        <div>
          <h1 className="screen__title" ref={headingRef} tabIndex={-1}>
            Demos
          </h1>
          <p className="screen__subtitle">Throwaway servers for one branch: launch, share the URL, tear down.</p>
        </div>
        <div className="demos__actions">
          <Button
            icon={RotateCw}
            busy={state.status === 'ready' && state.refreshing}
            disabled={state.status === 'loading'}
            onClick={() => void reload()}
          >
            Refresh
          </Button>
          <Button variant="primary" icon={Plus} onClick={openNewDemo}>
            New demo
          </Button>
        </div>
      </header>

      <div className="screen__body demos">
        {state.status === 'ready' ? (
          <ExpiredBanner
            demos={state.demos}
            onTearDown={(expired) => {
              rememberOpener();
              setTearingDown(expired);
            }}
          />
        ) : null}
        {linkError ? <ErrorAlert error={linkError} /> : null}
        {session.session ? (
          <DemoSessionPanel
            session={session.session}
            log={session.log}
            onReattach={session.reattach}
            onClose={() => {
              session.close();
              headingRef.current?.focus();
            }}
            onLinkError={setLinkError}
          />
        ) : null}
        <Inventory
          state={state}
          now={now}
          hasServers={hasServers}
          onRetry={() => void reload()}
          onNewDemo={openNewDemo}
          onShowLog={(demo) => session.follow(demo.server, demo.name)}
          onTearDown={(demo) => {
            rememberOpener();
            setTearingDown([demo]);
          }}
          onLinkError={setLinkError}
        />
      </div>

      <NewDemoDialog
        open={creating}
        onOpenChange={setCreating}
        projects={projectList}
        defaultProjectId={selected?.id ?? null}
        onLaunch={(request) => {
          onAnnounce(`Launching ${request.name} on ${request.server}.`);
          session.launch(request);
        }}
        returnFocusTo={() => (openerRef.current?.isConnected ? openerRef.current : headingRef.current)}
      />
      <TeardownDialog
        demos={tearingDown}
        onClose={() => setTearingDown([])}
        onTornDown={(demos) => {
          onAnnounce(`Tore down ${demos.map(demoTitle).join(', ')}.`);
          void reload();
        }}
        returnFocusTo={() => (openerRef.current?.isConnected ? openerRef.current : headingRef.current)}
      />
    </div>
  );
}

function Inventory({
  state,
  now,
  hasServers,
  onRetry,
  onNewDemo,
  onShowLog,
  onTearDown,
  onLinkError,
}: {
  state: DemosState;
  now: Date;
  hasServers: boolean;
  onRetry: () => void;
  onNewDemo: () => void;
  onShowLog: (demo: DemoView) => void;
  onTearDown: (demo: DemoView) => void;
  onLinkError: (error: IpcError) => void;
}) {
  if (state.status === 'loading') {
    return (
      <div aria-busy="true" className="demos-skeleton">
        <p className="visually-hidden" role="status">
          Loading demos…
        </p>
        <span className="skeleton skeleton--demo-row" />
        <span className="skeleton skeleton--demo-row" />
      </div>
    );
  }
  if (state.status === 'failed') {
    const advice = demoErrorAdvice(state.error.code);
    return (
      <ErrorAlert
        error={state.error}
        title={`Could not list the demos: ${advice.title.toLowerCase()}`}
        next={advice.next}
        action={
          <Button icon={RotateCw} onClick={onRetry}>
            Try again
          </Button>
        }
      />
    );
  }
  if (state.demos.length === 0) return <DemosEmptyState hasServers={hasServers} onNewDemo={onNewDemo} />;
  return (
    <DemoTable demos={state.demos} now={now} onShowLog={onShowLog} onTearDown={onTearDown} onLinkError={onLinkError} />
  );
}

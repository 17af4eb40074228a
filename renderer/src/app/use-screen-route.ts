import { useCallback, useEffect, useState } from 'react';

/** The screens of the window; each appears in the sidebar only once it works. */
export const SCREENS = ['train', 'notes', 'demos', 'activity', 'projects', 'settings'] as const;

/** One screen, named as in the URL hash (`#train`). */
export type ScreenName = (typeof SCREENS)[number];

function readHash(): ScreenName | null {
  const name = window.location.hash.replace(/^#/, '');
  return (SCREENS as readonly string[]).includes(name) ? (name as ScreenName) : null;
}

/** The screen the URL asks for, and ways to change it. */
export interface ScreenRoute {
  /** From the hash; null when it names no screen (first launch), so the app picks one. */
  requested: ScreenName | null;
  /** Goes to a screen as a new history entry, as a sidebar link does. */
  navigate: (screen: ScreenName) => void;
}

/**
 * The current screen lives in the URL hash. The sidebar's links are plain `#train` / `#notes` / `#projects`
 * anchors, so they work with the keyboard and history as links do, and a reload (Ctrl+R) keeps the
 * screen. A hash change is in-page navigation, which the window's navigation guard allows.
 */
export function useScreenRoute(): ScreenRoute {
  const [requested, setRequested] = useState<ScreenName | null>(readHash);

  useEffect(() => {
    const onHashChange = () => setRequested(readHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const navigate = useCallback((screen: ScreenName) => {
    if (readHash() !== screen) window.location.hash = screen;
  }, []);

  return { requested, navigate };
}

/**
 * Writes the screen the app chose on launch into the hash without a history entry, so a reload stays on
 * it rather than choosing again (adding the first project must not move the user off Projects).
 */
export function pinScreen(screen: ScreenName): void {
  if (readHash() !== screen) window.history.replaceState(window.history.state, '', `#${screen}`);
}

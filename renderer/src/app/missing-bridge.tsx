import { TriangleAlert } from 'lucide-react';

/**
 * Shown instead of the app when `window.releaseDesk` is absent: the page was opened outside the
 * Electron window (or without the e2e bridge), so no action could work and none is offered.
 */
export function MissingBridge() {
  return (
    <main className="missing-bridge">
      <TriangleAlert aria-hidden="true" />
      <h1>Release Desk cannot start here</h1>
      <p>This page needs the Release Desk app around it. Start the app with npm start.</p>
    </main>
  );
}

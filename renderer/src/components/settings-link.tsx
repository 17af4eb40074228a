import { Settings } from 'lucide-react';

/**
 * "Open Settings", a link to the Settings screen styled as a button. It is a plain `#settings` anchor,
 * like the sidebar's, so it works with the keyboard and history; shown where an error's fix is made there
 * (GitHub is not connected).
 */
export function SettingsLink() {
  return (
    <a className="button button--secondary" href="#settings">
      <Settings className="button__icon" aria-hidden="true" />
      Open Settings
    </a>
  );
}

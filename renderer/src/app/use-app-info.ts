import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import { callReleaseDesk } from '../lib/release-desk';

/** The app's name and version from `app.info`, or null until (or unless) it arrives. */
export function useAppInfo(): AppInfo | null {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let live = true;
    void callReleaseDesk((api) => api.app.info({})).then((result) => {
      // A missing version line is not worth an error banner; the footer simply stays empty.
      if (live && result.ok) setInfo(result.value);
    });
    return () => {
      live = false;
    };
  }, []);
  return info;
}

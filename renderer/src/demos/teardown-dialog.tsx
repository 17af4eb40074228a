import { Trash2 } from 'lucide-react';
import type { DemoView } from '../../../shared/domain/demos/demo';
import { ConfirmDialog } from '../components/confirm-dialog';
import { callReleaseDesk } from '../lib/release-desk';
import { demoErrorAdvice } from './demo-error-advice';
import { demoTitle, listInWords } from './demo-format';

/** Props of {@link TeardownDialog}. */
export interface TeardownDialogProps {
  /** The demos to tear down (one from its row, or every expired one from the banner); open while non-empty. */
  demos: DemoView[];
  onClose: () => void;
  /** Called after every demo was torn down; the inventory reloads. */
  onTornDown: (demos: DemoView[]) => void;
  returnFocusTo: () => HTMLElement | null;
}

/**
 * The confirmation before a teardown. It names each demo and its server and says what happens there.
 * A demo whose server is gone fails here with the reason, and the dialog stays open: the demo is never
 * dropped from the list in silence.
 */
export function TeardownDialog({ demos, onClose, onTornDown, returnFocusTo }: TeardownDialogProps) {
  const one = demos.length === 1 ? demos[0] : undefined;
  const title = one ? `Tear down ${one.name} on ${one.server}?` : `Tear down ${demos.length} expired demos?`;
  const what = one ? `${one.name}` : listInWords(demos.map(demoTitle));
  return (
    <ConfirmDialog
      open={demos.length > 0}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={title}
      description={`Release Desk runs the project's stop command for ${what}, stops what is still running and removes its folder on the server. Its URL stops working.`}
      confirm="Tear down"
      icon={Trash2}
      variant="danger"
      returnFocusTo={returnFocusTo}
      onConfirm={async () => {
        const done: DemoView[] = [];
        for (const demo of demos) {
          const result = await callReleaseDesk((api) => api.demos.down({ server: demo.server, name: demo.name }));
          if (!result.ok) {
            if (done.length > 0) onTornDown(done);
            const advice = demoErrorAdvice(result.error.code);
            return {
              ...result.error,
              message: `${demoTitle(demo)} was not torn down. ${result.error.message} ${advice.next}`,
            };
          }
          done.push(demo);
        }
        onTornDown(done);
        return null;
      }}
    />
  );
}

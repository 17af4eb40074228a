import { Clock, Trash2 } from 'lucide-react';
import type { DemoView } from '../../../shared/domain/demos/demo';
import { Button } from '../components/button';
import { expiredReminder } from './demo-format';

/** Props of {@link ExpiredBanner}. */
export interface ExpiredBannerProps {
  demos: DemoView[];
  /** Asks to tear down every expired demo (the caller confirms first). */
  onTearDown: (expired: DemoView[]) => void;
}

/** The reminder at the top of the Demos screen when demos have outlived their expiry. */
export function ExpiredBanner({ demos, onTearDown }: ExpiredBannerProps) {
  const text = expiredReminder(demos);
  if (!text) return null;
  const expired = demos.filter((demo) => demo.expired);
  return (
    <div className="alert alert--warning demos__banner" role="status">
      <Clock className="alert__icon" aria-hidden="true" />
      <div className="alert__body">
        <p className="alert__message">{text}</p>
        <p className="alert__next">Expired demos still run and cost money; tear them down once nobody needs them.</p>
        <div className="alert__action">
          <Button icon={Trash2} onClick={() => onTearDown(expired)}>
            {expired.length === 1 ? 'Tear it down…' : 'Tear them down…'}
          </Button>
        </div>
      </div>
    </div>
  );
}

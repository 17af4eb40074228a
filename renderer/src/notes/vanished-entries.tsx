import { History } from 'lucide-react';
import type { VanishedEntry } from '../../../shared/domain/notes/draft';

/**
 * Entries the draft had that the latest generation no longer has (the range changed, or a commit was
 * rewritten): listed so nothing leaves the notes without anyone seeing it. They are not published.
 */
export function VanishedEntries({ vanished }: { vanished: readonly VanishedEntry[] }) {
  if (vanished.length === 0) return null;
  return (
    <section className="notes-category notes-vanished" aria-labelledby="notes-vanished-title">
      <h3 className="notes-category__title" id="notes-vanished-title">
        <History className="notes-vanished__icon" aria-hidden="true" />
        No longer in this range
        <span className="notes-category__count">{vanished.length}</span>
      </h3>
      <p className="notes-vanished__note">
        The draft had these, but the range no longer does, so they are not published. Widen the range to bring them
        back; your edits to them are kept.
      </p>
      <ul className="entry-list" aria-label="No longer in this range">
        {vanished.map((item) => (
          <li className="entry entry--vanished" key={item.key}>
            <div className="entry__main">
              <span className="entry__title-text">{item.title}</span>
              <div className="entry__meta">
                {item.pr !== null ? (
                  <span className="entry__pr">#{item.pr}</span>
                ) : (
                  <code className="sha">{item.key.replace(/^commit:/, '').slice(0, 7)}</code>
                )}
                <span>was in {item.category}</span>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { IpcError } from '../../../shared/ipc/errors';
import { CollapsibleSection } from '../components/collapsible-section';
import { ExternalLink } from '../components/external-link';
import { splitReleaseBody } from './release-body';

/** Props of {@link MarkdownPreview}. */
export interface MarkdownPreviewProps {
  markdown: string;
  onLinkError: (error: IpcError) => void;
}

const REMARK_PLUGINS = [remarkGfm];

/**
 * How the page renders the body's markdown. No raw HTML is ever rendered (there is no rehype-raw, so
 * react-markdown shows it as text). Links open in the browser through main; images are not loaded (the
 * page's CSP allows none from the network) but named; headings start below the screen's own.
 */
function components(onLinkError: (error: IpcError) => void): Components {
  return {
    a: ({ href, children }) =>
      href ? (
        <ExternalLink className="markdown__link" href={href} title={href} onError={onLinkError}>
          {children}
        </ExternalLink>
      ) : (
        <>{children}</>
      ),
    img: ({ alt }) => <span className="markdown__image">[image{alt ? `: ${alt}` : ''}]</span>,
    h1: ({ children }) => <h3 className="markdown__h1">{children}</h3>,
    h2: ({ children }) => <h4 className="markdown__h2">{children}</h4>,
    h3: ({ children }) => <h4 className="markdown__h3">{children}</h4>,
    h4: ({ children }) => <h5 className="markdown__h4">{children}</h5>,
    h5: ({ children }) => <h6 className="markdown__h4">{children}</h6>,
    h6: ({ children }) => <h6 className="markdown__h4">{children}</h6>,
  };
}

/**
 * The GitHub release body as it will read. Its technical summary sits in a `<details>` block on GitHub;
 * here it is a collapsible section (open, so edits show at once) instead of literal tags. Memoised: a
 * body near GitHub's 125,000-character limit must not be parsed again on every keystroke of the summary.
 */
export const MarkdownPreview = memo(function MarkdownPreview({ markdown, onLinkError }: MarkdownPreviewProps) {
  const parts = splitReleaseBody(markdown);
  const rendered = components(onLinkError);
  const render = (text: string) => (
    <Markdown remarkPlugins={REMARK_PLUGINS} components={rendered}>
      {text}
    </Markdown>
  );
  return (
    <div className="markdown" data-testid="markdown-preview">
      {render(parts.summary)}
      {parts.technical !== null ? (
        <div className="markdown__details">
          <CollapsibleSection title="Technical summary" defaultOpen>
            <div className="markdown__technical">{render(parts.technical)}</div>
          </CollapsibleSection>
        </div>
      ) : null}
      {parts.tail ? render(parts.tail) : null}
    </div>
  );
});

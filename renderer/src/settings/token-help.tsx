import { ExternalLink } from 'lucide-react';
import { useState } from 'react';
import { MINIMAL_TOKEN_PERMISSIONS } from '../../../shared/domain/github/github-account';
import type { IpcError } from '../../../shared/ipc/errors';
import { Button } from '../components/button';
import { CollapsibleSection } from '../components/collapsible-section';
import { ErrorAlert } from '../components/error-alert';
import { callReleaseDesk } from '../lib/release-desk';
import { tokenPageUrl } from './account-format';

/**
 * "Which token to create": the smallest token the train needs, permission by permission with the reason
 * for each, and a button to GitHub's page for creating it on the host the form is about.
 */
export function TokenHelp({ host }: { host: string }) {
  const [error, setError] = useState<IpcError | null>(null);
  const url = tokenPageUrl(host);

  const openTokenPage = async () => {
    if (!url) return;
    setError(null);
    const result = await callReleaseDesk((api) => api.shell.openExternal({ url }));
    if (!result.ok) setError(result.error);
  };

  return (
    <CollapsibleSection title="Which token to create">
      <div className="token-help">
        <p>
          Create a <strong>fine-grained personal access token</strong> for the account you release with. Under{' '}
          <strong>Repository access</strong>, choose <strong>Only select repositories</strong> and pick the repositories
          you release. Then give it these repository permissions, and nothing more:
        </p>
        <div className="table-frame">
          <table className="token-table">
            <caption className="visually-hidden">Repository permissions the token needs</caption>
            <thead>
              <tr>
                <th scope="col">Permission</th>
                <th scope="col">Access</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {MINIMAL_TOKEN_PERMISSIONS.map((permission) => (
                <tr key={permission.name}>
                  <th scope="row">
                    {permission.name}
                    {permission.optional ? <span className="tag">Optional</span> : null}
                  </th>
                  <td className="token-table__access">{permission.access}</td>
                  <td>{permission.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {url ? (
          <div>
            <Button icon={ExternalLink} onClick={() => void openTokenPage()}>
              Open GitHub&apos;s token page
            </Button>
          </div>
        ) : (
          <p className="field__hint">
            {host} is a server on this machine: it takes no GitHub token. For the practice project, use Connect the
            practice account.
          </p>
        )}
        {error ? (
          <ErrorAlert error={{ ...error, message: `GitHub's token page could not be opened. ${error.message}` }} />
        ) : null}
      </div>
    </CollapsibleSection>
  );
}

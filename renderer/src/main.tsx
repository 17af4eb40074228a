import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { MissingBridge } from './app/missing-bridge';
import { releaseDeskApi } from './lib/release-desk';
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/dialog.css';
import './styles/shell.css';
import './styles/projects.css';
import './styles/practice.css';
import './styles/settings.css';
import './styles/train.css';
import './styles/lane-card.css';
import './styles/lane-lists.css';
import './styles/lane-release.css';
import './styles/train-github.css';
import './styles/notes.css';
import './styles/notes-entries.css';
import './styles/notes-preview.css';
import './styles/flows.css';
import './styles/activity.css';
import './styles/demos.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(<StrictMode>{releaseDeskApi() ? <App /> : <MissingBridge />}</StrictMode>);

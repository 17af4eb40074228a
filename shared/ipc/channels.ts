/**
 * Channel and event names of the IPC contract, with no schema attached. The sandboxed preload imports
 * only this file, so it must stay free of runtime dependencies (zod included).
 */
export const INVOKE_CHANNELS = [
  'app.info',
  'projects.list',
  'projects.add',
  'projects.remove',
  'projects.setConfigFile',
  'train.status',
  'train.github',
  'notes.generate',
  'notes.saveDraft',
  'notes.copy',
  'notes.exportFile',
  'dialog.pickFolder',
  'dialog.pickConfigFile',
  'shell.openExternal',
  'github.accounts',
  'github.connect',
  'github.disconnect',
  'practice.open',
  'practice.reset',
  'practice.connect',
  'flows.plan',
  'flows.start',
  'flows.resume',
  'flows.abandon',
  'flows.approve',
  'flows.runs',
  'flows.breakLock',
  'servers.list',
  'servers.probe',
  'servers.add',
  'servers.remove',
  'servers.test',
  'dialog.pickKeyFile',
  'demos.list',
  'demos.status',
  'demos.up',
  'demos.follow',
  'demos.unfollow',
  'demos.down',
  'demos.branches',
] as const;

/** A request/response channel, named `domain.verb`. */
export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];

/** Events streamed from main to the renderer. */
export const EVENT_CHANNELS = [
  'projects.addProgress',
  'train.fetchProgress',
  'flows.progress',
  'demos.log',
  'demos.state',
] as const;

/** An event channel, named `domain.event`. */
export type EventChannel = (typeof EVENT_CHANNELS)[number];

/** The Electron-level channel name an invoke channel travels on; prefixed so nothing else collides. */
export function wireName(channel: InvokeChannel | EventChannel): string {
  return `release-desk:${channel}`;
}

/**
 * Thrown by a command that has already printed all it has to say (a blocked dry run, a run that did not
 * complete) to end with `exitCode` and print nothing more: not an error message, nor a second JSON document.
 */
export class CommandExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'CommandExit';
  }
}

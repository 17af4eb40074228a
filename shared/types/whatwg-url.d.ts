/**
 * The WHATWG URL class exists in every runtime shared/ runs in (Node, Chromium), but TypeScript only
 * declares it in the DOM and Node libraries, which shared/ deliberately does not load. This declares
 * the part shared/ uses, so shared/ still cannot reach `document` or `fs`.
 */
declare class URL {
  constructor(input: string, base?: string);
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
}

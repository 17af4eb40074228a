import { beforeAll, describe, expect, it } from 'vitest';
import { OpenApiResponseValidator } from './testing/openapi-response-validator';

// The fidelity tests are only as good as this validator: prove it rejects what GitHub would not send.
describe('OpenApiResponseValidator', () => {
  let validator: OpenApiResponseValidator;
  beforeAll(() => {
    validator = new OpenApiResponseValidator();
  });

  it('rejects a body that misses required fields', () => {
    expect(() => validator.validate('GET', '/user', 200, {})).toThrow(/required property 'avatar_url'/);
  });

  it('rejects a wrong type and a bad format inside a $ref', () => {
    expect(() => validator.validate('GET', '/repos/{owner}/{repo}/pulls', 200, [{ number: 'x' }])).toThrow(
      /does not match/,
    );
    const ref = { ref: 'r', node_id: 'n', url: 'not a uri', object: { type: 'commit', sha: 'a', url: 'http://x/y' } };
    expect(() => validator.validate('POST', '/repos/{owner}/{repo}/git/refs', 201, ref)).toThrow(/format/);
  });

  it('refuses an operation or a status the description does not have', () => {
    expect(() => validator.validate('GET', '/nope', 200, {})).toThrow(/No operation/);
    expect(() => validator.validate('GET', '/user', 204, {})).toThrow(/No JSON schema/);
  });

  it("holds an error status the operation does not describe to GitHub's basic error", () => {
    expect(() => validator.validate('GET', '/user', 418, { message: 'teapot' })).not.toThrow();
    expect(() => validator.validate('GET', '/user', 418, { message: 418 })).toThrow(/does not match/);
  });

  it('maps a concrete next-page URL back to its operation', () => {
    const url = 'http://127.0.0.1:1/repos/o/r/releases?per_page=1&page=2';
    expect(() => validator.validate('GET', url, 200, [{ id: 'x' }])).toThrow(
      /GET \/repos\/\{owner\}\/\{repo\}\/releases 200/,
    );
  });

  it('follows a response $ref to the shared error schemas', () => {
    expect(() => validator.validate('GET', '/repos/{owner}/{repo}', 404, { message: 'Not Found' })).not.toThrow();
  });
});

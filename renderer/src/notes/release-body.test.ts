import { describe, expect, it } from 'vitest';
import { splitReleaseBody } from './release-body';

describe('splitReleaseBody', () => {
  it('takes the technical summary out of its details block', () => {
    const body = [
      'Users get **faster** maps.',
      '',
      '<details><summary>Technical summary</summary>',
      '',
      '### Features',
      '',
      '* feat: maps (#1) by @sam',
      '',
      '</details>',
      '',
      '**Contributors:** sam',
      '',
    ].join('\n');
    expect(splitReleaseBody(body)).toEqual({
      summary: 'Users get **faster** maps.',
      technical: '### Features\n\n* feat: maps (#1) by @sam',
      tail: '**Contributors:** sam',
    });
  });

  it('leaves a body without the block whole, and is not fooled by a summary that quotes the tags', () => {
    expect(splitReleaseBody('just text')).toEqual({ summary: 'just text', technical: null, tail: '' });
    const quoted = 'Use </details> here.\n\n<details><summary>Technical summary</summary>\n\n* a\n\n</details>\n';
    expect(splitReleaseBody(quoted)).toMatchObject({ summary: 'Use </details> here.', technical: '* a' });
  });
});

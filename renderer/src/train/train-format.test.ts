import { describe, expect, it } from 'vitest';
import { countOf, pullRequestUrl, shortSha } from './train-format';

describe('train formatting', () => {
  it('abbreviates shas, counts nouns and builds PR links', () => {
    expect(shortSha('064632c341acc3d768a45682b11ce24080531834')).toBe('064632c');
    expect(countOf(1, 'commit', 'commits')).toBe('1 commit');
    expect(countOf(92, 'commit', 'commits')).toBe('92 commits');
    expect(pullRequestUrl('https://github.com/hotosm/field-tm', 3068)).toBe(
      'https://github.com/hotosm/field-tm/pull/3068',
    );
  });
});

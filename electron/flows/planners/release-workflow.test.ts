import { describe, expect, it } from 'vitest';
import { runsOnRelease } from './release-workflow';

describe('runsOnRelease', () => {
  it.each([
    ['on: release\n', true],
    ['on: [push, release]\n', true],
    ['on:\n  release:\n    types: [published]\n', true],
    ['on:\n  push:\n    branches: [main]\n', false],
    ['on: [push]\n', false],
    ['name: no triggers\n', false],
    ['on: [unclosed\n', false],
    ['just text', false],
  ])('%j → %s', (text, expected) => {
    expect(runsOnRelease(text)).toBe(expected);
  });
});

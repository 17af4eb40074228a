import { resolve } from 'node:path';

const PROJECT_ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * The field-tm replica (every branch, tag and merge of hotosm/field-tm, with the version files). It sits
 * beside the checkout, at `../shared/fixtures` from the project root, here and in CI.
 */
export const REPLICA_BUNDLE = resolve(PROJECT_ROOT, '../shared/fixtures/field-tm-history.bundle');

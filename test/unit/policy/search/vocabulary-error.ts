import { VocabularyError } from '../../../../bot/src/policy/search';

/** The VocabularyError `fn` throws; fails the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): VocabularyError {
  try {
    fn();
  } catch (err) {
    if (err instanceof VocabularyError) return err;
    throw err;
  }
  throw new Error('expected a VocabularyError');
}

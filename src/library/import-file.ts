import { DatasetError, validateDataset } from '../dataset';
import type { Dataset } from '../dataset/types';

/** Why a file cannot be imported, naming the file. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ImportError';
  }
}

/** Largest file an import reads; a 10,000-article library export is well under this. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * Parses and validates an exported library (the dataset format). Throws an ImportError that
 * says what is wrong; nothing is written until this has returned.
 */
export function parseLibraryFile(file: string, text: string): Dataset {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError(file, 'the file is too large');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : null;
    throw new ImportError(file, `not a JSON file${line ? ` (line ${line})` : ''}: ${message}`);
  }
  try {
    return validateDataset(json);
  } catch (error) {
    if (error instanceof DatasetError) {
      throw new ImportError(file, `not a Counterpoint library: ${error.message}`);
    }
    throw error;
  }
}

import { DatasetError, validateDataset } from '../dataset';
import type { Dataset, Outlet } from '../dataset/types';

/**
 * What is wrong with an imported file, as data: the pure core has no message catalogue, so
 * the options page words it in the reader's language (`importProblem*` messages).
 */
export type ImportProblem =
  | { kind: 'tooLarge' }
  | { kind: 'notJson'; line: number | null; detail: string }
  | { kind: 'notLibrary'; detail: string }
  | { kind: 'outletConflict'; outlet: string; field: string; known: string; given: string };

/** The problem in English, for logs, the command line and tests. */
function describe(p: ImportProblem): string {
  switch (p.kind) {
    case 'tooLarge':
      return 'the file is too large';
    case 'notJson':
      return `not a JSON file${p.line ? ` (line ${p.line})` : ''}: ${p.detail}`;
    case 'notLibrary':
      return `not a Counterpoint library: ${p.detail}`;
    case 'outletConflict':
      return `outlet "${p.outlet}" is already known with ${p.field} ${p.known}, described here as ${p.given}`;
  }
}

/** Why a file cannot be imported, naming the file (and the line, when one is to blame). */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: ImportProblem,
  ) {
    super(`${file}: ${describe(problem)}`);
    this.name = 'ImportError';
  }
}

/** Largest file an import reads; a 10,000-article library export is well under this. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * Parses and validates an exported library (the dataset format). Throws an ImportError that
 * says what is wrong; nothing is written until this has returned.
 */
export function parseLibraryFile(
  file: string,
  text: string,
  known: readonly Outlet[] = [],
): Dataset {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError(file, { kind: 'tooLarge' });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const line = at ? text.slice(0, Number(at[1])).split('\n').length : null;
    throw new ImportError(file, { kind: 'notJson', line, detail: message });
  }
  let dataset: Dataset;
  try {
    dataset = validateDataset(json);
  } catch (error) {
    if (error instanceof DatasetError) {
      throw new ImportError(file, { kind: 'notLibrary', detail: error.message });
    }
    throw error;
  }
  checkOutlets(file, text, dataset, known);
  return dataset;
}

const OUTLET_FIELDS = ['name', 'country', 'ownership', 'homepage'] as const;

/**
 * An imported outlet must agree with the one already known under its id (bundled or in the
 * library), as a sidecar's must: two descriptions of one outlet would make its articles
 * disagree about who published them.
 */
function checkOutlets(file: string, text: string, dataset: Dataset, known: readonly Outlet[]) {
  const byId = new Map(known.map((o) => [o.id, o]));
  for (const o of dataset.outlets) {
    const k = byId.get(o.id);
    if (!k) {
      byId.set(o.id, o);
      continue;
    }
    for (const field of OUTLET_FIELDS) {
      if (field === 'homepage' && o.homepage === null) continue;
      if (k[field] === o[field]) continue;
      const outlets = Math.max(0, text.indexOf('"outlets"'));
      const at = new RegExp(`"id"\\s*:\\s*${JSON.stringify(o.id)}`).exec(text.slice(outlets));
      const line = text.slice(0, outlets + (at?.index ?? 0)).split('\n').length;
      throw new ImportError(`${file}:${line}`, {
        kind: 'outletConflict',
        outlet: o.id,
        field,
        known: JSON.stringify(k[field]),
        given: JSON.stringify(o[field]),
      });
    }
  }
}

import type { ComponentChild } from 'preact';
import { t, type MessageKey } from '../shared/i18n';

const MARK = '\u0001';

/**
 * A translated sentence with elements in it ("On for <strong>site</strong>"): the catalogue keeps
 * the whole sentence, so each language orders its words, and `$1`… become the given nodes.
 */
export function MessageParts({ msg, parts }: { msg: MessageKey; parts: ComponentChild[] }) {
  const text = t(msg, ...parts.map((_, i) => `${MARK}${i}${MARK}`));
  const out: ComponentChild[] = [];
  text.split(MARK).forEach((piece, i) => {
    if (i % 2 === 0) {
      if (piece) out.push(piece);
    } else {
      out.push(parts[Number(piece)]);
    }
  });
  return <>{out}</>;
}

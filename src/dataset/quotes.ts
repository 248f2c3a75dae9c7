/** A direct quotation found in the cleaned paragraphs. */
export interface QuoteSpan {
  /** Paragraph where the quotation opens. */
  paragraph: number;
  /** Paragraph where it closes (later than `paragraph` when it runs on). */
  endParagraph: number;
  /** Offset of the opening mark in the opening paragraph. */
  open: number;
  /** Offset of the closing mark in the closing paragraph (its length when unclosed). */
  close: number;
  /** The characters between the marks; paragraphs of a run-on quotation joined by "\n". */
  text: string;
}

const OPENERS = new Set(['“', '„', '«']);
const CLOSERS = new Set(['”', '»']);

/** Whether a straight double quote at `i` opens (by what is around it) or closes. */
function straightOpens(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  const after = text[i + 1] ?? ' ';
  if (/\s/.test(after)) return false;
  return /[\s([{\u2014\u2013-]/.test(before) || i === 0;
}

/** Single-quote marks used as quotation marks (headlines): ‘…’ or '…' around words. */
function singleQuoteSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const re = /(^|[\s(\u2014\u2013-])(['‘])(?=\S)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const open = m.index + m[1]!.length;
    const closeRe =
      m[2] === '‘' ? /’(?=$|[\s,.;:!?)\u2014\u2013-])/g : /'(?=$|[\s,.;:!?)\u2014\u2013-])/g;
    closeRe.lastIndex = open + 1;
    const c = closeRe.exec(text);
    // Require a letter before the close so "Kim's" is never a closing mark.
    if (c && c.index > open + 1 && /[\p{L}\p{N}.!?]/u.test(text[c.index - 1]!)) {
      spans.push([open, c.index]);
      re.lastIndex = c.index + 1;
    }
  }
  return spans;
}

/**
 * Finds every direct quotation: curly, straight or mixed double marks in any paragraph,
 * single marks in the headline (paragraph 0), and quotations that run on to the next paragraph
 * (the paragraph ends inside the quotation and the next one opens with a quote mark).
 */
export function findQuotes(paragraphs: string[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let carry: { paragraph: number; open: number; parts: string[] } | null = null;
  paragraphs.forEach((text, p) => {
    if (p === 0) {
      for (const [open, close] of singleQuoteSpans(text)) {
        out.push({ paragraph: 0, endParagraph: 0, open, close, text: text.slice(open + 1, close) });
      }
    }
    let openAt: number | null = null;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      const isOpen = OPENERS.has(ch) || (ch === '"' && straightOpens(text, i));
      const isClose = CLOSERS.has(ch) || (ch === '"' && !isOpen);
      if (openAt === null && carry && i === 0 && isOpen) {
        // Run-on quotation: this paragraph re-opens it.
        openAt = 0;
        continue;
      }
      if (openAt === null && carry) {
        // The previous paragraph's quotation was never closed and this one does not go on with it.
        carry = null;
      }
      if (openAt === null) {
        if (isOpen) openAt = i;
        continue;
      }
      if (isClose) {
        const body = text.slice(openAt + 1, i);
        if (carry) {
          carry.parts.push(body);
          out.push({
            paragraph: carry.paragraph,
            endParagraph: p,
            open: carry.open,
            close: i,
            text: carry.parts.join('\n'),
          });
          carry = null;
        } else {
          out.push({ paragraph: p, endParagraph: p, open: openAt, close: i, text: body });
        }
        openAt = null;
      } else if (isOpen && OPENERS.has(ch)) {
        // A curly opener inside an open quotation: the earlier mark was never closed. Restart.
        openAt = i;
      }
    }
    if (openAt !== null) {
      const body = text.slice(openAt + 1);
      const next = paragraphs[p + 1];
      if (next !== undefined && /^["“„«]/.test(next)) {
        if (carry) carry.parts.push(body);
        else carry = { paragraph: p, open: openAt, parts: [body] };
      } else if (carry) {
        carry.parts.push(body);
        out.push({
          paragraph: carry.paragraph,
          endParagraph: p,
          open: carry.open,
          close: text.length,
          text: carry.parts.join('\n'),
        });
        carry = null;
      } else if (body.trim().split(/\s+/).length >= 3) {
        // Unclosed to the end of the paragraph: keep it, up to the paragraph's end.
        out.push({ paragraph: p, endParagraph: p, open: openAt, close: text.length, text: body });
      }
    } else if (!(carry && openAt === null)) {
      // nothing pending
    }
  });
  return out.filter((q) => q.text.trim().length > 0);
}

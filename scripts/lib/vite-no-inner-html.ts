import type { Plugin } from 'vite';

const PREACT_CORE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact(\.module)?\.m?js$/;
const READABILITY = /[\\/]node_modules[\\/]@mozilla[\\/]readability[\\/]Readability\.js$/;

/**
 * Readability's two markup writes, as DOM copies: it keeps a copy of the page to retry with
 * (`innerHTML` out and back in) and unwraps <noscript> images. Copying nodes does the same
 * without parsing any HTML (our DOMParser document has scripting off, so <noscript> content
 * is already nodes).
 */
const READABILITY_REWRITES: [string, string][] = [
  ['var pageCacheHtml = page.innerHTML;', 'var pageCacheHtml = page.cloneNode(true);'],
  [
    'page.innerHTML = pageCacheHtml;',
    'page.replaceChildren(...Array.from(pageCacheHtml.cloneNode(true).childNodes));',
  ],
  [
    'tmp.innerHTML = noscript.innerHTML;',
    'tmp.replaceChildren(...Array.from(noscript.cloneNode(true).childNodes));',
  ],
];

/**
 * Removes every `innerHTML` write in our bundles. Preact's `dangerouslySetInnerHTML`
 * support, which Counterpoint never uses. A write now throws instead, so page or dataset
 * text can never become markup in our UI, and `web-ext lint` has nothing to flag.
 * The build fails if Preact's code changes shape and the rewrite no longer applies.
 */
export function noInnerHtml(): Plugin {
  return {
    name: 'counterpoint:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (READABILITY.test(id)) {
        let out = code;
        for (const [from, to] of READABILITY_REWRITES) {
          if (!out.includes(from)) this.error(`no-inner-html: "${from}" not found in ${id}`);
          out = out.replace(from, to);
        }
        if (/\.innerHTML\s*=[^=]/.test(out)) {
          this.error(`no-inner-html: an innerHTML write is left in ${id}`);
        }
        return { code: out, map: null };
      }
      if (!PREACT_CORE.test(id)) return null;
      let writes = 0;
      const out = code
        .replace(/\b(\w+)\.innerHTML=(\w+)\.__html\b/g, () => {
          writes++;
          return '(()=>{throw new Error("dangerouslySetInnerHTML is disabled")})()';
        })
        .replace(/\b(\w+)\.innerHTML=(""|``|'')/g, (_m, el: string) => {
          writes++;
          return `${el}.textContent=""`;
        });
      if (writes !== 2 || /\.innerHTML\s*=/.test(out)) {
        this.error(`no-inner-html: expected 2 innerHTML writes in ${id}, found ${writes}`);
      }
      return { code: out, map: null };
    },
  };
}

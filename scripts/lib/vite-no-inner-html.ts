import type { Plugin } from 'vite';

const PREACT_CORE = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact(\.module)?\.m?js$/;

/**
 * Removes the only `innerHTML` writes in our bundles: Preact's `dangerouslySetInnerHTML`
 * support, which Counterpoint never uses. A write now throws instead, so page or dataset
 * text can never become markup in our UI, and `web-ext lint` has nothing to flag.
 * The build fails if Preact's code changes shape and the rewrite no longer applies.
 */
export function noInnerHtml(): Plugin {
  return {
    name: 'counterpoint:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
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

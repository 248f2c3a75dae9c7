import { render } from 'preact';
import { Compare } from './components/Compare';
import { setPageLanguage } from '../ui/page-language';
import '../ui/base.css';
import './compare.css';

/** Renders the compare view; the articles come from `?a=ID&b=ID`. */
export function mountCompare(root: HTMLElement | null): void {
  if (!root) throw new Error('Counterpoint compare: #app is missing');
  setPageLanguage('titleComparePage');
  const params = new URLSearchParams(location.search);
  render(<Compare left={params.get('a')} right={params.get('b')} />, root);
}

import { render } from 'preact';
import { Options } from './components/Options';
import { setPageLanguage } from '../ui/page-language';
import '../ui/base.css';

/** Renders the options page into `root`. */
export function mountOptions(root: HTMLElement | null): void {
  if (!root) throw new Error('Counterpoint options: #app is missing');
  setPageLanguage('titleOptionsPage');
  render(<Options />, root);
}

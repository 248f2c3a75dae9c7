import { render } from 'preact';
import { Popup } from './components/Popup';
import { setPageLanguage } from '../ui/page-language';
import '../ui/base.css';
import '../ui/coverage/coverage.css';

/** Renders the toolbar popup into `root`. */
export function mountPopup(root: HTMLElement | null): void {
  if (!root) throw new Error('Counterpoint popup: #app is missing');
  setPageLanguage('extName');
  render(<Popup />, root);
}

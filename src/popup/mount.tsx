import { render } from 'preact';
import { Popup } from './components/Popup';
import '../ui/base.css';
import '../ui/coverage/coverage.css';

/** Renders the toolbar popup into `root`. */
export function mountPopup(root: HTMLElement | null): void {
  if (!root) throw new Error('Counterpoint popup: #app is missing');
  render(<Popup />, root);
}

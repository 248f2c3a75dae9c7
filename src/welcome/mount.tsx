import { render } from 'preact';
import { Welcome } from './components/Welcome';
import { setPageLanguage } from '../ui/page-language';
import '../ui/base.css';
import '../ui/coverage/coverage.css';

/** Renders the first-run page. */
export function mountWelcome(root: HTMLElement | null): void {
  if (!root) throw new Error('Counterpoint welcome: #app is missing');
  setPageLanguage('titleWelcomePage');
  render(<Welcome />, root);
}

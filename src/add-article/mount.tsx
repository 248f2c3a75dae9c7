import { render } from 'preact';
import { AddArticle } from './components/AddArticle';
import { setPageLanguage } from '../ui/page-language';
import '../ui/base.css';

/** Renders "Add this article" for the tab named by `?tab=ID`. */
export function mountAddArticle(root: HTMLElement | null): void {
  if (!root) throw new Error('Counterpoint add: #app is missing');
  setPageLanguage('titleAddPage');
  const tab = new URLSearchParams(location.search).get('tab');
  render(<AddArticle tabId={tab && /^\d+$/.test(tab) ? Number(tab) : null} />, root);
}

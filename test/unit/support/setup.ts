import { installCatalogue } from './dom';

// Every unit test file: `browser.i18n` (which WXT's fake browser leaves unimplemented) answers
// from the English catalogue, so code that shows text can be tested anywhere. `fakeBrowser.reset()`
// keeps it.
installCatalogue();

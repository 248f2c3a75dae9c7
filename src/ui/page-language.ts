import { t, uiLanguage, type MessageKey } from '../shared/i18n';

/**
 * Puts an extension page in the UI's language before it renders: `<html lang>` (for screen
 * readers, hyphenation and fonts) and the tab's title from the catalogue.
 */
export function setPageLanguage(title: MessageKey): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(title);
}

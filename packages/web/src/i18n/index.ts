import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from './en.json';
import nb from './nb.json';

export const LANGUAGES = ['nb', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The chosen language is the only thing the app remembers in the browser: it says nothing about a resident. */
const STORAGE_KEY = 'samspill.language';

function rememberedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'nb' || stored === 'en') return stored;
  } catch {
    // Storage may be blocked; Norwegian bokmål is the default.
  }
  return 'nb';
}

export function setLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered, still switched.
  }
  void i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  resources: { nb: { translation: nb }, en: { translation: en } },
  lng: rememberedLanguage(),
  fallbackLng: 'nb',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export default i18next;

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Titles name the page only, never a resident or a referral's content. */
export function usePageTitle(key: string): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = `${t(key)} – Samspill`;
  }, [key, t, i18n.language]);
}

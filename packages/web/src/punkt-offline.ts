/**
 * Runs before the app (its own module script in index.html, so before Punkt's modules are evaluated):
 * Punkt reads these globals once and otherwise loads icons and animations from Oslo's CDN. The app makes
 * no third-party request at all, so Punkt's fetch is also limited to our own origin.
 */
declare global {
  interface Window {
    pktIconPath?: string;
    pktAnimationPath?: string;
    pktFetch?: typeof fetch;
  }
  const __PUNKT_ASSET_BASE__: string;
}

window.pktIconPath = `${__PUNKT_ASSET_BASE__}icons/`;
window.pktAnimationPath = `${__PUNKT_ASSET_BASE__}animations/`;
window.pktFetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), window.location.href);
  if (url.origin !== window.location.origin) return Promise.reject(new Error('Punkt asset outside this origin refused'));
  return fetch(url, init);
};

export {};

/**
 * The referrals service's own check on a referral's free text, bundled into the form so it can warn
 * while the user types. One function, not a copy: what the form warns about is exactly what the server
 * refuses (it refuses it anyway). It is pure (no server code), so Vite bundles it like any module.
 */
export { type ForbiddenContent, forbiddenContent } from '../../../../referrals/src/modules/referrals/need-description';

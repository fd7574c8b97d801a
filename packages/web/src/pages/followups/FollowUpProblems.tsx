import { useTranslation } from 'react-i18next';

import { PktAlert } from '../../punkt';

/** A stale version (reload, keep what was typed) or another problem, announced. */
export function FollowUpProblems({ conflict, message, onReload }: { conflict: boolean; message: string | null; onReload: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert">
      {conflict && (
        <PktAlert skin="warning" compact>
          <p>{t('followUp.conflict')}</p>
          <button type="button" className="pkt-btn pkt-btn--secondary pkt-btn--small" onClick={onReload}>
            {t('referral.reload')}
          </button>
        </PktAlert>
      )}
      {message && (
        <PktAlert skin="error" compact>
          {message}
        </PktAlert>
      )}
    </div>
  );
}

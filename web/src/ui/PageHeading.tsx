// The page's h1. It sets the document title and takes the focus when the page
// opens, so keyboard and screen-reader users start at the top of the new page.

import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';

export function PageHeading({ title, lead }: { title: string; lead?: string }) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <>
      <h1 class="heading-xl" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {lead && <p class="lead">{lead}</p>}
    </>
  );
}

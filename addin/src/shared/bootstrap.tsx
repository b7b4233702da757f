// Starts a pane: waits for Office.js (or its absence), picks the language, renders inside the shell.
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { initLanguage } from '../i18n/i18n';
import { whenOfficeReady, type OfficeHost } from '../office/host';
import { PaneShell } from './PaneShell';

export interface PaneOptions {
  /** Resource key of the pane's title. */
  titleKey: string;
  /** The Office host the pane belongs to; elsewhere it shows the "outside" note. */
  host: Exclude<OfficeHost, null>;
  render: (context: { host: OfficeHost }) => ReactNode;
}

export async function startPane(options: PaneOptions): Promise<void> {
  const office = await whenOfficeReady();
  initLanguage(office.displayLanguage);
  const root = document.getElementById('root')!;
  createRoot(root).render(
    <StrictMode>
      <PaneShell titleKey={options.titleKey} expectedHost={options.host} host={office.host}>
        {options.render({ host: office.host })}
      </PaneShell>
    </StrictMode>,
  );
}

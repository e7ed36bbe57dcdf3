import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getBridge } from './bridge';
import { NoTokenPage } from './components/NoTokenPage';
import { LocaleProvider } from './i18n/I18nRoot';
import { Root } from './Root';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const choice = getBridge();
createRoot(container).render(
  <StrictMode>
    {choice.kind === 'ready' ? (
      <Root bridge={choice.bridge} />
    ) : (
      <LocaleProvider tag={navigator.language}>
        <NoTokenPage />
      </LocaleProvider>
    )}
  </StrictMode>,
);

import { RemixBrowser } from '@remix-run/react'
import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { isLang, loadDictionary } from './i18n/messages'

// The page was rendered in the language of <html lang>: only that dictionary is fetched.
const lang = document.documentElement.lang
loadDictionary(isLang(lang) ? lang : 'pl').then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    )
  }),
)

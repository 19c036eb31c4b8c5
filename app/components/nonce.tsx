import { createContext, useContext } from 'react'

const NonceContext = createContext('')

/** The CSP nonce of this response, for the scripts Remix renders inline. */
export const NonceProvider = NonceContext.Provider
export const useNonce = () => useContext(NonceContext)

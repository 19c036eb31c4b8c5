import { en } from './en'
import { pl } from './pl'

/** The server speaks both languages; a browser gets only the one it is shown (entry.client). */
export const serverDictionaries = { pl, en }

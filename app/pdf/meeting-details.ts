import { mm } from './theme'

/** Labels of a meeting document's head („Termin”, „Liczba uczestników”) fit on one line. */
export const DETAILS_LABEL_WIDTH = mm(48)

import { isMessageKey, type Translate } from '~/i18n/messages'

/** „zmiana konta” for 'user.updated'; an action without a translation shows as recorded. */
export function auditActionLabel(t: Translate, action: string): string {
  const key = `audit.action.${action}`
  return isMessageKey(key) ? t(key) : action
}

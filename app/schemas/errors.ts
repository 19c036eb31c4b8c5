import { z } from 'zod'

/**
 * Every issue a schema does not name a message for gets a message key of app/i18n, never
 * zod's English („Invalid input”, „Too big”…): a tampered <select>, a number field sent
 * text, a shape no form sends. Imported by fields.ts, so by every schema, in the browser too.
 */
export function messageKeyFor(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'validation.required' : 'validation.invalid'
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.tooShort'
      return issue.origin === 'array' || issue.origin === 'set' ? 'validation.tooFew' : 'validation.tooSmall'
    case 'too_big':
      if (issue.origin === 'string') return 'validation.tooLong'
      return issue.origin === 'array' || issue.origin === 'set' ? 'validation.tooMany' : 'validation.tooBig'
    case 'invalid_value':
      return 'validation.choose'
    case 'invalid_format':
      if (issue.format === 'email') return 'validation.email'
      if (issue.format === 'url') return 'validation.url'
      return 'validation.format'
    default:
      return 'validation.invalid'
  }
}

z.config({ customError: messageKeyFor })

import { afterEach, beforeEach, vi, type MockInstance } from 'vitest'

// As in the Epic Stack: a console.error nobody expected fails the test that caused it. A test
// that expects one replaces it first: `vi.spyOn(console, 'error').mockImplementation(() => {})`.
// The failure is raised after the test, not inside console.error, so that the code under test
// runs exactly as it would without the check.
let spy: MockInstance<typeof console.error>
let unexpected: unknown[][]

beforeEach(() => {
  const original = console.error
  unexpected = []
  spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    unexpected.push(args)
    original(...args)
  })
})

afterEach(() => {
  const calls = unexpected
  // A test that mocked console.error itself has replaced this implementation.
  spy.mockRestore()
  if (calls.length) {
    throw new Error(
      `console.error was called unexpectedly ${calls.length} time(s); first: ${calls[0]!.map(String).join(' ').slice(0, 500)}`,
    )
  }
})
